import Foundation
import ReachCore

/// The request bodies of `/openapi.json`, as the platform's pages send them: the members Reach
/// reads are checked, others are ignored.
enum OpenAPIRequests {
    typealias S = OpenAPISchemas

    static var all: [String: JSONValue] {
        let keywords: JSONValue = [
            "type": "array", "items": ["type": "string", "minLength": 1, "maxLength": 100], "minItems": 1, "maxItems": 20,
        ]
        let campaignId: JSONValue = ["type": "string", "format": "uuid"]
        let plans = ["glow_up", "viral_surge", "fame_flex"]
        return [
            "CreateCampaign": S.body(["name": ["type": "string", "minLength": 1, "maxLength": 200],
                                      "description": ["type": "string", "maxLength": 5_000], "searchType": S.cases(SearchType.self)],
                                     required: ["name"]),
            "UpdateCampaign": S.body(["name": ["type": "string", "minLength": 1, "maxLength": 200],
                                      "description": ["type": .array(["string", "null"]), "maxLength": 5_000],
                                      "status": S.cases(CampaignStatus.self)]),
            "StartKeywordSearch": S.body([
                "keywords": keywords, "targetResults": ["type": .array(["integer", "null"]), "enum": [100, 500, 1000, .null]],
                "campaignId": campaignId,
            ], required: ["keywords", "campaignId"]),
            "StartSimilarSearch": S.body([
                "username": ["type": "string", "minLength": 1, "maxLength": 101, "pattern": "^@?[^\\s]+$"],
                "targetResults": ["type": .array(["integer", "null"]), "minimum": 1, "maximum": 1_000], "campaignId": campaignId,
            ], required: ["username", "campaignId"]),
            "ConfigRow": S.body([
                "category": ["type": "string", "pattern": "^[a-z0-9_]{1,50}$"], "key": ["type": "string", "pattern": "^[a-z0-9_]{1,100}$"],
                "value": ["type": "string", "maxLength": 200], "valueType": S.cases(ConfigValueType.self),
                "description": ["type": "string", "maxLength": 500],
                "isHotReloadable": ["anyOf": [S.boolean, S.enumeration(["true", "false"])]],
            ], required: ["category", "key", "value", "valueType"]),
            "ConfigBulk": S.body([
                "configurations": ["type": "array", "maxItems": 500, "items": S.body([
                    "category": S.string, "key": S.string, "value": S.string, "valueType": S.cases(ConfigValueType.self),
                    "description": S.string,
                ], required: ["category", "key", "value"])],
            ], required: ["configurations"]),
            "OnboardingStepOne": S.body(["fullName": ["type": "string", "minLength": 1, "maxLength": 200],
                                         "businessName": ["type": "string", "minLength": 1, "maxLength": 200]],
                                        required: ["fullName", "businessName"]),
            "OnboardingStepTwo": S.body(["brandDescription": ["type": "string", "minLength": 50, "maxLength": 5_000]],
                                        required: ["brandDescription"]),
            "SavePlan": S.body(["selectedPlan": S.enumeration(plans)], required: ["selectedPlan"]),
            "CompleteOnboarding": S.body(["completed": ["type": "boolean", "enum": [true]], "sessionId": S.string]),
            "SaveProfile": S.body(["name": ["type": "string", "maxLength": 5_000], "companyName": ["type": "string", "maxLength": 5_000],
                                   "industry": ["type": "string", "maxLength": 5_000]]),
            "StripeEvent": S.body(["id": S.string, "type": S.string, "created": S.integer,
                                   "data": S.body(["object": ["type": "object"]], required: ["object"])],
                                  required: ["id", "type", "data"]),
            "ClerkEvent": S.body(["type": S.string, "data": S.body(["id": S.string], required: ["id"])], required: ["type", "data"]),
            "PromoteUser": S.body(["userId": ["type": "string", "minLength": 1, "maxLength": 200], "email": S.string]),
            "SetUserPlan": S.body(["userId": ["type": "string", "minLength": 1, "maxLength": 200], "planKey": S.cases(PlanKey.self),
                                   "plan": S.cases(PlanKey.self)], required: ["userId", "planKey"]),
            "TestUser": S.body([
                "userId": ["type": "string", "minLength": 1, "maxLength": 200], "email": S.string, "fullName": S.string,
                "plan": S.enumeration(plans), "onboarded": S.boolean,
            ], required: ["userId"]),
            "TestClockMove": S.body(["advance": ["type": "string", "pattern": "^[0-9]{1,12}(ms|s|m|h|d)$"], "set": ["type": "string", "format": "date-time"]]),
            "TestSnapshot": S.body(["name": ["type": "string", "pattern": "^[A-Za-z0-9._-]{1,100}$"]], required: ["name"]),
            "UpdatePlan": S.body([
                "planKey": S.string,
                "update": [
                    "type": "object", "additionalProperties": false,
                    "properties": [
                        "displayName": ["type": "string", "minLength": 1, "maxLength": 200], "description": S.string,
                        "monthlyPrice": ["type": "integer", "minimum": 0, "maximum": 2_147_483_647],
                        "yearlyPrice": ["type": "integer", "minimum": 0, "maximum": 2_147_483_647],
                        "campaignsLimit": ["type": "integer", "minimum": -1, "maximum": 2_147_483_647],
                        "creatorsLimit": ["type": "integer", "minimum": -1, "maximum": 2_147_483_647],
                        "features": ["type": "object"], "isActive": S.boolean,
                    ],
                ],
            ], required: ["planKey", "update"]),
        ]
    }
}

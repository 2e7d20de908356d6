import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP

/// The platform's admin pages: configuration, user search, promote, set plan, plans.
@Suite("Contract: admin")
struct ContractAdminTests {
    @Test("the configuration page: load grouped, edit by posting the whole row, one value, bulk save, delete")
    func configuration() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_admin", admin: true)
        let token = try await harness.token("user_admin")
        try await harness.test { client throws in
            let loaded = try await client.call(.get, "/api/admin/config", token: token)
            expectFields(loaded.json, ["configurations": .object, "categories": .array, "totalCount": .integer], "GET config")
            let groups = loaded.json["configurations"]?.objectValue ?? [:]
            #expect(groups.count == loaded.json["categories"]?.arrayValue?.count && groups["timeouts"] != nil)
            let row = try #require(groups["timeouts"]?.arrayValue?.first { $0["key"] == "standard_job_timeout" })
            expectFields(row, ["id": .string, "key": .string, "value": .string, "valueType": .string, "description": .string,
                               "isHotReloadable": .string, "updatedAt": .string], "a configuration row")
            #expect(row["isHotReloadable"] == "true", "the page compares isHotReloadable === 'true'")

            // The page posts the whole row it shows, with the new value.
            guard case .object(var edited) = row else { return }
            edited["value"] = "45m"
            let saved = try await client.call(.post, "/api/admin/config", token: token, body: JSONValue.object(edited).jsonText)
            #expect(saved.status == 200 && saved.json["success"] == true && saved.json["value"] == "45m")
            let one = try await client.call(.get, "/api/admin/config?category=timeouts&key=standard_job_timeout", token: token)
            #expect(one.json["category"] == "timeouts" && one.json["key"] == "standard_job_timeout" && one.json["value"] == "45m")
            edited["value"] = "soon"
            let refused = try await client.call(.post, "/api/admin/config", token: token, body: JSONValue.object(edited).jsonText)
            #expect(refused.status == 400 && refused.json["error"]?.stringValue?.isEmpty == false, "the platform's 500")

            let bulk = try await client.call(.put, "/api/admin/config", token: token, body: """
                {"configurations":[{"category":"timeouts","key":"standard_job_timeout","value":"30m","valueType":"duration"},
                                   {"category":"api_limits","key":"max_api_calls_tiktok","value":"-3","valueType":"number"}]}
                """)
            #expect(bulk.status == 200 && bulk.json["success"] == false)
            expectFields(bulk.json, ["message": .string, "results": .array, "results.0.success": .boolean,
                                     "results.0.key": .string, "results.1.error": .string], "PUT config")
            #expect(bulk.json["results"]?[0]?["success"] == true && bulk.json["results"]?[1]?["success"] == false)
            #expect(try await harness.app.configuration.row(.standardJobTimeout).value == "30m")
            let notArray = try await client.call(.put, "/api/admin/config", token: token, body: #"{"configurations":"all"}"#)
            #expect(notArray.status == 400)

            let deleted = try await client.call(.delete, "/api/admin/config?category=timeouts&key=standard_job_timeout", token: token)
            #expect(deleted.status == 200 && deleted.json["success"] == true && deleted.json["key"] == "standard_job_timeout")
            #expect(try await harness.app.configuration.row(.standardJobTimeout).value == "60m", "the default applies")
            let initState = try await client.call(.get, "/api/admin/config/init", token: token)
            expectFields(initState.json, ["isInitialized": .boolean, "configuredCategories": .array, "expectedCategories": .array,
                                          "totalConfigurations": .integer], "GET config/init")
            let initialized = try await client.call(.post, "/api/admin/config/init", token: token)
            #expect(initialized.status == 200 && initialized.json["success"] == true && initialized.json["timestamp"] != nil)
            #expect(initialized.json["added"] == 1)
        }
    }

    @Test("admin user search under the platform's path: user_id prefix, name and business substrings, newest first")
    func userSearch() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_admin", admin: true)
        try await harness.database.writer.write { db in
            for (index, (id, name, business)) in [("user_ada", "Ada Lovelace", "Engines"), ("user_bob", "Bob Adams", "Bakery"),
                                                   ("user_cy", "Cy Young", "Adaptive Co")].enumerated() {
                var profile = UserProfile(userId: id, email: "\(id)@example.com", fullName: name,
                                          now: start.addingTimeInterval(Double(index)))
                profile.businessName = business
                try profile.insert(db)
            }
        }
        let token = try await harness.token("user_admin")
        try await harness.test { client throws in
            let found = try await client.call(.get, "/api/admin/email-testing/users?q=ada", token: token)
            expectFields(found.json, ["users": .array, "query": .string, "count": .integer, "searchMethod": .string], "search")
            let ids = found.json["users"]?.arrayValue?.compactMap { $0["user_id"]?.stringValue } ?? []
            #expect(ids == ["user_cy", "user_bob", "user_ada"], "name, business and id matches, newest first: \(ids)")
            for user in found.json["users"]?.arrayValue ?? [] {
                expectFields(user, ["user_id": .string, "full_name": .string, "email": .string, "onboarding_step": .string,
                                    "computed_trial_status": .string, "time_remaining": .string], "a found user")
            }
            let byId = try await client.call(.get, "/api/admin/email-testing/users?q=user_b", token: token)
            #expect(byId.json["users"]?.arrayValue?.compactMap { $0["user_id"]?.stringValue } == ["user_bob"])
            let short = try await client.call(.get, "/api/admin/email-testing/users?q=a", token: token)
            #expect(short.json["users"] == [], "under 2 characters: nothing")
            let cached = try await client.call(.get, "/api/admin/email-testing/users-cached?q=user_c", token: token)
            #expect(cached.json["users"]?[0]?["user_id"] == "user_cy" && cached.json["cached"] == false)
            let reach = try await client.call(.get, "/api/admin/users?q=ada", token: token)
            #expect(reach.json["users"]?.arrayValue?.count == 3 && reach.json["users"]?[0]?["user_id"] == "user_cy")
            let plain = try await client.call(.get, "/api/admin/email-testing/users?q=ada", token: try await harness.token("user_cy"))
            #expect(plain.status == 403)
        }
    }

    @Test("promote, set plan with planKey, the billing lookup, and the plans page's edit")
    func usersAndPlans() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_admin", admin: true)
        try harness.insertUser("user_a", plan: .glowUp)
        let token = try await harness.token("user_admin")
        try await harness.test { client throws in
            let promoted = try await client.call(.post, "/api/admin/users/promote", token: token, body: #"{"userId":"user_a"}"#)
            #expect(promoted.json["success"] == true && promoted.json["message"] == "User promoted to admin")
            let created = try await client.call(.post, "/api/admin/users/promote", token: token, body: #"{"userId":"user_later"}"#)
            #expect(created.status == 200 && created.json["user"]?["isAdmin"] == true, "a profile is created, as on the platform")
            let noId = try await client.call(.post, "/api/admin/users/promote", token: token, body: #"{}"#)
            #expect(noId.status == 400)

            let set = try await client.call(.post, "/api/admin/users/set-plan", token: token,
                                            body: #"{"userId":"user_a","planKey":"viral_surge"}"#)
            #expect(set.json["success"] == true && set.json["user"]?["currentPlan"] == "viral_surge")
            #expect(set.json["user"]?["planCampaignsLimit"] == 10)
            let unknownPlan = try await client.call(.post, "/api/admin/users/set-plan", token: token,
                                                    body: #"{"userId":"user_a","planKey":"platinum"}"#)
            #expect(unknownPlan.status == 404)

            let billing = try await client.call(.get, "/api/admin/users/billing-status?userId=user_a", token: token)
            expectFields(billing.json, ["currentPlan": .string, "isActive": .boolean, "isTrialing": .boolean, "userId": .string,
                                        "daysRemaining": .integer, "subscriptionStatus": .string, "trialStatus": .string],
                         "GET billing-status")

            let plans = try await client.call(.get, "/api/admin/plans", token: token)
            for plan in plans.json["plans"]?.arrayValue ?? [] {
                expectFields(plan, ["planKey": .string, "displayName": .string, "description": .string, "campaignsLimit": .integer,
                                    "creatorsLimit": .integer, "isActive": .boolean, "features": .object, "updatedAt": .string], "a plan")
            }
            #expect(plans.json["plans"]?.arrayValue?.map { $0["planKey"] } == ["glow_up", "viral_surge", "fame_flex"])
            let edited = try await client.call(.put, "/api/admin/plans", token: token,
                                               body: #"{"planKey":"viral_surge","update":{"campaignsLimit":12,"displayName":"Viral"}}"#)
            #expect(edited.json["success"] == true && edited.json["plan"]?["campaignsLimit"] == 12)
            #expect(try await harness.app.accounts.profile(userId: "user_a").planCampaignsLimit == 12, "users on the plan follow")
            let unknownField = try await client.call(.put, "/api/admin/plans", token: token,
                                                     body: #"{"planKey":"viral_surge","update":{"colour":"red"}}"#)
            #expect(unknownField.status == 400 && unknownField.json["error"]?.stringValue?.contains("colour") == true)
            let text = try await client.call(.put, "/api/admin/plans", token: token,
                                             body: #"{"planKey":"viral_surge","update":{"creatorsLimit":"lots"}}"#)
            #expect(text.status == 400 && text.json["error"]?.stringValue?.contains("update.creatorsLimit") == true)
            let missing = try await client.call(.put, "/api/admin/plans", token: token, body: #"{"planKey":"gold","update":{}}"#)
            #expect(missing.status == 404)
        }
    }
}

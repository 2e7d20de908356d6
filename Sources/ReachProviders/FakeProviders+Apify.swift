import Foundation
import ReachCore

/// Apify's actor runs, held in their ids: a run's id and dataset id carry its input, so the fake
/// keeps no state.
extension FakeProviders {
    func apify(_ request: ProviderHTTPRequest, parts: [String]) -> ProviderHTTPResponse {
        switch (request.method, parts.count) {
        case ("POST", 4) where parts[1] == "acts" && parts[3] == "runs":
            guard let input = input(request) else { return .failure(400, "the input must be a JSON object") }
            let id = Base64URL.encode(Array(input.jsonText.utf8))
            return .json(["data": ["id": .string("run_" + id), "defaultDatasetId": .string("ds_" + id), "status": "RUNNING"]], status: 201)
        case ("POST", 4) where parts[1] == "acts" && parts[3] == "run-sync-get-dataset-items":
            guard let input = input(request) else { return .failure(400, "the input must be a JSON object") }
            return .json(.array(datasetItems(input)), status: 201)
        case ("GET", 3) where parts[1] == "actor-runs":
            return .json(["data": ["id": .string(parts[2]), "status": "SUCCEEDED",
                                   "defaultDatasetId": .string("ds_" + parts[2].dropFirst("run_".count))]])
        case ("POST", 4) where parts[1] == "actor-runs" && parts[3] == "abort":
            return .json(["data": ["id": .string(parts[2]), "status": "ABORTED"]])
        case ("GET", 4) where parts[1] == "datasets" && parts[3] == "items":
            guard let bytes = Base64URL.decode(String(parts[2].dropFirst("ds_".count))),
                let input = try? JSONValue(parsing: Array(bytes))
            else { return .failure(404, "dataset not found") }
            return .json(.array(datasetItems(input)))
        default:
            return .failure(404, "no such endpoint")
        }
    }

    func input(_ request: ProviderHTTPRequest) -> JSONValue? {
        guard let body = request.body, let value = try? JSONValue(parsing: body), value.objectValue != nil else { return nil }
        return value
    }

    /// The scraper's items: with `resultsLimit` above 1, each account with ~80 related profiles;
    /// with 1 (an enhancement), each account's details only. `nobody…` accounts do not exist.
    func datasetItems(_ input: JSONValue) -> [JSONValue] {
        let usernames = Raw.array(input["usernames"]).compactMap(\.stringValue).filter { !$0.lowercased().hasPrefix("nobody") }
        let detailed = Raw.count(input["resultsLimit"]) > 1
        return usernames.map { username in
            let persona = generator.persona(platform: .instagram, handle: username)
            var item: [String: JSONValue] = [
                "username": .string(username), "fullName": .string(persona.name), "biography": .string(persona.bio),
                "followersCount": .int(Int64(persona.followers)), "verified": .bool(persona.verified),
            ]
            if detailed {
                let related = generator.personas(platform: .instagram, searchType: .similar, query: username, cursor: 0, count: 80)
                item["relatedProfiles"] = .array(related.map { profile in
                    ["id": .string(String(profile.id)), "username": .string(profile.handle), "full_name": .string(profile.name),
                     "is_verified": .bool(profile.verified), "is_private": .bool(profile.followers % 11 == 0),
                     "profile_pic_url": .string(Self.avatar(.instagram, profile.handle))]
                } + [["id": "1", "username": .string(username), "full_name": .string(persona.name)]])  // the target itself
            }
            return .object(item)
        }
    }
}

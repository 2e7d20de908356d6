import Foundation
import ReachCore

/// An Instagram similar search through Apify's scraper: the target's related profiles, enhanced
/// from a second run, as stored (providers.md §2.6).
public enum InstagramSimilarMapping {
    /// The username of `input`: the first `@` dropped, an `instagram.com/<name>` URL accepted, cut
    /// at `/` or `?`; nil when not `^[A-Za-z0-9._]+$`.
    public static func username(_ input: String) -> String? {
        var text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("@") { text.removeFirst() }
        if let range = text.range(of: "instagram.com/", options: .caseInsensitive) { text = String(text[range.upperBound...]) }
        if let cut = text.firstIndex(where: { $0 == "/" || $0 == "?" }) { text = String(text[..<cut]) }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")
        guard !text.isEmpty, text.allSatisfy(allowed.contains) else { return nil }
        return text
    }

    /// The actor's input.
    public static func input(usernames: [String], resultsLimit: Int) -> JSONValue {
        ["usernames": .array(usernames.map(JSONValue.string)), "resultsType": "details", "resultsLimit": .int(Int64(resultsLimit)),
         "searchType": "user", "searchLimit": 1, "addParentData": false]
    }

    /// The target's related profiles in order, the target excluded, de-duplicated, `limit` at most.
    public static func related(_ target: JSONValue, username: String, known: Set<String>, limit: Int) -> [JSONValue] {
        var seen: Set<String> = [username.lowercased()]
        return Raw.array(target["relatedProfiles"]).filter { profile in
            let name = Raw.text(profile["username"]).lowercased()
            return !name.isEmpty && !known.contains(name) && seen.insert(name).inserted
        }.prefix(max(0, limit)).map { $0 }
    }

    /// The stored item; `enhanced` is the enhancement run's item for this username, if any.
    public static func item(_ profile: JSONValue, enhanced: JSONValue?) -> JSONValue {
        let username = Raw.text(profile["username"])
        let avatar = Raw.text(profile["profile_pic_url"])
        let bio = Raw.text(enhanced?["biography"])
        let emails = EmailExtractor.emails(in: bio)
        let followers = Raw.count(enhanced?["followersCount"])
        var item: [String: JSONValue] = [
            "creator": [
                "name": .string(Raw.text(profile["full_name"], profile["username"], or: "Unknown Creator")),
                "uniqueId": .string(username), "followers": .int(followers), "bio": .string(bio),
                "emails": .array(emails.map(JSONValue.string)), "avatarUrl": .string(avatar), "profilePicUrl": .string(avatar),
                "verified": .bool(Raw.truthy(profile["is_verified"])),
            ],
            "video": [
                "description": .string("Instagram profile: @\(username)"), "url": .string("https://instagram.com/\(username)"),
                "statistics": ["likes": 0, "comments": 0, "views": 0, "shares": 0],
            ],
            "hashtags": [], "platform": "Instagram",
            "id": .string(Raw.id(profile["id"])), "username": .string(username), "full_name": .string(Raw.text(profile["full_name"])),
            "is_private": .bool(Raw.truthy(profile["is_private"])), "is_verified": .bool(Raw.truthy(profile["is_verified"])),
            "profile_pic_url": .string(avatar), "profileUrl": .string("https://instagram.com/\(username)"),
        ]
        if enhanced != nil {
            item["bio"] = .string(bio)
            item["emails"] = .array(emails.map(JSONValue.string))
            item["followers_count"] = .int(followers)
        }
        return .object(item)
    }
}

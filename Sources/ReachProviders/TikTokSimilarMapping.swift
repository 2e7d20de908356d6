import Foundation
import ReachCore

/// A TikTok similar search: the target's keywords, and each found user (`users[].user_info`) as
/// stored (providers.md §2.4).
public enum TikTokSimilarMapping {
    /// Up to 5 distinct words of 3 to 19 characters, stop words dropped, from the target's
    /// nickname, signature and unique id.
    public static func keywords(_ profile: JSONValue, stopWords: Set<String>) -> [String] {
        let user = profile["user"]
        let nickname = Raw.text(user?["nickname"]).lowercased()
        let signature = Raw.text(user?["signature"])
        let uniqueId = Raw.text(user?["uniqueId"], user?["unique_id"]).lowercased()
        let candidates = Self.words(nickname) + Self.words(signature) + [uniqueId]
        var seen = Set<String>()
        return candidates.filter { word in
            (3...19).contains(word.count) && !stopWords.contains(word.lowercased()) && seen.insert(word).inserted
        }.prefix(5).map { $0 }
    }

    /// Words of `text`: runs of JavaScript's `\w` (ASCII letters, digits and `_`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_") {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The found users kept: distinct, public, not the target, most followed first (stable), `limit` at most.
    public static func kept(_ found: [(user: JSONValue, keyword: String)], target: String, limit: Int) -> [(user: JSONValue, keyword: String)] {
        var seen = Set<String>()
        let targetKey = Raw.handle(target).lowercased()
        let candidates = found.filter { entry in
            let handle = Raw.text(entry.user["unique_id"]).lowercased()
            guard !handle.isEmpty, handle != targetKey, Raw.count(entry.user["is_private_account"]) != 1 else { return false }
            return seen.insert(handle).inserted
        }
        return candidates.enumerated()
            .sorted { (Raw.count($0.element.user["follower_count"]), -$0.offset) > (Raw.count($1.element.user["follower_count"]), -$1.offset) }
            .prefix(max(0, limit)).map(\.element)
    }

    /// The stored item; `profileSignature` replaces the bio when it is longer.
    public static func item(_ user: JSONValue, keyword: String, profileSignature: String?) -> JSONValue {
        let handle = Raw.text(user["unique_id"])
        let avatar = Raw.text(Raw.array(user["avatar_medium"]?["url_list"]).first)
        var bio = Raw.text(user["search_user_desc"], user["signature"])
        if let signature = profileSignature, signature.count > bio.count { bio = signature }
        let isPrivate = Raw.count(user["is_private_account"]) == 1
        let verified = Raw.tiktokVerified(user)
        return [
            "id": .string(Raw.id(user["uid"])), "username": .string(handle),
            "full_name": .string(Raw.text(user["nickname"])), "displayName": .string(Raw.text(user["nickname"])),
            "is_private": .bool(isPrivate), "isPrivate": .bool(isPrivate),
            "is_verified": .bool(verified), "verified": .bool(verified),
            "profile_pic_url": .string(avatar), "profilePicUrl": .string(avatar),
            "followerCount": .int(Raw.count(user["follower_count"])), "followingCount": .int(Raw.count(user["following_count"])),
            "videoCount": .int(Raw.count(user["aweme_count"])), "totalLikes": .int(Raw.count(user["total_favorited"])),
            "bio": .string(bio), "emails": .array(EmailExtractor.emails(in: bio).map(JSONValue.string)),
            "profileUrl": .string("https://www.tiktok.com/@\(handle)"), "searchKeyword": .string(keyword),
            "platform": "TikTok",
        ]
    }
}

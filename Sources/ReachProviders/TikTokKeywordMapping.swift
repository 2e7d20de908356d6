import Foundation
import ReachCore

/// A TikTok keyword search's item (`search_item_list[].aweme_info`) as stored (providers.md §2.1).
public enum TikTokKeywordMapping {
    /// The item, or nil when its author has no `unique_id` (dropped: it could not be told apart).
    /// `profileBio` is the profile call's bio, for an author whose `signature` is empty.
    public static func item(_ aweme: JSONValue, profileBio: String? = nil) -> JSONValue? {
        let author = aweme["author"]
        let handle = Raw.text(author?["unique_id"])
        guard !handle.isEmpty else { return nil }
        let avatar = Raw.text(Raw.array(author?["avatar_medium"]?["url_list"]).first)
        let signature = Raw.text(author?["signature"])
        let bio = signature.isEmpty ? (profileBio ?? "") : signature
        let statistics = aweme["statistics"]
        let hashtags = Raw.array(aweme["text_extra"]).filter { Raw.count($0["type"]) == 1 }
            .map { Raw.text($0["hashtag_name"]) }.filter { !$0.isEmpty }
        var item: [String: JSONValue] = [
            "creator": [
                "name": .string(Raw.text(author?["nickname"], author?["unique_id"], or: "Unknown Creator")),
                "uniqueId": .string(handle),
                "followers": .int(Raw.count(author?["follower_count"])),
                "avatarUrl": .string(avatar), "profilePicUrl": .string(avatar),
                "bio": .string(bio),
                "emails": .array(EmailExtractor.emails(in: bio).map(JSONValue.string)),
                "verified": .bool(Raw.tiktokVerified(author)),
            ],
            "video": [
                "description": .string(Raw.text(aweme["desc"], or: "No description")),
                "url": .string(Raw.text(aweme["share_url"])),
                "statistics": [
                    "likes": .int(Raw.count(statistics?["digg_count"])), "comments": .int(Raw.count(statistics?["comment_count"])),
                    "views": .int(Raw.count(statistics?["play_count"])), "shares": .int(Raw.count(statistics?["share_count"])),
                ],
            ],
            "hashtags": .array(hashtags.map(JSONValue.string)),
            "platform": "TikTok",
        ]
        // Reach's addition: when it was posted, for the CSV's Created Date.
        let created = Raw.count(aweme["create_time"])
        if created > 0 { item["createTime"] = .int(created) }
        return .object(item)
    }

    /// Whether the author's bio must come from the profile call.
    public static func needsProfile(_ aweme: JSONValue) -> Bool {
        Raw.text(aweme["author"]?["signature"]).isEmpty
    }

    /// The bio of a profile answer: `user.signature ∨ user.desc ∨ user.bio`.
    public static func profileBio(_ profile: JSONValue) -> String {
        Raw.text(profile["user"]?["signature"], profile["user"]?["desc"], profile["user"]?["bio"])
    }
}

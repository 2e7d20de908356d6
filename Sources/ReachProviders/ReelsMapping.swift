import Foundation
import ReachCore

/// An Instagram reels search's clips (`reels_serp_modules[].clips[].media`): the platform's
/// selection, score and filter, and the stored item (providers.md §2.3).
public enum ReelsMapping {
    /// A clip chosen from a page, with its score.
    public struct Candidate: Sendable {
        public var media: JSONValue
        public var score: Double
        public var engagement: Double

        public var user: JSONValue? { media["user"] }
        public var userKey: String { Raw.id(Raw.first(user?["pk"], user?["id"])) }
    }

    /// The clips of a page's `clips` modules.
    public static func clips(_ page: JSONValue) -> [JSONValue] {
        Raw.array(page["reels_serp_modules"]).filter { $0["module_type"]?.stringValue == "clips" }
            .flatMap { Raw.array($0["clips"]) }.compactMap { $0["media"] }.filter { $0.objectValue != nil }
    }

    /// Steps 1 to 3: the first clip of each user not stored (`known` holds handles), kept when
    /// verified or public with a username, scored, best first (stable).
    public static func candidates(_ clips: [JSONValue], known: Set<String>) -> [Candidate] {
        var seen = Set<String>()
        var chosen: [Candidate] = []
        for media in clips {
            let user = media["user"]
            let key = Raw.id(Raw.first(user?["pk"], user?["id"]))
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            let username = Raw.text(user?["username"]).trimmingCharacters(in: .whitespaces)
            if !username.isEmpty, known.contains(username.lowercased()) { continue }
            let verified = Raw.truthy(user?["is_verified"])
            let isPublic = !Raw.truthy(user?["is_private"])
            guard verified || (isPublic && !username.isEmpty) else { continue }
            let followers = Double(Raw.count(user?["follower_count"]))
            let interactions = Double(Raw.count(media["like_count"])) + Double(Raw.count(media["comment_count"]))
            let engagement = followers > 0 ? 100 * interactions / followers : 0
            let score = (verified ? 1_000 : 0) + min(followers / 1_000, 500) + (isPublic ? 50 : 0) + (username.isEmpty ? 0 : 25)
                + min(10 * engagement, 100)
            chosen.append(Candidate(media: media, score: score, engagement: engagement))
        }
        return chosen.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// Steps 4 and 5: the item with the profile's bio and followers (`profile` is the user-by-id
    /// answer, nil when it failed), or nil when the account is too small to keep.
    public static func item(_ candidate: Candidate, profile: JSONValue?, now: Date) -> JSONValue? {
        let media = candidate.media
        let user = candidate.user
        let profileUser = profile?["user"]
        let bio = Raw.text(profileUser?["biography"], profileUser?["bio"])
        let followers = Raw.count(profileUser?["follower_count"], profileUser?["followers"],
                                  profileUser?["edge_followed_by"]?["count"], user?["follower_count"])
        let verified = Raw.truthy(user?["is_verified"])
        let isPublic = !Raw.truthy(user?["is_private"])
        guard verified || followers >= 300 || (isPublic && followers >= 50) else { return nil }
        let username = Raw.text(user?["username"])
        let caption = Raw.text(media["caption"]?["text"])
        let avatar = Raw.text(user?["profile_pic_url"])
        let taken = Raw.count(media["taken_at"])
        let published = taken > 0 && taken < 253_402_300_800 ? Date(timeIntervalSince1970: TimeInterval(taken)) : now
        let code = Raw.text(media["code"])
        return [
            "creator": [
                "name": .string(Raw.text(user?["full_name"], user?["username"], or: "Unknown")),
                "uniqueId": .string(username),
                "followers": .int(followers),
                "bio": .string(bio), "emails": .array(EmailExtractor.emails(in: bio).map(JSONValue.string)),
                "avatarUrl": .string(avatar), "profilePicUrl": .string(avatar),
                "verified": .bool(verified),
                "qualityScore": .int(Int64(candidate.score.rounded())),
                "engagementRate": .double((candidate.engagement * 100).rounded() / 100),
            ],
            "video": [
                "description": .string(caption),
                "url": .string("https://www.instagram.com/reel/\(code)"),
                "statistics": [
                    "likes": .int(Raw.count(media["like_count"])), "comments": .int(Raw.count(media["comment_count"])),
                    "views": .int(Raw.count(media["play_count"], media["ig_play_count"])), "shares": 0,
                ],
            ],
            "hashtags": .array(hashtags(caption).map(JSONValue.string)),
            "publishedTime": .string(WireFormat.timestamp(published)),
            "postType": .string(Raw.count(media["media_type"]) == 2 ? "Video" : "Image"),
            "mediaUrl": .string(Raw.text(Raw.array(media["image_versions2"]?["candidates"]).first?["url"])),
            "postId": .string(Raw.id(media["id"])), "shortCode": .string(code),
            "ownerUsername": .string(username), "ownerFullName": .string(Raw.text(user?["full_name"])),
            "ownerId": user?["pk"]?.intValue.map { .int($0) } ?? .string(Raw.id(Raw.first(user?["pk"], user?["id"]))),
            "enhancementStatus": "completed",
            "platform": "Instagram",
        ]
    }

    /// `#[A-Za-z0-9_]+` in the caption, `#` kept.
    static func hashtags(_ caption: String) -> [String] {
        caption.matches(of: #/#[A-Za-z0-9_]+/#.matchingSemantics(.unicodeScalar)).map { String(caption[$0.range]) }
    }

    /// The keyword rotation: each keyword's expansion, in order, without repeats.
    public static func rotation(_ keywords: [String], expansions: [String: [String]]) -> [String] {
        var seen = Set<String>()
        var rotation: [String] = []
        for keyword in keywords {
            for term in expand(keyword, expansions: expansions) where seen.insert(term.lowercased()).inserted {
                rotation.append(term)
            }
        }
        return rotation
    }

    /// `airpods` → airpods, wireless earbuds, apple earbuds (a topic of the fixture); several
    /// words → the keyword, its first word, `k review`, `k unboxing`; one word → itself.
    static func expand(_ keyword: String, expansions: [String: [String]]) -> [String] {
        let trimmed = keyword.trimmingCharacters(in: .whitespaces)
        if let fixed = expansions[trimmed.lowercased()] { return [trimmed] + fixed }
        let words = trimmed.split(separator: " ")
        guard words.count > 1, let first = words.first else { return [trimmed] }
        return [trimmed, String(first), "\(trimmed) review", "\(trimmed) unboxing"]
    }
}

import Foundation
import ReachCore

/// A YouTube similar search: the target channel's search terms, the channels its searches find,
/// and each as stored (providers.md §2.5).
public enum YouTubeSimilarMapping {
    /// A category of channels: the words that say a channel is of it, and the terms to search.
    public struct Category: Codable, Sendable, Hashable {
        public var name: String
        public var words: [String]
        public var terms: [String]
    }

    /// Up to `limit` terms: 4 per matching category (in the fixture's order; none matching:
    /// entertainment), then `<type> channels` for each content type the description names.
    public static func terms(_ channel: JSONValue, categories: [Category], contentTypes: [String], limit: Int) -> [String] {
        let name = Raw.text(channel["name"], channel["title"]).lowercased()
        let description = Raw.text(channel["description"]).lowercased()
        let text = name + " " + description
        var matched = categories.filter { category in category.words.contains { containsWord(text, $0) } }
        if matched.isEmpty, let fallback = categories.first(where: { $0.name == "entertainment" }) { matched = [fallback] }
        var terms = matched.flatMap(\.terms)
        terms += contentTypes.filter { containsWord(description, $0) }.map { "\($0) channels" }
        var seen = Set<String>()
        return terms.filter { $0.count > 2 && seen.insert($0.lowercased()).inserted }.prefix(max(0, limit)).map { $0 }
    }

    /// Whether `word` appears in `text` between ASCII word boundaries (`\bword\b`).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty, scalars.count >= target.count else { return false }
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_")
        }
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            let before = start == 0 || !isWord(scalars[start - 1])
            let after = start + target.count == scalars.count || !isWord(scalars[start + target.count])
            if before && after { return true }
        }
        return false
    }

    /// A channel found by the searches, with its videos merged in the order seen.
    public struct Found: Sendable {
        public var channel: JSONValue
        public var videos: [JSONValue]
    }

    /// The searches' videos grouped by channel id, first seen first; videos without a channel and
    /// the target's (by handle or channel id) skipped; the first `limit` channels.
    public static func channels(_ videos: [JSONValue], targetHandle: String, targetChannelId: String, limit: Int) -> [Found] {
        var order: [String] = []
        var found: [String: Found] = [:]
        let handleKey = Raw.handle(targetHandle).lowercased()
        for video in videos {
            guard let channel = video["channel"], channel.objectValue != nil else { continue }
            let id = Raw.id(channel["id"])
            let handle = Raw.handle(Raw.text(channel["handle"])).lowercased()
            guard !id.isEmpty, id != targetChannelId, handle.isEmpty || handle != handleKey else { continue }
            let entry: JSONValue = [
                "title": .string(Raw.text(video["title"])), "url": .string(Raw.text(video["url"])),
                "views": .int(Raw.count(video["viewCountInt"])), "publishedTime": .string(Raw.text(video["publishedTime"])),
            ]
            if found[id] == nil {
                order.append(id)
                found[id] = Found(channel: channel, videos: [])
            }
            found[id]?.videos.append(entry)
        }
        return order.prefix(max(0, limit)).compactMap { found[$0] }
    }

    /// The stored item; `details` is the channel call's answer (the first 10 with a handle have one).
    public static func item(_ found: Found, details: JSONValue?) -> JSONValue {
        let channel = found.channel
        let handle = Raw.text(channel["handle"])
        let title = Raw.text(channel["title"])
        let bio = Raw.text(details?["description"])
        let emails = EmailExtractor.emails(provided: details?["email"]?.stringValue, in: bio)
        let bare = Raw.handle(handle)
        let profile = bare.isEmpty ? "https://www.youtube.com/@" + title.replacingOccurrences(of: " ", with: "")
            : "https://www.youtube.com/@\(bare)"
        return [
            "id": .string(Raw.id(channel["id"])), "handle": .string(handle),
            "username": .string(handle.isEmpty ? title : handle), "full_name": .string(title), "name": .string(title),
            "bio": .string(bio), "emails": .array(emails.map(JSONValue.string)),
            "socialLinks": .array(YouTubeKeywordMapping.links(details?["links"]).map(JSONValue.string)),
            "is_private": false, "is_verified": false,
            "profile_pic_url": .string(Raw.text(channel["thumbnail"], Raw.array(details?["avatar"]?["image"]?["sources"]).first?["url"])),
            "profileUrl": .string(profile),
            "subscriberCount": .string(Raw.text(details?["subscriberCountText"], or: "0 subscribers")),
            "followers_count": .int(Raw.count(details?["subscriberCount"])),
            "videos": .array(found.videos),
            "platform": "YouTube",
        ]
    }
}

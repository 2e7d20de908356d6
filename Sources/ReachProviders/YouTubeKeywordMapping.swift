import Foundation
import ReachCore

/// A YouTube keyword search's video (`videos[]`) as stored, with its channel's details from the
/// channel call (providers.md §2.2).
public enum YouTubeKeywordMapping {
    /// The item, or nil for a video without a channel. `channel` is the channel call's answer.
    public static func item(_ video: JSONValue, channel details: JSONValue?, keywords: [String]) -> JSONValue? {
        guard let channel = video["channel"], channel.objectValue != nil else { return nil }
        let handle = Raw.text(channel["handle"])
        let bio = Raw.text(details?["description"])
        let emails = EmailExtractor.emails(provided: details?["email"]?.stringValue, in: bio)
        let thumbnail = Raw.text(channel["thumbnail"])
        return [
            "creator": [
                "name": .string(Raw.text(channel["title"], or: "Unknown Channel")),
                "handle": .string(handle), "uniqueId": .string(handle), "channelId": .string(Raw.id(channel["id"])),
                "followers": .int(Raw.count(details?["subscriberCount"])),
                "avatarUrl": .string(thumbnail), "profilePicUrl": .string(thumbnail),
                "bio": .string(bio), "emails": .array(emails.map(JSONValue.string)),
                "socialLinks": .array(links(details?["links"]).map(JSONValue.string)),
                "verified": false,
            ],
            "video": [
                "description": .string(Raw.text(video["title"], or: "No title")),
                "url": .string(Raw.text(video["url"])),
                "statistics": ["views": .int(Raw.count(video["viewCountInt"])), "likes": 0, "comments": 0, "shares": 0],
            ],
            "publishedTime": .string(Raw.text(video["publishedTime"])),
            "lengthSeconds": .int(Raw.count(video["lengthSeconds"])),
            "hashtags": [],
            "keywords": .array(keywords.map(JSONValue.string)),
            "platform": "YouTube",
        ]
    }

    /// A channel's links: strings, or objects' `url`.
    static func links(_ value: JSONValue?) -> [String] {
        Raw.array(value).compactMap { $0.stringValue ?? $0["url"]?.stringValue }.filter { !$0.isEmpty }
    }

    /// Who a video's creator is: the channel's handle without `@`, else its id.
    public static func identity(_ video: JSONValue) -> String? {
        let handle = Raw.handle(Raw.text(video["channel"]?["handle"]))
        let key = handle.isEmpty ? Raw.id(video["channel"]?["id"]) : handle
        return key.isEmpty ? nil : key.lowercased()
    }
}

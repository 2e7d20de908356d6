import Foundation
import ReachCore

/// Reach's own export (`?format=reach`): the same columns for every kind of search, with avatars,
/// the job and when each page was found.
enum ReachCSV {
    static let header = [
        "platform", "handle", "name", "followers", "verified", "emails", "bio", "profile_url", "avatar_url",
        "video_url", "video_description", "views", "likes", "comments", "shares", "job_id", "found_at",
    ]

    /// One creator item, in either shape, as a row.
    static func row(_ item: JSONValue, result: ScrapingResult) -> [String] {
        let creator = item["creator"]
        let statistics = item["video"]?["statistics"]
        let emails = (creator?["emails"] ?? item["emails"])?.arrayValue?.compactMap(\.stringValue) ?? []
        return [
            CSV.text(item["platform"]),
            CSV.text(creator?["uniqueId"], creator?["username"], item["username"], creator?["handle"], creator?["channelId"]),
            CSV.text(creator?["name"], item["full_name"]),
            CSV.text(creator?["followers"], item["followers_count"], item["followerCount"], item["subscriberCount"]),
            CSV.text(creator?["verified"], item["is_verified"]),
            emails.joined(separator: "; "),
            CSV.text(creator?["bio"], item["bio"]),
            CSV.text(item["profileUrl"]),
            CSV.text(creator?["avatarUrl"], item["profile_pic_url"]),
            CSV.text(item["video"]?["url"]),
            CSV.text(item["video"]?["description"]),
            CSV.text(statistics?["views"]), CSV.text(statistics?["likes"]), CSV.text(statistics?["comments"]),
            CSV.text(statistics?["shares"]),
            result.jobId?.lowercased ?? "",
            WireFormat.timestamp(result.createdAt),
        ]
    }
}

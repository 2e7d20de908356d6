import Foundation
import ReachCore

/// The platform's CSV exports: one column set per kind of export, every cell quoted, hashtags and
/// keywords joined with `;`, e-mails and social links with `; ` (platform-routes.md).
enum PlatformCSV {
    enum Layout: Equatable {
        /// `?campaignId=`: every job's creators in one file.
        case campaign
        /// A TikTok or Instagram similar job (flat items).
        case flatSimilar
        case youtubeSimilar
        case youtubeKeyword
        /// A TikTok or Instagram keyword job.
        case keyword

        /// The layout of a one-job export.
        init(job: ScrapingJob) {
            switch (job.platform, job.searchType) {
            case (.youtube, .similar): self = .youtubeSimilar
            case (_, .similar): self = .flatSimilar
            case (.youtube, .keyword): self = .youtubeKeyword
            case (_, .keyword): self = .keyword
            }
        }

        var header: [String] {
            switch self {
            case .campaign:
                return ["Platform", "Creator/Channel Name", "Followers", "Video/Content URL", "Title/Description", "Views", "Likes",
                        "Comments", "Shares", "Duration (seconds)", "Hashtags", "Date", "Keywords"]
            case .flatSimilar: return ["Username", "Full Name", "Followers", "Verified", "Private", "Platform", "Profile URL"]
            case .youtubeSimilar:
                return ["Channel Name", "Handle", "Full Name", "Bio", "Email", "Social Links", "Subscribers", "Target Channel", "Platform"]
            case .youtubeKeyword:
                return ["Channel Name", "Subscribers", "Bio", "Email", "Social Links", "Video URL", "Views", "Hashtags", "Keywords", "Platform"]
            case .keyword:
                return ["Username", "Followers", "Bio", "Email", "Video URL", "Description", "Likes", "Comments", "Shares", "Views",
                        "Hashtags", "Created Date", "Keywords", "Platform"]
            }
        }
    }

    /// One creator item of `job` as a row of `layout`.
    static func row(_ item: JSONValue, job: ScrapingJob?, layout: Layout) -> [String] {
        let creator = item["creator"]
        let video = item["video"]
        let statistics = video?["statistics"]
        let platform = CSV.text(item["platform"], job.map { .string($0.platform.rawValue) })
        let keywords = (job?.keywordList ?? []).joined(separator: ";")
        let hashtags = CSV.joined(item["hashtags"], separator: ";")
        let emails = CSV.joined(creator?["emails"] ?? item["emails"], separator: "; ")
        let links = CSV.joined(creator?["socialLinks"] ?? item["socialLinks"], separator: "; ")
        let bio = CSV.text(creator?["bio"], item["bio"])
        let followers = CSV.text(
            creator?["followers"], item["followerCount"], item["followers_count"], item["followers"], item["subscriberCount"])
        switch layout {
        case .campaign:
            return [platform, CSV.text(creator?["name"], item["full_name"], item["name"], item["username"]), followers,
                    CSV.text(video?["url"], item["profileUrl"]), CSV.text(video?["description"]),
                    CSV.text(statistics?["views"]), CSV.text(statistics?["likes"]), CSV.text(statistics?["comments"]),
                    CSV.text(statistics?["shares"]), CSV.text(item["lengthSeconds"]), hashtags, day(item), keywords]
        case .flatSimilar:
            let username = CSV.text(item["username"], creator?["uniqueId"])
            let profile = platform == Platform.tiktok.rawValue
                ? "https://www.tiktok.com/@\(username)" : "https://instagram.com/\(username)"
            return [username, CSV.text(item["full_name"], creator?["name"]), followers,
                    CSV.text(item["is_verified"], creator?["verified"]), CSV.text(item["is_private"], .bool(false)), platform,
                    profile]
        case .youtubeSimilar:
            return [CSV.text(item["name"], item["full_name"], creator?["name"]), CSV.text(item["handle"], creator?["handle"]),
                    CSV.text(item["full_name"]), bio, emails, links,
                    CSV.text(item["subscriberCount"], item["followers_count"], creator?["followers"]),
                    job?.targetUsername ?? "", platform]
        case .youtubeKeyword:
            return [CSV.text(creator?["name"]), CSV.text(creator?["followers"]), bio, emails, links, CSV.text(video?["url"]),
                    CSV.text(statistics?["views"]), hashtags, keywords, platform]
        case .keyword:
            return [CSV.text(creator?["uniqueId"], creator?["name"]), followers, bio, emails, CSV.text(video?["url"]),
                    CSV.text(video?["description"]), CSV.text(statistics?["likes"]), CSV.text(statistics?["comments"]),
                    CSV.text(statistics?["shares"]), CSV.text(statistics?["views"]), hashtags, day(item), keywords, platform]
        }
    }

    /// `YYYY-MM-DD` of a YouTube `publishedTime`, an ISO timestamp, or a `createTime` in Unix seconds; else "".
    static func day(_ item: JSONValue) -> String {
        if let text = item["publishedTime"]?.stringValue, let date = WireFormat.parseTimestamp(text) {
            return String(WireFormat.timestamp(date).prefix(10))
        }
        switch item["createTime"] {
        case .int(let seconds)? where (0...253_402_300_799).contains(seconds):
            return String(WireFormat.timestamp(Date(timeIntervalSince1970: TimeInterval(seconds))).prefix(10))
        case .string(let text)?:
            if let date = WireFormat.parseTimestamp(text) { return String(WireFormat.timestamp(date).prefix(10)) }
            if let seconds = Int64(text), (0...253_402_300_799).contains(seconds) {
                return String(WireFormat.timestamp(Date(timeIntervalSince1970: TimeInterval(seconds))).prefix(10))
            }
            return ""
        default: return ""
        }
    }
}

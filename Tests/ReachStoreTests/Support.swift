import Foundation
import GRDB
@testable import ReachStore

/// A fixed clock value for tests: 2025-11-24 22:06:18.125 UTC.
let testNow = Date(timeIntervalSince1970: 1_764_021_978.125)

extension ReachDatabase {
    /// Inserts a user profile with the given fields.
    @discardableResult
    func insertUser(
        _ userId: String, fullName: String? = nil, email: String? = nil, businessName: String? = nil,
        createdAt: Date = testNow
    ) throws -> UserProfile {
        try writer.write { db throws in
            var profile = UserProfile(userId: userId, email: email, fullName: fullName, now: createdAt)
            profile.businessName = businessName
            try profile.insert(db)
            return profile
        }
    }

    /// Inserts a job (and its campaign) for `userId` and returns it.
    func insertJob(userId: String, platform: Platform = .tiktok, campaign: Bool = true) throws -> ScrapingJob {
        try writer.write { db throws in
            var campaignId: UUID?
            if campaign {
                let row = Campaign(userId: userId, name: "Campaign of \(userId)", searchType: .keyword, now: testNow)
                try row.insert(db)
                campaignId = row.id
            }
            let job = ScrapingJob(
                userId: userId, campaignId: campaignId, platform: platform, keywords: ["fitness"],
                targetResults: 100, timeoutAt: nil, now: testNow)
            try job.insert(db)
            return job
        }
    }

    @discardableResult
    func insertResult(jobId: UUID, _ items: [JSONValue], at date: Date = testNow) throws -> ScrapingResult {
        try writer.write { db throws in
            let result = ScrapingResult(jobId: jobId, creators: items, now: date)
            try result.insert(db)
            return result
        }
    }
}

/// A keyword-search item in the platform's shape.
func keywordItem(_ handle: String, name: String, followers: Int, bio: String = "", emails: [String] = [],
                 verified: Bool = false, platform: String = "TikTok") -> JSONValue {
    [
        "creator": [
            "name": .string(name), "uniqueId": .string(handle), "followers": .int(Int64(followers)),
            "bio": .string(bio), "emails": .array(emails.map(JSONValue.string)), "verified": .bool(verified),
            "avatarUrl": "https://avatars.reach.invalid/a.jpg",
        ],
        "video": ["description": "a video", "url": "https://example.com/v"],
        "platform": .string(platform),
    ]
}

/// A similar-search item in the platform's flat shape.
func similarItem(_ username: String, fullName: String, followers: Int, platform: String = "Instagram") -> JSONValue {
    [
        "id": "123", "username": .string(username), "full_name": .string(fullName), "is_verified": true,
        "followers_count": .int(Int64(followers)), "bio": "bio", "emails": [], "platform": .string(platform),
    ]
}

/// The directory holding schema/sqlite, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

import Foundation
import GRDB
import ReachCore
import ReachStore

/// Rows holding the values most likely to break an export: unicode and emoji, quotes,
/// backslashes, tabs and newlines, empty strings beside NULLs, deep JSON, integers at the 32-bit
/// bounds, timestamps at the ends of the range. Generated from a seed, so a failure reproduces.
enum EdgeValues {
    static let texts = [
        "", "plain", "tab\tand\nnewline\r\n", "back\\slash \\N \\. end", "quotes \" ' `", "émoji 🎉 𝄞 ﷽ 中文",
        "\u{1}\u{7}\u{1B} control", "  padded  ", "%_*()[]", "\"json\": {\"not\": \"parsed\"}", "line\\nnot newline",
    ]
    static let timestamps = [
        "0001-01-01 00:00:00.000", "9999-12-31 23:59:59.999", "2024-02-29 12:00:00.000", "1970-01-01 00:00:00.000",
        "2026-11-24 22:06:18.123",
    ]
    static let integers: [Int64] = [-2_147_483_648, 2_147_483_647, 0, -1, 1]

    static func json(_ random: inout SeededRandom, depth: Int) -> JSONValue {
        if depth == 0 {
            switch random.next() % 6 {
            case 0: return .string(random.pick(texts))
            case 1: return .int(Int64(random.next() % 2_000_000_000) - 1_000_000_000)
            case 2: return .double(Double(random.next() % 100_000) / 7)
            case 3: return .bool(random.chance(0.5))
            case 4: return .null
            default: return .string("\u{0}".isEmpty ? "" : "ctl\u{1F}\u{7F}")
            }
        }
        if random.chance(0.5) {
            return .array((0..<(1 + Int(random.next() % 3))).map { _ in json(&random, depth: depth - 1) })
        }
        var members: [String: JSONValue] = [:]
        for _ in 0..<(1 + Int(random.next() % 3)) { members[random.pick(texts) + String(random.next() % 10)] = json(&random, depth: depth - 1) }
        return .object(members)
    }

    static func deep(_ depth: Int) -> JSONValue {
        (0..<depth).reduce(JSONValue.string("bottom")) { inner, _ in .array([inner]) }
    }

    /// Inserts `count` users, campaigns, jobs, results, events and background jobs of edge values.
    static func insert(into database: ReachDatabase, seed: UInt64, count: Int) throws {
        var random = SeededRandom(seed: seed)
        try database.writer.write { db in
            for index in 0..<count {
                let stamp = random.pick(timestamps)
                let text = random.pick(texts)
                let userId = "edge_\(seed)_\(index)"
                try db.execute(sql: """
                    INSERT INTO user_profiles (user_id, name, full_name, email, card_last_4, card_exp_month, card_exp_year,
                        is_admin, plan_features, email_schedule_status, trial_start_date, created_at, updated_at, business_name,
                        billing_address_country, usage_creators_current_month)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [userId, text, index % 3 == 0 ? nil : random.pick(texts), index % 2 == 0 ? "" : nil,
                                     String(text.prefix(4)), random.pick(integers), random.pick(integers), index % 2,
                                     json(&random, depth: 3), index % 5 == 0 ? deep(200) : json(&random, depth: 2),
                                     stamp, stamp, random.pick(timestamps), text.isEmpty ? nil : text,
                                     String(random.pick(texts).prefix(2)), random.pick(integers)])
                let campaign = Campaign(userId: userId, name: random.pick(texts).isEmpty ? "x" : random.pick(texts),
                                        description: random.chance(0.5) ? nil : random.pick(texts), searchType: .keyword,
                                        now: Date())
                try campaign.insert(db)
                var job = ScrapingJob(userId: userId, campaignId: campaign.id, platform: random.pick(Platform.allCases),
                                      keywords: [random.pick(texts), random.pick(texts)], targetResults: 1000, timeoutAt: nil,
                                      now: Date())
                job.progress = [0, 100, 33.333333333333336, 0.1, 66.66666666666667, 99.99][index % 6]
                job.searchParams = json(&random, depth: 4)
                job.error = random.chance(0.3) ? random.pick(texts) : nil
                try job.insert(db)
                let items: [JSONValue] = (0..<3).map { position in
                    ["creator": ["uniqueId": .string("h\(seed)_\(index)_\(position)"), "name": .string(random.pick(texts)),
                                 "bio": .string(random.pick(texts)), "followers": .int(random.pick(integers))],
                     "extra": json(&random, depth: 3)]
                }
                try ScrapingResult(jobId: job.id, creators: items, cursor: index, now: Date()).insert(db)
                try Event.append(db, Event(
                    aggregateId: userId, aggregateType: "user", eventType: "edge", eventData: json(&random, depth: 5),
                    metadata: random.chance(0.5) ? nil : json(&random, depth: 1), idempotencyKey: "edge_\(seed)_\(index)",
                    sourceSystem: "test", correlationId: random.chance(0.5) ? "" : nil, now: Date()))
                try JobQueue.enqueue(db, BackgroundJob(jobType: "edge", payload: json(&random, depth: 3),
                                                       priority: Int(random.pick(integers)), scheduledFor: Date(), now: Date()))
            }
        }
    }
}

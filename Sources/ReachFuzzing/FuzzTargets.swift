import Foundation
import GRDB
import ReachCore
import ReachExport
import ReachStore

/// Reach's fuzz targets: each outside input Reach reads, through the code that reads it.
public enum FuzzTargets {
    public static let all: [FuzzTarget] = [
        FuzzTarget("json", run: json), FuzzTarget("copy", run: copy), FuzzTarget("stripe", run: stripe),
        FuzzTarget("clerk", run: clerk), FuzzTarget("config", run: configuration), FuzzTarget("dates", run: dates),
        FuzzTarget("creators", run: creators), FuzzTarget("query", run: query),
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// One database for all inputs of a process: each input's writes are rolled back.
    static let database: ReachDatabase = {
        do {
            let database = try ReachDatabase.inMemory()
            try database.writer.write { db in
                var profile = UserProfile(userId: "user_fuzz", email: "fuzz@example.com", fullName: "Fuzz", now: Date())
                profile.stripeCustomerId = "cus_fuzz"
                profile.stripeSubscriptionId = "sub_fuzz"
                try profile.insert(db)
            }
            return database
        } catch {
            fatalError("fuzz: cannot make the database: \(error)")
        }
    }()

    static let now = Date(timeIntervalSince1970: 1_764_021_978)

    /// Runs `body` in a transaction that is rolled back, so inputs do not see each other's rows.
    static func rolledBack(_ body: (Database) throws -> Void) {
        try? database.writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try? body(db)
                return .rollback
            }
        }
    }

    /// JSON text: parsed strictly; what parses writes back to text that parses to the same value.
    static func json(_ data: Data) {
        guard let value = try? JSONValue(parsing: data) else { return }
        let again = try? JSONValue(parsing: value.jsonText)
        check(again == value, "JSON round trip changed \(value.jsonText.prefix(200))")
        _ = try? RawJSON(validating: value.jsonText)
        _ = value.depth
    }

    /// A COPY script: imported (replacing what the last input left), or refused with a line number.
    static func copy(_ data: Data) {
        do {
            _ = try Importer(force: true).importInput(DumpInput(data: data, chunk: 64), into: database) { _ in }
        } catch let failure as Importer.Failure {
            check(failure.line >= 0, "a failure without a line")
        } catch {}
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            _ = try? CopyFormat.fields(line)
        }
    }

    static let stripeSecret = "whsec_fuzz_secret"

    /// A Stripe delivery, signed as Stripe would sign it, through verification and application.
    static func stripe(_ data: Data) {
        let body = [UInt8](data)
        let signature = StripeSignature(secret: stripeSecret)
        let header = signature.header(body: body, at: now)
        guard (try? signature.verify(header: header, body: body, now: now)) != nil else {
            check(false, "a correctly signed body was refused")
            return
        }
        guard let event = try? JSONValue(parsing: body) else { return }
        rolledBack { db in _ = try Billing.apply(db, event: event, now: now, context: EventContext()) }
        // Headers of any form are refused in words.
        _ = try? signature.verify(header: String(decoding: data.prefix(200), as: UTF8.self), body: body, now: now)
    }

    static let clerkSecret = "whsec_" + Data("fuzz-clerk-signing-secret".utf8).base64EncodedString()

    /// A Clerk (Svix) delivery, signed, through verification and application.
    static func clerk(_ data: Data) {
        let body = [UInt8](data)
        let svix = SvixSignature(secret: clerkSecret)
        let timestamp = Int(now.timeIntervalSince1970)
        guard let signed = svix.sign(id: "msg_fuzz", timestamp: timestamp, body: body),
            (try? svix.verify(id: "msg_fuzz", timestamp: String(timestamp), signature: "v1,\(signed)", body: body, now: now)) != nil
        else {
            check(false, "a correctly signed Clerk body was refused")
            return
        }
        guard let event = try? JSONValue(parsing: body) else { return }
        rolledBack { db in _ = try ClerkWebhooks.apply(db, svixId: "msg_fuzz", event: event, now: now, context: EventContext()) }
    }

    /// `CATEGORY.KEY\nVALUE`: every setting and type reads the value within its rule, or refuses it.
    static func configuration(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let value = parts.count > 1 ? parts[1] : parts[0]
        var keys = Settings.defaults.map { ConfigKey($0.category, $0.key) }
        if let key = try? ConfigKey(parsing: parts[0]) { keys.append(key) }
        for key in keys {
            for type in ConfigValueType.allCases {
                guard let parsed = try? ConfigValue(parsing: value, for: key, as: type) else { continue }
                switch (ConfigRule.rule(for: key, type: type), parsed) {
                case (.count(let range), .count(let number)): check(range.contains(number), "\(key) = \(value)")
                case (.duration(let range), .duration(let seconds)): check(range.contains(seconds), "\(key) = \(value)")
                case (.number(let range), .number(let number)): check(range.contains(number), "\(key) = \(value)")
                case (.boolean, .boolean): break
                default: check(false, "\(key) = \(value) parsed as \(parsed)")
                }
            }
        }
        if let key = keys.last {
            rolledBack { db in _ = try Settings.set(db, key, value: value, now: now) }
        }
    }

    /// Stored dates, ISO and PostgreSQL timestamps, the test clock's moves, Unix seconds and
    /// Retry-After: a storable date, or none.
    static func dates(_ data: Data) {
        if let date = Date(databaseText: [UInt8](data)) {
            check(date.isStorable, "parsed a date outside years 0001 to 9999")
            check(Date(databaseText: Array(date.databaseText.utf8)) == date, "stored date round trip")
        }
        let text = String(decoding: data, as: UTF8.self)
        if let reading = TimestampText.parse(text) {
            check(reading.date.isStorable, "a timestamp outside years 0001 to 9999: \(text)")
            check(TimestampText.parse(reading.date.databaseText)?.date == reading.date, "timestamp round trip")
        }
        if let date = WireFormat.parseTimestamp(text) { _ = WireFormat.timestamp(date) }
        let moves: [(advance: String?, set: Date?)] = [(text, nil), (nil, try? TestKitInput.clockTime(text))]
        for move in moves where move.advance != nil || move.set != nil {
            if let target = try? TestKitInput.clockTarget(advance: move.advance, set: move.set, now: now) {
                check(target <= TestKitInput.latestClock && target.isStorable, "the clock may go to \(target)")
            }
        }
        if let seconds = RetryAfter.seconds(text, now: now) { check(seconds >= 0 && seconds.isFinite, "Retry-After \(text)") }
        if let number = try? JSONValue(parsing: data), let seconds = try? StripeTime.seconds(number, field: "created") {
            check((0...StripeTime.latest).contains(seconds), "Stripe time \(seconds)")
            _ = WireFormat.timestamp(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    /// A provider page's items: mapped as a search maps them, then stored and indexed.
    static func creators(_ data: Data) {
        guard let value = try? JSONValue(parsing: data) else { return }
        let items = value.arrayValue ?? [value]
        for platform in Platform.allCases {
            let mapped = items.map { CreatorEnrichment.enrich($0, platform: platform) }
            rolledBack { db in
                let campaign = Campaign(userId: "user_fuzz", name: "fuzz", searchType: .keyword, now: now)
                try campaign.insert(db)
                let job = ScrapingJob(userId: "user_fuzz", campaignId: campaign.id, platform: platform, keywords: ["fuzz"],
                                      targetResults: 100, timeoutAt: nil, now: now)
                try job.insert(db)
                try ScrapingResult.appendPage(db, ScrapingResult(jobId: job.id, creators: mapped, cursor: 0, now: now))
                var query = CreatorQuery(userId: "user_fuzz")
                query.text = "a"
                _ = try CreatorSearch.search(db, query)
            }
        }
        for item in items { _ = EmailExtractor.emails(in: item.jsonText) }
    }

    /// A query string: every parameter a route reads, read with its checks.
    static func query(_ data: Data) {
        let parameters = QueryParameters(String(decoding: data, as: UTF8.self))
        for name in parameters.values.keys + ["page", "limit", "q", "cursor", "jobId", "platform", "status", "sort"] {
            _ = try? parameters.string(name)
            _ = try? parameters.int(name, default: 1, range: 1...1_000_000)
            _ = try? parameters.bool(name)
            _ = try? parameters.uuid(name)
            _ = try? parameters.value(name, as: Platform.self)
            _ = try? parameters.value(name, as: BackgroundJobStatus.self)
        }
        if let cursor = try? parameters.string("cursor") {
            var search = CreatorQuery(userId: "user_fuzz")
            search.cursor = cursor
            _ = try? database.reader.read { db in try CreatorSearch.search(db, search) }
        }
    }
}

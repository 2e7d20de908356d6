import Foundation
import HummingbirdTesting
@testable import ReachCore
import ReachStore
import Testing
@testable import ReachHTTP
@testable import ReachJobs

/// Every path that turns an outside number into an integer or a date, fed the extremes: each
/// answers an error (or a safe value), and none traps. A trap here ends the test run.
@Suite("Trap audit")
struct TrapAuditTests {
    /// The extremes, as text.
    static let texts = [
        "1e300", "-1e300", "nan", "NaN", "inf", "-inf", "infinity", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "-0", "0", "", " ", "-1", "123456789012345678901234567890", "1.5", "0x10", "+5",
    ]

    /// The extremes, as JSON numbers (what a body or a webhook may carry).
    static let numbers = [
        "1e300", "-1e300", "1e400", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "-0", "0",
        "123456789012345678901234567890", "9.3e15", "1.5", "-1",
    ]

    @Test("Retry-After: any text is a finite wait, or unreadable (the provider calls' cap is tested with them)")
    func retryAfter() throws {
        let now = Date(timeIntervalSince1970: 1_764_021_978)
        for text in Self.texts + ["Sun, 06 Nov 1994 08:49:37 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 0001 00:00:00 GMT"] {
            if let seconds = RetryAfter.seconds(text, now: now) {
                #expect(seconds.isFinite && seconds >= 0, "\(text)")
            }
        }
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Mon, 24 Nov 2025 22:07:18 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("-1", now: now) == nil && RetryAfter.seconds("1e300", now: now) == nil)
    }

    @Test("Stripe timestamps: whole seconds of years 1970 to 9999, else a refusal")
    func stripeTimes() throws {
        let values: [JSONValue] = Self.numbers.compactMap { try? JSONValue(parsing: $0) }
            + [.double(.nan), .double(.infinity), .double(-.infinity), .int(.max), .int(.min), .string("1"), .bool(true)]
        for value in values {
            if let seconds = try? StripeTime.seconds(value, field: "created") {
                #expect((0...StripeTime.latest).contains(seconds), "\(value)")
            }
        }
        #expect(try StripeTime.seconds(.int(1_764_021_978), field: "created") == 1_764_021_978)
    }

    @Test("signature timestamps: t= and svix-timestamp of any size are refused in words")
    func signatureTimestamps() throws {
        let stripe = StripeSignature(secret: "whsec_x")
        let svix = SvixSignature(secret: "whsec_" + Data("0123456789abcdef".utf8).base64EncodedString())
        let now = Date(timeIntervalSince1970: 1_764_021_978)
        for text in Self.texts + ["-9223372036854775808", "9223372036854775807"] {
            #expect(throws: SignatureError.self) { try stripe.verify(header: "t=\(text),v1=00", body: [], now: now) }
            #expect(throws: SignatureError.self) {
                try svix.verify(id: "msg", timestamp: text, signature: "v1,AA==", body: [], now: now)
            }
        }
        #expect(throws: SignatureError.self, "an empty secret verifies nothing") {
            try StripeSignature(secret: "").verify(header: stripe.header(body: [], at: now), body: [], now: now)
        }
    }

    @Test("configuration values: every setting refuses the extremes or keeps them in range")
    func configuration() throws {
        for row in Settings.defaults {
            let key = ConfigKey(row.category, row.key)
            for text in Self.texts + ["999999999999h", "100000000000000000000", "1e20", "9999999999999ms"] {
                guard let value = try? ConfigValue(parsing: text, for: key, as: row.valueType) else { continue }
                switch (ConfigRule.rule(for: key, type: row.valueType), value) {
                case (.count(let range), .count(let number)): #expect(range.contains(number), "\(key) = \(text)")
                case (.duration(let range), .duration(let seconds)): #expect(range.contains(seconds), "\(key) = \(text)")
                case (.boolean, .boolean): break
                default: Issue.record("\(key) = \(text) parsed as \(value)")
                }
            }
        }
    }

    @Test("stored dates and Unix seconds: any text or number is a date of years 0001 to 9999, or none")
    func dates() {
        for text in Self.texts + ["99999999999999999999-01-01 00:00", "9999-12-31 23:59:59.999", "0000-01-01 00:00",
                                  "-001-01-01 00:00", "2026-02-30 00:00", "2026-11-24 22:06:18.99999999999"] {
            if let date = Date(databaseText: Array(text.utf8)) {
                #expect(date.databaseText.count == 23, "\(text)")
            }
        }
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e15, -9.3e15] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(date.databaseText.count == 23, "\(seconds) writes a storable text without trapping")
            #expect(WireFormat.timestamp(date).hasSuffix("Z"))
        }
        for seconds: Int64 in [.max, .min, 253_402_300_800, -62_135_596_801] {
            #expect(Date(unixSeconds: seconds) == nil)
        }
    }

    @Test("HTTP numbers: query parameters and body fields of any size are 4xx")
    func httpNumbers() async throws {
        let harness = try await Harness()
        try harness.insertUser("user_a", plan: .fameFlex, admin: true)
        let token = try await harness.token("user_a")
        try await harness.test { client throws in
            let campaign = try await client.call(.post, "/api/campaigns", token: token, body: #"{"name":"c"}"#).json["id"]!.stringValue!
            for text in Self.texts {
                let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                for path in ["/api/campaigns?page=\(encoded)", "/api/campaigns?limit=\(encoded)",
                             "/api/creators?minFollowers=\(encoded)", "/api/creators?limit=\(encoded)",
                             "/api/admin/events?limit=\(encoded)"] {
                    let answer = try await client.call(.get, path, token: token)
                    #expect(answer.status < 500, "\(path): \(answer.status)")
                }
            }
            for number in Self.numbers {
                let bodies = [
                    #"{"keywords":["yoga"],"targetResults":\#(number),"campaignId":"\#(campaign)"}"#,
                    #"{"name":"n","description":"d","searchType":"keyword","page":\#(number)}"#,
                ]
                for body in bodies {
                    let answer = try await client.call(.post, "/api/scraping/tiktok", token: token, body: body)
                    #expect(answer.status < 500, "\(body): \(answer.status) \(answer.body)")
                }
                let plan = try await client.call(.put, "/api/admin/plans", token: token,
                                                 body: #"{"planKey":"glow_up","campaignsLimit":\#(number)}"#)
                #expect(plan.status < 500, "campaignsLimit \(number): \(plan.status)")
            }
            #expect(try await client.call(.get, "/healthz").status == 200)
        }
    }

    @Test("scheduler numbers: backoff of any retry count stays within a day")
    func backoff() {
        for retry in [0, 1, 30, 64, 1_000, Int(Int32.max), Int.max] {
            let delay = Scheduler.backoff(base: 86_400, retry: retry, jitter: 1.25)
            #expect(delay.isFinite && delay >= 0 && delay <= Scheduler.maximumBackoff, "retry \(retry)")
        }
    }
}

import Foundation
import GRDB
import ReachStore
import Testing
@testable import ReachCore

@Suite("Configuration")
struct ConfigurationTests {
    static let now = Date(timeIntervalSince1970: 1_764_021_978.125)

    @Test("values are checked against their type", arguments: [
        ("timeouts.standard_job_timeout", "90s", true), ("timeouts.standard_job_timeout", "250ms", true),
        ("timeouts.standard_job_timeout", "2h", true), ("timeouts.standard_job_timeout", "5x", false),
        ("timeouts.standard_job_timeout", "s", false), ("timeouts.standard_job_timeout", "-5s", false),
        ("timeouts.standard_job_timeout", "1.5m", false), ("api_limits.max_api_calls_tiktok", "75", true),
        ("api_limits.max_api_calls_tiktok", "0.5", false), ("api_limits.max_api_calls_tiktok", "-1", false),
        ("api_limits.max_api_calls_tiktok", "1.5", false), ("api_limits.max_api_calls_tiktok", "0", false),
        ("api_limits.max_api_calls_tiktok", "100000000000000000000", false),
        ("job_processing.max_concurrent_jobs", "100000000000000000000", false),
        ("job_processing.max_concurrent_jobs", "257", false), ("job_processing.max_concurrent_jobs", "256", true),
        ("timeouts.standard_job_timeout", "999999999999h", false), ("timeouts.standard_job_timeout", "168h", true),
        ("timeouts.standard_job_timeout", "169h", false), ("qstash_delays.tiktok_continuation_delay", "0s", true),
        ("api_limits.max_api_calls_tiktok", "ten", false), ("api_limits.max_api_calls_tiktok", "1e3", false),
        ("api_limits.max_api_calls_tiktok", "", false), ("event_sourcing.enable_event_replay", "false", true),
        ("event_sourcing.enable_event_replay", "yes", false), ("event_sourcing.enable_event_replay", "TRUE", false),
    ])
    func validation(_ key: String, _ value: String, _ accepted: Bool) throws {
        let database = try ReachDatabase.temporary()
        let configKey = try ConfigKey(parsing: key)
        let attempt = { try database.writer.write { db in try Settings.set(db, configKey, value: value, now: Self.now) } }
        if accepted {
            try attempt()
            #expect(try database.reader.read { db in try Settings.row(db, configKey).value } == value)
        } else {
            let error = #expect(throws: ReachError.self) { try attempt() }
            #expect(error?.description.contains("value") == true)
            #expect(try database.reader.read { db in try Settings.row(db, configKey).value } != value, "unchanged")
        }
    }

    @Test("typed reads: durations in seconds, numbers, booleans; a deleted row falls back to its default")
    func typedReads() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            #expect(try Settings.seconds(db, .standardJobTimeout) == 3_600)
            #expect(try Settings.seconds(db, .tiktokContinuationDelay) == 2)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 10)
            #expect(try Settings.number(db, .maxAPICalls(.youtube, .similar)) == 5)
            #expect(try Settings.bool(db, ConfigKey("event_sourcing", "enable_event_replay")))
            try Settings.set(db, .maxConcurrentJobs, value: "3", now: Self.now)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 3, "read fresh: no restart needed")
            try Settings.delete(db, .maxConcurrentJobs)
            #expect(try Settings.number(db, .maxConcurrentJobs) == 10)
            #expect(try Settings.insertMissingDefaults(db, now: Self.now) == 1)
            #expect(try Settings.insertMissingDefaults(db, now: Self.now) == 0)
        }
    }

    @Test("keys must be CATEGORY.KEY", arguments: ["nodot", ".key", "category.", ""])
    func badKeys(_ text: String) {
        #expect(throws: ReachError.self) { try ConfigKey(parsing: text) }
    }

    @Test("unknown settings are not found; new ones are created once")
    func createAndMissing() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            #expect(throws: ReachError.self) { try Settings.set(db, ConfigKey("nope", "nothing"), value: "1", now: Self.now) }
            try Settings.create(db, ConfigKey("feature_flags", "dark_mode"), value: "true", type: .boolean,
                                description: nil, hotReloadable: true, now: Self.now)
            #expect(throws: ReachError.self) {
                try Settings.create(db, ConfigKey("feature_flags", "dark_mode"), value: "true", type: .boolean,
                                    description: nil, hotReloadable: true, now: Self.now)
            }
            #expect(throws: ReachError.self) {
                try Settings.create(db, ConfigKey("Bad Category", "x"), value: "1", type: .number,
                                    description: nil, hotReloadable: true, now: Self.now)
            }
        }
    }

    @Test("through the service: a change is recorded with its admin, a bad value changes nothing, a deleted default comes back")
    func service() async throws {
        let app = try await makeApp()
        let key = ConfigKey.standardJobTimeout
        let before = try await app.configuration.row(key).value
        let changed = try await app.configuration.set(key, value: "90s", admin: "user_boss", events: EventContext())
        #expect(changed.value == "90s")
        #expect(try await app.configuration.seconds(key) == 90)
        let log = try await app.events.log(aggregateId: key.description, eventType: "admin_action", limit: 10)
        #expect(log.contains { $0.eventData["to"] == "90s" && $0.eventData["from"] == .string(before) && $0.eventData["admin"] == "user_boss" })
        guard case .invalid = await reachError({ try await app.configuration.set(key, value: "soon") }) else {
            Issue.record("a duration of 'soon'"); return
        }
        #expect(try await app.configuration.row(key).value == "90s")
        try await app.configuration.delete(key, admin: "user_boss", events: EventContext())
        #expect(try await app.configuration.list().contains { $0.category == key.category && $0.key == key.key } == false)
        #expect(try await app.configuration.row(key).value == "60m", "the default applies while the row is missing")
        #expect(try await app.configuration.seconds(key) == 3_600)
        guard case .notFound = await reachError({ try await app.configuration.row(ConfigKey("timeouts", "no_such_timeout")) })
        else { Issue.record("a setting that never existed was read"); return }
        #expect(try await app.configuration.insertMissingDefaults(admin: "user_boss", events: EventContext()) == 1)
        #expect(try await app.configuration.row(key).value == before)
    }
}

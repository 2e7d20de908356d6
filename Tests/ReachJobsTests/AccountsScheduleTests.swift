import Foundation
import GRDB
import ReachCore
import ReachStore
import Testing
@testable import ReachJobs

@Suite("Events, trials and e-mails")
struct AccountsScheduleTests {
    func setUp() throws -> (ReachDatabase, ManualClock, Scheduler, URL) {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        let outbox = URL(fileURLWithPath: database.path!).deletingLastPathComponent().appendingPathComponent("outbox")
        let scheduler = makeScheduler(
            database, clock: clock, handlers: [EmailHandler(mailer: OutboxMailer(directory: outbox))] + MaintenanceHandlers.all,
            recurring: .standard)
        return (database, clock, scheduler, outbox)
    }

    func emailStatus(_ database: ReachDatabase, _ userId: String, _ email: TrialEmail) throws -> EmailStatus? {
        try database.reader.read { db in try UserProfile.fetchOne(db, userId: userId).flatMap { Emails.status($0, email) } }
    }

    func sentFiles(_ outbox: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outbox.path)) ?? []).sorted()
    }

    @Test("each trial e-mail goes at its time; abandonment is cancelled by completing; the trial expires")
    func emailsAndExpiry() async throws {
        let (database, clock, scheduler, outbox) = try setUp()
        let context = EventContext(correlationId: "req_1")
        try await database.writer.write { db in
            try Accounts.createUser(db, userId: "user_new", email: "new@example.com", fullName: "New User", now: clock.now(), context: context)
            _ = try Onboarding.captureInfo(db, userId: "user_new", fullName: "New User", businessName: "New Co", now: clock.now(), context: context)
        }
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .welcome) == .scheduled)
        #expect(try emailStatus(database, "user_new", .abandonment) == .scheduled)
        #expect(try emailStatus(database, "user_new", .trialExpiry) == .scheduled, "the expiry e-mail is scheduled (fix)")
        #expect(sentFiles(outbox).isEmpty)

        clock.advance(by: 10 * 60)
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .welcome) == .sent)
        #expect(sentFiles(outbox).count == 1 && sentFiles(outbox)[0].contains("welcome"))

        try await database.writer.write { db in
            _ = try Onboarding.captureIntent(db, userId: "user_new", brandDescription: String(repeating: "We make things. ", count: 4), now: clock.now())
            _ = try Onboarding.savePlan(db, userId: "user_new", plan: .viralSurge, now: clock.now())
            _ = try Onboarding.complete(db, userId: "user_new", now: clock.now(), context: context)
        }
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .abandonment) == .cancelled, "cancelled on completion (fix)")
        let profile = try await database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_new")! }
        #expect(profile.currentPlan == .viralSurge && profile.subscriptionStatus == .trialing && profile.billingSyncStatus == "synced")
        #expect(profile.stripeCustomerId?.hasPrefix("cus_mock_") == true && profile.planCampaignsLimit == 10)

        clock.advance(by: 2 * 3_600)
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .abandonment) == .cancelled, "never sent")

        clock.set(start.addingTimeInterval(2 * 86_400 + 1))
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .trialDay2) == .sent)
        #expect(try emailStatus(database, "user_new", .trialDay5) == .scheduled)

        clock.set(start.addingTimeInterval(5 * 86_400 + 1))
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .trialDay5) == .sent)

        clock.set(start.addingTimeInterval(7 * 86_400 + 61))
        try await scheduler.runUntilIdle()
        #expect(try emailStatus(database, "user_new", .trialExpiry) == .sent)
        let expired = try await database.reader.read { db in try UserProfile.fetchOne(db, userId: "user_new")! }
        #expect(expired.trialStatus == .expired && expired.subscriptionStatus == .canceled && expired.currentPlan == .free)
        let events = try await database.reader.read { db in try Event.fetchLog(db, aggregateId: "user_new", limit: 50) }
        #expect(events.contains { $0.eventType == "trial_expired" })
        #expect(events.allSatisfy { $0.processingStatus == .processed }, "the processor handled every event")
        #expect(sentFiles(outbox).count == 4, "welcome, day 2, day 5, expiry")
        let eml = try String(contentsOf: outbox.appendingPathComponent(sentFiles(outbox).last!), encoding: .utf8)
        #expect(eml.contains("To: new@example.com") && eml.contains("Message-ID: <"))
    }

    @Test("more trials fall due than one page holds: all expire, one event each")
    func manyTrialsExpire() async throws {
        let (database, clock, scheduler, _) = try setUp()
        let count = 1_234  // two full pages of 500 and a part
        try await database.writer.write { db in
            for index in 0..<count {
                var profile = UserProfile(userId: "user_trial_\(index)", email: "t\(index)@example.com", now: clock.now())
                Trials.start(&profile, now: clock.now().addingTimeInterval(Double(index)))
                profile.subscriptionStatus = .trialing
                try profile.insert(db)
            }
        }
        clock.advance(by: 8 * 86_400)
        try await scheduler.runUntilIdle()
        try await database.reader.read { db in
            #expect(try UserProfile.filter(sql: "trial_status = 'active'").fetchCount(db) == 0)
            #expect(try UserProfile.filter(sql: "trial_status = 'expired' AND subscription_status = 'canceled'").fetchCount(db) == count)
            #expect(try Event.filter(sql: "event_type = 'trial_expired'").fetchCount(db) == count)
            let results = try BackgroundJob.filter(sql: "job_type = 'expire_trial' AND status = 'completed'").fetchAll(db)
            #expect(results.compactMap { $0.result?["expired"]?.intValue }.reduce(0, +) == Int64(count))
        }
    }

    @Test("events apply in order per aggregate; a failing one retries, then fails without blocking others")
    func eventProcessor() async throws {
        let database = try ReachDatabase.temporary()
        let clock = ManualClock(start)
        try await database.writer.write { db in
            for (offset, (aggregate, type)) in [("a", "first"), ("b", "boom"), ("a", "second"), ("b", "after_boom"), ("a", "third")].enumerated() {
                try Event.append(db, Event(aggregateId: aggregate, aggregateType: "user", eventType: type, eventData: [:],
                                           idempotencyKey: "k\(offset)", sourceSystem: "test", now: start.addingTimeInterval(Double(offset))))
            }
        }
        let order = OrderLog()
        let processor = EventProcessor(database: database, clock: clock, logger: .init(label: "test")) { _, event, _ in
            if event.eventType == "boom" { throw ReachError.conflict("boom") }
            order.append(event.eventType)
        }
        for _ in 0..<5 { try await processor.processPending(limit: 10) }
        #expect(order.items.filter { ["first", "second", "third"].contains($0) } == ["first", "second", "third"])
        let events = try await database.reader.read { db in try Event.order(Event.Columns.timestamp).fetchAll(db) }
        let boom = events.first { $0.eventType == "boom" }!
        #expect(boom.processingStatus == .failed && boom.retryCount == EventProcessor.maxRetries && boom.error == "boom")
        #expect(events.first { $0.eventType == "after_boom" }?.processingStatus == .processed, "not blocked for ever")
        #expect(events.filter { $0.aggregateId == "a" }.allSatisfy { $0.processingStatus == .processed && $0.processedAt != nil })
    }

    @Test("monthly usage resets on the user's reset date")
    func usageReset() async throws {
        let database = try ReachDatabase.temporary()
        try await database.writer.write { db in
            var profile = UserProfile(userId: "u", now: start)
            profile.usageCreatorsCurrentMonth = 700
            profile.usageResetDate = start
            try profile.insert(db)
            #expect(try Usage.resetDue(db, now: start.addingTimeInterval(27 * 86_400)) == 0, "the month is not over")
            let later = start.addingTimeInterval(40 * 86_400)
            #expect(try Usage.resetDue(db, now: later) == 1)
            let reset = try UserProfile.fetchOne(db, userId: "u")!
            #expect(reset.usageCreatorsCurrentMonth == 0)
            #expect(reset.usageResetDate! > start.addingTimeInterval(27 * 86_400) && reset.usageResetDate! <= later,
                    "the new period began one month after the old one")
            #expect(try Usage.resetDue(db, now: later) == 0, "not twice")
        }
    }
}

final class OrderLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ item: String) { storage.withLock { $0.append(item) } }
    var items: [String] { storage.withLock { $0 } }
}

import Synchronization

import Foundation
import GRDB
import Testing
@testable import ReachStore

@Suite("Event log")
struct EventLogTests {
    @Test("a duplicate idempotency key returns the existing event and changes nothing")
    func idempotent() throws {
        let database = try ReachDatabase.temporary()
        let first = Event(aggregateId: "user_1", aggregateType: "user", eventType: "user_created", eventData: ["a": 1],
                          idempotencyKey: "clerk_msg_1", sourceSystem: "clerk_webhook", now: testNow)
        let again = Event(aggregateId: "user_1", aggregateType: "user", eventType: "user_created", eventData: ["a": 2],
                          idempotencyKey: "clerk_msg_1", sourceSystem: "clerk_webhook", now: testNow)
        try database.writer.write { db throws in
            #expect(try Event.append(db, first).inserted)
            let (existing, inserted) = try Event.append(db, again)
            #expect(!inserted && existing == first)
        }
        #expect(try database.reader.read { try Event.fetchCount($0) } == 1)
    }

    @Test("an event commits with the change it records, or not at all")
    func outbox() throws {
        let database = try ReachDatabase.temporary()
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try database.writer.write { db throws in
                try UserProfile(userId: "user_1", now: testNow).insert(db)
                try Event.append(db, Event(aggregateId: "user_1", aggregateType: "user", eventType: "user_created",
                                           eventData: [:], idempotencyKey: "k", sourceSystem: "s", now: testNow))
                throw Failure()
            }
        }
        try database.reader.read { db throws in
            #expect(try UserProfile.fetchCount(db) == 0 && Event.fetchCount(db) == 0)
        }
    }

    @Test("a user's history comes newest first")
    func history() throws {
        let database = try ReachDatabase.temporary()
        try database.writer.write { db throws in
            for (offset, type) in ["user_created", "onboarding_completed", "trial_started"].enumerated() {
                try Event.append(db, Event(aggregateId: "user_1", aggregateType: "user", eventType: type, eventData: [:],
                                           idempotencyKey: type, sourceSystem: "user_action",
                                           now: testNow.addingTimeInterval(Double(offset))))
            }
            try Event.append(db, Event(aggregateId: "user_2", aggregateType: "user", eventType: "user_created",
                                       eventData: [:], idempotencyKey: "other", sourceSystem: "s", now: testNow))
        }
        let history = try database.reader.read { db in try Event.fetchUserHistory(db, userId: "user_1") }
        #expect(history.map(\.eventType) == ["trial_started", "onboarding_completed", "user_created"])
    }
}

import Foundation
import GRDB
import ReachStore

/// Admin actions, each recorded as an `admin_action` event naming the admin.
public enum AdminActions {
    public static func record(
        _ db: Database, admin: String, action: String, target: String, details: [String: JSONValue], context: EventContext,
        now: Date
    ) throws {
        var data = details
        data["admin"] = .string(admin)
        data["action"] = .string(action)
        data["target"] = .string(target)
        try Event.append(db, Event(
            aggregateId: target, aggregateType: "user", eventType: "admin_action", eventData: .object(data),
            metadata: ["admin": .string(admin)], idempotencyKey: "admin_action_\(admin)_\(action)_\(UUID().uuidString.lowercased())",
            sourceSystem: "admin_action", correlationId: context.correlationId, causationId: context.causationId,
            processingStatus: .processed, now: now))
    }
}

import Foundation
import GRDB
import ReachStore

/// An error of the platform's rules, with what the caller should do about it.
///
/// The HTTP layer maps each case to one status in one place; the CLI prints ``description``.
public enum ReachError: Error, CustomStringConvertible, Sendable {
    /// Input that cannot be used: names the field and what to fix (HTTP 400/422).
    case invalid(field: String, reason: String)
    /// A request that cannot be read at all (a query parameter of the wrong form): HTTP 400.
    case badRequest(String)
    /// A webhook whose signature does not match its body and the endpoint secret: HTTP 400.
    case invalidSignature(String)
    /// No usable credentials (a missing, expired or revoked token): HTTP 401.
    case unauthorized(String)
    /// Something that does not exist, or belongs to someone else (HTTP 404).
    case notFound(String)
    /// A state that forbids the action, e.g. adding a setting that exists (HTTP 400, as the platform answers).
    case conflict(String)
    /// A state that forbids the action, in Reach's words, where the platform's frontend reads a
    /// text of its own (cancelling a finished search): HTTP 400 with `error` the platform's.
    case notAllowedNow(String, platformText: String)
    /// Not allowed for this user (HTTP 403).
    case forbidden(String)
    /// Over the plan's limits, with the platform's upgrade details (HTTP 403).
    case planLimitExceeded(PlanLimitExceeded)
    /// New spending while the subscription's payment is past due (HTTP 403).
    case paymentPastDue(PaymentPastDue)
    /// The database refused the work (disk full, read-only file): not the caller's input.
    case unavailable(String)
    /// A stored row cannot be read back (written around Reach): names it, never its values.
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        case .badRequest(let message): return message
        case .invalidSignature(let message): return message
        case .unauthorized(let message): return message
        case .notFound(let what): return "\(what) not found"
        case .conflict(let message): return message
        case .notAllowedNow(let message, _): return message
        case .forbidden(let message): return message
        case .planLimitExceeded(let details): return details.message
        case .paymentPastDue(let details): return details.message
        case .unavailable(let message): return message
        case .unreadable(let message): return message
        }
    }

    /// Maps store and SQLite errors to the platform's, so that no caller sees SQLite's wording
    /// for a problem of its input.
    public static func from(_ error: any Error) -> any Error {
        switch error {
        case let error as ReachError: return error
        case let error as StoreError:
            switch error {
            case .invalid(let field, let reason): return ReachError.invalid(field: field, reason: reason)
            case .notFound(let what): return ReachError.notFound(what)
            case .conflict(let message): return ReachError.conflict(message)
            case .unreadableRow: return ReachError.unreadable(error.description)
            default: return ReachError.unavailable(error.description)
            }
        case let error as JSONValueError: return ReachError.invalid(field: "json", reason: error.description)
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_CONSTRAINT:
                return ReachError.invalid(field: constraintColumn(error.message), reason: constraintReason(error))
            case .SQLITE_FULL: return ReachError.unavailable("the disk is full: free space, then retry")
            case .SQLITE_READONLY: return ReachError.unavailable("the database is read-only")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return ReachError.unavailable("the database is busy: retry")
            default: return error
            }
        default: return error
        }
    }

    /// `CHECK constraint failed: campaigns_name_check` → `name`.
    private static func constraintColumn(_ message: String?) -> String {
        guard let message else { return "input" }
        if let range = message.range(of: "constraint failed: ") {
            var name = String(message[range.upperBound...])
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            for table in ReachDatabase.platformTables where name.hasPrefix(table + "_") {
                name = String(name.dropFirst(table.count + 1))
            }
            if name.hasSuffix("_check") { name = String(name.dropLast("_check".count)) }
            return name
        }
        return "input"
    }

    private static func constraintReason(_ error: DatabaseError) -> String {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_CHECK: return "value out of range or of the wrong form"
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: return "already exists"
        case .SQLITE_CONSTRAINT_FOREIGNKEY: return "refers to a row that does not exist"
        case .SQLITE_CONSTRAINT_NOTNULL: return "is required"
        default: return error.message ?? "refused by the database"
        }
    }
}

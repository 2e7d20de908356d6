import Foundation
import GRDB

public enum JSONValueError: Error, CustomStringConvertible, Sendable {
    case nulCharacter

    public var description: String {
        switch self {
        case .nulCharacter: return "JSON text holds a NUL character (\\u0000), which PostgreSQL's jsonb refuses"
        }
    }
}

// MARK: - Database

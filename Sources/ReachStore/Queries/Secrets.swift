import Foundation
import GRDB

/// Per-file secrets in `reach_secrets`, never exported.
public enum Secrets {
    /// The secret named `name`, created with `make` the first time.
    public static func fetchOrCreate(_ db: Database, name: String, make: () -> String) throws -> String {
        if let value = try String.fetchOne(db, sql: "SELECT value FROM reach_secrets WHERE name = ?", arguments: [name]) {
            return value
        }
        let value = make()
        try db.execute(sql: "INSERT INTO reach_secrets (name, value) VALUES (?, ?)", arguments: [name, value])
        return value
    }

    /// 32 random bytes, base64.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }
}

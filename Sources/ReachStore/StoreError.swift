import Foundation

/// Why a database file cannot be used. Each description says what to do about it.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    case missingFile(path: String)
    case emptyFile(path: String)
    case notReachDatabase(path: String)
    case needsMigration(path: String, pending: [String])
    case writtenByNewerReach(path: String, unknownMigrations: [String])
    case corrupt(path: String, detail: String)
    /// Not a SQLite file at all (a text file, say): nothing to restore.
    case notSQLite(path: String)
    case isDirectory(path: String)
    /// Another process holds the file's write lock (an exclusive transaction); `holder` names it when it can be found.
    case locked(path: String, holder: String?)
    case unwritable(path: String, detail: String)
    case notFound(what: String)
    case invalid(field: String, reason: String)
    case conflict(String)
    /// A stored row that cannot be read back (written around Reach): names the row, never its values.
    case unreadableRow(table: String, column: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            let directory = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !directory.isEmpty, !(FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder.boolValue) {
                return "no database at \(path), and its directory \(directory) does not exist: create it (mkdir -p \(directory)), "
                    + "then `reach migrate --db \(path)`; or pass another --db"
            }
            return "no database at \(path): create one with `reach migrate --db \(path)` or pass --db"
        case .emptyFile(let path):
            return "\(path) is empty: not a Reach database (create one with `reach migrate --db \(path)`)"
        case .needsMigration(let path, let pending):
            return "\(path) lacks \(pending.count) migration\(pending.count == 1 ? "" : "s") (\(pending.joined(separator: ", "))): "
                + "run `reach migrate --db \(path)` first"
        case .notReachDatabase(let path):
            return "\(path) is not a Reach database (its application_id is not Reach's); it was left unmodified"
        case .writtenByNewerReach(let path, let names):
            return "\(path) was migrated by a newer Reach (unknown migrations: \(names.joined(separator: ", "))); "
                + "upgrade reach to open it"
        case .corrupt(let path, let detail):
            return "\(path) is damaged (\(detail)): `reach doctor --db \(path)` says where; restore it from a backup"
        case .notSQLite(let path):
            return "\(path) is not a SQLite database (it does not start as one): pass the path of a Reach file with --db"
        case .isDirectory(let path):
            return "\(path) is a directory: --db takes the path of a database file, such as \((path as NSString).appendingPathComponent("reach.sqlite"))"
        case .locked(let path, let holder):
            return "\(path) is locked by another process\(holder.map { " (\($0))" } ?? ""), which holds its write lock: "
                + "wait for it to finish, or stop it, and try again; the file itself is fine"
        case .unwritable(let path, let detail):
            return "cannot write \(path): \(detail); check that it and its directory are writable"
        case .notFound(let what):
            return "\(what) not found"
        case .invalid(let field, let reason):
            return "\(field): \(reason)"
        case .conflict(let message):
            return message
        case .unreadableRow(let table, let column, let key, let reason):
            return "a stored \(table) row (\(key)) has an unreadable \(column): \(reason); it was written around Reach"
        }
    }
}

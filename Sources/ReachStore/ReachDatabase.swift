import Foundation
import GRDB

/// The Reach database: one SQLite file holding the platform's ten tables.
///
/// It migrates in `init`, so that every value of this type is ready to use.
///
/// ```swift
/// let database = try ReachDatabase.open(path: "reach.sqlite")
/// let database = try ReachDatabase.temporary()   // tests: removed when released
/// ```
public final class ReachDatabase: Sendable {
    /// Access to the database, for writes and for the records' query methods.
    package let writer: any DatabaseWriter
    /// The file's path; `nil` in memory.
    public let path: String?
    private let temporaryDirectory: URL?

    private init(writer: any DatabaseWriter, path: String?, temporaryDirectory: URL? = nil, migrate: Bool = true) throws {
        self.writer = writer
        self.path = path
        self.temporaryDirectory = temporaryDirectory
        if migrate { try ReachMigrations.migrator.migrate(writer) }
    }

    deinit {
        if let temporaryDirectory {
            try? FileManager.default.removeItem(at: temporaryDirectory)
        }
    }

    package var reader: any DatabaseReader { writer }

    /// How ``open(path:mode:)`` treats the file.
    public enum OpenMode: Sendable, Equatable {
        /// Create and migrate a missing file.
        case create
        /// Refuse a missing or empty file, migrate an existing one: commands that need existing data.
        case existing
        /// Refuse a missing or empty file and never write: commands that only read. A file that
        /// still lacks migrations is refused, unless `pendingAllowed` (`reach doctor` reports them).
        case readOnly(pendingAllowed: Bool = false)
    }

    /// Opens the Reach file at `path`, migrating it unless `mode` is read-only.
    ///
    /// An existing file is first inspected without being changed: a file that is not a Reach
    /// database, or that a newer Reach migrated, is refused unmodified (opening a pool would
    /// switch it to WAL). A new file is created readable by its owner only.
    public static func open(path: String, mode: OpenMode = .create) throws -> ReachDatabase {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError.isDirectory(path: path)
        }
        if PrivateFile.exists(path) {
            if mode != .create, PrivateFile.size(path) == 0 { throw StoreError.emptyFile(path: path) }
            try inspect(path: path)
        } else {
            guard mode == .create else { throw StoreError.missingFile(path: path) }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty && !FileManager.default.isWritableFile(atPath: directory) {
                throw StoreError.unwritable(path: path, detail: "directory \(directory) is missing or read-only")
            }
            try PrivateFile.createNew(path)
        }
        do {
            if case .readOnly(let pendingAllowed) = mode {
                // A plain connection that only reads: unlike a read-only one, closing it removes
                // the -wal and -shm it found or made, so reading leaves the folder as it was.
                let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
                let database = try ReachDatabase(writer: queue, path: path, migrate: false)
                let pending = try database.migrationStatus().pending
                if !pending.isEmpty && !pendingAllowed { throw StoreError.needsMigration(path: path, pending: pending) }
                return database
            }
            let pool = try DatabasePool(path: path, configuration: configuration())
            return try ReachDatabase(writer: pool, path: path)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    /// A fresh migrated database in its own temporary directory, removed when released.
    public static func temporary() throws -> ReachDatabase {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reach-\(UUID().uuidString.lowercased())", isDirectory: true)
        try PrivateFile.createDirectory(directory.path)
        let path = directory.appendingPathComponent("reach.sqlite").path
        try PrivateFile.createNew(path)
        let pool = try DatabasePool(path: path, configuration: configuration())
        try copyTemplate(to: pool)
        return try ReachDatabase(writer: pool, path: path, temporaryDirectory: directory)
    }

    /// A fresh migrated database in memory.
    public static func inMemory() throws -> ReachDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try copyTemplate(to: queue)
        return try ReachDatabase(writer: queue, path: nil)
    }

    /// A database migrated once per process. Fresh databases copy its pages, which is several
    /// times faster than running the migrations' DDL again (SQLite parses every statement).
    private static let template = Result { () throws -> DatabaseQueue in
        let queue = try DatabaseQueue(configuration: configuration())
        try ReachMigrations.migrator.migrate(queue)
        return queue
    }

    static func copyTemplate(to destination: any DatabaseWriter) throws {
        try template.get().backup(to: destination)
    }

    /// WAL (set by `DatabasePool`), foreign keys on, a busy timeout, `synchronous=NORMAL`,
    /// and the SQL functions Reach's queries use. `readonly` connections are opened read-write
    /// all the same (see ``open(path:mode:)``) and only ever read.
    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "reach"
        configuration.prepareDatabase { db in
            if !readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            // 8 MiB of pages per connection instead of SQLite's 2: the trigram indexes' hot pages
            // stay cached (admin search at scale 100: 1.9 → 1.1 ms); filled only as pages are read.
            try db.execute(sql: "PRAGMA cache_size = -8192")
            db.add(function: TextSearch.containsFolded)
        }
        return configuration
    }

    /// Refuses a file that is not Reach's or that a newer Reach migrated, without changing it.
    private static func inspect(path: String) throws {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if applicationID == ReachMigrations.applicationID {
                    if try ReachMigrations.migrator.hasBeenSuperseded(db) {
                        let known = Set(ReachMigrations.all.map(\.name))
                        let applied = try ReachMigrations.migrator.appliedIdentifiers(db)
                        throw StoreError.writtenByNewerReach(
                            path: path, unknownMigrations: applied.subtracting(known).sorted())
                    }
                    return
                }
                // An empty file (0 bytes, no schema) becomes a Reach database; anything else is refused.
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID != 0 || objects > 0 {
                    throw StoreError.notReachDatabase(path: path)
                }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    private static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path, holder: FileHolder.describe(path))
        case .SQLITE_NOTADB where !FileHolder.startsAsSQLite(path):
            return .notSQLite(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
            if FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path) {
                return .unwritable(path: path, detail: "the file is read-only: Reach needs to write it (and its -wal and -shm beside it)")
            }
            return .unwritable(path: path, detail: error.message ?? "\(error.resultCode)")
        default:
            return .corrupt(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}

extension ReachDatabase {
    /// The migrations applied to this file, and those it still lacks.
    public func migrationStatus() throws -> (applied: [String], pending: [String]) {
        try writer.read { db in
            let applied = try ReachMigrations.migrator.appliedMigrations(db)
            let pending = ReachMigrations.all.map(\.name).filter { !applied.contains($0) }
            return (applied, pending)
        }
    }

    /// All migration names this Reach knows, in order.
    public static var knownMigrations: [String] { ReachMigrations.all.map(\.name) }
}

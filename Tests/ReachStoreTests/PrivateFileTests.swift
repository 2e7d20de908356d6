import Foundation
import GRDB
import Testing
@testable import ReachStore

#if canImport(Glibc)
import Glibc
#endif

/// The files Reach writes at paths a user gives.
@Suite("Private files")
struct PrivateFileTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reach-files-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        _ = lstat(path, &status)
        return status.st_mode & 0o777
    }

    func kind(_ path: String) -> mode_t {
        var status = stat()
        _ = lstat(path, &status)
        return status.st_mode & S_IFMT
    }

    /// Runs `body` with the process umask set to `mask`.
    func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try body()
    }

    @Test("writing to /dev/null writes into the device: it stays a character device")
    func devNull() throws {
        #expect(kind("/dev/null") == S_IFCHR)
        let handle = try PrivateFile.openForWriting("/dev/null")
        try handle.write(contentsOf: Data("COPY campaigns FROM stdin;\n".utf8))
        try handle.close()
        #expect(kind("/dev/null") == S_IFCHR, "still a character device")
    }

    @Test("a FIFO is fed, not replaced")
    func fifo() async throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: path)!
            defer { try? handle.close() }
            return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        }
        let handle = try PrivateFile.openForWriting(path)
        try handle.write(contentsOf: Data("through the pipe".utf8))
        try handle.close()
        #expect(await reader.value == "through the pipe")
        #expect(kind(path) == S_IFIFO)
    }

    @Test("a symlink's target is written and the link stays a link; a regular file is truncated in place")
    func symlinkAndRegularFile() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/target.sql"
        try Data("old content that is longer".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o640)
        let link = directory + "/link.sql"
        #expect(symlink(target, link) == 0)
        let handle = try PrivateFile.openForWriting(link)
        try handle.write(contentsOf: Data("new".utf8))
        try handle.close()
        #expect(kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(mode(target) == 0o640, "an existing file keeps its mode")
    }

    @Test("a missing file is created 0600 whatever the umask")
    func createdPrivate() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for mask: mode_t in [0, 0o022, 0o277] {
            let path = directory + "/export-\(mask).sql"
            let handle = try withUmask(mask) { try PrivateFile.openForWriting(path) }
            try handle.close()
            #expect(mode(path) == 0o600, "umask \(String(mask, radix: 8))")
        }
        try withUmask(0) { try PrivateFile.createDirectory(directory + "/a/b") }
        #expect(mode(directory + "/a") == 0o700 && mode(directory + "/a/b") == 0o700)
    }

    @Test("a new file refuses a path that exists, a dangling symlink included, and never follows it")
    func createNewRefusesLinks() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dangling = directory + "/dangling"
        let pointee = directory + "/elsewhere.sqlite"
        #expect(symlink(pointee, dangling) == 0)
        #expect(throws: StoreError.self) { try PrivateFile.createNew(dangling) }
        #expect(!FileManager.default.fileExists(atPath: pointee), "the link's target was not created")
    }

    @Test("a database, its -wal and -shm are 0600 and its folder untouched, whatever the umask")
    func databaseFilesArePrivate() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/reach.sqlite"
        let database = try withUmask(0) { try ReachDatabase.open(path: path) }
        try database.writer.write { db in try db.execute(sql: "INSERT INTO reach_secrets (name, value) VALUES ('x', 'y')") }
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file)")
            #expect(mode(file) == 0o600, "\(file) is \(String(mode(file), radix: 8))")
        }
        let temporary = try withUmask(0) { try ReachDatabase.temporary() }
        let temporaryFolder = (temporary.path! as NSString).deletingLastPathComponent
        #expect(mode(temporaryFolder) == 0o700 && mode(temporary.path!) == 0o600)
    }

    @Test("a backup is 0600; a symlink, dangling or not, is refused and nothing is written through it")
    func backups() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try ReachDatabase.temporary()
        let copy = directory + "/copy.sqlite"
        try withUmask(0) { try database.backup(to: copy) }
        #expect(mode(copy) == 0o600)
        let link = directory + "/link.sqlite"
        let pointee = directory + "/pointee.sqlite"
        #expect(symlink(pointee, link) == 0)
        let error = #expect(throws: StoreError.self) { try database.backup(to: link) }
        #expect(error?.description.contains("symbolic link") == true)
        #expect(!FileManager.default.fileExists(atPath: pointee))
    }

    @Test("commands that only read refuse an empty file, write nothing and leave no -wal or -shm")
    func readOnlyNeverWrites() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let empty = directory + "/empty.sqlite"
        FileManager.default.createFile(atPath: empty, contents: Data())
        for mode in [ReachDatabase.OpenMode.readOnly(), .readOnly(pendingAllowed: true), .existing] {
            #expect(throws: StoreError.emptyFile(path: empty)) { try ReachDatabase.open(path: empty, mode: mode) }
        }
        #expect(PrivateFile.size(empty) == 0, "still 0 bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["empty.sqlite"])

        let path = directory + "/reach.sqlite"
        _ = try ReachDatabase.open(path: path).insertUser("user_1")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let database = try ReachDatabase.open(path: path, mode: .readOnly())
            #expect(try database.reader.read { try UserProfile.fetchCount($0) } == 1)
            _ = try database.doctor()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "byte for byte")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("a file that still lacks migrations is refused by commands that only read, reported by doctor")
    func readOnlyNeedsCurrentSchema() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/old.sqlite"
        do {
            let database = try ReachDatabase.open(path: path)
            try database.writer.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [ReachDatabase.knownMigrations.last!])
            }
        }
        let error = #expect(throws: StoreError.self) { try ReachDatabase.open(path: path, mode: .readOnly()) }
        #expect(error?.description.contains("reach migrate") == true)
        let report = try ReachDatabase.open(path: path, mode: .readOnly(pendingAllowed: true)).doctor()
        #expect(report.pendingMigrations == [ReachDatabase.knownMigrations.last!])
    }
}

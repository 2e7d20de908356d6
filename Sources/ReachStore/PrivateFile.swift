import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files and folders Reach writes at paths a user gives, readable by their owner only.
///
/// The database holds the token-signing key, so it, its `-wal` and `-shm` (SQLite gives them the
/// database's mode), backups and e-mails are created `0600` and folders `0700`, whatever the umask.
/// An existing path is written in place, never replaced: `--out /dev/null` writes into the
/// device, a FIFO is fed, a symlink's target is written.
public enum PrivateFile {
    public static let fileMode: mode_t = 0o600
    public static let directoryMode: mode_t = 0o700

    /// Opens `path` for writing: an existing regular file is truncated, a device, FIFO or symlink's
    /// target is written as it is; a missing file is created `0600`.
    public static func openForWriting(_ path: String, replacing: Bool = true) throws -> FileHandle {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            fchmod(descriptor, fileMode)
        } else if errno == EEXIST {
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            if descriptor >= 0, isRegularFile(descriptor), !replacing {
                close(descriptor)
                throw StoreError.conflict("\(path) exists: pass --force to replace it, or choose another path")
            }
            if descriptor >= 0, isRegularFile(descriptor) {
                guard ftruncate(descriptor, 0) == 0 else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw StoreError.unwritable(path: path, detail: reason)
                }
            }
        }
        guard descriptor >= 0 else { throw StoreError.unwritable(path: path, detail: String(cString: strerror(errno))) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Creates a new empty file `0600` at `path`; refuses a path that exists, a symlink included
    /// (a dangling one would otherwise be followed to wherever it points).
    public static func createNew(_ path: String) throws {
        let descriptor = try createNewDescriptor(path)
        close(descriptor)
    }

    /// Writes `data` into a new file `0600` at `path` (refused when the path exists).
    public static func writeNew(_ data: Data, to path: String) throws {
        let descriptor = try createNewDescriptor(path)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            try? handle.close()
            unlink(path)
            throw StoreError.unwritable(path: path, detail: "\(error)")
        }
    }

    /// Creates the folder `path` (and its missing parents) `0700`; an existing folder is kept as it is.
    public static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StoreError.unwritable(path: path, detail: "it is a file, not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try createDirectory(parent) }
        guard mkdir(path, directoryMode) == 0 || errno == EEXIST else {
            throw StoreError.unwritable(path: path, detail: String(cString: strerror(errno)))
        }
        chmod(path, directoryMode)
    }

    /// Whether something, a dangling symlink included, is at `path`.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Whether `path` is a symbolic link.
    public static func isSymlink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The size of the regular file at `path`, following symlinks; `nil` when absent.
    public static func size(_ path: String) -> Int64? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int64(status.st_size)
    }

    private static func createNewDescriptor(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                let what = isSymlink(path) ? "a symbolic link is there" : "it exists"
                throw StoreError.conflict("\(path): \(what): choose a new path")
            }
            throw StoreError.unwritable(path: path, detail: String(cString: strerror(errno)))
        }
        fchmod(descriptor, fileMode)
        return descriptor
    }

    private static func isRegularFile(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}

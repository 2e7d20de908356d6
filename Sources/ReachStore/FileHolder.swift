import Foundation

/// Who has a file open, as `fuser` finds out: the processes whose open descriptors (under /proc)
/// point at it. Only used to explain a locked file; empty where /proc cannot tell (another user's
/// processes, a system without /proc).
enum FileHolder {
    /// `pid 123 (reach)`, or several; nil when none can be found.
    static func describe(_ path: String) -> String? {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let me = ProcessInfo.processInfo.processIdentifier
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var holders: [String] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != me,
                let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
            else { continue }
            let holds = descriptors.contains { descriptor in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(descriptor)")) == target
            }
            guard holds else { continue }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            holders.append("pid \(pid)" + (name.map { " (\($0))" } ?? ""))
            if holders.count == 3 { break }
        }
        return holders.isEmpty ? nil : holders.joined(separator: ", ")
    }

    /// Whether the file begins with SQLite's header (an empty file counts: it becomes one).
    static func startsAsSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header.isEmpty || header == Data("SQLite format 3\u{0}".utf8)
    }
}

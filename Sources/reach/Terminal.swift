import Foundation
import ReachCore

/// Output for people (tables, progress bars) and for scripts (`--json`).
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    static func error(_ error: any Error) {
        let text = "\(error)".replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("reach: \(text)\n".utf8))
    }

    static func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as JSON in the API's wire format (lowercase UUIDs, ISO-8601 timestamps).
    static func printJSON<T: Encodable>(_ value: T) throws {
        print(String(decoding: try WireEncoder.encode(value), as: UTF8.self))
    }

    /// Prints rows under a header, columns padded to their widest cell (those in `numeric`
    /// right-aligned); with no rows, `empty` alone when given.
    static func printTable(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], empty: String? = nil) {
        if rows.isEmpty, let empty {
            print(empty)
            return
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells.indices, zip(cells, widths)).map { index, cell in
                let pad = String(repeating: " ", count: max(0, cell.1 - cell.0.count))
                return numeric.contains(index) ? pad + cell.0 : cell.0 + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        print(line(header))
        print(line(widths.map { String(repeating: "─", count: $0) }))
        for row in rows { print(line(row)) }
    }

    /// A progress bar on stderr when it is a terminal; nothing otherwise.
    final class ProgressBar {
        private let label: String
        private var lastDrawn = -1
        private var finished = false

        init(_ label: String) {
            self.label = label
        }

        func update(done: Int, total: Int) {
            guard Terminal.isInteractive, total > 0 else { return }
            let percent = min(100, done * 100 / total)
            guard percent != lastDrawn else { return }
            lastDrawn = percent
            let filled = percent * 30 / 100
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
            FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
            if done >= total { finish() }
        }

        /// Ends the bar's line (once), wherever it stopped.
        func finish() {
            guard Terminal.isInteractive, lastDrawn >= 0, !finished else { return }
            finished = true
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
}


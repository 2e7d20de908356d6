import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The house as DESIGN.md draws it: ReachCore is the one door. The routes, the dashboard, the
/// command line and the job handlers translate; they open no transaction and read no clock.
@Suite("Layers")
struct LayerTests {
    /// Every Swift file under `folder`, with its path relative to the package.
    static func sources(_ folder: String) throws -> [(path: String, lines: [Substring])] {
        let root = packageRoot.appendingPathComponent(folder)
        guard let files = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return try files.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            return ("\(folder)/\(name)", text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// Lines of `folders` that match any of `patterns`, as `path:line: text`.
    static func violations(in folders: [String], _ patterns: [String], except allowed: Set<String> = []) throws -> [String] {
        let expressions = try patterns.map { try Regex($0) }
        var found: [String] = []
        for folder in folders {
            for (path, lines) in try sources(folder) where !allowed.contains(path) {
                for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    if expressions.contains(where: { line.contains($0) }) { found.append("\(path):\(number + 1): \(line)") }
                }
            }
        }
        return found
    }

    @Test("the routes, the dashboard and the command line import neither GRDB nor ReachStore")
    func noStoreImports() throws {
        let found = try Self.violations(in: ["Sources/ReachHTTP", "Sources/reach", "Sources/ReachProviders"],
                                        [#"^\s*(@_exported\s+)?import\s+(GRDB|ReachStore)\b"#])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("they, and the job handlers (all of ReachJobs but the queue's own mechanics), open no transaction")
    func noTransactions() throws {
        let queue = ["QueueWorkers", "SchedulerCore", "Scheduler", "RecurringTasks", "RecurringTaskRunner", "EventProcessor"]
        let found = try Self.violations(
            in: ["Sources/ReachHTTP", "Sources/reach", "Sources/ReachJobs", "Sources/ReachProviders"],
            [#"\.write\s*\{"#, #"\.read\s*\{"#, #"writeWithoutTransaction"#, #"inTransaction"#, #"inSavepoint"#,
             #"\.writer\b"#, #"\.reader\b"#],
            except: Set(queue.map { "Sources/ReachJobs/\($0).swift" }))
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("they read no clock: the services say when things happen")
    func noClockReads() throws {
        let found = try Self.violations(
            in: ["Sources/ReachHTTP", "Sources/reach", "Sources/ReachJobs/Handlers"],
            [#"nowMilliseconds\(\)"#, #"clock\.now\(\)"#, #"\bDate\(\)"#, #"SystemClock\(\)\.now"#],
            except: ["Sources/ReachJobs/Handlers/OutboxMailer.swift"])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("SQL text lives in ReachStore (and schema/) only")
    func sqlInTheStore() throws {
        let found = try Self.violations(
            in: ["Sources/ReachCore", "Sources/ReachHTTP", "Sources/reach", "Sources/ReachJobs", "Sources/ReachExport", "Sources/ReachFuzzing",
                 "Sources/ReachProviders"],
            [#""\s*(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|PRAGMA)\b"#, #"sql:\s*""#, #"\.filter\(\w+\.Columns"#])
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }


    @Test("no read of a stored value can trap: GRDB's row subscript (row[…], row[\"…\"] as T) appears nowhere but raw value reads")
    func noTrappingSubscripts() throws {
        let found = try Self.violations(
            in: ["Sources/ReachStore", "Sources/ReachCore", "Sources/ReachExport", "Sources/ReachJobs", "Sources/ReachHTTP", "Sources/reach",
                 "Sources/ReachTesting", "Sources/ReachFuzzing"],
            [#"\b(row|rows\.first|secret|stored)\??\["#, #"\$0\["[a-z_]+"\] as "#, #"\["[a-z_]+"\] as (String|Int|Int64|Bool|Double|Date|UUID)\??"#,
             #"\btry!"#])
            // A row's raw `DatabaseValue` holds any stored value: that subscript cannot trap.
            .filter { !$0.contains("as DatabaseValue") }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("one type per file, named after it")
    func oneTypePerFile() throws {
        // Top-level types other than private helpers of the file's own type.
        let declaration = try Regex(#"^(public |package |final )*(struct|class|enum|actor|protocol) (\w+)"#)
        var found: [String] = []
        for folder in ["Sources/ReachStore", "Sources/ReachCore", "Sources/ReachProviders", "Sources/ReachJobs", "Sources/ReachHTTP",
                       "Sources/ReachExport", "Sources/reach"] {
            for (path, lines) in try Self.sources(folder) {
                let names = lines.compactMap { line in (try? declaration.firstMatch(in: String(line))).flatMap { $0.output[3].substring } }
                    .map(String.init)
                let file = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                guard !names.isEmpty else { continue }
                if names.count > 1 || (file != names[0] && !file.hasPrefix(names[0] + "+")) {
                    found.append("\(path): \(names.joined(separator: ", "))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

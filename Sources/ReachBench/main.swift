import Foundation

// reach-bench SUITE [--json] [--work DIR]: the in-process half of Scripts/bench.
let arguments = CommandLine.arguments.dropFirst()
let suite = arguments.first ?? "store"
let json = arguments.contains("--json")
let workDirectory = arguments.firstIndex(of: "--work").map { arguments[$0 + 1] } ?? ".build-bench"
try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)

do {
    switch suite {
    case "store":
        let figures = try StoreBenchmark(largeDatabasePath: workDirectory + "/scale100.sqlite").run()
        report(figures, json: json)
    default:
        FileHandle.standardError.write(Data("reach-bench: unknown suite \(suite)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("reach-bench: \(error)\n".utf8))
    exit(1)
}

import Foundation
import ReachStore

// reach-bench SUITE [--json] [--work DIR]: the in-process half of Scripts/bench.
let arguments = CommandLine.arguments.dropFirst()
let suite = arguments.first ?? "store"
let json = arguments.contains("--json")
let workDirectory = arguments.firstIndex(of: "--work").map { arguments[$0 + 1] } ?? ".build-bench"
try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
}

func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    print(String(decoding: data, as: UTF8.self))
}

do {
    switch suite {
    case "store":
        let figures = try StoreBenchmark(largeDatabasePath: workDirectory + "/scale100.sqlite").run()
        report(figures, json: json)
    case "create":
        // reach-bench create: the time to make a fresh migrated temporary database.
        let samples = try measure(minimum: 50, budget: 2) { _ = try ReachDatabase.temporary() }
        try printJSON(["p50_ms": milliseconds(samples.p50), "p99_ms": milliseconds(samples.p99)])
    case "seed-queries":
        // reach-bench seed-queries --db FILE --params FILE.json [--budget SECONDS]
        guard let path = option("--db"), let parametersPath = option("--params") else {
            throw BenchError("usage: reach-bench seed-queries --db FILE --params FILE.json [--budget SECONDS]")
        }
        let parameters = try JSONDecoder().decode(
            QueryPatternsBenchmark.Parameters.self, from: Data(contentsOf: URL(fileURLWithPath: parametersPath)))
        let benchmark = QueryPatternsBenchmark(
            database: try ReachDatabase.open(path: path, mode: .existing), parameters: parameters,
            budget: option("--budget").flatMap(Double.init) ?? 2)
        try printJSON(try benchmark.run())
    case "wire":
        // reach-bench wire: WireEncoder beside JSONEncoder.
        try printJSON(try WireBenchmark().run())
    case "queue":
        // reach-bench queue [--jobs N] [--workers 1,4,16,64]
        let workers = (option("--workers") ?? "1,2,4,8,16,32,64").split(separator: ",").compactMap { Int($0) }
        let output = try await QueueBenchmark(jobs: option("--jobs").flatMap(Int.init) ?? 20_000, workers: workers).run()
        try printJSON(output)
    default:
        FileHandle.standardError.write(Data("reach-bench: unknown suite \(suite)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("reach-bench: \(error)\n".utf8))
    exit(1)
}

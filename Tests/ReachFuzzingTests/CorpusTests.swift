import Foundation
import Testing
@testable import ReachFuzzing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The fuzzers' committed inputs, replayed on every test run: the seed corpus, and each input
/// that once crashed a target (`Fuzz/regressions/<target>/`), so a fixed crash stays fixed.
@Suite("Fuzz corpus")
struct CorpusTests {
    static func files(_ folder: String, _ target: String) -> [URL] {
        let directory = packageRoot.appendingPathComponent("Fuzz/\(folder)/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test("every target has seeds, and every seed and regression runs through it", arguments: FuzzTargets.all.map(\.name))
    func replay(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let seeds = Self.files("corpus", name)
        #expect(!seeds.isEmpty, "Fuzz/corpus/\(name) holds the target's seeds")
        for file in seeds + Self.files("regressions", name) {
            target.run(try Data(contentsOf: file))
        }
    }
}

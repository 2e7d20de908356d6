import Foundation
import ReachFuzzing

// Built two ways. By `Scripts/fuzz` with `--sanitize=fuzzer -DFUZZING`: libFuzzer supplies main
// and calls this entry with each input of the target named by REACH_FUZZ_TARGET. By `swift build`:
// a replay tool that runs files through a target, e.g. a crash libFuzzer saved.
#if FUZZING
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["REACH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.named(name) else {
        fatalError("set REACH_FUZZ_TARGET to one of \(FuzzTargets.all.map(\.name).joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    target.run(Data(bytes: data, count: size))
    return 0
}
#else
@main
struct Replay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTargets.named(name) else {
            FileHandle.standardError.write(Data(
                "usage: reach-fuzz TARGET FILE...  (targets: \(FuzzTargets.all.map(\.name).joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            target.run(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        print("reach-fuzz: \(arguments.count - 1) inputs through \(name): no finding")
    }
}
#endif

import Foundation

/// Latency samples of one operation.
struct Samples {
    var seconds: [Double] = []

    mutating func time(_ body: () throws -> Void) rethrows {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    func percentile(_ p: Double) -> Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }

    var p50: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }
}

/// Runs `body` until `minimum` samples and at least `budget` seconds (capped at `maximum` samples).
func measure(minimum: Int = 20, maximum: Int = 2_000, budget: Double = 1.0, _ body: () throws -> Void) rethrows -> Samples {
    var samples = Samples()
    try body()  // warm up
    let start = Date()
    while samples.seconds.count < minimum || (Date().timeIntervalSince(start) < budget && samples.seconds.count < maximum) {
        try samples.time(body)
    }
    return samples
}

/// One line of the report: a figure, its reference measured in the same run, and the target.
struct Figure: Codable {
    var metric: String
    var value: Double
    var unit: String
    var reference: Double?
    var referenceName: String?
    var target: String?

    var ratio: Double? { reference.map { value / $0 } }
}

func milliseconds(_ seconds: Double) -> Double { (seconds * 1e6).rounded() / 1e3 }

func report(_ figures: [Figure], json: Bool) {
    if json {
        var object: [String: [String: Double?]] = [:]
        var units: [String: String] = [:]
        for figure in figures {
            object[figure.metric] = ["value": figure.value, "reference": figure.reference, "ratio": figure.ratio]
            units[figure.metric] = figure.unit
        }
        // {metric: {value, unit, reference, ratio}}
        var lines: [String] = []
        for figure in figures {
            func number(_ value: Double?) -> String {
                guard let value, value.isFinite else { return "null" }
                return String(format: "%.6g", value)
            }
            lines.append("  \"\(figure.metric)\": {\"value\": \(number(figure.value)), \"unit\": \"\(figure.unit)\", "
                + "\"reference\": \(number(figure.reference)), \"ratio\": \(number(figure.ratio))}")
        }
        print("{\n" + lines.joined(separator: ",\n") + "\n}")
    } else {
        print("| metric | value | reference | ratio | target |")
        print("| --- | --- | --- | --- | --- |")
        for figure in figures {
            let reference = figure.reference.map { String(format: "%.4g %@ (%@)", $0, figure.unit, figure.referenceName ?? "") } ?? "—"
            let ratio = figure.ratio.map { String(format: "%.3g×", $0) } ?? "—"
            print("| \(figure.metric) | \(String(format: "%.4g", figure.value)) \(figure.unit) | \(reference) | \(ratio) | \(figure.target ?? "") |")
        }
    }
}

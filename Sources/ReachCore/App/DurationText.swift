import Foundation

/// `90s`, `15m`, `8d`: a whole number and a unit (ms, s, m, h, d), as the test kit's clock takes it.
public enum DurationText {
    /// Seconds, or nil for text of another form; at most 100 years.
    public static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, TimeInterval)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        for (unit, scale) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count)
            guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber), number.count <= 12,
                let value = Double(number)
            else { return nil }
            let seconds = value * scale
            return seconds <= 100 * 365 * 86_400 ? seconds : nil
        }
        return nil
    }
}

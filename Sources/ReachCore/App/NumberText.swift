import Foundation

/// Whole numbers for people: `10000` → `10,000` (no locale: the dashboard and the CLI read alike).
public enum NumberText {
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

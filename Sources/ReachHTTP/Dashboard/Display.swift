import Foundation
import Mustache
import ReachCore

/// How numbers and dates read on the dashboard.
enum Display {
    /// 950, 12.5K, 1.2M.
    static func compact(_ number: Int) -> String {
        func trimmed(_ value: Double, _ suffix: String) -> String {
            let text = String(format: "%.1f", value)
            return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + suffix
        }
        switch number {
        case 1_000_000...: return trimmed(Double(number) / 1_000_000, "M")
        case 1_000...: return trimmed(Double(number) / 1_000, "K")
        default: return String(number)
        }
    }

    /// `2026-11-24 22:06` (UTC).
    static func time(_ date: Date) -> String {
        String(date.databaseText.prefix(16))
    }

    static func initials(_ name: String?) -> String {
        let words = (name ?? "?").split(separator: " ").prefix(2)
        return words.compactMap { $0.first.map(String.init) }.joined().uppercased()
    }

    static func limit(_ value: Int) -> String { value < 0 ? "unlimited" : NumberText.grouped(value) }

    /// "Viral Surge", not `viral_surge`: the plans' names as the platform shows them.
    static func plan(_ key: PlanKey?) -> String {
        switch key ?? .free {
        case .free: return "Free"
        case .glowUp: return "Glow Up"
        case .viralSurge: return "Viral Surge"
        case .fameFlex: return "Fame Flex"
        }
    }
}

import Foundation
import Mustache

/// The dashboard's pages, embedded from `Templates/`, and its stylesheet and script.
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("signin", PackageResources.signin_mustache),
            ("campaigns", PackageResources.campaigns_mustache), ("meters", PackageResources.meters_mustache),
            ("campaign", PackageResources.campaign_mustache), ("account", PackageResources.account_mustache),
            ("admin", PackageResources.admin_mustache), ("admin-user", PackageResources.admin_user_mustache),
            ("event-table", PackageResources.event_table_mustache), ("admin-config", PackageResources.admin_config_mustache),
            ("admin-jobs", PackageResources.admin_jobs_mustache), ("admin-events", PackageResources.admin_events_mustache),
            ("message", PackageResources.message_mustache),
        ]
        for (name, bytes) in templates {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// Renders a page; every `{{value}}` is HTML-escaped by Mustache.
    static func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? "template \(name) is missing"
    }

    static let stylesheet = PackageResources.reach_css
    static let script = PackageResources.reach_js
}

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
        let text = date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false))
        return String(text.replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    static func initials(_ name: String?) -> String {
        let words = (name ?? "?").split(separator: " ").prefix(2)
        return words.compactMap { $0.first.map(String.init) }.joined().uppercased()
    }

    static func limit(_ value: Int) -> String { value < 0 ? "unlimited" : String(value) }
}

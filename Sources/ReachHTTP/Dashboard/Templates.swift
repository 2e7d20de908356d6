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

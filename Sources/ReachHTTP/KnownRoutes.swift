import Synchronization

/// The router's own list of routes (`Router.routes`), read once built: a path served with other
/// methods answers 405 saying which.
final class KnownRoutes: Sendable {
    private let routes = Mutex<[String]>([])

    func set(_ list: [String]) {
        routes.withLock { $0 = list }
    }

    /// The methods registered for a concrete path (`{x}` in a route matches any one segment).
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.withLock { $0 }.compactMap { route -> String? in
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let template = parts[1].split(separator: "/", omittingEmptySubsequences: true)
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0.hasPrefix(":") || $0 == $1 })
            else { return nil }
            return String(parts[0])
        }
    }
}

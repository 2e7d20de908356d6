import Crypto
import Foundation
import Hummingbird
import Logging
import ReachCore
import ServiceLifecycle

/// How the HTTP listener is set up.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// One-click sign-in as the demo user or admin on the dashboard (`reach serve --demo`).
    public var demoSignIn = false
    /// The dashboard's mock checkout, which puts the user on a plan without payment: only on a
    /// demo or `--mock-billing` server with no Stripe secret configured.
    public var mockBilling = false
    /// The address browsers use (`--public-url`); an `https` one makes the session cookie `Secure`.
    public var publicURL: String?
    public var serverName = "reach"
    /// How many connections it holds at most (`reach serve` sizes it to the open-file limit); nil: no limit.
    public var connectionLimit: ConnectionLimit?
    /// An idle keep-alive connection, or one whose request head does not arrive, closes after this.
    public var idleTimeout: Duration = .seconds(30)

    public init() {}
}

import Crypto
import Foundation
import Hummingbird
import Logging
import ReachCore
import ServiceLifecycle

/// What the routes share: the application's services, and the listener's own state.
public struct AppDependencies: Sendable {
    public let app: ReachApp
    public let metrics = HTTPMetrics()
    /// Signs the dashboard's CSRF tokens; fresh for each process.
    let csrfKey = SymmetricKey(size: .bits256)

    /// The test kit's clock and scheduler: with it, the `/_reach/…` routes are served.
    public let testMode: (any TestModeControl)?

    public init(app: ReachApp, testMode: (any TestModeControl)? = nil) {
        self.app = app
        self.testMode = testMode
    }
}

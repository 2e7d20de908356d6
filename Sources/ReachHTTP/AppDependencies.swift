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

    public init(app: ReachApp) {
        self.app = app
    }
}

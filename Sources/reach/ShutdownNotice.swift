import Logging
import ServiceLifecycle
import Synchronization

/// Says when a graceful shutdown begins (a signal), and how long it took once the server is down.
final class ShutdownNotice: Service {
    private let logger: Logger
    private let began = Mutex<ContinuousClock.Instant?>(nil)

    init(logger: Logger) {
        self.logger = logger
    }

    func run() async throws {
        try? await gracefulShutdown()
        guard !Task.isCancelled else { return }
        began.withLock { $0 = .now }
        logger.notice("shutting down: finishing requests and running jobs")
    }

    /// Logs the time since the shutdown began, once everything has stopped.
    func stopped() {
        guard let began = began.withLock({ $0 }) else { return }
        let elapsed = ContinuousClock.now - began
        logger.notice("stopped in \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
    }
}

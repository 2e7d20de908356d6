import Foundation
import Hummingbird
import Logging
import ReachCore
import ReachJobs
import ReachProviders
import Synchronization
import Testing

let start = Date(timeIntervalSince1970: 1_764_021_978.125)

/// What the fake upstream received, in order.
final class RequestLog: Sendable {
    private let requests = Mutex<[ProviderHTTPRequest]>([])

    func append(_ request: ProviderHTTPRequest) { requests.withLock { $0.append(request) } }
    var all: [ProviderHTTPRequest] { requests.withLock { $0 } }
    func paths(_ prefix: String) -> [ProviderHTTPRequest] { all.filter { $0.path.hasPrefix(prefix) } }
}

/// A provider clock that moves only when told, or by the waits asked of it (recorded, never slept).
final class TestProviderClock: ProviderClock {
    let app: ManualClock
    private let recorded = Mutex<[Duration]>([])

    init(_ app: ManualClock) { self.app = app }

    func now() -> Date { app.now() }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        app.advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    var waits: [Duration] { recorded.withLock { $0 } }
}

/// Runs the fake providers on 127.0.0.1 (a free port) for `body`: `respond` may replace answers
/// (nil: the fake's own); every request is logged.
func withFakeUpstream(
    respond: @escaping @Sendable (ProviderHTTPRequest, Int) -> ProviderHTTPResponse? = { _, _ in nil },
    _ body: @Sendable (_ baseURL: String, _ log: RequestLog) async throws -> Void
) async throws {
    let log = RequestLog()
    let counter = Mutex(0)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "fake")
    logger.logLevel = .critical
    let app = FakeProviderServer.application(
        FakeProviderServer.Options(), logger: logger, onRequest: { log.append($0) },
        respond: { request in
            let index = counter.withLock { value -> Int in
                value += 1
                return value
            }
            return respond(request, index) ?? FakeProviders().respond(request)
        },
        onServerRunning: { continuation.yield($0) })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        try await body("http://127.0.0.1:\(port)", log)
        group.cancelAll()
    }
}

/// A database with a searcher on fame_flex, in trial.
func searcherDatabase() throws -> ReachDatabase {
    let database = try ReachDatabase.temporary()
    try database.writer.write { db in
        var profile = UserProfile(userId: "user_1", email: "user_1@example.com", fullName: "Test User", now: start)
        profile.subscriptionStatus = .trialing
        profile.trialStatus = .active
        try Plans.apply(db, plan: .fameFlex, to: &profile)
        try profile.insert(db)
        for key in [ConfigKey.tiktokContinuationDelay, .instagramReelsDelay] { try Settings.set(db, key, value: "0s", now: start) }
    }
    return database
}

/// The live provider against `baseURL`, with keys (unless `keys` says otherwise) and no pacing.
func live(_ baseURL: String, clock: TestProviderClock, keys: [Provider: String]? = nil,
          settings: ProviderSettings = .unpaced) -> LiveProvider {
    let endpoints = ProviderEndpoints(
        baseURLs: Dictionary(uniqueKeysWithValues: Provider.allCases.map { ($0, baseURL) }),
        keys: keys ?? Dictionary(uniqueKeysWithValues: Provider.allCases.map { ($0, "test-key-\($0.rawValue)") }))
    return LiveProvider(transport: HTTPTransport(), endpoints: endpoints, settings: { settings }, clock: clock)
}

/// Starts a search and runs it to its end with `provider`; the job and its stored creators.
func runSearch(
    _ database: ReachDatabase, provider: any SearchProvider, clock: ManualClock, platform: Platform,
    keywords: [String]? = nil, username: String? = nil, target: Int? = nil
) async throws -> (job: ScrapingJob, items: [JSONValue]) {
    let request = try Searches.validate(platform: platform, keywords: keywords, username: username, targetResults: target)
    let search = try await database.writer.write { db in
        try Searches.start(db, userId: "user_1", request: request, campaignId: nil, now: clock.now())
    }
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let scheduler = Scheduler(database: database, clock: clock, handlers: [ScrapingStepHandler(provider: provider)],
                              recurring: .none, options: .init(workers: 2), logger: logger)
    for _ in 0..<200 {
        try await scheduler.runUntilIdle()
        let job = try await database.reader.read { db in try ScrapingJob.fetchOne(db, id: search.id) }
        if let job, job.status.isFinal {
            let items = try await database.reader.read { db in try ScrapingResult.fetchAll(db, jobId: search.id).flatMap(\.creatorItems) }
            return (job, items)
        }
        clock.advance(by: 31)
    }
    Issue.record("the search did not finish")
    throw CancellationError()
}

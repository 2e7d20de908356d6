import Foundation
import ReachCore

/// The `providers.*` settings a step runs with, read at its start (so a change applies to the
/// next step).
public struct ProviderSettings: Sendable, Hashable {
    public var requestTimeout: TimeInterval = 30
    public var maxRetries = 3
    public var retryAfterCap: TimeInterval = 60
    public var intervals: [Provider: TimeInterval] = [.scrapeCreators: 0.1, .rapidAPI: 0.1, .apify: 0.5]
    public var secondaryConcurrency = 4
    public var apifyRunTimeout: TimeInterval = 120

    public init() {}

    /// The settings as stored (each within its rule; a bad stored value reads as its default).
    public static func load(_ configuration: ReachCore.Configuration) async throws -> ProviderSettings {
        var settings = ProviderSettings()
        settings.requestTimeout = try await configuration.seconds(.providerRequestTimeout)
        settings.maxRetries = try await configuration.count(.providerMaxRetries)
        settings.retryAfterCap = try await configuration.seconds(.providerRetryAfterCap)
        for provider in Provider.allCases { settings.intervals[provider] = try await configuration.seconds(provider.intervalKey) }
        settings.secondaryConcurrency = try await configuration.count(.providerSecondaryConcurrency)
        settings.apifyRunTimeout = try await configuration.seconds(.apifyRunTimeout)
        return settings
    }

    /// No pacing: the offline fake answers from memory.
    public static var unpaced: ProviderSettings {
        var settings = ProviderSettings()
        settings.intervals = [:]
        return settings
    }
}

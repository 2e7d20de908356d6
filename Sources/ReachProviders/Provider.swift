import Foundation
import ReachCore

/// The platform's three creator providers (providers.md §1).
public enum Provider: String, CaseIterable, Sendable {
    /// TikTok and YouTube searches, profiles and channels.
    case scrapeCreators
    /// RapidAPI's `instagram-premium-api-2023`: Instagram reels and users.
    case rapidAPI
    /// Apify's Instagram scraper actor: similar Instagram accounts.
    case apify

    public var name: String {
        switch self {
        case .scrapeCreators: return "ScrapeCreators"
        case .rapidAPI: return "RapidAPI"
        case .apify: return "Apify"
        }
    }

    /// The environment variable holding the key (never logged).
    public var keyVariable: String {
        switch self {
        case .scrapeCreators: return "SCRAPECREATORS_API_KEY"
        case .rapidAPI: return "RAPIDAPI_INSTAGRAM_KEY"
        case .apify: return "APIFY_TOKEN"
        }
    }

    /// The environment variable and the flag naming the base URL.
    public var urlVariable: String {
        switch self {
        case .scrapeCreators: return "SCRAPECREATORS_BASE_URL"
        case .rapidAPI: return "RAPIDAPI_INSTAGRAM_BASE_URL"
        case .apify: return "APIFY_BASE_URL"
        }
    }

    public var urlFlag: String {
        switch self {
        case .scrapeCreators: return "--scrapecreators-url"
        case .rapidAPI: return "--rapidapi-instagram-url"
        case .apify: return "--apify-url"
        }
    }

    public var defaultBaseURL: String {
        switch self {
        case .scrapeCreators: return "https://api.scrapecreators.com"
        case .rapidAPI: return "https://instagram-premium-api-2023.p.rapidapi.com"
        case .apify: return "https://api.apify.com"
        }
    }

    /// RapidAPI's host header, the literal the platform sends.
    public static let rapidAPIHost = "instagram-premium-api-2023.p.rapidapi.com"

    /// The least time between two of this provider's request starts.
    public var intervalKey: ConfigKey {
        switch self {
        case .scrapeCreators: return .scrapeCreatorsInterval
        case .rapidAPI: return .rapidAPIInterval
        case .apify: return .apifyInterval
        }
    }
}

import ReachCore

/// The platform's six search routes under `/api/scraping/`: each one platform and mode, and what
/// its answers add.
enum SearchRoute: String, CaseIterable, Sendable {
    case tiktok
    case youtube
    case instagramReels = "instagram-reels"
    case tiktokSimilar = "tiktok-similar"
    case youtubeSimilar = "youtube-similar"
    case instagram

    /// The path under `/api/scraping/`.
    var path: String { rawValue }

    var platform: Platform {
        switch self {
        case .tiktok, .tiktokSimilar: .tiktok
        case .youtube, .youtubeSimilar: .youtube
        case .instagramReels, .instagram: .instagram
        }
    }

    var type: SearchType {
        switch self {
        case .tiktok, .youtube, .instagramReels: .keyword
        case .tiktokSimilar, .youtubeSimilar, .instagram: .similar
        }
    }

    /// The route of the same platform in the other mode.
    var otherMode: SearchRoute {
        Self.allCases.first { $0.platform == platform && $0.type != type } ?? self
    }

    /// Which of the platform's answer shapes a poll adds to the common one.
    var variant: PollAnswer.Variant {
        switch self {
        case .instagramReels: .reels
        case .tiktokSimilar, .youtubeSimilar: .similar
        default: .plain
        }
    }

    /// The platform's YouTube similar route answers the user's active search of the same account
    /// instead of starting another.
    var reusesActiveSearch: Bool { self == .youtubeSimilar }
}

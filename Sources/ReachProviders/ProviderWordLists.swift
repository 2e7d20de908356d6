import Foundation
import ReachCore

/// The word lists of the providers' searches (`fixtures/providers.json`): reels keyword
/// expansions, stop words of TikTok similar keywords, YouTube categories and content types.
public struct ProviderWordLists: Codable, Sendable {
    public var reelsExpansions: [String: [String]]
    public var stopWords: [String]
    public var youtubeCategories: [YouTubeSimilarMapping.Category]
    public var youtubeContentTypes: [String]

    /// The lists embedded in the binary.
    public static let shared: ProviderWordLists = {
        do {
            return try JSONDecoder().decode(ProviderWordLists.self, from: Data(Fixtures.providers))
        } catch {
            preconditionFailure("fixtures/providers.json is malformed: \(error)")
        }
    }()

    public var stopWordSet: Set<String> { Set(stopWords.map { $0.lowercased() }) }
}

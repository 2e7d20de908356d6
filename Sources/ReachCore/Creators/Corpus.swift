import Foundation
import ReachStore

/// The word lists behind generated creators and demo users (`fixtures/corpus.json`).
public struct Corpus: Codable, Sendable {
    public struct Niche: Codable, Sendable {
        public var keyword: String
        public var words: [String]
        public var bios: [String]
    }

    public var firstNames: [String]
    public var lastNames: [String]
    public var niches: [Niche]
    public var adjectives: [String]
    public var cities: [String]
    public var emailDomains: [String]
    public var emailPhrases: [String]
    public var emojis: [String]
    public var videoTitles: [String]
    public var hashtags: [String]

    /// The corpus embedded in the binary.
    public static let shared: Corpus = {
        do {
            return try JSONDecoder().decode(Corpus.self, from: Data(PackageResources.corpus_json))
        } catch {
            preconditionFailure("fixtures/corpus.json is malformed: \(error)")
        }
    }()
}

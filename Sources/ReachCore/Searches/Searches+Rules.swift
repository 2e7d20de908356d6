import Foundation
import GRDB
import ReachStore

/// What a search request may ask: its platform's targets, keywords and account, checked before it starts.
extension Searches {
    /// The targets a platform's route accepts, and its default.
    public static func targetRule(_ platform: Platform, _ type: SearchType) -> (allowed: ClosedRange<Int>?, choices: [Int]?, defaultTarget: Int) {
        switch (platform, type) {
        case (.tiktok, .keyword), (.youtube, .keyword): return (nil, [100, 500, 1000], 1000)
        // The platform's reels route defaults to 50, which its own 100/500/1000 check refuses: 100 here.
        case (.instagram, .keyword): return (nil, [100, 500, 1000], 100)
        case (.tiktok, .similar): return (1...1000, nil, 10)
        case (.youtube, .similar): return (1...1000, nil, 100)
        case (.instagram, .similar): return (1...1000, nil, 20)
        }
    }

    /// Checks a request's keywords, username and target, filling in the platform's default target.
    public static func validate(
        platform: Platform, keywords: [String]?, username: String?, targetResults: Int?
    ) throws -> SearchRequest {
        var keywords = keywords?.map { keyword -> String in
            let trimmed = keyword.trimmingCharacters(in: .whitespacesAndNewlines)
            // Reels search by hashtag text: the platform strips a leading `#`.
            return platform == .instagram && trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        }.filter { !$0.isEmpty }
        var username = username?.trimmingCharacters(in: .whitespacesAndNewlines)
        if username?.hasPrefix("@") == true { username?.removeFirst() }
        if username?.isEmpty == true { username = nil }
        switch (keywords?.isEmpty == false, username != nil) {
        case (true, true): throw ReachError.invalid(field: "keywords", reason: "give keywords or a username, not both")
        case (false, false): throw ReachError.invalid(field: "keywords", reason: "give at least one keyword, or a username for a similar search")
        default: break
        }
        if let list = keywords {
            guard list.count <= 20 else { throw ReachError.invalid(field: "keywords", reason: "at most 20 keywords") }
            guard list.allSatisfy({ $0.fits(100) && !$0.contains("\u{0}") }) else {
                throw ReachError.invalid(field: "keywords", reason: "each keyword is at most 100 characters of text")
            }
            keywords = list
        }
        if let name = username {
            guard name.fits(100), !name.contains("\u{0}"), !name.contains(where: \.isWhitespace) else {
                throw ReachError.invalid(field: "username", reason: "an account name without spaces, at most 100 characters")
            }
        }
        let type: SearchType = username == nil ? .keyword : .similar
        let rule = targetRule(platform, type)
        let target = targetResults ?? rule.defaultTarget
        if let choices = rule.choices, !choices.contains(target) {
            throw ReachError.invalid(
                field: "targetResults",
                reason: "\(platform.rawValue) keyword searches take \(choices.map(String.init).joined(separator: ", ") ) results")
        }
        if let range = rule.allowed, !range.contains(target) {
            throw ReachError.invalid(field: "targetResults", reason: "use \(range.lowerBound) to \(range.upperBound)")
        }
        return SearchRequest(platform: platform, keywords: type == .keyword ? keywords : nil, username: username,
                             targetResults: target)
    }
}

import Foundation
import ReachStore

/// Deterministic creators in each platform's shape (platform-facts.md "Creator shapes").
///
/// Every platform and niche has a pool of creators; a search walks its pool in an order seeded by
/// the query, so the same search returns the same pages, and a creator found by two searches
/// looks the same in both. E-mail addresses appear in some bios, as the real APIs return them:
/// ``CreatorEnrichment`` extracts them.
public struct CreatorGenerator: Sendable {
    public static let poolSize = 100_000
    private static let stride = 7_919  // prime, coprime with the pool size: every index is visited

    public let corpus: Corpus

    public init(corpus: Corpus = .shared) {
        self.corpus = corpus
    }

    /// The page size the real APIs return: TikTok about 30, YouTube 20, Instagram 12, similar 10 to 20.
    public static func pageSize(platform: Platform, searchType: SearchType, query: String) -> Int {
        switch (platform, searchType) {
        case (.tiktok, .keyword): return 30
        case (.youtube, .keyword): return 20
        case (.instagram, .keyword): return 12
        case (_, .similar): return 10 + Int(SeededRandom.hash("\(platform.rawValue)|\(query)") % 11)
        }
    }

    /// The items of one page: `count` creators starting at `cursor` in the query's order.
    public func page(platform: Platform, searchType: SearchType, query: String, cursor: Int, count: Int) -> [JSONValue] {
        let niche = nicheIndex(for: query)
        let offset = Int(SeededRandom.hash("\(searchType.rawValue)|\(query.lowercased())") % UInt64(Self.poolSize))
        return (cursor..<(cursor + count)).map { position in
            let index = (offset + position * Self.stride) % Self.poolSize
            let persona = persona(platform: platform, niche: niche, index: index)
            var random = SeededRandom("\(query)|\(position)|post")
            switch searchType {
            case .keyword: return keywordItem(persona, platform: platform, query: query, random: &random)
            case .similar: return similarItem(persona, platform: platform)
            }
        }
    }

    /// The niche a query is about: the one whose keyword or words it mentions, else one by hash.
    func nicheIndex(for query: String) -> Int {
        let lowered = query.lowercased()
        if let match = corpus.niches.firstIndex(where: { niche in
            lowered.contains(niche.keyword) || niche.words.contains(where: lowered.contains)
        }) {
            return match
        }
        return Int(SeededRandom.hash(lowered) % UInt64(corpus.niches.count))
    }

    /// A generated creator: who the offline provider's pages are about.
    public struct Persona: Sendable {
        public var name: String
        public var handle: String
        public var followers: Int
        public var verified: Bool
        public var bio: String
        public var niche: Corpus.Niche
        public var id: UInt64
    }

    /// `count` creators of the query's pool, from `cursor` on: the same walk as ``page(platform:searchType:query:cursor:count:)``.
    public func personas(platform: Platform, searchType: SearchType, query: String, cursor: Int, count: Int) -> [Persona] {
        let niche = nicheIndex(for: query)
        let offset = Int(SeededRandom.hash("\(searchType.rawValue)|\(query.lowercased())") % UInt64(Self.poolSize))
        return (cursor..<(cursor + max(0, count))).map { position in
            persona(platform: platform, niche: niche, index: (offset + position * Self.stride) % Self.poolSize)
        }
    }

    /// The creator a handle names, made from the handle alone: profile and channel calls for any handle.
    public func persona(platform: Platform, handle: String) -> Persona {
        let index = Int(SeededRandom.hash("\(platform.rawValue)|handle|\(handle.lowercased())") % UInt64(Self.poolSize))
        var persona = persona(platform: platform, niche: nicheIndex(for: handle), index: index)
        persona.handle = handle
        return persona
    }

    func persona(platform: Platform, niche nicheIndex: Int, index: Int) -> Persona {
        var random = SeededRandom("\(platform.rawValue)|\(nicheIndex)|\(index)")
        let niche = corpus.niches[nicheIndex]
        let first = random.pick(corpus.firstNames)
        let last = random.pick(corpus.lastNames)
        let word = random.pick(niche.words)
        let base: String
        switch random.next() % 4 {
        case 0: base = first + word
        case 1: base = random.pick(corpus.adjectives) + first
        case 2: base = first + "." + last
        default: base = first + "_" + word
        }
        let handle = Self.ascii(base).lowercased() + String(index, radix: 36)
        // Log-uniform from 300 to 5M, skewed toward smaller accounts, as real audiences are.
        let skew = pow(random.unit(), 1.6)
        let followers = Int(exp(log(300.0) + skew * (log(5_000_000.0) - log(300.0))))
        let verified =
            followers > 1_000_000 ? random.chance(0.6) : followers > 100_000 ? random.chance(0.15) : random.chance(0.02)
        var bio = random.pick(niche.bios).replacingOccurrences(of: "{n}", with: String(3 + random.next() % 40))
        bio += " " + random.pick(corpus.emojis) + " " + random.pick(corpus.cities)
        if random.chance(0.35) {
            let email = "\(Self.ascii(first).lowercased()).\(Self.ascii(last).lowercased())\(index % 100)@"
                + random.pick(corpus.emailDomains)
            bio += " · " + random.pick(corpus.emailPhrases).replacingOccurrences(of: "{email}", with: email)
        }
        return Persona(
            name: "\(first) \(last)", handle: handle, followers: followers, verified: verified, bio: bio,
            niche: niche, id: random.next() % 9_000_000_000_000 + 1_000_000_000_000)
    }

    private func keywordItem(_ persona: Persona, platform: Platform, query: String, random: inout SeededRandom)
        -> JSONValue
    {
        let keyword = query.split(separator: ",").first.map(String.init) ?? persona.niche.keyword
        let title = random.pick(corpus.videoTitles)
            .replacingOccurrences(of: "{keyword}", with: keyword)
            .replacingOccurrences(of: "{n}", with: String(3 + random.next() % 10))
        let views = Int64(Double(persona.followers) * (0.05 + random.unit() * 2))
        let likes = views / Int64(8 + random.next() % 20)
        let tags = ["#" + persona.niche.keyword, random.pick(corpus.hashtags), random.pick(corpus.hashtags)]
        let postId = String(random.next() % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000)
        var creator: [String: JSONValue] = [
            "name": .string(persona.name),
            "uniqueId": .string(persona.handle),
            "followers": .int(Int64(persona.followers)),
            "avatarUrl": .string(Self.avatarURL(platform: platform, handle: persona.handle)),
            "bio": .string(persona.bio),
            "emails": [],
            "verified": .bool(persona.verified),
        ]
        var item: [String: JSONValue] = [
            "hashtags": .array(tags.map(JSONValue.string)),
            "platform": .string(platform.rawValue),
        ]
        let url: String
        switch platform {
        case .tiktok:
            url = "https://www.tiktok.com/@\(persona.handle)/video/\(postId)"
        case .youtube:
            let videoId = Self.token(&random, length: 11)
            url = "https://www.youtube.com/watch?v=\(videoId)"
            creator["handle"] = .string("@" + persona.handle)
            creator["channelId"] = .string("UC" + Self.token(&random, length: 22))
            creator["socialLinks"] = [.string("https://instagram.com/\(persona.handle)")]
        case .instagram:
            let shortCode = Self.token(&random, length: 11)
            url = "https://www.instagram.com/reel/\(shortCode)/"
            item["postId"] = .string(postId)
            item["shortCode"] = .string(shortCode)
            item["enhancementStatus"] = "pending"
        }
        item["creator"] = .object(creator)
        item["video"] = [
            "description": .string(title + " " + tags.joined(separator: " ")),
            "url": .string(url),
            "statistics": [
                "likes": .int(likes), "comments": .int(likes / 12), "views": .int(views), "shares": .int(likes / 30),
            ],
        ]
        return .object(item)
    }

    private func similarItem(_ persona: Persona, platform: Platform) -> JSONValue {
        var item: [String: JSONValue] = [
            "id": .string(String(persona.id)),
            "username": .string(persona.handle),
            "full_name": .string(persona.name),
            "is_verified": .bool(persona.verified),
            "profile_pic_url": .string(Self.avatarURL(platform: platform, handle: persona.handle)),
            "bio": .string(persona.bio),
            "emails": [],
            "platform": .string(platform.rawValue),
        ]
        switch platform {
        case .tiktok:
            item["followerCount"] = .int(Int64(persona.followers))
            item["profileUrl"] = .string("https://www.tiktok.com/@\(persona.handle)")
        case .instagram:
            item["followers_count"] = .int(Int64(persona.followers))
            item["profileUrl"] = .string("https://www.instagram.com/\(persona.handle)/")
        case .youtube:
            item["subscriberCount"] = .int(Int64(persona.followers))
            item["profileUrl"] = .string("https://www.youtube.com/@\(persona.handle)")
        }
        return .object(item)
    }

    /// Avatars of generated creators live on a reserved domain: offline, nothing is fetched.
    public static func avatarURL(platform: Platform, handle: String) -> String {
        "https://avatars.reach.invalid/\(platform.slug)/\(handle).jpg"
    }

    static func ascii(_ text: String) -> String {
        String(
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "." || $0 == "_") }
                .map(Character.init))
    }

    private static func token(_ random: inout SeededRandom, length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}

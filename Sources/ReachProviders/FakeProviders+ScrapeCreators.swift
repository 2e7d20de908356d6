import Foundation
import ReachCore

/// ScrapeCreators' TikTok and YouTube endpoints.
extension FakeProviders {
    /// How many creators a TikTok keyword or a YouTube search has in all.
    static let keywordPool = 1_500

    /// `search_item_list[].aweme_info`, 30 a page (a few repeat an author); `has_more` 0 at the end.
    func tiktokKeyword(_ request: ProviderHTTPRequest) -> JSONValue {
        let query = request.queryValue("query") ?? ""
        let cursor = max(0, min(Int(request.queryValue("cursor") ?? "0") ?? 0, Self.keywordPool))
        let count = min(30, Self.keywordPool - cursor)
        let personas = generator.personas(platform: .tiktok, searchType: .keyword, query: query, cursor: cursor, count: count)
        let items: [JSONValue] = personas.enumerated().map { offset, found in
            // Every tenth item is by the page's first author again: the search keeps one.
            let persona = offset % 10 == 9 ? personas[0] : found
            let position = cursor + offset
            var random = SeededRandom("tiktok|\(query)|\(position)")
            let plays = Int64(Double(persona.followers) * (0.05 + random.unit() * 2))
            let likes = plays / Int64(8 + random.next() % 20)
            let tags = [persona.niche.keyword, random.pick(generator.corpus.hashtags).replacingOccurrences(of: "#", with: "")]
            let awemeId = String(7_000_000_000_000_000_000 + SeededRandom.hash("\(persona.handle)|\(position)") % 1_000_000_000_000_000_000)
            let title = random.pick(generator.corpus.videoTitles).replacingOccurrences(of: "{keyword}", with: query)
                .replacingOccurrences(of: "{n}", with: String(3 + random.next() % 10))
            return ["aweme_info": [
                "aweme_id": .string(awemeId),
                "desc": .string(title + " " + tags.map { "#" + $0 }.joined(separator: " ")),
                "create_time": .int(1_735_689_600 + Self.number(awemeId, below: 30_000_000)),
                "share_url": .string("https://www.tiktok.com/@\(persona.handle)/video/\(awemeId)"),
                "statistics": [
                    "digg_count": .int(likes), "comment_count": .int(likes / 12), "play_count": .int(plays),
                    "share_count": .int(likes / 30),
                ],
                "text_extra": .array(tags.map { ["type": 1, "hashtag_name": .string($0)] } + [["type": 0, "user_id": "1"]]),
                "author": tiktokAuthor(persona, emptyBio: SeededRandom.hash(persona.handle) % 4 == 0),
            ]]
        }
        return ["search_item_list": .array(items), "cursor": .int(Int64(cursor + count)),
                "has_more": .int(cursor + count < Self.keywordPool ? 1 : 0)]
    }

    func tiktokAuthor(_ persona: CreatorGenerator.Persona, emptyBio: Bool) -> JSONValue {
        var author: [String: JSONValue] = [
            "uid": .string(String(persona.id)), "unique_id": .string(persona.handle), "nickname": .string(persona.name),
            "signature": .string(emptyBio ? "" : persona.bio), "follower_count": .int(Int64(persona.followers)),
            "avatar_medium": ["url_list": [.string(Self.avatar(.tiktok, persona.handle))]],
            "verification_type": .int(persona.verified ? 1 : 0),
        ]
        // The pages carry no `is_verified`; some accounts say so in `custom_verify` only.
        if persona.verified && persona.followers % 3 == 0 {
            author["verification_type"] = 0
            author["custom_verify"] = "Verified account"
        }
        return .object(author)
    }

    /// `/v1/tiktok/profile`: the account of the handle.
    func tiktokProfile(_ handle: String) -> JSONValue {
        let persona = generator.persona(platform: .tiktok, handle: handle)
        return [
            "user": ["uniqueId": .string(handle), "nickname": .string(persona.name), "signature": .string(persona.bio),
                     "verified": .bool(persona.verified), "id": .string(String(persona.id))],
            "stats": ["followerCount": .int(Int64(persona.followers)), "videoCount": .int(Int64(persona.followers % 400))],
        ]
    }

    /// `/v1/tiktok/search/users`: 20 users of the keyword, a few private.
    func tiktokUsers(_ request: ProviderHTTPRequest) -> JSONValue {
        let query = request.queryValue("query") ?? ""
        let personas = generator.personas(platform: .tiktok, searchType: .similar, query: query, cursor: 0, count: 20)
        return ["users": .array(personas.map { persona in
            var info = tiktokAuthor(persona, emptyBio: false).objectValue ?? [:]
            info["search_user_desc"] = .string(String(persona.bio.prefix(60)))
            info["following_count"] = .int(Int64(persona.followers % 900))
            info["aweme_count"] = .int(Int64(persona.followers % 400))
            info["total_favorited"] = .int(Int64(persona.followers) * 7)
            info["is_private_account"] = .int(SeededRandom.hash(persona.handle) % 10 == 0 ? 1 : 0)
            return ["user_info": .object(info)]
        })]
    }

    /// `/v1/youtube/search`: 20 videos a page (a channel now and then twice), a
    /// `continuationToken` until the pool ends.
    func youtubeSearch(_ request: ProviderHTTPRequest) -> JSONValue {
        let query = request.queryValue("query") ?? ""
        let page = request.queryValue("continuationToken").flatMap { Int($0.dropFirst("page-".count)) } ?? 0
        let cursor = max(0, min(page * 20, Self.keywordPool))
        let count = min(20, Self.keywordPool - cursor)
        let personas = generator.personas(platform: .youtube, searchType: .keyword, query: query, cursor: cursor, count: count)
        let videos: [JSONValue] = personas.enumerated().map { offset, found in
            let persona = offset % 7 == 6 ? personas[0] : found
            var random = SeededRandom("youtube|\(query)|\(cursor + offset)")
            let videoId = Self.token("\(persona.handle)|\(cursor + offset)")
            let title = random.pick(generator.corpus.videoTitles).replacingOccurrences(of: "{keyword}", with: query)
                .replacingOccurrences(of: "{n}", with: String(3 + random.next() % 10))
            return [
                "id": .string(videoId), "title": .string(title), "url": .string("https://www.youtube.com/watch?v=\(videoId)"),
                "viewCountInt": .int(Int64(Double(persona.followers) * (0.1 + random.unit()))),
                "publishedTime": .string("\(1 + random.next() % 11) months ago"), "lengthSeconds": .int(Int64(60 + random.next() % 1_800)),
                "channel": youtubeChannelStub(persona),
            ]
        }
        var answer: [String: JSONValue] = ["videos": .array(videos)]
        if cursor + count < Self.keywordPool { answer["continuationToken"] = .string("page-\(page + 1)") }
        return .object(answer)
    }

    func youtubeChannelStub(_ persona: CreatorGenerator.Persona) -> JSONValue {
        ["id": .string("UC" + Self.token(persona.handle, length: 22)), "title": .string(persona.name),
         "handle": .string("@" + persona.handle), "thumbnail": .string(Self.avatar(.youtube, persona.handle))]
    }

    /// `/v1/youtube/channel`: the channel of the handle; subscriber counts as YouTube rounds them.
    func youtubeChannel(_ handle: String) -> JSONValue {
        let persona = generator.persona(platform: .youtube, handle: handle)
        let subscribers = Double(persona.followers) - 0.000000002 * Double(persona.followers % 7)
        var channel: [String: JSONValue] = [
            "channelId": .string("UC" + Self.token(handle, length: 22)), "name": .string(persona.name),
            "description": .string(persona.bio), "subscriberCount": .double(subscribers),
            "subscriberCountText": .string("\(Self.compact(persona.followers)) subscribers"),
            "links": [.string("https://instagram.com/\(handle)")],
            "avatar": ["image": ["sources": [["url": .string(Self.avatar(.youtube, handle))]]]],
        ]
        if persona.followers % 5 == 0 { channel["email"] = .string("\(handle.lowercased())@studio.example") }
        return .object(channel)
    }

    static func compact(_ number: Int) -> String {
        switch number {
        case 1_000_000...: return "\(number / 100_000 / 10).\(number / 100_000 % 10)M"
        case 1_000...: return "\(number / 1_000)K"
        default: return String(number)
        }
    }
}

import Foundation
import ReachCore

/// RapidAPI's Instagram reels search and user lookup.
extension FakeProviders {
    /// How many clips a reels term has in all.
    static let reelsPool = 600

    /// `reels_serp_modules`: up to 50 clips at the offset in two `clips` modules (with another
    /// kind of module between), users without follower counts, some private, some seen twice.
    func reels(_ request: ProviderHTTPRequest) -> JSONValue {
        let query = request.queryValue("query") ?? ""
        let offset = max(0, min(Int(request.queryValue("offset") ?? "0") ?? 0, Self.reelsPool))
        let count = min(max(0, min(Int(request.queryValue("count") ?? "50") ?? 50, 50)), Self.reelsPool - offset)
        let personas = generator.personas(platform: .instagram, searchType: .keyword, query: query, cursor: offset, count: count)
        let clips: [JSONValue] = personas.enumerated().map { index, found in
            let persona = index % 8 == 7 ? personas[0] : found
            var random = SeededRandom("reels|\(query)|\(offset + index)")
            let userPk = Int64(50_000_000_000 + SeededRandom.hash("pk|\(persona.handle)") % 9_000_000_000_000)
            let mediaPk = Int64(3_000_000_000_000_000_000 + SeededRandom.hash("media|\(query)|\(offset + index)") % 1_000_000_000_000_000_000)
            let plays = Int64(Double(persona.followers) * (0.05 + random.unit()))
            let likes = plays / Int64(10 + random.next() % 20)
            let code = Self.token("\(mediaPk)")
            let tags = ["#" + persona.niche.keyword.replacingOccurrences(of: " ", with: ""), random.pick(generator.corpus.hashtags)]
            let caption = random.pick(generator.corpus.videoTitles).replacingOccurrences(of: "{keyword}", with: query)
                .replacingOccurrences(of: "{n}", with: String(3 + random.next() % 10)) + " " + tags.joined(separator: " ")
            return ["media": [
                "id": .string("\(mediaPk)_\(userPk)"), "code": .string(code), "caption": ["text": .string(caption)],
                "like_count": .int(likes), "comment_count": .int(likes / 15), "play_count": .int(plays),
                "taken_at": .int(1_735_689_600 + Self.number(code, below: 30_000_000)),
                "media_type": .int(random.chance(0.85) ? 2 : 1),
                "image_versions2": ["candidates": [["url": .string("https://media.reach.invalid/instagram/\(code).jpg")]]],
                "user": [
                    "pk": .int(userPk), "id": .string(String(userPk)), "username": .string(persona.handle),
                    "full_name": .string(persona.name), "is_verified": .bool(persona.verified),
                    "is_private": .bool(SeededRandom.hash("private|\(persona.handle)") % 12 == 0),
                    "profile_pic_url": .string(Self.avatar(.instagram, persona.handle)),
                ],
            ]]
        }
        let half = clips.count / 2
        return ["reels_serp_modules": [
            ["module_type": "clips", "clips": .array(Array(clips[..<half]))],
            ["module_type": "hashtags", "hashtags": [["name": .string(query)]]],
            ["module_type": "clips", "clips": .array(Array(clips[half...]))],
        ]]
    }

    /// `/v2/user/by/id`: the user's biography and followers.
    func reelsUser(_ id: String) -> JSONValue {
        let persona = generator.persona(platform: .instagram, handle: "pk\(id)")
        return ["user": [
            "pk": .int(Int64(id) ?? 0), "biography": .string(persona.bio), "follower_count": .int(Int64(persona.followers)),
        ]]
    }
}

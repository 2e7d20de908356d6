import Foundation
import ReachCore

/// `reach-bench wire`: WireEncoder beside Foundation's JSONEncoder on the answers Reach sends
/// most: a page of 50 creators and a page of 50 profiles (JSONEncoder set to sorted keys and ISO
/// dates, as close to the wire format as it goes; it still writes UUIDs in upper case).
struct WireBenchmark {
    func run() throws -> [String: Any] {
        let now = Date(timeIntervalSince1970: 1_764_021_978.125)
        let generator = CreatorGenerator()
        let items = generator.page(platform: .tiktok, searchType: .keyword, query: "yoga", cursor: 0, count: 50)
        let profiles = (0..<50).map { index -> UserProfile in
            var profile = UserProfile(userId: "user_\(index)", email: "u\(index)@example.com", fullName: "User \(index)", now: now)
            profile.planFeatures = ["exportFormats": ["CSV"], "support": "email"]
            return profile
        }
        let page = ScrapingResult(jobId: UUID(), creators: items, cursor: 0, now: now)
        let foundation = JSONEncoder()
        foundation.outputFormatting = .sortedKeys
        foundation.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(WireFormat.timestamp(date))
        }
        var figures: [String: Any] = [:]
        for (name, wire, reference) in [
            ("profiles", { _ = try WireEncoder.encode(profiles) }, { _ = try foundation.encode(profiles) }),
            ("creator_page", { _ = try WireEncoder.encode(page) }, { _ = try foundation.encode(page) }),
        ] as [(String, () throws -> Void, () throws -> Void)] {
            let ours = try measure(minimum: 200, budget: 1.5, wire)
            let theirs = try measure(minimum: 200, budget: 1.5, reference)
            figures[name] = ["wire_encoder_p50_ms": milliseconds(ours.p50), "json_encoder_p50_ms": milliseconds(theirs.p50),
                             "ratio": ours.p50 / theirs.p50]
        }
        return figures
    }
}

import Hummingbird
import ReachCore

/// `GET /api/campaigns/can-create`: the platform's `allowed` and `message`, then Reach's numbers.
struct CanCreateAnswer: ResponseEncodable {
    var allowance: Campaigns.Allowance

    enum Keys: String, CodingKey { case allowed }

    func encode(to encoder: any Encoder) throws {
        try allowance.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(allowance.canCreate, forKey: .allowed)
    }
}

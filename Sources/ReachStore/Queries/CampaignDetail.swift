import Foundation
import GRDB

/// A campaign with its jobs and their results.
public struct CampaignDetail: Sendable, Hashable {
    public var campaign: Campaign
    public var jobs: [JobDetail]
}

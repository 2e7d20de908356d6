import Foundation
import ReachStore

/// A profile with its trial countdown at the time it was read.
public struct ProfileView: Sendable, Hashable {
    public var profile: UserProfile
    public var trial: TrialSummary?
}

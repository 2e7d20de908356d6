import Foundation
import GRDB

/// How creators are ordered.
public enum CreatorSort: String, Sendable, CaseIterable {
    /// Most followers first.
    case followers
    /// Fewest followers first.
    case followersAscending = "followers_asc"
    /// Most recently found first.
    case recent
    /// By name, A to Z.
    case name
}

import Foundation
import GRDB
import ReachStore

public enum EmailStatus: String, Sendable, Codable {
    case scheduled, sent, failed, cancelled
}

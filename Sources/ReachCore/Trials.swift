import Foundation

/// The platform's 7-day trial.
public enum Trials {
    public static let length: TimeInterval = 7 * 86_400
}

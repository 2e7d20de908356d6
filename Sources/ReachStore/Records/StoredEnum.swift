import GRDB

/// A value of one of the schema's CHECKed enumerations.
public protocol StoredEnum: RawRepresentable<String>, Codable, Hashable, Sendable, CaseIterable,
    DatabaseValueConvertible {}

extension StoredEnum {
    /// Parses a value written by a person: any casing, surrounding spaces ignored.
    public init?(parsing text: String) {
        if let exact = Self(rawValue: text) {
            self = exact
            return
        }
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }

    /// The accepted values, for error messages: `draft, active, completed, archived`.
    public static var valueList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

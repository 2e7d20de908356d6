import Foundation

extension String {
    /// Whether the text holds at most `maximum` characters as PostgreSQL and SQLite count them:
    /// Unicode scalars (code points), not the grapheme clusters Swift's `count` gives. One letter
    /// with 100,000 combining marks is one grapheme but 100,001 scalars, and a `varchar(200)` refuses
    /// it. Bytes follow: at most four per scalar.
    public func fits(_ maximum: Int) -> Bool {
        utf8.count <= maximum || unicodeScalars.count <= maximum
    }

    /// Its length as the limits count it (Unicode scalars), for messages.
    public var scalarLength: Int { unicodeScalars.count }
}

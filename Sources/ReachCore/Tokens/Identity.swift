/// Who a request comes from.
public struct Identity: Sendable, Hashable {
    public var userId: String
    public var email: String?
    public var isAdmin: Bool

    public init(userId: String, email: String?, isAdmin: Bool) {
        self.userId = userId
        self.email = email
        self.isAdmin = isAdmin
    }
}

/// Who a request comes from.
public struct Identity: Sendable, Hashable {
    public var userId: String
    public var email: String?
    public var isAdmin: Bool
    /// The profile's name, for the dashboard's header (nil before onboarding).
    public var name: String?

    public init(userId: String, email: String?, isAdmin: Bool, name: String? = nil) {
        self.userId = userId
        self.email = email
        self.isAdmin = isAdmin
        self.name = name
    }
}

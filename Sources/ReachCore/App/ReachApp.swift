import Foundation
import ReachStore

/// The application: the platform's rules as services over one database and one clock, in the
/// manner of GRDB's `AppDatabase`. Routes, pages, commands and job handlers parse their input, call
/// one method here, and encode its answer; each method is one use case in one transaction.
///
/// ```swift
/// let app = try await ReachApp(database: try ReachDatabase.temporary())
/// let campaign = try await app.campaigns.create(userId: "user_demo", name: "Launch", description: nil, searchType: .keyword)
/// ```
public struct ReachApp: Sendable {
    public let context: AppContext
    public let campaigns: Campaigns
    public let searches: Searches
    public let creators: Creators
    public let accounts: Accounts
    public let webhooks: Webhooks
    public let admin: Admin
    public let configuration: Configuration
    public let events: EventLog
    public let tokens: Tokens
    public let maintenance: Maintenance

    /// What an application needs besides its file: where its secrets and admins come from.
    public struct Options: Sendable {
        /// Stripe's endpoint secret; `nil` reads `STRIPE_WEBHOOK_SECRET`, else the file's own.
        public var stripeWebhookSecret: String?
        /// A JWKS document for Clerk session tokens, and the issuer they carry.
        public var clerkJWKS: String?
        public var clerkIssuer: String?
        /// Addresses with admin rights besides `is_admin` (`REACH_ADMIN_EMAILS`).
        public var adminEmails: Set<String> = []
        /// User ids with admin rights without a profile (the test kit's `reach_admin`).
        public var adminUserIds: Set<String> = []
        public var environment: [String: String] = ProcessInfo.processInfo.environment

        public init() {}
    }

    /// The services over `database`; secrets come from `options`, the environment or the file.
    public init(database: ReachDatabase, clock: any ReachClock = SystemClock(), options: Options = Options()) async throws {
        let context = AppContext(database: database, clock: clock)
        let stripe = try options.stripeWebhookSecret.map { try WebhookSecrets.checkStripe($0, source: "--stripe-webhook-secret") }
            ?? WebhookSecrets.stripe(database, environment: options.environment)
        let verifier = try TokenVerifier(
            signingKey: try TokenVerifier.localSigningKey(database), clerkJWKS: options.clerkJWKS,
            clerkIssuer: options.clerkIssuer, clock: clock)
        self.context = context
        campaigns = Campaigns(context)
        searches = Searches(context)
        creators = Creators(context)
        accounts = Accounts(context)
        webhooks = Webhooks(
            context, stripeSecret: stripe, clerkSecret: try WebhookSecrets.clerk(database, environment: options.environment))
        admin = Admin(context)
        configuration = Configuration(context)
        events = EventLog(context)
        tokens = Tokens(context, verifier: verifier, adminEmails: options.adminEmails, adminUserIds: options.adminUserIds)
        maintenance = Maintenance(context)
    }

    public var database: ReachDatabase { context.database }
    public var clock: any ReachClock { context.clock }
}

import Foundation
import Hummingbird
import Logging
import ReachCore

/// The request context of every route: who is asking, and the request's ids.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated user, set by ``AuthMiddleware`` (or the dashboard's ``SessionMiddleware``).
    public var identity: Identity?
    /// The dashboard's session token, when ``SessionMiddleware`` signed the request in from its cookie.
    public var sessionToken: String?
    /// The request id, also in every log line and the `X-Request-Id` header.
    public var requestId: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestId = UUID().uuidString.lowercased()
    }

    /// Bodies over 1 MiB are refused with 413.
    public var maxUploadSize: Int { 1 << 20 }

    public var requestDecoder: ReachJSONDecoder { ReachJSONDecoder() }
    public var responseEncoder: WireResponseEncoder { WireResponseEncoder() }

    /// The correlation id the request's events carry: the client's `X-Correlation-Id`, else the request id.
    public var events: EventContext {
        EventContext(correlationId: correlationId ?? requestId)
    }

    public var correlationId: String?

    /// The authenticated user, or 401.
    public func user() throws -> Identity {
        guard let identity else { throw Problem.unauthorized("send Authorization: Bearer <token> (see `reach token USER_ID`)") }
        return identity
    }
}

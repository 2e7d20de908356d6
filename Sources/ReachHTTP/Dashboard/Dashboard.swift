import Crypto
import Foundation
import Hummingbird
import ReachCore

/// The dashboard: server-rendered pages for demos: campaigns, live searches, creators, account
/// and admin. Sessions are an HttpOnly, SameSite=Strict cookie holding a token; every form
/// carries a CSRF token bound to the session.
struct Dashboard: Sendable {
    let app: ReachApp
    let demoSignIn: Bool
    /// The account page's mock checkout (``ServerConfiguration/mockBilling``).
    let mockBilling: Bool
    /// The session cookie is `Secure` on every request (`--public-url https://…`).
    let secureCookies: Bool
    let csrfKey: SymmetricKey

    static let csrfCookie = "reach_csrf"
    static let flashCookie = "reach_flash"

    /// The signed-in user of a page: set by ``SessionMiddleware``.
    struct Session {
        var identity: Identity
        var token: String
        var csrf: String
    }

    // MARK: - Routes

    func addRoutes(to router: Router<AppRequestContext>) {
        let pages = router.group().add(middleware: PageErrors(dashboard: self))
        pages.get("assets/reach.css", use: stylesheet)
        pages.get("assets/reach.js", use: script)
        pages.get("favicon.ico", use: favicon)
        pages.get(use: signInPage)
        pages.post("session", use: signIn)
        let signedIn = pages.add(middleware: SessionMiddleware(dashboard: self))
        signedIn.post("session/delete", use: signOut)
        addCampaignPages(to: signedIn)
        addAccountPages(to: signedIn)
        let admin = signedIn.group("admin").add(middleware: AdminMiddleware(refusal: .page { request in
            messagePage("Admins only", "This page needs admin rights.", request: request, status: .forbidden)
        }))
        addAdminPages(to: admin)
    }

    @Sendable func stylesheet(_ request: Request, context: AppRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(bytes: Templates.stylesheet)))
    }

    /// Reach's mark: an SVG (browsers take it under the name they ask for).
    @Sendable func favicon(_ request: Request, context: AppRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "max-age=86400"],
                 body: .init(byteBuffer: ByteBuffer(string: Self.faviconSVG)))
    }

    static let faviconSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f2a44"/>\
        <path d="M9 24V8h8a5 5 0 0 1 1 9.9L23 24h-4.5l-4.2-6H13v6z" fill="#fff"/></svg>
        """

    @Sendable func script(_ request: Request, context: AppRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(bytes: Templates.script)))
    }

    @Sendable func signInPage(_ request: Request, context: AppRequestContext) async -> Response {
        if await session(request) != nil { return redirect("/campaigns") }
        let nonce = request.cookies[Self.csrfCookie]?.value ?? Self.nonce()
        var response = page("signin", ["title": "Sign in", "demo": demoSignIn, "csrf": csrf(for: nonce)], session: nil, request: request)
        response.setCookie(Cookie(name: Self.csrfCookie, value: nonce, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    // Sign-in and sign-out are forms like the others: a CSRF token each.
    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await form(request)
        guard let nonce = request.cookies[Self.csrfCookie]?.value, fields["csrf"] == csrf(for: nonce) else {
            return messagePage("Form expired", "Reload the sign-in page and try again.", request: request, status: .forbidden)
        }
        let token: String
        if let user = fields["as"], !user.isEmpty {
            guard demoSignIn, ["user_demo", "user_admin"].contains(user) else {
                return messagePage("Not available", "One-click sign-in is for demo servers.", request: request, status: .forbidden)
            }
            token = try await app.tokens.issue(userId: user, lifetime: 7 * 86_400)
        } else {
            token = (fields["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard (try? await app.tokens.identity(token)) != nil else {
            return redirect("/", error: "That token is not valid here: get one with `reach token USER_ID`.")
        }
        // The demo admin comes to see the admin pages.
        var response = redirect(fields["as"] == "user_admin" ? "/admin" : "/campaigns")
        response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: token, maxAge: 7 * 86_400, path: "/",
                                  secure: isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        guard try await form(request)["csrf"] == session.csrf else {
            return messagePage("Form expired", "Reload the page and sign out again.", request: request, status: .forbidden)
        }
        try await app.tokens.signOut(session.token)
        var response = redirect("/")
        response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                                  secure: isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    // MARK: - Plumbing

    /// A page, with the layout's shared values.
    func page(_ template: String, _ context: [String: Any], session: Session?, request: Request, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var values = context
        if let session {
            values["user"] = ["userId": session.identity.userId, "name": session.identity.name ?? session.identity.userId,
                              "isAdmin": session.identity.isAdmin, "csrf": session.csrf]
            values["csrf"] = session.csrf
        }
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: "")))
        if let flash = request.cookies[Self.flashCookie]?.value.removingPercentEncoding, !flash.isEmpty {
            if flash.hasPrefix("!") { values["error"] = String(flash.dropFirst()) } else { values["flash"] = flash }
            response.setCookie(Cookie(name: Self.flashCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        }
        response.body = .init(byteBuffer: ByteBuffer(string: Templates.render(template, values)))
        return response
    }

    /// A page of the signed-in user.
    func page(_ template: String, _ values: [String: Any], request: Request, context: AppRequestContext) throws -> Response {
        page(template, values, session: try session(context), request: request)
    }

    /// A redirect after a form, with a message for the next page.
    func redirect(_ location: String, flash: String? = nil, error: String? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let message = error.map({ "!" + $0 }) ?? flash {
            let value = message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            response.setCookie(Cookie(name: Self.flashCookie, value: String(value.prefix(1_500)), path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Whether the browser reached this server over TLS: a public https URL, or a proxy saying so.
    func isSecure(_ request: Request) -> Bool {
        secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The signed-in user, if the cookie holds a valid token.
    func session(_ request: Request) async -> Session? {
        guard let token = request.cookies[AuthMiddleware.sessionCookie]?.value, !token.isEmpty,
            let identity = try? await app.tokens.identity(token)
        else { return nil }
        return Session(identity: identity, token: token, csrf: csrf(for: token))
    }

    /// The session ``SessionMiddleware`` found for this request.
    func session(_ context: AppRequestContext) throws -> Session {
        guard let identity = context.identity, let token = context.sessionToken else { throw Problem.unauthorized("sign in first") }
        return Session(identity: identity, token: token, csrf: csrf(for: token))
    }

    /// 16 random bytes in hex: what a sign-in form's CSRF token is bound to before there is a session.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    func csrf(for value: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Array("csrf|\(value)".utf8), using: csrfKey).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a form body (at most 64 KiB).
    func form(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }

    /// Runs a form's action after the CSRF check; its errors become a message on the page the
    /// user returns to.
    func action(
        _ request: Request, context: AppRequestContext, back: String, _ body: (Session, [String: String]) async throws -> Response
    ) async throws -> Response {
        let session = try session(context)
        let fields = try await form(request)
        guard let token = fields["csrf"], token == session.csrf else {
            return messagePage("Form expired", "The form was stale or came from elsewhere: reload the page and try again.",
                               request: request, status: .forbidden)
        }
        do {
            return try await body(session, fields)
        } catch {
            return redirect(back, error: Problem.from(error).detail)
        }
    }

    func messagePage(_ title: String, _ message: String, request: Request, status: HTTPResponse.Status, session: Session? = nil) -> Response {
        page("message", ["title": title, "message": message], session: session, request: request, status: status)
    }

    /// The browser's 404, with the navigation of whoever the session cookie names: a signed-in
    /// user keeps their way around.
    func notFoundPage(_ request: Request) async -> Response {
        messagePage("Page not found", "Nothing is at \(request.uri.path). Start from your campaigns.", request: request,
                    status: .notFound, session: await session(request))
    }
}

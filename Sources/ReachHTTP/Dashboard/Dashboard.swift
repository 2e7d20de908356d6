import Crypto
import Foundation
import GRDB
import Hummingbird
import ReachCore
import ReachStore

/// The dashboard: server-rendered pages for demos: campaigns, live searches, creators, account
/// and admin. Sessions are an HttpOnly, SameSite=Strict cookie holding a token; every form
/// carries a CSRF token bound to the session.
struct Dashboard {
    let database: ReachDatabase
    let clock: any ReachClock
    let authenticator: Authenticator
    let demoSignIn: Bool
    /// The account page's mock checkout (``ServerConfiguration/mockBilling``).
    let mockBilling: Bool
    /// The session cookie is `Secure` on every request (`--public-url https://…`).
    let secureCookies: Bool
    let csrfKey: SymmetricKey

    static let csrfCookie = "reach_csrf"
    static let flashCookie = "reach_flash"

    // MARK: - Plumbing

    /// A page, with the layout's shared values.
    func page(_ template: String, _ context: [String: Any], session: Session?, request: Request, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var values = context
        if let session {
            values["user"] = ["userId": session.identity.userId, "isAdmin": session.identity.isAdmin, "csrf": session.csrf]
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

    /// A redirect after a form, with a message for the next page.
    func redirect(_ location: String, flash: String? = nil, error: String? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let message = error.map({ "!" + $0 }) ?? flash {
            let value = message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            response.setCookie(Cookie(name: Self.flashCookie, value: String(value.prefix(1_500)), path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    struct Session {
        var identity: Identity
        var token: String
        var csrf: String
    }

    /// Whether the browser reached this server over TLS: a public https URL, or a proxy saying so.
    func isSecure(_ request: Request) -> Bool {
        secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The signed-in user, if the cookie holds a valid token.
    func session(_ request: Request) async -> Session? {
        guard let token = request.cookies[Authenticator.sessionCookie]?.value, !token.isEmpty,
            let identity = try? await authenticator.identity(token: token)
        else { return nil }
        return Session(identity: identity, token: token, csrf: csrf(for: token))
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

    /// A signed-in form post: the session and its fields, after the CSRF check.
    func post(_ request: Request) async throws -> (Session, [String: String])? {
        guard let session = await session(request) else { return nil }
        let fields = try await form(request)
        guard let token = fields["csrf"], token == session.csrf else { throw DashboardError.csrf }
        return (session, fields)
    }

    enum DashboardError: Error { case csrf }

    /// Runs a form's action; errors become a message on the page the user returns to.
    func action(_ request: Request, back: String, _ body: (Session, [String: String]) async throws -> Response) async -> Response {
        do {
            guard let (session, fields) = try await post(request) else { return redirect("/") }
            return try await body(session, fields)
        } catch DashboardError.csrf {
            return messagePage("Form expired", "The form was stale or came from elsewhere: reload the page and try again.",
                               request: request, status: .forbidden)
        } catch {
            return redirect(back, error: Problem.from(error).detail)
        }
    }

    func messagePage(_ title: String, _ message: String, request: Request, status: HTTPResponse.Status) -> Response {
        page("message", ["title": title, "message": message], session: nil, request: request, status: status)
    }

    /// A page for a signed-in user; without a session, back to sign-in.
    func signedIn(_ request: Request, admin: Bool = false, _ body: (Session) async throws -> Response) async -> Response {
        guard let session = await session(request) else { return redirect("/") }
        if admin && !session.identity.isAdmin {
            return messagePage("Admins only", "This page needs admin rights.", request: request, status: .forbidden)
        }
        do {
            return try await body(session)
        } catch {
            let problem = Problem.from(error)
            return page("message", ["title": problem.title, "message": problem.detail], session: session, request: request,
                        status: .init(code: problem.status))
        }
    }

    // MARK: - Routes

    func addRoutes(to routes: Routes) {
        routes.get("/assets/reach.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(bytes: Templates.stylesheet)))
        }
        routes.get("/assets/reach.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(bytes: Templates.script)))
        }
        routes.get("/") { request, _ in
            if await session(request) != nil { return redirect("/campaigns") }
            let nonce = request.cookies[Self.csrfCookie]?.value ?? Secrets.random().filter { $0.isLetter || $0.isNumber }
            var response = page("signin", ["title": "Sign in", "demo": demoSignIn, "csrf": csrf(for: nonce)], session: nil, request: request)
            response.setCookie(Cookie(name: Self.csrfCookie, value: nonce, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        // Sign-in and sign-out are forms like the others: a CSRF token each.
        routes.post("/session") { request, _ in
            let fields = try await form(request)
            guard let nonce = request.cookies[Self.csrfCookie]?.value, fields["csrf"] == csrf(for: nonce) else {
                return messagePage("Form expired", "Reload the sign-in page and try again.", request: request, status: .forbidden)
            }
            let token: String
            if let user = fields["as"], !user.isEmpty {
                guard demoSignIn, ["user_demo", "user_admin"].contains(user) else {
                    return messagePage("Not available", "One-click sign-in is for demo servers.", request: request, status: .forbidden)
                }
                token = try await authenticator.verifier.issue(userId: user, lifetime: 7 * 86_400)
            } else {
                token = (fields["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard (try? await authenticator.identity(token: token)) != nil else {
                return redirect("/", error: "That token is not valid here: get one with `reach token USER_ID`.")
            }
            var response = redirect("/campaigns")
            response.setCookie(Cookie(name: Authenticator.sessionCookie, value: token, maxAge: 7 * 86_400, path: "/",
                                      secure: isSecure(request), httpOnly: true, sameSite: .strict))
            return response
        }
        routes.post("/session/delete") { request, _ in
            let session: Session
            do {
                guard let (signedIn, _) = try await post(request) else { return redirect("/") }
                session = signedIn
            } catch {
                return messagePage("Form expired", "Reload the page and sign out again.", request: request, status: .forbidden)
            }
            try await authenticator.revoke(token: session.token)
            var response = redirect("/")
            response.setCookie(Cookie(name: Authenticator.sessionCookie, value: "", maxAge: 0, path: "/",
                                      secure: isSecure(request), httpOnly: true, sameSite: .strict))
            return response
        }
        addCampaignPages(to: routes)
        addAccountPages(to: routes)
        addAdminPages(to: routes)
    }
}

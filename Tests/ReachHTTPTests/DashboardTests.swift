import Foundation
import Hummingbird
import HummingbirdTesting
import ReachCore
import ReachStore
import Testing
import GRDB
@testable import ReachHTTP

@Suite("Dashboard")
struct DashboardTests {
    /// A browser of sorts: keeps cookies, finds CSRF tokens.
    final class Browser: @unchecked Sendable {
        let client: any TestClientProtocol
        var cookies: [String: String] = [:]

        init(_ client: any TestClientProtocol) {
            self.client = client
        }

        func request(_ method: HTTPRequest.Method, _ path: String, form: [String: String]? = nil, accept: String? = nil) async throws -> Answer {
            var headers: HTTPFields = [:]
            if let accept { headers[.accept] = accept }
            if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            var body: String?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                    .joined(separator: "&")
            }
            let answer = try await client.call(method, path, body: body, headers: headers)
            for header in answer.headers[values: .setCookie] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
            }
            return answer
        }

        static func csrf(_ page: String) -> String? {
            guard let range = page.range(of: #"name="csrf" value="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
            return String(page[range].split(separator: "\"")[3])
        }

        func signIn(as user: String) async throws {
            let page = try await request(.get, "/")
            let answer = try await request(.post, "/session", form: ["csrf": Self.csrf(page.body) ?? "", "as": user])
            #expect(answer.status == 303 && answer.headers[.location] == (user == "user_admin" ? "/admin" : "/campaigns"),
                    "the demo admin lands on the admin pages")
            let cookie = answer.headers[values: .setCookie].first { $0.hasPrefix("reach_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        }
    }

    func harness() async throws -> Harness {
        var harness = try await Harness(seed: true)
        harness.configuration.demoSignIn = true
        return harness
    }

    @Test("every page renders for the demo user and admin, with its key content")
    func pages() async throws {
        let harness = try await harness()
        let campaign = try await harness.database.reader.read { db in
            try Campaign.filter(Column("user_id") == "user_demo").fetchOne(db)!
        }
        try await harness.test { client throws in
            let browser = Browser(client)
            let signIn = try await browser.request(.get, "/")
            #expect(signIn.status == 200 && signIn.body.contains("Sign in as the demo user"))
            try await browser.signIn(as: "user_demo")
            let campaigns = try await browser.request(.get, "/campaigns")
            #expect(campaigns.status == 200 && campaigns.body.contains(campaign.name) && campaigns.body.contains("Campaigns: 2 of 10"))
            let detail = try await browser.request(.get, "/campaigns/\(campaign.id.lowercased)")
            #expect(detail.status == 200 && detail.body.contains("data-job-id") && detail.body.contains("Download CSV"))
            #expect(detail.body.contains("<td class=\"num\""), "the creators table has rows")
            #expect(detail.body.range(of: #"title="\d+">\d+(\.\d)?[KM]?</td>"#, options: .regularExpression) != nil, "followers as 12.5K")
            let account = try await browser.request(.get, "/account")
            #expect(account.status == 200 && account.body.contains("Viral Surge Plan") && account.body.contains("trial-countdown"))
            let adminPage = try await browser.request(.get, "/admin")
            #expect(adminPage.status == 403, "not for the demo user")

            let admin = Browser(client)
            try await admin.signIn(as: "user_admin")
            for path in ["/admin", "/admin?q=whit", "/admin/users/user_demo", "/admin/config", "/admin/jobs", "/admin/events?eventType=trial_started"] {
                let answer = try await admin.request(.get, path)
                #expect(answer.status == 200 && answer.contentType.hasPrefix("text/html"), "\(path)")
            }
            #expect(try await admin.request(.get, "/admin?q=whit").body.contains("user_demo"), "search from three letters")
            #expect(try await admin.request(.get, "/admin/users/user_demo").body.contains("trial_started"), "the event timeline")
            #expect(try await admin.request(.get, "/admin/config").body.contains("standard_job_timeout"))
            #expect(try await browser.request(.get, "/assets/reach.css").status == 200)
        }
    }

    @Test("plan names, a cancel button, numbered creator pages, sortable columns, an HTML 404 and a favicon")
    func newcomerPages() async throws {
        let harness = try await harness()
        let campaign = try await harness.database.reader.read { db in
            try Campaign.filter(Column("user_id") == "user_demo").fetchOne(db)!
        }
        try await harness.test { client throws in
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let job = try await harness.app.searches.start(
                userId: "user_demo", request: SearchRequest(platform: .tiktok, keywords: ["cancel me"], username: nil, targetResults: 100),
                campaignId: campaign.id)
            let page = try await browser.request(.get, "/campaigns/\(campaign.id.lowercased)")
            #expect(page.body.contains("/searches/\(job.id.lowercased)/cancel"), "a search in progress can be cancelled")
            #expect(page.body.contains("id=\"page-range\">1–50 of "), "where you are among the creators")
            #expect(page.body.contains("id=\"next-page\"") && !page.body.contains("id=\"previous-page\""))
            #expect(page.body.contains("sort=name") && page.body.contains("sort=recent") && page.body.contains("id=\"sort-followers\""))
            let second = try await browser.request(.get, "/campaigns/\(campaign.id.lowercased)?from=50")
            #expect(second.body.contains("id=\"page-range\">51–") && second.body.contains("id=\"previous-page\""))
            let cancelled = try await browser.request(
                .post, "/campaigns/\(campaign.id.lowercased)/searches/\(job.id.lowercased)/cancel", form: ["csrf": Browser.csrf(page.body) ?? ""])
            #expect(cancelled.status == 303)
            #expect(try await harness.app.searches.find(id: job.id).status == .cancelled)
            #expect(page.body.contains("Dana Whitfield"), "the header shows the user's name")

            let admin = Browser(client)
            try await admin.signIn(as: "user_admin")
            let user = try await admin.request(.get, "/admin/users/user_demo")
            #expect(user.body.contains("<strong>Viral Surge</strong>") && !user.body.contains(">viral_surge<"), "plan names, not keys")

            var html: HTTPFields = [:]
            html[.accept] = "text/html,application/xhtml+xml"
            let missing = try await client.call(.get, "/no/such/page", headers: html)
            #expect(missing.status == 404 && missing.contentType.hasPrefix("text/html") && missing.body.contains("Page not found"))
            let api = try await client.call(.get, "/api/no/such/route", headers: html)
            #expect(api.status == 404 && api.contentType == "application/problem+json", "API clients keep problem+json")
            let icon = try await client.call(.get, "/favicon.ico")
            #expect(icon.status == 200 && icon.contentType == "image/svg+xml")
        }
    }

    @Test("second day: the 404 keeps the navigation, admin users and events page on, a setting restores its default, limits grouped")
    func secondDay() async throws {
        let harness = try await harness()
        for index in 0..<60 {  // past one page of users
            _ = try await harness.app.accounts.createUser(userId: "user_page_\(index)", email: nil, fullName: "Page \(index)", events: EventContext())
        }
        for index in 0..<205 {  // past one page of the event log
            _ = try await harness.app.configuration.set(.maxConcurrentJobs, value: "\(index % 5 + 1)", admin: "user_admin")
        }
        try await harness.test { client throws in
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let missing = try await browser.request(.get, "/no/such/page", accept: "text/html,application/xhtml+xml")
            #expect(missing.status == 404 && missing.body.contains("href=\"/account\"") && missing.body.contains("Sign out"),
                    "a signed-in user keeps the navigation on a 404")
            let account = try await browser.request(.get, "/account")
            #expect(account.body.range(of: #"of \d{1,3}(,\d{3})+"#, options: .regularExpression) != nil, "limits grouped: of 10,000")

            let admin = Browser(client)
            try await admin.signIn(as: "user_admin")
            let users = try await admin.request(.get, "/admin")
            let next = try #require(Self.href(ofID: "next-users", in: users.body), "over 50 users: a next page")
            let second = try await admin.request(.get, next.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.status == 200 && second.body.contains("id=\"previous-users\""))
            #expect(Set(Self.userLinks(users.body)).isDisjoint(with: Self.userLinks(second.body)), "the second page shows other users")

            let events = try await admin.request(.get, "/admin/events")
            let older = try #require(Self.href(ofID: "older-events", in: events.body), "205 changes: an older page")
            let olderPage = try await admin.request(.get, older.replacingOccurrences(of: "&amp;", with: "&"))
            let rows = { (page: String) in page.components(separatedBy: "<tr><td><time>").count - 1 }
            #expect(rows(events.body) == 200 && olderPage.status == 200 && rows(olderPage.body) >= 65, "205 changes and 60 users: \(rows(olderPage.body)) older")
            #expect(olderPage.body.contains("user_created") && olderPage.body.contains("admin_action"), "the oldest changes and the new users")

            let config = try await admin.request(.get, "/admin/config")
            #expect(config.body.contains("Restore default (10)"), "max_concurrent_jobs' default is 10")
            let restored = try await admin.request(.post, "/admin/config/default", form: [
                "csrf": Browser.csrf(config.body) ?? "", "category": "job_processing", "key": "max_concurrent_jobs"])
            #expect(restored.status == 303)
            #expect(try await harness.app.configuration.count(.maxConcurrentJobs) == 10)
        }
    }

    static func userLinks(_ page: String) -> [String] {
        page.matches(of: #/href="/admin/users/([^"]+)"/#).map { String($0.output.1) }
    }

    /// The value of `href` on the link with this id (the templates write `href` before `id`).
    static func href(ofID id: String, in page: String) -> String? {
        guard let end = page.range(of: "\" id=\"\(id)\"")?.lowerBound,
            let start = page[..<end].range(of: "href=\"", options: .backwards)?.upperBound
        else { return nil }
        return String(page[start..<end])
    }

    @Test("user content is escaped: a campaign named <script> shows as text")
    func escaping() async throws {
        let harness = try await harness()
        try await harness.test { client throws in
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let page = try await browser.request(.get, "/campaigns")
            let created = try await browser.request(.post, "/campaigns", form: [
                "csrf": Browser.csrf(page.body)!, "name": "<script>alert(1)</script>", "searchType": "keyword"])
            #expect(created.status == 303)
            let location = try #require(created.headers[.location])
            let detail = try await browser.request(.get, location)
            #expect(detail.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!detail.body.contains("<script>alert(1)</script>"))
        }
    }

    @Test("forms need the session's CSRF token; pages need a session")
    func protections() async throws {
        let harness = try await harness()
        try await harness.test { client throws in
            let anonymous = Browser(client)
            let page = try await anonymous.request(.get, "/campaigns")
            #expect(page.status == 303 && page.headers[.location] == "/")
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let forged = try await browser.request(.post, "/campaigns", form: ["csrf": "0000", "name": "Forged"])
            #expect(forged.status == 403)
            let noToken = try await browser.request(.post, "/campaigns", form: ["name": "Forged"])
            #expect(noToken.status == 403)
            let signInForged = try await Browser(client).request(.post, "/session", form: ["as": "user_admin", "csrf": "x"])
            #expect(signInForged.status == 403)
        }
        let count = try await harness.database.reader.read { db in try Campaign.filter(Column("name") == "Forged").fetchCount(db) }
        #expect(count == 0)
    }

    @Test("an error on a form comes back as a message on the page")
    func formErrors() async throws {
        let harness = try await harness()
        try await harness.test { client throws in
            let browser = Browser(client)
            try await browser.signIn(as: "user_demo")
            let page = try await browser.request(.get, "/account")
            let answer = try await browser.request(.post, "/account/onboarding/2", form: ["csrf": Browser.csrf(page.body)!, "brandDescription": "short"])
            #expect(answer.status == 303)
            let next = try await browser.request(.get, "/account")
            #expect(next.body.contains("role=\"alert\"") && next.body.contains("at least 50 characters"))
        }
    }

    @Test("followers read as 950, 12.5K, 1.2M")
    func compactNumbers() {
        #expect(Display.compact(950) == "950")
        #expect(Display.compact(12_500) == "12.5K")
        #expect(Display.compact(1_200_000) == "1.2M")
        #expect(Display.compact(3_000) == "3K")
    }
}

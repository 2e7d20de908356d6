import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ReachCore

/// An error answer, as RFC 9457 `application/problem+json`: `type`, `title`, `status`, `detail`
/// and a stable `code`, with the platform's `error` (the message its frontend shows) and, where the
/// platform sends them, its other members. Every error of every route becomes one of these in
/// ``ProblemMiddleware``, the one place errors are mapped to HTTP.
public struct Problem: Error, Sendable, Encodable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var title: String
    public var detail: String
    /// The platform's message (`data.error` in its frontend).
    public var error: String
    /// The platform's plan-limit fields, beside the problem fields.
    public var planLimit: PlanLimitExceeded?
    /// A past-due subscription's plan and failed payment, beside the problem fields.
    public var paymentPastDue: PaymentPastDue?
    var headers: [(String, String)] = []

    public init(status: Int, code: String, title: String, detail: String, error: String? = nil, planLimit: PlanLimitExceeded? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.error = error ?? planLimit?.error ?? detail
        self.planLimit = planLimit
    }

    public var description: String { detail }

    /// Input that cannot be used: 400, as the platform answers every validation error.
    public static func badRequest(_ detail: String) -> Problem {
        Problem(status: 400, code: "bad_request", title: "Bad request", detail: detail)
    }

    /// A field whose value cannot be used: 400, naming the field.
    public static func invalid(_ field: String, _ reason: String) -> Problem {
        Problem(status: 400, code: "invalid_field", title: "Invalid field", detail: "\(field): \(reason)")
    }

    public static func unauthorized(_ detail: String) -> Problem {
        Problem(status: 401, code: "unauthorized", title: "Unauthorized", detail: detail, error: "Unauthorized")
    }

    public static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, code: "forbidden", title: "Forbidden", detail: detail)
    }

    /// The client went away before sending its whole request: nginx's 499, logged, never answered
    /// (nobody is left to read it) and not a server failure.
    static let clientClosedRequest = Problem(
        status: 499, code: "client_closed_request", title: "Client closed request",
        detail: "the client closed the connection before sending the whole request")

    /// `what` is "campaign 1a2b…", "profile of user_x": the platform's message is "Campaign not found".
    public static func notFound(_ what: String) -> Problem {
        let noun = what.split(separator: " ").first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Resource"
        return Problem(status: 404, code: "not_found", title: "Not found", detail: "\(what) not found", error: "\(noun) not found")
    }

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, code, error
        case message, upgrade, currentUsage, limit, usagePercentage, recommendedPlan, warningThreshold, searchType, platform
        case currentPlan, reason, paymentFailedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("https://reach.local/problems/\(code.replacingOccurrences(of: "_", with: "-"))", forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(code, forKey: .code)
        try container.encode(error, forKey: .error)
        if let planLimit {
            try container.encode(planLimit.message, forKey: .message)
            try container.encode(planLimit.upgrade, forKey: .upgrade)
            try container.encode(planLimit.currentUsage, forKey: .currentUsage)
            try container.encode(planLimit.limit, forKey: .limit)
            try container.encode(planLimit.usagePercentage, forKey: .usagePercentage)
            try container.encodeIfPresent(planLimit.recommendedPlan, forKey: .recommendedPlan)
            try container.encodeIfPresent(planLimit.warningThreshold, forKey: .warningThreshold)
            try container.encodeIfPresent(planLimit.searchType, forKey: .searchType)
            try container.encodeIfPresent(planLimit.platform, forKey: .platform)
            try container.encodeIfPresent(planLimit.currentPlan, forKey: .currentPlan)
            try container.encodeIfPresent(planLimit.reason, forKey: .reason)
        }
        if let paymentPastDue {
            try container.encode(paymentPastDue.message, forKey: .message)
            try container.encode(false, forKey: .upgrade)
            try container.encode(paymentPastDue.currentPlan, forKey: .currentPlan)
            try container.encodeIfPresent(paymentPastDue.paymentFailedAt, forKey: .paymentFailedAt)
        }
    }

    var response: Response {
        let body = (try? WireEncoder.encode(self)) ?? Data()
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Maps any error to a problem. Errors of input are 4xx; anything else is a 500 whose detail
    /// says nothing of internals (those go to the log).
    public static func from(_ error: any Error) -> Problem {
        switch ReachError.from(error) {
        case let problem as Problem:
            return problem
        case let error as ReachError:
            switch error {
            case .invalid(let field, let reason): return .invalid(field, reason)
            case .badRequest(let message): return .badRequest(message)
            case .invalidSignature(let message):
                return Problem(status: 400, code: "invalid_signature", title: "Invalid signature", detail: message)
            case .unauthorized(let message): return .unauthorized(message)
            case .notFound(let what): return .notFound(what)
            // The platform answers a move its state forbids (cancelling a finished job) with 400.
            case .conflict(let message): return Problem(status: 400, code: "invalid_state", title: "Not allowed now", detail: message)
            case .notAllowedNow(let message, let platformText):
                return Problem(status: 400, code: "invalid_state", title: "Not allowed now", detail: message, error: platformText)
            case .forbidden(let message): return .forbidden(message)
            case .planLimitExceeded(let details):
                return Problem(status: 403, code: "plan_limit_exceeded", title: details.error, detail: details.message,
                               planLimit: details)
            case .paymentPastDue(let details):
                var problem = Problem(status: 403, code: "payment_past_due", title: details.error, detail: details.message,
                                      error: details.error)
                problem.paymentPastDue = details
                return problem
            case .unreadable(let message):
                return Problem(status: 500, code: "unreadable_row", title: "Unreadable stored row",
                               detail: message + ": `reach doctor` shows such rows")
            case .unavailable(let message):
                var problem = Problem(status: 503, code: "unavailable", title: "Service unavailable", detail: message)
                problem.headers = [("Retry-After", "1")]
                return problem
            }
        case let error as HTTPError:
            let status = Int(error.status.code)
            let detail = error.body ?? error.status.reasonPhrase
            switch status {
            case 404:
                return Problem(status: 404, code: "not_found", title: "Not found",
                               detail: "no route \(detail == "Not Found" ? "matches this path" : detail)", error: "Not found")
            case 405: return Problem(status: 405, code: "method_not_allowed", title: "Method not allowed", detail: detail)
            case 413: return Problem(status: 413, code: "body_too_large", title: "Content too large",
                                     detail: "the body is over 1 MiB: send less")
            default: return Problem(status: status, code: status < 500 ? "bad_request" : "internal",
                                    title: error.status.reasonPhrase, detail: detail)
            }
        case let error as DecodingError:
            return from(decoding: error)
        case HTTPParserError.invalidEOFState, ChannelError.ioOnClosedChannel, ChannelError.eof:
            return .clientClosedRequest
        case is HTTPParserError:
            return .badRequest("the request is not well-formed HTTP")
        case is NIOTooManyBytesError:
            return Problem(status: 413, code: "body_too_large", title: "Content too large", detail: "the body is over 1 MiB: send less")
        default:
            return Problem(status: 500, code: "internal", title: "Internal error",
                           detail: "the server failed; the request id in X-Request-Id finds the details in its log")
        }
    }

    static func from(decoding error: DecodingError) -> Problem {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .badRequest("missing field `\(path(context.codingPath + [key]))`")
        case .valueNotFound(let type, let context):
            return .badRequest("`\(path(context.codingPath))` must not be null (expected \(type))")
        case .typeMismatch(let type, let context):
            return .badRequest("`\(path(context.codingPath))` has the wrong type: expected \(Self.name(of: type))")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return .badRequest(field.isEmpty ? "malformed JSON" : "`\(field)` is not valid: \(context.debugDescription)")
        @unknown default:
            return .badRequest("the body does not have the expected shape")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return name
        }
    }
}

import Foundation
import NIOCore

/// The first bytes of each connection, before HTTP parsing: its first request line.
///
/// - A request target with raw bytes past ASCII (`/api/admin/users?q=éco`, as curl sends what a
///   user typed) is percent-encoded, as a browser would send it: the HTTP parser refuses such a
///   line with a bare 400 that no route, log or request id ever sees.
/// - A connection accepted while the server holds more than its ``ConnectionLimit`` is answered
///   at once: `/healthz` goes on to its route (a supervisor sees the server alive), anything
///   else gets a 503 that says why, and the connection closes. One that sends no request line
///   within a second is closed, so that idle connections cannot hold the descriptors a capped
///   server has left.
///
/// Later requests of a keep-alive connection pass untouched (their bytes cannot be told from a
/// body's without parsing HTTP).
final class RequestGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The longest first line waited for: longer ones pass on as they are, for the parser to judge.
    static let longestLine = 16 * 1024

    private let limit: ConnectionLimit?
    private var pending: ByteBuffer?
    private var overLimit = false
    private var deadline: Scheduled<Void>?

    init(limit: ConnectionLimit?) {
        self.limit = limit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard let limit, limit.isOverLimit else { return }
        overLimit = true
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: .seconds(1)) { bound.value.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if pending != nil { pending?.writeBuffer(&bytes) } else { pending = bytes }
        guard let buffered = pending else { return }
        let view = buffered.readableBytesView
        guard let end = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffered.readableBytes > Self.longestLine { pass(context) }
            return
        }
        deadline?.cancel()
        let line = Array(view[view.startIndex..<end])
        let target = Self.target(of: line)
        if overLimit, target?.split(separator: UInt8(ascii: "?"), omittingEmptySubsequences: false).first.map(Array.init) != Array("/healthz".utf8) {
            refuse(context)
            return
        }
        if let target, target.contains(where: { $0 >= 0x80 }) {
            var rewritten = ByteBuffer()
            rewritten.writeBytes(Self.encoded(line: line))
            rewritten.writeBytes(view[end...])
            pending = rewritten
        }
        pass(context)
    }

    /// Forwards what was held, and steps out of the way.
    private func pass(_ context: ChannelHandlerContext) {
        if let pending { context.fireChannelRead(wrapInboundOut(pending)) }
        pending = nil
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    private func refuse(_ context: ChannelHandlerContext) {
        let limit = limit.map { " more than the \($0.refuseAbove) it serves at once" } ?? ""
        let body = """
            {"type":"https://reach.local/problems/too-many-connections","title":"Too many connections","status":503,\
            "code":"too_many_connections","detail":"the server holds\(limit) connections: close idle ones, or try again shortly",\
            "error":"the server holds too many connections: try again shortly"}
            """
        let head = "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/problem+json\r\nretry-after: 1\r\n"
            + "connection: close\r\ncontent-length: \(body.utf8.count)\r\n\r\n"
        pending = nil
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(NIOAny(ByteBuffer(string: head + body))).whenComplete { _ in bound.value.close(promise: nil) }
    }

    /// The request target of `METHOD TARGET VERSION`.
    static func target(of line: [UInt8]) -> ArraySlice<UInt8>? {
        guard let first = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
        let rest = line[(first + 1)...]
        let second = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
        return rest[..<second]
    }

    /// The line with the target's bytes past ASCII percent-encoded.
    static func encoded(line: [UInt8]) -> [UInt8] {
        guard let target = target(of: line) else { return line }
        var out = Array(line[..<target.startIndex])
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in target {
            if byte >= 0x80 {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        out += line[target.endIndex...]
        return out
    }
}

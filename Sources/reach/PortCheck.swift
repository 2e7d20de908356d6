import Foundation

/// Whether a TCP port can be listened on now: `serve` asks before its start-up work (seeding a
/// demo takes seconds), so that a port in use is said at once. The listener's own bind stays the
/// authority (another process may take the port in between).
enum PortCheck {
    static func isFree(host: String, port: Int) -> Bool {
        guard port != 0 else { return true }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return true }
        defer { freeaddrinfo(result) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 || errno != EADDRINUSE
    }
}

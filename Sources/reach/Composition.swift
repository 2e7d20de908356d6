import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import ReachCore
import ReachJobs

enum Composition {
    /// E-mails are written as `.eml` files in a folder beside the database.
    static func outboxDirectory(for database: ReachDatabase) -> URL {
        let path = database.path ?? FileManager.default.temporaryDirectory.appendingPathComponent("reach").path
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-outbox")
    }

    /// `REACH_ADMIN_EMAILS`: comma-separated addresses with admin rights.
    static func adminEmails() -> Set<String> {
        Set((ProcessInfo.processInfo.environment["REACH_ADMIN_EMAILS"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
    }

    static func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["REACH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}

import ArgumentParser
import Foundation
import ReachCore

/// A command whose errors end the program with one clear line on stderr and a non-zero status.
protocol ReachCommand: AsyncParsableCommand {
    func execute() async throws
}

extension ReachCommand {
    func run() async throws {
        do {
            try await execute()
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch let error as UsageError {
            // Found while running, not while parsing: its line alone, without the pointer to --help.
            Terminal.error(error)
            throw ExitCode.validationFailure
        } catch {
            let error = ReachError.from(error)
            Terminal.error(error)
            throw ExitCode(ExitStatus.of(error))
        }
    }
}

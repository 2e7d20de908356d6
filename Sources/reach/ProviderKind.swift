import ArgumentParser

/// Where the scheduler finds creators: the fake providers in memory, or the real ones over HTTP.
enum ProviderKind: String, ExpressibleByArgument, CaseIterable {
    case offline
    case live

    /// `--provider` or `$REACH_PROVIDER`, read as a kind; the advice for what is not one.
    static func parse(_ text: String) throws -> ProviderKind {
        if let kind = ProviderKind(rawValue: text) { return kind }
        if text == "http" {
            throw UsageError("--provider http is gone: use --provider live with the providers' base URLs (see `reach providers fake`)")
        }
        throw UsageError("--provider must be offline or live")
    }
}

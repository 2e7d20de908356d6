import Foundation

/// Files of `fixtures/` embedded in the binary, for the modules that read them raw.
public enum Fixtures {
    /// `fixtures/providers.json`: the word lists of the live providers' searches (ReachProviders reads it).
    public static var providers: [UInt8] { PackageResources.providers_json }
}

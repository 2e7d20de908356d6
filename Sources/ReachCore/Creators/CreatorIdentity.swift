import Foundation
import ReachStore

/// Who a stored creator item is, for storing each creator once per search (providers.md §1):
/// the handle, lower-cased and without `@` (`creator.uniqueId`, `creator.handle` or the flat
/// `handle`/`username`), else a channel's or account's id.
public enum CreatorIdentity {
    public static func key(of item: JSONValue) -> String? {
        let creator = item["creator"]
        for candidate in [creator?["uniqueId"], creator?["handle"], item["handle"], item["username"], creator?["channelId"], item["id"]] {
            guard let text = candidate?.stringValue ?? candidate?.intValue.map({ String($0) }) else { continue }
            var handle = text.trimmingCharacters(in: .whitespaces).lowercased()
            if handle.hasPrefix("@") { handle.removeFirst() }
            if !handle.isEmpty { return handle }
        }
        return nil
    }
}

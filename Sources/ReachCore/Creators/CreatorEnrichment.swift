import Foundation
import ReachStore

/// What a scraping run adds to the provider's items before storing them.
public enum CreatorEnrichment {
    /// Adds the e-mail addresses found in the bio to `emails` (the live mappings have done so:
    /// nothing changes) and names the item's platform.
    public static func enrich(_ item: JSONValue, platform: Platform) -> JSONValue {
        guard var fields = item.objectValue else { return item }
        if var creator = fields["creator"]?.objectValue {
            creator["emails"] = mergedEmails(creator["emails"], bio: creator["bio"]?.stringValue)
            fields["creator"] = .object(creator)
        } else {
            fields["emails"] = mergedEmails(fields["emails"], bio: fields["bio"]?.stringValue)
        }
        if fields["platform"] == nil { fields["platform"] = .string(platform.rawValue) }
        return .object(fields)
    }

    private static func mergedEmails(_ existing: JSONValue?, bio: String?) -> JSONValue {
        var emails = existing?.arrayValue?.compactMap(\.stringValue) ?? []
        for email in EmailExtractor.emails(in: bio ?? "") where !emails.contains(email) {
            emails.append(email)
        }
        return .array(emails.map(JSONValue.string))
    }
}

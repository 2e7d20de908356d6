extension CreatorRow: WireJSONWritable {
    /// What the synthesized `Encodable` conformance gives through the wire encoder, written directly.
    public func writeWireJSON(to output: inout String) {
        output += "{"
        if let avatarUrl { member("avatarUrl", first: true, &output); JSONText.string(avatarUrl, to: &output) }
        if let bio { member("bio", first: avatarUrl == nil, &output); JSONText.string(bio, to: &output) }
        member("emails", first: avatarUrl == nil && bio == nil, &output)
        JSONText.array(emails, to: &output) { JSONText.string($0, to: &$1) }
        member("followers", &output); output += String(followers)
        member("handle", &output); JSONText.string(handle, to: &output)
        member("id", &output); output += String(id)
        member("lastSeenAt", &output); JSONText.string(lastSeenAt.timestampText(separator: "T", suffix: "Z"), to: &output)
        if let name { member("name", &output); JSONText.string(name, to: &output) }
        member("platform", &output); JSONText.string(platform.rawValue, to: &output)
        member("position", &output); output += String(position)
        if let profileUrl { member("profileUrl", &output); JSONText.string(profileUrl, to: &output) }
        member("resultId", &output); JSONText.string(resultId.uuidString.lowercased(), to: &output)
        member("userId", &output); JSONText.string(userId, to: &output)
        member("verified", &output); output += verified ? "true" : "false"
        output += "}"
    }

    private func member(_ key: String, first: Bool = false, _ output: inout String) {
        if !first { output += "," }
        output += "\""
        output += key
        output += "\":"
    }
}

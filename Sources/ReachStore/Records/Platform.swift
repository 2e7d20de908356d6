import GRDB

public enum Platform: String, StoredEnum {
    case tiktok = "TikTok"
    case instagram = "Instagram"
    case youtube = "YouTube"

    /// The lowercase name used in routes and provider URLs: `tiktok`.
    public var slug: String { rawValue.lowercased() }
}

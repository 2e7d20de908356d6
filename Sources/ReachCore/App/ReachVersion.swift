/// Reach's version: `reach --version` and `/healthz` say it.
public enum ReachVersion {
    public static let current = "0.4.0"
}

extension Duration {
    /// In milliseconds, to the microsecond: how the test kit reports what an operation took.
    public var milliseconds: Double {
        ((Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15) * 1_000).rounded() / 1_000
    }
}

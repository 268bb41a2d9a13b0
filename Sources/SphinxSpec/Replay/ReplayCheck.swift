/// A processing result that names the replay tag h_τ(s) its packet carried.
public protocol ReplayTagged {
    /// h_τ(s): what a replay cache must remember once the packet processed correctly.
    var replayTag: Bytes { get }
}

extension ReplayCache {
    /// Processes a packet under this cache: the one place where "reject a seen tag, process,
    /// record the tag" is written. SPEC.md [REPLAY-CHECK-1].
    /// ```text
    /// result = process(isReplay: tag ↦ cache.contains(tag))    (throws replayedTag at SPHINX-PROCESS-3)
    /// cache.insert(result.replayTag)                             (only after processing succeeded)
    /// ```
    /// `process` is any processing function that takes a replay test (`Sphinx.processPacket`,
    /// the profiles' own); a packet that fails leaves the cache as it was, so forged packets
    /// cannot fill it.
    public mutating func process<Result: ReplayTagged>(
        _ process: (_ isReplay: (Bytes) -> Bool) throws(SphinxError) -> Result
    ) throws(SphinxError) -> Result {
        let seen = self
        let result = try process { seen.contains($0) }
        insert(result.replayTag)
        return result
    }
}

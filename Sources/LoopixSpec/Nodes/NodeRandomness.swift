import SphinxSpec

/// A node's injected randomness: two seeded sources, nothing global. SPEC.md [LOOPIX-NODE-RANDOM].
///
/// - `bytes` (ChaCha20, PRIM-RANDOM-DET) gives every random byte: Sphinx x and final padding,
///   ack IVs, ephemeral-key slots, fragment set ids, replay-cache hash keys.
/// - `draws` (xoshiro256**, LOOPIX-RNG-2) gives every number: Exp gaps and delays, uniform
///   choices of mixes and gateways.
///
/// Keeping them apart means a change in how many bytes a packet needs never shifts the timing
/// of a run, and the timing draws are the same generator the timing model uses.
public struct NodeRandomness: Sendable {
    public var bytes: DeterministicRandom
    public var draws: SimulationRandom

    /// - Throws: `NodeError.invalidKeyLength` unless `byteSeed` is 32 bytes.
    public init(byteSeed: Bytes, drawSeed: UInt64) throws(NodeError) {
        guard let bytes = try? DeterministicRandom(seed: byteSeed) else {
            throw .invalidKeyLength(what: "byte seed", expected: 32, actual: byteSeed.count)
        }
        self.bytes = bytes
        self.draws = SimulationRandom(seed: drawSeed)
    }

    /// An Exp(rate) duration in nanoseconds: round(10⁹ · (−ln(1 − u) / rate)), halves away from
    /// zero, capped at 2⁶³ ns (292 years) so the conversion cannot trap. Nym's sphinx crate
    /// rounds its Exp sample to the nearest nanosecond the same way
    /// (nymtech/sphinx src/header/delays.rs, `generate_from_average_duration`).
    public mutating func exponentialNanoseconds(rate: Double) -> UInt64 {
        let seconds = draws.exponential(rate: rate)
        let nanoseconds = (seconds * 1e9).rounded()
        guard nanoseconds.isFinite, nanoseconds < 0x1p63 else { return 1 << 63 }
        return UInt64(Swift.max(0, nanoseconds))
    }

    /// A uniform index in 0..<n (LOOPIX-RNG-5).
    public mutating func index(below n: Int) -> Int { draws.index(below: n) }
}

/// Time arithmetic that saturates instead of trapping (a header delay may be anything).
extension UInt64 {
    func saturatingAdd(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

import Foundation

/// A mix's memory of replay tags h_τ(s), bounded in size. SPEC.md [REPLAY-CACHE-1].
///
/// Design (SPEC.md chapter replay): one Bloom filter per key-rotation epoch, as nym-node keeps
/// one filter per Sphinx key. A tag depends on the node's key, so tags of different epochs
/// never need comparing with each other; when the key rotates, the caller calls `rotate()`:
/// the current filter becomes the previous one (still consulted while packets for the old key
/// may arrive) and the one before is dropped. Memory is therefore at most two filters of
/// `bitCount` bits, whatever the traffic.
///
/// A Bloom filter has no false negatives (a replay is always caught while its epoch's filter
/// is kept) and a false-positive rate p for a fresh tag once `capacityPerEpoch` tags are in:
/// m = ⌈−n·ln p / (ln 2)²⌉ bits, k = max(1, round((m/n)·ln 2)) hash functions. The default is
/// nym-node's p = 1e-5. With both filters consulted the rate is at most 2p.
///
/// The k bit positions come from one keyed BLAKE2b-128 of the tag (Kirsch–Mitzenmacher double
/// hashing: index_j = (h1 + j·h2) mod m). The key is drawn at creation, so a sender who could
/// choose tags (it cannot without the node's key, but a defence in depth) still cannot aim at
/// chosen bits.
public struct ReplayCache: Sendable {
    public let capacityPerEpoch: Int
    public let falsePositiveRate: Double
    /// m: bits per filter.
    public let bitCount: Int
    /// k: bit positions per tag.
    public let hashCount: Int
    /// Key-rotation epochs seen so far (0 for the first).
    public private(set) var epoch: UInt64 = 0

    private let hashKey: Bytes
    private var current: [UInt64]
    private var previous: [UInt64]?

    /// - Parameters:
    ///   - capacityPerEpoch: n, the number of tags one epoch is sized for.
    ///   - falsePositiveRate: p at n tags (default 1e-5, nym-node's value).
    ///   - hashKey: 32 bytes keying the filter's hash (draw it from a `RandomSource`).
    public init(capacityPerEpoch: Int = 1_000_000, falsePositiveRate: Double = 1e-5, hashKey: Bytes) throws(SphinxError)
    {
        guard hashKey.count == 32 else {
            throw .invalidInputLength(what: "replay cache hash key", expected: 32, actual: hashKey.count)
        }
        let n = Swift.max(1, capacityPerEpoch)
        let p = Swift.min(Swift.max(falsePositiveRate, 1e-12), 0.5)
        let ln2 = log(2.0)
        let m = Int((-Double(n) * log(p) / (ln2 * ln2)).rounded(.up))
        self.capacityPerEpoch = n
        self.falsePositiveRate = p
        self.bitCount = Swift.max(64, m)
        self.hashCount = Swift.max(1, Int((Double(bitCount) / Double(n) * ln2).rounded()))
        self.hashKey = hashKey
        self.current = Array(repeating: 0, count: (bitCount + 63) / 64)
    }

    /// A cache keyed from `random`.
    public init<R: RandomSource>(capacityPerEpoch: Int = 1_000_000, falsePositiveRate: Double = 1e-5, random: inout R)
        throws(SphinxError)
    {
        try self.init(
            capacityPerEpoch: capacityPerEpoch, falsePositiveRate: falsePositiveRate, hashKey: random.bytes(32))
    }

    /// Whether `tag` may have been seen in the current or the previous epoch. Processing asks
    /// it through `process(_:)` (SPEC.md see REPLAY-CHECK-1).
    public func contains(_ tag: Bytes) -> Bool {
        let positions = bitPositions(tag)
        if Self.allSet(positions, in: current) { return true }
        if let previous, Self.allSet(positions, in: previous) { return true }
        return false
    }

    /// Records `tag` in the current epoch's filter.
    public mutating func insert(_ tag: Bytes) {
        for position in bitPositions(tag) {
            current[position / 64] |= UInt64(1) << UInt64(position % 64)
        }
    }

    /// Starts a new key-rotation epoch. SPEC.md [REPLAY-ROTATE-1].
    public mutating func rotate() {
        previous = current
        current = Array(repeating: 0, count: (bitCount + 63) / 64)
        epoch &+= 1
    }

    /// Bytes of memory the filters hold at most (two epochs).
    public var maximumMemoryBytes: Int { 2 * ((bitCount + 63) / 64) * 8 }

    private func bitPositions(_ tag: Bytes) -> [Int] {
        // The key is 32 bytes and the output 16, both within BLAKE2b's limits: no error.
        var digest = (try? BLAKE2b.hash(tag, key: hashKey, outputLength: 16)) ?? Bytes.zeros(16)
        // The filter is read and written at positions computed from this digest (a division and
        // memory indices), so it is declassified [CT-DECLASSIFY-REPLAY]: a keyed one-way hash of
        // h_τ(s), itself a one-way function of s.
        Declassify.publish(&digest)
        let h1 = ByteOps.readBigEndian(digest[0..<8])
        let h2 = ByteOps.readBigEndian(digest[8..<16]) | 1
        let m = UInt64(bitCount)
        return (0..<hashCount).map { j in Int((h1 &+ UInt64(j) &* h2) % m) }
    }

    private static func allSet(_ positions: [Int], in bits: [UInt64]) -> Bool {
        positions.allSatisfy { bits[$0 / 64] & (UInt64(1) << UInt64($0 % 64)) != 0 }
    }
}

import CSodium

/// Where random bytes come from. SPEC.md [PRIM-RANDOM]. Every function that needs randomness
/// takes one of these; only the outermost layer (a command-line tool serving real use) passes
/// `SystemRandom`.
public protocol RandomSource {
    /// The next `count` bytes.
    mutating func bytes(_ count: Int) -> Bytes
}

/// The operating system's randomness, through libsodium `randombytes_buf`.
public struct SystemRandom: RandomSource {
    public init() {}
    public mutating func bytes(_ count: Int) -> Bytes {
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: count)
        if count > 0 { randombytes_buf(&out, count) }
        return out
    }
}

/// The deterministic source used by vectors and tests. SPEC.md [PRIM-RANDOM-DET].
///
/// ```text
/// stream = ChaCha20-original(key = seed (32 bytes), nonce = 0^8, counter from 0) keystream
/// bytes(n) returns the next n bytes of stream, continuing where the previous call stopped
/// ```
/// This equals the byte output of Rust's `rand_chacha::ChaCha20Rng::from_seed(seed)` (stream 0),
/// which is what the Nym crate's tests draw from. Every byte drawn is also kept in `drawn`, so a
/// vector can record it.
public struct DeterministicRandom: RandomSource {
    public let seed: Bytes
    public private(set) var position: UInt64 = 0
    public private(set) var drawn: Bytes = []
    private var buffer: Bytes = []

    /// - Throws: `PrimitiveError.invalidLength` unless the seed is 32 bytes.
    public init(seed: Bytes) throws(PrimitiveError) {
        try requireLength(seed, ChaCha20.keyLength, "deterministic random seed")
        self.seed = seed
    }

    public mutating func bytes(_ count: Int) -> Bytes {
        var out = Bytes()
        out.reserveCapacity(count)
        while out.count < count {
            if buffer.isEmpty {
                // 64-byte block number `position / 64`; the key and nonce lengths were checked
                // in init, so this cannot fail.
                let block = (try? ChaCha20.keystreamOriginal(key: seed, counter: position / 64, length: 64)) ?? Bytes.zeros(64)
                buffer = block
            }
            let take = Swift.min(count - out.count, buffer.count)
            out += buffer.prefix(take)
            buffer.removeFirst(take)
            position += UInt64(take)
        }
        drawn += out
        return out
    }
}

/// A source that hands out fixed bytes, for replaying the random inputs recorded in a vector.
/// Drawing more than was given is a programming error reported as `exhausted`.
public struct FixedRandom: RandomSource {
    private var remaining: ArraySlice<UInt8>
    public private(set) var exhausted = false
    public init(_ bytes: Bytes) { remaining = bytes[...] }
    public mutating func bytes(_ count: Int) -> Bytes {
        if remaining.count < count {
            exhausted = true
            let out = Bytes(remaining) + Bytes.zeros(count - remaining.count)
            remaining = []
            return out
        }
        let out = Bytes(remaining.prefix(count))
        remaining = remaining.dropFirst(count)
        return out
    }
    public var remainingCount: Int { remaining.count }
}

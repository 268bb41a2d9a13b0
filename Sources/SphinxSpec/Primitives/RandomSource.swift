import CSodium

/// Where random bytes come from. SPEC.md [PRIM-RANDOM]. Every function that needs randomness
/// takes one of these; only the outermost layer (a command-line tool serving real use) passes
/// `SystemRandom`.
public protocol RandomSource {
    /// The next `count` bytes.
    mutating func bytes(_ count: Int) -> Bytes
}

/// The operating system's randomness, through libsodium `randombytes_buf`.
public struct SystemRandom: RandomSource, Sendable {
    public init() {}
    public mutating func bytes(_ count: Int) -> Bytes {
        guard count > 0 else { return [] }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: count)
        randombytes_buf(&out, count)
        return out
    }
}

/// The deterministic source used by vectors and tests. SPEC.md [PRIM-RANDOM-DET].
///
/// ```text
/// S = ChaCha20-original(key = seed, nonce = 0^8, counter = 0, 1, 2, …) keystream,
///     read as 32-bit words w_0, w_1, … (w_i = S[4i, 4i+4) as a little-endian integer)
/// bytes(n): take the next m = ceil(n/4) unused words, output the first n bytes of
///           LE(w_j) ‖ … ‖ LE(w_{j+m-1}); the unused tail of the last word is discarded
/// ```
/// This is byte for byte what Rust's `rand_chacha::ChaCha20Rng::from_seed(seed)` (stream 0)
/// gives from successive `fill_bytes(n)` calls: rand_core's block RNG hands out whole 32-bit
/// words and drops the rest of a partly used word (rand_chacha's test `test_chacha_true_values_c`
/// shows `fill_bytes` of 25 bytes advancing 7 words). When every request is a multiple of 4
/// bytes, the output is simply the keystream S. `next_u32` corresponds to `bytes(4)` read
/// little-endian, `next_u64` to `bytes(8)`.
///
/// Every byte handed out is also kept in `drawn`, so a vector can record it.
public struct DeterministicRandom: RandomSource, Sendable {
    public let seed: Bytes
    /// Offset into the keystream S of the next unused word (always a multiple of 4); rand_chacha's
    /// `get_word_pos()` is `position / 4`.
    public private(set) var position: UInt64 = 0
    public private(set) var drawn: Bytes = []
    /// The current 64-byte block of S, numbered `bufferBlock`.
    private var buffer: Bytes = []
    private var bufferBlock: UInt64 = 0

    /// - Throws: `PrimitiveError.invalidLength` unless the seed is 32 bytes.
    public init(seed: Bytes) throws(PrimitiveError) {
        try requireLength(seed, ChaCha20.keyLength, "deterministic random seed")
        self.seed = seed
    }

    /// The next `count` bytes (none for `count ≤ 0`).
    public mutating func bytes(_ count: Int) -> Bytes {
        guard count > 0 else { return [] }
        var out = Bytes()
        out.reserveCapacity(count)
        while out.count < count {
            let blockNumber = position / UInt64(ChaCha20.blockLength)
            if buffer.isEmpty || bufferBlock != blockNumber {
                // The key and nonce lengths were checked in init, so this cannot fail.
                buffer =
                    (try? ChaCha20.keystreamOriginal(key: seed, counter: blockNumber, length: ChaCha20.blockLength))
                    ?? Bytes.zeros(ChaCha20.blockLength)
                bufferBlock = blockNumber
            }
            let offset = Int(position % UInt64(ChaCha20.blockLength))
            let take = Swift.min(count - out.count, ChaCha20.blockLength - offset)
            out += buffer[offset..<(offset + take)]
            // Whole words are consumed: round the advance up to a multiple of 4.
            position &+= UInt64((take + 3) / 4 * 4)
        }
        drawn += out
        return out
    }
}

/// A source that hands out fixed bytes, for replaying the random inputs recorded in a vector.
/// Drawing more than was given is a programming error reported as `exhausted`.
public struct FixedRandom: RandomSource, Sendable {
    private var remaining: ArraySlice<UInt8>
    public private(set) var exhausted = false
    public init(_ bytes: Bytes) { remaining = bytes[...] }
    public mutating func bytes(_ count: Int) -> Bytes {
        guard count > 0 else { return [] }
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

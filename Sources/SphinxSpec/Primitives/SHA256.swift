import CSHA256Extensions

/// SHA-256 (FIPS 180-4), written from the standard: the padding of §5.1.1, the initial hash value
/// of §5.3.3 and the compression function of §6.2.2, with the state a plain value (`State`) that
/// HMAC copies without allocating. SPEC.md [PRIM-SHA256].
///
/// The compression has two routes with the same result: `compressReadable`, the standard's steps
/// in Swift, and the x86 SHA extensions (`Sources/CSHA256Extensions`), taken where the CPU has
/// them. The readable route is the definition, the fallback and the test oracle; libsodium's
/// `crypto_hash_sha256` and the NIST examples are the independent checks
/// (Tests/PrimitivesTests/SHA256Tests).
public enum SHA256 {
    public static let outputLength = 32
    /// The block length in bytes (512 bits).
    public static let blockLength = 64

    /// How the compression function is computed.
    public enum Compression: Sendable, Equatable {
        /// FIPS 180-4 §6.2.2 in Swift (`compressReadable`).
        case readable
        /// The CPU's SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2).
        case cpuExtensions
    }

    /// The route every `State` takes unless told otherwise: the CPU's extensions where present
    /// (read once, with CPUID), the readable one everywhere else (and under valgrind, whose
    /// modelled CPU has no SHA extensions, so ct-check and callgrind see the readable route).
    public static let fastest: Compression =
        sphinx_sha256_extensions_available() == 1 ? .cpuExtensions : .readable

    /// SHA-256(message).
    public static func hash(_ message: Bytes) -> Bytes {
        var state = State()
        message.withUnsafeBytes { state.update($0) }
        return state.finalize()
    }

    /// H0…H7 in memory order: a tuple rather than a `SIMD8`, whose generic metadata Swift looks
    /// up at run time on every use (most of an HMAC's cost, measured with callgrind).
    typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    /// 64 bytes of storage for one block.
    typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The running hash of FIPS 180-4 §6.2: H0…H7, the bytes of an unfinished block, and the
    /// message length so far. A value type: copying it (as HMAC does with its keyed states)
    /// copies 112 bytes and allocates nothing.
    public struct State: Sendable {
        /// H0…H7, starting from H(0) of §5.3.3.
        private var h: Words = SHA256.initialHash
        /// The first `pendingCount` bytes of the block being filled.
        private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
        private var pendingCount = 0
        /// ℓ of §5.1.1, in bytes.
        private var length: UInt64 = 0
        private let compression: Compression

        public init(compression: Compression = SHA256.fastest) {
            self.compression = compression
        }

        /// Absorbs `bytes`: whole blocks are compressed as they fill, the rest is kept.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            length &+= UInt64(bytes.count)
            var rest = bytes
            if pendingCount > 0 {
                let take = min(rest.count, blockLength - pendingCount)
                withUnsafeMutableBytes(of: &pending) {
                    UnsafeMutableRawBufferPointer(rebasing: $0[pendingCount..<(pendingCount + take)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.prefix(take)))
                }
                pendingCount += take
                rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(take))
                guard pendingCount == blockLength else { return }
                let block = pending
                withUnsafeBytes(of: block) { compress($0) }
                pendingCount = 0
            }
            let whole = rest.count / blockLength * blockLength
            if whole > 0 { compress(UnsafeRawBufferPointer(rebasing: rest.prefix(whole))) }
            let tail = rest.count - whole
            if tail > 0 {
                withUnsafeMutableBytes(of: &pending) {
                    $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.suffix(tail)))
                }
                pendingCount = tail
            }
        }

        /// The digest, H0 ‖ … ‖ H7 big-endian, after the padding of §5.1.1:
        /// ```text
        /// M ‖ 0x80 ‖ 0x00 … ‖ BE_8(8ℓ)   with the zeros making the length ≡ 56 (mod 64)
        /// ```
        public func finalize() -> Bytes {
            var digest = Bytes(repeating: 0, count: outputLength)
            digest.withUnsafeMutableBytes { finalize(into: $0) }
            return digest
        }

        /// `finalize()` written into the first 32 bytes of `out` (no array). The padding goes
        /// straight into the last block: 0x80 after the pending bytes, zeros, and BE_8(8ℓ) in its
        /// last 8 bytes, with one more block when fewer than 9 bytes are left.
        public func finalize(into out: UnsafeMutableRawBufferPointer) {
            precondition(out.count >= outputLength, "SHA-256 writes 32 bytes")
            var h = self.h
            var block = pending
            withUnsafeMutableBytes(of: &block) { block in
                block[pendingCount] = 0x80
                UnsafeMutableRawBufferPointer(rebasing: block[(pendingCount + 1)...])
                    .initializeMemory(as: UInt8.self, repeating: 0)
                if pendingCount + 1 > blockLength - 8 {
                    SHA256.compress(&h, blocks: UnsafeRawBufferPointer(block), using: compression)
                    block.initializeMemory(as: UInt8.self, repeating: 0)
                }
                block.storeBytes(of: (length &* 8).bigEndian, toByteOffset: blockLength - 8, as: UInt64.self)
                SHA256.compress(&h, blocks: UnsafeRawBufferPointer(block), using: compression)
            }
            for j in 0..<8 {
                let word = withUnsafeBytes(of: h) { $0.load(fromByteOffset: 4 * j, as: UInt32.self) }
                out.storeBytes(of: word.bigEndian, toByteOffset: 4 * j, as: UInt32.self)
            }
            // The last block holds the message's tail (PRIM-WIPE); h is the digest, now in `out`.
            ByteOps.wipe(bytesOf: &block)
        }

        /// Overwrites the state with zeros (PRIM-WIPE): HMAC's keyed states are key material.
        public mutating func wipe() {
            ByteOps.wipe(bytesOf: &h)
            ByteOps.wipe(bytesOf: &pending)
        }

        private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
            SHA256.compress(&h, blocks: blocks, using: compression)
        }
    }

    /// The compression of whole 64-byte blocks into H0…H7, by the route asked for.
    static func compress(_ h: inout Words, blocks: UnsafeRawBufferPointer, using compression: Compression) {
        withUnsafeMutableBytes(of: &h) {
            let state = $0.bindMemory(to: UInt32.self)
            switch compression {
            case .readable:
                compressReadable(state, blocks: blocks)
            case .cpuExtensions:
                // Both addresses exist: `state` is eight words, and callers pass whole blocks.
                guard let words = state.baseAddress, let bytes = blocks.baseAddress else { return }
                roundConstants.withUnsafeBufferPointer { constants in
                    guard let k = constants.baseAddress else { return }
                    sphinx_sha256_compress_extensions(
                        words, bytes.assumingMemoryBound(to: UInt8.self), blocks.count / blockLength, k)
                }
            }
        }
    }

    /// FIPS 180-4 §5.3.3: H(0), the first 32 bits of the fractional parts of the square roots of
    /// the first eight primes.
    static let initialHash: Words = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    /// FIPS 180-4 §4.2.2: K_0…K_63, the first 32 bits of the fractional parts of the cube roots
    /// of the first sixty-four primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// FIPS 180-4 §6.2.2, the compression of each 64-byte block M(i) of `blocks` into H0…H7
    /// (`state`, eight words).
    /// ```text
    /// 1. W_t = M_t (0 ≤ t ≤ 15);  W_t = σ1(W_{t−2}) + W_{t−7} + σ0(W_{t−15}) + W_{t−16} (16 ≤ t ≤ 63)
    /// 2. a…h = H0…H7
    /// 3. for t = 0…63:  T1 = h + Σ1(e) + Ch(e, f, g) + K_t + W_t;  T2 = Σ0(a) + Maj(a, b, c)
    ///                   h = g; g = f; f = e; e = d + T1; d = c; c = b; b = a; a = T1 + T2
    /// 4. H_j = H_j + (a…h)_j
    /// Ch(x, y, z) = (x ∧ y) ⊕ (¬x ∧ z);  Maj(x, y, z) = (x ∧ y) ⊕ (x ∧ z) ⊕ (y ∧ z)
    /// Σ0(x) = ROTR²(x) ⊕ ROTR¹³(x) ⊕ ROTR²²(x);  Σ1(x) = ROTR⁶(x) ⊕ ROTR¹¹(x) ⊕ ROTR²⁵(x)
    /// σ0(x) = ROTR⁷(x) ⊕ ROTR¹⁸(x) ⊕ SHR³(x);    σ1(x) = ROTR¹⁷(x) ⊕ ROTR¹⁹(x) ⊕ SHR¹⁰(x)
    /// ```
    /// Only additions, rotations and bitwise operations on the data: constant-time.
    public static func compressReadable(_ state: UnsafeMutableBufferPointer<UInt32>, blocks: UnsafeRawBufferPointer) {
        precondition(
            state.count == 8 && blocks.count % blockLength == 0, "SHA-256 compresses whole 64-byte blocks into 8 words")
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        // W_0…W_63 on the stack: no allocation per call.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for start in stride(from: 0, to: blocks.count, by: blockLength) {
                // Step 1: the message schedule.
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: start + 4 * t, as: UInt32.self))
                }
                for t in 16..<64 {
                    let sigma0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let sigma1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = sigma1 &+ w[t - 7] &+ sigma0 &+ w[t - 16]
                }
                // Step 2: the working variables.
                var (a, b, c, d) = (state[0], state[1], state[2], state[3])
                var (e, f, g, h) = (state[4], state[5], state[6], state[7])
                // Step 3: sixty-four rounds.
                for t in 0..<64 {
                    let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ bigSigma1 &+ ch &+ roundConstants[t] &+ w[t]
                    let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = bigSigma0 &+ maj
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
                // Step 4: the intermediate hash value H(i).
                (state[0], state[1], state[2], state[3]) = (state[0] &+ a, state[1] &+ b, state[2] &+ c, state[3] &+ d)
                (state[4], state[5], state[6], state[7]) = (state[4] &+ e, state[5] &+ f, state[6] &+ g, state[7] &+ h)
            }
            ByteOps.wipe(UnsafeMutableRawBufferPointer(w))
        }
    }
}

/// HMAC-SHA256 (RFC 2104) with a key of any length, written from RFC 2104 §2 over `SHA256.State`,
/// whose states copy without allocating. SPEC.md [PRIM-HMAC].
public enum HMACSHA256 {
    public static let outputLength = 32
    /// B, SHA-256's block length.
    public static let blockLength = 64

    public static func mac(key: Bytes, message: Bytes) -> Bytes {
        var keyed = Keyed(key: key)
        defer { keyed.wipe() }
        return keyed.mac(message)
    }

    /// HMAC with its key absorbed once: RFC 2104's inner and outer hash states after the padded
    /// key block, copied for every message. HKDF-Expand uses one key for every block, so it
    /// keys HMAC once.
    /// ```text
    /// K0 = SHA-256(K) if |K| > B else K, then zeros to B bytes
    /// HMAC(K, m) = SHA-256((K0 ⊕ opad) ‖ SHA-256((K0 ⊕ ipad) ‖ m)),  ipad = 0x36^B, opad = 0x5c^B
    /// ```
    public struct Keyed: Sendable {
        private var inner = SHA256.State()
        private var outer = SHA256.State()

        public init(key: Bytes) {
            // K0 in a block on the stack, then K0 ⊕ ipad into the inner hash and K0 ⊕ opad
            // (= K0 ⊕ ipad ⊕ (ipad ⊕ opad)) into the outer one.
            var block: SHA256.Block = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &block) { k0 in
                if key.count > blockLength {
                    var hashed = SHA256.hash(key)
                    hashed.withUnsafeBytes { k0.copyMemory(from: $0) }
                    ByteOps.wipe(&hashed)
                } else {
                    key.withUnsafeBytes { k0.copyMemory(from: $0) }
                }
                for i in 0..<blockLength { k0[i] ^= 0x36 }
                inner.update(UnsafeRawBufferPointer(k0))
                for i in 0..<blockLength { k0[i] ^= 0x36 ^ 0x5c }
                outer.update(UnsafeRawBufferPointer(k0))
                ByteOps.wipe(k0)
            }
        }

        /// HMAC(key, message).
        public func mac(_ message: Bytes) -> Bytes {
            var out = Bytes(repeating: 0, count: outputLength)
            let none = UnsafeRawBufferPointer(start: nil, count: 0)
            message.withUnsafeBytes { m in out.withUnsafeMutableBytes { mac(m, none, none, into: $0) } }
            return out
        }

        /// HMAC(K, a ‖ b ‖ c) written into `out` (at least 32 bytes): HKDF-Expand's block
        /// T(i) = HMAC(PRK, T(i−1) ‖ info ‖ i) without building the message or a result array.
        /// Each part goes into the inner hash in turn, which hashes exactly the same bytes as
        /// their concatenation.
        ///
        /// - Parameters:
        ///   - a: the first part (T(i−1)).
        ///   - b: the second part (info).
        ///   - c: the third part (the counter octet).
        ///   - out: where the 32-byte MAC goes.
        func mac(
            _ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, _ c: UnsafeRawBufferPointer,
            into out: UnsafeMutableRawBufferPointer
        ) {
            // Inner: SHA-256((K0 ⊕ ipad) ‖ m), from the state after the key block.
            var innerHash = inner
            innerHash.update(a)
            innerHash.update(b)
            innerHash.update(c)
            var innerDigest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &innerDigest) { innerHash.finalize(into: $0) }
            // Outer: SHA-256((K0 ⊕ opad) ‖ inner digest).
            var outerHash = outer
            withUnsafeBytes(of: innerDigest) { outerHash.update($0) }
            outerHash.finalize(into: out)
            // The working copies hold key-dependent state (PRIM-WIPE).
            innerHash.wipe()
            outerHash.wipe()
            ByteOps.wipe(bytesOf: &innerDigest)
        }

        /// Overwrites both keyed states with zeros (PRIM-WIPE); the value cannot be used after.
        public mutating func wipe() {
            inner.wipe()
            outer.wipe()
        }
    }
}

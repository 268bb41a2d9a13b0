import Crypto

/// HMAC-SHA256 (RFC 2104) with a key of any length, written from RFC 2104 §2 over swift-crypto's
/// `SHA256` (BoringSSL's, which uses the CPU's SHA extensions where present: about four times
/// libsodium 1.0.18's portable SHA-256 on the bench machine). SPEC.md [PRIM-HMAC].
public enum HMACSHA256 {
    public static let outputLength = 32
    /// B, SHA-256's block length.
    public static let blockLength = 64

    public static func mac(key: Bytes, message: Bytes) -> Bytes {
        Keyed(key: key).mac(message)
    }

    /// HMAC with its key absorbed once: RFC 2104's inner and outer hash states after the padded
    /// key block, copied for every message. HKDF-Expand uses one key for every block, so it
    /// keys HMAC once.
    /// ```text
    /// K0 = SHA-256(K) if |K| > B else K, then zeros to B bytes
    /// HMAC(K, m) = SHA-256((K0 ⊕ opad) ‖ SHA-256((K0 ⊕ ipad) ‖ m)),  ipad = 0x36^B, opad = 0x5c^B
    /// ```
    public struct Keyed: Sendable {
        private let inner: Crypto.SHA256
        private let outer: Crypto.SHA256

        public init(key: Bytes) {
            var k0 = key.count > blockLength ? Bytes(Crypto.SHA256.hash(data: key)) : key
            k0 += Bytes(repeating: 0, count: blockLength - k0.count)
            var inner = Crypto.SHA256()
            inner.update(data: k0.map { $0 ^ 0x36 })
            var outer = Crypto.SHA256()
            outer.update(data: k0.map { $0 ^ 0x5c })
            self.inner = inner
            self.outer = outer
        }

        /// HMAC(key, message).
        public func mac(_ message: Bytes) -> Bytes {
            // Inner: SHA-256((K0 ⊕ ipad) ‖ m), starting from the state after the key block.
            var innerHash = inner
            message.withUnsafeBytes { innerHash.update(bufferPointer: $0) }
            return finish(innerHash)
        }

        /// Outer: SHA-256((K0 ⊕ opad) ‖ inner digest), the inner digest read straight from its
        /// buffer (no intermediate array).
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
            var innerHash = inner
            innerHash.update(bufferPointer: a)
            innerHash.update(bufferPointer: b)
            innerHash.update(bufferPointer: c)
            var outerHash = outer
            innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
            outerHash.finalize().withUnsafeBytes {
                out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(32)))
            }
        }

        private func finish(_ innerHash: Crypto.SHA256) -> Bytes {
            var outerHash = outer
            innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
            return outerHash.finalize().withUnsafeBytes { Bytes($0) }
        }
    }
}

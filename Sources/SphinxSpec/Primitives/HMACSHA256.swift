import CSodium

/// HMAC-SHA256 (RFC 2104) with a key of any length, through libsodium's
/// `crypto_auth_hmacsha256_init/update/final`, which hashes keys longer than 64 bytes as
/// RFC 2104 requires. SPEC.md [PRIM-HMAC].
public enum HMACSHA256 {
    public static let outputLength = 32

    public static func mac(key: Bytes, message: Bytes) -> Bytes {
        Keyed(key: key).mac(message)
    }

    /// HMAC with its key absorbed once: RFC 2104's inner and outer hash states after the padded
    /// key block (libsodium's `crypto_auth_hmacsha256_state`, a plain value), copied for every
    /// message. HKDF-Expand uses one key for every block, so it keys HMAC once.
    public struct Keyed: @unchecked Sendable {
        // @unchecked Sendable: a C struct of integers and bytes, never shared mutably.
        private let state: crypto_auth_hmacsha256_state

        public init(key: Bytes) {
            Sodium.ensureInitialised()
            var keyed = crypto_auth_hmacsha256_state()
            _ = crypto_auth_hmacsha256_init(&keyed, key, key.count)
            state = keyed
        }

        /// HMAC(key, message).
        public func mac(_ message: Bytes) -> Bytes {
            var copy = state
            var out = Bytes(repeating: 0, count: HMACSHA256.outputLength)
            _ = crypto_auth_hmacsha256_update(&copy, message, UInt64(message.count))
            _ = crypto_auth_hmacsha256_final(&copy, &out)
            return out
        }
    }
}

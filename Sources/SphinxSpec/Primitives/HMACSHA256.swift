import CSodium

/// HMAC-SHA256 (RFC 2104) with a key of any length, through libsodium's
/// `crypto_auth_hmacsha256_init/update/final`, which hashes keys longer than 64 bytes as
/// RFC 2104 requires. SPEC.md [PRIM-HMAC].
public enum HMACSHA256 {
    public static let outputLength = 32

    public static func mac(key: Bytes, message: Bytes) -> Bytes {
        Sodium.ensureInitialised()
        var state = crypto_auth_hmacsha256_state()
        var out = Bytes(repeating: 0, count: outputLength)
        _ = crypto_auth_hmacsha256_init(&state, key, key.count)
        _ = crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
        _ = crypto_auth_hmacsha256_final(&state, &out)
        return out
    }
}

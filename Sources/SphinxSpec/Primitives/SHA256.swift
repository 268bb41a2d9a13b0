import CSodium

/// SHA-256 (FIPS 180-4), through libsodium `crypto_hash_sha256`. SPEC.md [PRIM-SHA256].
public enum SHA256 {
    public static let outputLength = 32

    public static func hash(_ message: Bytes) -> Bytes {
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: outputLength)
        _ = crypto_hash_sha256(&out, message, UInt64(message.count))
        return out
    }
}

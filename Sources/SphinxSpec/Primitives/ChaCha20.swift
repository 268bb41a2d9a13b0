import CSodium

/// The ChaCha20 stream cipher, through libsodium. SPEC.md [PRIM-CHACHA20].
///
/// Two variants exist and profiles must not confuse them:
/// - `original`: D. J. Bernstein's ChaCha20 with a 64-bit nonce and a 64-bit block counter
///   (libsodium `crypto_stream_chacha20`). This is what the Rust `chacha` crate used by
///   lioness 0.1.2 computes and what `rand_chacha`'s ChaCha20Rng outputs with stream 0.
/// - `ietf`: RFC 8439 with a 96-bit nonce and a 32-bit counter
///   (libsodium `crypto_stream_chacha20_ietf`).
public enum ChaCha20 {
    public static let keyLength = 32
    public static let originalNonceLength = 8
    public static let ietfNonceLength = 12

    /// `data ⊕ keystream` of the original variant, starting at block `counter`.
    public static func applyOriginal(key: Bytes, nonce: Bytes, counter: UInt64 = 0, to data: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(key, keyLength, "ChaCha20 key")
        try requireLength(nonce, originalNonceLength, "ChaCha20 (original) nonce")
        if data.isEmpty { return [] }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: data.count)
        _ = crypto_stream_chacha20_xor_ic(&out, data, UInt64(data.count), nonce, counter, key)
        return out
    }

    /// `data ⊕ keystream` of the RFC 8439 variant, starting at block `counter`.
    public static func applyIETF(key: Bytes, nonce: Bytes, counter: UInt32 = 0, to data: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(key, keyLength, "ChaCha20 key")
        try requireLength(nonce, ietfNonceLength, "ChaCha20 (IETF) nonce")
        if data.isEmpty { return [] }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: data.count)
        _ = crypto_stream_chacha20_ietf_xor_ic(&out, data, UInt64(data.count), nonce, counter, key)
        return out
    }

    /// Keystream bytes of the original variant (`applyOriginal` on zeros).
    public static func keystreamOriginal(key: Bytes, nonce: Bytes = Bytes.zeros(8), counter: UInt64 = 0, length: Int) throws(PrimitiveError) -> Bytes {
        try applyOriginal(key: key, nonce: nonce, counter: counter, to: Bytes.zeros(length))
    }
}

import CSodium

/// The ChaCha20 stream cipher, through libsodium. SPEC.md [PRIM-CHACHA20].
///
/// Two variants exist and profiles must not confuse them:
/// - `original`: D. J. Bernstein's ChaCha20 with a 64-bit nonce and a 64-bit block counter
///   (libsodium `crypto_stream_chacha20`). This is what the Rust `chacha` crate used by
///   lioness 0.1.2 computes and what `rand_chacha`'s ChaCha20Rng outputs with stream 0.
/// - `ietf`: RFC 8439 with a 96-bit nonce and a 32-bit counter
///   (libsodium `crypto_stream_chacha20_ietf`).
///
/// Both use the same block function (RFC 8439 §2.3); they differ only in how state words 12–15
/// are filled: `counter (64 bits LE) ‖ nonce (8 bytes)` for the original variant,
/// `counter (32 bits LE) ‖ nonce (12 bytes)` for the IETF one.
public enum ChaCha20 {
    public static let keyLength = 32
    public static let originalNonceLength = 8
    public static let ietfNonceLength = 12
    /// Bytes per ChaCha20 block.
    public static let blockLength = 64

    /// `data ⊕ keystream` of the original variant, starting at block `counter`.
    ///
    /// The 64-bit block counter wraps from 2^64 − 1 to 0, as in Bernstein's reference code,
    /// libsodium and rand_chacha; no caller in this project comes near it.
    /// - Throws: `PrimitiveError.invalidLength` for a key other than 32 bytes or a nonce other
    ///   than 8 bytes.
    public static func applyOriginal(key: Bytes, nonce: Bytes, counter: UInt64 = 0, to data: Bytes)
        throws(PrimitiveError) -> Bytes
    {
        try requireLength(key, keyLength, "ChaCha20 key")
        try requireLength(nonce, originalNonceLength, "ChaCha20 (original) nonce")
        if data.isEmpty { return [] }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: data.count)
        let rc = crypto_stream_chacha20_xor_ic(&out, data, UInt64(data.count), nonce, counter, key)
        guard rc == 0 else { throw .libraryFailure("crypto_stream_chacha20_xor_ic") }
        return out
    }

    /// `data ⊕ keystream` of the RFC 8439 variant, starting at block `counter`.
    ///
    /// RFC 8439 §2.4 limits one (key, nonce) to 2^32 blocks. libsodium aborts the process when a
    /// call would run the 32-bit counter past 2^32 − 1, so that case is refused here first.
    /// - Throws: `PrimitiveError.invalidLength` for a key other than 32 bytes or a nonce other
    ///   than 12 bytes; `PrimitiveError.invalidOutputLength` when `counter` plus the number of
    ///   blocks needed exceeds 2^32.
    public static func applyIETF(key: Bytes, nonce: Bytes, counter: UInt32 = 0, to data: Bytes) throws(PrimitiveError)
        -> Bytes
    {
        try requireLength(key, keyLength, "ChaCha20 key")
        try requireLength(nonce, ietfNonceLength, "ChaCha20 (IETF) nonce")
        if data.isEmpty { return [] }
        let blocksNeeded = (UInt64(data.count) + UInt64(blockLength) - 1) / UInt64(blockLength)
        guard UInt64(counter) + blocksNeeded <= (UInt64(1) << 32) else {
            throw .invalidOutputLength(what: "ChaCha20 (IETF) keystream past block 2^32 - 1", requested: data.count)
        }
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: data.count)
        let rc = crypto_stream_chacha20_ietf_xor_ic(&out, data, UInt64(data.count), nonce, counter, key)
        guard rc == 0 else { throw .libraryFailure("crypto_stream_chacha20_ietf_xor_ic") }
        return out
    }

    /// Keystream bytes of the original variant (`applyOriginal` on zeros).
    public static func keystreamOriginal(key: Bytes, nonce: Bytes = Bytes.zeros(8), counter: UInt64 = 0, length: Int)
        throws(PrimitiveError) -> Bytes
    {
        guard length >= 0 else { throw .invalidOutputLength(what: "ChaCha20 keystream", requested: length) }
        return try applyOriginal(key: key, nonce: nonce, counter: counter, to: Bytes.zeros(length))
    }

    /// Keystream bytes of the RFC 8439 variant (`applyIETF` on zeros).
    public static func keystreamIETF(key: Bytes, nonce: Bytes, counter: UInt32 = 0, length: Int) throws(PrimitiveError)
        -> Bytes
    {
        guard length >= 0 else { throw .invalidOutputLength(what: "ChaCha20 keystream", requested: length) }
        return try applyIETF(key: key, nonce: nonce, counter: counter, to: Bytes.zeros(length))
    }
}

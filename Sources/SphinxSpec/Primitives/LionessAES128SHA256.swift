/// The LIONESS wide-block cipher as sphinxmix 0.0.7 builds it from AES-128-CTR and SHA-256
/// (`SphinxParams.lioness_enc` / `lioness_dec` in sphinxmix/SphinxParams.py). It is the
/// profile's payload PRP π.
///
/// LIONESS (Anderson & Biham, "Two practical and provably secure block ciphers: BEAR and LION",
/// FSE 1996) alternates a stream-cipher round and a hash round, twice. sphinxmix's variant uses
/// one 16-byte key K for all four rounds and feeds the round values in as AES-CTR initial
/// counter blocks:
/// ```text
/// block = L ‖ R, |L| = 16, |R| ≥ 16
/// round 1:  L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "1")[0,16))
/// round 2:  R ← R ⊕ AES-CTR(K, iv = L)
/// round 3:  L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "3")[0,16))
/// round 4:  R ← R ⊕ AES-CTR(K, iv = L)
/// ```
/// This differs from the paper's LIONESS, which keys the stream cipher with L ⊕ K_i and keys a
/// hash with four independent subkeys; sphinxmix uses the data as the counter block instead
/// (SPEC.md, chapter primitives-sphinxmix, lists the difference).
public enum LionessAES128SHA256 {
    /// The key length and the length of the left part L, sphinxmix's `k`.
    public static let keyLength = 16
    /// The shortest block: L and at least 16 bytes of R (`assert len(message) >= k * 2`).
    public static let minimumBlockLength = 2 * keyLength

    /// The 16-byte IV of the hash rounds: SHA-256(R ‖ K ‖ round label)[0,16).
    private static func hashRoundIV(r: ArraySlice<UInt8>, key: Bytes, label: UInt8) -> Bytes {
        Bytes(SHA256.hash(Bytes(r) + key + [label]).prefix(keyLength))
    }

    /// Encryption, π(K, m). SPEC.md [PRIM-LIONESS-AES-ENC].
    /// - Throws: `PrimitiveError.invalidLength` for a key other than 16 bytes or a block
    ///   shorter than 32 bytes.
    public static func encrypt(key: Bytes, block: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(key, keyLength, "LIONESS key")
        guard block.count >= minimumBlockLength else {
            throw .invalidLength(what: "LIONESS block", expected: minimumBlockLength, actual: block.count)
        }
        var l = Bytes(block.prefix(keyLength))
        var r = Bytes(block.dropFirst(keyLength))

        // Round 1: L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "1")[0,16)).
        l = try AES128CTR.apply(key: key, iv: hashRoundIV(r: r[...], key: key, label: UInt8(ascii: "1")), to: l)
        // Round 2: R ← R ⊕ AES-CTR(K, iv = L).
        r = try AES128CTR.apply(key: key, iv: l, to: r)
        // Round 3: L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "3")[0,16)).
        l = try AES128CTR.apply(key: key, iv: hashRoundIV(r: r[...], key: key, label: UInt8(ascii: "3")), to: l)
        // Round 4: R ← R ⊕ AES-CTR(K, iv = L).
        r = try AES128CTR.apply(key: key, iv: l, to: r)
        return l + r
    }

    /// Decryption, π⁻¹(K, c): the four rounds undone in reverse order. SPEC.md
    /// [PRIM-LIONESS-AES-DEC].
    /// - Throws: as `encrypt`.
    public static func decrypt(key: Bytes, block: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(key, keyLength, "LIONESS key")
        guard block.count >= minimumBlockLength else {
            throw .invalidLength(what: "LIONESS block", expected: minimumBlockLength, actual: block.count)
        }
        var l = Bytes(block.prefix(keyLength))
        var r = Bytes(block.dropFirst(keyLength))

        // Undo round 4: R ← R ⊕ AES-CTR(K, iv = L).
        r = try AES128CTR.apply(key: key, iv: l, to: r)
        // Undo round 3: L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "3")[0,16)).
        l = try AES128CTR.apply(key: key, iv: hashRoundIV(r: r[...], key: key, label: UInt8(ascii: "3")), to: l)
        // Undo round 2: R ← R ⊕ AES-CTR(K, iv = L).
        r = try AES128CTR.apply(key: key, iv: l, to: r)
        // Undo round 1: L ← L ⊕ AES-CTR(K, iv = SHA-256(R ‖ K ‖ "1")[0,16)).
        l = try AES128CTR.apply(key: key, iv: hashRoundIV(r: r[...], key: key, label: UInt8(ascii: "1")), to: l)
        return l + r
    }
}

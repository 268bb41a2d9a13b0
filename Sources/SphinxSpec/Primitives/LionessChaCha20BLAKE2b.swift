/// LIONESS (Anderson & Biham, FSE 1996) over ChaCha20 and keyed BLAKE2b, as the Rust crate
/// lioness 0.1.2 (burdges/lioness-rs, src/lib.rs) builds it and sphinx-packet 0.6.0 uses it for
/// the nym payload. SPEC.md chapter primitives-lioness-cb.
///
/// A wide-block cipher: any block longer than 32 bytes is one block; changing any bit of the
/// ciphertext scrambles the whole decryption, which is what lets the destination detect a
/// modified Sphinx payload from its 16 leading zero bytes.
public enum LionessChaCha20BLAKE2b {
    /// |K1| + |K2| + |K3| + |K4| = 32 + 64 + 32 + 64.
    public static let keyLength = 192
    /// |L|: the stream-cipher key and digest length.
    public static let leftLength = 32
    /// lioness-rs rejects blocks of 32 bytes or fewer (`blocklen <= keylen`).
    public static let minimumBlockLength = 33

    /// The key split. SPEC.md [PRIM-LIONESS-CB-KEY].
    /// ```text
    /// K1 = key[0, 32) ; K2 = key[32, 96) ; K3 = key[96, 128) ; K4 = key[128, 192)
    /// ```
    struct RoundKeys {
        let k1: Bytes, k2: Bytes, k3: Bytes, k4: Bytes
        init(_ key: Bytes) throws(PrimitiveError) {
            try requireLength(key, LionessChaCha20BLAKE2b.keyLength, "LIONESS key")
            k1 = Array(key[0..<32])
            k2 = Array(key[32..<96])
            k3 = Array(key[96..<128])
            k4 = Array(key[128..<192])
        }
    }

    /// S(k): ChaCha20 (original variant, nonce 0^8, counter from 0) applied to `data`. With a
    /// zero nonce the original and the RFC 8439 variant give the same keystream for the first
    /// 2^32 blocks, so crates built on either agree here.
    static func stream(key: Bytes, _ data: Bytes) throws(PrimitiveError) -> Bytes {
        try ChaCha20.applyOriginal(key: key, nonce: Bytes.zeros(8), to: data)
    }

    /// H(k, R): BLAKE2b keyed with the 64-byte k, 32-byte output.
    static func digest(key: Bytes, _ data: Bytes) throws(PrimitiveError) -> Bytes {
        try BLAKE2b.hash(data, key: key, outputLength: 32)
    }

    static func split(_ block: Bytes) throws(PrimitiveError) -> (Bytes, Bytes) {
        guard block.count >= minimumBlockLength else {
            throw .invalidLength(
                what: "LIONESS block (minimum 33 bytes)", expected: minimumBlockLength, actual: block.count)
        }
        return (Array(block[0..<leftLength]), Array(block[leftLength...]))
    }

    /// Encryption. SPEC.md [PRIM-LIONESS-CB-ENC].
    /// ```text
    /// (L, R) = (block[0, 32), block[32, n))
    /// R = R ⊕ S(L ⊕ K1) ; L = L ⊕ H(K2, R) ; R = R ⊕ S(L ⊕ K3) ; L = L ⊕ H(K4, R)
    /// ```
    public static func encrypt(key: Bytes, block: Bytes) throws(PrimitiveError) -> Bytes {
        let k = try RoundKeys(key)
        var (left, right) = try split(block)
        // Step 1: R = R ⊕ S(L ⊕ K1).
        right = try stream(key: ByteOps.xor(left, k.k1), right)
        // Step 2: L = L ⊕ H(K2, R).
        left = ByteOps.xor(left, try digest(key: k.k2, right))
        // Step 3: R = R ⊕ S(L ⊕ K3).
        right = try stream(key: ByteOps.xor(left, k.k3), right)
        // Step 4: L = L ⊕ H(K4, R).
        left = ByteOps.xor(left, try digest(key: k.k4, right))
        return left + right
    }

    /// Decryption: the rounds of `encrypt` in reverse order. SPEC.md [PRIM-LIONESS-CB-DEC].
    /// ```text
    /// L = L ⊕ H(K4, R) ; R = R ⊕ S(L ⊕ K3) ; L = L ⊕ H(K2, R) ; R = R ⊕ S(L ⊕ K1)
    /// ```
    public static func decrypt(key: Bytes, block: Bytes) throws(PrimitiveError) -> Bytes {
        let k = try RoundKeys(key)
        var (left, right) = try split(block)
        // Step 1: L = L ⊕ H(K4, R).
        left = ByteOps.xor(left, try digest(key: k.k4, right))
        // Step 2: R = R ⊕ S(L ⊕ K3).
        right = try stream(key: ByteOps.xor(left, k.k3), right)
        // Step 3: L = L ⊕ H(K2, R).
        left = ByteOps.xor(left, try digest(key: k.k2, right))
        // Step 4: R = R ⊕ S(L ⊕ K1).
        right = try stream(key: ByteOps.xor(left, k.k1), right)
        return left + right
    }
}

/// HKDF with SHA-256 (RFC 5869), written from the RFC on top of `HMACSHA256` because
/// libsodium 1.0.18 has no HKDF. SPEC.md [PRIM-HKDF].
public enum HKDFSHA256 {
    public static let hashLength = 32
    /// RFC 5869 §2.3: L ≤ 255·HashLen.
    public static let maxOutputLength = 255 * hashLength

    /// RFC 5869 §2.2, HKDF-Extract.
    /// ```text
    /// PRK = HMAC-Hash(salt, IKM)   where an absent salt is HashLen zero bytes
    /// ```
    public static func extract(salt: Bytes, ikm: Bytes) -> Bytes {
        let effectiveSalt = salt.isEmpty ? Bytes.zeros(hashLength) : salt
        return HMACSHA256.mac(key: effectiveSalt, message: ikm)
    }

    /// RFC 5869 §2.3, HKDF-Expand.
    /// ```text
    /// N = ceil(L/HashLen); T(0) = empty
    /// T(i) = HMAC-Hash(PRK, T(i-1) ‖ info ‖ i)   (i as one octet)
    /// OKM = first L octets of T(1) ‖ … ‖ T(N)
    /// ```
    public static func expand(prk: Bytes, info: Bytes, length: Int) throws(PrimitiveError) -> Bytes {
        guard length >= 0, length <= maxOutputLength else {
            throw .invalidOutputLength(what: "HKDF-Expand L", requested: length)
        }
        var okm = Bytes()
        okm.reserveCapacity(length + hashLength)
        var previous = Bytes()
        // The output is key material: clear this call's working copy (PRIM-WIPE); the caller
        // keeps the result (NYM-KEYS-1 in SecretBytes).
        defer { ByteOps.wipe(&okm) }
        var counter: UInt8 = 1
        // One key for every block: absorb it once.
        let keyed = HMACSHA256.Keyed(key: prk)
        while okm.count < length {
            // T(i), with its three parts hashed in turn rather than concatenated.
            previous = keyed.mac(concatenationOf: previous, info, [counter])
            okm += previous
            counter &+= 1
        }
        return Array(okm.prefix(length))
    }

    /// Extract then expand, as RFC 5869 §2 composes them.
    public static func deriveKey(salt: Bytes, ikm: Bytes, info: Bytes, length: Int) throws(PrimitiveError) -> Bytes {
        var prk = extract(salt: salt, ikm: ikm)
        defer { ByteOps.wipe(&prk) }
        return try expand(prk: prk, info: info, length: length)
    }
}

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
        let blocks = (length + hashLength - 1) / hashLength
        var okm = Bytes(repeating: 0, count: blocks * hashLength)
        // The output is key material: clear this call's working copy (PRIM-WIPE); the caller
        // keeps the result (NYM-KEYS-1 in SecretBytes).
        defer { ByteOps.wipe(&okm) }
        // One key for every block: absorb it once.
        var keyed = HMACSHA256.Keyed(key: prk)
        defer { keyed.wipe() }
        info.withUnsafeBytes { info in
            okm.withUnsafeMutableBytes { t in
                for i in 0..<blocks {
                    // T(i + 1) = HMAC(PRK, T(i) ‖ info ‖ (i + 1)), its three parts hashed in
                    // turn, written in place after T(i) (T(0) is empty).
                    var counter = UInt8(truncatingIfNeeded: i + 1)
                    let previous = UnsafeRawBufferPointer(rebasing: t[(max(i - 1, 0) * hashLength)..<(i * hashLength)])
                    let block = UnsafeMutableRawBufferPointer(rebasing: t[(i * hashLength)..<((i + 1) * hashLength)])
                    withUnsafeBytes(of: &counter) { keyed.mac(previous, info, $0, into: block) }
                }
            }
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

import CSodium

/// X25519 Diffie–Hellman (RFC 7748 §5), through libsodium `crypto_scalarmult`.
///
/// SPEC.md [PRIM-X25519]. The scalar is clamped at use (RFC 7748 §5: clear bits 0, 1, 2 and 255,
/// set bit 254); the u-coordinate's top bit is masked. An all-zero result means the peer's point
/// has small order; RFC 7748 §6.1 lets a protocol reject it, and this project always does.
public enum X25519 {
    public static let scalarLength = 32
    public static let pointLength = 32
    /// The base point u = 9.
    public static let basePoint: Bytes = [9] + Bytes(repeating: 0, count: 31)

    /// X25519(k, u), refusing the all-zero result. SPEC.md [PRIM-X25519-ZERO].
    ///
    /// - Throws: `PrimitiveError.invalidLength` unless both inputs are 32 bytes;
    ///   `PrimitiveError.x25519AllZeroSharedSecret` when u has small order.
    public static func scalarMult(scalar: Bytes, point: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(scalar, scalarLength, "X25519 scalar")
        try requireLength(point, pointLength, "X25519 u-coordinate")
        Sodium.ensureInitialised()
        var out = Bytes(repeating: 0, count: pointLength)
        let rc = crypto_scalarmult(&out, scalar, point)
        // libsodium returns -1 exactly when the result is all zeros. The verdict is public
        // [CT-DECLASSIFY-ZERO]: for a clamped scalar it depends only on whether u has small order.
        // Both tests run, without a short-circuit before the declassification.
        let verdict = Declassify.publish((rc, ByteOps.isAllZero(out)))
        guard verdict.0 == 0, !verdict.1 else { throw .x25519AllZeroSharedSecret }
        return out
    }

    /// X25519(k, 9): the public key of a secret scalar, by the fixed-base table of the
    /// birationally equivalent Edwards curve, as curve25519-dalek (and so Nym's crate) computes
    /// it. The same bytes as `scalarMult(scalar: k, point: basePoint)`, in about half the time.
    ///
    /// SPEC.md [PRIM-X25519-BASE].
    /// ```text
    /// (x, y) = [c(k)]·B on edwards25519      libsodium crypto_scalarmult_ed25519_base: the
    ///                                          same clamping c, a table of multiples of B
    /// u = (1 + y) / (1 − y) mod p            RFC 7748 §4.1, the map to Curve25519 (B ↦ u = 9)
    /// ```
    ///
    /// - Throws: `PrimitiveError.invalidLength` unless the scalar is 32 bytes.
    public static func publicKey(secret: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(secret, scalarLength, "X25519 scalar")
        Sodium.ensureInitialised()
        // Step 1: [c(k)]·B. libsodium refuses the identity, which needs ℓ | c(k) (no clamped
        // scalar is such a multiple: c(k) = 2^254 + 8m < 8ℓ and ℓ is odd), and an all-zero
        // input, so it is given c(k), which is never zero (it clamps again, without change).
        var clamped = try clamp(secret)
        defer { ByteOps.wipe(&clamped) }
        var edwards = Bytes(repeating: 0, count: 32)
        let rc = crypto_scalarmult_ed25519_base(&edwards, clamped)
        // The Edwards point is the public key in another form [CT-DECLASSIFY-PUBLIC-KEY]: the
        // map below is variable-time GMP arithmetic on it.
        Declassify.publish(&edwards)
        guard Declassify.publish(rc) == 0 else { throw .x25519AllZeroSharedSecret }
        // Step 2: u = (1 + y)/(1 − y) mod p; y is the encoding without x's sign bit.
        edwards[31] &= 0x7f
        let y = GMPInteger(bigEndian: edwards.reversed())
        let one = GMPInteger(1)
        let p = GMPInteger(bigEndian: fieldPrime.reversed())
        guard let inverse = (one - y).mod(p).inverse(mod: p),
            let u = ((one + y) * inverse).mod(p).bigEndianBytes(width: pointLength)
        else { throw .x25519AllZeroSharedSecret }
        return u.reversed()
    }

    /// p = 2^255 − 19, the field of Curve25519 and edwards25519, little-endian as RFC 7748
    /// encodes field elements.
    static let fieldPrime: Bytes = [0xed] + Bytes(repeating: 0xff, count: 30) + [0x7f]

    /// The RFC 7748 §5 clamping, exposed for vectors and for readers: the value libsodium
    /// multiplies by.
    public static func clamp(_ scalar: Bytes) throws(PrimitiveError) -> Bytes {
        try requireLength(scalar, scalarLength, "X25519 scalar")
        var k = scalar
        k[0] &= 248
        k[31] &= 127
        k[31] |= 64
        return k
    }
}

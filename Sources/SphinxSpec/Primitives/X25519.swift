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

    /// X25519(k, 9): the public key of a secret scalar.
    public static func publicKey(secret: Bytes) throws(PrimitiveError) -> Bytes {
        try scalarMult(scalar: secret, point: basePoint)
    }

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

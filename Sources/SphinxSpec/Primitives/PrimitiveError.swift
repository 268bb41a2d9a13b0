/// Errors of the primitives layer. They name what was wrong with an input, never its value.
public enum PrimitiveError: Error, Equatable, Sendable {
    /// An input had the wrong length: what it was, what was expected.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// A requested output length is outside what the primitive allows.
    case invalidOutputLength(what: String, requested: Int)
    /// X25519 produced the all-zero value: the peer's point has small order (RFC 7748 §6.1).
    case x25519AllZeroSharedSecret
    /// A P-224 point encoding was malformed (wrong length or prefix, coordinate ≥ p).
    case invalidPointEncoding
    /// A P-224 point is not on the curve.
    case pointNotOnCurve
    /// The point at infinity appeared where a proper point is required.
    case pointAtInfinity
    /// A scalar was out of range (zero, or not below the group order).
    case invalidScalar
    /// A hex string had a non-hex character at `offset`, or an odd number of digits (then
    /// `offset` is the string's length). SPEC.md CONV-HEX.
    case invalidHex(offset: Int)
    /// The underlying library reported a failure.
    case libraryFailure(String)
}

@inline(__always)
func requireLength(_ bytes: Bytes, _ expected: Int, _ what: String) throws(PrimitiveError) {
    guard bytes.count == expected else {
        throw .invalidLength(what: what, expected: expected, actual: bytes.count)
    }
}

/// Every way the sphinxmix profile can refuse an input. The cases name what was wrong, never a
/// secret value. SPEC.md, chapter sphinxmix, "Errors".
public enum SphinxmixError: Error, Equatable, Sendable {
    /// The parameters cannot describe a working packet (see `SphinxmixParameters.init`).
    case invalidParameters
    /// A group element (α, a public key) is not a valid P-224 point: malformed encoding, not on
    /// the curve, or the point at infinity. Carries the primitive's reason.
    case invalidPoint(PrimitiveError)
    /// A private key or the sender's secret is not a scalar in [1, n).
    case invalidScalar
    /// The header MAC γ does not match μ(h_μ, associated data ‖ β).
    case macMismatch
    /// The associated data does not have the length the parameters fix.
    case associatedDataLength(expected: Int, actual: Int)
    /// The number of associated-data strings is not the number of hops.
    case associatedDataCount(expected: Int, actual: Int)
    /// The decrypted routing entry is not a msgpack value of a known shape, or its length
    /// prefix points outside B.
    case malformedRouting
    /// The forward payload's MAC, or a SURB reply's MAC, does not match.
    case bodyMACMismatch
    /// The replay tag h_τ(s) was seen before.
    case replay
    /// The message (with its encoding and padding) does not fit the body.
    case messageTooLong
    /// The routing entries of the path do not fit in β.
    case routingTooLong
    /// A routing entry is longer than the one-byte (signed, so ≤ 127) length prefix allows.
    case routingEntryTooLong
    /// The path is empty.
    case emptyPath
    /// The destination is empty or 128 bytes or longer (sphinxmix asserts 0 < len < 128).
    case invalidDestination
    /// β or γ does not have the length the parameters fix.
    case invalidHeaderLength
    /// The payload δ does not have the body length.
    case invalidBodyLength
    /// The decrypted body has no 0x7f padding marker.
    case malformedPadding
    /// The decrypted forward payload is not msgpack [destination, message].
    case malformedPayload
    /// A SURB key list is empty or a key is not k bytes.
    case invalidSURBKeys
    /// A primitive refused its input (a length the profile had already checked, so this
    /// indicates a bug rather than bad input).
    case primitive(PrimitiveError)
}

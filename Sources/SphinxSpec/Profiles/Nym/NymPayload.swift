/// The nym payload encoding. Source: sphinx-packet 0.6.0 src/payload/mod.rs.
extension NymProfile {
    /// Encodes the message for the final hop. SPEC.md [NYM-PAYLOAD-1].
    /// ```text
    /// require 33 ≤ L and |m| ≤ L − 17
    /// P = 0^16 ‖ m ‖ 0x01 ‖ 0^{L − 17 − |m|}
    /// ```
    /// `key` is unused: nym's redundancy is the zero prefix, not a MAC.
    public func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes {
        try SphinxLimits.check(payloadLength, maximum: SphinxLimits.maximumPayloadLength, "payload length")
        guard payloadLength >= NymConstants.minimumPayloadLength else {
            throw .payloadSizeTooSmall(minimum: NymConstants.minimumPayloadLength, actual: payloadLength)
        }
        let maximum = payloadLength - NymConstants.payloadOverhead
        guard message.count <= maximum else { throw .messageTooLong(maximum: maximum, actual: message.count) }
        return Bytes.zeros(NymConstants.securityParameter) + message + [0x01]
            + Bytes.zeros(maximum - message.count)
    }

    /// Recovers the message from a fully decrypted payload. SPEC.md [NYM-PAYLOAD-2].
    /// ```text
    /// require P[0, 16) = 0^16            else payloadZeroPrefixMissing
    /// j = the last index ≥ 16 with P[j] = 0x01   else payloadMarkerMissing
    /// m = P[16, j)
    /// ```
    /// As in the crate, the bytes after the last 0x01 are not checked: the 16 zero bytes are
    /// what detects a modified payload (LIONESS turns any change into noise).
    public func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes {
        guard plaintext.count >= NymConstants.payloadOverhead else {
            throw .invalidPayloadLength(actual: plaintext.count)
        }
        guard ByteOps.isAllZero(Array(plaintext.prefix(NymConstants.securityParameter))) else {
            throw .payloadZeroPrefixMissing
        }
        let body = plaintext[NymConstants.securityParameter...]
        guard let marker = body.lastIndex(of: 0x01) else { throw .payloadMarkerMissing }
        return Array(plaintext[NymConstants.securityParameter..<marker])
    }
}

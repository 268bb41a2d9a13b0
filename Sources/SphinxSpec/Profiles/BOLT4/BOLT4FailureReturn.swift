/// Errors of the bolt4 failure return (BOLT #4 "Returning Errors"). They carry lengths and
/// counts only.
public enum BOLT4ReturnError: Error, Equatable, Sendable {
    /// A shared secret that is not 32 bytes.
    case invalidSharedSecretLength(actual: Int)
    /// The failure message does not fit the u16 `failure_len`.
    case failureMessageTooLong(actual: Int)
    /// The return packet is shorter than hmac ‖ failure_len ‖ pad_len (36 bytes).
    case returnPacketTooShort(actual: Int)
    /// No hop's um HMAC matched: the return packet was corrupted, or not from this route.
    case unattributable
    /// The HMAC matched but `failure_len` or `pad_len` run past the end of the packet.
    case malformedFailureMessage

    /// The stable name, as the oracle and the vector files write it.
    public var name: String {
        switch self {
        case .invalidSharedSecretLength: return "invalidSharedSecretLength"
        case .failureMessageTooLong: return "failureMessageTooLong"
        case .returnPacketTooShort: return "returnPacketTooShort"
        case .unattributable: return "unattributable"
        case .malformedFailureMessage: return "malformedFailureMessage"
        }
    }
}

/// The failure the origin recovered: which hop sent it, and its message.
public struct BOLT4DecodedFailure: Sendable, Equatable {
    /// The erring hop's index in the route, 0 for the first hop.
    public let hopIndex: Int
    /// `failuremsg`, without its length and padding.
    public let failureMessage: Bytes
    /// The return packet as the origin saw it after removing layers 0 … hopIndex: hmac ‖
    /// failure_len ‖ failuremsg ‖ pad_len ‖ pad, in the clear.
    public let plaintext: Bytes
}

extension BOLT4 {
    /// The return packet the erring node builds, before and after its own obfuscation. um and
    /// ammag are exposed on purpose: the BOLT's error vectors publish them.
    public struct FailurePacket: Sendable, Equatable {
        /// um = HMAC-SHA256("um", ss).
        public let um: Bytes
        /// ammag = HMAC-SHA256("ammag", ss).
        public let ammag: Bytes
        /// hmac ‖ failure_len ‖ failuremsg ‖ pad_len ‖ pad, in the clear.
        public let plaintext: Bytes
        /// plaintext ⊕ ChaCha20(ammag): what leaves the erring node.
        public let packet: Bytes
    }

    static func checkedSecret(_ ss: Bytes) throws(BOLT4ReturnError) -> Bytes {
        guard ss.count == SHA256.outputLength else { throw .invalidSharedSecretLength(actual: ss.count) }
        return ss
    }

    /// The ammag stream applied to a return packet: `packet ⊕ ChaCha20(ammag, 0^|packet|)`.
    /// SPEC.md [BOLT4-ERROR-OBFUSCATE].
    static func obfuscate(_ packet: Bytes, ammag: Bytes) -> Bytes {
        // ammag is an HMAC output (32 bytes) and the nonce is fixed, so this cannot fail for
        // any packet below 2^38 bytes, which the u16 lengths bound far below.
        let stream = (try? ChaCha20.keystreamIETF(key: ammag, nonce: BOLT4Constants.zeroNonce, length: packet.count))
        return ByteOps.xor(packet, stream ?? Bytes.zeros(packet.count))
    }

    static func u16(_ value: Int) -> Bytes { [UInt8(value >> 8), UInt8(value & 0xff)] }

    /// The erring node's return packet. SPEC.md [BOLT4-ERROR-CREATE].
    /// ```text
    /// pad_len = max(0, 256 − |failuremsg|)
    /// body = u16(|failuremsg|) ‖ failuremsg ‖ u16(pad_len) ‖ 0^pad_len
    /// packet = (HMAC-SHA256(um, body) ‖ body) ⊕ ChaCha20(ammag)
    /// ```
    /// The pad is zeros, as in the BOLT's onion-error-test.json.
    public static func createFailure(sharedSecret: Bytes, failureMessage: Bytes) throws(BOLT4ReturnError)
        -> FailurePacket
    {
        // Step 1: derive um and ammag from the hop's ss. [BOLT4-ERROR-CREATE-1]
        let ss = try checkedSecret(sharedSecret)
        guard failureMessage.count <= Int(UInt16.max) else {
            throw .failureMessageTooLong(actual: failureMessage.count)
        }
        let um = BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.um, ss)
        let ammag = BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.ammag, ss)

        // Step 2: pad the message and authenticate it with um. [BOLT4-ERROR-CREATE-2]
        let padLength = Swift.max(0, BOLT4Constants.failurePaddedLength - failureMessage.count)
        let body = u16(failureMessage.count) + failureMessage + u16(padLength) + Bytes.zeros(padLength)
        let plaintext = HMACSHA256.mac(key: um, message: body) + body

        // Step 3: obfuscate with the ammag stream. [BOLT4-ERROR-CREATE-3]
        return FailurePacket(um: um, ammag: ammag, plaintext: plaintext, packet: obfuscate(plaintext, ammag: ammag))
    }

    /// An earlier hop's transformation of a return packet on its way back. SPEC.md [BOLT4-ERROR-WRAP].
    /// ```text
    /// packet' = packet ⊕ ChaCha20(HMAC-SHA256("ammag", ss))
    /// ```
    public static func wrapFailure(sharedSecret: Bytes, packet: Bytes) throws(BOLT4ReturnError) -> Bytes {
        let ss = try checkedSecret(sharedSecret)
        return obfuscate(packet, ammag: BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.ammag, ss))
    }

    /// `createFailure` with ss as a hop keeps it (`BOLT4ProcessedOnion.sharedSecretStorage`).
    public static func createFailure(sharedSecret: SecretBytes, failureMessage: Bytes) throws(BOLT4ReturnError)
        -> FailurePacket
    {
        try sharedSecret.withTemporaryCopy { (ss) throws(BOLT4ReturnError) in
            try createFailure(sharedSecret: ss, failureMessage: failureMessage)
        }
    }

    /// `wrapFailure` with ss as a hop keeps it (`BOLT4ProcessedOnion.sharedSecretStorage`).
    public static func wrapFailure(sharedSecret: SecretBytes, packet: Bytes) throws(BOLT4ReturnError) -> Bytes {
        try sharedSecret.withTemporaryCopy { (ss) throws(BOLT4ReturnError) in
            try wrapFailure(sharedSecret: ss, packet: packet)
        }
    }

    /// The origin's peeling of a return packet, in a constant number of rounds.
    /// SPEC.md [BOLT4-ERROR-DECODE].
    /// ```text
    /// R = max(27, ν) ; found = none
    /// for i = 0 … R−1:
    ///   ss_i = the i-th hop's ss for i < ν, else 0^32 (constant keys for the extra rounds)
    ///   packet = packet ⊕ ChaCha20(ammag_i)
    ///   ok_i = HMAC-SHA256(um_i, packet[32…]) = packet[0,32)     (constant time, kept as a mask)
    ///   if ok_i and found = none: found = (i, packet)             (masked selection)
    /// found = none → unattributable ; else parse found's packet[32…] → (i, failuremsg)
    /// ```
    /// BOLT #4 "Returning Errors" (origin node): "SHOULD continue decrypting, until the loop has
    /// been repeated 27 times (maximum route length of tlv payload type)" and "SHOULD use
    /// constant `ammag` and `um` keys"; its rationale is that the erring node must not learn its
    /// position from the origin's timing. Every round therefore costs the same, no branch
    /// depends on which round matched, and only the outcome leaves at the end. The result is
    /// the first matching hop, as a loop that stops at the match gives.
    /// - Throws: `returnPacketTooShort`, `unattributable`, `malformedFailureMessage`,
    ///   `invalidSharedSecretLength` (for a secret of the wrong length at or before the match).
    public static func decodeFailure(sharedSecrets: [Bytes], packet: Bytes) throws(BOLT4ReturnError)
        -> BOLT4DecodedFailure
    {
        let hmacLength = HMACSHA256.outputLength
        guard packet.count >= hmacLength + 4 else { throw .returnPacketTooShort(actual: packet.count) }
        // Lengths are public: the first secret of a wrong length ends the real rounds there.
        let usable = sharedSecrets.firstIndex { $0.count != SHA256.outputLength } ?? sharedSecrets.count
        let dummy = Bytes.zeros(SHA256.outputLength)
        var current = packet
        var found: (mask: UInt8, index: UInt64) = (0, 0)
        var foundPacket = Bytes.zeros(packet.count)
        for round in 0..<Swift.max(BOLT4Constants.errorDecodingRounds, sharedSecrets.count) {
            let ss = round < usable ? sharedSecrets[round] : dummy

            // Step 1: remove hop i's obfuscation. [BOLT4-ERROR-DECODE-1]
            current = obfuscate(current, ammag: BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.ammag, ss))

            // Step 2: check hop i's um HMAC in constant time; keep the first match by masks.
            // [BOLT4-ERROR-DECODE-2]
            let um = BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.um, ss)
            let expected = HMACSHA256.mac(key: um, message: Bytes(current[hmacLength...]))
            let ok = unsafeBitCast(
                ByteOps.constantTimeEqual(expected, Bytes(current.prefix(hmacLength))), to: UInt8.self)
            let isReal = UInt8(truncatingIfNeeded: round < usable ? 1 : 0)  // public: the round number
            let first = (0 &- (ok & isReal)) & ~found.mask
            for j in 0..<current.count { foundPacket[j] = (current[j] & first) | (foundPacket[j] & ~first) }
            found.index |= UInt64(round) & (0 &- UInt64(first & 1))
            found.mask |= first
        }
        // Only the outcome leaves: whether a hop matched, which one, and its plaintext, which
        // the origin acts on [CT-DECLASSIFY-ERROR].
        found = Declassify.publish(found)
        Declassify.publish(&foundPacket)
        guard found.mask != 0 else {
            if usable < sharedSecrets.count { throw .invalidSharedSecretLength(actual: sharedSecrets[usable].count) }
            throw .unattributable
        }

        // Step 3: parse failure_len ‖ failuremsg ‖ pad_len ‖ pad. [BOLT4-ERROR-DECODE-3]
        let body = Bytes(foundPacket[hmacLength...])
        let failureLength = Int(body[0]) << 8 | Int(body[1])
        guard 2 + failureLength + 2 <= body.count else { throw .malformedFailureMessage }
        let padLength = Int(body[2 + failureLength]) << 8 | Int(body[3 + failureLength])
        guard 4 + failureLength + padLength == body.count else { throw .malformedFailureMessage }
        return BOLT4DecodedFailure(
            hopIndex: Int(found.index), failureMessage: Bytes(body[2..<(2 + failureLength)]), plaintext: foundPacket)
    }
}

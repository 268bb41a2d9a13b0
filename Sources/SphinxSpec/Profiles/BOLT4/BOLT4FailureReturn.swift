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

    /// The origin's peeling of a return packet. SPEC.md [BOLT4-ERROR-DECODE].
    /// ```text
    /// for i = 0 … ν−1:
    ///   packet = packet ⊕ ChaCha20(ammag_i)
    ///   if HMAC-SHA256(um_i, packet[32…]) = packet[0,32): parse packet[32…], return (i, failuremsg)
    /// fail: unattributable
    /// ```
    /// Not done: BOLT #4's origin "SHOULD continue decrypting" to 27 rounds to hide the
    /// position in its timing; this reference returns at the match (SPEC.md §10).
    /// - Throws: `returnPacketTooShort`, `unattributable`, `malformedFailureMessage`,
    ///   `invalidSharedSecretLength`.
    public static func decodeFailure(sharedSecrets: [Bytes], packet: Bytes) throws(BOLT4ReturnError)
        -> BOLT4DecodedFailure
    {
        let hmacLength = HMACSHA256.outputLength
        guard packet.count >= hmacLength + 4 else { throw .returnPacketTooShort(actual: packet.count) }
        var current = packet
        for (index, secret) in sharedSecrets.enumerated() {
            // Step 1: remove hop i's obfuscation. [BOLT4-ERROR-DECODE-1]
            let ss = try checkedSecret(secret)
            current = obfuscate(current, ammag: BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.ammag, ss))

            // Step 2: check hop i's um HMAC in constant time. [BOLT4-ERROR-DECODE-2]
            let um = BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.um, ss)
            let body = Bytes(current[hmacLength...])
            guard ByteOps.constantTimeEqual(HMACSHA256.mac(key: um, message: body), Bytes(current.prefix(hmacLength)))
            else { continue }

            // Step 3: parse failure_len ‖ failuremsg ‖ pad_len ‖ pad. [BOLT4-ERROR-DECODE-3]
            let failureLength = Int(body[0]) << 8 | Int(body[1])
            guard 2 + failureLength + 2 <= body.count else { throw .malformedFailureMessage }
            let padLength = Int(body[2 + failureLength]) << 8 | Int(body[3 + failureLength])
            guard 4 + failureLength + padLength == body.count else { throw .malformedFailureMessage }
            return BOLT4DecodedFailure(
                hopIndex: index, failureMessage: Bytes(body[2..<(2 + failureLength)]), plaintext: current)
        }
        throw .unattributable
    }
}

/// An `onion_packet` of BOLT #4 "Packet Structure": version ‖ public_key ‖ hop_payloads ‖ hmac,
/// 1366 bytes. SPEC.md [BOLT4-PACKET].
public struct BOLT4Packet: Sendable, Equatable {
    public let version: UInt8
    /// α: the ephemeral public key, 33 bytes compressed (decoded only when processed).
    public let publicKey: Bytes
    /// β: 1300 bytes.
    public let hopPayloads: Bytes
    /// γ: 32 bytes.
    public let hmac: Bytes

    init(header: SphinxHeader) {
        version = BOLT4Constants.version
        publicKey = header.alpha
        hopPayloads = header.beta
        hmac = header.gamma
    }

    /// Splits 1366 bytes into the four fields. SPEC.md see BOLT4-PACKET.
    /// ```text
    /// require |bytes| = 1366 ; version = bytes[0] ; require version = 0
    /// public_key = bytes[1,34) ; hop_payloads = bytes[34,1334) ; hmac = bytes[1334,1366)
    /// ```
    /// - Throws: `invalidPacketLength` for another length; `unknownVersion` for a version
    ///   other than 0 (BOLT #4: "if version is not 0: MUST abort processing").
    public init(bytes: Bytes) throws(SphinxError) {
        guard bytes.count == BOLT4Constants.onionLength else { throw .invalidPacketLength(actual: bytes.count) }
        guard bytes[0] == BOLT4Constants.version else { throw .unknownVersion(UInt16(bytes[0])) }
        let keyEnd = 1 + BOLT4Constants.publicKeyLength
        let payloadsEnd = keyEnd + BOLT4Constants.hopPayloadsLength
        version = bytes[0]
        publicKey = Bytes(bytes[1..<keyEnd])
        hopPayloads = Bytes(bytes[keyEnd..<payloadsEnd])
        hmac = Bytes(bytes[payloadsEnd...])
    }

    public var bytes: Bytes { [version] + publicKey + hopPayloads + hmac }

    public var header: SphinxHeader { SphinxHeader(alpha: publicKey, beta: hopPayloads, gamma: hmac) }
}

/// Errors of the Sphinx layer: the generic algorithm and the profiles built on it.
///
/// One case per failure SPEC.md names. The case names are stable: the oracle and the vector
/// files report them through `name`. No case carries secret material; the values attached
/// are lengths, counts, flags and version numbers, which an observer of the packet already has.
public enum SphinxError: Error, Equatable, Sendable {
    // MARK: Route and message (creation)

    /// The route has no hop.
    case routeEmpty
    /// The route has more hops than the profile allows (nym: 5).
    case routeTooLong(maximum: Int, actual: Int)
    /// Two per-hop inputs (for example route and delays) have different lengths.
    case mismatchedRouteInputs(expected: Int, actual: Int)
    /// The routing entries do not fit in β: the final entry and the forward entries need more
    /// room than the profile's routing-information length.
    case routingInformationTooLong(available: Int, required: Int)
    /// The message does not fit in the payload.
    case messageTooLong(maximum: Int, actual: Int)
    /// The requested payload size is below the profile's minimum.
    case payloadSizeTooSmall(minimum: Int, actual: Int)
    /// A fixed-length input (address, key, identifier, secret) had the wrong length.
    case invalidInputLength(what: String, expected: Int, actual: Int)
    /// A size the caller, a file or a packet chose is above its maximum (SPEC.md SPHINX-LIMITS).
    case sizeAboveMaximum(what: String, maximum: Int, actual: Int)

    // MARK: Packet and header (processing)

    /// The packet is not `header ‖ payload` of an accepted length.
    case invalidPacketLength(actual: Int)
    /// The header bytes have the wrong length.
    case invalidHeaderLength(expected: Int, actual: Int)
    /// α is not an acceptable group element (not on the curve, wrong encoding).
    case invalidGroupElement
    /// The Diffie–Hellman result is the identity (all zeros for X25519): α or a node key has
    /// small order. Deviation for nym: the crate does not check this (SPEC.md security-sphinx).
    case smallOrderGroupElement
    /// The replay tag h_τ(s) was seen before.
    case replayedTag
    /// γ ≠ μ(h_μ(s), β): the header was modified or is not for this node.
    case headerMACMismatch
    /// The decrypted routing entry starts with a flag the profile does not know.
    case unknownRoutingFlag(UInt8)
    /// The routing entry names a packet version the profile does not support.
    case unknownVersion(UInt16)
    /// The decrypted routing entry could not be parsed (length prefix, encoding, version
    /// prefix), or a forward entry leaves no room in B for γ' and β' (SPHINX-PROCESS-8).
    case malformedRoutingEntry

    // MARK: Payload

    /// The payload has a length the profile cannot process.
    case invalidPayloadLength(actual: Int)
    /// The decrypted payload does not start with the κ zero bytes: it was modified, or the
    /// wrong keys were used.
    case payloadZeroPrefixMissing
    /// The decrypted payload has no end-of-message marker (nym: no 0x01 after the prefix).
    case payloadMarkerMissing
    /// The payload MAC (sphinxmix body MAC) does not verify.
    case payloadMACMismatch
    /// The payload was decoded but its content is malformed for the profile.
    case malformedPayload

    // MARK: SURBs

    /// SURB bytes that cannot be parsed.
    case malformedSURB

    // MARK: Below

    /// A primitive rejected its input (a key of the wrong length reaching a cipher).
    case primitive(PrimitiveError)

    /// The stable name of the case, as the oracle and the vector files write it.
    public var name: String {
        switch self {
        case .routeEmpty: return "routeEmpty"
        case .routeTooLong: return "routeTooLong"
        case .mismatchedRouteInputs: return "mismatchedRouteInputs"
        case .routingInformationTooLong: return "routingInformationTooLong"
        case .messageTooLong: return "messageTooLong"
        case .payloadSizeTooSmall: return "payloadSizeTooSmall"
        case .invalidInputLength: return "invalidInputLength"
        case .sizeAboveMaximum: return "sizeAboveMaximum"
        case .invalidPacketLength: return "invalidPacketLength"
        case .invalidHeaderLength: return "invalidHeaderLength"
        case .invalidGroupElement: return "invalidGroupElement"
        case .smallOrderGroupElement: return "smallOrderGroupElement"
        case .replayedTag: return "replayedTag"
        case .headerMACMismatch: return "headerMACMismatch"
        case .unknownRoutingFlag: return "unknownRoutingFlag"
        case .unknownVersion: return "unknownVersion"
        case .malformedRoutingEntry: return "malformedRoutingEntry"
        case .invalidPayloadLength: return "invalidPayloadLength"
        case .payloadZeroPrefixMissing: return "payloadZeroPrefixMissing"
        case .payloadMarkerMissing: return "payloadMarkerMissing"
        case .payloadMACMismatch: return "payloadMACMismatch"
        case .malformedPayload: return "malformedPayload"
        case .malformedSURB: return "malformedSURB"
        case .primitive: return "primitive"
        }
    }
}

extension SphinxError {
    /// `bytes` itself when it has the `expected` length: the check of a fixed-length input
    /// (an address, a key, an identifier) at the boundary where it enters.
    /// - Throws: `invalidInputLength(what:expected:actual:)` otherwise.
    @discardableResult
    static func requireLength(_ bytes: Bytes, _ expected: Int, _ what: String) throws(SphinxError) -> Bytes {
        guard bytes.count == expected else {
            throw .invalidInputLength(what: what, expected: expected, actual: bytes.count)
        }
        return bytes
    }

    /// The length check of `requireLength` for a secret (the length is public).
    static func requireLength(_ secret: SecretBytes, _ expected: Int, _ what: String) throws(SphinxError) {
        guard secret.count == expected else {
            throw .invalidInputLength(what: what, expected: expected, actual: secret.count)
        }
    }

    /// Runs a primitive call and wraps its typed error. X25519's all-zero result becomes
    /// `smallOrderGroupElement`, the name the Sphinx layer gives that failure.
    @inline(__always)
    static func wrap<T>(_ body: () throws(PrimitiveError) -> T) throws(SphinxError) -> T {
        do {
            return try body()
        } catch .x25519AllZeroSharedSecret {
            throw .smallOrderGroupElement
        } catch {
            throw .primitive(error)
        }
    }
}

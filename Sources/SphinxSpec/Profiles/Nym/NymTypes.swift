/// A mix node's address in the nym profile: 32 opaque bytes (NodeAddressBytes).
public struct NymNodeAddress: Sendable, Equatable, Hashable {
    public let bytes: Bytes
    public init(_ bytes: Bytes) throws(SphinxError) {
        self.bytes = try SphinxError.requireLength(bytes, NymConstants.nodeAddressLength, "node address")
    }
}

/// The final destination's address: 32 opaque bytes (DestinationAddressBytes).
public struct NymDestinationAddress: Sendable, Equatable, Hashable {
    public let bytes: Bytes
    public init(_ bytes: Bytes) throws(SphinxError) {
        self.bytes = try SphinxError.requireLength(bytes, NymConstants.destinationAddressLength, "destination address")
    }
}

/// The 16-byte identifier carried to the destination (SURBIdentifier).
public struct NymIdentifier: Sendable, Equatable, Hashable {
    public let bytes: Bytes
    public init(_ bytes: Bytes) throws(SphinxError) {
        self.bytes = try SphinxError.requireLength(bytes, NymConstants.identifierLength, "identifier")
    }
}

/// A per-hop delay: u64 nanoseconds, written big-endian (src/header/delays.rs).
public struct NymDelay: Sendable, Equatable, Hashable {
    public let nanoseconds: UInt64
    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }
    public var bytes: Bytes { ByteOps.bigEndian(nanoseconds, width: NymConstants.delayLength) }
}

/// The final destination: address and identifier (route::Destination).
public struct NymDestination: Sendable, Equatable {
    public let address: NymDestinationAddress
    public let identifier: NymIdentifier
    public init(address: NymDestinationAddress, identifier: NymIdentifier) {
        self.address = address
        self.identifier = identifier
    }
}

/// One mix on a route: its address and its X25519 public key (route::Node).
public struct NymRouteNode: Sendable, Equatable {
    public let address: NymNodeAddress
    public let publicKey: Bytes
    public init(address: NymNodeAddress, publicKey: Bytes) throws(SphinxError) {
        self.address = address
        self.publicKey = try SphinxError.requireLength(publicKey, X25519.pointLength, "node public key")
    }
}

/// The packet versions this implementation speaks. SPEC.md [NYM-VERSION-1].
///
/// sphinx-packet 0.6.0 (src/version.rs) knows 1 and 257 (legacy: unclamped blinding and the
/// 192-byte key), 258 and 259. Deviation [NYM-DEV-2]: only 258 and 259 are implemented; the
/// others are rejected as `unknownVersion` (the crate treats any unknown value like 259).
public enum NymVersion: UInt16, Sendable, Equatable, CaseIterable {
    /// X25519_WITH_EXPLICIT_PAYLOAD_KEYS_VERSION: the payload key is ESS[32, 224). Nym clients
    /// send this (`use_legacy_sphinx_format: true`).
    case explicitPayloadKeys = 258
    /// PAYLOAD_KEYS_SEEDS_VERSION: the payload key is HKDF of the seed ESS[32, 48); the
    /// crate's default (CURRENT_VERSION) in 0.6.0.
    case payloadKeySeeds = 259

    /// The crate's default.
    public static let current = NymVersion.payloadKeySeeds

    /// `[0, hi, lo]`.
    public var bytes: Bytes { [0, UInt8(rawValue >> 8), UInt8(rawValue & 0xff)] }

    /// Reads the 3-byte field. Deviation [NYM-DEV-3]: the first byte must be 0 (the crate only
    /// debug-asserts it); otherwise `malformedRoutingEntry`.
    static func decode(_ field: ArraySlice<UInt8>) throws(SphinxError) -> NymVersion {
        let b = Array(field)
        guard b.count == NymConstants.versionLength, b[0] == 0 else { throw .malformedRoutingEntry }
        let value = UInt16(b[1]) << 8 | UInt16(b[2])
        guard let version = NymVersion(rawValue: value) else { throw .unknownVersion(value) }
        return version
    }
}

/// What a nym forward hop is told: routing block flag 0x01 (the crate's `ForwardHop`). Made by
/// `NymSphinx.commands` and by decoding (NYM-ROUTING-2).
public struct NymForwardHop: Sendable, Equatable {
    /// Where to send the packet next.
    public let nextAddress: NymNodeAddress
    /// How long to hold it first.
    public let delay: NymDelay
    public let version: NymVersion
}

/// What the nym final hop is told: routing block flag 0x02 (the crate's `FinalHop`). Made by
/// `NymSphinx.commands` and by decoding (NYM-ROUTING-2).
public struct NymFinalHop: Sendable, Equatable {
    /// Who the payload is for.
    public let destination: NymDestinationAddress
    /// The identifier carried to the destination (a SURB's id, or zeros).
    public let identifier: NymIdentifier
    public let version: NymVersion
}

/// What a nym hop is told: the decoded routing block. SPEC.md NYM-ROUTING.
public typealias NymRoutingCommand = RoutingCommand<NymProfile>

extension RoutingCommand where P == NymProfile {
    /// The packet version both kinds of block carry.
    public var version: NymVersion {
        switch self {
        case .forward(let hop): return hop.version
        case .final(let hop): return hop.version
        }
    }
}

import SphinxSpec

/// Who a node is, and the 32 bytes that name it on the wire. SPEC.md [LOOPIX-NODE-ADDR].
///
/// Our choice (Nym uses socket addresses for nodes and identity ‖ key ‖ gateway for clients):
/// ```text
/// byte 0      role: 0x01 mix, 0x02 gateway, 0x03 client
/// byte 1      mix layer (0 … l−1); 0 for other roles
/// bytes 2…5   index, u32 big-endian (mix index within its layer, gateway index, client index)
/// bytes 6…9   a client's gateway index, u32 big-endian; 0 for other roles
/// bytes 10…31 zero
/// ```
/// Everything sits in the first 19 bytes, so the SURB-ACK's 19-byte first-hop field
/// (`NymNodeConstants.firstHopAddressLength`) holds any node address: the 32-byte form is the
/// 19-byte form padded with zeros. A client's address names its gateway, as Nym's `Recipient`
/// does, so a sender can route to any recipient from the address alone.
public enum NodeAddress: Sendable, Hashable, CustomStringConvertible {
    case mix(layer: Int, index: Int)
    case gateway(index: Int)
    case client(index: Int, gateway: Int)

    /// The role byte of each case.
    static let mixRole: UInt8 = 0x01
    static let gatewayRole: UInt8 = 0x02
    static let clientRole: UInt8 = 0x03

    /// The 32-byte form.
    public var bytes: Bytes {
        var out = Bytes.zeros(NymConstants.nodeAddressLength)
        let (role, layer, index, gateway): (UInt8, Int, Int, Int)
        switch self {
        case let .mix(l, i): (role, layer, index, gateway) = (Self.mixRole, l, i, 0)
        case let .gateway(i): (role, layer, index, gateway) = (Self.gatewayRole, 0, i, 0)
        case let .client(i, g): (role, layer, index, gateway) = (Self.clientRole, 0, i, g)
        }
        out[0] = role
        out[1] = UInt8(truncatingIfNeeded: layer)
        out.replaceSubrange(2..<6, with: ByteOps.bigEndian(UInt64(UInt32(truncatingIfNeeded: index)), width: 4))
        out.replaceSubrange(6..<10, with: ByteOps.bigEndian(UInt64(UInt32(truncatingIfNeeded: gateway)), width: 4))
        return out
    }

    /// Parses a 32-byte address, or the 19-byte zero-padded form the SURB-ACK carries.
    ///
    /// - Throws: `NodeError.malformedAddress` for a length other than 19 or 32, an unknown role,
    ///   a non-zero byte where the layout has zeros, or a layer on a node that has none.
    public init(bytes: Bytes) throws(NodeError) {
        guard
            bytes.count == NymConstants.nodeAddressLength
                || bytes.count == NymNodeConstants.firstHopAddressLength
        else { throw .malformedAddress }
        guard bytes[10...].allSatisfy({ $0 == 0 }) else { throw .malformedAddress }
        let layer = Int(bytes[1])
        let index = Int(ByteOps.readBigEndian(bytes[2..<6]))
        let gateway = Int(ByteOps.readBigEndian(bytes[6..<10]))
        switch bytes[0] {
        case Self.mixRole where gateway == 0: self = .mix(layer: layer, index: index)
        case Self.gatewayRole where layer == 0 && gateway == 0: self = .gateway(index: index)
        case Self.clientRole where layer == 0: self = .client(index: index, gateway: gateway)
        default: throw .malformedAddress
        }
    }

    /// The address as the Sphinx layer carries it (next hop of a forward routing block).
    public var nymNodeAddress: NymNodeAddress {
        // 32 bytes by construction.
        guard let address = try? NymNodeAddress(bytes) else { preconditionFailure("32-byte address") }
        return address
    }

    /// The address as a Sphinx final routing block's destination.
    public var nymDestination: NymDestination {
        guard let address = try? NymDestinationAddress(bytes),
            let identifier = try? NymIdentifier(.zeros(NymConstants.identifierLength))
        else { preconditionFailure("32-byte destination and 16-byte identifier") }
        // The identifier is 16 zero bytes, as Nym's clients send (nymtech/nym
        // common/nymsphinx/addressing/src/clients.rs:156-163, `Default::default()`).
        return NymDestination(address: address, identifier: identifier)
    }

    /// The first 19 bytes (the SURB-ACK's first-hop field).
    public var shortBytes: Bytes { Array(bytes[0..<NymNodeConstants.firstHopAddressLength]) }

    /// The gateway of a client, nil for other roles.
    public var clientGateway: NodeAddress? {
        if case let .client(_, gateway) = self { return .gateway(index: gateway) }
        return nil
    }

    public var description: String {
        switch self {
        case let .mix(l, i): return "mix(\(l),\(i))"
        case let .gateway(i): return "gateway(\(i))"
        case let .client(i, g): return "client(\(i)@\(g))"
        }
    }
}

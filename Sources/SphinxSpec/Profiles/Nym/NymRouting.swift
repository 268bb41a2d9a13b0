/// Nym routing blocks. Source: sphinx-packet 0.6.0 src/header/routing/nodes.rs and
/// destination.rs. SPEC.md §4.1 "Routing blocks".
extension NymProfile {
    /// Encodes a routing entry. SPEC.md [NYM-ROUTING-1].
    /// ```text
    /// forward (44 B): 0x01 ‖ version (3) ‖ next address (32) ‖ delay (8, u64 BE ns)
    /// final   (52 B): 0x02 ‖ version (3) ‖ destination (32) ‖ identifier (16)
    /// ```
    /// The generic algorithm follows a forward entry with γ_{i+1} (16) and β_{i+1}[0, 240),
    /// and the final entry with random padding and the filler.
    public func encodeRoutingEntry(_ command: NymRoutingCommand) throws(SphinxError) -> Bytes {
        switch command {
        case .forward(let hop):
            return [NymConstants.forwardFlag] + hop.version.bytes + hop.nextAddress.bytes + hop.delay.bytes
        case .final(let hop):
            return [NymConstants.finalFlag] + hop.version.bytes + hop.destination.bytes + hop.identifier.bytes
        }
    }

    /// Parses the decrypted block B (360 bytes). SPEC.md [NYM-ROUTING-2].
    /// ```text
    /// flag = B[0] ; version = B[1, 4)
    /// 0x01: address = B[4, 36), delay = B[36, 44)        (γ' = B[44, 60), β' = B[60, 360))
    /// 0x02: destination = B[4, 36), identifier = B[36, 52)
    /// otherwise: unknownRoutingFlag
    /// ```
    ///
    /// - Throws: `malformedRoutingEntry` for a block shorter than a final entry or a version
    ///   field not starting with 0; `unknownRoutingFlag`; `unknownVersion`.
    public func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<NymProfile> {
        guard block.count >= NymConstants.finalNodeMetaInfoLength else { throw .malformedRoutingEntry }
        let flag = block[0]
        guard flag == NymConstants.forwardFlag || flag == NymConstants.finalFlag else {
            throw .unknownRoutingFlag(flag)
        }
        let version = try NymVersion.decode(block[1..<4])
        if flag == NymConstants.forwardFlag {
            let address = try NymNodeAddress(Array(block[4..<36]))
            let delay = NymDelay(nanoseconds: ByteOps.readBigEndian(block[36..<44]))
            return DecodedRoutingEntry(
                command: .forward(NymForwardHop(nextAddress: address, delay: delay, version: version)),
                length: NymConstants.nodeMetaInfoLength)
        }
        let destination = try NymDestinationAddress(Array(block[4..<36]))
        let identifier = try NymIdentifier(Array(block[36..<52]))
        return DecodedRoutingEntry(
            command: .final(NymFinalHop(destination: destination, identifier: identifier, version: version)),
            length: NymConstants.finalNodeMetaInfoLength)
    }

    /// The final padding length for a route of ν hops. SPEC.md see NYM-CREATE-2.
    /// ```text
    /// 300 − 60·(ν − 1) − 52
    /// ```
    public static func finalPaddingLength(hops nu: Int) -> Int {
        NymConstants.routingInfoLength - NymConstants.routingBlockLength * (nu - 1)
            - NymConstants.finalNodeMetaInfoLength
    }
}

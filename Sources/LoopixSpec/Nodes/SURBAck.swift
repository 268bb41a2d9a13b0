import SphinxSpec

/// Acknowledgements as Nym's client makes them: a ready-made ack packet that the exit gateway
/// sends back to the sender. (Despite its name it is a forward Sphinx packet addressed to the
/// sender, not a Sphinx SURB: nymtech/nym common/nymsphinx/acknowledgements/src/surb_ack.rs:43-99.)
enum SURBAck {
    /// The ack's message. SPEC.md [LOOPIX-NODE-ACK-1].
    /// ```text
    /// ack message = IV (16 random bytes) ‖ AES-128-CTR(ack key, IV, fragment id (5))    21 bytes
    /// ```
    /// As `prepare_identifier` (acknowledgements/src/identifier.rs:13-23).
    static func seal(_ id: FragmentID, ackKey: Bytes, iv: Bytes) -> Bytes {
        // The key (16) and IV (16) lengths are fixed by our own callers.
        guard let ciphertext = try? AES128CTR.apply(key: ackKey, iv: iv, to: id.bytes) else {
            preconditionFailure("ack key and IV are 16 bytes")
        }
        return iv + ciphertext
    }

    /// Recovers the fragment id of an ack message (`recover_identifier`, identifier.rs:25-45);
    /// nil for a message of another length or an id that is not one.
    static func open(_ message: Bytes, ackKey: Bytes) -> FragmentID? {
        guard message.count == NymNodeConstants.ackMessageLength else { return nil }
        let iv = Array(message[0..<NymNodeConstants.ackIVLength])
        let ciphertext = Array(message[NymNodeConstants.ackIVLength...])
        guard let plain = try? AES128CTR.apply(key: ackKey, iv: iv, to: ciphertext) else { return nil }
        return FragmentID(bytes: plain)
    }

    /// Builds the 405-byte SURB-ACK for fragment `id`. SPEC.md [LOOPIX-NODE-ACK-2].
    /// ```text
    /// (route, delays) = route to the sender's own gateway (LOOPIX-NODE-ROUTE-1, Exp(µ) delays)
    /// IV = 16 random bytes ; ack packet = Sphinx(route, delays, destination = sender,
    ///                                          message = ack message, payload 38 bytes)
    /// SURB-ACK = first mix's address (19 bytes) ‖ ack packet (386)
    /// ```
    /// Returns the bytes and the ack's total mix delay (for the timeout, LOOPIX-NODE-CLIENT-5).
    static func make(
        for id: FragmentID, sender: NodeAddress, gateway: Int, ackKey: Bytes,
        topology: Topology, mu: Double, version: NymVersion, random: inout NodeRandomness
    ) throws(NodeError) -> (bytes: Bytes, totalDelay: UInt64) {
        // Step 1: draw the route back to the sender's gateway and its delays.
        let (route, delays) = topology.route(toExit: gateway, mu: mu, random: &random)
        // Step 2: seal the fragment id under a fresh IV.
        let message = seal(id, ackKey: ackKey, iv: random.bytes.bytes(NymNodeConstants.ackIVLength))
        // Step 3: make the ack packet, addressed to the sender.
        let packet: NymForwardPacket
        do {
            packet = try NymSphinx.createForwardPacket(
                route: route, delays: delays, destination: sender.nymDestination, message: message,
                payloadLength: NymNodeConstants.ackPayloadLength, version: version, random: &random.bytes)
        } catch { throw .sphinx(error) }
        // Step 4: prefix the first mix's address, zero-padded to 19 bytes.
        let firstHop = Array(packet.firstHopAddress.bytes[0..<NymNodeConstants.firstHopAddressLength])
        return (firstHop + packet.bytes, Topology.totalMixDelay(delays))
    }

    /// Splits a SURB-ACK at the exit gateway (`try_recover_first_hop_packet`, surb_ack.rs:129-145).
    static func parse(_ bytes: Bytes) -> (firstHop: NodeAddress, packet: Bytes)? {
        guard bytes.count == NymNodeConstants.surbAckLength,
            let firstHop = try? NodeAddress(bytes: Array(bytes[0..<NymNodeConstants.firstHopAddressLength]))
        else { return nil }
        return (firstHop, Array(bytes[NymNodeConstants.firstHopAddressLength...]))
    }
}

/// The 2048-byte plaintext of a regular packet. SPEC.md [LOOPIX-NODE-PAYLOAD].
/// ```text
/// plaintext      = SURB-ACK (405) ‖ ephemeral-key slot (32) ‖ content (1611)
/// content        = fragment (7-byte header ‖ 1604 data)             real
///                | "The cake is a lie!" ‖ 0x01 ‖ 0…                 loop cover
///                | 0^1611                                            drop cover, mix loop
/// client message = ephemeral-key slot ‖ content (1643): what the exit gateway keeps
/// dummy          = 0^1643 (a pull answer's padding)
/// ```
/// Our choices, stated in SPEC.md: the ephemeral-key slot holds 32 random bytes and the content
/// is not encrypted to the recipient (Nym encrypts it under a key agreed with that ephemeral
/// key); without acknowledgements the SURB-ACK slot is 405 zero bytes.
enum PacketPayload {
    enum Content { case fragment(Fragment), loop, cover }

    static func plaintext(surbAck: Bytes, ephemeral: Bytes, content: Content) -> Bytes {
        precondition(surbAck.count == NymNodeConstants.surbAckLength)
        precondition(ephemeral.count == NymNodeConstants.ephemeralKeyLength)
        let body: Bytes
        switch content {
        case .fragment(let fragment): body = fragment.bytes
        case .loop:
            let marked = NymNodeConstants.loopCoverMarker + [0x01]
            body = marked + .zeros(NymNodeConstants.fragmentLength - marked.count)
        case .cover: body = .zeros(NymNodeConstants.fragmentLength)
        }
        return surbAck + ephemeral + body
    }

    /// What a client finds in a message from its gateway.
    enum Received { case ack(Bytes), dummy, loop, fragment(Fragment), malformed }

    static func classify(_ message: Bytes) -> Received {
        if message.count == NymNodeConstants.ackMessageLength { return .ack(message) }
        guard message.count == NymNodeConstants.clientMessageLength else { return .malformed }
        if ByteOps.isAllZero(message) { return .dummy }
        let content = Array(message[NymNodeConstants.ephemeralKeyLength...])
        let marker = NymNodeConstants.loopCoverMarker + [0x01]
        if Array(content.prefix(marker.count)) == marker { return .loop }
        if let fragment = Fragment(bytes: content) { return .fragment(fragment) }
        return .malformed
    }

    static let dummy = Bytes.zeros(NymNodeConstants.clientMessageLength)
}

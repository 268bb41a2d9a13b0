import SphinxSpec
import Testing
@testable import LoopixSpec

@Suite struct GatewayNodeTests {
    /// Entry: a client's frame is forwarded unchanged to the first hop it names, at once; a
    /// client of another gateway and a frame naming no mix are refused.
    @Test func entryForwardsWithoutProcessing() throws {
        let net = try TestNetwork()
        var gateway = try net.gateway(0)
        let packet = Bytes(repeating: 0x5a, count: 2413)
        let frame = NodeAddress.mix(layer: 0, index: 0).bytes + packet
        #expect(
            gateway.handle(.packetArrived(frame, from: .client(index: 3, gateway: 0)), at: 9)
                == [.send(packet, to: .mix(layer: 0, index: 0))])
        #expect(
            gateway.handle(.packetArrived(frame, from: .client(index: 3, gateway: 1)), at: 9)
                == [.drop(.notOurClient)])
        let bad = NodeAddress.client(index: 0, gateway: 0).bytes + packet
        #expect(
            gateway.handle(.packetArrived(bad, from: .client(index: 3, gateway: 0)), at: 9)
                == [.drop(.malformedEntryFrame)])
    }

    /// A packet whose final destination is the gateway itself is drop cover: discarded.
    @Test func dropCoverIsDiscarded() throws {
        let net = try TestNetwork()
        var random = try DeterministicRandom(seed: Bytes(repeating: 3, count: 32))
        let packet = try NymSphinx.createForwardPacket(
            route: [net.topology.gateways[1]], delays: [NymDelay(nanoseconds: 0)],
            destination: NodeAddress.gateway(index: 1).nymDestination, message: .zeros(2048),
            payloadLength: 2065, version: .payloadKeySeeds, random: &random)
        var gateway = try net.gateway(1, behaviour: .loopixPaper)
        #expect(
            gateway.handle(.packetArrived(packet.bytes, from: .mix(layer: 2, index: 0)), at: 0)
                == [.record(.packetProcessed), .drop(.dropCover)])
        #expect(gateway.inboxes.isEmpty)
        // Replayed: dropped by the replay check before anything else.
        #expect(
            gateway.handle(.packetArrived(packet.bytes, from: .mix(layer: 2, index: 0)), at: 1)
                == [.drop(.sphinx(.replayedTag))])
    }

    /// Pull delivery: every answer has exactly pullSize messages, the oldest first, padded
    /// with dummies; the inbox empties in order.
    @Test func pullAnswersHaveExactlyPullSizeMessages() throws {
        let net = try TestNetwork()
        var gateway = try net.gateway(1, behaviour: .loopixPaper, pullSize: 4)
        var random = try DeterministicRandom(seed: Bytes(repeating: 4, count: 32))
        var contents: [Bytes] = []
        for i in 0..<6 {
            let content = Bytes(repeating: UInt8(i + 1), count: NymNodeConstants.clientMessageLength)
            contents.append(content)
            let packet = try NymSphinx.createForwardPacket(
                route: [net.topology.gateways[1]], delays: [NymDelay(nanoseconds: 0)],
                destination: NodeAddress.client(index: 5, gateway: 1).nymDestination,
                message: .zeros(NymNodeConstants.surbAckLength) + content,
                payloadLength: 2065, version: .payloadKeySeeds, random: &random)
            #expect(
                gateway.handle(.packetArrived(packet.bytes, from: .mix(layer: 2, index: 0)), at: 0)
                    == [.record(.packetProcessed)])
        }
        let dummy = Bytes.zeros(1643)
        let client = NodeAddress.client(index: 5, gateway: 1)
        #expect(
            gateway.handle(.pullRequested(by: client), at: 1)
                == [.answerPull(to: client, messages: Array(contents[0..<4]))])
        #expect(
            gateway.handle(.pullRequested(by: client), at: 2)
                == [.answerPull(to: client, messages: Array(contents[4..<6]) + [dummy, dummy])])
        #expect(
            gateway.handle(.pullRequested(by: client), at: 3)
                == [.answerPull(to: client, messages: [dummy, dummy, dummy, dummy])])
    }

    /// With acknowledgements, a regular packet whose SURB-ACK slot does not start with an
    /// address is lost whole (as Nym's gateway); without, the slot is ignored and the message kept.
    @Test func unreadableSURBAckLosesThePacket() throws {
        let net = try TestNetwork()
        var random = try DeterministicRandom(seed: Bytes(repeating: 6, count: 32))
        let content = Bytes(repeating: 0x33, count: NymNodeConstants.clientMessageLength)
        func packet() throws -> Bytes {
            try NymSphinx.createForwardPacket(
                route: [net.topology.gateways[1]], delays: [NymDelay(nanoseconds: 0)],
                destination: NodeAddress.client(index: 2, gateway: 1).nymDestination,
                message: .zeros(NymNodeConstants.surbAckLength) + content,
                payloadLength: 2065, version: .explicitPayloadKeys, random: &random
            ).bytes
        }
        var nym = try net.gateway(1)
        #expect(
            nym.handle(.packetArrived(try packet(), from: .mix(layer: 2, index: 0)), at: 0)
                == [.record(.packetProcessed), .drop(.malformedSURBAck)])
        var paper = try net.gateway(
            1,
            behaviour: PacketBehaviour(
                version: .explicitPayloadKeys, emptySlot: .drop, acknowledgements: false, delivery: .push))
        #expect(
            paper.handle(.packetArrived(try packet(), from: .mix(layer: 2, index: 0)), at: 0)
                == [.record(.packetProcessed), .push(to: .client(index: 2, gateway: 1), message: content)])
    }

    /// A final hop for a client of another gateway is refused.
    @Test func unknownRecipientIsDropped() throws {
        let net = try TestNetwork()
        var random = try DeterministicRandom(seed: Bytes(repeating: 5, count: 32))
        let packet = try NymSphinx.createForwardPacket(
            route: [net.topology.gateways[1]], delays: [NymDelay(nanoseconds: 0)],
            destination: NodeAddress.client(index: 5, gateway: 0).nymDestination, message: .zeros(2048),
            payloadLength: 2065, version: .explicitPayloadKeys, random: &random)
        var gateway = try net.gateway(1)
        #expect(
            gateway.handle(.packetArrived(packet.bytes, from: .mix(layer: 2, index: 0)), at: 0)
                == [.record(.packetProcessed), .drop(.unknownRecipient)])
    }
}

@Suite struct NodeFormatTests {
    /// Addresses: the 32-byte layout, the 19-byte form, and refusals.
    @Test func addressLayout() throws {
        let client = NodeAddress.client(index: 0x01020304, gateway: 7)
        #expect(client.bytes.prefix(10) == [3, 0, 1, 2, 3, 4, 0, 0, 0, 7])
        #expect(try NodeAddress(bytes: client.bytes) == client)
        #expect(try NodeAddress(bytes: client.shortBytes) == client)
        #expect(try NodeAddress(bytes: NodeAddress.mix(layer: 2, index: 9).bytes) == .mix(layer: 2, index: 9))
        #expect(throws: NodeError.malformedAddress) { try NodeAddress(bytes: .zeros(32)) }
        #expect(throws: NodeError.malformedAddress) { try NodeAddress(bytes: client.bytes + [0]) }
        var trailing = client.bytes
        trailing[31] = 1
        #expect(throws: NodeError.malformedAddress) { try NodeAddress(bytes: trailing) }
    }

    /// Nym's sizes, recomputed from their definitions in nymtech/nym (not from our constants).
    @Test func nymSizes() {
        #expect(NymNodeConstants.ackPacketLength == 16 + 5 + 348 + 17)  // packet_sizes.rs ACK_PACKET_SIZE
        #expect(NymNodeConstants.surbAckLength == 386 + 19)
        #expect(NymNodeConstants.fragmentLength == 2048 - 405 - 32)
        #expect(NymNodeConstants.fragmentDataLength == 1604)
        #expect(NymNodeConstants.loopCoverMarker == Bytes("The cake is a lie!".utf8))
    }

    /// Fragment header bytes as Nym writes them, and the split / join round trip.
    @Test func fragments() throws {
        let message = Bytes((0..<4000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let fragments = try Fragment.split(message, setID: 0x1234_5678)
        #expect(fragments.count == 3)  // 4001 bytes with the 0x01 marker: ⌈4001/1604⌉
        #expect(Array(fragments[1].bytes.prefix(7)) == [0x92, 0x34, 0x56, 0x78, 3, 2, 0])
        #expect(Fragment(bytes: fragments[2].bytes) == fragments[2])
        #expect(Fragment.join(fragments) == message)
        // Exactly 1603 bytes fill one fragment with the marker; 1604 need two.
        #expect(try Fragment.split(.zeros(1603), setID: 1).count == 1)
        #expect(try Fragment.split(.zeros(1604), setID: 1).count == 2)
        #expect(throws: NodeError.messageTooLong(maximum: 255 * 1604 - 1, actual: 255 * 1604)) {
            try Fragment.split(.zeros(255 * 1604), setID: 1)
        }
    }

    /// The ack message: IV ‖ AES-128-CTR(key, IV, id), checked against an AES-CTR computed here.
    @Test func ackMessage() throws {
        let key = Bytes(repeating: 0x61, count: 16)
        let iv = Bytes(0..<16)
        let id = FragmentID(setID: 77, position: 3)
        let sealed = SURBAck.seal(id, ackKey: key, iv: iv)
        #expect(sealed.count == 21)
        let keystream = try AES128CTR.keystream(key: key, iv: iv, length: 5)
        #expect(Array(sealed.suffix(5)) == ByteOps.xor(keystream, [0, 0, 0, 77, 3]))
        #expect(SURBAck.open(sealed, ackKey: key) == id)
    }

    /// Nym's ack timeout: 1.5 × total + 1.5 s.
    @Test func ackTimeoutFormula() {
        #expect(ClientNode.ackTimeout(totalDelay: 0) == 1_500_000_000)
        #expect(ClientNode.ackTimeout(totalDelay: 100_000_000) == 1_650_000_000)
        #expect(ClientNode.ackTimeout(totalDelay: 3) == 1_500_000_004)
    }
}

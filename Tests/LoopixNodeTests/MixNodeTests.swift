import SphinxSpec
import Testing
@testable import LoopixSpec

/// A packet made directly with the nym profile (not by a client) through the three mixes to
/// gateway 1, with chosen delays: what a mix must do is fixed by the header alone.
func directPacket(_ net: TestNetwork, delays: [UInt64], seed: UInt8 = 1) throws -> NymForwardPacket {
    let route = net.topology.layers.map { $0[0] } + [net.topology.gateways[1]]
    var random = try DeterministicRandom(seed: Bytes(repeating: seed, count: 32))
    return try NymSphinx.createForwardPacket(
        route: route, delays: (delays + [0]).map { NymDelay(nanoseconds: $0) },
        destination: NodeAddress.client(index: 1, gateway: 1).nymDestination,
        message: Bytes(repeating: 0xab, count: 2048), payloadLength: 2065, version: .explicitPayloadKeys,
        random: &random)
}

/// What a first-layer mix releases for (packet, input number) pairs, in the given order.
func released(_ order: [(NymForwardPacket, UInt64)]) -> [NodeAction] {
    var out: [NodeAction] = []
    for (packet, input) in order {
        out.append(.record(.released(input: input)))
        out.append(.send(packet.packetsAtEachHop[1], to: .mix(layer: 1, index: 0)))
    }
    return out
}

@Suite struct MixNodeTests {
    /// The packet leaves exactly at arrival + header delay, byte-identical to the packet the
    /// creator computed for the next hop, addressed to the next mix.
    @Test func forwardsAtArrivalPlusHeaderDelay() throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [7_000_000, 1, 2])
        var mix = try net.mix(0, 0)
        let arrival: UInt64 = 5 * second + 123
        let actions = mix.handle(.packetArrived(packet.bytes, from: .gateway(index: 0)), at: arrival)
        #expect(actions == [.record(.packetProcessed), .setTimer(.release(0), at: arrival + 7_000_000)])
        // Too early: nothing leaves.
        #expect(mix.handle(.timerFired(.release(0)), at: arrival + 6_999_999).isEmpty)
        let out = mix.handle(.timerFired(.release(0)), at: arrival + 7_000_000)
        #expect(out == [.record(.released(input: 0)), .send(packet.packetsAtEachHop[1], to: .mix(layer: 1, index: 0))])
        #expect(mix.heldCount == 0)
    }

    /// Delay 0 leaves at the arrival time; a delay above Nym's 10 s maximum is clamped to it;
    /// exactly 10 s is kept.
    @Test(arguments: [
        (UInt64(0), UInt64(0)), (10 * second, 10 * second), (10 * second + 1, 10 * second),
        (UInt64.max, 10 * second),
    ])
    func delayZeroAndMaximum(headerDelay: UInt64, held: UInt64) throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [headerDelay, 0, 0])
        var mix = try net.mix(0, 0)
        let actions = mix.handle(.packetArrived(packet.bytes, from: .gateway(index: 0)), at: 1000)
        #expect(actions.last == .setTimer(.release(0), at: 1000 + held))
        if held > 0 { #expect(mix.handle(.timerFired(.release(0)), at: 1000 + held - 1).isEmpty) }
        #expect(mix.handle(.timerFired(.release(0)), at: 1000 + held).count == 2)
    }

    /// Equal departure times leave in input order, whichever release timer the driver fires
    /// first; an earlier departure leaves first even if it arrived later.
    @Test func equalDeparturesLeaveInInputOrder() throws {
        let net = try TestNetwork()
        let a = try directPacket(net, delays: [10, 0, 0], seed: 1)  // arrives 0, leaves 10
        let b = try directPacket(net, delays: [5, 0, 0], seed: 2)  // arrives 5, leaves 10
        let c = try directPacket(net, delays: [0, 0, 0], seed: 3)  // arrives 10, leaves 10
        let d = try directPacket(net, delays: [1, 0, 0], seed: 4)  // arrives 8, leaves 9
        var mix = try net.mix(0, 0)
        _ = mix.handle(.packetArrived(a.bytes, from: .gateway(index: 0)), at: 0)
        _ = mix.handle(.packetArrived(b.bytes, from: .gateway(index: 0)), at: 5)
        _ = mix.handle(.packetArrived(d.bytes, from: .gateway(index: 0)), at: 8)
        _ = mix.handle(.packetArrived(c.bytes, from: .gateway(index: 0)), at: 10)
        // The driver fires the last-set timer first: the order must not change.
        let out = mix.handle(.timerFired(.release(3)), at: 10)
        let expected = released([(d, 2), (a, 0), (b, 1), (c, 3)])
        #expect(out == expected)
        #expect(mix.handle(.timerFired(.release(0)), at: 10).isEmpty)
    }

    /// Packets arriving at the same time with the same delay leave in arrival order (the
    /// order the driver handed them over), at that time plus the delay.
    @Test func equalArrivalTimesLeaveInArrivalOrder() throws {
        let net = try TestNetwork()
        let packets = try (1...4).map { try directPacket(net, delays: [250, 0, 0], seed: UInt8($0)) }
        var mix = try net.mix(0, 0)
        for p in [packets[2], packets[0], packets[3], packets[1]] {
            _ = mix.handle(.packetArrived(p.bytes, from: .gateway(index: 0)), at: 77)
        }
        let out = mix.handle(.timerFired(.release(1)), at: 327)
        let expected = released([(packets[2], 0), (packets[0], 1), (packets[3], 2), (packets[1], 3)])
        #expect(out == expected)
    }

    /// The same packet twice: the second is dropped as replayedTag and counted; after two key
    /// epochs the tag is forgotten (REPLAY-ROTATE-1).
    @Test func replayIsDropped() throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [1, 1, 1])
        var mix = try net.mix(0, 0)
        _ = mix.handle(.packetArrived(packet.bytes, from: .gateway(index: 0)), at: 0)
        let gateway = NodeAddress.gateway(index: 0)
        #expect(mix.handle(.packetArrived(packet.bytes, from: gateway), at: 1) == [.drop(.sphinx(.replayedTag))])
        _ = mix.handle(.keyEpochRotated, at: 2)
        #expect(mix.handle(.packetArrived(packet.bytes, from: gateway), at: 3) == [.drop(.sphinx(.replayedTag))])
        _ = mix.handle(.keyEpochRotated, at: 4)
        #expect(mix.handle(.packetArrived(packet.bytes, from: gateway), at: 5).first == .record(.packetProcessed))
        #expect(mix.dropCounts == ["replayedTag": 2])
    }

    /// A flipped bit in β, a flipped bit in α, a truncated packet: each dropped with its error.
    @Test func tamperedPacketsAreDropped() throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [1, 1, 1])
        var beta = packet.bytes
        beta[100] ^= 0x01
        var mix = try net.mix(0, 0)
        let gateway = NodeAddress.gateway(index: 0)
        #expect(mix.handle(.packetArrived(beta, from: gateway), at: 0) == [.drop(.sphinx(.headerMACMismatch))])
        let short = Array(packet.bytes.prefix(300))
        #expect(
            mix.handle(.packetArrived(short, from: .gateway(index: 0)), at: 0)
                == [.drop(.sphinx(.invalidPacketLength(actual: 300)))])
        // The untouched packet still goes through: the tampered ones did not record the tag.
        #expect(mix.handle(.packetArrived(packet.bytes, from: gateway), at: 0).first == .record(.packetProcessed))
        #expect(mix.dropCounts == ["headerMACMismatch": 1, "invalidPacketLength": 1])
    }

    /// A final hop at a mix that is not its own loop is dropped.
    @Test func finalHopForSomeoneElseIsDropped() throws {
        let net = try TestNetwork()
        var random = try DeterministicRandom(seed: Bytes(repeating: 9, count: 32))
        let packet = try NymSphinx.createForwardPacket(
            route: [net.topology.layers[0][0]], delays: [NymDelay(nanoseconds: 0)],
            destination: NodeAddress.client(index: 0, gateway: 0).nymDestination, message: [1, 2, 3],
            payloadLength: 2065, version: .explicitPayloadKeys, random: &random)
        var mix = try net.mix(0, 0)
        #expect(
            mix.handle(.packetArrived(packet.bytes, from: .gateway(index: 0)), at: 0)
                == [.record(.packetProcessed), .drop(.unexpectedFinalHop)])
    }
}

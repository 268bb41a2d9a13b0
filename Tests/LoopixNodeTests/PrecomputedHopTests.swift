import SphinxSpec
import Testing
@testable import LoopixSpec

/// A mix handed its processing done ahead (LOOPIX-PKT-AHEAD) does exactly what it does without:
/// the same actions, the replay check still in arrival order, and a result computed for other
/// bytes or another node's key is not used.
@Suite struct PrecomputedHopTests {
    @Test func aheadGivesTheSameActionsAndStillDropsReplays() throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [5, 1, 1])
        let gateway = NodeAddress.gateway(index: 0)
        var plain = try net.mix(0, 0)
        var ahead = try net.mix(0, 0)
        let hop = ahead.hopKey.precompute(packet.bytes)
        #expect(hop.forward?.packet == packet.packetsAtEachHop[1])
        for time: UInt64 in [0, 1] {
            let expected = plain.handle(.packetArrived(packet.bytes, from: gateway), at: time)
            let got = ahead.handle(.packetArrived(packet.bytes, from: gateway), at: time, precomputed: hop)
            #expect(got == expected)
        }
        // The second arrival was a replay for both (the control: the first one was not).
        #expect(plain.dropCounts == ["replayedTag": 1] && ahead.dropCounts == ["replayedTag": 1])
        #expect(plain.handle(.timerFired(.release(0)), at: 5) == ahead.handle(.timerFired(.release(0)), at: 5))
    }

    @Test func aheadForOtherBytesOrAnotherKeyIsIgnored() throws {
        let net = try TestNetwork()
        let packet = try directPacket(net, delays: [1, 1, 1])
        let other = try directPacket(net, delays: [1, 1, 1], seed: 2)
        let gateway = NodeAddress.gateway(index: 0)
        var mix = try net.mix(0, 0)
        // Processed ahead for other bytes: the mix processes this packet itself.
        let wrongBytes = mix.hopKey.precompute(other.bytes)
        let actions = mix.handle(.packetArrived(packet.bytes, from: gateway), at: 0, precomputed: wrongBytes)
        #expect(actions == [.record(.packetProcessed), .setTimer(.release(0), at: 1)])
        // Processed ahead by another node (the next mix, where the packet fails): not used either.
        let wrongKey = try net.mix(1, 0).hopKey.precompute(other.bytes)
        #expect(wrongKey.forward == nil)
        let second = mix.handle(.packetArrived(other.bytes, from: gateway), at: 0, precomputed: wrongKey)
        #expect(second == [.record(.packetProcessed), .setTimer(.release(1), at: 1)])
    }
}

import Testing
@testable import SphinxSpec

struct RoundTripTests {
    /// Sends a packet through 1…5 hops for both versions and checks each hop's outcome.
    @Test(arguments: 1...5, NymVersion.allCases)
    func forwardPacketRoundTrip(hops: Int, version: NymVersion) throws {
        let nodes = try Fixture.nodes(hops)
        let destination = try Fixture.destination()
        let delays = Fixture.delays(hops)
        var random = try Fixture.random()
        let message = Bytes("hello over \(hops) hops".utf8)
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: delays, destination: destination,
            message: message, version: version, random: &random)
        #expect(packet.bytes.count == NymConstants.headerLength + NymConstants.defaultPayloadLength)

        var bytes = packet.bytes
        for i in 0..<hops {
            let processed = try NymSphinx.processPacket(bytes, nodeSecret: nodes[i].secret)
            #expect(processed.version == version)
            #expect(processed.replayTag == packet.creation.headerCreation.hops[i].keys.hTau)
            #expect(processed.trace.alpha == packet.creation.headerCreation.hops[i].alpha)
            #expect(processed.payloadOut == packet.creation.deltas[i + 1])
            switch processed.result {
            case let .forward(next, address, delay):
                #expect(i < hops - 1)
                #expect(address == nodes[i + 1].route.address)
                #expect(delay == delays[i])
                bytes = next
            case let .final(dest, identifier, _, recovered):
                #expect(i == hops - 1)
                #expect(dest == destination.address)
                #expect(identifier == destination.identifier)
                #expect(recovered == message)
            }
        }
    }
}

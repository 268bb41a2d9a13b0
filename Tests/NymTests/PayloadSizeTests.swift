import Testing
@testable import SphinxSpec

struct PayloadSizeTests {
    /// Every payload size Nym uses (crate default 1024; nym's regular 2048 + 17 and extended
    /// 8, 16, 32 KiB + 17), both versions, with the largest message that fits.
    @Test(arguments: NymConstants.knownPayloadLengths, NymVersion.allCases)
    func largestMessageRoundTrips(payloadLength: Int, version: NymVersion) throws {
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        let message = (0..<(payloadLength - 17)).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(),
            message: message, payloadLength: payloadLength, version: version, random: &random)
        #expect(packet.bytes.count == 348 + payloadLength)
        // The encoded plaintext: 0^16 ‖ m ‖ 0x01 (no zeros left at the maximum).
        #expect(packet.creation.deltas[3] == Bytes.zeros(16) + message + [1])
        var bytes = packet.bytes
        for node in nodes {
            let processed = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
            switch processed.result {
            case let .forward(next, _, _): bytes = next
            case let .final(_, _, payload, recovered):
                #expect(payload.count == payloadLength)
                #expect(recovered == message)
            }
        }
    }

    /// Nym's packet lengths on the wire (nymtech/nym packet_sizes.rs): regular 2413 bytes.
    @Test func wireLengths() {
        #expect(NymConstants.headerLength + NymConstants.regularPayloadLength == 2413)
        #expect(NymConstants.headerLength + NymConstants.extended8PayloadLength == 8 * 1024 + 365)
    }

    /// The payload format: 0^16 ‖ m ‖ 0x01 ‖ 0… and a message ending in 0x01 bytes is cut at
    /// the last 0x01 only (crate test `it_is_possible_to_recover_plaintext_even_if_is_just_ones`).
    @Test func encodingAndMessagesOfOnes() throws {
        let profile = NymProfile()
        let encoded = try profile.encodePayload(message: [0xaa, 0xbb], payloadLength: 40, key: [])
        #expect(encoded == Bytes.zeros(16) + [0xaa, 0xbb, 0x01] + Bytes.zeros(21))
        let ones = Bytes(repeating: 1, count: 160)
        let encodedOnes = try profile.encodePayload(message: ones, payloadLength: 1024, key: [])
        #expect(try profile.decodePayload(encodedOnes, key: []) == ones)
        #expect(
            try profile.decodePayload(profile.encodePayload(message: [], payloadLength: 33, key: []), key: []) == [])
    }
}

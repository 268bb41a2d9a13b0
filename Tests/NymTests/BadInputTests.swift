import Testing
@testable import SphinxSpec

/// Every kind of bad input ends in a typed `SphinxError` case.
struct BadInputTests {
    /// A single-hop packet for `node` whose plaintext β is `plainBeta`, with a correct γ: lets a
    /// test put any flag or version in front of the hop.
    static func craftedPacket(node: Fixture.Node, plainBeta: Bytes, payload: Bytes = Bytes.zeros(1024)) throws -> Bytes
    {
        let x = Bytes(repeating: 0x42, count: 32)
        let alpha = try X25519.publicKey(secret: x)
        let s = try X25519.scalarMult(scalar: x, point: node.route.publicKey)
        let keys = try NymHopKeys(sharedSecret: s)
        let stream = try AES128CTR.keystream(key: keys.streamCipherKey, iv: Bytes.zeros(16), length: 300)
        let beta = ByteOps.xor(plainBeta, stream)
        let gamma = Array(HMACSHA256.mac(key: keys.macKey, message: beta).prefix(16))
        return alpha + gamma + beta + payload
    }

    static func expectError(_ expected: SphinxError, _ body: () throws(SphinxError) -> Void) {
        do {
            try body()
            Issue.record("expected \(expected.name), got success")
        } catch {
            #expect(error == expected, "expected \(expected.name), got \(error.name)")
        }
    }

    @Test func wrongPacketLength() throws {
        let node = try Fixture.nodes(1)[0]
        Self.expectError(.invalidPacketLength(actual: 100)) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(Bytes.zeros(100), nodeSecret: node.secret)
        }
        // 348 + 32: the payload is one byte too short for LIONESS.
        Self.expectError(.invalidPacketLength(actual: 380)) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(Bytes.zeros(380), nodeSecret: node.secret)
        }
    }

    @Test func headerMACMismatch() throws {
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(),
            message: [1, 2, 3], random: &random)
        for position in [40, 100, 347] {  // γ, β, last byte of β
            var bytes = packet.bytes
            bytes[position] ^= 0x80
            Self.expectError(.headerMACMismatch) { () throws(SphinxError) in
                _ = try NymSphinx.processPacket(bytes, nodeSecret: nodes[0].secret)
            }
        }
        // The right packet at the wrong node fails the same way.
        Self.expectError(.headerMACMismatch) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(packet.bytes, nodeSecret: nodes[1].secret)
        }
    }

    @Test func unknownRoutingFlag() throws {
        let node = try Fixture.nodes(1)[0]
        for flag: UInt8 in [0x00, 0x03, 0xff] {
            let plain = [flag] + NymVersion.explicitPayloadKeys.bytes + Bytes(repeating: 7, count: 296)
            let bytes = try Self.craftedPacket(node: node, plainBeta: plain)
            Self.expectError(.unknownRoutingFlag(flag)) { () throws(SphinxError) in
                _ = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
            }
        }
    }

    @Test func unknownVersion() throws {
        let node = try Fixture.nodes(1)[0]
        // 1 and 257 are the crate's legacy versions, which this implementation does not speak;
        // 260 is a later crate's; 0xffff is nothing.
        for version: UInt16 in [1, 257, 260, 0xffff] {
            let plain = [0x02, 0, UInt8(version >> 8), UInt8(version & 0xff)] + Bytes(repeating: 7, count: 296)
            let bytes = try Self.craftedPacket(node: node, plainBeta: plain)
            Self.expectError(.unknownVersion(version)) { () throws(SphinxError) in
                _ = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
            }
        }
        // The first version byte must be zero.
        let plain = [0x01, 1, 1, 2] + Bytes(repeating: 7, count: 296)
        let bytes = try Self.craftedPacket(node: node, plainBeta: plain)
        Self.expectError(.malformedRoutingEntry) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
        }
    }

    /// A final payload whose 16 leading bytes are not zero: the packet still processes (the
    /// destination gets the payload), the message is absent and the reason is given.
    @Test func payloadWithoutZeroPrefix() throws {
        let nodes = try Fixture.nodes(2)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(),
            message: Bytes("tamper".utf8), random: &random)
        var bytes = packet.bytes
        bytes[bytes.count - 1] ^= 1  // the payload is not covered by γ
        let first = try NymSphinx.processPacket(bytes, nodeSecret: nodes[0].secret)
        guard case let .forward(next, _, _) = first.result else { Issue.record("expected forward"); return }
        let last = try NymSphinx.processPacket(next, nodeSecret: nodes[1].secret)
        guard case let .final(_, _, payload, message) = last.result else { Issue.record("expected final"); return }
        #expect(message == nil)
        #expect(last.payloadError == .payloadZeroPrefixMissing)
        Self.expectError(.payloadZeroPrefixMissing) { () throws(SphinxError) in
            _ = try NymSphinx.recoverMessage(finalPayload: payload)
        }
    }

    /// A payload of 0^16 followed only by zeros has no 0x01 marker.
    @Test func payloadWithoutMarker() throws {
        Self.expectError(.payloadMarkerMissing) { () throws(SphinxError) in
            _ = try NymSphinx.recoverMessage(finalPayload: Bytes.zeros(1024))
        }
        // The same through a packet: the sender layers an unmarked plaintext.
        let nodes = try Fixture.nodes(2)
        let profile = NymProfile()
        var padding = FixedRandom(Bytes.zeros(NymProfile.finalPaddingLength(hops: 2)))
        let commands = try NymSphinx.commands(
            route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(), version: .current)
        let header = try Sphinx.createHeader(
            profile: profile, initialSecret: Bytes(repeating: 5, count: 32),
            publicKeys: nodes.map(\.route.publicKey), forwardCommands: commands.forward,
            finalCommand: commands.final, random: &padding)
        let delta = try Sphinx.addPayloadLayers(
            profile: profile, plaintext: Bytes.zeros(1024), keys: header.payloadKeys)[0]
        var bytes = NymSphinx.encodeHeader(header.header) + delta
        for (i, node) in nodes.enumerated() {
            let processed = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
            switch processed.result {
            case let .forward(next, _, _): bytes = next
            case let .final(_, _, _, message):
                #expect(i == 1)
                #expect(message == nil)
                #expect(processed.payloadError == .payloadMarkerMissing)
            }
        }
        Self.expectError(.invalidPayloadLength(actual: 16)) { () throws(SphinxError) in
            _ = try NymSphinx.recoverMessage(finalPayload: Bytes.zeros(16))
        }
    }

    @Test func malformedSURBBytes() throws {
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        let created = try NymSphinx.createSURB(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(),
            version: .payloadKeySeeds, random: &random)
        let good = created.surb.bytes
        #expect(try NymSURB(bytes: good) == created.surb)
        // Too short: no key at all.
        Self.expectError(.malformedSURB) { () throws(SphinxError) in _ = try NymSURB(bytes: Array(good.prefix(380))) }
        Self.expectError(.malformedSURB) { () throws(SphinxError) in _ = try NymSURB(bytes: Array(good.prefix(10))) }
        // Seeds that are not a multiple of 16 bytes.
        Self.expectError(.malformedSURB) { () throws(SphinxError) in _ = try NymSURB(bytes: good + [0]) }
        // Keys that are not a multiple of 192 bytes.
        Self.expectError(.malformedSURB) { () throws(SphinxError) in
            _ = try NymSURB(bytes: Array(good.prefix(380)) + Bytes.zeros(200))
        }
        // More keys than a route can have.
        Self.expectError(.malformedSURB) { () throws(SphinxError) in
            _ = try NymSURB(bytes: Array(good.prefix(380)) + Bytes.zeros(16 * 6))
        }
        Self.expectError(.malformedSURB) { () throws(SphinxError) in
            _ = try NymSURB(bytes: Array(good.prefix(380)) + Bytes.zeros(192 * 6))
        }
    }

    @Test func replayedTag() throws {
        let nodes = try Fixture.nodes(2)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(),
            message: [9], random: &random)
        var cache = try ReplayCache(capacityPerEpoch: 1000, hashKey: Bytes(repeating: 1, count: 32))
        _ = try NymSphinx.processPacket(packet.bytes, nodeSecret: nodes[0].secret, replayCache: &cache)
        Self.expectError(.replayedTag) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(packet.bytes, nodeSecret: nodes[0].secret, replayCache: &cache)
        }
        // Still caught one key rotation later (the previous epoch's filter is kept)...
        cache.rotate()
        Self.expectError(.replayedTag) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(packet.bytes, nodeSecret: nodes[0].secret, replayCache: &cache)
        }
        // ...and forgotten after two, when the node's old key is gone anyway.
        cache.rotate()
        #expect(throws: Never.self) {
            try NymSphinx.processPacket(packet.bytes, nodeSecret: nodes[0].secret, replayCache: &cache)
        }
    }

    /// Small-order α: X25519 gives all zeros. The crate does not check; we reject.
    @Test(arguments: [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ])
    func smallOrderAlpha(alphaHex: String) throws {
        let node = try Fixture.nodes(1)[0]
        let bytes = Fixture.hex(alphaHex) + Bytes.zeros(316) + Bytes.zeros(1024)
        Self.expectError(.smallOrderGroupElement) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
        }
    }

    @Test func routeLengths() throws {
        let nodes = try Fixture.nodes(6)
        var random = try Fixture.random()
        Self.expectError(.routeEmpty) { () throws(SphinxError) in
            _ = try NymSphinx.createForwardPacket(
                route: [], delays: [], destination: Fixture.destination(), message: [], random: &random)
        }
        Self.expectError(.routeTooLong(maximum: 5, actual: 6)) { () throws(SphinxError) in
            _ = try NymSphinx.createForwardPacket(
                route: nodes.map(\.route), delays: Fixture.delays(6), destination: Fixture.destination(), message: [],
                random: &random)
        }
        Self.expectError(.routeEmpty) { () throws(SphinxError) in
            _ = try NymSphinx.createSURB(route: [], delays: [], destination: Fixture.destination(), random: &random)
        }
        Self.expectError(.routeTooLong(maximum: 5, actual: 6)) { () throws(SphinxError) in
            _ = try NymSphinx.createSURB(
                route: nodes.map(\.route), delays: Fixture.delays(6), destination: Fixture.destination(),
                random: &random)
        }
        Self.expectError(.mismatchedRouteInputs(expected: 3, actual: 2)) { () throws(SphinxError) in
            _ = try NymSphinx.createForwardPacket(
                route: Array(nodes.prefix(3)).map(\.route), delays: Fixture.delays(2),
                destination: Fixture.destination(), message: [], random: &random)
        }
    }

    @Test func messageTooLarge() throws {
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        for length in NymConstants.knownPayloadLengths {
            let maximum = length - 17
            Self.expectError(.messageTooLong(maximum: maximum, actual: maximum + 1)) { () throws(SphinxError) in
                _ = try NymSphinx.createForwardPacket(
                    route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(),
                    message: Bytes(repeating: 1, count: maximum + 1), payloadLength: length, random: &random)
            }
        }
        let surb = try NymSphinx.createSURB(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(), random: &random)
        Self.expectError(.messageTooLong(maximum: 1007, actual: 5000)) { () throws(SphinxError) in
            _ = try NymSphinx.useSURB(surb.surb, message: Bytes.zeros(5000))
        }
        Self.expectError(.payloadSizeTooSmall(minimum: 33, actual: 32)) { () throws(SphinxError) in
            _ = try NymSphinx.createForwardPacket(
                route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(),
                message: [], payloadLength: 32, random: &random)
        }
    }

    @Test func wrongLengthInputs() throws {
        Self.expectError(.invalidInputLength(what: "node address", expected: 32, actual: 31)) {
            () throws(SphinxError) in
            _ = try NymNodeAddress(Bytes.zeros(31))
        }
        let nodes = try Fixture.nodes(2)
        Self.expectError(.invalidInputLength(what: "final padding", expected: 188, actual: 187)) {
            () throws(SphinxError) in
            _ = try NymSphinx.createForwardPacket(
                route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(), message: [],
                randomness: NymPacketRandomness(initialSecret: Bytes.zeros(32), finalPadding: Bytes.zeros(187)))
        }
        Self.expectError(.invalidInputLength(what: "node secret", expected: 32, actual: 3)) { () throws(SphinxError) in
            _ = try NymSphinx.processPacket(Bytes.zeros(2000), nodeSecret: [1, 2, 3])
        }
    }
}

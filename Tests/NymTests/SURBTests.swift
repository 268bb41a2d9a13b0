import Testing
@testable import SphinxSpec

struct SURBTests {
    /// Create, serialise, parse, use, and recover at the SURB's final hop, for 1…5 hops and
    /// both versions.
    @Test(arguments: 1...5, NymVersion.allCases)
    func surbRoundTrip(hops: Int, version: NymVersion) throws {
        let nodes = try Fixture.nodes(hops, seed: 11)
        let destination = try Fixture.destination()
        var random = try Fixture.random(13)
        let created = try NymSphinx.createSURB(
            route: nodes.map(\.route), delays: Fixture.delays(hops), destination: destination,
            version: version, random: &random)

        // The crate's serialisation (src/surb/mod.rs test `to_bytes_returns_correct_value`):
        // header ‖ first hop address ‖ every hop's key (258) or seed (259).
        let keyUnit = version == .explicitPayloadKeys ? 192 : 16
        let bytes = created.surb.bytes
        #expect(bytes.count == 348 + 32 + hops * keyUnit)
        #expect(Array(bytes[0..<348]) == NymSphinx.encodeHeader(created.creation.header))
        #expect(Array(bytes[348..<380]) == nodes[0].route.address.bytes)
        for i in 0..<hops {
            let piece = Array(bytes[(380 + i * keyUnit)..<(380 + (i + 1) * keyUnit)])
            let expected =
                version == .explicitPayloadKeys
                ? created.creation.hops[i].payloadKey
                : created.creation.hops[i].keys.detail("payloadKeySeed")
            #expect(piece == expected)
        }

        // Parse it back and reply with it.
        let parsed = try NymSURB(bytes: bytes)
        #expect(parsed == created.surb)
        let reply = Bytes("a reply through \(hops) hops".utf8)
        let packet = try NymSphinx.useSURB(parsed, message: reply)
        #expect(packet.firstHopAddress == nodes[0].route.address)

        var current = packet.bytes
        for i in 0..<hops {
            let processed = try NymSphinx.processPacket(current, nodeSecret: nodes[i].secret)
            #expect(processed.version == version)
            switch processed.result {
            case let .forward(next, address, _):
                #expect(address == nodes[i + 1].route.address)
                current = next
            case let .final(dest, identifier, _, message):
                #expect(i == hops - 1)
                #expect(dest == destination.address)
                #expect(identifier == destination.identifier)
                #expect(message == reply)
            }
        }
    }

    /// The same SURB header with the same reply gives the same bytes (no randomness in use).
    @Test func useIsDeterministic() throws {
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        let created = try NymSphinx.createSURB(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(), random: &random)
        #expect(try NymSphinx.useSURB(created.surb, message: [1]) == NymSphinx.useSURB(created.surb, message: [1]))
    }

    /// The generic sphinxmix-style recovery (reply key k̃ plus the hop keys) on the nym
    /// primitives: the creator undoes the hops' π⁻¹ and then k̃.
    @Test func genericReplyKeyRecovery() throws {
        let profile = NymProfile()
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        let commands = try NymSphinx.commands(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(), version: .current)
        let header = try Sphinx.createSURB(
            profile: profile, initialSecret: random.bytes(32), publicKeys: nodes.map(\.route.publicKey),
            forwardCommands: commands.forward, finalCommand: commands.final, random: &random)
        let replyKey = random.bytes(192)
        let delta0 = try Sphinx.useSURB(profile: profile, keys: [replyKey], message: [7, 7, 7], payloadLength: 1024)[0]
        var delta = delta0
        var sphinxHeader = header.header
        for node in nodes {
            let processed = try Sphinx.processPacket(
                profile: profile, nodeSecret: node.secret, header: sphinxHeader, delta: delta)
            delta = processed.delta
            if case let .forward(_, next) = processed.header.outcome { sphinxHeader = next }
        }
        let message = try Sphinx.recoverSURBReply(
            profile: profile, delta: delta, hopKeys: header.payloadKeys, replyKey: replyKey)
        #expect(message == [7, 7, 7])
    }
}

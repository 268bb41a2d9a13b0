import Testing
@testable import SphinxSpec

/// The trace's intermediate values recomputed directly from the primitives and the byte
/// layouts of SPEC.md §4.1, without the generic code: what another implementation would do
/// to compare step by step.
struct IntermediateValueTests {
    @Test(arguments: 1...5)
    func creationTraceMatchesTheLayouts(hops: Int) throws {
        let nodes = try Fixture.nodes(hops, seed: 21)
        let destination = try Fixture.destination()
        let delays = Fixture.delays(hops)
        let x = Bytes(repeating: 0x5a, count: 32)
        let padding = (0..<NymProfile.finalPaddingLength(hops: hops)).map { UInt8(truncatingIfNeeded: $0) }
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: delays, destination: destination, message: [1, 2],
            version: .explicitPayloadKeys,
            randomness: NymPacketRandomness(initialSecret: x, finalPadding: padding))
        let trace = packet.creation.headerCreation
        #expect(trace.finalPadding == padding)
        #expect(trace.filler.count == 60 * (hops - 1))

        // α_0 = X25519(x, 9); s_i by folding X25519 over [x, b_0, …] from y_i; α_{i+1} = X25519(b_i, α_i).
        var alpha = try X25519.publicKey(secret: x)
        var factors = [x]
        for i in 0..<hops {
            let hop = trace.hops[i]
            #expect(hop.alpha == alpha)
            var s = nodes[i].route.publicKey
            for f in factors { s = try X25519.scalarMult(scalar: f, point: s) }
            #expect(hop.sharedSecret == s)
            // Node side: s = X25519(x_node, α).
            #expect(try X25519.scalarMult(scalar: nodes[i].secret, point: alpha) == s)
            let ess = try HKDFSHA256.deriveKey(
                salt: [], ikm: s, info: NymConstants.expandedSharedSecretInfo, length: 288)
            #expect(hop.keys.hRho == Array(ess[0..<16]))
            #expect(hop.keys.hMu == Array(ess[16..<32]))
            #expect(hop.payloadKey == Array(ess[32..<224]))
            #expect(hop.keys.b == Array(ess[224..<256]))
            #expect(hop.keys.hTau == Array(ess[256..<288]))
            // γ_i = HMAC-SHA256(h_μ, β_i)[0, 16).
            #expect(hop.gamma == Array(HMACSHA256.mac(key: hop.keys.hMu, message: hop.beta).prefix(16)))
            // β_i decrypts to the routing block of SPEC.md's byte diagram.
            let plain = ByteOps.xor(
                hop.beta, try AES128CTR.keystream(key: hop.keys.hRho, iv: Bytes.zeros(16), length: 300))
            #expect(Array(plain[1..<4]) == [0, 1, 2])  // version 258
            if i < hops - 1 {
                #expect(plain[0] == 0x01)
                #expect(Array(plain[4..<36]) == nodes[i + 1].route.address.bytes)
                #expect(Array(plain[36..<44]) == ByteOps.bigEndian(delays[i].nanoseconds, width: 8))
                #expect(Array(plain[44..<60]) == trace.hops[i + 1].gamma)
                #expect(Array(plain[60..<300]) == Array(trace.hops[i + 1].beta.prefix(240)))
            } else {
                #expect(plain[0] == 0x02)
                #expect(Array(plain[4..<36]) == destination.address.bytes)
                #expect(Array(plain[36..<52]) == destination.identifier.bytes)
                #expect(Array(plain[52..<(52 + padding.count)]) == padding)
                #expect(Array(hop.beta.suffix(trace.filler.count)) == trace.filler)
            }
            alpha = try X25519.scalarMult(scalar: hop.keys.b, point: alpha)
            factors.append(hop.keys.b)
        }

        // The filler: φ_i = (φ_{i−1} ‖ 0^60) ⊕ ρ_{i−1}[360 − 60·i, 360).
        var phi = Bytes()
        for i in 1..<hops {
            let stream = try AES128CTR.keystream(key: trace.hops[i - 1].keys.hRho, iv: Bytes.zeros(16), length: 360)
            phi = ByteOps.xor(phi + Bytes.zeros(60), Array(stream[(360 - 60 * i)..<360]))
        }
        #expect(phi == trace.filler)

        // δ_i = LIONESS(K_i, δ_{i+1}) with δ_ν = 0^16 ‖ m ‖ 0x01 ‖ 0….
        let deltas = packet.creation.deltas
        #expect(deltas.last == Bytes.zeros(16) + [1, 2, 1] + Bytes.zeros(1024 - 19))
        for i in 0..<hops {
            #expect(
                try LionessChaCha20BLAKE2b.encrypt(key: trace.hops[i].payloadKey, block: deltas[i + 1]) == deltas[i])
        }
        #expect(packet.bytes == alpha0(trace) + trace.hops[0].gamma + trace.hops[0].beta + deltas[0])
    }

    private func alpha0(_ trace: HeaderCreation) -> Bytes { trace.hops[0].alpha }

    /// Version 259: h_π = HKDF(salt, seed = ESS[32, 48), info, 192).
    @Test func version259PayloadKey() throws {
        let nodes = try Fixture.nodes(2)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(2), destination: Fixture.destination(),
            message: [], version: .payloadKeySeeds, random: &random)
        for hop in packet.creation.headerCreation.hops {
            let seed = try #require(hop.keys.detail("expandedSharedSecret")).dropFirst(32).prefix(16)
            let key = try HKDFSHA256.deriveKey(
                salt: Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT".utf8), ikm: Array(seed),
                info: Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO".utf8), length: 192)
            #expect(hop.payloadKey == key)
        }
    }

    /// Processing exposes the same values the sender computed.
    @Test func processingTraceMatchesCreation() throws {
        let nodes = try Fixture.nodes(4)
        var random = try Fixture.random()
        let packet = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(4), destination: Fixture.destination(),
            message: [3], random: &random)
        var bytes = packet.bytes
        #expect(packet.packetsAtEachHop[0] == packet.bytes)
        for (i, node) in nodes.enumerated() {
            let hop = packet.creation.headerCreation.hops[i]
            #expect(bytes == packet.packetsAtEachHop[i])
            let processed = try NymSphinx.processPacket(bytes, nodeSecret: node.secret)
            #expect(processed.trace.sharedSecret == hop.sharedSecret)
            #expect(processed.trace.keys == hop.keys)
            #expect(processed.trace.payloadKey == hop.payloadKey)
            #expect(processed.trace.expectedGamma == hop.gamma)
            #expect(processed.payloadIn == packet.creation.deltas[i])
            if case let .forward(next, _, _) = processed.result {
                let nextHop = packet.creation.headerCreation.hops[i + 1]
                #expect(next == nextHop.alpha + nextHop.gamma + nextHop.beta + packet.creation.deltas[i + 1])
                bytes = next
            }
        }
    }

    /// Same inputs, same bytes.
    @Test func deterministic() throws {
        let nodes = try Fixture.nodes(3)
        var r1 = try Fixture.random(3)
        var r2 = try Fixture.random(3)
        let a = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(), message: [1],
            random: &r1)
        let b = try NymSphinx.createForwardPacket(
            route: nodes.map(\.route), delays: Fixture.delays(3), destination: Fixture.destination(), message: [1],
            random: &r2)
        #expect(a == b)
        #expect(r1.drawn == a.randomness.initialSecret + a.randomness.finalPadding)
    }

    /// The fixed key pairs in the crate's test
    /// `it_returns_correct_routing_information_at_each_hop_for_route_of_3_mixnodes_with_legacy_processing`
    /// (src/header/mod.rs): public = X25519(secret, 9). A 258/259 packet with the test's fixed
    /// initial secret then routes through them.
    @Test func crateFixedKeyPairs() throws {
        let secrets: [Bytes] = [
            [
                202, 37, 190, 57, 90, 36, 148, 40, 37, 203, 207, 229, 5, 80, 8, 77, 227, 95, 67, 20, 47, 83, 220, 34,
                164, 207, 5, 212, 97, 151, 142, 168,
            ],
            [
                130, 31, 0, 83, 139, 16, 225, 239, 132, 130, 122, 18, 217, 187, 91, 87, 250, 137, 152, 220, 254, 153,
                246, 249, 252, 43, 153, 191, 152, 48, 154, 170,
            ],
            [
                116, 204, 108, 186, 75, 233, 232, 22, 79, 66, 65, 176, 196, 246, 253, 30, 133, 153, 109, 229, 133, 177,
                40, 42, 175, 72, 80, 70, 161, 7, 187, 155,
            ],
        ]
        let publics: [Bytes] = [
            [
                105, 91, 210, 146, 245, 155, 27, 169, 192, 123, 75, 121, 19, 204, 59, 187, 190, 150, 131, 118, 151, 77,
                180, 144, 253, 88, 6, 212, 63, 5, 51, 7,
            ],
            [
                178, 47, 98, 179, 103, 199, 16, 245, 35, 85, 9, 63, 138, 212, 83, 233, 169, 31, 205, 20, 73, 238, 141,
                204, 19, 35, 226, 138, 44, 67, 225, 46,
            ],
            [
                21, 93, 4, 80, 178, 177, 7, 218, 192, 213, 58, 157, 239, 242, 139, 45, 75, 26, 225, 54, 174, 21, 159,
                25, 62, 87, 187, 46, 92, 246, 136, 81,
            ],
        ]
        let initialSecret: Bytes = [
            104, 106, 58, 28, 53, 127, 216, 216, 8, 84, 74, 171, 220, 71, 145, 25, 205, 24, 253, 23, 120, 124, 255, 114,
            14, 246, 179, 119, 101, 14, 10, 89,
        ]
        for (s, p) in zip(secrets, publics) { #expect(try X25519.publicKey(secret: s) == p) }
        let route = try (0..<3).map {
            try NymRouteNode(
                address: NymNodeAddress(Bytes(repeating: UInt8($0 + 1), count: 32)), publicKey: publics[$0])
        }
        for version in NymVersion.allCases {
            let packet = try NymSphinx.createForwardPacket(
                route: route, delays: Fixture.delays(3), destination: Fixture.destination(), message: [42],
                version: version,
                randomness: NymPacketRandomness(
                    initialSecret: initialSecret, finalPadding: Bytes.zeros(NymProfile.finalPaddingLength(hops: 3))))
            var bytes = packet.bytes
            for (i, secret) in secrets.enumerated() {
                let processed = try NymSphinx.processPacket(bytes, nodeSecret: secret)
                switch processed.result {
                case let .forward(next, address, _):
                    #expect(address == route[i + 1].address)
                    bytes = next
                case let .final(_, _, _, message): #expect(message == [42])
                }
            }
        }
    }
}

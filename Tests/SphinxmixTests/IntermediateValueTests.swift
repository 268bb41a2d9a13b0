import Testing
@testable import SphinxSpec

// The intermediate values the generic algorithm records for the sphinxmix profile, recomputed
// from the primitives (P224, SHA-256, AES-CTR) by the formulas of SPEC.md §4.2 (SMX-GROUP,
// SMX-KEYS), and the sender's view of each hop compared with the hop's own view.

@Test func creationTraceFollowsTheFormulas() throws {
    let network = try TestNetwork(size: 5, seed: 11)
    let params = SphinxmixParameters.defaults
    var random = try DeterministicRandom(seed: Bytes(repeating: 0x77, count: 32))
    let forward = try Sphinxmix.createForwardMessage(
        parameters: params, path: network.path(5), destination: Bytes("d".utf8),
        message: Bytes("m".utf8), random: &random)
    let hops = forward.creation.headerCreation.hops
    var product = try P224.Scalar(canonical: forward.randomness.initialSecret)  // x·b_0⋯b_{i−1} mod n
    for (i, hop) in hops.enumerated() {
        // α_i = (x·b_0⋯b_{i−1})·G and s_i = (x·b_0⋯b_{i−1})·y_i.
        #expect(hop.alpha == (try product.timesGenerator().encoded), "α_\(i)")
        let s = try network.keys[i].publicKey.multiplied(by: product)
        #expect(hop.sharedSecret == s.encoded, "s_\(i)")
        // aes_s = SHA-256("aes_key:" ‖ s)[0,16); h_x = AES-CTR(aes_s, flavour)(0^16).
        let aesS = Bytes(SHA256.hash(Bytes("aes_key:".utf8) + s.encoded).prefix(16))
        #expect(hop.keys.detail("aes_s") == aesS)
        func h(_ flavour: String) throws -> Bytes {
            try AES128CTR.apply(key: aesS, iv: Bytes(flavour.utf8), to: Bytes.zeros(16))
        }
        #expect(hop.keys.hRho == (try h("hrhohrhohrhohrho")))
        #expect(hop.keys.hMu == (try h("hmu:hmu:hmu:hmu:")))
        #expect(hop.payloadKey == (try h("hpi:hpi:hpi:hpi:")))
        #expect(hop.keys.hTau == (try h("htauhtauhtauhtau")))
        let b = P224.Scalar(reducing: try h("hbhbhbhbhbhbhbhb"))
        #expect(hop.keys.b == b.bytes)
        product = product.times(b)
        // γ_i = μ(h_μ, β_i) (no associated data).
        #expect(hop.gamma == Bytes(HMACSHA256.mac(key: hop.keys.hMu, message: hop.beta).prefix(16)))
    }
    // Routing entries: relay(id_{i+1}) with a length byte, then the destination command.
    #expect(
        hops.map(\.routingEntry.hex) == [
            "0792a2c3b0c40101", "0792a2c3b0c40102", "0792a2c3b0c40103", "0792a2c3b0c40104", "0491a2c3b1",
        ])
    // The filler: (ν−1)·(8 + 16) bytes; the padding fills the rest of β.
    #expect(forward.creation.headerCreation.filler.count == 4 * 24)
    #expect(forward.randomness.finalPadding.count == 160 - 4 * 24 - 5)
}

@Test func eachHopSeesWhatTheSenderComputed() throws {
    let network = try TestNetwork(size: 4, seed: 12)
    let params = try SphinxmixParameters(headerLength: 224, bodyLength: 700, associatedLength: 3)
    let ad: [Bytes] = [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]]
    var random = try DeterministicRandom(seed: Bytes(repeating: 0x78, count: 32))
    let forward = try Sphinxmix.createForwardMessage(
        parameters: params, path: network.path(4), destination: Bytes("d".utf8),
        message: Bytes("m".utf8), associatedData: ad, random: &random)
    var current = forward.packet
    for i in 0..<4 {
        let sent = forward.creation.headerCreation.hops[i]
        #expect(current.header.alpha == sent.alpha)
        #expect(current.header.beta == sent.beta)
        #expect(current.header.gamma == sent.gamma)
        #expect(current.delta == forward.creation.deltas[i])
        let out = try Sphinxmix.process(
            parameters: params, privateKey: network.keys[i].privateKey, packet: current, associatedData: ad[i])
        #expect(out.trace.sharedSecret == sent.sharedSecret)
        #expect(out.trace.keys == sent.keys)
        #expect(out.macKey == sent.payloadKey)
        #expect(out.replayTag == sent.keys.hTau)
        #expect(out.payloadOut == forward.creation.deltas[i + 1])
        #expect(out.routingBytes == Array(sent.routingEntry.dropFirst()))
        if case .relay(_, let next) = out.result { current = next }
    }
    // δ_ν is MAC ‖ padded payload under the last hop's h_π.
    let body = forward.creation.deltas[4]
    #expect(
        Array(body.prefix(16))
            == Array(
                HMACSHA256.mac(
                    key: forward.creation.headerCreation.hops[3].payloadKey,
                    message: Array(body.dropFirst(16))
                ).prefix(16)))
}

import Testing
@testable import SphinxSpec

/// A small fixed setting for the offline tests.
private struct Fixture {
    let params = SphinxmixParameters.defaults
    let profile = SphinxmixProfile()
    let network: TestNetwork
    init() throws { network = try TestNetwork(size: 8, seed: 3) }

    func forward(
        _ hops: Int = 3, message: Bytes = Bytes("hi".utf8), ad: [Bytes]? = nil,
        params p: SphinxmixParameters? = nil
    ) throws -> SphinxmixForwardMessage {
        var random = try DeterministicRandom(seed: Bytes(repeating: 9, count: 32))
        return try Sphinxmix.createForwardMessage(
            parameters: p ?? params, path: network.path(hops), destination: Bytes("bob".utf8),
            message: message, associatedData: ad, random: &random)
    }

    /// A one-hop packet whose decrypted routing information starts with `entry` (length prefix
    /// included), built by hand from the profile's keys so that the MAC is right.
    func packetWithRouting(_ entry: Bytes) throws -> SphinxmixPacket {
        let x = try P224.Scalar(canonical: Bytes(repeating: 0x11, count: 28))
        let s = try network.keys[0].publicKey.multiplied(by: x)
        let keys = try SphinxmixHopKeys(sharedSecret: s)
        let plain = entry + Bytes.zeros(params.betaLength - entry.count)
        let beta = ByteOps.xor(plain, try profile.rho(key: keys.streamCipherKey, length: params.betaLength))
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        return SphinxmixPacket(
            header: SphinxHeader(alpha: try x.timesGenerator().encoded, beta: beta, gamma: gamma),
            delta: Bytes.zeros(params.bodyLength))
    }

    func process(_ packet: SphinxmixPacket, hop: Int = 0, ad: Bytes = []) throws -> SphinxmixProcessedPacket {
        try Sphinxmix.process(
            parameters: params, privateKey: network.keys[hop].privateKey, packet: packet, associatedData: ad)
    }
}

@Test func alphaNotOnCurveOrMalformedOrInfinity() throws {
    let f = try Fixture()
    let good = try f.forward().packet
    let h = good.header
    var offCurve = h.alpha
    offCurve[30] ^= 0x01
    let badAlphas: [Bytes] = [offCurve, Array(h.alpha.prefix(29)), [0x00], [0x02] + Array(h.alpha[1..<29])]
    for alpha in badAlphas {
        #expect(throws: SphinxError.invalidGroupElement) {
            try SphinxmixPacket(alpha: alpha, beta: h.beta, gamma: h.gamma, delta: good.delta, parameters: f.params)
        }
        // The same α reaching processing directly is refused there too.
        #expect(throws: SphinxError.invalidGroupElement) {
            try f.process(
                SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: h.beta, gamma: h.gamma), delta: good.delta))
        }
    }
    #expect(throws: SphinxError.invalidHeaderLength(expected: 160, actual: 159)) {
        try SphinxmixPacket(
            alpha: h.alpha, beta: Array(h.beta.dropLast()), gamma: h.gamma, delta: good.delta, parameters: f.params)
    }
    #expect(throws: SphinxError.invalidPayloadLength(actual: 1023)) {
        try SphinxmixPacket(
            alpha: h.alpha, beta: h.beta, gamma: h.gamma, delta: Array(good.delta.dropLast()), parameters: f.params)
    }
}

@Test func headerMACMismatch() throws {
    let f = try Fixture()
    let p = try f.forward().packet
    var beta = p.header.beta
    beta[0] ^= 0x80
    #expect(throws: SphinxError.headerMACMismatch) {
        try f.process(
            SphinxmixPacket(
                header: SphinxHeader(alpha: p.header.alpha, beta: beta, gamma: p.header.gamma), delta: p.delta))
    }
    // The wrong node key gives a different s, so the MAC fails too.
    #expect(throws: SphinxError.headerMACMismatch) { try f.process(p, hop: 1) }
}

@Test func associatedDataOfTheWrongLength() throws {
    let f = try Fixture()
    let withAD = try SphinxmixParameters(associatedLength: 4)
    let ad = [Bytes("AAAA".utf8), Bytes("BBBB".utf8), Bytes("CCCC".utf8)]
    let p = try f.forward(ad: ad, params: withAD).packet
    let key = f.network.keys[0].privateKey
    #expect(throws: SphinxError.invalidInputLength(what: "associated data", expected: 4, actual: 3)) {
        try Sphinxmix.process(parameters: withAD, privateKey: key, packet: p, associatedData: Bytes("AAA".utf8))
    }
    // Right length, wrong content: the MAC covers the associated data.
    #expect(throws: SphinxError.headerMACMismatch) {
        try Sphinxmix.process(parameters: withAD, privateKey: key, packet: p, associatedData: Bytes("AAAB".utf8))
    }
    _ = try Sphinxmix.process(parameters: withAD, privateKey: key, packet: p, associatedData: ad[0])
    #expect(throws: SphinxError.invalidInputLength(what: "associated data", expected: 4, actual: 5)) {
        try f.forward(ad: [Bytes("AAAAA".utf8), ad[1], ad[2]], params: withAD)
    }
    #expect(throws: SphinxError.mismatchedRouteInputs(expected: 3, actual: 2)) {
        try f.forward(ad: Array(ad.prefix(2)), params: withAD)
    }
    #expect(throws: SphinxError.invalidInputLength(what: "associated data", expected: 4, actual: 0)) {
        try f.forward(ad: nil, params: withAD)
    }
    #expect(throws: SphinxError.invalidInputLength(what: "associated data", expected: 0, actual: 4)) {
        try f.process(try f.forward().packet, ad: ad[0])
    }
    // With assoc_len = 0, sphinxmix ignores given associated data; this profile refuses it (E4).
    #expect(throws: SphinxError.invalidInputLength(what: "associated data", expected: 0, actual: 4)) {
        try f.forward(ad: ad)
    }
    _ = try f.forward(ad: [[], [], []])
}

@Test func malformedMsgpackRouting() throws {
    let f = try Fixture()
    // 0xc1 is the one byte msgpack never uses.
    #expect(throws: SphinxError.malformedRoutingEntry) { try f.process(try f.packetWithRouting([0x02, 0x91, 0xc1])) }
    // Valid msgpack of an unknown command: ["\u{F3}"].
    #expect(throws: SphinxError.malformedRoutingEntry) {
        try f.process(try f.packetWithRouting([0x04, 0x91, 0xa2, 0xc3, 0xb3]))
    }
    // A relay whose id is a string instead of bytes.
    #expect(throws: SphinxError.malformedRoutingEntry) {
        try f.process(try f.packetWithRouting([0x05, 0x92, 0xa2, 0xc3, 0xb0, 0xa0]))
    }
    // A destination command with trailing bytes inside its length.
    #expect(throws: SphinxError.malformedRoutingEntry) {
        try f.process(try f.packetWithRouting([0x05, 0x91, 0xa2, 0xc3, 0xb1, 0x90]))
    }
    // Sanity: the same construction with a good entry is accepted.
    let ok = try f.process(try f.packetWithRouting([0x04, 0x91, 0xa2, 0xc3, 0xb1]))
    #expect(ok.routing == .destination)
}

@Test func bodyMACMismatchForwardAndSURB() throws {
    let f = try Fixture()
    let p = try f.forward(1).packet
    var delta = p.delta
    delta[500] ^= 0x01
    let r = try f.process(SphinxmixPacket(header: p.header, delta: delta))
    #expect(throws: SphinxError.payloadMACMismatch) {
        try Sphinxmix.receiveForward(parameters: f.params, macKey: r.macKey, body: r.payloadOut)
    }
    var random = try DeterministicRandom(seed: Bytes(repeating: 4, count: 32))
    let surb = try Sphinxmix.createSURB(
        parameters: f.params, path: f.network.path(2), destination: Bytes("me".utf8), random: &random)
    var current = try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes("ok".utf8))
    for hop in 0..<2 {
        let out = try f.process(current, hop: hop)
        current = SphinxmixPacket(header: current.header, delta: out.payloadOut)
        if case .relay(_, let next) = out.result { current = next }
    }
    #expect(try Sphinxmix.receiveSURB(parameters: f.params, keys: surb.keys, body: current.delta) == Bytes("ok".utf8))
    var bad = current.delta
    bad[0] ^= 0x01
    #expect(throws: SphinxError.payloadMACMismatch) {
        try Sphinxmix.receiveSURB(parameters: f.params, keys: surb.keys, body: bad)
    }
    #expect(throws: SphinxError.malformedSURB) {
        try Sphinxmix.receiveSURB(parameters: f.params, keys: [surb.keys[0]], body: current.delta)
    }
    #expect(throws: SphinxError.invalidPayloadLength(actual: 1023)) {
        try Sphinxmix.receiveForward(parameters: f.params, macKey: r.macKey, body: Array(delta.dropLast()))
    }
}

@Test func malformedForwardPayload() throws {
    // A body with a valid MAC whose content is not msgpack [destination, message].
    let f = try Fixture()
    let key = Bytes(repeating: 0x42, count: 16)
    let body = try f.profile.encodePayload(message: [0x91, 0xc4, 0x00], payloadLength: 1024, key: key)
    #expect(throws: SphinxError.malformedPayload) {
        try Sphinxmix.receiveForward(parameters: f.params, macKey: key, body: body)
    }
}

@Test func replayRefused() throws {
    let f = try Fixture()
    let p = try f.forward().packet
    var cache = try ReplayCache(capacityPerEpoch: 100, hashKey: Bytes(repeating: 1, count: 32))
    let key = f.network.keys[0].privateKey
    _ = try Sphinxmix.process(parameters: f.params, privateKey: key, packet: p, replayCache: &cache)
    #expect(throws: SphinxError.replayedTag) {
        try Sphinxmix.process(parameters: f.params, privateKey: key, packet: p, replayCache: &cache)
    }
}

@Test func messageTooLong() throws {
    let f = try Fixture()
    // msgpack([bin "bob", bin message]) = 1 + 5 + 3 + |message| bytes for |message| in 256…65535;
    // with the 0x7f marker it must fit in m − k = 1008, so 998 bytes is the most that fits.
    _ = try f.forward(1, message: Bytes(repeating: 0x61, count: 998))
    #expect(throws: SphinxError.messageTooLong(maximum: 1007, actual: 1008)) {
        try f.forward(1, message: Bytes(repeating: 0x61, count: 999))
    }
    // sphinxmix's own assertion, k + 1 + |destination| + |message| < m, is checked first.
    #expect(throws: SphinxError.messageTooLong(maximum: 1006, actual: 1010)) {
        try f.forward(1, message: Bytes(repeating: 0x61, count: 1007))
    }
    var random = try DeterministicRandom(seed: Bytes(repeating: 5, count: 32))
    let surb = try Sphinxmix.createSURB(
        parameters: f.params, path: f.network.path(1), destination: Bytes("me".utf8), random: &random)
    _ = try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes.zeros(1007))
    #expect(throws: SphinxError.messageTooLong(maximum: 1007, actual: 1008)) {
        try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes.zeros(1008))
    }
}

@Test func pathAndDestinationLimits() throws {
    let f = try Fixture()
    _ = try f.forward(7)  // 6 relay entries of 8 + 16 bytes and the 5-byte final entry: 149 of 160
    #expect(throws: SphinxError.routingInformationTooLong(available: 160, required: 173)) { try f.forward(8) }
    #expect(throws: SphinxError.routeEmpty) { try f.forward(0) }
    var random = try DeterministicRandom(seed: Bytes(repeating: 6, count: 32))
    #expect(throws: SphinxError.invalidInputLength(what: "destination", expected: 127, actual: 0)) {
        try Sphinxmix.createForwardMessage(
            parameters: f.params, path: f.network.path(1), destination: [], message: [], random: &random)
    }
    let longID = SphinxmixPathHop(nodeID: Bytes.zeros(130), publicKey: f.network.keys[1].publicKey)
    #expect(throws: SphinxError.invalidInputLength(what: "routing command", expected: 127, actual: 136)) {
        try Sphinxmix.createForwardMessage(
            parameters: f.params, path: [f.network.path(1)[0], longID],
            destination: [1], message: [], random: &random)
    }
    // Explicit randomness must have exactly the padding length the path needs.
    let x = Bytes(repeating: 0x22, count: 28)
    #expect(throws: SphinxError.invalidInputLength(what: "final padding", expected: 155, actual: 3)) {
        try Sphinxmix.createForwardMessage(
            parameters: f.params, path: f.network.path(1), destination: [1], message: [],
            randomness: SphinxmixPacketRandomness(initialSecret: x, finalPadding: [1, 2, 3]))
    }
    #expect(throws: SphinxError.invalidInputLength(what: "header length", expected: 64, actual: 40)) {
        try SphinxmixParameters(headerLength: 40)
    }
    #expect(throws: SphinxError.primitive(.invalidScalar)) { try SphinxmixNodeKey(privateKey: Bytes.zeros(28)) }
}

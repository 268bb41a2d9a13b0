import Testing
@testable import SphinxSpec

/// A small fixed setting for the offline tests.
private struct Fixture {
    let params = SphinxmixParameters.defaults
    let network: TestNetwork
    init() throws { network = try TestNetwork(size: 8, seed: 3) }

    func forward(_ hops: Int = 3, message: Bytes = Bytes("hi".utf8), ad: [Bytes]? = nil,
                 params p: SphinxmixParameters? = nil) throws -> SphinxmixForwardCreation {
        var random = try DeterministicRandom(seed: Bytes(repeating: 9, count: 32))
        return try Sphinxmix.createForwardMessage(parameters: p ?? params, path: network.path(hops), destination: Bytes("bob".utf8),
                                                  message: message, associatedData: ad, random: &random)
    }

    /// A one-hop packet whose decrypted routing entry is `entry` (length prefix included),
    /// built by hand with the profile's own keys so the MAC is right.
    func packetWithRouting(_ entry: Bytes) throws -> SphinxmixPacket {
        let x = try P224.Scalar(canonical: Bytes(repeating: 0x11, count: 28))
        let s = try network.keys[0].publicKey.multiplied(by: x)
        let keys = try SphinxmixHopKeys(sharedSecret: s)
        let plain = entry + Bytes.zeros(params.betaLength - entry.count)
        let beta = try SphinxmixCrypto.rho(key: keys.hRho, data: plain)
        let gamma = SphinxmixCrypto.mu(key: keys.hMu, data: beta)
        let header = SphinxmixHeader(alpha: try x.timesGenerator(), beta: beta, gamma: gamma)
        return SphinxmixPacket(header: header, delta: Bytes.zeros(params.bodyLength))
    }
}

@Test func alphaNotOnCurveOrMalformedOrInfinity() throws {
    let f = try Fixture()
    let good = try f.forward().packet.header
    var offCurve = good.alpha.encoded
    offCurve[30] ^= 0x01
    #expect(throws: SphinxmixError.invalidPoint(.pointNotOnCurve)) {
        try SphinxmixHeader(alpha: offCurve, beta: good.beta, gamma: good.gamma, parameters: f.params)
    }
    #expect(throws: SphinxmixError.invalidPoint(.invalidPointEncoding)) {
        try SphinxmixHeader(alpha: Array(good.alpha.encoded.prefix(29)), beta: good.beta, gamma: good.gamma, parameters: f.params)
    }
    #expect(throws: SphinxmixError.invalidPoint(.pointAtInfinity)) {
        try SphinxmixHeader(alpha: [0x00], beta: good.beta, gamma: good.gamma, parameters: f.params)
    }
    #expect(throws: SphinxmixError.invalidHeaderLength) {
        try SphinxmixHeader(alpha: good.alpha.encoded, beta: Array(good.beta.dropLast()), gamma: good.gamma, parameters: f.params)
    }
}

@Test func headerMACMismatch() throws {
    let f = try Fixture()
    let p = try f.forward().packet
    var beta = p.header.beta
    beta[0] ^= 0x80
    let tampered = SphinxmixPacket(header: SphinxmixHeader(alpha: p.header.alpha, beta: beta, gamma: p.header.gamma), delta: p.delta)
    #expect(throws: SphinxmixError.macMismatch) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: tampered)
    }
    // The wrong node key gives a different s, so the MAC fails too.
    #expect(throws: SphinxmixError.macMismatch) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[1].privateKey, packet: p)
    }
}

@Test func associatedDataOfTheWrongLength() throws {
    let f = try Fixture()
    let withAD = try SphinxmixParameters(associatedLength: 4)
    let ad = [Bytes("AAAA".utf8), Bytes("BBBB".utf8), Bytes("CCCC".utf8)]
    let p = try f.forward(ad: ad, params: withAD).packet
    #expect(throws: SphinxmixError.associatedDataLength(expected: 4, actual: 3)) {
        try Sphinxmix.process(parameters: withAD, privateKey: f.network.keys[0].privateKey, packet: p, associatedData: Bytes("AAA".utf8))
    }
    // Right length, wrong content: the MAC covers the associated data.
    #expect(throws: SphinxmixError.macMismatch) {
        try Sphinxmix.process(parameters: withAD, privateKey: f.network.keys[0].privateKey, packet: p, associatedData: Bytes("AAAB".utf8))
    }
    #expect(throws: SphinxmixError.associatedDataLength(expected: 4, actual: 5)) {
        try f.forward(ad: [Bytes("AAAAA".utf8), ad[1], ad[2]], params: withAD)
    }
    #expect(throws: SphinxmixError.associatedDataCount(expected: 3, actual: 2)) {
        try f.forward(ad: Array(ad.prefix(2)), params: withAD)
    }
    #expect(throws: SphinxmixError.associatedDataLength(expected: 0, actual: 4)) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.forward().packet, associatedData: ad[0])
    }
}

@Test func malformedMsgpackRouting() throws {
    let f = try Fixture()
    // 0xc1 is the one byte msgpack never uses.
    #expect(throws: SphinxmixError.malformedRouting) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.packetWithRouting([0x02, 0x91, 0xc1]))
    }
    // Valid msgpack of an unknown command: ["\u{F3}"].
    #expect(throws: SphinxmixError.malformedRouting) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.packetWithRouting([0x04, 0x91, 0xa2, 0xc3, 0xb3]))
    }
    // A relay whose id is a string instead of bytes.
    #expect(throws: SphinxmixError.malformedRouting) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.packetWithRouting([0x05, 0x92, 0xa2, 0xc3, 0xb0, 0xa0]))
    }
    // A length prefix that runs past the end of B.
    #expect(throws: SphinxmixError.malformedRouting) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.packetWithRouting([0xff]))
    }
    // Sanity: the same construction with a good entry is accepted.
    let ok = try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: try f.packetWithRouting([0x04, 0x91, 0xa2, 0xc3, 0xb1]))
    #expect(ok.routing == .destination)
}

@Test func bodyMACMismatchForwardAndSURB() throws {
    let f = try Fixture()
    let p = try f.forward(1).packet
    var delta = p.delta
    delta[500] ^= 0x01
    let r = try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey,
                                  packet: SphinxmixPacket(header: p.header, delta: delta))
    #expect(throws: SphinxmixError.bodyMACMismatch) {
        try Sphinxmix.receiveForward(parameters: f.params, macKey: r.macKey, delta: r.next.delta)
    }
    var random = try DeterministicRandom(seed: Bytes(repeating: 4, count: 32))
    let surb = try Sphinxmix.createSURB(parameters: f.params, path: f.network.path(2), destination: Bytes("me".utf8), random: &random)
    let reply = try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes("ok".utf8))
    var current = reply
    for hop in 0..<2 {
        current = try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[hop].privateKey, packet: current).next
    }
    #expect(try Sphinxmix.receiveSURB(parameters: f.params, keys: surb.keys, delta: current.delta) == Bytes("ok".utf8))
    var bad = current.delta
    bad[0] ^= 0x01
    #expect(throws: SphinxmixError.bodyMACMismatch) {
        try Sphinxmix.receiveSURB(parameters: f.params, keys: surb.keys, delta: bad)
    }
    #expect(throws: SphinxmixError.invalidSURBKeys) {
        try Sphinxmix.receiveSURB(parameters: f.params, keys: [surb.keys[0]], delta: current.delta)
    }
    #expect(throws: SphinxmixError.invalidBodyLength) {
        try Sphinxmix.receiveForward(parameters: f.params, macKey: r.macKey, delta: Array(delta.dropLast()))
    }
}

@Test func replayRefused() throws {
    let f = try Fixture()
    let p = try f.forward().packet
    var cache = SphinxmixReplayCache()
    _ = try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: p, replayCache: &cache)
    #expect(throws: SphinxmixError.replay) {
        try Sphinxmix.process(parameters: f.params, privateKey: f.network.keys[0].privateKey, packet: p, replayCache: &cache)
    }
}

@Test func messageTooLong() throws {
    let f = try Fixture()
    // msgpack([bin "bob", bin message]) = 1 + 5 + 3 + |message| bytes for |message| in 256…65535;
    // with the 0x7f marker it must fit in m − k = 1008, so 998 bytes is the most that fits.
    _ = try f.forward(1, message: Bytes(repeating: 0x61, count: 998))
    #expect(throws: SphinxmixError.messageTooLong) { try f.forward(1, message: Bytes(repeating: 0x61, count: 999)) }
    var random = try DeterministicRandom(seed: Bytes(repeating: 5, count: 32))
    let surb = try Sphinxmix.createSURB(parameters: f.params, path: f.network.path(1), destination: Bytes("me".utf8), random: &random)
    _ = try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes.zeros(1007))
    #expect(throws: SphinxmixError.messageTooLong) {
        try Sphinxmix.packageSURB(parameters: f.params, surb: surb.surb, message: Bytes.zeros(1008))
    }
}

@Test func pathAndDestinationLimits() throws {
    let f = try Fixture()
    _ = try f.forward(7)  // 6 relay entries of 8 + 16 bytes and the 5-byte final entry fill 149 of 160
    #expect(throws: SphinxmixError.routingTooLong) { try f.forward(8) }
    #expect(throws: SphinxmixError.emptyPath) { try f.forward(0) }
    var random = try DeterministicRandom(seed: Bytes(repeating: 6, count: 32))
    #expect(throws: SphinxmixError.invalidDestination) {
        try Sphinxmix.createForwardMessage(parameters: f.params, path: f.network.path(1), destination: [], message: [], random: &random)
    }
    #expect(throws: SphinxmixError.routingEntryTooLong) {
        try Sphinxmix.createForwardMessage(parameters: f.params, path: [f.network.path(1)[0], SphinxmixPathHop(nodeID: Bytes.zeros(130), publicKey: f.network.keys[1].publicKey)],
                                           destination: [1], message: [], random: &random)
    }
    #expect(throws: SphinxmixError.invalidParameters) { try SphinxmixParameters(headerLength: 40) }
    #expect(throws: SphinxmixError.invalidScalar) { try SphinxmixNodeKey(privateKey: Bytes.zeros(28)) }
}

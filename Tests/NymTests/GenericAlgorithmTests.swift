import Testing
@testable import SphinxSpec

/// A second profile, unlike nym in the ways sphinxmix is: length-prefixed routing entries of
/// different sizes, associated data under γ, a processing pad larger than any entry, a shorter
/// β and a MAC-based payload. It reuses nym's group and primitives; what it checks is that the
/// generic body handles those shapes without knowing which profile runs.
struct VariableEntryProfile: SphinxProfile {
    struct Relay: Sendable, Equatable { let next: Bytes }  // entry = len ‖ 0xF0 ‖ next
    struct Deliver: Sendable, Equatable { let to: Bytes }  // entry = len ‖ 0xF1 ‖ to
    typealias ForwardCommand = Relay
    typealias FinalCommand = Deliver
    typealias Keys = NymHopKeys

    let nym = NymProfile()
    /// 384 covers every entry a hop can decode (1 + 255 + κ); a smaller pad breaks the
    /// profile contract, which processing reports as `malformedRoutingEntry`.
    var processingPadLength: Int = 384
    var macLength: Int { 16 }
    var routingInfoLength: Int { 160 }
    var maxHops: Int { 5 }
    var generator: Bytes { nym.generator }

    func exponentiate(_ base: Bytes, by exponents: [Bytes]) throws(SphinxError) -> Bytes {
        try nym.exponentiate(base, by: exponents)
    }
    func randomExponent<R: RandomSource>(using random: inout R) throws(SphinxError) -> Bytes { random.bytes(32) }
    func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> NymHopKeys {
        try nym.deriveHopKeys(alpha: alpha, sharedSecret: s)
    }
    func payloadKey(_ keys: NymHopKeys, for command: RoutingCommand<Self>) throws(SphinxError) -> Bytes {
        keys.legacyPayloadKey
    }
    func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes { try nym.rho(key: key, length: length) }
    func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes { try nym.mu(key: key, data: data) }
    func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes { try nym.pi(key: key, block: block) }
    func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes { try nym.piInverse(key: key, block: block) }

    func encodeRoutingEntry(_ command: RoutingCommand<Self>) throws(SphinxError) -> Bytes {
        switch command {
        case .forward(let relay): return [UInt8(relay.next.count + 1), 0xF0] + relay.next
        case .final(let deliver): return [UInt8(deliver.to.count + 1), 0xF1] + deliver.to
        }
    }
    func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<Self> {
        let length = Int(block[0])
        guard length >= 1, 1 + length <= block.count else { throw .malformedRoutingEntry }
        let body = Array(block[2..<(1 + length)])
        switch block[1] {
        case 0xF0: return DecodedRoutingEntry(command: .forward(Relay(next: body)), length: 1 + length)
        case 0xF1: return DecodedRoutingEntry(command: .final(Deliver(to: body)), length: 1 + length)
        default: throw .unknownRoutingFlag(block[1])
        }
    }
    /// MAC(key[0, 16), body) ‖ body, body = m ‖ 0x7f ‖ 0xff…
    func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes {
        let room = payloadLength - 16 - 1
        guard message.count <= room else { throw .messageTooLong(maximum: room, actual: message.count) }
        let body = message + [0x7f] + Bytes(repeating: 0xff, count: room - message.count)
        return try mu(key: Array(key.prefix(16)), data: body) + body
    }
    func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes {
        let body = Array(plaintext.dropFirst(16))
        guard ByteOps.constantTimeEqual(Array(plaintext.prefix(16)), try mu(key: Array(key.prefix(16)), data: body))
        else {
            throw .payloadMACMismatch
        }
        guard let end = body.lastIndex(where: { $0 != 0xff }), body[end] == 0x7f else { throw .malformedPayload }
        return Array(body[..<end])
    }
}

struct GenericAlgorithmTests {
    @Test(arguments: 1...5)
    func variableEntriesAndAssociatedData(hops: Int) throws {
        let profile = VariableEntryProfile()
        let nodes = try Fixture.nodes(hops, seed: 31)
        // Node names of different lengths: 1, 3, 5, … bytes.
        let names = (0..<hops).map { Bytes(repeating: UInt8(0x30 + $0), count: 2 * $0 + 1) }
        let relays = (0..<(hops - 1)).map { VariableEntryProfile.Relay(next: names[$0 + 1]) }
        let deliver = VariableEntryProfile.Deliver(to: Bytes("bob".utf8))
        let ad = (0..<hops).map { Bytes(repeating: UInt8($0), count: 4) }
        var random = try Fixture.random(5)
        let x = try profile.randomExponent(using: &random)
        let packet = try Sphinx.createPacket(
            profile: profile, initialSecret: x, publicKeys: nodes.map(\.route.publicKey),
            forwardCommands: relays, finalCommand: deliver, message: Bytes("hi".utf8), payloadLength: 256,
            associatedData: ad, random: &random)
        let entrySizes = relays.map { (try? profile.encodeRoutingEntry(.forward($0)).count) ?? 0 }
        #expect(packet.headerCreation.filler.count == entrySizes.reduce(0) { $0 + $1 + 16 })

        var header = packet.header
        var delta = packet.delta
        for i in 0..<hops {
            // The wrong associated data fails the MAC.
            #expect(throws: SphinxError.headerMACMismatch) {
                try Sphinx.processHeader(
                    profile: profile, nodeSecret: nodes[i].secret, header: header, associatedData: [9])
            }
            let processed = try Sphinx.processPacket(
                profile: profile, nodeSecret: nodes[i].secret, header: header, delta: delta, associatedData: ad[i])
            #expect(processed.header.trace.sharedSecret == packet.headerCreation.hops[i].sharedSecret)
            delta = processed.delta
            switch processed.header.outcome {
            case let .forward(command, next):
                #expect(command == relays[i])
                #expect(next.beta == packet.headerCreation.hops[i + 1].beta)
                #expect(next.gamma == packet.headerCreation.hops[i + 1].gamma)
                header = next
            case let .final(command):
                #expect(i == hops - 1)
                #expect(command == deliver)
                #expect(try profile.decodePayload(delta, key: packet.headerCreation.payloadKeys[i]) == Bytes("hi".utf8))
            }
        }
    }

    /// Entries that do not fit β are refused before anything is drawn from the padding source.
    @Test func entriesThatDoNotFit() throws {
        let profile = VariableEntryProfile()
        let nodes = try Fixture.nodes(3)
        let relays = [VariableEntryProfile.Relay](repeating: .init(next: Bytes.zeros(60)), count: 2)
        let deliver = VariableEntryProfile.Deliver(to: Bytes.zeros(40))
        var random = try Fixture.random()
        #expect(throws: SphinxError.routingInformationTooLong(available: 160, required: 198)) {
            try Sphinx.createHeader(
                profile: profile, initialSecret: Bytes(repeating: 1, count: 32),
                publicKeys: nodes.map(\.route.publicKey), forwardCommands: relays, finalCommand: deliver,
                random: &random)
        }
        #expect(random.drawn.isEmpty)
    }

    /// One forward command per hop but the last, or the route is refused.
    @Test func forwardCommandsMustMatchTheRoute() throws {
        let profile = VariableEntryProfile()
        let nodes = try Fixture.nodes(3)
        var random = try Fixture.random()
        #expect(throws: SphinxError.mismatchedRouteInputs(expected: 2, actual: 1)) {
            try Sphinx.createHeader(
                profile: profile, initialSecret: Bytes(repeating: 1, count: 32),
                publicKeys: nodes.map(\.route.publicKey), forwardCommands: [.init(next: [1])],
                finalCommand: .init(to: [2]), random: &random)
        }
    }

    /// A forward entry that leaves no room in B for γ' and β' (a profile whose pad is shorter
    /// than an entry it decodes) is `malformedRoutingEntry`, not a crash (SPHINX-PROCESS-8).
    @Test func forwardEntryPastTheDecryptedBlock() throws {
        let node = try Fixture.nodes(1)[0]
        var profile = VariableEntryProfile()
        profile.processingPadLength = 16
        // A one-hop header whose β decrypts to a relay entry of 1 + 100 bytes: 101 + 16 + 160 > 176.
        let x = Bytes(repeating: 3, count: 32)
        let alpha = try profile.exponentiate(profile.generator, by: [x])
        let s = try profile.exponentiate(node.route.publicKey, by: [x])
        let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
        let plain =
            try profile.encodeRoutingEntry(.forward(VariableEntryProfile.Relay(next: Bytes.zeros(99))))
            + Bytes.zeros(160 - 101)
        let beta = ByteOps.xor(plain, try profile.rho(key: keys.streamCipherKey, length: 160))
        let header = SphinxHeader(alpha: alpha, beta: beta, gamma: try profile.mu(key: keys.macKey, data: beta))
        #expect(throws: SphinxError.malformedRoutingEntry) {
            try Sphinx.processHeader(profile: profile, nodeSecret: node.secret, header: header)
        }
        profile.processingPadLength = 384
        let processed = try Sphinx.processHeader(profile: profile, nodeSecret: node.secret, header: header)
        guard case .forward(let relay, _) = processed.outcome else {
            Issue.record("expected a forward hop")
            return
        }
        #expect(relay.next == Bytes.zeros(99))
    }
}

struct GenericBadHeaderTests {
    /// Header parts of the wrong length, through the generic API.
    @Test func wrongLengths() throws {
        let profile = NymProfile()
        let node = try Fixture.nodes(1)[0]
        let good = SphinxHeader(alpha: node.route.publicKey, beta: Bytes.zeros(300), gamma: Bytes.zeros(16))
        #expect(throws: SphinxError.invalidGroupElement) {
            try Sphinx.processHeader(
                profile: profile, nodeSecret: node.secret,
                header: SphinxHeader(alpha: Bytes.zeros(31), beta: good.beta, gamma: good.gamma))
        }
        #expect(throws: SphinxError.invalidHeaderLength(expected: 300, actual: 299)) {
            try Sphinx.processHeader(
                profile: profile, nodeSecret: node.secret,
                header: SphinxHeader(alpha: good.alpha, beta: Bytes.zeros(299), gamma: good.gamma))
        }
        #expect(throws: SphinxError.invalidHeaderLength(expected: 16, actual: 17)) {
            try Sphinx.processHeader(
                profile: profile, nodeSecret: node.secret,
                header: SphinxHeader(alpha: good.alpha, beta: good.beta, gamma: Bytes.zeros(17)))
        }
        #expect(throws: SphinxError.invalidHeaderLength(expected: 348, actual: 347)) {
            try NymSphinx.decodeHeader(Bytes.zeros(347))
        }
    }

    /// Error names are the case names (what the oracle reports).
    @Test func errorNames() {
        #expect(SphinxError.replayedTag.name == "replayedTag")
        #expect(SphinxError.unknownVersion(257).name == "unknownVersion")
        #expect(SphinxError.primitive(.invalidScalar).name == "primitive")
    }
}

// The two profiles behind one small interface, so that every unlinkability property runs the
// same code on nym and sphinxmix packets. Packets are made and processed only through each
// profile's public API (NymSphinx, Sphinxmix); the broken variants of the negative controls are
// built from those real packets (BrokenVariants.swift).
import SphinxSpec

/// A packet's fields as a mix receives them.
struct Fields: Sendable, Equatable {
    var header: SphinxHeader
    var delta: Bytes
    var alpha: Bytes { header.alpha }
    var beta: Bytes { header.beta }
    var gamma: Bytes { header.gamma }
    /// α ‖ γ ‖ β ‖ δ: nym's wire order; for sphinxmix (which has no byte wire format, only the
    /// four fields) the same concatenation, so distances and lengths cover every byte.
    var wire: Bytes { header.alpha + header.gamma + header.beta + delta }

    /// The bytes whose encoding is uniform: α cut to `alphaRange` (X25519: the last byte's top
    /// bit is always 0; P-224: the 0x04 prefix is constant), then γ, β, δ.
    func uniformBytes(alphaRange: Range<Int>) -> Bytes {
        Array(header.alpha[alphaRange]) + header.gamma + header.beta + delta
    }
}

/// What one mix saw and did.
struct HopView: Sendable {
    let node: Int
    let input: Fields
    /// The packet the mix sends on; nil at the last hop.
    let output: Fields?
    /// B = (β ‖ 0^pad) ⊕ ρ(h_ρ(s)): the decrypted routing block.
    let decryptedBlock: Bytes
    /// The length of this hop's own routing entry at the start of B.
    let entryLength: Int
    let replayTag: Bytes
}

/// A packet as created, with the creation trace the controls rebuild variants from.
struct Created: Sendable {
    let packet: Fields
    let route: [Int]
    let creation: HeaderCreation
    /// [PROP-CTRL-PLAINTEXT] The payload before any π layer: the flaw "payload not encrypted"
    /// puts this on the wire in place of δ.
    let plaintextPayload: Bytes
}

/// The final routing block's padding.
enum FinalPadding: Sendable {
    /// Random bytes, as every maintained implementation draws them.
    case random
    /// [PROP-CTRL-PADDING] Flaw: zero padding (Kuhn, Beck, Strufe, IEEE S&P 2020), made with
    /// each profile's explicit-randomness creation API and an all-zero padding.
    case zero
}

protocol MixWorld: Sendable {
    var name: String { get }
    /// Mixes in the test network (routes index into it).
    var nodeCount: Int { get }
    /// The longest forward route the profile allows at the tested parameters.
    var forwardMaxHops: Int { get }
    /// The longest SURB route.
    var replyMaxHops: Int { get }
    var macLength: Int { get }
    var routingInfoLength: Int { get }
    /// The bytes of α whose encoding is uniform.
    var alphaUniformRange: Range<Int> { get }

    func forward(
        route: [Int], message: Bytes, padding: FinalPadding, initialSecret: Bytes?,
        random: inout DeterministicRandom
    ) throws -> Created
    func reply(route: [Int], message: Bytes, random: inout DeterministicRandom) throws -> Created
    func process(_ packet: Fields, at node: Int) throws -> HopView
    func process(_ packet: Fields, at node: Int, cache: inout ReplayCache) throws -> HopView

    /// ρ of the profile, for the "β not encrypted" control.
    func rho(key: Bytes, length: Int) throws -> Bytes
    /// The control "a header MAC that ignores β": the packet rebuilt with γ_i = μ(h_μ, 0^|β|).
    func withMACIgnoringBeta(_ created: Created) throws -> Fields
    /// A mix that checks γ against μ(h_μ, 0^|β|): the broken processing the control needs.
    func processWithMACIgnoringBeta(_ packet: Fields, at node: Int) throws -> Fields?
}

extension DeterministicRandom {
    /// A whole number in 0..<upper (the modulo bias of a 64-bit draw is below 2^-50 here).
    mutating func int(_ upper: Int) -> Int {
        Int(ByteOps.readBigEndian(bytes(8)[...]) % UInt64(Swift.max(1, upper)))
    }
}

extension MixWorld {
    /// A random route of `hops` mixes from the pool (repeats allowed).
    func randomRoute(_ hops: Int, _ random: inout DeterministicRandom) -> [Int] {
        (0..<hops).map { _ in random.int(nodeCount) }
    }

    func forward(route: [Int], message: Bytes, random: inout DeterministicRandom) throws -> Created {
        try forward(route: route, message: message, padding: .random, initialSecret: nil, random: &random)
    }

    /// Processes the packet hop by hop along its route; stops after `upTo` hops if given.
    func walk(_ created: Created, upTo limit: Int? = nil) throws -> [HopView] {
        var views: [HopView] = []
        var packet = created.packet
        for node in created.route.prefix(limit ?? created.route.count) {
            let view = try process(packet, at: node)
            views.append(view)
            guard let next = view.output else { break }
            packet = next
        }
        return views
    }
}

/// The profiles the suite covers, as test arguments.
enum ProfileUnderTest: String, CaseIterable, Sendable, CustomStringConvertible {
    case nym, sphinxmix
    var description: String { rawValue }

    var world: any MixWorld {
        get throws {
            switch self {
            case .nym: return try NymWorld()
            case .sphinxmix: return try SphinxmixWorld()
            }
        }
    }
}

// MARK: - nym

struct NymWorld: MixWorld {
    let name = "nym"
    let secrets: [Bytes]
    let nodes: [NymRouteNode]
    let destination: NymDestination
    var nodeCount: Int { nodes.count }
    var forwardMaxHops: Int { NymConstants.maxPathLength }
    var replyMaxHops: Int { NymConstants.maxPathLength }
    var macLength: Int { NymConstants.headerMACLength }
    var routingInfoLength: Int { NymConstants.routingInfoLength }
    /// A u-coordinate below 2^255 − 19: byte 31's top bit is always 0, so byte 31 is left out.
    var alphaUniformRange: Range<Int> { 0..<31 }

    init() throws {
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("nym.nodes"))
        var secrets: [Bytes] = []
        var nodes: [NymRouteNode] = []
        for i in 0..<8 {
            let secret = random.bytes(32)
            secrets.append(secret)
            nodes.append(
                try NymRouteNode(
                    address: NymNodeAddress(Bytes(repeating: UInt8(i + 1), count: 32)),
                    publicKey: X25519.publicKey(secret: secret)))
        }
        self.secrets = secrets
        self.nodes = nodes
        destination = try NymDestination(
            address: NymDestinationAddress(Bytes(repeating: 0xd5, count: 32)),
            identifier: NymIdentifier(Bytes(repeating: 0x1d, count: 16)))
    }

    func fields(_ bytes: Bytes) throws -> Fields {
        let (header, payload) = try NymSphinx.decodePacket(bytes)
        return Fields(header: header, delta: payload)
    }

    func bytes(_ f: Fields) -> Bytes { NymSphinx.encodeHeader(f.header) + f.delta }

    private func delays(_ n: Int) -> [NymDelay] { (0..<n).map { NymDelay(nanoseconds: UInt64($0 + 1) * 1_000_000) } }

    func forward(
        route: [Int], message: Bytes, padding: FinalPadding, initialSecret: Bytes?,
        random: inout DeterministicRandom
    ) throws -> Created {
        let path = route.map { nodes[$0] }
        let x = initialSecret ?? random.bytes(32)
        let length = NymProfile.finalPaddingLength(hops: route.count)
        let pad = padding == .zero ? Bytes.zeros(length) : random.bytes(length)
        let packet = try NymSphinx.createForwardPacket(
            route: path, delays: delays(route.count), destination: destination, message: message,
            randomness: NymPacketRandomness(initialSecret: x, finalPadding: pad))
        return Created(
            packet: try fields(packet.bytes), route: route, creation: packet.creation.headerCreation,
            plaintextPayload: packet.creation.deltas.last ?? [])
    }

    func reply(route: [Int], message: Bytes, random: inout DeterministicRandom) throws -> Created {
        let surb = try NymSphinx.createSURB(
            route: route.map { nodes[$0] }, delays: delays(route.count),
            destination: destination, random: &random)
        let reply = try NymSphinx.useSURB(surb.surb, message: message)
        return Created(
            packet: try fields(reply.bytes), route: route, creation: surb.creation,
            plaintextPayload: reply.deltas.last ?? [])
    }

    private func view(_ input: Fields, node: Int, _ r: NymProcessedPacket) throws -> HopView {
        var output: Fields? = nil
        if case let .forward(next, _, _) = r.result { output = try fields(next) }
        return HopView(
            node: node, input: input, output: output, decryptedBlock: r.trace.decryptedBlock,
            entryLength: r.trace.routingEntryLength, replayTag: r.replayTag)
    }

    func process(_ packet: Fields, at node: Int) throws -> HopView {
        try view(packet, node: node, NymSphinx.processPacket(bytes(packet), nodeSecret: secrets[node]))
    }

    func process(_ packet: Fields, at node: Int, cache: inout ReplayCache) throws -> HopView {
        try view(
            packet, node: node, NymSphinx.processPacket(bytes(packet), nodeSecret: secrets[node], replayCache: &cache))
    }

    func rho(key: Bytes, length: Int) throws -> Bytes { try NymProfile().rho(key: key, length: length) }

    func withMACIgnoringBeta(_ created: Created) throws -> Fields {
        Fields(
            header: try BrokenVariants.headerWithMACIgnoringBeta(profile: NymProfile(), creation: created.creation),
            delta: created.packet.delta)
    }

    func processWithMACIgnoringBeta(_ packet: Fields, at node: Int) throws -> Fields? {
        try BrokenVariants.processWithMACIgnoringBeta(profile: NymProfile(), nodeSecret: secrets[node], packet: packet)
    }
}

// MARK: - sphinxmix

struct SphinxmixWorld: MixWorld {
    let name = "sphinxmix"
    let parameters = SphinxmixParameters.defaults
    let keys: [SphinxmixNodeKey]
    let ids: [Bytes]
    let destination = Bytes("bob".utf8)
    let forwardMaxHops: Int
    let replyMaxHops: Int
    var nodeCount: Int { keys.count }
    var macLength: Int { parameters.k }
    var routingInfoLength: Int { parameters.betaLength }
    /// 0x04 ‖ X ‖ Y: the prefix byte is constant; X and Y lie below p ≈ 2^224, close enough to
    /// uniform bytes (p = 2^224 − 2^96 + 1).
    var alphaUniformRange: Range<Int> { 1..<57 }
    var profile: SphinxmixProfile { SphinxmixProfile(parameters: parameters) }

    init() throws {
        var keys: [SphinxmixNodeKey] = []
        var ids: [Bytes] = []
        for n in 0..<8 {
            // A 28-byte private key below the group order n, since its first byte is 0x01.
            let secret = Array(SHA256.hash(RunSettings.randomSeed("sphinxmix.nodes", n)).prefix(27))
            keys.append(try SphinxmixNodeKey(privateKey: [0x01] + secret))
            ids.append([UInt8(n)])
        }
        self.keys = keys
        self.ids = ids
        let path = (0..<keys.count).map { SphinxmixPathHop(nodeID: ids[$0], publicKey: keys[$0].publicKey) }
        forwardMaxHops = Self.maxHops(parameters, path, final: .destination)
        replyMaxHops = Self.maxHops(
            parameters, path, final: .surb(destination: Bytes("bob".utf8), surbID: Bytes.zeros(16)))
    }

    /// The longest route whose routing entries fit in β (sphinxmix has no fixed maximum).
    static func maxHops(_ p: SphinxmixParameters, _ pool: [SphinxmixPathHop], final: SphinxmixFinal) -> Int {
        var hops = 1
        while true {
            let path = (0...hops).map { pool[$0 % pool.count] }
            guard (try? Sphinxmix.finalPaddingLength(parameters: p, path: path, final: final)) != nil else {
                return hops
            }
            hops += 1
        }
    }

    func path(_ route: [Int]) -> [SphinxmixPathHop] {
        route.map { SphinxmixPathHop(nodeID: ids[$0], publicKey: keys[$0].publicKey) }
    }

    func forward(
        route: [Int], message: Bytes, padding: FinalPadding, initialSecret: Bytes?,
        random: inout DeterministicRandom
    ) throws -> Created {
        let path = path(route)
        let x = try initialSecret ?? profile.randomExponent(using: &random)
        let length = try Sphinxmix.finalPaddingLength(parameters: parameters, path: path, final: .destination)
        let pad = padding == .zero ? Bytes.zeros(length) : random.bytes(length)
        let m = try Sphinxmix.createForwardMessage(
            parameters: parameters, path: path, destination: destination, message: message,
            randomness: SphinxmixPacketRandomness(initialSecret: x, finalPadding: pad))
        return Created(
            packet: Fields(header: m.packet.header, delta: m.packet.delta), route: route,
            creation: m.creation.headerCreation, plaintextPayload: m.creation.deltas.last ?? [])
    }

    func reply(route: [Int], message: Bytes, random: inout DeterministicRandom) throws -> Created {
        let surb = try Sphinxmix.createSURB(
            parameters: parameters, path: path(route), destination: destination, random: &random)
        let packet = try Sphinxmix.packageSURB(parameters: parameters, surb: surb.surb, message: message)
        let plaintext = try profile.encodePayload(
            message: message, payloadLength: parameters.bodyLength, key: surb.surb.kTilde)
        return Created(
            packet: Fields(header: packet.header, delta: packet.delta), route: route,
            creation: surb.creation, plaintextPayload: plaintext)
    }

    private func view(_ input: Fields, node: Int, _ r: SphinxmixProcessedPacket) -> HopView {
        var output: Fields? = nil
        if case let .relay(_, next) = r.result { output = Fields(header: next.header, delta: next.delta) }
        return HopView(
            node: node, input: input, output: output, decryptedBlock: r.trace.decryptedBlock,
            entryLength: r.trace.routingEntryLength, replayTag: r.replayTag)
    }

    func process(_ packet: Fields, at node: Int) throws -> HopView {
        view(
            packet, node: node,
            try Sphinxmix.process(
                parameters: parameters, privateKey: keys[node].privateKey,
                packet: SphinxmixPacket(header: packet.header, delta: packet.delta)))
    }

    func process(_ packet: Fields, at node: Int, cache: inout ReplayCache) throws -> HopView {
        view(
            packet, node: node,
            try Sphinxmix.process(
                parameters: parameters, privateKey: keys[node].privateKey,
                packet: SphinxmixPacket(header: packet.header, delta: packet.delta), replayCache: &cache))
    }

    func rho(key: Bytes, length: Int) throws -> Bytes { try profile.rho(key: key, length: length) }

    func withMACIgnoringBeta(_ created: Created) throws -> Fields {
        Fields(
            header: try BrokenVariants.headerWithMACIgnoringBeta(profile: profile, creation: created.creation),
            delta: created.packet.delta)
    }

    func processWithMACIgnoringBeta(_ packet: Fields, at node: Int) throws -> Fields? {
        try BrokenVariants.processWithMACIgnoringBeta(
            profile: profile, nodeSecret: keys[node].privateKey.bytes, packet: packet)
    }
}

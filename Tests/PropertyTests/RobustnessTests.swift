// Robustness: no input crashes any entry point a packet, a file or a request can reach
// (SPEC.md chapter properties, PROP-ROBUST-1). Each test feeds seeded random and mutated inputs
// to public entry points and records the outcome of every call: success, or the name of the
// typed error it threw. The test fails if an error is not one its entry point documents; a
// crash (trap, fatalError, out-of-bounds index, arithmetic overflow) ends the test process.
// Counts scale with SPHINX_PROPERTY_RUNS; inputs are fixed by SPHINX_PROPERTY_SEED.
import Testing
import SphinxSpec

/// The documented errors of every entry point under test (from their doc comments).
enum Entry {
    // nym
    static let nymDecodePacket = EntryPoint("nym.decodePacket", sphinx: ["invalidPacketLength", "invalidHeaderLength"])
    static let nymDecodeHeader = EntryPoint("nym.decodeHeader", sphinx: ["invalidHeaderLength"])
    static let nymProcessErrors = [
        "invalidPacketLength", "invalidHeaderLength", "smallOrderGroupElement",
        "headerMACMismatch", "unknownRoutingFlag", "unknownVersion", "malformedRoutingEntry",
    ]
    static let nymProcess = EntryPoint("nym.processPacket", sphinx: nymProcessErrors)
    static let nymProcessCached = EntryPoint(
        "nym.processPacket(replayCache)", sphinx: nymProcessErrors + ["replayedTag"])
    static let nymProcessCrafted = EntryPoint("nym.processPacket(MAC-valid crafted β)", sphinx: nymProcessErrors)
    static let nymRecover = EntryPoint(
        "nym.recoverMessage", sphinx: ["invalidPayloadLength", "payloadZeroPrefixMissing", "payloadMarkerMissing"])
    static let nymRoutingEntry = EntryPoint(
        "nym.decodeRoutingEntry", sphinx: ["malformedRoutingEntry", "unknownRoutingFlag", "unknownVersion"])
    static let nymSURBParse = EntryPoint("nym.SURB(bytes:)", sphinx: ["malformedSURB"])
    static let nymSURBUse = EntryPoint("nym.useSURB", sphinx: ["messageTooLong", "payloadSizeTooSmall"])
    // sphinxmix
    static let smxPacket = EntryPoint(
        "sphinxmix.SphinxmixPacket(alpha:beta:gamma:delta:)",
        sphinx: ["invalidGroupElement", "invalidHeaderLength", "invalidPayloadLength"])
    static let smxProcessErrors = [
        "invalidGroupElement", "smallOrderGroupElement", "invalidHeaderLength", "invalidPayloadLength",
        "headerMACMismatch", "malformedRoutingEntry", "invalidInputLength",
    ]
    static let smxProcess = EntryPoint("sphinxmix.process", sphinx: smxProcessErrors)
    static let smxProcessUnchecked = EntryPoint("sphinxmix.process(unchecked fields)", sphinx: smxProcessErrors)
    static let smxProcessCached = EntryPoint(
        "sphinxmix.process(replayCache)", sphinx: smxProcessErrors + ["replayedTag"])
    static let smxProcessCrafted = EntryPoint("sphinxmix.process(MAC-valid crafted β)", sphinx: smxProcessErrors)
    static let smxReceiveForward = EntryPoint(
        "sphinxmix.receiveForward",
        sphinx: ["invalidPayloadLength", "payloadMACMismatch", "payloadMarkerMissing", "malformedPayload"])
    static let smxReceiveSURB = EntryPoint(
        "sphinxmix.receiveSURB",
        sphinx: ["malformedSURB", "invalidPayloadLength", "payloadMACMismatch", "payloadMarkerMissing"])
    static let smxPackageSURB = EntryPoint("sphinxmix.packageSURB", sphinx: ["invalidInputLength", "messageTooLong"])
    static let smxRouting = EntryPoint("sphinxmix.SphinxmixRouting(decoding:)", sphinx: ["malformedRoutingEntry"])
    static let smxRoutingEntry = EntryPoint("sphinxmix.decodeRoutingEntry", sphinx: ["malformedRoutingEntry"])
    static let smxNodeKey = EntryPoint(
        "sphinxmix.SphinxmixNodeKey(privateKey:)", other: ["SphinxError.primitive.invalidScalar"])
    // codecs
    static let msgpack = EntryPoint(
        "MsgPack.decode",
        other: [
            "MsgPackError.truncated", "MsgPackError.unsupportedFormat",
            "MsgPackError.trailingBytes", "MsgPackError.valueTooLarge",
        ])
    static let p224Point = EntryPoint(
        "P224.Point(encoded:)",
        other: [
            "PrimitiveError.invalidPointEncoding",
            "PrimitiveError.pointNotOnCurve", "PrimitiveError.pointAtInfinity",
        ])
    static let p224Scalar = EntryPoint("P224.Scalar(canonical:)", other: ["PrimitiveError.invalidScalar"])
    static let hex = EntryPoint("Bytes(validatingHex:)", other: ["PrimitiveError.invalidHex"])
}

@Suite struct RobustnessTests {
    /// Checks a tally: nothing undocumented, and prints the distribution.
    static func check(_ tally: OutcomeTally, _ label: String) {
        print("robustness \(label): \(tally.calls) calls\n\(tally.summary)")
        #expect(tally.unexpected.isEmpty, "undocumented outcomes:\n\(tally.unexpected.joined(separator: "\n"))")
    }

    /// [PROP-ROBUST-1] No input crashes a nym entry point. Random byte strings of every boundary
    /// length and random lengths up to 3000, and mutations of real forward packets, reply
    /// packets and SURBs (both versions), go to packet splitting, processing with and without a
    /// replay cache, payload decoding, routing-entry parsing and SURB parsing and use; headers
    /// with a valid MAC over a crafted β reach the routing-entry parser from inside processing.
    /// Every call succeeds or throws an error its entry point documents. The sphinxmix and codec
    /// tests below carry out the same check (see PROP-ROBUST-1).
    @Test func nymEntryPointsNeverCrash() throws {
        var tally = OutcomeTally()
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("robust.nym"))
        let world = try NymWorld()
        let profile = NymProfile()
        var cache = try ReplayCache(capacityPerEpoch: 4096, hashKey: Bytes.zeros(32))

        func feedPacket(_ bytes: Bytes, node: Int, _ what: @autoclosure () -> String) {
            tally.call(Entry.nymDecodePacket, what()) {
                _ = try NymSphinx.decodePacket(bytes); return nil
            }
            tally.call(Entry.nymDecodeHeader, what()) {
                _ = try NymSphinx.decodeHeader(Array(bytes.prefix(NymConstants.headerLength))); return nil
            }
            tally.call(Entry.nymProcess, what()) {
                Self.label(try NymSphinx.processPacket(bytes, nodeSecret: world.secrets[node]))
            }
            tally.call(Entry.nymProcessCached, what()) {
                Self.label(try NymSphinx.processPacket(bytes, nodeSecret: world.secrets[node], replayCache: &cache))
            }
            tally.call(Entry.nymRecover, what()) {
                _ = try NymSphinx.recoverMessage(finalPayload: Array(bytes.dropFirst(NymConstants.headerLength)));
                return nil
            }
            tally.call(Entry.nymRecover, what()) {
                _ = try NymSphinx.recoverMessage(finalPayload: bytes); return nil
            }
            tally.call(Entry.nymRoutingEntry, what()) {
                _ = try profile.decodeRoutingEntry(bytes); return nil
            }
        }
        func feedSURB(_ bytes: Bytes, _ what: @autoclosure () -> String) {
            var parsed: NymSURB?
            tally.call(Entry.nymSURBParse, what()) {
                parsed = try NymSURB(bytes: bytes); return nil
            }
            guard let surb = parsed else { return }
            let sizes = [0, 1, 32, 33, 34, 1024, random.int(3000)]
            let size = sizes[random.int(sizes.count)]
            let message = random.bytes(random.int(1100))
            var reply: NymSURBReply?
            tally.call(Entry.nymSURBUse, "\(what()) payload \(size) message \(message.count)") {
                reply = try NymSphinx.useSURB(surb, message: message, payloadLength: size)
                return nil
            }
            // The reply goes to the SURB's first hop; the world's nodes are addressed 1…8.
            let node = Int(surb.firstHopAddress.bytes[0]) - 1
            if let reply, world.secrets.indices.contains(node) {
                feedPacket(reply.bytes, node: node, "reply from \(what())")
            }
        }

        // (a) Random byte strings.
        for (i, length) in HostileInputs.lengths(extra: RunSettings.count(200), &random).enumerated() {
            let bytes = random.bytes(length)
            feedPacket(bytes, node: i % world.nodeCount, "random \(bytes.probeDescription)")
            feedSURB(bytes, "random \(bytes.probeDescription)")
        }

        // (b) Mutations of real packets: forward packets of 1…5 hops and replies, at every hop.
        var seeds: [(bytes: Bytes, node: Int, what: String)] = []
        for hops in 1...5 {
            let route = world.randomRoute(hops, &random)
            let message = random.bytes(random.int(900))
            let forward = try world.forward(route: route, message: message, random: &random)
            let reply = try world.reply(route: route, message: message, random: &random)
            for (kind, created) in [("forward", forward), ("reply", reply)] {
                var packet = created.packet
                for (hop, node) in route.enumerated() {
                    seeds.append((world.bytes(packet), node, "\(kind) \(hops) hops, hop \(hop)"))
                    guard let next = try world.process(packet, at: node).output else { break }
                    packet = next
                }
            }
        }
        // A valid packet is accepted once and then is a replay.
        var replayCache = try ReplayCache(capacityPerEpoch: 64, hashKey: Bytes.zeros(32))
        for seed in seeds {
            tally.call(Entry.nymProcessCached, seed.what) {
                Self.label(
                    try NymSphinx.processPacket(
                        seed.bytes, nodeSecret: world.secrets[seed.node], replayCache: &replayCache))
            }
            tally.call(Entry.nymProcessCached, seed.what + " again") {
                Self.label(
                    try NymSphinx.processPacket(
                        seed.bytes, nodeSecret: world.secrets[seed.node], replayCache: &replayCache))
            }
        }
        #expect(tally.count(Entry.nymProcessCached, "SphinxError.replayedTag") >= seeds.count)
        let perSeed = RunSettings.count(48)
        for (i, seed) in seeds.enumerated() {
            let other = seeds[(i + 1) % seeds.count].bytes
            for (what, mutated) in HostileInputs.mutations(
                of: seed.bytes, other: other, alphaRange: 0..<32, specialAlphas: HostileInputs.x25519Special,
                randomCount: perSeed, &random)
            {
                feedPacket(mutated, node: seed.node, "\(seed.what): \(what)")
            }
        }

        // SURBs of both versions, mutated, parsed and used.
        for version in NymVersion.allCases {
            for hops in [1, 3, 5] {
                let route = world.randomRoute(hops, &random)
                let surb = try NymSphinx.createSURB(
                    route: route.map { world.nodes[$0] },
                    delays: (0..<hops).map { NymDelay(nanoseconds: UInt64($0)) },
                    destination: world.destination, version: version, random: &random
                ).surb.bytes
                feedSURB(surb, "SURB v\(version.rawValue) \(hops) hops")
                for (what, mutated) in HostileInputs.mutations(
                    of: surb, other: Array(surb.reversed()), alphaRange: 0..<32,
                    specialAlphas: HostileInputs.x25519Special,
                    randomCount: RunSettings.count(12), &random)
                {
                    feedSURB(mutated, "SURB v\(version.rawValue) \(hops) hops: \(what)")
                }
            }
        }

        // Headers whose γ is the correct MAC over a crafted β: the routing block the node
        // decrypts is chosen by the test (valid and invalid flags, versions, random bytes).
        for i in 0..<RunSettings.count(600) {
            let node = random.int(world.nodeCount)
            let alpha =
                i % 10 == 0
                ? HostileInputs.x25519Special[random.int(HostileInputs.x25519Special.count)] : random.bytes(32)
            var block = random.bytes(NymConstants.routingInfoLength)
            let flags: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0xff, random.bytes(1)[0]]
            block[0] = flags[i % flags.count]
            let versions: [Bytes] = [
                [0, 1, 2], [0, 1, 3], [0, 1, 4], [1, 1, 3], [0, 0, 0], [0xff, 0xff, 0xff], random.bytes(3),
            ]
            block.replaceSubrange(1..<4, with: versions[(i / flags.count) % versions.count])
            let payloadLength = [33, 34, 1024, 33 + random.int(3000)][i % 4]
            let packet: Bytes
            do {
                packet = try Self.craftNym(
                    alpha: alpha, block: block, secret: world.secrets[node], payload: random.bytes(payloadLength))
            } catch {
                // A small-order α has no MAC key: send it with a random γ instead.
                packet = alpha + random.bytes(16) + block + random.bytes(payloadLength)
            }
            tally.call(Entry.nymProcessCrafted, "crafted block \(Array(block.prefix(4)).hex) α \(alpha.hex)") {
                Self.label(try NymSphinx.processPacket(packet, nodeSecret: world.secrets[node]))
            }
        }

        Self.check(tally, "nym")
        #expect(tally.count(Entry.nymProcessCrafted, "SphinxError.unknownVersion") > 0)
        #expect(tally.count(Entry.nymProcess, "SphinxError.smallOrderGroupElement") > 0)
    }

    /// A nym packet whose node decrypts `block` as its routing information: β = block ⊕ ρ, and
    /// γ = μ(h_μ, β), computed with the profile's own key schedule (see NYM-KEYS).
    static func craftNym(alpha: Bytes, block: Bytes, secret: Bytes, payload: Bytes) throws -> Bytes {
        let profile = NymProfile()
        let s = try profile.exponentiate(alpha, by: [secret])
        let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
        let stream = try profile.rho(key: keys.streamCipherKey, length: block.count)
        let beta = ByteOps.xor(block, stream)
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        return alpha + gamma + beta + payload
    }

    static func label(_ r: NymProcessedPacket) -> String {
        switch r.result {
        case .forward: return "ok forward"
        case .final: return "ok final" + (r.payloadError.map { " (payload \($0.name))" } ?? "")
        }
    }

    static func label(_ r: SphinxmixProcessedPacket) -> String {
        switch r.result {
        case .relay: return "ok relay"
        case .destination: return "ok destination"
        case .surbReply: return "ok surbReply"
        }
    }

    /// The sphinxmix entry points (see PROP-ROBUST-1): packet construction from fields,
    /// processing (checked fields, unchecked fields, with a replay cache, with a MAC-valid crafted
    /// β), forward and SURB payload opening, SURB packaging and routing-command parsing.
    @Test func sphinxmixEntryPointsNeverCrash() throws {
        var tally = OutcomeTally()
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("robust.sphinxmix"))
        let world = try SphinxmixWorld()
        let defaults = SphinxmixParameters.defaults
        let variants = [
            defaults, try SphinxmixParameters(headerLength: 64, bodyLength: 34),
            try SphinxmixParameters(headerLength: 256, bodyLength: 2048, associatedLength: 4),
        ]
        var cache = try ReplayCache(capacityPerEpoch: 4096, hashKey: Bytes.zeros(32))

        /// Splits wire bytes α (57) ‖ γ (k) ‖ β ‖ δ, the oracle's layout (ORACLE-SPHINXMIX-1),
        /// cutting short fields where the input is short.
        func split(_ b: Bytes, _ p: SphinxmixParameters) -> (Bytes, Bytes, Bytes, Bytes) {
            let a = Swift.min(b.count, 57), g = Swift.min(b.count, a + p.k), be = Swift.min(b.count, g + p.betaLength)
            return (Array(b[0..<a]), Array(b[a..<g]), Array(b[g..<be]), Array(b[be...]))
        }
        func feed(_ bytes: Bytes, node: Int, parameters p: SphinxmixParameters, _ what: @autoclosure () -> String) {
            let key = world.keys[node].privateKey
            let (alpha, gamma, beta, delta) = split(bytes, p)
            let ad = Bytes(repeating: 0xad, count: p.associatedLength)
            var packet: SphinxmixPacket?
            tally.call(Entry.smxPacket, what()) {
                packet = try SphinxmixPacket(alpha: alpha, beta: beta, gamma: gamma, delta: delta, parameters: p)
                return nil
            }
            if let packet {
                tally.call(Entry.smxProcess, what()) {
                    Self.label(
                        try Sphinxmix.process(parameters: p, privateKey: key, packet: packet, associatedData: ad))
                }
                tally.call(Entry.smxProcessCached, what()) {
                    Self.label(
                        try Sphinxmix.process(
                            parameters: p, privateKey: key, packet: packet, associatedData: ad, replayCache: &cache))
                }
            }
            let unchecked = SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
            tally.call(Entry.smxProcessUnchecked, what()) {
                Self.label(try Sphinxmix.process(parameters: p, privateKey: key, packet: unchecked, associatedData: ad))
            }
            tally.call(Entry.smxReceiveForward, what()) {
                _ = try Sphinxmix.receiveForward(parameters: p, macKey: Array(bytes.prefix(p.k)), body: delta);
                return nil
            }
            tally.call(Entry.smxReceiveForward, what()) {
                _ = try Sphinxmix.receiveForward(parameters: p, macKey: Array(bytes.prefix(p.k)), body: bytes);
                return nil
            }
            let keyCount = random.int(6)
            let keys = (0..<keyCount).map { i in Array(bytes.dropFirst(i * p.k).prefix(p.k)) }
            tally.call(Entry.smxReceiveSURB, what()) {
                _ = try Sphinxmix.receiveSURB(parameters: p, keys: keys, body: delta); return nil
            }
            let surb = SphinxmixSURB(
                firstNode: Array(delta.prefix(8)), header: unchecked.header, kTilde: Array(delta.prefix(random.int(20)))
            )
            tally.call(Entry.smxPackageSURB, what()) {
                _ = try Sphinxmix.packageSURB(
                    parameters: p, surb: surb, message: Array(bytes.prefix(random.int(1200))));
                return nil
            }
            tally.call(Entry.smxRouting, what()) {
                _ = try SphinxmixRouting(decoding: bytes); return nil
            }
            tally.call(Entry.smxRoutingEntry, what()) {
                _ = try SphinxmixProfile(parameters: p).decodeRoutingEntry(bytes); return nil
            }
        }
        func wire(_ f: Fields) -> Bytes { f.alpha + f.gamma + f.beta + f.delta }

        // (a) Random byte strings, at each parameter set.
        for (i, length) in HostileInputs.lengths(extra: RunSettings.count(30), &random).enumerated() {
            let bytes = random.bytes(length)
            feed(
                bytes, node: i % world.nodeCount, parameters: variants[i % variants.count],
                "random \(bytes.probeDescription)")
        }
        // Random bytes behind a valid α, so processing reaches the MAC check.
        for i in 0..<RunSettings.count(20) {
            let bytes = world.keys[i % world.nodeCount].publicKey.encoded + random.bytes(16 + 160 + 1024)
            feed(bytes, node: i % world.nodeCount, parameters: defaults, "valid α, random rest")
        }

        // (b) Mutations of real forward and reply packets, at every hop.
        var seeds: [(bytes: Bytes, node: Int, what: String)] = []
        for hops in [1, 2, 4, Swift.min(world.forwardMaxHops, world.replyMaxHops)] {
            let route = world.randomRoute(hops, &random)
            let message = random.bytes(random.int(900))
            for (kind, created) in [
                ("forward", try world.forward(route: route, message: message, random: &random)),
                ("reply", try world.reply(route: route, message: message, random: &random)),
            ] {
                var packet = created.packet
                for (hop, node) in route.enumerated() {
                    seeds.append((wire(packet), node, "\(kind) \(hops) hops, hop \(hop)"))
                    guard let next = try world.process(packet, at: node).output else { break }
                    packet = next
                }
            }
        }
        var replayCache = try ReplayCache(capacityPerEpoch: 64, hashKey: Bytes.zeros(32))
        for seed in seeds {
            let (alpha, gamma, beta, delta) = split(seed.bytes, defaults)
            let packet = SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
            for again in ["", " again"] {
                tally.call(Entry.smxProcessCached, seed.what + again) {
                    Self.label(
                        try Sphinxmix.process(
                            parameters: defaults, privateKey: world.keys[seed.node].privateKey,
                            packet: packet, replayCache: &replayCache))
                }
            }
        }
        #expect(tally.count(Entry.smxProcessCached, "SphinxError.replayedTag") >= seeds.count)
        let perSeed = RunSettings.count(8)
        for (i, seed) in seeds.enumerated() {
            for (what, mutated) in HostileInputs.mutations(
                of: seed.bytes, other: seeds[(i + 1) % seeds.count].bytes, alphaRange: 0..<57,
                specialAlphas: HostileInputs.p224Special, randomCount: perSeed, &random)
            {
                feed(mutated, node: seed.node, parameters: defaults, "\(seed.what): \(what)")
            }
        }

        // MAC-valid headers over crafted routing blocks, and forward bodies with a valid MAC
        // over hostile msgpack.
        let profile = SphinxmixProfile(parameters: defaults)
        for i in 0..<RunSettings.count(120) {
            let node = random.int(world.nodeCount)
            let alpha = seeds[random.int(seeds.count)].bytes.prefix(57)
            var block = random.bytes(defaults.betaLength)
            let command = HostileMsgPack.sample(&random)
            let lengthByte = i % 3 == 0 ? random.bytes(1)[0] : UInt8(truncatingIfNeeded: command.count)
            let entry = [lengthByte] + command
            block.replaceSubrange(0..<Swift.min(entry.count, block.count), with: entry.prefix(block.count))
            let packet = try Self.craftSphinxmix(
                alpha: Array(alpha), block: block, key: world.keys[node], profile: profile,
                delta: random.bytes(defaults.bodyLength))
            tally.call(Entry.smxProcessCrafted, "crafted entry \(entry.hex)") {
                Self.label(
                    try Sphinxmix.process(parameters: defaults, privateKey: world.keys[node].privateKey, packet: packet)
                )
            }
            let macKey = random.bytes(defaults.k)
            let payload = HostileMsgPack.sample(&random)
            if let body = try? profile.encodePayload(message: payload, payloadLength: defaults.bodyLength, key: macKey)
            {
                tally.call(Entry.smxReceiveForward, "MAC-valid body over \(payload.hex)") {
                    _ = try Sphinxmix.receiveForward(parameters: defaults, macKey: macKey, body: body); return nil
                }
            }
        }

        // Private keys from hostile bytes.
        for bytes in [Bytes(), [0], Bytes(repeating: 0xff, count: 28), Bytes(repeating: 0xff, count: 29)]
            + (0..<RunSettings.count(20)).map({ _ in random.bytes(random.int(40)) })
        {
            tally.call(Entry.smxNodeKey, bytes.probeDescription) {
                _ = try SphinxmixNodeKey(privateKey: bytes); return nil
            }
        }

        Self.check(tally, "sphinxmix")
        #expect(
            tally.count(Entry.smxProcessCrafted, "ok relay") + tally.count(Entry.smxProcessCrafted, "ok destination")
                > 0)
    }

    /// A sphinxmix packet whose node decrypts `block` (then the zero padding) as its routing
    /// information, with γ = μ(h_μ, β) (see SMX-KEYS).
    static func craftSphinxmix(
        alpha: Bytes, block: Bytes, key: SphinxmixNodeKey, profile: SphinxmixProfile,
        delta: Bytes
    ) throws -> SphinxmixPacket {
        let s = try profile.exponentiate(alpha, by: [key.privateKey.bytes])
        let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
        let beta = ByteOps.xor(block, try profile.rho(key: keys.streamCipherKey, length: block.count))
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        return SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
    }

    /// The shared decoders (see PROP-ROBUST-1): msgpack, P-224 points and scalars, hex.
    @Test func codecsNeverCrash() throws {
        var tally = OutcomeTally()
        var random = try DeterministicRandom(seed: RunSettings.randomSeed("robust.codecs"))
        var msgpacks = (0..<RunSettings.count(400)).map { _ in HostileMsgPack.sample(&random) }
        msgpacks += HostileInputs.lengths(extra: 0, &random).map { random.bytes($0) }
        for bytes in msgpacks {
            tally.call(Entry.msgpack, bytes.probeDescription) {
                _ = try MsgPack.decode(bytes); return nil
            }
        }
        var points = HostileInputs.p224Special
        let g = P224.generator.encoded
        for _ in 0..<RunSettings.count(100) {
            var p = g
            p[random.int(p.count)] ^= UInt8(1) << UInt8(random.int(8))
            points.append(p)
            points.append(random.bytes([0, 1, 29, 56, 57, 58][random.int(6)]))
            points.append([0x04] + random.bytes(56))
        }
        for bytes in points {
            tally.call(Entry.p224Point, bytes.probeDescription) {
                _ = try P224.Point(encoded: bytes); return nil
            }
        }
        let scalars =
            [
                Bytes(), [0], Bytes(repeating: 0, count: 28), Bytes(repeating: 0xff, count: 28),
                Bytes(repeating: 0xff, count: 300),
            ]
            + (0..<RunSettings.count(50)).map { _ in random.bytes(random.int(64)) }
        for bytes in scalars {
            tally.call(Entry.p224Scalar, bytes.probeDescription) {
                _ = try P224.Scalar(canonical: bytes); return nil
            }
            _ = P224.Scalar(reducing: bytes)
        }
        for text in HostileInputs.hexStrings(count: RunSettings.count(300), &random) {
            tally.call(Entry.hex, "\(text.prefix(40).debugDescription)") {
                let strict = try Bytes(validatingHex: text)
                #expect(Bytes(hex: text) == strict)
                return nil
            }
        }
        Self.check(tally, "codecs")
        #expect(tally.count(Entry.p224Point, "ok") >= 2)
        #expect(tally.count(Entry.p224Point, "PrimitiveError.pointAtInfinity") >= 1)
    }
}

/// Byte strings near the msgpack subset sphinxmix uses (see SMX-MSGPACK-DECODE): valid routing
/// commands and payloads, then truncated, extended, with format bytes and lengths replaced,
/// deeply nested, or random.
enum HostileMsgPack {
    static let valid: [Bytes] = [
        [0x92, 0xa2, 0xc3, 0xb0, 0xc4, 0x01, 0x07],  // [ "\u{F0}", bin(07) ]  relay
        [0x91, 0xa2, 0xc3, 0xb1],  // [ "\u{F1}" ]           destination
        [0x93, 0xa2, 0xc3, 0xb2, 0xc4, 0x03, 0x62, 0x6f, 0x62, 0xc4, 0x02, 0x00, 0x01],  // SURB
        [0x92, 0xc4, 0x03, 0x62, 0x6f, 0x62, 0xc4, 0x02, 0x68, 0x69],  // [ bin("bob"), bin("hi") ] payload
    ]

    static func sample(_ random: inout DeterministicRandom) -> Bytes {
        var v = valid[random.int(valid.count)]
        switch random.int(12) {
        case 0: return random.bytes(random.int(40))
        case 9, 10: return v
        case 1: return Array(v.prefix(random.int(v.count)))
        case 2: return v + random.bytes(1 + random.int(4))
        case 3: v[random.int(v.count)] = random.bytes(1)[0]; return v
        case 4: return Bytes(repeating: 0x91, count: 1 + random.int(40)) + [0xa0]  // nested arrays
        case 5: return [0xc6, 0xff, 0xff, 0xff, 0xff] + random.bytes(random.int(8))  // bin32, 4 GiB claimed
        case 6: return [0xc5, 0xff, 0xff] + random.bytes(random.int(8))
        case 7: return [0xd9, 0xff] + random.bytes(random.int(300))  // str8
        case 8: return [0x9f] + Bytes(repeating: 0xc0, count: 15)  // nil is outside the subset
        default:
            let at = random.int(v.count)
            v[at] ^= UInt8(1) << UInt8(random.int(8))
            return v
        }
    }
}

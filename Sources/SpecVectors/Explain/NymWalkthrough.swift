import SphinxSpec

/// The nym profile's walkthrough (SPEC.md §4.1): a route of mixes with X25519 keys, version 259
/// (the crate's default), 1024-byte payloads, and delays of 15 ms · (i + 1) at hop i, the same
/// rule the vector files use, so no floating point enters the bytes.
enum NymWalkthrough {
    static let words = ProfileWords(
        keysID: "NYM-KEYS-1", keysTitle: "h_ρ, h_μ, b, h_τ from one HKDF expansion of s",
        payloadKeyID: "NYM-KEYS-3",
        payloadKeyMeaning: "version 259: HKDF of the seed ESS[32,48) (NYM-KEYS-2), 192 bytes of LIONESS key",
        details: [
            ("expandedSharedSecret", "ESS", "HKDF-SHA256(s): h_ρ ‖ h_μ ‖ K ‖ b ‖ h_τ, 288 bytes"),
            ("payloadKeySeed", "seed", "ESS[32, 48), from which h_π is derived"),
        ],
        alphaMeaning: { "g^(\($0)): X25519 of the base point, once per exponent" },
        sharedSecretMeaning: { "y_\($1)^(\($0)): the same exponents on the hop's key" },
        blindingMeaning: "the blinding factor, ESS[224, 256)")

    /// The random inputs, drawn in this order from DeterministicRandom(SHA-256(label)): per hop
    /// address (32) and secret key (32), then the destination (32) and identifier (16), then x
    /// (32) and the final padding — the order of the vector files (VEC-NYM-DRAW-1).
    struct Draw {
        var route: [NymRouteNode] = []
        var secrets: [Bytes] = []
        let destination: NymDestination
        let randomness: NymPacketRandomness

        init(label: String, hops: Int) throws(ExplainError) {
            do {
                var random = try DeterministicRandom(seed: Seeds.seed(for: label))
                for _ in 0..<hops {
                    let address = random.bytes(32)
                    let secret = random.bytes(32)
                    let publicKey = try X25519.publicKey(secret: secret)
                    route.append(
                        try Explain.sphinx { () throws(SphinxError) in
                            try NymRouteNode(address: NymNodeAddress(address), publicKey: publicKey)
                        })
                    secrets.append(secret)
                }
                let address = random.bytes(32)
                let identifier = random.bytes(16)
                destination = try Explain.sphinx { () throws(SphinxError) in
                    NymDestination(
                        address: try NymDestinationAddress(address), identifier: try NymIdentifier(identifier))
                }
                randomness = NymPacketRandomness.draw(hops: hops, from: &random)
            } catch {
                throw Explain.drawFailure(error)
            }
        }

        var delays: [NymDelay] { (0..<route.count).map { NymDelay(nanoseconds: UInt64($0 + 1) * 15_000_000) } }

        /// "hop 2 (3c4d5e6f…)" for a route address, or the short hex of another address.
        func name(_ address: Bytes) -> String {
            let short = Explain.shortHex(address, head: 4, tail: 0, whole: 4)
            guard let i = route.firstIndex(where: { $0.address.bytes == address }) else { return short }
            return "hop \(i) (\(short))"
        }
    }

    static func build(flow: ExplainFlow, hops: Int, seed: String, message: String) throws(ExplainError)
        -> Walkthrough
    {
        let allowed = 1...NymConstants.maxPathLength
        guard allowed.contains(hops) else { throw .unsupportedHops(profile: "nym", hops: hops, allowed: allowed) }
        let label = Explain.seedLabel(profile: .nym, seed: seed)
        let draw = try Draw(label: label, hops: hops)
        let m = Bytes(message.utf8)
        let version = NymVersion.current
        var sections = [inputs(draw, message: m, flow: flow)]
        let creation: HeaderCreation
        let wire: Bytes
        switch flow {
        case .forward:
            let packet = try Explain.sphinx { () throws(SphinxError) in
                try NymSphinx.createForwardPacket(
                    route: draw.route, delays: draw.delays, destination: draw.destination, message: m,
                    version: version, randomness: draw.randomness)
            }
            creation = packet.creation.headerCreation
            sections.append(creationSection("Creating the packet", creation, draw: draw))
            let deltas = packet.creation.deltas
            sections.append(
                WalkthroughSection(
                    title: "The payload",
                    steps: [
                        WalkthroughStep(
                            id: "NYM-PAYLOAD-1", title: "encode m for the destination: P = 0^16 ‖ m ‖ 0x01 ‖ 0…",
                            values: [
                                .bytes("P = δ_\(hops)", "what the last hop will find", deltas[hops]),
                                .bytes(
                                    "P[0, \(17 + m.count))", "0^16 ‖ m ‖ 0x01, then zeros",
                                    Array(deltas[hops].prefix(17 + m.count))),
                            ]),
                        TraceSteps.payloadLayers(deltas) { "k_\($0)" },
                    ]))
            wire = packet.bytes
            sections.append(wireSection(id: "NYM-CREATE-4", title: "serialise header ‖ payload", wire, to: 0))
        case .surb, .error:  // .error: refused by Explain.walkthrough (ExplainProfile.flows)
            let surb = try Explain.sphinx { () throws(SphinxError) in
                try NymSphinx.createSURB(
                    route: draw.route, delays: draw.delays, destination: draw.destination, version: version,
                    randomness: draw.randomness)
            }
            creation = surb.creation
            var steps = creationSteps(creation, draw: draw)
            steps.append(
                WalkthroughStep(
                    id: "NYM-SURB-3", title: "the SURB keeps every hop's payload key seed (version 259)",
                    values: surb.creation.hops.enumerated().map { i, _ in
                        .bytes("K_\(i)", "hop \(i)'s seed ESS[32, 48)", seedAt(i, surb.surb.keyMaterial))
                    }))
            steps.append(
                WalkthroughStep(
                    id: "NYM-SURB-1", title: "the SURB: header ‖ first hop address ‖ K_0 ‖ … ‖ K_{ν−1}",
                    values: [.bytes("SURB", "what the creator hands to the replier", surb.surb.bytes)]))
            sections.append(WalkthroughSection(title: "Creating the SURB (by its future receiver)", steps: steps))
            let reply = try Explain.sphinx { () throws(SphinxError) in try NymSphinx.useSURB(surb.surb, message: m) }
            sections.append(
                WalkthroughSection(
                    title: "The reply (by the replier, who holds only the SURB)",
                    steps: [
                        WalkthroughStep(
                            id: "NYM-SURB-4", title: "encode the reply and add a LIONESS layer per key K_i",
                            values: [
                                .bytes("P = δ_\(hops)", "0^16 ‖ m ‖ 0x01 ‖ 0…", reply.deltas[hops]),
                                .bytes(
                                    "P[0, \(17 + m.count))", "0^16 ‖ m ‖ 0x01, then zeros",
                                    Array(reply.deltas[hops].prefix(17 + m.count))),
                            ]),
                        TraceSteps.payloadLayers(reply.deltas) { "h_π(K_\($0))" },
                    ]))
            wire = reply.bytes
            sections.append(wireSection(id: "NYM-PACKET-1", title: "packet = SURB header ‖ payload", wire, to: 0))
        }
        sections += try walk(wire, draw: draw, creation: creation, flow: flow)
        return Walkthrough(
            format: Explain.format, profile: "nym", flow: flow.rawValue, hops: hops, seed: seed, seedLabel: label,
            message: message, sections: sections)
    }

    static func seedAt(_ i: Int, _ material: NymSURBKeyMaterial) -> Bytes {
        switch material {
        case .payloadKeys(let keys): return keys[i]
        case .payloadKeySeeds(let seeds): return seeds[i]
        }
    }

    static func inputs(_ draw: Draw, message m: Bytes, flow: ExplainFlow) -> WalkthroughSection {
        var route: [WalkthroughValue] = []
        for (i, node) in draw.route.enumerated() {
            route.append(.bytes("addr_\(i)", "hop \(i)'s address", node.address.bytes))
            route.append(.bytes("x_h\(i)", "hop \(i)'s secret key (only hop \(i) knows it)", draw.secrets[i]))
            route.append(.bytes("y_\(i)", "hop \(i)'s public key X25519(x_h\(i), 9)", node.publicKey))
        }
        let who = flow == .forward ? "the destination" : "the SURB's creator, who will read the reply"
        route.append(.bytes("dest", who, draw.destination.address.bytes))
        route.append(.bytes("id", "the identifier carried to it", draw.destination.identifier.bytes))
        route.append(.bytes("m", flow == .forward ? "the message" : "the reply message", m))
        let commands = (0..<draw.route.count).map { i in
            WalkthroughValue.text("E_\(i)", "what hop \(i) is told", command(i, draw: draw))
        }
        return WalkthroughSection(
            title: "Inputs",
            steps: [
                WalkthroughStep(id: "NYM-CREATE", title: "the route, the destination and the message", values: route),
                WalkthroughStep(id: "NYM-CREATE-1", title: "build the routing commands", values: commands),
                WalkthroughStep(
                    id: "NYM-CREATE-2", title: "the random inputs: x, then the final padding",
                    values: [
                        .bytes("x", "the sender's secret exponent (clamped at use)", draw.randomness.initialSecret),
                        .bytes("padding", "300 − 60·(ν−1) − 52 bytes", draw.randomness.finalPadding),
                    ]),
            ])
    }

    static func command(_ i: Int, draw: Draw) -> String {
        let version = NymVersion.current.rawValue
        if i == draw.route.count - 1 {
            return "final: deliver to \(draw.name(draw.destination.address.bytes)), version \(version)"
        }
        let delay = draw.delays[i].nanoseconds / 1_000_000
        return "forward to \(draw.name(draw.route[i + 1].address.bytes)) after \(delay) ms, version \(version)"
    }

    static func creationSteps(_ creation: HeaderCreation, draw: Draw) -> [WalkthroughStep] {
        TraceSteps.keyDerivation(creation, words: words)
            + TraceSteps.header(creation) { i in
                (i == creation.hops.count - 1 ? "52 B: " : "44 B: ") + command(i, draw: draw)
            }
    }

    static func creationSection(_ title: String, _ creation: HeaderCreation, draw: Draw) -> WalkthroughSection {
        WalkthroughSection(title: title, steps: creationSteps(creation, draw: draw))
    }

    static func wireSection(id: String, title: String, _ bytes: Bytes, to hop: Int) -> WalkthroughSection {
        let h = NymConstants.headerLength
        return WalkthroughSection(
            title: "On the wire",
            steps: [
                WalkthroughStep(
                    id: id, title: title,
                    values: [
                        .bytes("α_0", "bytes [0, 32)", Array(bytes[0..<32])),
                        .bytes("γ_0", "bytes [32, 48)", Array(bytes[32..<48])),
                        .bytes("β_0", "bytes [48, 348)", Array(bytes[48..<h])),
                        .bytes("δ_0", "bytes [348, \(bytes.count))", Array(bytes[h...])),
                        .bytes("packet", "sent to hop \(hop)", bytes),
                    ])
            ])
    }

    /// Processing at every hop, then delivery.
    static func walk(_ first: Bytes, draw: Draw, creation: HeaderCreation, flow: ExplainFlow) throws(ExplainError)
        -> [WalkthroughSection]
    {
        var sections: [WalkthroughSection] = []
        var bytes = first
        let nu = draw.route.count
        for i in 0..<nu {
            let (received, processed) = try Explain.sphinx { () throws(SphinxError) in
                (
                    try NymSphinx.decodePacket(bytes).header,
                    try NymSphinx.processPacket(bytes, nodeSecret: draw.secrets[i])
                )
            }
            var steps = [
                WalkthroughStep(
                    id: "NYM-PROCESS-1", title: "split the packet: header (348) ‖ payload",
                    values: [.bytes("packet", "as received by hop \(i)", bytes)])
            ]
            switch processed.result {
            case let .forward(nextPacket, nextAddress, delay):
                let next = try Explain.sphinx { () throws(SphinxError) in
                    try NymSphinx.decodeHeader(Array(nextPacket.prefix(NymConstants.headerLength)))
                }
                let said = "forward to \(draw.name(nextAddress.bytes)) after \(delay.nanoseconds / 1_000_000) ms"
                steps += TraceSteps.processing(
                    hop: i, received: received, trace: processed.trace, sentSecret: creation.hops[i].sharedSecret,
                    words: words, command: said + ", version \(processed.version.rawValue)", next: next,
                    payload: (processed.payloadIn, processed.payloadOut))
                steps.append(
                    WalkthroughStep(
                        id: "NYM-PROCESS-3", title: "assemble the next packet α' ‖ γ' ‖ β' ‖ δ'",
                        values: [
                            .bytes("packet'", "held \(delay.nanoseconds / 1_000_000) ms, then sent on", nextPacket),
                            .text("to", "the next hop", draw.name(nextAddress.bytes)),
                        ]))
                bytes = nextPacket
                sections.append(WalkthroughSection(title: "Hop \(i) of \(nu) (a mix)", steps: steps))
            case let .final(destination, identifier, payload, message):
                steps += TraceSteps.processing(
                    hop: i, received: received, trace: processed.trace, sentSecret: creation.hops[i].sharedSecret,
                    words: words, command: "final: deliver to \(draw.name(destination.bytes))", next: nil,
                    payload: (processed.payloadIn, processed.payloadOut))
                steps.append(
                    WalkthroughStep(
                        id: "NYM-PROCESS-3", title: "the final hop reads its command",
                        values: [
                            .bytes("dest", "the destination", destination.bytes),
                            .bytes("id", "the identifier", identifier.bytes),
                        ]))
                sections.append(WalkthroughSection(title: "Hop \(i) of \(nu) (the last)", steps: steps))
                guard let message else {
                    throw .unexpectedOutcome(hop: i, detail: "the final payload did not decode")
                }
                let who = flow == .forward ? "the destination" : "the SURB's creator"
                sections.append(
                    WalkthroughSection(
                        title: "Delivery",
                        steps: [
                            WalkthroughStep(
                                id: "NYM-PAYLOAD-2", title: "\(who) checks 0^16 and the 0x01 marker, and reads m",
                                values: [
                                    .bytes("P", "δ' of the last hop", payload),
                                    .bytes("m", "P[16, j), j the last 0x01", message),
                                    .text("text", "m as UTF-8", Explain.quoted(message)),
                                ])
                        ]))
                return sections
            }
        }
        throw .unexpectedOutcome(hop: nu - 1, detail: "the last hop forwarded the packet")
    }
}

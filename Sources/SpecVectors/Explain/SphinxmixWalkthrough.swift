import SphinxSpec

/// The sphinxmix profile's walkthrough (SPEC.md §4.2): P-224, the default parameters
/// (header_len 192, body_len 1024, no associated data) and 8-byte node ids.
enum SphinxmixWalkthrough {
    static let words = ProfileWords(
        keysID: "SMX-KEYS", keysTitle: "aes_s, then h_ρ, h_μ, h_π, h_b, h_τ by AES-CTR with flavour IVs",
        payloadKeyID: nil, payloadKeyMeaning: "",
        details: [
            ("aes_s", "aes_s", "SHA-256(\"aes_key:\" ‖ s)[0, 16), the hop's master key"),
            ("h_pi", "h_π", "the payload key (LIONESS, and the body MAC at the last hop)"),
            ("h_b", "h_b", "16 bytes, reduced mod n into b"),
        ],
        alphaMeaning: { "(\($0) mod n)·G: the scalars multiplied mod n first" },
        sharedSecretMeaning: { "(\($0) mod n)·y_\($1), a P-224 point (57 bytes uncompressed)" },
        blindingMeaning: "b = h_b mod n, as a 28-byte scalar")

    static let parameters = SphinxmixParameters.defaults

    /// The random inputs, drawn in this order from DeterministicRandom(SHA-256(label)): per hop
    /// node id (8) and secret key (P-224 rejection sampling), the destination (16), then for a
    /// forward packet x and the final padding, for a SURB the SURB id (16), x, the padding and
    /// k̃ (16) — the order of the vector files (VEC-SMX-DRAW-1).
    struct Draw {
        var path: [SphinxmixPathHop] = []
        var keys: [SphinxmixNodeKey] = []
        let destination: Bytes
        var random: DeterministicRandom

        init(label: String, hops: Int) throws(ExplainError) {
            do {
                random = try DeterministicRandom(seed: Seeds.seed(for: label))
                for _ in 0..<hops {
                    let id = random.bytes(8)
                    let secret = try P224.Scalar.random(using: &random)
                    let key = try Explain.sphinx { () throws(SphinxError) in
                        try SphinxmixNodeKey(privateKey: secret.bytes)
                    }
                    path.append(SphinxmixPathHop(nodeID: id, publicKey: key.publicKey))
                    keys.append(key)
                }
            } catch {
                throw Explain.drawFailure(error)
            }
            destination = random.bytes(16)
        }

        mutating func scalar() throws(ExplainError) -> Bytes {
            do {
                return try P224.Scalar.random(using: &random).bytes
            } catch {
                throw .primitive(error)
            }
        }

        func name(_ id: Bytes) -> String {
            guard let i = path.firstIndex(where: { $0.nodeID == id }) else { return id.hex }
            return "hop \(i) (\(id.hex))"
        }
    }

    static func build(flow: ExplainFlow, hops: Int, seed: String, message: String) throws(ExplainError)
        -> Walkthrough
    {
        let allowed = 1...6
        guard allowed.contains(hops) else {
            throw .unsupportedHops(profile: "sphinxmix", hops: hops, allowed: allowed)
        }
        let label = Explain.seedLabel(profile: .sphinxmix, seed: seed)
        var draw = try Draw(label: label, hops: hops)
        let m = Bytes(message.utf8)
        var sections: [WalkthroughSection] = []
        let creation: HeaderCreation
        let first: SphinxmixPacket
        var surbKeys: [Bytes] = []
        switch flow {
        case .forward:
            let x = try draw.scalar()
            let paddingLength = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.finalPaddingLength(parameters: parameters, path: draw.path, final: .destination)
            }
            let randomness = SphinxmixPacketRandomness(initialSecret: x, finalPadding: draw.random.bytes(paddingLength))
            let path = draw.path
            let destination = draw.destination
            let created = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.createForwardMessage(
                    parameters: parameters, path: path, destination: destination, message: m, randomness: randomness)
            }
            sections.append(
                inputs(
                    draw, message: m, id: "SMX-FORWARD-CREATE",
                    random: [
                        .bytes("x", "the sender's secret scalar", x),
                        .bytes("padding", "random bytes after the final entry", randomness.finalPadding),
                    ]))
            creation = created.creation.headerCreation
            var steps = [
                WalkthroughStep(
                    id: "SMX-FORWARD-CREATE-1", title: "check the sizes and pack the destination with the message",
                    values: [.bytes("p", "msgpack([destination, m])", created.encodedPayload)])
            ]
            steps += creationSteps(creation, draw: draw, surb: false)
            sections.append(WalkthroughSection(title: "Creating the packet (SMX-FORWARD-CREATE-2)", steps: steps))
            let deltas = created.creation.deltas
            sections.append(
                WalkthroughSection(
                    title: "The payload",
                    steps: [
                        WalkthroughStep(
                            id: "SMX-BODY", title: "body = μ(h_π,ν−1, p') ‖ p', p' = p padded with 0x7f 0xff…",
                            values: [.bytes("δ_\(hops)", "the body the last hop will open", deltas[hops])]),
                        TraceSteps.payloadLayers(deltas) { "h_π,\($0)" },
                    ]))
            first = created.packet
        case .surb, .error:  // .error: refused by Explain.walkthrough (ExplainProfile.flows)
            let surbID = draw.random.bytes(16)
            let x = try draw.scalar()
            let final = SphinxmixFinal.surb(destination: draw.destination, surbID: surbID)
            let paddingLength = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.finalPaddingLength(parameters: parameters, path: draw.path, final: final)
            }
            let padding = draw.random.bytes(paddingLength)
            let kTilde = draw.random.bytes(16)
            let randomness = SphinxmixSURBRandomness(
                surbID: surbID, initialSecret: x, finalPadding: padding, kTilde: kTilde)
            let path = draw.path
            let destination = draw.destination
            let surb = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.createSURB(
                    parameters: parameters, path: path, destination: destination, randomness: randomness)
            }
            sections.append(
                inputs(
                    draw, message: m, id: "SMX-SURB-CREATE",
                    random: [
                        .bytes("id", "the SURB's identifier", surbID),
                        .bytes("x", "the creator's secret scalar", x),
                        .bytes("padding", "random bytes after the final entry", padding),
                        .bytes("k̃", "the key the replier will use", kTilde),
                    ]))
            creation = surb.creation
            var steps = [
                WalkthroughStep(
                    id: "SMX-SURB-CREATE-1", title: "build the header with the SURB command last",
                    values: [.text("E_\(hops - 1)", "the last command", "surb(destination, id)")])
            ]
            steps += creationSteps(creation, draw: draw, surb: true)
            surbKeys = surb.keys
            var kept: [WalkthroughValue] = [.bytes("k̃", "kept by the creator and given to the replier", surb.keys[0])]
            for (i, key) in surb.keys.dropFirst().enumerated() {
                kept.append(.bytes("h_π,\(i)", "hop \(i)'s payload key, kept by the creator", key))
            }
            kept.append(.bytes("Nenc(id_0)", "the first node, given to the replier", surb.surb.firstNode))
            steps.append(
                WalkthroughStep(
                    id: "SMX-SURB-CREATE-2", title: "what the creator keeps, and the SURB (first node, header, k̃)",
                    values: kept))
            sections.append(WalkthroughSection(title: "Creating the SURB (by its future receiver)", steps: steps))
            let packet = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.packageSURB(parameters: parameters, surb: surb.surb, message: m)
            }
            sections.append(
                WalkthroughSection(
                    title: "The reply (by the replier, who holds only the SURB)",
                    steps: [
                        WalkthroughStep(
                            id: "SMX-SURB-USE", title: "δ = π(k̃, μ(k̃, p') ‖ p'), p' = the reply padded",
                            values: [.bytes("δ_0", "the only layer the replier adds", packet.delta)])
                    ]))
            first = packet
        }
        let wire: Bytes
        do {
            wire = try SphinxmixWire.pack(first, parameters: parameters)
        } catch {
            throw .unexpectedOutcome(hop: 0, detail: "the packet does not pack: \(error)")
        }
        sections.append(
            WalkthroughSection(
                title: "On the wire",
                steps: [
                    WalkthroughStep(
                        id: "SMX-WIRE", title: "pack_message: msgpack of the parameters, (α compressed, β, γ) and δ",
                        values: [.bytes("packet", "sent to hop 0", wire)])
                ]))
        sections += try walk(first, draw: draw, creation: creation, surbKeys: surbKeys)
        return Walkthrough(
            format: Explain.format, profile: "sphinxmix", flow: flow.rawValue, hops: hops, seed: seed,
            seedLabel: label, message: message, sections: sections)
    }

    static func inputs(_ draw: Draw, message m: Bytes, id: String, random: [WalkthroughValue]) -> WalkthroughSection {
        var values: [WalkthroughValue] = []
        for (i, hop) in draw.path.enumerated() {
            values.append(.bytes("id_\(i)", "hop \(i)'s node id", hop.nodeID))
            values.append(
                .bytes("x_h\(i)", "hop \(i)'s secret scalar (only hop \(i) knows it)", draw.keys[i].privateKey.bytes))
            values.append(.bytes("y_\(i)", "hop \(i)'s public key x_h\(i)·G", hop.publicKey.encoded))
        }
        values.append(.bytes("dest", "the destination", draw.destination))
        values.append(.bytes("m", id == "SMX-SURB-CREATE" ? "the reply the replier will send" : "the message", m))
        let commands = (0..<draw.path.count).map { i in
            WalkthroughValue.text(
                "E_\(i)", "what hop \(i) is told", command(i, draw: draw, surb: id == "SMX-SURB-CREATE"))
        }
        return WalkthroughSection(
            title: "Inputs",
            steps: [
                WalkthroughStep(
                    id: id, title: "the path, the destination, the message and the random inputs",
                    values: values + random),
                WalkthroughStep(
                    id: "SMX-COMMANDS", title: "the commands: relay(id_{i+1}) …, then the last", values: commands),
            ])
    }

    static func command(_ i: Int, draw: Draw, surb: Bool) -> String {
        guard i == draw.path.count - 1 else { return "relay to \(draw.name(draw.path[i + 1].nodeID))" }
        return surb ? "surb: hand the reply to the destination under the SURB id" : "destination: deliver"
    }

    static func creationSteps(_ creation: HeaderCreation, draw: Draw, surb: Bool) -> [WalkthroughStep] {
        TraceSteps.keyDerivation(creation, words: words)
            + TraceSteps.header(creation) { i in "length byte ‖ msgpack: " + command(i, draw: draw, surb: surb) }
    }

    /// Processing at every hop, then delivery.
    static func walk(_ first: SphinxmixPacket, draw: Draw, creation: HeaderCreation, surbKeys: [Bytes])
        throws(ExplainError) -> [WalkthroughSection]
    {
        var sections: [WalkthroughSection] = []
        var packet = first
        let nu = draw.path.count
        for i in 0..<nu {
            let current = packet
            let processed = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.process(parameters: parameters, privateKey: draw.keys[i].privateKey, packet: current)
            }
            let said: String
            var next: SphinxHeader? = nil
            var after: [WalkthroughValue] = []
            switch processed.result {
            case let .relay(nextNode, nextPacket):
                said = "relay to \(draw.name(nextNode))"
                next = nextPacket.header
                after = [.text("to", "the next node", draw.name(nextNode))]
                packet = nextPacket
            case .destination:
                said = "destination: deliver the body"
            case let .surbReply(destination, surbID, _):
                said =
                    "surb: hand the reply to \(Explain.shortHex(destination, head: 4, tail: 0, whole: 4)) "
                    + "under id \(Explain.shortHex(surbID, head: 4, tail: 0, whole: 4))"
            }
            var steps = TraceSteps.processing(
                hop: i, received: current.header, trace: processed.trace, sentSecret: creation.hops[i].sharedSecret,
                words: words, command: said, next: next,
                payload: (processed.payloadIn, processed.payloadOut))
            steps.append(
                WalkthroughStep(
                    id: "SMX-PROCESS-3", title: "say what to do next", values: after + [.text("E", "the command", said)]
                ))
            sections.append(
                WalkthroughSection(title: "Hop \(i) of \(nu)\(next == nil ? " (the last)" : "")", steps: steps))
            guard next == nil else { continue }
            sections.append(try delivery(processed, surbKeys: surbKeys))
            return sections
        }
        throw .unexpectedOutcome(hop: nu - 1, detail: "the last hop relayed the packet")
    }

    static func delivery(_ processed: SphinxmixProcessedPacket, surbKeys: [Bytes]) throws(ExplainError)
        -> WalkthroughSection
    {
        switch processed.result {
        case .destination(let body):
            let opened = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.receiveForward(parameters: parameters, macKey: processed.macKey, body: body)
            }
            return WalkthroughSection(
                title: "Delivery",
                steps: [
                    WalkthroughStep(
                        id: "SMX-FORWARD-RECEIVE", title: "check the body MAC with h_π, unpad, unpack [destination, m]",
                        values: [
                            .bytes("dest", "the destination", opened.destination),
                            .bytes("m", "the message", opened.message),
                            .text("text", "m as UTF-8", Explain.quoted(opened.message)),
                        ])
                ])
        case let .surbReply(_, _, body):
            let message = try Explain.sphinx { () throws(SphinxError) in
                try Sphinxmix.receiveSURB(parameters: parameters, keys: surbKeys, body: body)
            }
            return WalkthroughSection(
                title: "Delivery",
                steps: [
                    WalkthroughStep(
                        id: "SMX-SURB-OPEN",
                        title: "the creator re-applies π(h_π,i) for every hop, then π⁻¹(k̃), and opens",
                        values: [
                            .bytes("body", "δ' of the last hop", body),
                            .bytes("m", "the reply", message),
                            .text("text", "m as UTF-8", Explain.quoted(message)),
                        ])
                ])
        case .relay:
            throw .unexpectedOutcome(hop: 0, detail: "delivery of a relayed packet")
        }
    }
}

import SphinxSpec

/// The bolt4 profile's walkthrough (SPEC.md §4.3): Lightning's onion over secp256k1, 1366 bytes
/// at every hop, with no end-to-end payload: what a hop reads is its own hop payload.
///
/// Every hop's payload is the message's UTF-8 bytes, taken as opaque bytes where Lightning puts a
/// TLV stream (amount, CLTV expiry, next channel); nothing here parses them as TLV, and the
/// profile does not either. The error return (flow `error`) lets one hop answer with BOLT #4's
/// temporary_node_failure instead of forwarding or accepting.
enum Bolt4Walkthrough {
    static let words = ProfileWords(
        keysID: "BOLT4-KEYS", keysTitle: "ss = SHA-256(s), then rho, mu, um, ammag = HMAC-SHA256(label, ss), b, h_τ",
        payloadKeyID: nil, payloadKeyMeaning: "",
        details: [
            ("hop_shared_secret", "ss", "SHA-256(s): what BOLT #4 calls the hop's shared secret"),
            ("um", "um", "HMAC-SHA256(\"um\", ss): the key of an error return's HMAC"),
            ("ammag", "ammag", "HMAC-SHA256(\"ammag\", ss): the key of an error return's obfuscation"),
        ],
        alphaMeaning: { "(\($0) mod n)·G, compressed: the ephemeral public key" },
        sharedSecretMeaning: { "(\($0) mod n)·y_\($1), the ECDH point, compressed" },
        blindingMeaning: "SHA-256(α ‖ ss), read mod n: the next ephemeral key is α·b",
        keyMeanings: [
            "h_ρ": "rho = HMAC-SHA256(\"rho\", ss): the ChaCha20 key that encrypts β",
            "h_μ": "mu = HMAC-SHA256(\"mu\", ss): the key of γ",
            "h_τ": "SHA-256(ss)[0, 20): the replay tag (lnd's replay log, BOLT4-REPLAY)",
        ],
        macMeaning: "HMAC-SHA256(mu, β ‖ ad): the received β, then the associated data")

    /// The failure the failing hop returns: BOLT #4 "Failure Messages", temporary_node_failure
    /// (NODE|2 = 0x2002) with no data, the message onion-error-test.json uses.
    static let failureMessage: Bytes = [0x20, 0x02]

    /// The route and what the sender and each hop hold.
    struct Route {
        let sessionKey: Bytes
        let nodeSecrets: [Bytes]
        let publicKeys: [Bytes]
        let payloads: [Bytes]
        let associatedData: Bytes

        /// The public keys are the node secrets times G, by the profile's own group operation.
        init(sessionKey: Bytes, nodeSecrets: [Bytes], payloads: [Bytes], associatedData: Bytes) throws(ExplainError) {
            let profile = BOLT4Profile()
            var keys: [Bytes] = []
            for secret in nodeSecrets {
                keys.append(
                    try Explain.sphinx { () throws(SphinxError) in
                        try profile.exponentiate(profile.generator, by: [secret])
                    })
            }
            self.sessionKey = sessionKey
            self.nodeSecrets = nodeSecrets
            self.publicKeys = keys
            self.payloads = payloads
            self.associatedData = associatedData
        }

        /// Drawn from DeterministicRandom(SHA-256(label)) in the order of the generated bolt4
        /// vectors: the session key, then each hop's secret (`BOLT4Profile.randomExponent`).
        static func draw(label: String, hops: Int, payload: Bytes, associatedData: Bytes) throws(ExplainError)
            -> Route
        {
            var random: DeterministicRandom
            do {
                random = try Seeds.random(for: label)
            } catch {
                throw .primitive(error)
            }
            let profile = BOLT4Profile()
            let session = try Explain.sphinx { () throws(SphinxError) in try profile.randomExponent(using: &random) }
            var secrets: [Bytes] = []
            for _ in 0..<hops {
                secrets.append(
                    try Explain.sphinx { () throws(SphinxError) in try profile.randomExponent(using: &random) })
            }
            return try Route(
                sessionKey: session, nodeSecrets: secrets, payloads: Array(repeating: payload, count: hops),
                associatedData: associatedData)
        }

        var count: Int { nodeSecrets.count }
        var hops: [BOLT4RouteHop] { zip(publicKeys, payloads).map { BOLT4RouteHop(publicKey: $0, payload: $1) } }
    }

    /// The bolt4 walkthrough: a forward onion, or (flow `error`) one that hop `failingHop` (the
    /// last when nil) answers with an error return. SPEC.md [VEC-EXPLAIN-2].
    static func build(
        flow: ExplainFlow, hops: Int, seed: String, message: String, associatedData: Bytes, failingHop: Int?
    ) throws(ExplainError) -> Walkthrough {
        let allowed = 1...BOLT4Constants.maxHops
        guard allowed.contains(hops) else { throw .unsupportedHops(profile: "bolt4", hops: hops, allowed: allowed) }
        let failing = failingHop ?? hops - 1
        guard (0..<hops).contains(failing) else { throw .failingHopOutOfRange(hop: failing, hops: hops) }
        let label = Explain.seedLabel(profile: .bolt4, seed: seed)
        let route = try Route.draw(
            label: label, hops: hops, payload: Bytes(message.utf8), associatedData: associatedData)
        return Walkthrough(
            format: Explain.format, profile: "bolt4", flow: flow.rawValue, hops: hops, seed: seed, seedLabel: label,
            message: message, sections: try sections(route, failingHop: flow == .error ? failing : nil))
    }

    /// Creation, the wire, each hop, then delivery or (with a failing hop) the error return.
    static func sections(_ route: Route, failingHop: Int?) throws(ExplainError) -> [WalkthroughSection] {
        let created = try Explain.sphinx { () throws(SphinxError) in
            try BOLT4.createOnion(route: route.hops, associatedData: route.associatedData, sessionKey: route.sessionKey)
        }
        var sections = [
            inputs(route, failingHop: failingHop), creationSection(created, route: route),
            wireSection(created.packet.bytes),
        ]
        let lastHop = failingHop ?? route.count - 1
        var onion = created.packet.bytes
        var processed: [BOLT4ProcessedOnion] = []
        for i in 0...lastHop {
            let hop = try processHop(i, onion, route: route, creation: created.creation, failing: i == failingHop)
            sections.append(hop.section)
            processed.append(hop.processed)
            if case .forward(_, let next) = hop.processed.outcome { onion = next.bytes }
        }
        if let failingHop {
            return sections + (try errorReturn(failingHop, processed: processed, creation: created.creation))
        }
        guard case .final(let payload) = processed[lastHop].outcome else {
            throw .unexpectedOutcome(hop: lastHop, detail: "the last hop did not find the zero HMAC")
        }
        sections.append(
            WalkthroughSection(
                title: "Delivery",
                steps: [
                    WalkthroughStep(
                        id: "BOLT4-PROCESS-3", title: "the final hop hands over its payload",
                        values: [
                            .bytes("payload", "hop \(lastHop)'s payload, without its BigSize prefix", payload),
                            .text("text", "the payload as UTF-8", Explain.quoted(payload)),
                        ])
                ]))
        return sections
    }

    static func inputs(_ route: Route, failingHop: Int?) -> WalkthroughSection {
        var values: [WalkthroughValue] = []
        for i in 0..<route.count {
            values.append(.bytes("x_h\(i)", "hop \(i)'s node secret (only hop \(i) knows it)", route.nodeSecrets[i]))
            values.append(.bytes("y_\(i)", "hop \(i)'s node id x_h\(i)·G, compressed", route.publicKeys[i]))
            values.append(
                .bytes(
                    "payload_\(i)", "hop \(i)'s payload: the message as opaque bytes (Lightning: a TLV stream)",
                    route.payloads[i]))
        }
        values.append(.bytes("ad", "the associated data (Lightning: the payment hash)", route.associatedData))
        values.append(.bytes("x", "the session key, drawn in [1, n)", route.sessionKey))
        if let failingHop {
            values.append(.text("failing", "the hop that answers with an error", "hop \(failingHop)"))
            values.append(.bytes("failuremsg", "what it returns: temporary_node_failure (NODE|2)", failureMessage))
        }
        return WalkthroughSection(
            title: "Inputs",
            steps: [
                WalkthroughStep(
                    id: "BOLT4-CREATE",
                    title: "the route (node ids and payloads), the associated data, the session key",
                    values: values)
            ])
    }

    static func creationSection(_ created: BOLT4OnionCreation, route: Route) -> WalkthroughSection {
        let creation = created.creation
        let nu = route.count
        var steps = [
            WalkthroughStep(
                id: "BOLT4-CREATE-1", title: "check the session key and the route",
                values: [
                    .bytes("x", "a private key: 32 bytes, in [1, n)", created.creation.initialSecret),
                    .text("ν", "1 ≤ ν ≤ \(BOLT4Constants.maxHops)", "\(nu) hop\(nu == 1 ? "" : "s")"),
                ]),
            WalkthroughStep(
                id: "BOLT4-CREATE-2", title: "derive the pad key and the initial fill",
                values: [
                    .bytes("pad", "HMAC-SHA256(\"pad\", x)", created.padKey),
                    .bytes(
                        "fill", "ChaCha20(pad, zero nonce), 1300 bytes: what hop_payloads starts as",
                        created.initialFill),
                ]),
            WalkthroughStep(
                id: "BOLT4-CREATE-3", title: "run SPHINX-CREATE with ad for every hop and the fill as final padding",
                values: [.bytes("ad", "the associated data every γ_i covers", route.associatedData)]),
        ]
        steps += TraceSteps.keyDerivation(creation, words: words)
        steps.append(
            WalkthroughStep(
                id: "BOLT4-ENTRY", title: "each hop's entry e_i = BigSize(ℓ_i) ‖ payload_i, the last one ‖ 0^32",
                values: creation.hops.flatMap { hop -> [WalkthroughValue] in
                    // The prefix is cut from the trace's entry: everything before the payload.
                    let length = route.payloads[hop.index].count
                    let tail = hop.index == nu - 1 ? BOLT4Constants.hmacLength : 0
                    let prefix = Array(hop.routingEntry.dropLast(length + tail))
                    return [
                        .text("ℓ_\(hop.index)", "hop \(hop.index)'s payload length", "\(length) bytes"),
                        .bytes(
                            "BigSize(ℓ_\(hop.index))", length < 0xfd ? "one byte below 0xfd" : "0xfd ‖ u16(ℓ)", prefix),
                    ]
                }))
        let describe = { (i: Int) -> String in
            let length = route.payloads[i].count
            return i == nu - 1
                ? "BigSize(\(length)) ‖ payload_\(i) ‖ 0^32: the zero HMAC marks the last hop"
                : "BigSize(\(length)) ‖ payload_\(i); hop \(i + 1)'s HMAC γ_\(i + 1) follows it in β_\(i)"
        }
        steps += TraceSteps.header(
            creation, padding: "fill[0, 1300 − |φ| − |e_{last}|): the start of the pad stream (BOLT4-CREATE-3)",
            mac: { "HMAC-SHA256(mu_\($0), β_\($0) ‖ ad) (BOLT4-MU)" }, describe: describe)
        return WalkthroughSection(title: "Creating the onion", steps: steps)
    }

    static func wireSection(_ onion: Bytes) -> WalkthroughSection {
        let keyEnd = 1 + BOLT4Constants.publicKeyLength
        let payloadsEnd = keyEnd + BOLT4Constants.hopPayloadsLength
        return WalkthroughSection(
            title: "On the wire",
            steps: [
                WalkthroughStep(
                    id: "BOLT4-PACKET", title: "the onion: version ‖ public_key ‖ hop_payloads ‖ hmac, 1366 bytes",
                    values: [
                        .bytes("version", "byte 0", Array(onion[0..<1])),
                        .bytes("α_0", "public_key, bytes [1, \(keyEnd))", Array(onion[1..<keyEnd])),
                        .bytes(
                            "β_0", "hop_payloads, bytes [\(keyEnd), \(payloadsEnd))", Array(onion[keyEnd..<payloadsEnd])
                        ),
                        .bytes("γ_0", "hmac, bytes [\(payloadsEnd), \(onion.count))", Array(onion[payloadsEnd...])),
                        .bytes("onion", "sent to hop 0", onion),
                    ])
            ])
    }
}

import SphinxSpec

/// The profile's words for the steps the generic algorithm leaves to it: which SPEC.md step
/// derives the keys, and what its named intermediates are.
struct ProfileWords: Sendable {
    /// The ID of the profile's key derivation (NYM-KEYS-1, SMX-KEYS) and its title.
    let keysID: String
    let keysTitle: String
    /// The ID that chooses h_π, when the profile has a step of its own for it (nym's version).
    let payloadKeyID: String?
    let payloadKeyMeaning: String
    /// The trace's named intermediates (`HopKeys.details`): symbol and meaning by name. A name
    /// missing here is not shown.
    let details: [(name: String, symbol: String, meaning: String)]
    /// α_i and s_i in this profile's notation, given the exponent x·b_0·…·b_{i−1} ("g^(…)"
    /// for X25519, "(…)·G" for P-224).
    let alphaMeaning: @Sendable (String) -> String
    let sharedSecretMeaning: @Sendable (String, Int) -> String
    let blindingMeaning: String
    /// What h_ρ, h_μ and h_τ are called and how they are made, by symbol, where the generic
    /// words are not enough (bolt4's rho, mu and its replay tag).
    var keyMeanings: [String: String] = [:]
    /// How the hop recomputes γ (bolt4 MACs β ‖ ad).
    var macMeaning = "recomputed over the received β"
}

/// Steps read off the generic traces (SPEC.md §3.6): creation and the processing at one hop.
/// The generic algorithm is written once, so its steps are told once, here; a profile's builder
/// adds the steps of its own (commands, encodings, the wire, delivery) around them.
enum TraceSteps {
    /// SPHINX-CREATE-2 with the profile's key steps, one group per hop, first hop first.
    static func keyDerivation(_ creation: HeaderCreation, words: ProfileWords) -> [WalkthroughStep] {
        // Exposed on purpose: the walkthrough prints every secret it teaches (SPEC.md §2.9).
        var steps: [WalkthroughStep] = []
        for hop in creation.hops {
            let i = hop.index
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-CREATE-2", title: "hop \(i): the group element α_\(i) and the shared secret s_\(i)",
                    values: [
                        .bytes("y_\(i)", "hop \(i)'s public key", hop.publicKey),
                        .bytes("α_\(i)", words.alphaMeaning(Explain.exponent(hop: i)), hop.alpha),
                        .bytes("s_\(i)", words.sharedSecretMeaning(Explain.exponent(hop: i), i), hop.sharedSecret),
                    ]))
            steps.append(
                WalkthroughStep(
                    id: words.keysID, title: "hop \(i): \(words.keysTitle)",
                    values: keyValues(hop.keys, words: words, hop: i)))
            if let id = words.payloadKeyID {
                steps.append(
                    WalkthroughStep(
                        id: id, title: "hop \(i): the payload key k_\(i) = h_π",
                        values: [.bytes("k_\(i)", words.payloadKeyMeaning, hop.payloadKey)]))
            }
        }
        return steps
    }

    /// h_ρ, h_μ, b, h_τ and the profile's named intermediates.
    static func keyValues(_ keys: HopKeys, words: ProfileWords, hop i: Int?) -> [WalkthroughValue] {
        let suffix = i.map { "_\($0)" } ?? ""
        var values: [WalkthroughValue] = []
        for detail in words.details {
            if let value = keys.detail(detail.name) { values.append(.bytes(detail.symbol, detail.meaning, value)) }
        }
        values += [
            .bytes("h_ρ", words.keyMeanings["h_ρ"] ?? "key of the stream cipher ρ that encrypts β", keys.hRho),
            .bytes("h_μ", words.keyMeanings["h_μ"] ?? "key of the header MAC μ", keys.hMu),
            .bytes("b\(suffix)", words.blindingMeaning, keys.b),
            .bytes("h_τ", words.keyMeanings["h_τ"] ?? "the replay tag this hop will remember", keys.hTau),
        ]
        return values
    }

    /// SPHINX-CREATE-3 to -6: entries, filler, the final hop's β and γ, then the wrapping.
    /// `describe(i)` says in words what hop i is told; `padding` says where the final padding
    /// came from and `mac(i)` how γ_i is computed, where a profile differs from the paper.
    static func header(
        _ creation: HeaderCreation,
        padding: String = "random bytes after e_{last} (random, not zero: Kuhn et al. 2020)",
        mac: (Int) -> String = { "μ(h_μ(s_\($0)), β_\($0))" }, describe: (Int) -> String
    ) -> [WalkthroughStep] {
        let hops = creation.hops
        let nu = hops.count
        var steps: [WalkthroughStep] = []
        steps.append(
            WalkthroughStep(
                id: "SPHINX-CREATE-3", title: "encode the routing entries e_i = encode(E_i)",
                values: hops.map { .bytes("e_\($0.index)", describe($0.index), $0.routingEntry) }))
        let phi: WalkthroughValue =
            creation.filler.isEmpty
            ? .text("φ", "the filler", "ε, empty: with one hop nothing is shifted in")
            : .bytes("φ", "what hops 0…\(nu - 2) will shift into the end of β", creation.filler)
        steps.append(WalkthroughStep(id: "SPHINX-CREATE-4", title: "compute the filler φ", values: [phi]))
        let last = hops[nu - 1]
        steps.append(
            WalkthroughStep(
                id: "SPHINX-CREATE-5", title: "build the final hop's β_\(nu - 1) and γ_\(nu - 1)",
                values: [
                    .bytes(
                        "padding", padding.replacingOccurrences(of: "e_{last}", with: "e_\(nu - 1)"),
                        creation.finalPadding),
                    .bytes("β_\(nu - 1)", "((e_\(nu - 1) ‖ padding) ⊕ ρ(h_ρ(s_\(nu - 1)))) ‖ φ", last.beta),
                    .bytes("γ_\(nu - 1)", mac(nu - 1), last.gamma),
                ]))
        for i in stride(from: nu - 2, through: 0, by: -1) {
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-CREATE-6", title: "wrap hop \(i) around hop \(i + 1)",
                    values: [
                        .bytes("β_\(i)", "(e_\(i) ‖ γ_\(i + 1) ‖ β_\(i + 1) cut) ⊕ ρ(h_ρ(s_\(i)))", hops[i].beta),
                        .bytes("γ_\(i)", mac(i), hops[i].gamma),
                    ]))
        }
        steps.append(
            WalkthroughStep(
                id: "SPHINX-CREATE-7", title: "the header M = (α_0, β_0, γ_0) the first hop receives",
                values: [
                    .bytes("α_0", "the group element", creation.header.alpha),
                    .bytes("β_0", "the routing information", creation.header.beta),
                    .bytes("γ_0", "the header MAC", creation.header.gamma),
                ]))
        return steps
    }

    /// SPHINX-PAYLOAD-1: δ_i = π(k_i, δ_{i+1}), innermost (the last hop's) first.
    static func payloadLayers(_ deltas: [Bytes], keyName: (Int) -> String) -> WalkthroughStep {
        let n = deltas.count - 1
        var values: [WalkthroughValue] = []
        for i in stride(from: n - 1, through: 0, by: -1) {
            values.append(.bytes("δ_\(i)", "π(\(keyName(i)), δ_\(i + 1))", deltas[i]))
        }
        return WalkthroughStep(
            id: "SPHINX-PAYLOAD-1", title: "add one layer of π per hop, the last hop's innermost", values: values)
    }

    /// SPHINX-PROCESS-1 to -9 at hop `i`, from its trace. `sentSecret` is s_i as the sender
    /// computed it, so the reader sees both sides agree. `payload` is δ before and after the
    /// hop's layer; nil for a profile without a payload (bolt4), which skips steps 7 and 9.
    static func processing(
        hop i: Int, received: SphinxHeader, trace: ProcessingTrace, sentSecret: Bytes, words: ProfileWords,
        command: String, next: SphinxHeader?, payload: (in: Bytes, out: Bytes)?
    ) -> [WalkthroughStep] {
        // Exposed on purpose: the walkthrough prints the hop's s, keys and h_π (SPEC.md §2.9).
        let entry = Array(trace.decryptedBlock.prefix(trace.routingEntryLength))
        var steps: [WalkthroughStep] = [
            WalkthroughStep(
                id: "SPHINX-PROCESS-1", title: "compute the shared secret s = α^x_h",
                values: [
                    .bytes("α", "as received", trace.alpha),
                    .bytes("s", "α raised to the hop's secret x_h", trace.sharedSecret),
                    .text(
                        "s = s_\(i)?", "the sender's s_\(i) from creation",
                        trace.sharedSecret == sentSecret ? "equal: both sides hold the same secret" : "DIFFERENT"),
                ]),
            WalkthroughStep(
                id: "SPHINX-PROCESS-2", title: "derive the hop's keys from α and s (\(words.keysID))",
                values: keyValues(trace.keys, words: words, hop: nil)),
            WalkthroughStep(
                id: "SPHINX-PROCESS-3", title: "reject a replayed tag h_τ",
                values: [
                    .bytes("h_τ", "the replay tag", trace.keys.hTau),
                    .text("seen?", "looked up in this hop's replay cache", "not seen: go on (recorded on success)"),
                ]),
            WalkthroughStep(
                id: "SPHINX-PROCESS-4", title: "verify γ in constant time",
                values: [
                    .bytes("γ", "as received", received.gamma),
                    .bytes("μ(h_μ, β)", words.macMeaning, trace.expectedGamma),
                    .text(
                        "equal?", "constant-time comparison",
                        trace.expectedGamma == received.gamma ? "equal: the header is intact" : "DIFFERENT"),
                ]),
            WalkthroughStep(
                id: "SPHINX-PROCESS-5", title: "decrypt the padded routing information",
                values: [.bytes("B", "(β ‖ 0^pad) ⊕ ρ(h_ρ)", trace.decryptedBlock)]),
            WalkthroughStep(
                id: "SPHINX-PROCESS-6", title: "parse the routing entry",
                values: [.bytes("e", "B[0, \(entry.count))", entry), .text("E", "the command it decodes to", command)]),
        ]
        if payload != nil {
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-PROCESS-7", title: "derive the payload key h_π",
                    values: [.bytes("k", "h_π, this hop's payload layer key", trace.payloadKey)]))
        }
        if let next {
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-PROCESS-8", title: "blind α and cut γ', β' out of B",
                    values: [
                        .bytes("α'", "α^b: re-blinded, so the next hop sees a fresh-looking element", next.alpha),
                        .bytes("γ'", "B[|e|, |e| + κ)", next.gamma),
                        .bytes("β'", "B[|e| + κ, |e| + κ + |β|)", next.beta),
                    ]))
        } else {
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-PROCESS-8", title: "a final hop: no next header",
                    values: [.text("M'", "the next header", "none: the command is final")]))
        }
        if let payload {
            steps.append(
                WalkthroughStep(
                    id: "SPHINX-PROCESS-9", title: "remove one payload layer",
                    values: [
                        .bytes("δ", "as received", payload.in),
                        .bytes("δ'", "π⁻¹(k, δ)", payload.out),
                    ]))
        }
        return steps
    }
}

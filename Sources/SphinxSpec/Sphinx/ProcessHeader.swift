/// What a hop does with a packet: pass it on, or it is the last hop.
public enum HopOutcome<P: SphinxProfile>: Sendable, Equatable {
    /// Forward (α', β', γ') as the routing command says.
    case forward(P.ForwardCommand, nextHeader: SphinxHeader)
    /// This hop is the last; the command says where the payload goes.
    case final(P.FinalCommand)
}

/// The result of processing a header at one hop.
public struct ProcessedHeader<P: SphinxProfile>: Sendable, Equatable {
    public let outcome: HopOutcome<P>
    /// h_τ(s), the replay tag the caller must remember.
    public let replayTag: Bytes
    public let trace: ProcessingTrace

    /// h_π(s): the key of this hop's payload layer (held in the trace's wiped-on-release
    /// storage; this copy is for the profile's π⁻¹ and payload decoding).
    public var payloadKey: Bytes { trace.payloadKey }
}

/// The result of processing a whole packet at one hop.
public struct ProcessedPacket<P: SphinxProfile>: Sendable, Equatable {
    public let header: ProcessedHeader<P>
    /// δ' = π⁻¹(h_π(s), δ): the payload passed on (or, at the last hop, the decrypted payload).
    public let delta: Bytes
}

extension Sphinx {
    /// Processes a header at a mix. SPEC.md [SPHINX-PROCESS].
    ///
    /// Paper: Danezis & Goldberg 2009, §3.3 (mix header processing).
    /// ```text
    /// s = α^x ; keys = (h_ρ, h_μ, b, h_τ)(α, s)
    /// reject if h_τ was seen ; reject unless γ = μ(h_μ, ad ‖ β)
    /// B = (β ‖ 0^pad) ⊕ ρ(h_ρ, |β| + pad) ; (E, n) = parse(B)
    /// forward: α' = α^b, γ' = B[n, n+κ), β' = B[n+κ, n+κ+|β|)
    /// ```
    /// `isReplay` answers whether a tag was already seen; it is not told about the tag of this
    /// packet: the caller records it after success (`ReplayCache.process`, REPLAY-CHECK-1).
    ///
    /// - Throws: `invalidHeaderLength` for β or γ of the wrong length; the profile's errors for
    ///   α (`invalidGroupElement`, `smallOrderGroupElement`); `replayedTag`;
    ///   `headerMACMismatch`; the profile's routing-entry errors (`unknownRoutingFlag`,
    ///   `unknownVersion`, `malformedRoutingEntry`); and `malformedRoutingEntry` when a forward
    ///   entry leaves no room in B for γ' and β' (a profile whose pad is shorter than an entry
    ///   it can decode).
    public static func processHeader<P: SphinxProfile>(
        profile: P,
        nodeSecret: SecretBytes,
        header: SphinxHeader,
        associatedData: Bytes = [],
        isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> ProcessedHeader<P> {
        let kappa = profile.macLength
        let betaLength = profile.routingInfoLength
        guard header.beta.count == betaLength else {
            throw .invalidHeaderLength(expected: betaLength, actual: header.beta.count)
        }
        guard header.gamma.count == kappa else {
            throw .invalidHeaderLength(expected: kappa, actual: header.gamma.count)
        }

        // Step 1: compute the shared secret s = α^x. [SPHINX-PROCESS-1]
        let s = try SecretBytes(
            taking: nodeSecret.withTemporaryCopy { (x) throws(SphinxError) -> Bytes in
                try profile.exponentiate(header.alpha, by: [x])
            })

        // Step 2: derive the hop's keys from α and s. [SPHINX-PROCESS-2]
        let keys = try s.withTemporaryCopy { (s) throws(SphinxError) -> P.Keys in
            try profile.deriveHopKeys(alpha: header.alpha, sharedSecret: s)
        }

        // Step 3: reject a replayed tag h_τ. [SPHINX-PROCESS-3]
        if isReplay(keys.replayTag) { throw .replayedTag }

        // Step 4: verify γ in constant time. [SPHINX-PROCESS-4]
        let expectedGamma = try profile.headerMAC(key: keys.macKey, beta: header.beta, associatedData: associatedData)
        // The verdict is public: the hop drops or forwards [CT-DECLASSIFY-MAC].
        guard Declassify.publish(ByteOps.constantTimeEqual(expectedGamma, header.gamma)) else {
            throw .headerMACMismatch
        }

        // Step 5: decrypt the padded routing information. [SPHINX-PROCESS-5]
        let pad = profile.processingPadLength
        let stream = try profile.rho(key: keys.streamCipherKey, length: betaLength + pad)
        var block = ByteOps.xor(header.beta + Bytes.zeros(pad), stream)
        // After a good MAC, B is public to this hop: its command is what the hop acts on, and
        // γ', β' go on the wire [CT-DECLASSIFY-ROUTING].
        Declassify.publish(&block)

        // Step 6: parse the routing entry. [SPHINX-PROCESS-6]
        let entry = try profile.decodeRoutingEntry(block)

        // Step 7: derive the payload key h_π. [SPHINX-PROCESS-7]
        let payloadKey = SecretBytes(taking: try profile.payloadKey(keys, for: entry.command))

        // Step 8: for a forward hop, blind α and cut γ', β' out of B. [SPHINX-PROCESS-8]
        let outcome: HopOutcome<P>
        switch entry.command {
        case .final(let command):
            outcome = .final(command)
        case .forward(let command):
            let n = entry.length
            guard n >= 0, n + kappa + betaLength <= block.count else { throw .malformedRoutingEntry }
            var nextAlpha = try profile.exponentiate(header.alpha, by: [keys.blindingFactor])
            // α' goes on the wire [CT-DECLASSIFY-ALPHA].
            Declassify.publish(&nextAlpha)
            let nextGamma = Array(block[n..<(n + kappa)])
            let nextBeta = Array(block[(n + kappa)..<(n + kappa + betaLength)])
            outcome = .forward(command, nextHeader: SphinxHeader(alpha: nextAlpha, beta: nextBeta, gamma: nextGamma))
        }
        let trace = ProcessingTrace(
            alpha: header.alpha, sharedSecretStorage: s, keys: HopKeys(keys), expectedGamma: expectedGamma,
            decryptedBlock: block, routingEntryLength: entry.length, payloadKeyStorage: payloadKey)
        return ProcessedHeader(outcome: outcome, replayTag: keys.replayTag, trace: trace)
    }

    /// `processHeader` with the node secret in an ordinary array, which stays the caller's to
    /// wipe; the library's working copy is a `SecretBytes`.
    public static func processHeader<P: SphinxProfile>(
        profile: P,
        nodeSecret: Bytes,
        header: SphinxHeader,
        associatedData: Bytes = [],
        isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> ProcessedHeader<P> {
        try processHeader(
            profile: profile, nodeSecret: SecretBytes(nodeSecret), header: header, associatedData: associatedData,
            isReplay: isReplay)
    }

    /// Processes a whole packet: the header, then one payload layer. SPEC.md [SPHINX-PROCESS-9].
    /// ```text
    /// δ' = π⁻¹(h_π(s), δ)
    /// ```
    /// With a replay cache: `try cache.process { isReplay in try Sphinx.processPacket(…, isReplay: isReplay) }`.
    public static func processPacket<P: SphinxProfile>(
        profile: P,
        nodeSecret: SecretBytes,
        header: SphinxHeader,
        delta: Bytes,
        associatedData: Bytes = [],
        isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> ProcessedPacket<P> {
        let processed = try processHeader(
            profile: profile, nodeSecret: nodeSecret, header: header,
            associatedData: associatedData, isReplay: isReplay)
        var nextDelta = try processed.trace.payloadKeyStorage.withTemporaryCopy { (key) throws(SphinxError) in
            try profile.piInverse(key: key, block: delta)
        }
        // δ' goes on the wire, or to the destination at the last hop [CT-DECLASSIFY-PAYLOAD].
        Declassify.publish(&nextDelta)
        return ProcessedPacket(header: processed, delta: nextDelta)
    }

    /// `processPacket` with the node secret in an ordinary array, which stays the caller's to
    /// wipe; the library's working copy is a `SecretBytes`.
    public static func processPacket<P: SphinxProfile>(
        profile: P,
        nodeSecret: Bytes,
        header: SphinxHeader,
        delta: Bytes,
        associatedData: Bytes = [],
        isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> ProcessedPacket<P> {
        try processPacket(
            profile: profile, nodeSecret: SecretBytes(nodeSecret), header: header, delta: delta,
            associatedData: associatedData, isReplay: isReplay)
    }
}

extension ProcessedHeader: ReplayTagged {}

extension ProcessedPacket: ReplayTagged {
    public var replayTag: Bytes { header.replayTag }
}

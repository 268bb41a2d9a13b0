/// What a mix learns from processing one packet.
public struct SphinxmixProcessResult: Equatable, Sendable {
    /// The replay tag h_τ(s); the mix must refuse a tag it has seen (SphinxmixReplayCache).
    public let tag: Bytes
    /// The routing command for this hop.
    public let routing: SphinxmixRouting
    /// The routing command's bytes as decrypted (without the length prefix).
    public let rawRouting: Bytes
    /// The packet for the next hop. sphinxmix computes it at every hop, the last one included;
    /// it is meaningful only when `routing` is `.relay`.
    public let next: SphinxmixPacket
    /// h_π(s): the key the destination needs for `receiveForward`.
    public let macKey: Bytes
    /// The intermediate values: s, the hop keys and B.
    public let s: P224.Point
    public let keys: SphinxmixHopKeys
    public let bigB: Bytes
}

extension Sphinxmix {
    /// Processes a packet at a mix: sphinxmix `sphinx_process` (SphinxNode.py), the paper's
    /// per-hop transform (Danezis & Goldberg 2009 §3.3). SPEC.md [SMX-PROCESS].
    /// ```text
    /// require |ad| = assoc_len ; s = x·α ; keys = derive(s)
    /// require γ = μ(h_μ, ad ‖ β)
    /// B = (β ‖ 0^{2·header_len}) ⊕ ρ(h_ρ) ; ℓ = B[0] ; routing = B[1, 1+ℓ)
    /// γ' = B[1+ℓ, 1+ℓ+k) ; β' = B[1+ℓ+k, 1+ℓ+k+L) ; α' = b·α ; δ' = π⁻¹(h_π, δ)
    /// tag = h_τ ; macKey = h_π
    /// ```
    /// - Throws: `.associatedDataLength`, `.invalidHeaderLength`, `.invalidBodyLength`,
    ///   `.macMismatch`, `.malformedRouting`, `.invalidPoint`.
    public static func process(
        parameters: SphinxmixParameters,
        privateKey: P224.Scalar,
        packet: SphinxmixPacket,
        associatedData: Bytes = []
    ) throws(SphinxmixError) -> SphinxmixProcessResult {
        let k = parameters.k
        let betaLength = parameters.betaLength
        let header = packet.header

        // Step 1: check the associated data and the lengths.
        guard associatedData.count == parameters.associatedLength else {
            throw .associatedDataLength(expected: parameters.associatedLength, actual: associatedData.count)
        }
        guard header.beta.count == betaLength, header.gamma.count == k else { throw .invalidHeaderLength }
        guard packet.delta.count == parameters.bodyLength else { throw .invalidBodyLength }

        // Step 2: compute the shared secret s = x·α and derive the hop keys.
        // (α was checked to be on the curve when the header was built from bytes.)
        let s = try SphinxmixCrypto.multiply(header.alpha, by: privateKey)
        let keys = try SphinxmixHopKeys(sharedSecret: s)

        // Step 3: verify the header MAC γ in constant time.
        let expected = SphinxmixCrypto.mu(key: keys.hMu, data: associatedData + header.beta)
        guard ByteOps.constantTimeEqual(header.gamma, expected) else { throw .macMismatch }

        // Step 4: decrypt the routing information, B = (β ‖ 0^{2·header_len}) ⊕ ρ(h_ρ).
        let bigB = try SphinxmixCrypto.rho(key: keys.hRho, data: header.beta + Bytes.zeros(2 * parameters.headerLength))

        // Step 5: split B into the routing entry, γ' and β'.
        let length = Int(bigB[0])
        guard 1 + length + k + betaLength <= bigB.count else { throw .malformedRouting }
        let rawRouting = Bytes(bigB[1..<(1 + length)])
        let gammaNext = Bytes(bigB[(1 + length)..<(1 + length + k)])
        let betaNext = Bytes(bigB[(1 + length + k)..<(1 + length + k + betaLength)])
        let routing = try SphinxmixRouting(decoding: rawRouting)

        // Step 6: blind α and remove one layer of the payload.
        let alphaNext = try SphinxmixCrypto.multiply(header.alpha, by: keys.b)
        let deltaNext = try SphinxmixCrypto.piInverse(key: keys.hPi, data: packet.delta)

        return SphinxmixProcessResult(
            tag: keys.hTau, routing: routing, rawRouting: rawRouting,
            next: SphinxmixPacket(header: SphinxmixHeader(alpha: alphaNext, beta: betaNext, gamma: gammaNext), delta: deltaNext),
            macKey: keys.hPi, s: s, keys: keys, bigB: bigB)
    }

    /// `process`, refusing a replayed packet: the tag is checked and recorded only after the
    /// MAC has verified, so forged packets cannot fill the cache. SPEC.md [SMX-REPLAY].
    /// - Throws: `.replay` for a tag already in `cache`, or any error of `process`.
    public static func process(
        parameters: SphinxmixParameters,
        privateKey: P224.Scalar,
        packet: SphinxmixPacket,
        associatedData: Bytes = [],
        replayCache: inout SphinxmixReplayCache
    ) throws(SphinxmixError) -> SphinxmixProcessResult {
        let result = try process(parameters: parameters, privateKey: privateKey, packet: packet, associatedData: associatedData)
        try replayCache.record(result.tag)
        return result
    }
}

/// The replay tags a mix has seen. A value the caller owns; sphinxmix itself leaves this to
/// the mix ("It is the responsibility of a mix to record tags", sphinxmix/__init__.py).
public struct SphinxmixReplayCache: Sendable {
    private var seen: Set<Bytes> = []
    public init() {}

    /// Records a tag. - Throws: `SphinxmixError.replay` if it was already recorded.
    public mutating func record(_ tag: Bytes) throws(SphinxmixError) {
        guard seen.insert(tag).inserted else { throw .replay }
    }

    public var count: Int { seen.count }
}

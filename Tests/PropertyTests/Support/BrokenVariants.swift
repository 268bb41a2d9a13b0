// The deliberately broken variants the negative controls run the statistical tests on. Each
// is built from real packets (their bytes and their creation traces), never from scratch, so
// that a control differs from the real test only in the one flaw it names (SPEC.md chapter
// properties, "Negative controls").
import SphinxSpec

enum BrokenVariants {
    /// [PROP-CTRL-ALPHA] Flaw: α not re-blinded. The mix's real output with α' replaced by the α it received.
    static func alphaNotReblinded(input: Fields, output: Fields) -> Fields {
        Fields(header: SphinxHeader(alpha: input.alpha, beta: output.beta, gamma: output.gamma), delta: output.delta)
    }

    /// [PROP-CTRL-PAYLOAD] Flaw: payload not re-encrypted. The mix's real output with δ' replaced by the δ it received.
    static func payloadNotReencrypted(input: Fields, output: Fields) -> Fields {
        Fields(header: output.header, delta: input.delta)
    }

    /// [PROP-CTRL-BETA] Flaw: β not encrypted. Hop j's β with ρ(h_ρ(s_j)) removed, i.e. the plaintext routing
    /// block the hop would read, as if the sender had skipped ρ.
    static func betaInTheClear(_ beta: Bytes, hopKeys: HopKeys, world: any MixWorld) throws -> Bytes {
        ByteOps.xor(beta, try world.rho(key: hopKeys.hRho, length: beta.count))
    }

    /// [PROP-CTRL-MAC] Flaw: a header MAC that ignores β. The header rebuilt from the creation trace with every
    /// γ_i = μ(h_μ(s_i), 0^|β|) instead of μ(h_μ(s_i), β_i): the same recursion as
    /// SPHINX-CREATE step 6, only γ changes (and with it the β that carry γ_{i+1}).
    /// ```text
    /// γ'_i = μ(h_μ,i, 0^|β|) ;  β'_{ν−1} = β_{ν−1}
    /// β'_i = (E_i ‖ γ'_{i+1} ‖ β'_{i+1}[0, |β| − |E_i| − κ)) ⊕ ρ(h_ρ,i)[0, |β|)
    /// ```
    static func headerWithMACIgnoringBeta<P: SphinxProfile>(profile: P, creation: HeaderCreation) throws -> SphinxHeader
    {
        let hops = creation.hops
        let length = profile.routingInfoLength
        let constant = Bytes.zeros(length)
        var gammas: [Bytes] = []
        for hop in hops { gammas.append(try profile.mu(key: hop.keys.hMu, data: constant)) }
        guard var beta = hops.last?.beta else { throw SphinxError.routeEmpty }
        var i = hops.count - 2
        while i >= 0 {
            let entry = hops[i].routingEntry
            let plain = entry + gammas[i + 1] + Array(beta.prefix(length - entry.count - profile.macLength))
            beta = ByteOps.xor(plain, try profile.rho(key: hops[i].keys.hRho, length: length))
            i -= 1
        }
        return SphinxHeader(alpha: hops[0].alpha, beta: beta, gamma: gammas[0])
    }

    /// The mix of the same flaw: SPHINX-PROCESS with step 4 checking γ against μ(h_μ, 0^|β|).
    /// Returns the next packet, or nil at the last hop; throws when γ does not match.
    static func processWithMACIgnoringBeta<P: SphinxProfile>(profile: P, nodeSecret: Bytes, packet: Fields) throws
        -> Fields?
    {
        let length = profile.routingInfoLength
        let kappa = profile.macLength
        let s = try profile.exponentiate(packet.alpha, by: [nodeSecret])
        let keys = try profile.deriveHopKeys(alpha: packet.alpha, sharedSecret: s)
        let gamma = try profile.mu(key: keys.macKey, data: Bytes.zeros(length))
        guard ByteOps.constantTimeEqual(gamma, packet.gamma) else {
            throw SphinxError.headerMACMismatch
        }
        let pad = profile.processingPadLength
        let block = ByteOps.xor(
            packet.beta + Bytes.zeros(pad), try profile.rho(key: keys.streamCipherKey, length: length + pad))
        let entry = try profile.decodeRoutingEntry(block)
        let delta = try profile.piInverse(key: try profile.payloadKey(keys, for: entry.command), block: packet.delta)
        if case .final = entry.command { return nil }
        let n = entry.length
        guard n + kappa + length <= block.count else { throw SphinxError.malformedRoutingEntry }
        let next = SphinxHeader(
            alpha: try profile.exponentiate(packet.alpha, by: [keys.blindingFactor]),
            beta: Array(block[(n + kappa)..<(n + kappa + length)]),
            gamma: Array(block[n..<(n + kappa)]))
        return Fields(header: next, delta: delta)
    }
}

/// Every value the sender computes for one hop while building a header, kept so vectors can
/// record them and tests can compare them.
public struct SphinxmixHopSecrets: Equatable, Sendable {
    /// α_i = (x·b_0···b_{i−1})·G.
    public let alpha: P224.Point
    /// s_i = (x·b_0···b_{i−1})·y_i.
    public let s: P224.Point
    /// The keys derived from s_i (aes_s, h_ρ, h_μ, h_π, h_τ, b).
    public let keys: SphinxmixHopKeys
}

/// A header together with everything used to build it.
public struct SphinxmixHeaderCreation: Equatable, Sendable {
    public let header: SphinxmixHeader
    /// The sender's secret x (drawn first from the random source).
    public let x: P224.Scalar
    /// Per hop, in path order.
    public let hops: [SphinxmixHopSecrets]
    /// The filler φ.
    public let filler: Bytes
    /// The random padding after the final routing entry (drawn after x).
    public let padding: Bytes
    /// The routing entries (with length prefix) of hops 1…ν−1 and the final entry.
    public let routingEntries: [Bytes]
}

extension Sphinxmix {
    /// Builds a header for a path and a final routing command: sphinxmix's `create_header`
    /// (SphinxClient.py), which follows Danezis & Goldberg 2009 §3.2 with variable-length
    /// routing entries. SPEC.md [SMX-CREATE-HEADER].
    /// ```text
    /// entry_i = len ‖ msgpack(relay, id_i) for i = 1…ν−1 ; final = len ‖ msgpack(final command)
    /// x ← random scalar ; for i = 0…ν−1:
    ///   α_i = (x·b_0···b_{i−1})·G ; s_i = (x·b_0···b_{i−1})·y_i ; keys_i = derive(s_i) ; b_i = keys_i.b
    /// φ = "" ; for i = 1…ν−1:  φ = ρ(h_ρ,i−1)(0^{L−|φ|} ‖ φ ‖ 0^{|entry_i|+k})[L−|φ|, …)
    /// pad ← random (L − Σ|entry_i| − (ν−1)k − |final|) bytes
    /// β_{ν−1} = ρ(h_ρ,ν−1)(final ‖ pad) ‖ φ ;  γ_{ν−1} = μ(h_μ,ν−1, ad_{ν−1} ‖ β_{ν−1})
    /// for i = ν−2…0:  β_i = ρ(h_ρ,i)(entry_{i+1} ‖ γ_{i+1} ‖ β_{i+1}[0, L−k−|entry_{i+1}|))
    ///                 γ_i = μ(h_μ,i, ad_i ‖ β_i)
    /// ```
    /// L is the β length (`headerLength − 32`).
    static func createHeader(
        parameters: SphinxmixParameters,
        path: [SphinxmixPathHop],
        finalRouting: SphinxmixRouting,
        associatedData: [Bytes]?,
        random: inout some RandomSource
    ) throws(SphinxmixError) -> SphinxmixHeaderCreation {
        let k = parameters.k
        let betaLength = parameters.betaLength
        let nu = path.count

        // Step 1: encode the routing entries and check the associated data.
        guard nu > 0 else { throw .emptyPath }
        var entries: [Bytes] = [[]]  // hop 0's entry is never written into β
        for i in 1..<nu { entries.append(try SphinxmixRouting.relay(nodeID: path[i].nodeID).entry()) }
        let finalEntry = try finalRouting.entry()
        let ad = try checkedAssociatedData(associatedData, parameters: parameters, hops: nu)

        // Step 2: draw x and derive every hop's α, s and keys.
        let x: P224.Scalar
        do {
            x = try P224.Scalar.random(using: &random)
        } catch {
            throw .invalidScalar
        }
        var hops: [SphinxmixHopSecrets] = []
        var blinding = x  // x·b_0···b_{i−1} mod n
        for hop in path {
            let alpha = try SphinxmixCrypto.multiply(P224.generator, by: blinding)
            let s = try SphinxmixCrypto.multiply(hop.publicKey, by: blinding)
            let keys = try SphinxmixHopKeys(sharedSecret: s)
            hops.append(SphinxmixHopSecrets(alpha: alpha, s: s, keys: keys))
            blinding = blinding.times(keys.b)
        }

        // Step 3: compute the filler φ.
        var phi: Bytes = []
        var offset = betaLength  // L − |φ|: where φ starts inside hop i−1's B
        for i in 1..<nu {
            let plain = Bytes.zeros(offset) + phi + Bytes.zeros(entries[i].count + k)
            phi = Bytes(try SphinxmixCrypto.rho(key: hops[i - 1].keys.hRho, data: plain).dropFirst(offset))
            offset -= entries[i].count + k
        }

        // Step 4: draw the final padding and build the innermost β and γ.
        let usedByRelays = entries.dropFirst().reduce(0) { $0 + $1.count } + (nu - 1) * k
        let paddingLength = betaLength - usedByRelays - finalEntry.count
        guard paddingLength >= 0 else { throw .routingTooLong }
        let padding = random.bytes(paddingLength)
        var beta = try SphinxmixCrypto.rho(key: hops[nu - 1].keys.hRho, data: finalEntry + padding) + phi
        var gamma = SphinxmixCrypto.mu(key: hops[nu - 1].keys.hMu, data: ad[nu - 1] + beta)

        // Step 5: wrap the routing information for hops ν−2 down to 0.
        var i = nu - 2
        while i >= 0 {
            let entry = entries[i + 1]
            let plain = entry + gamma + beta.prefix(betaLength - k - entry.count)
            beta = try SphinxmixCrypto.rho(key: hops[i].keys.hRho, data: plain)
            gamma = SphinxmixCrypto.mu(key: hops[i].keys.hMu, data: ad[i] + beta)
            i -= 1
        }

        return SphinxmixHeaderCreation(
            header: SphinxmixHeader(alpha: hops[0].alpha, beta: beta, gamma: gamma),
            x: x, hops: hops, filler: phi, padding: padding,
            routingEntries: Array(entries.dropFirst()) + [finalEntry])
    }

    /// The associated data for each hop: sphinxmix uses the caller's list when `assoc_len > 0`
    /// and empty strings otherwise. SPEC.md [SMX-AD].
    static func checkedAssociatedData(_ given: [Bytes]?, parameters: SphinxmixParameters, hops: Int) throws(SphinxmixError) -> [Bytes] {
        if parameters.associatedLength == 0 && (given == nil || given?.allSatisfy(\.isEmpty) == true) {
            return Array(repeating: [], count: hops)
        }
        let list = given ?? []
        guard list.count == hops else { throw .associatedDataCount(expected: hops, actual: list.count) }
        for item in list where item.count != parameters.associatedLength {
            throw .associatedDataLength(expected: parameters.associatedLength, actual: item.count)
        }
        return list
    }
}

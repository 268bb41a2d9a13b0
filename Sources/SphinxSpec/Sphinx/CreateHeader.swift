extension Sphinx {
    /// Creates a Sphinx header for a route. SPEC.md [SPHINX-CREATE].
    ///
    /// Paper: Danezis & Goldberg 2009, §3.2 (creating a mix header), with random final
    /// padding (Kuhn, Beck, Strufe 2020) and per-entry lengths so that fixed-size (nym) and
    /// length-prefixed (sphinxmix) entries fit the same steps.
    /// ```text
    /// α_i = g^{x·b_0⋯b_{i−1}},  s_i = y_i^{x·b_0⋯b_{i−1}},  b_i = h_b(α_i, s_i)
    /// φ_0 = ε;  φ_i = (φ_{i−1} ‖ 0^{z_{i−1}}) ⊕ ρ(h_ρ(s_{i−1}))[|β|−|φ_{i−1}|, |β|+z_{i−1})
    /// β_{ν−1} = ((e_{ν−1} ‖ padding) ⊕ ρ(h_ρ(s_{ν−1}))[0, |β|−|φ|)) ‖ φ
    /// β_i = (e_i ‖ γ_{i+1} ‖ β_{i+1}[0, |β|−z_i)) ⊕ ρ(h_ρ(s_i))[0, |β|)
    /// γ_i = μ(h_μ(s_i), ad_i ‖ β_i)     (the profile's `headerMAC`; bolt4: β_i ‖ ad_i)
    /// ```
    /// where e_i = encode(E_i) is hop i's routing entry and z_i = |e_i| + κ.
    ///
    /// - Parameters:
    ///   - profile: the profile whose group, keys, ρ, μ and encodings the steps use.
    ///   - x: the sender's secret exponent in the profile's encoding (argument `initialSecret`).
    ///   - publicKeys: y_0 … y_{ν−1}.
    ///   - forwardCommands: E_0 … E_{ν−2}, what each hop but the last is told.
    ///   - finalCommand: E_{ν−1}, what the last hop is told.
    ///   - associatedData: ad_i per hop, or empty for none (nym has none).
    ///   - random: the source of the final padding (the only randomness drawn here).
    public static func createHeader<P: SphinxProfile, R: RandomSource>(
        profile: P,
        initialSecret x: SecretBytes,
        publicKeys: [Bytes],
        forwardCommands: [P.ForwardCommand],
        finalCommand: P.FinalCommand,
        associatedData: [Bytes] = [],
        random: inout R
    ) throws(SphinxError) -> HeaderCreation {
        // Step 1: check the route. [SPHINX-CREATE-1]
        let nu = publicKeys.count
        try checkRouteLength(nu, maxHops: profile.maxHops)
        guard forwardCommands.count == nu - 1 else {
            throw .mismatchedRouteInputs(expected: nu - 1, actual: forwardCommands.count)
        }
        guard associatedData.isEmpty || associatedData.count == nu else {
            throw .mismatchedRouteInputs(expected: nu, actual: associatedData.count)
        }
        let commands = forwardCommands.map { RoutingCommand<P>.forward($0) } + [.final(finalCommand)]
        let ad = associatedData.isEmpty ? Array(repeating: Bytes(), count: nu) : associatedData
        let kappa = profile.macLength
        let betaLength = profile.routingInfoLength

        // Step 2: derive every hop's α_i, s_i and keys (see SPHINX-CREATE-2).
        let material = try x.withTemporaryCopy { (x) throws(SphinxError) in
            try profile.senderHopMaterial(initialSecret: x, publicKeys: publicKeys)
        }
        var payloadKeys: [SecretBytes] = []
        for i in 0..<nu {
            payloadKeys.append(SecretBytes(taking: try profile.payloadKey(material[i].keys, for: commands[i])))
        }

        // Step 3: encode the routing entries and check that they fit. [SPHINX-CREATE-3]
        var entries: [Bytes] = []
        for command in commands { entries.append(try profile.encodeRoutingEntry(command)) }
        let forwardSizes = entries.dropLast().map { $0.count + kappa }
        for size in forwardSizes where size > profile.processingPadLength || size > betaLength {
            throw .routingInformationTooLong(
                available: Swift.min(profile.processingPadLength, betaLength), required: size)
        }

        // Step 4: compute the filler φ (see SPHINX-CREATE-4).
        let phi = try filler(
            profile: profile, keys: material.dropLast().map(\.keys), forwardSizes: Array(forwardSizes))

        // Step 5: build the final hop's β and γ. [SPHINX-CREATE-5]
        let finalEntry = entries[nu - 1]
        let required = phi.count + finalEntry.count
        guard required <= betaLength else {
            throw .routingInformationTooLong(available: betaLength, required: required)
        }
        let finalPadding = random.bytes(betaLength - required)
        let finalStream = try profile.rho(key: material[nu - 1].keys.streamCipherKey, length: betaLength - phi.count)
        var beta = ByteOps.xor(finalEntry + finalPadding, finalStream) + phi
        var gamma = try profile.headerMAC(key: material[nu - 1].keys.macKey, beta: beta, associatedData: ad[nu - 1])
        var betas = Array(repeating: Bytes(), count: nu)
        var gammas = Array(repeating: Bytes(), count: nu)
        betas[nu - 1] = beta
        gammas[nu - 1] = gamma

        // Step 6: wrap the forward hops, innermost first. [SPHINX-CREATE-6]
        var i = nu - 2
        while i >= 0 {
            let plain = entries[i] + gamma + Array(beta.prefix(betaLength - forwardSizes[i]))
            let stream = try profile.rho(key: material[i].keys.streamCipherKey, length: betaLength)
            beta = ByteOps.xor(plain, stream)
            gamma = try profile.headerMAC(key: material[i].keys.macKey, beta: beta, associatedData: ad[i])
            betas[i] = beta
            gammas[i] = gamma
            i -= 1
        }

        // Step 7: output (α_0, β_0, γ_0) and the trace. [SPHINX-CREATE-7]
        var hops: [CreationHopTrace] = []
        for i in 0..<nu {
            hops.append(
                CreationHopTrace(
                    index: i, publicKey: publicKeys[i], alpha: material[i].alpha,
                    sharedSecretStorage: material[i].sharedSecretStorage, keys: HopKeys(material[i].keys),
                    payloadKeyStorage: payloadKeys[i], routingEntry: entries[i],
                    beta: betas[i], gamma: gammas[i]))
        }
        return HeaderCreation(
            header: SphinxHeader(alpha: material[0].alpha, beta: betas[0], gamma: gammas[0]),
            initialSecretStorage: x, hops: hops, filler: phi, finalPadding: finalPadding)
    }

    /// `createHeader` with x in an ordinary array, which stays the caller's to wipe; the
    /// library's copy (kept in the returned trace) is a `SecretBytes`.
    public static func createHeader<P: SphinxProfile, R: RandomSource>(
        profile: P,
        initialSecret x: Bytes,
        publicKeys: [Bytes],
        forwardCommands: [P.ForwardCommand],
        finalCommand: P.FinalCommand,
        associatedData: [Bytes] = [],
        random: inout R
    ) throws(SphinxError) -> HeaderCreation {
        try createHeader(
            profile: profile, initialSecret: SecretBytes(x), publicKeys: publicKeys, forwardCommands: forwardCommands,
            finalCommand: finalCommand, associatedData: associatedData, random: &random)
    }

    /// The route-length rule of SPHINX-CREATE-1, 1 ≤ ν ≤ r, for every creation function (the
    /// profiles check it before they draw randomness whose length depends on ν).
    static func checkRouteLength(_ nu: Int, maxHops r: Int) throws(SphinxError) {
        guard nu > 0 else { throw .routeEmpty }
        guard nu <= r else { throw .routeTooLong(maximum: r, actual: nu) }
    }

    /// One hop's group values and keys, as the sender derives them.
    public struct HopMaterial<P: SphinxProfile>: Sendable, Equatable {
        public let alpha: Bytes
        /// s_i in wiped-on-release storage.
        public let sharedSecretStorage: SecretBytes
        public let keys: P.Keys

        init(alpha: Bytes, sharedSecret: SecretBytes, keys: P.Keys) {
            self.alpha = alpha
            self.sharedSecretStorage = sharedSecret
            self.keys = keys
        }

        /// s_i as an array: exposed on purpose, vectors publish every intermediate.
        public var sharedSecret: Bytes { sharedSecretStorage.exposedCopy }
    }

    /// The sender's key derivation, the readable method. SPEC.md [SPHINX-CREATE-2].
    /// ```text
    /// α_0 = g^x ;  α_{i+1} = α_i^{b_i}                      (one exponentiation per hop)
    /// s_i = y_i^{x·b_0⋯b_{i−1}} ;  (h_ρ, h_μ, b_i, h_τ) = keys(α_i, s_i)
    /// ```
    /// α_{i+1} is α_i blinded once, exactly what hop i computes; s_i is y_i raised to every
    /// factor so far (nym: i + 1 clamped X25519s, since clamping rules out multiplying the factors
    /// first; sphinxmix: one exponentiation by their product). A profile may replace this with a
    /// faster method that gives the same bytes (`SphinxProfile.senderHopMaterial`).
    public static func hopKeyMaterial<P: SphinxProfile>(
        profile: P, initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [HopMaterial<P>] {
        var exponents: [Bytes] = [x]
        var out: [HopMaterial<P>] = []
        var alpha = try profile.exponentiate(profile.generator, by: [x])
        for y in publicKeys {
            if let previous = out.last {
                alpha = try profile.exponentiate(previous.alpha, by: [previous.keys.blindingFactor])
            }
            // α_i is public: hop i receives it on the wire [CT-DECLASSIFY-ALPHA-CREATE].
            Declassify.publish(&alpha)
            var s = try profile.exponentiate(y, by: exponents)
            let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
            exponents.append(keys.blindingFactor)
            out.append(HopMaterial(alpha: alpha, sharedSecret: SecretBytes(wiping: &s), keys: keys))
        }
        // The b_i copies are this call's own; x is the caller's (createHeader lends a copy and
        // wipes it).
        for i in exponents.indices.dropFirst() { ByteOps.wipe(&exponents[i]) }
        return out
    }

    /// The filler string φ. SPEC.md [SPHINX-CREATE-4].
    /// ```text
    /// φ_0 = ε
    /// φ_i = (φ_{i−1} ‖ 0^{z_{i−1}}) ⊕ ρ(h_ρ(s_{i−1}), |β| + z_{i−1})[|β| − |φ_{i−1}|, |β| + z_{i−1})
    /// ```
    /// It is what the hops' decryption of the appended zeros will have produced by the time
    /// the packet reaches the last hop, so that hop's γ can cover it.
    public static func filler<P: SphinxProfile>(
        profile: P, keys: [P.Keys], forwardSizes: [Int]
    ) throws(SphinxError) -> Bytes {
        let betaLength = profile.routingInfoLength
        var phi = Bytes()
        for (k, z) in zip(keys, forwardSizes) {
            guard phi.count <= betaLength else {
                throw .routingInformationTooLong(available: betaLength, required: phi.count)
            }
            let stream = try profile.rho(key: k.streamCipherKey, length: betaLength + z)
            let window = Array(stream[(betaLength - phi.count)..<(betaLength + z)])
            phi = ByteOps.xor(phi + Bytes.zeros(z), window)
        }
        return phi
    }
}

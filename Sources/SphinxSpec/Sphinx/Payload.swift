extension Sphinx {
    /// Adds payload layers. SPEC.md [SPHINX-PAYLOAD-1].
    /// ```text
    /// δ_n = m ;  δ_i = π(k_i, δ_{i+1})  for i = n−1 … 0
    /// ```
    /// Returns δ_0 … δ_n (δ_0 goes on the wire, δ_n is the input). The keys are in route
    /// order, so the last hop's layer is innermost: each hop removes its own layer with π⁻¹.
    public static func addPayloadLayers<P: SphinxProfile>(
        profile: P, plaintext: Bytes, keys: [Bytes]
    ) throws(SphinxError) -> [Bytes] {
        var deltas = [plaintext]
        var delta = plaintext
        for key in keys.reversed() {
            delta = try profile.pi(key: key, block: delta)
            deltas.append(delta)
        }
        return deltas.reversed()
    }

    /// Removes payload layers in route order: δ_{i+1} = π⁻¹(k_i, δ_i). SPEC.md [SPHINX-PAYLOAD-2].
    public static func removePayloadLayers<P: SphinxProfile>(
        profile: P, delta: Bytes, keys: [Bytes]
    ) throws(SphinxError) -> Bytes {
        var out = delta
        for key in keys { out = try profile.piInverse(key: key, block: out) }
        return out
    }

    /// Creates a whole packet: header, then the payload encoded for the final hop and layered
    /// with every hop's h_π. SPEC.md [SPHINX-PACKET].
    /// ```text
    /// (M, k_0 … k_{ν−1}) = createHeader(…) ;  δ_ν = encode(m, k_{ν−1}) ;  δ_i = π(k_i, δ_{i+1})
    /// ```
    public static func createPacket<P: SphinxProfile, R: RandomSource>(
        profile: P,
        initialSecret x: SecretBytes,
        publicKeys: [Bytes],
        forwardCommands: [P.ForwardCommand],
        finalCommand: P.FinalCommand,
        message: Bytes,
        payloadLength: Int,
        associatedData: [Bytes] = [],
        random: inout R
    ) throws(SphinxError) -> PacketCreation {
        let headerCreation = try createHeader(
            profile: profile, initialSecret: x, publicKeys: publicKeys, forwardCommands: forwardCommands,
            finalCommand: finalCommand, associatedData: associatedData, random: &random)
        // Copies of the h_π for the profile's π; the trace keeps them in SecretBytes.
        var keys = headerCreation.payloadKeys
        defer { for i in keys.indices { ByteOps.wipe(&keys[i]) } }
        let plaintext = try profile.encodePayload(
            message: message, payloadLength: payloadLength, key: keys[keys.count - 1])
        let deltas = try addPayloadLayers(profile: profile, plaintext: plaintext, keys: keys)
        return PacketCreation(headerCreation: headerCreation, deltas: deltas)
    }

    /// `createPacket` with x in an ordinary array, which stays the caller's to wipe.
    public static func createPacket<P: SphinxProfile, R: RandomSource>(
        profile: P,
        initialSecret x: Bytes,
        publicKeys: [Bytes],
        forwardCommands: [P.ForwardCommand],
        finalCommand: P.FinalCommand,
        message: Bytes,
        payloadLength: Int,
        associatedData: [Bytes] = [],
        random: inout R
    ) throws(SphinxError) -> PacketCreation {
        try createPacket(
            profile: profile, initialSecret: SecretBytes(x), publicKeys: publicKeys, forwardCommands: forwardCommands,
            finalCommand: finalCommand, message: message, payloadLength: payloadLength,
            associatedData: associatedData, random: &random)
    }
}

extension Sphinx {
    /// Creates a single-use reply block: a header for the route back to its creator, and the
    /// payload keys of its hops. SPEC.md [SURB-CREATE-1].
    ///
    /// Paper: Danezis & Goldberg 2009, §3.4 (reply messages). The header is made exactly like a
    /// forward header (`createHeader`); what the SURB hands to the replier (every key, only a
    /// reply key, …) is the profile's choice and lives in the profile's SURB type.
    public static func createSURB<P: SphinxProfile, R: RandomSource>(
        profile: P,
        initialSecret x: SecretBytes,
        publicKeys: [Bytes],
        forwardCommands: [P.ForwardCommand],
        finalCommand: P.FinalCommand,
        associatedData: [Bytes] = [],
        random: inout R
    ) throws(SphinxError) -> HeaderCreation {
        try createHeader(
            profile: profile, initialSecret: x, publicKeys: publicKeys, forwardCommands: forwardCommands,
            finalCommand: finalCommand, associatedData: associatedData, random: &random)
    }

    /// `createSURB` with x in an ordinary array, which stays the caller's to wipe.
    public static func createSURB<P: SphinxProfile, R: RandomSource>(
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

    /// The replier's side: encodes the reply for the key that will be removed last and adds a
    /// layer per key. SPEC.md [SURB-USE-1].
    /// ```text
    /// δ_n = encode(m, k_{n−1}) ;  δ_i = π(k_i, δ_{i+1}) ;  send (header, δ_0)
    /// ```
    /// With nym 0.6.0 the keys are the hops' h_π (the hops then strip the reply to plaintext);
    /// with sphinxmix it is the single reply key k̃.
    public static func useSURB<P: SphinxProfile>(
        profile: P, keys: [Bytes], message: Bytes, payloadLength: Int
    ) throws(SphinxError) -> [Bytes] {
        guard let innermost = keys.last else { throw .malformedSURB }
        let plaintext = try profile.encodePayload(message: message, payloadLength: payloadLength, key: innermost)
        return try addPayloadLayers(profile: profile, plaintext: plaintext, keys: keys)
    }

    /// The SURB creator's side when the replier held only a reply key k̃: undo the hops' π⁻¹
    /// with the kept hop keys, then remove k̃. SPEC.md [SURB-RECOVER-1].
    /// ```text
    /// δ = π(k_0, π(k_1, … π(k_{ν−1}, δ_last)))  ;  m = decode(π⁻¹(k̃, δ), k̃)
    /// ```
    /// where δ_last is the payload after the final hop's own π⁻¹.
    public static func recoverSURBReply<P: SphinxProfile>(
        profile: P, delta: Bytes, hopKeys: [Bytes], replyKey: Bytes
    ) throws(SphinxError) -> Bytes {
        let relayered = try addPayloadLayers(profile: profile, plaintext: delta, keys: hopKeys)[0]
        let plaintext = try profile.piInverse(key: replyKey, block: relayered)
        return try profile.decodePayload(plaintext, key: replyKey)
    }
}

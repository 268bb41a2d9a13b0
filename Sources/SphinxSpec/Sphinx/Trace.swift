/// The intermediate values of one hop during header creation, in the paper's notation.
/// Vector files carry every field, so another implementation can be compared step by step.
public struct CreationHopTrace: Sendable, Equatable {
    /// i, counting from 0 at the first mix.
    public let index: Int
    /// y_i: the hop's public key.
    public let publicKey: Bytes
    /// α_i = g^{x·b_0⋯b_{i−1}}.
    public let alpha: Bytes
    /// s_i = y_i^{x·b_0⋯b_{i−1}}, in wiped-on-release storage.
    public let sharedSecretStorage: SecretBytes
    /// h_ρ, h_μ, h_b, h_τ and the profile's details.
    public let keys: HopKeys
    /// h_π: the payload key this hop removes, in wiped-on-release storage.
    public let payloadKeyStorage: SecretBytes
    /// The plaintext routing entry the hop will read (before γ_{i+1} and β_{i+1}).
    public let routingEntry: Bytes
    /// β_i.
    public let beta: Bytes
    /// γ_i = μ(h_μ(s_i), ad_i ‖ β_i).
    public let gamma: Bytes

    /// s_i as an array: exposed on purpose, vectors publish every intermediate.
    public var sharedSecret: Bytes { sharedSecretStorage.exposedCopy }
    /// h_π as an array: exposed on purpose, vectors publish every intermediate.
    public var payloadKey: Bytes { payloadKeyStorage.exposedCopy }
}

/// Everything header creation produced and consumed.
public struct HeaderCreation: Sendable, Equatable {
    /// The header the first hop receives: (α_0, β_0, γ_0).
    public let header: SphinxHeader
    /// x, the sender's secret exponent, in wiped-on-release storage.
    public let initialSecretStorage: SecretBytes
    /// Per-hop values, first hop first.
    public let hops: [CreationHopTrace]
    /// φ, the filler (60·(ν−1) bytes for nym).
    public let filler: Bytes
    /// The random bytes after the final routing entry (Kuhn et al. 2020: random, not zero).
    public let finalPadding: Bytes

    /// x as an array: exposed on purpose, vectors publish every intermediate.
    public var initialSecret: Bytes { initialSecretStorage.exposedCopy }

    /// h_π of every hop, first hop first: exposed on purpose (a SURB carries them, vectors
    /// publish them).
    public var payloadKeys: [Bytes] { hops.map(\.payloadKey) }
}

/// Everything packet creation produced: the header, the payload layers and their trace.
public struct PacketCreation: Sendable, Equatable {
    public let headerCreation: HeaderCreation
    /// δ_0 … δ_ν: δ_i is the payload hop i receives; δ_ν is the encoded plaintext the final
    /// hop obtains after removing its layer. `deltas[0]` is the payload on the wire.
    public let deltas: [Bytes]

    public var header: SphinxHeader { headerCreation.header }
    public var delta: Bytes { deltas[0] }
}

/// The intermediate values of one hop's processing.
public struct ProcessingTrace: Sendable, Equatable {
    /// α as received.
    public let alpha: Bytes
    /// s = α^{x_node}, in wiped-on-release storage.
    public let sharedSecretStorage: SecretBytes
    public let keys: HopKeys
    /// γ as recomputed: μ(h_μ(s), ad ‖ β). Equal to the received γ when processing succeeded.
    public let expectedGamma: Bytes
    /// B = (β ‖ 0^pad) ⊕ ρ(h_ρ(s), |β| + pad).
    public let decryptedBlock: Bytes
    /// The entry's length in B.
    public let routingEntryLength: Int
    /// h_π for this hop, in wiped-on-release storage.
    public let payloadKeyStorage: SecretBytes

    /// s as an array: exposed on purpose, vectors publish every intermediate.
    public var sharedSecret: Bytes { sharedSecretStorage.exposedCopy }
    /// h_π as an array: exposed on purpose, vectors publish every intermediate.
    public var payloadKey: Bytes { payloadKeyStorage.exposedCopy }
}

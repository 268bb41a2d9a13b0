/// What a profile supplies to the generic Sphinx algorithm. SPEC.md [SPHINX-PROFILE].
///
/// Danezis & Goldberg 2009 (§3) fix the algorithm and leave the group, the hash functions
/// h_ρ, h_μ, h_π, h_b, h_τ, the PRG ρ, the MAC μ, the PRP π and the encodings open. A profile is
/// exactly that list. The generic code in this folder never asks which profile it runs.
///
/// Group elements and exponents travel as `Bytes` in the profile's own encoding (32-byte
/// u-coordinates for X25519; 57-byte uncompressed points and big-endian scalars for P-224), so
/// every intermediate value can be written to a vector file as it is; the profile checks the
/// lengths at its boundary.
///
/// Routing information β has a fixed length `routingInfoLength`. Hop i's plaintext block is
/// `entry_i ‖ γ_{i+1} ‖ β_{i+1}[0, |β| − |entry_i| − κ)` where `entry_i` is
/// `encodeRoutingEntry(command_i)`; entries may have different lengths (sphinxmix's are
/// length-prefixed msgpack), which is why the filler below is written per entry and not per
/// fixed "hop size".
///
/// Whether a hop is the last one is said once, by the kind of its command: a route is ν − 1
/// `ForwardCommand`s and one `FinalCommand`, and a decoded entry is a `RoutingCommand`, which
/// is one or the other. No flag beside the command can disagree with it.
public protocol SphinxProfile: Sendable {
    /// What a forward hop is told (nym: next address, delay and version; sphinxmix: the next
    /// node's id).
    associatedtype ForwardCommand: Sendable, Equatable
    /// What the last hop is told (nym: destination, identifier and version; sphinxmix:
    /// "destination" or "SURB reply to …").
    associatedtype FinalCommand: Sendable, Equatable
    /// One hop's key material, with typed accessors for h_ρ, h_μ, h_b and h_τ.
    associatedtype Keys: HopKeyMaterial

    // MARK: Sizes

    /// κ in bytes: the length of γ, the header MAC.
    var macLength: Int { get }
    /// |β|: the length of the routing information.
    var routingInfoLength: Int { get }
    /// How many zero bytes a hop appends to β before decrypting it (nym: 60, one block;
    /// sphinxmix: 2·header_len). Must be at least the longest `|entry| + κ` a hop can decode.
    var processingPadLength: Int { get }
    /// r: the largest number of hops.
    var maxHops: Int { get }

    // MARK: Group

    /// The generator g, encoded.
    var generator: Bytes { get }
    /// `base^(e_0 · e_1 ⋯ e_{n−1})`. Nym applies X25519 once per exponent (each clamped at
    /// use); sphinxmix multiplies the exponents modulo the order first. Throws
    /// `invalidGroupElement` for an unacceptable base and `smallOrderGroupElement` for an
    /// identity result.
    func exponentiate(_ base: Bytes, by exponents: [Bytes]) throws(SphinxError) -> Bytes
    /// A fresh secret exponent x for packet creation, drawn from `random`.
    func randomExponent<R: RandomSource>(using random: inout R) throws(SphinxError) -> Bytes
    /// The sender's α_i, s_i and keys for every hop of a route (SPHINX-CREATE-2). The default
    /// is the readable `Sphinx.hopKeyMaterial`; a profile may supply a faster method, which must
    /// give the same bytes and the same errors.
    func senderHopMaterial(initialSecret x: Bytes, publicKeys: [Bytes]) throws(SphinxError) -> [Sphinx.HopMaterial<
        Self
    >]

    // MARK: Key schedule

    /// h_ρ, h_μ, h_b, h_τ of one hop (and what the profile derives with them), from α and the
    /// shared secret s.
    func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> Keys
    /// h_π: the payload key of a hop. It may depend on the hop's routing command (nym: the
    /// version inside it chooses between the 192-byte key and the seed-derived one).
    func payloadKey(_ keys: Keys, for command: RoutingCommand<Self>) throws(SphinxError) -> Bytes

    // MARK: Primitives

    /// ρ: the first `length` bytes of the PRG keyed with `key`.
    func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes
    /// μ: the κ-byte MAC of `data`.
    func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes
    /// γ = μ over β and the hop's associated data, in the profile's order. The default (nym,
    /// sphinxmix) is `μ(key, ad ‖ β)`; bolt4 MACs `β ‖ ad` (BOLT #4 "Packet Construction").
    /// SPEC.md see SPHINX-CREATE-5.
    func headerMAC(key: Bytes, beta: Bytes, associatedData: Bytes) throws(SphinxError) -> Bytes
    /// π: the wide-block PRP (encryption direction).
    func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes
    /// π⁻¹.
    func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes

    // MARK: Encodings

    /// The plaintext bytes of a routing entry (forward entries are followed by γ and β in the
    /// block; the final entry by random padding and the filler).
    func encodeRoutingEntry(_ command: RoutingCommand<Self>) throws(SphinxError) -> Bytes
    /// Parses the entry at the start of the decrypted block B (length `|β| + processingPadLength`).
    func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<Self>
    /// The plaintext payload the last hop will see: message plus the profile's redundancy
    /// (nym: 0^16 ‖ m ‖ 0x01 ‖ 0…; sphinxmix: MAC ‖ padded body). `key` is the payload key
    /// that will be removed last (the final hop's, or a SURB's reply key).
    func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes
    /// Checks the redundancy and returns the message.
    func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes
}

extension SphinxProfile {
    public func senderHopMaterial(
        initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [Sphinx.HopMaterial<Self>] {
        try Sphinx.hopKeyMaterial(profile: self, initialSecret: x, publicKeys: publicKeys)
    }

    /// `μ(key, ad ‖ β)`: the paper's order, kept by nym (no ad) and sphinxmix.
    public func headerMAC(key: Bytes, beta: Bytes, associatedData: Bytes) throws(SphinxError) -> Bytes {
        try mu(key: key, data: associatedData + beta)
    }
}

/// What one hop is told: pass the packet on, or it ends here. SPEC.md see SPHINX-PROCESS-6.
public enum RoutingCommand<P: SphinxProfile>: Sendable, Equatable {
    /// E_i for i < ν − 1.
    case forward(P.ForwardCommand)
    /// E_{ν−1}.
    case final(P.FinalCommand)
}

/// A routing entry as a hop reads it: the command, and how many bytes of B it took (γ'
/// follows at that offset when the command is a forward one). SPEC.md see SPHINX-PROCESS-6.
public struct DecodedRoutingEntry<P: SphinxProfile>: Sendable, Equatable {
    public let command: RoutingCommand<P>
    /// |e|: bytes of B the entry occupies.
    public let length: Int

    public init(command: RoutingCommand<P>, length: Int) {
        self.command = command
        self.length = length
    }
}

/// A Sphinx header M = (α, β, γ), without a wire encoding (each profile has its own).
public struct SphinxHeader: Sendable, Equatable {
    public var alpha: Bytes
    public var beta: Bytes
    public var gamma: Bytes

    public init(alpha: Bytes, beta: Bytes, gamma: Bytes) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }
}

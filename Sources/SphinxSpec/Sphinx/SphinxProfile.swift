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
public protocol SphinxProfile: Sendable {
    /// What one hop is told: the decoded routing entry (nym: forward or final block).
    associatedtype RoutingCommand: Sendable, Equatable

    // MARK: Sizes

    /// κ in bytes: the length of γ, the header MAC.
    var macLength: Int { get }
    /// |β|: the length of the routing information.
    var routingInfoLength: Int { get }
    /// How many zero bytes a hop appends to β before decrypting it (nym: 60, one block;
    /// sphinxmix: 2·header_len). Must be at least the longest `|entry| + κ`.
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

    // MARK: Key schedule

    /// h_ρ, h_μ, h_b, h_τ of one hop, from α and the shared secret s.
    func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> HopKeys
    /// h_π: the payload key of a hop. It may depend on the hop's routing command (nym: the
    /// version inside it chooses between the 192-byte key and the seed-derived one).
    func payloadKey(_ keys: HopKeys, for command: RoutingCommand) throws(SphinxError) -> Bytes

    // MARK: Primitives

    /// ρ: the first `length` bytes of the PRG keyed with `key`.
    func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes
    /// μ: the κ-byte MAC of `data`.
    func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes
    /// π: the wide-block PRP (encryption direction).
    func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes
    /// π⁻¹.
    func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes

    // MARK: Encodings

    /// The plaintext bytes of a routing entry (forward entries are followed by γ and β in the
    /// block; the final entry by random padding and the filler).
    func encodeRoutingEntry(_ command: RoutingCommand) throws(SphinxError) -> Bytes
    /// Parses the entry at the start of the decrypted block B (length `|β| + processingPadLength`).
    func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<RoutingCommand>
    /// The plaintext payload the last hop will see: message plus the profile's redundancy
    /// (nym: 0^16 ‖ m ‖ 0x01 ‖ 0…; sphinxmix: MAC ‖ padded body). `key` is the payload key
    /// that will be removed last (the final hop's, or a SURB's reply key).
    func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes
    /// Checks the redundancy and returns the message.
    func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes
}

/// A routing entry as a hop reads it: the command, how many bytes of B it took, and whether
/// the hop is the last one. SPEC.md see SPHINX-PROCESS-6.
public struct DecodedRoutingEntry<Command: Sendable & Equatable>: Sendable, Equatable {
    public let command: Command
    /// Bytes of B the entry occupies; γ' follows at this offset (forward hops only).
    public let length: Int
    public let isFinal: Bool

    public init(command: Command, length: Int, isFinal: Bool) {
        self.command = command
        self.length = length
        self.isFinal = isFinal
    }
}

/// A named byte string, for profile-specific intermediate values a trace must carry
/// (nym: the 288-byte HKDF expansion, the payload-key seed).
public struct NamedBytes: Sendable, Equatable {
    public let name: String
    public let value: Bytes
    public init(_ name: String, _ value: Bytes) {
        self.name = name
        self.value = value
    }
}

/// The per-hop key material derived from the shared secret s. SPEC.md [SPHINX-KEYS-1].
///
/// | paper | field   | use                                   |
/// |-------|---------|---------------------------------------|
/// | h_ρ(s)| `hRho`  | key of the PRG ρ that encrypts β      |
/// | h_μ(s)| `hMu`   | key of the MAC μ that makes γ         |
/// | h_b   | `b`     | blinding factor: α' = α^b             |
/// | h_τ(s)| `hTau`  | replay tag                            |
///
/// h_π is not here: a profile may make it depend on the routing command (see
/// `SphinxProfile.payloadKey`).
public struct HopKeys: Sendable, Equatable {
    public var hRho: Bytes
    public var hMu: Bytes
    public var b: Bytes
    public var hTau: Bytes
    /// Profile-specific intermediates, in derivation order.
    public var details: [NamedBytes]

    public init(hRho: Bytes, hMu: Bytes, b: Bytes, hTau: Bytes, details: [NamedBytes] = []) {
        self.hRho = hRho
        self.hMu = hMu
        self.b = b
        self.hTau = hTau
        self.details = details
    }

    /// The profile detail called `name`, if the profile recorded one.
    public func detail(_ name: String) -> Bytes? {
        details.first { $0.name == name }?.value
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

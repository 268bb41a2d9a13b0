/// One hop's key material, derived from the shared secret s. SPEC.md [SPHINX-KEYS-1].
///
/// The accessors are named after what each key is for, as nymtech/sphinx's
/// src/header/shared_secret.rs names them, and documented with the paper's hash function:
///
/// | paper  | accessor          | use                               |
/// |--------|-------------------|-----------------------------------|
/// | h_ρ(s) | `streamCipherKey` | key of the PRG ρ that encrypts β  |
/// | h_μ(s) | `macKey`          | key of the MAC μ that makes γ     |
/// | h_b    | `blindingFactor`  | b, the exponent with α' = α^b     |
/// | h_τ(s) | `replayTag`       | the tag a replay cache remembers  |
///
/// h_π is not here: a profile may make it depend on the routing command (see
/// `SphinxProfile.payloadKey`); each profile's key type has its own typed h_π accessor.
public protocol HopKeyMaterial: Sendable, Equatable {
    /// h_ρ(s): the key of the PRG ρ.
    var streamCipherKey: Bytes { get }
    /// h_μ(s): the key of the header MAC μ.
    var macKey: Bytes { get }
    /// b = h_b(α, s): the blinding factor, encoded as an exponent for `exponentiate`.
    var blindingFactor: Bytes { get }
    /// h_τ(s): the replay tag.
    var replayTag: Bytes { get }
    /// The profile's other derived values, in derivation order, under stable names (the
    /// vector files write them in snake_case; nym: the HKDF expansion, the 192-byte key, the
    /// seed).
    var intermediates: [NamedBytes] { get }
}

/// A named secret byte string, for profile-specific intermediate values a trace must carry
/// (nym: the 288-byte HKDF expansion, the payload-key seed). Held in `SecretBytes`, so it is
/// wiped when the last key record or trace holding it goes.
public struct NamedBytes: Sendable, Equatable {
    public let name: String
    /// The value in its wiped-on-release storage.
    public let storage: SecretBytes
    /// The value as an array: exposed on purpose, vectors and traces publish every intermediate.
    public var value: Bytes { storage.exposedCopy }

    public init(_ name: String, _ value: Bytes) {
        self.init(name, SecretBytes(taking: value))
    }

    public init(_ name: String, _ secret: SecretBytes) {
        self.name = name
        self.storage = secret
    }
}

/// A trace's record of one hop's keys (SPEC.md §3.6): h_ρ, h_μ, b, h_τ under the paper's
/// names, and the profile's intermediates by the names the vector files use. It keeps the
/// profile's typed `Keys` (whose `SecretBytes` are wiped when the last trace holding them goes)
/// and copies a value out only when someone reads it: the algorithm itself reads the typed
/// keys, and most traces are never read. The `Bytes` accessors are exposed on purpose: vectors
/// publish every intermediate.
public struct HopKeys: Sendable, Equatable {
    private let material: any HopKeyMaterial

    public init(_ keys: some HopKeyMaterial) {
        self.material = keys
    }

    public var hRho: Bytes { material.streamCipherKey }
    public var hMu: Bytes { material.macKey }
    public var b: Bytes { material.blindingFactor }
    public var hTau: Bytes { material.replayTag }
    /// Profile-specific intermediates, in derivation order.
    public var details: [NamedBytes] { material.intermediates }

    /// The profile detail called `name`, if the profile recorded one.
    public func detail(_ name: String) -> Bytes? {
        details.first { $0.name == name }?.value
    }

    /// Equal keys, compared in constant time (PRIM-CT-EQUAL).
    public static func == (lhs: HopKeys, rhs: HopKeys) -> Bool {
        ByteOps.constantTimeEqual(lhs.hRho, rhs.hRho) && ByteOps.constantTimeEqual(lhs.hMu, rhs.hMu)
            && ByteOps.constantTimeEqual(lhs.b, rhs.b) && ByteOps.constantTimeEqual(lhs.hTau, rhs.hTau)
            && lhs.details == rhs.details
    }
}

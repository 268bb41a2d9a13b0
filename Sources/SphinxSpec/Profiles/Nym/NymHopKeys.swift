/// A nym hop's key material: one HKDF expansion of the shared secret, cut into the Sphinx hash
/// outputs, with the crate's accessor names. Source: sphinx-packet 0.6.0
/// src/header/shared_secret.rs (`ExpandedSharedSecret`) and src/payload/key.rs.
///
/// The expansion is stored once; every key is a fixed range of it, in the crate's order (the
/// replay tag was appended last).
public struct NymHopKeys: HopKeyMaterial {
    /// ESS, the 288-byte expanded shared secret, in wiped-on-release storage (SPEC.md §2.9).
    public let expandedSharedSecretStorage: SecretBytes

    /// Derives the expanded shared secret. SPEC.md [NYM-KEYS-1].
    /// ```text
    /// ESS = HKDF-SHA256(salt = ε, IKM = s, info = "Dwste mou … thn gh.", L = 288)
    /// h_ρ = ESS[0, 16) ; h_μ = ESS[16, 32) ; K_legacy = ESS[32, 224) ; seed = ESS[32, 48)
    /// b = ESS[224, 256) ; h_τ = ESS[256, 288)
    /// ```
    /// - Throws: `invalidInputLength` unless s is 32 bytes.
    public init(sharedSecret s: Bytes) throws(SphinxError) {
        expandedSharedSecretStorage = SecretBytes(
            taking: try Self.hkdf(
                salt: NymConstants.expandedSharedSecretSalt,
                ikm: SphinxError.requireLength(s, X25519.pointLength, "shared secret"),
                info: NymConstants.expandedSharedSecretInfo, length: NymConstants.expandedSharedSecretLength))
    }

    /// Offsets into ESS.
    public static let streamCipherKeyRange = 0..<16
    public static let macKeyRange = 16..<32
    public static let legacyPayloadKeyRange = 32..<224
    public static let payloadKeySeedRange = 32..<48
    public static let blindingFactorRange = 224..<256
    public static let replayTagRange = 256..<288

    // Each accessor copies its range out of ESS for a primitive that takes `Bytes`; the generic
    // algorithm wipes the copies it holds only briefly where it can (SPEC.md §2.9, §10.1).

    /// ESS as an array: exposed on purpose, vectors publish every intermediate.
    public var expandedSharedSecret: Bytes { expandedSharedSecretStorage.exposedCopy }
    /// h_ρ: the AES-128 key of ρ (`stream_cipher_key`).
    public var streamCipherKey: Bytes { expandedSharedSecretStorage.exposedCopy(Self.streamCipherKeyRange) }
    /// h_μ: the HMAC key of μ (`header_integrity_hmac_key`).
    public var macKey: Bytes { expandedSharedSecretStorage.exposedCopy(Self.macKeyRange) }
    /// b: the X25519 blinding scalar (`blinding_factor`), clamped at use.
    public var blindingFactor: Bytes { expandedSharedSecretStorage.exposedCopy(Self.blindingFactorRange) }
    /// h_τ: the replay tag (`replay_tag`).
    public var replayTag: Bytes { expandedSharedSecretStorage.exposedCopy(Self.replayTagRange) }
    /// Version 258's h_π: the 192-byte LIONESS key (`legacy_payload_key`).
    public var legacyPayloadKey: Bytes { expandedSharedSecretStorage.exposedCopy(Self.legacyPayloadKeyRange) }
    /// Version 259's seed of h_π (`payload_key_seed`).
    public var payloadKeySeed: Bytes { expandedSharedSecretStorage.exposedCopy(Self.payloadKeySeedRange) }

    /// The trace keeps ESS (shared, not copied), the 192-byte key and the seed.
    public var intermediates: [NamedBytes] {
        [
            NamedBytes("expandedSharedSecret", expandedSharedSecretStorage),
            NamedBytes("legacyPayloadKey", expandedSharedSecretStorage.slice(Self.legacyPayloadKeyRange)),
            NamedBytes("payloadKeySeed", expandedSharedSecretStorage.slice(Self.payloadKeySeedRange)),
        ]
    }

    /// h_π by version. SPEC.md [NYM-KEYS-3].
    /// ```text
    /// 258: h_π = ESS[32, 224)        259: h_π = HKDF(seed = ESS[32, 48))
    /// ```
    public func payloadKey(version: NymVersion) throws(SphinxError) -> Bytes {
        switch version {
        case .explicitPayloadKeys: return legacyPayloadKey
        case .payloadKeySeeds:
            var seed = payloadKeySeed
            defer { ByteOps.wipe(&seed) }
            return try Self.payloadKey(fromSeed: seed)
        }
    }

    /// Version 259's payload key from its seed. SPEC.md [NYM-KEYS-2].
    /// ```text
    /// K = HKDF-SHA256(salt = "sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT", IKM = seed,
    ///                 info = "sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO", L = 192)
    /// ```
    /// - Throws: `invalidInputLength` unless the seed is 16 bytes.
    public static func payloadKey(fromSeed seed: Bytes) throws(SphinxError) -> Bytes {
        try hkdf(
            salt: NymConstants.payloadKeySalt,
            ikm: SphinxError.requireLength(seed, NymConstants.payloadKeySeedLength, "payload key seed"),
            info: NymConstants.payloadKeyInfo, length: NymConstants.payloadKeyLength)
    }

    private static func hkdf(salt: Bytes, ikm: Bytes, info: Bytes, length: Int) throws(SphinxError) -> Bytes {
        try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try HKDFSHA256.deriveKey(salt: salt, ikm: ikm, info: info, length: length)
        }
    }
}

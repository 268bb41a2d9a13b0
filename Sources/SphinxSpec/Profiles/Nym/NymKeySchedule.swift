/// The nym key schedule: one HKDF expansion per hop, cut into the Sphinx hash outputs.
/// Source: sphinx-packet 0.6.0 src/header/shared_secret.rs and src/payload/key.rs.
public enum NymKeySchedule {
    /// The expanded shared secret. SPEC.md [NYM-KEYS-1].
    /// ```text
    /// ESS = HKDF-SHA256(salt = ε, IKM = s, info = "Dwste mou … thn gh.", L = 288)
    /// h_ρ = ESS[0, 16) ; h_μ = ESS[16, 32) ; K_legacy = ESS[32, 224) ; seed = ESS[32, 48)
    /// b = ESS[224, 256) ; h_τ = ESS[256, 288)
    /// ```
    public static func expand(sharedSecret s: Bytes) throws(SphinxError) -> Bytes {
        guard s.count == X25519.pointLength else {
            throw .invalidInputLength(what: "shared secret", expected: X25519.pointLength, actual: s.count)
        }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try HKDFSHA256.deriveKey(
                salt: NymConstants.expandedSharedSecretSalt, ikm: s,
                info: NymConstants.expandedSharedSecretInfo,
                length: NymConstants.expandedSharedSecretLength)
        }
    }

    /// Offsets into ESS, in the crate's order (the replay tag was appended last).
    public static let streamCipherKeyRange = 0..<16
    public static let macKeyRange = 16..<32
    public static let legacyPayloadKeyRange = 32..<224
    public static let payloadKeySeedRange = 32..<48
    public static let blindingFactorRange = 224..<256
    public static let replayTagRange = 256..<288

    /// Cuts ESS into the hop keys; the trace keeps ESS, the 192-byte key and the seed.
    public static func hopKeys(expanded ess: Bytes) -> HopKeys {
        HopKeys(
            hRho: Array(ess[streamCipherKeyRange]),
            hMu: Array(ess[macKeyRange]),
            b: Array(ess[blindingFactorRange]),
            hTau: Array(ess[replayTagRange]),
            details: [
                NamedBytes("expandedSharedSecret", ess),
                NamedBytes("legacyPayloadKey", Array(ess[legacyPayloadKeyRange])),
                NamedBytes("payloadKeySeed", Array(ess[payloadKeySeedRange])),
            ])
    }

    /// Version 259's payload key from its seed. SPEC.md [NYM-KEYS-2].
    /// ```text
    /// K = HKDF-SHA256(salt = "sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT", IKM = seed,
    ///                 info = "sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO", L = 192)
    /// ```
    public static func payloadKey(fromSeed seed: Bytes) throws(SphinxError) -> Bytes {
        guard seed.count == NymConstants.payloadKeySeedLength else {
            throw .invalidInputLength(what: "payload key seed", expected: NymConstants.payloadKeySeedLength, actual: seed.count)
        }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try HKDFSHA256.deriveKey(
                salt: NymConstants.payloadKeySalt, ikm: seed,
                info: NymConstants.payloadKeyInfo, length: NymConstants.payloadKeyLength)
        }
    }

    /// h_π by version. SPEC.md [NYM-KEYS-3].
    /// ```text
    /// 258: h_π = ESS[32, 224)        259: h_π = HKDF(seed = ESS[32, 48))
    /// ```
    public static func payloadKey(_ keys: HopKeys, version: NymVersion) throws(SphinxError) -> Bytes {
        switch version {
        case .explicitPayloadKeys:
            guard let key = keys.detail("legacyPayloadKey") else { throw .malformedRoutingEntry }
            return key
        case .payloadKeySeeds:
            guard let seed = keys.detail("payloadKeySeed") else { throw .malformedRoutingEntry }
            return try payloadKey(fromSeed: seed)
        }
    }
}

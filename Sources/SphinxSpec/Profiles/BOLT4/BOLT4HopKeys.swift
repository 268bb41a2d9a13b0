/// One hop's keys in the bolt4 profile. SPEC.md [BOLT4-KEYS].
///
/// BOLT #4 "Shared Secret", "Key Generation", "Blinding Ephemeral Onion Keys" and "Returning
/// Errors":
/// ```text
/// ss    = SHA-256(compressed(ECDH point))          (the BOLT's "shared secret")
/// rho   = HMAC-SHA256(key = "rho",   ss)           h_ρ
/// mu    = HMAC-SHA256(key = "mu",    ss)           h_μ
/// um    = HMAC-SHA256(key = "um",    ss)           error-return MAC key
/// ammag = HMAC-SHA256(key = "ammag", ss)           error-return obfuscation key
/// b     = SHA-256(compressed(α) ‖ ss)              h_b, the blinding factor
/// tag   = SHA-256(ss)[0, 20)                        h_τ (lnd's replay log, see BOLT4Constants)
/// ```
/// The `pad` key is not per hop: it is derived once from the session key (BOLT4-CREATE).
///
/// Every value is held in `SecretBytes` (wiped when the last copy of this value goes); the
/// `Bytes` accessors copy one out for a primitive or, exposed on purpose, for a trace.
public struct BOLT4HopKeys: HopKeyMaterial {
    let sharedSecretStorage: SecretBytes
    let rhoStorage: SecretBytes
    let muStorage: SecretBytes
    let umStorage: SecretBytes
    let ammagStorage: SecretBytes
    let blindingFactorStorage: SecretBytes
    let replayTagStorage: SecretBytes

    /// ss: what BOLT #4 and its vectors call the hop's shared secret.
    public var sharedSecret: Bytes { sharedSecretStorage.exposedCopy }
    public var rho: Bytes { rhoStorage.exposedCopy }
    public var mu: Bytes { muStorage.exposedCopy }
    public var um: Bytes { umStorage.exposedCopy }
    public var ammag: Bytes { ammagStorage.exposedCopy }
    public var blindingFactor: Bytes { blindingFactorStorage.exposedCopy }
    /// h_τ = SHA-256(ss)[0, 20), what lnd's replay log keeps (`hashSharedSecret` in
    /// lightningnetwork/lightning-onion replaylog.go). SPEC.md [BOLT4-REPLAY].
    public var replayTag: Bytes { replayTagStorage.exposedCopy }

    /// The key generation function of BOLT #4: HMAC-SHA256 keyed with the key-type label.
    /// SPEC.md [BOLT4-KEYGEN].
    public static func generateKey(_ keyType: Bytes, _ secret: Bytes) -> Bytes {
        HMACSHA256.mac(key: keyType, message: secret)
    }

    /// From α (the ephemeral public key, compressed) and the ECDH point s (compressed).
    /// SPEC.md see BOLT4-KEYS.
    init(alpha: Bytes, ecdhPoint: Bytes) {
        var ss = SHA256.hash(ecdhPoint)
        defer { ByteOps.wipe(&ss) }
        self.init(alpha: alpha, sharedSecret: ss)
    }

    /// From α and the already hashed shared secret ss.
    init(alpha: Bytes, sharedSecret ss: Bytes) {
        sharedSecretStorage = SecretBytes(ss)
        rhoStorage = SecretBytes(taking: Self.generateKey(BOLT4Constants.KeyType.rho, ss))
        muStorage = SecretBytes(taking: Self.generateKey(BOLT4Constants.KeyType.mu, ss))
        umStorage = SecretBytes(taking: Self.generateKey(BOLT4Constants.KeyType.um, ss))
        ammagStorage = SecretBytes(taking: Self.generateKey(BOLT4Constants.KeyType.ammag, ss))
        blindingFactorStorage = SecretBytes(taking: SHA256.hash(alpha + ss))
        replayTagStorage = SecretBytes(taking: Bytes(SHA256.hash(ss).prefix(BOLT4Constants.replayTagLength)))
    }

    public var streamCipherKey: Bytes { rho }
    public var macKey: Bytes { mu }

    public var intermediates: [NamedBytes] {
        [
            NamedBytes("hop_shared_secret", sharedSecretStorage), NamedBytes("rho", rhoStorage),
            NamedBytes("mu", muStorage), NamedBytes("um", umStorage), NamedBytes("ammag", ammagStorage),
            NamedBytes("blinding_factor", blindingFactorStorage),
        ]
    }
}

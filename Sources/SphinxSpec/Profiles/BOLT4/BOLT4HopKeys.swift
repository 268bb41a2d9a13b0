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
public struct BOLT4HopKeys: HopKeyMaterial {
    /// ss: what BOLT #4 and its vectors call the hop's shared secret.
    public let sharedSecret: Bytes
    public let rho: Bytes
    public let mu: Bytes
    public let um: Bytes
    public let ammag: Bytes
    public let blindingFactor: Bytes
    /// h_τ = SHA-256(ss)[0, 20), what lnd's replay log keeps (`hashSharedSecret` in
    /// lightningnetwork/lightning-onion replaylog.go). SPEC.md [BOLT4-REPLAY].
    public let replayTag: Bytes

    /// The key generation function of BOLT #4: HMAC-SHA256 keyed with the key-type label.
    /// SPEC.md [BOLT4-KEYGEN].
    public static func generateKey(_ keyType: Bytes, _ secret: Bytes) -> Bytes {
        HMACSHA256.mac(key: keyType, message: secret)
    }

    /// From α (the ephemeral public key, compressed) and the ECDH point s (compressed).
    /// SPEC.md see BOLT4-KEYS.
    init(alpha: Bytes, ecdhPoint: Bytes) {
        let ss = SHA256.hash(ecdhPoint)
        self.init(alpha: alpha, sharedSecret: ss)
    }

    /// From α and the already hashed shared secret ss.
    init(alpha: Bytes, sharedSecret ss: Bytes) {
        sharedSecret = ss
        rho = Self.generateKey(BOLT4Constants.KeyType.rho, ss)
        mu = Self.generateKey(BOLT4Constants.KeyType.mu, ss)
        um = Self.generateKey(BOLT4Constants.KeyType.um, ss)
        ammag = Self.generateKey(BOLT4Constants.KeyType.ammag, ss)
        blindingFactor = SHA256.hash(alpha + ss)
        replayTag = Bytes(SHA256.hash(ss).prefix(BOLT4Constants.replayTagLength))
    }

    public var streamCipherKey: Bytes { rho }
    public var macKey: Bytes { mu }

    public var intermediates: [NamedBytes] {
        [
            NamedBytes("hop_shared_secret", sharedSecret), NamedBytes("rho", rho), NamedBytes("mu", mu),
            NamedBytes("um", um), NamedBytes("ammag", ammag), NamedBytes("blinding_factor", blindingFactor),
        ]
    }
}

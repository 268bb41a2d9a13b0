/// The keys one hop derives from its shared secret s, as sphinxmix 0.0.7 derives them
/// (`SphinxParams.get_aes_key`, `derive_key`, `hb`, `hrho`, `hmu`, `hpi`, `htau` in
/// sphinxmix/SphinxParams.py). SPEC.md [SMX-KEYS].
/// ```text
/// aes_s = SHA-256("aes_key:" ‖ enc(s))[0,16)          enc = uncompressed point, 57 bytes
/// h_x   = AES-128-CTR(key = aes_s, iv = flavour_x)(0^16)
///   flavour: h_b "hbhbhbhbhbhbhbhb", h_ρ "hrhohrhohrhohrho", h_μ "hmu:hmu:hmu:hmu:",
///            h_π "hpi:hpi:hpi:hpi:", h_τ "htauhtauhtauhtau"
/// b     = h_b as a big-endian integer mod n
/// ```
/// Deviation from the paper (stated in SPEC.md): the paper's blinding factor is
/// b = h_b(α, s); sphinxmix derives it from s alone.
///
/// Every key is held in `SecretBytes` (wiped when the last copy of this value goes); the
/// `Bytes` accessors copy a key out for a primitive or, exposed on purpose, for a trace.
public struct SphinxmixHopKeys: HopKeyMaterial {
    let aesSStorage: SecretBytes
    let streamCipherKeyStorage: SecretBytes
    let macKeyStorage: SecretBytes
    let payloadKeyStorage: SecretBytes
    let replayTagStorage: SecretBytes
    let blindingDigestStorage: SecretBytes

    /// The 16-byte master key of the hop, `aes_s`.
    public var aesS: Bytes { aesSStorage.exposedCopy }
    /// h_ρ(s) (`hrho`): the AES-128-CTR key of the PRG ρ.
    public var streamCipherKey: Bytes { streamCipherKeyStorage.exposedCopy }
    /// h_μ(s) (`hmu`): the HMAC-SHA256 key of the header MAC μ.
    public var macKey: Bytes { macKeyStorage.exposedCopy }
    /// h_π(s) (`hpi`): the LIONESS key of the payload PRP π (and of the forward body MAC).
    public var payloadKey: Bytes { payloadKeyStorage.exposedCopy }
    /// h_τ(s) (`htau`): the replay tag.
    public var replayTag: Bytes { replayTagStorage.exposedCopy }
    /// h_b's 16 bytes before reduction (`derive_key(s, "hbhb…")`).
    public var blindingDigest: Bytes { blindingDigestStorage.exposedCopy }
    /// The blinding factor b = h_b(s) mod n (`hb`), reduced when asked for (its limbs are a
    /// value on the stack, not wiped; SPEC.md §10.1).
    public var blindingScalar: P224.Scalar { P224.Scalar(reducing: blindingDigest) }

    /// Derives every key of a hop from the shared-secret point s.
    public init(sharedSecret s: P224.Point) throws(SphinxError) {
        var aesS = Bytes(SHA256.hash(Bytes("aes_key:".utf8) + s.encoded).prefix(16))
        func derive(_ flavour: String) throws(SphinxError) -> SecretBytes {
            SecretBytes(
                taking: try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
                    try AES128CTR.keystream(key: aesS, iv: Bytes(flavour.utf8), length: 16)
                })
        }
        self.blindingDigestStorage = try derive("hbhbhbhbhbhbhbhb")
        self.streamCipherKeyStorage = try derive("hrhohrhohrhohrho")
        self.macKeyStorage = try derive("hmu:hmu:hmu:hmu:")
        self.payloadKeyStorage = try derive("hpi:hpi:hpi:hpi:")
        self.replayTagStorage = try derive("htauhtauhtauhtau")
        self.aesSStorage = SecretBytes(wiping: &aesS)
    }

    /// b as the exponent `exponentiate` takes: 28 big-endian bytes.
    public var blindingFactor: Bytes { blindingScalar.bytes }

    /// The trace keeps aes_s, h_π and the raw h_b, under sphinxmix's names.
    public var intermediates: [NamedBytes] {
        [
            NamedBytes("aes_s", aesSStorage), NamedBytes("h_pi", payloadKeyStorage),
            NamedBytes("h_b", blindingDigestStorage),
        ]
    }
}

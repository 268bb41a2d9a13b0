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
public struct SphinxmixHopKeys: HopKeyMaterial {
    /// The 16-byte master key of the hop, `aes_s`.
    public let aesS: Bytes
    /// h_ρ(s) (`hrho`): the AES-128-CTR key of the PRG ρ.
    public let streamCipherKey: Bytes
    /// h_μ(s) (`hmu`): the HMAC-SHA256 key of the header MAC μ.
    public let macKey: Bytes
    /// h_π(s) (`hpi`): the LIONESS key of the payload PRP π (and of the forward body MAC).
    public let payloadKey: Bytes
    /// h_τ(s) (`htau`): the replay tag.
    public let replayTag: Bytes
    /// h_b's 16 bytes before reduction (`derive_key(s, "hbhb…")`).
    public let blindingDigest: Bytes
    /// The blinding factor b = h_b(s) mod n (`hb`).
    public let blindingScalar: P224.Scalar

    /// Derives every key of a hop from the shared-secret point s.
    public init(sharedSecret s: P224.Point) throws(SphinxError) {
        let aesS = Bytes(SHA256.hash(Bytes("aes_key:".utf8) + s.encoded).prefix(16))
        func derive(_ flavour: String) throws(SphinxError) -> Bytes {
            try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
                try AES128CTR.keystream(key: aesS, iv: Bytes(flavour.utf8), length: 16)
            }
        }
        self.aesS = aesS
        self.blindingDigest = try derive("hbhbhbhbhbhbhbhb")
        self.streamCipherKey = try derive("hrhohrhohrhohrho")
        self.macKey = try derive("hmu:hmu:hmu:hmu:")
        self.payloadKey = try derive("hpi:hpi:hpi:hpi:")
        self.replayTag = try derive("htauhtauhtauhtau")
        self.blindingScalar = P224.Scalar(reducing: blindingDigest)
    }

    /// b as the exponent `exponentiate` takes: 28 big-endian bytes.
    public var blindingFactor: Bytes { blindingScalar.bytes }

    /// The trace keeps aes_s, h_π and the raw h_b, under sphinxmix's names.
    public var intermediates: [NamedBytes] {
        [NamedBytes("aes_s", aesS), NamedBytes("h_pi", payloadKey), NamedBytes("h_b", blindingDigest)]
    }
}

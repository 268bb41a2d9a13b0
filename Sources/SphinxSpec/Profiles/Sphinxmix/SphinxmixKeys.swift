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
public struct SphinxmixHopKeys: Equatable, Sendable {
    /// The 16-byte master key of the hop, `aes_s`.
    public let aesS: Bytes
    /// h_ρ(s): the AES-128-CTR key of the PRG ρ.
    public let hRho: Bytes
    /// h_μ(s): the HMAC-SHA256 key of the header MAC μ.
    public let hMu: Bytes
    /// h_π(s): the LIONESS key of the payload PRP π (and of the forward body MAC).
    public let hPi: Bytes
    /// h_τ(s): the replay tag.
    public let hTau: Bytes
    /// h_b(s) as the raw 16 bytes before reduction.
    public let hB: Bytes
    /// The blinding factor b = h_b(s) mod n.
    public let b: P224.Scalar

    /// Derives every key of a hop from the shared-secret point s.
    public init(sharedSecret s: P224.Point) throws(SphinxError) {
        let aesS = Bytes(SHA256.hash(Bytes("aes_key:".utf8) + s.encoded).prefix(16))
        func derive(_ flavour: String) throws(SphinxError) -> Bytes {
            try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
                try AES128CTR.keystream(key: aesS, iv: Bytes(flavour.utf8), length: 16)
            }
        }
        self.aesS = aesS
        self.hB = try derive("hbhbhbhbhbhbhbhb")
        self.hRho = try derive("hrhohrhohrhohrho")
        self.hMu = try derive("hmu:hmu:hmu:hmu:")
        self.hPi = try derive("hpi:hpi:hpi:hpi:")
        self.hTau = try derive("htauhtauhtauhtau")
        self.b = P224.Scalar(reducing: hB)
    }

    /// The generic algorithm's view: h_ρ, h_μ, b (28-byte big-endian scalar), h_τ, with aes_s,
    /// h_π and the raw h_b as named details.
    var hopKeys: HopKeys {
        HopKeys(hRho: hRho, hMu: hMu, b: b.bytes, hTau: hTau,
                details: [NamedBytes("aes_s", aesS), NamedBytes("h_pi", hPi), NamedBytes("h_b", hB)])
    }
}

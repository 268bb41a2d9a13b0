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
    public init(sharedSecret s: P224.Point) throws(SphinxmixError) {
        let aesS = Bytes(SHA256.hash(Bytes("aes_key:".utf8) + s.encoded).prefix(16))
        func derive(_ flavour: String) throws(SphinxmixError) -> Bytes {
            do {
                return try AES128CTR.keystream(key: aesS, iv: Bytes(flavour.utf8), length: 16)
            } catch {
                throw .primitive(error)
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
}

/// The profile's keyed functions μ, ρ, π, each a thin layer over a primitive.
enum SphinxmixCrypto {
    /// μ(key, data) = HMAC-SHA256(key, data)[0,16) (`SphinxParams.mu`). SPEC.md [SMX-MU].
    static func mu(key: Bytes, data: Bytes) -> Bytes {
        Bytes(HMACSHA256.mac(key: key, message: data).prefix(16))
    }

    /// ρ(key) ⊕ data: AES-128-CTR with a zero IV (`SphinxParams.xor_rho`). SPEC.md [SMX-RHO].
    static func rho(key: Bytes, data: Bytes) throws(SphinxmixError) -> Bytes {
        do {
            return try AES128CTR.apply(key: key, iv: Bytes.zeros(16), to: data)
        } catch {
            throw .primitive(error)
        }
    }

    /// π(key, data): LIONESS encryption (`SphinxParams.pi`); see LionessAES128SHA256.
    static func pi(key: Bytes, data: Bytes) throws(SphinxmixError) -> Bytes {
        do {
            return try LionessAES128SHA256.encrypt(key: key, block: data)
        } catch {
            throw .primitive(error)
        }
    }

    /// π⁻¹(key, data): LIONESS decryption (`SphinxParams.pii`).
    static func piInverse(key: Bytes, data: Bytes) throws(SphinxmixError) -> Bytes {
        do {
            return try LionessAES128SHA256.decrypt(key: key, block: data)
        } catch {
            throw .primitive(error)
        }
    }

    /// Point multiplication with the primitive's error mapped to the profile's.
    static func multiply(_ point: P224.Point, by scalar: P224.Scalar) throws(SphinxmixError) -> P224.Point {
        do {
            return try point.multiplied(by: scalar)
        } catch {
            throw .invalidPoint(error)
        }
    }
}

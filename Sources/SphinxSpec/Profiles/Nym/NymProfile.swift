/// The nym profile: sphinx-packet 0.6.0 (nymtech/sphinx, commit
/// 3baae8710e5fcaa76d39568d72cb961f4f7de7ee) as the generic algorithm's parameters.
/// SPEC.md §4.1.
///
/// | paper | nym                                                               |
/// |-------|-------------------------------------------------------------------|
/// | G     | X25519 (RFC 7748), each exponent clamped at use                   |
/// | h_*   | one HKDF-SHA256 expansion of s, cut into pieces (NymHopKeys)      |
/// | ρ     | AES-128-CTR, zero IV                                              |
/// | μ     | HMAC-SHA256 over β, first 16 bytes                                |
/// | π     | LIONESS with ChaCha20 and BLAKE2b                                 |
public struct NymProfile: SphinxProfile {
    public typealias ForwardCommand = NymForwardHop
    public typealias FinalCommand = NymFinalHop
    public typealias Keys = NymHopKeys

    /// How the sender computes α_i and s_i; both methods give the same bytes.
    public let keySchedule: NymKeySchedule

    public init(keySchedule: NymKeySchedule = .blindedScalarsFirst) {
        self.keySchedule = keySchedule
    }

    public var macLength: Int { NymConstants.headerMACLength }
    public var routingInfoLength: Int { NymConstants.routingInfoLength }
    /// One 60-byte block: β ‖ 0^60 gives the 360 bytes the crate decrypts.
    public var processingPadLength: Int { NymConstants.routingBlockLength }
    public var maxHops: Int { NymConstants.maxPathLength }

    // MARK: Group

    public var generator: Bytes { X25519.basePoint }

    /// Repeated X25519: `X25519(e_{n−1}, … X25519(e_1, X25519(e_0, base)))`. SPEC.md [NYM-GROUP-1].
    ///
    /// This is the crate's KeyMaterial::derive for the sender (a fold of `diffie_hellman` over
    /// [x, b_0, …]) and its blinding `α' = X25519(b, α)` at a hop. Clamping each factor makes
    /// this differ from one multiplication by the product, so the order of exponents matters
    /// and is always x first.
    ///
    /// Deviation [NYM-DEV-1]: an all-zero result (a small-order point) throws
    /// `smallOrderGroupElement`; the crate does not check it.
    public func exponentiate(_ base: Bytes, by exponents: [Bytes]) throws(SphinxError) -> Bytes {
        guard base.count == X25519.pointLength else { throw .invalidGroupElement }
        var acc = base
        var rest = exponents[...]
        // From the base point the first factor is a public key: the faster fixed-base route,
        // same bytes (PRIM-X25519-BASE).
        if base == X25519.basePoint, let first = rest.first, first.count == X25519.scalarLength {
            acc = try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in try X25519.publicKey(secret: first) }
            rest = rest.dropFirst()
        }
        for e in rest {
            guard e.count == X25519.scalarLength else {
                throw .invalidInputLength(what: "X25519 scalar", expected: X25519.scalarLength, actual: e.count)
            }
            acc = try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
                try X25519.scalarMult(scalar: e, point: acc)
            }
        }
        return acc
    }

    /// The sender's α_i, s_i and keys by the chosen `keySchedule` (SPHINX-CREATE-2 or NYM-FAST-1).
    public func senderHopMaterial(
        initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [Sphinx.HopMaterial<NymProfile>] {
        switch keySchedule {
        case .readable: return try Sphinx.hopKeyMaterial(profile: self, initialSecret: x, publicKeys: publicKeys)
        case .blindedScalarsFirst:
            return try NymBlindedScalars.hopMaterial(profile: self, initialSecret: x, publicKeys: publicKeys)
        }
    }

    /// x: 32 random bytes (x25519-dalek StaticSecret::random; clamped at use).
    public func randomExponent<R: RandomSource>(using random: inout R) throws(SphinxError) -> Bytes {
        random.bytes(X25519.scalarLength)
    }

    // MARK: Keys

    /// NYM-KEYS-1; α is not used.
    public func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> NymHopKeys {
        try NymHopKeys(sharedSecret: s)
    }

    /// NYM-KEYS-3: the version in the command chooses.
    public func payloadKey(_ keys: NymHopKeys, for command: NymRoutingCommand) throws(SphinxError) -> Bytes {
        try keys.payloadKey(version: command.version)
    }

    // MARK: Primitives

    /// ρ: AES-128-CTR keystream, zero IV. SPEC.md [NYM-RHO-1].
    public func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes {
        try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try AES128CTR.keystream(key: key, iv: NymConstants.streamCipherIV, length: length)
        }
    }

    /// μ: HMAC-SHA256(h_μ, data) truncated to 16 bytes. SPEC.md [NYM-MU-1].
    public func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes {
        guard key.count == NymConstants.macKeyLength else {
            throw .invalidInputLength(what: "header MAC key", expected: NymConstants.macKeyLength, actual: key.count)
        }
        return Array(HMACSHA256.mac(key: key, message: data).prefix(NymConstants.headerMACLength))
    }

    /// π: LIONESS encryption with the 192-byte payload key. SPEC.md see PRIM-LIONESS-CB-ENC.
    public func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        guard block.count >= NymConstants.minimumPayloadLength else { throw .invalidPayloadLength(actual: block.count) }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try LionessChaCha20BLAKE2b.encrypt(key: key, block: block)
        }
    }

    public func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        guard block.count >= NymConstants.minimumPayloadLength else { throw .invalidPayloadLength(actual: block.count) }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try LionessChaCha20BLAKE2b.decrypt(key: key, block: block)
        }
    }
}

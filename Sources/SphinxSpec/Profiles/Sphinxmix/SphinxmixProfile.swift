/// The sphinxmix profile: the PyPI package sphinxmix 0.0.7 (UCL-InfoSec/sphinx; sources
/// SphinxParams.py, SphinxClient.py, SphinxNode.py) as the generic algorithm's parameters.
/// SPEC.md §4.2 (chapter sphinxmix).
///
/// | paper | sphinxmix                                                              |
/// |-------|------------------------------------------------------------------------|
/// | G     | NIST P-224, exponents multiplied mod n, then one point multiplication  |
/// | h_*   | AES-128-CTR(aes_s, flavour IV)(0^16), aes_s = SHA-256("aes_key:"‖s)    |
/// | h_b   | from s alone (the paper: from α and s)                                  |
/// | ρ     | AES-128-CTR, zero IV                                                   |
/// | μ     | HMAC-SHA256 over associated data ‖ β, first 16 bytes                   |
/// | π     | LIONESS with AES-128-CTR and SHA-256                                    |
/// | entry | one length byte ‖ msgpack routing command                              |
public struct SphinxmixProfile: SphinxProfile {
    public typealias ForwardCommand = SphinxmixRelay
    public typealias FinalCommand = SphinxmixFinal
    public typealias Keys = SphinxmixHopKeys

    public let parameters: SphinxmixParameters

    public init(parameters: SphinxmixParameters = .defaults) {
        self.parameters = parameters
    }

    // MARK: Sizes

    /// κ = k = 16.
    public var macLength: Int { parameters.k }
    /// |β| = header_len − 32.
    public var routingInfoLength: Int { parameters.betaLength }
    /// sphinxmix appends `2 · max_len` zero bytes to β before decrypting (`sphinx_process`).
    public var processingPadLength: Int { 2 * parameters.headerLength }
    /// sphinxmix has no fixed maximum: the routing entries must fit in β, which
    /// `createHeader` checks. Every hop takes at least κ bytes of β, which bounds ν.
    public var maxHops: Int { parameters.betaLength / parameters.k + 1 }

    // MARK: Group

    /// G, the P-224 base point, uncompressed.
    public var generator: Bytes { P224.generator.encoded }

    /// `base^(e_0 · e_1 ⋯)`: the exponents are multiplied modulo the group order n first, then
    /// the base is multiplied once (`Group_ECC.expon`). SPEC.md [SMX-GROUP].
    /// ```text
    /// require base decodes to a P-224 point (PRIM-P224-DECODE)
    /// e = e_0 · e_1 ⋯ mod n   (each e_j a big-endian integer, reduced mod n)
    /// return enc(e · base)
    /// ```
    /// - Throws: `invalidGroupElement` for a base that is not a valid point;
    ///   `smallOrderGroupElement` if the product is 0 mod n (the result would be the identity).
    public func exponentiate(_ base: Bytes, by exponents: [Bytes]) throws(SphinxError) -> Bytes {
        let point: P224.Point
        do {
            point = try P224.Point(encoded: base)
        } catch {
            throw .invalidGroupElement
        }
        var e = P224.Scalar(reducing: [1])
        for exponent in exponents { e = e.times(P224.Scalar(reducing: exponent)) }
        guard !e.isZero else { throw .smallOrderGroupElement }
        do {
            return try point.multiplied(by: e).encoded
        } catch {
            throw .smallOrderGroupElement
        }
    }

    /// x: a uniform scalar in [1, n) drawn by PRIM-P224-RANDOM, as 28 big-endian bytes.
    /// sphinxmix draws it with `G.order().random()` (OpenSSL `BN_rand_range`).
    public func randomExponent<R: RandomSource>(using random: inout R) throws(SphinxError) -> Bytes {
        try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in try P224.Scalar.random(using: &random).bytes }
    }

    // MARK: Keys

    /// SMX-KEYS; α is not used (b comes from s alone in sphinxmix).
    public func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> SphinxmixHopKeys {
        let point: P224.Point
        do {
            point = try P224.Point(encoded: s)
        } catch {
            throw .invalidGroupElement
        }
        return try SphinxmixHopKeys(sharedSecret: point)
    }

    /// h_π; it does not depend on the routing command.
    public func payloadKey(_ keys: SphinxmixHopKeys, for command: SphinxmixRouting) throws(SphinxError) -> Bytes {
        keys.payloadKey
    }

    // MARK: Primitives

    /// ρ: AES-128-CTR keystream with a zero IV (`SphinxParams.xor_rho`). SPEC.md [SMX-RHO].
    public func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes {
        try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try AES128CTR.keystream(key: key, iv: Bytes.zeros(16), length: length)
        }
    }

    /// μ: HMAC-SHA256(key, data)[0,16) (`SphinxParams.mu`). The generic algorithm passes
    /// associated data ‖ β as `data`, as `sphinx_process` does. SPEC.md [SMX-MU].
    public func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes {
        Bytes(HMACSHA256.mac(key: key, message: data).prefix(parameters.k))
    }

    /// π: LIONESS encryption (`SphinxParams.pi`, see PRIM-LIONESS-AES-ENC). sphinxmix asserts
    /// the block is exactly `body_len` bytes.
    public func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        guard block.count == parameters.bodyLength else { throw .invalidPayloadLength(actual: block.count) }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try LionessAES128SHA256.encrypt(key: key, block: block)
        }
    }

    /// π⁻¹: LIONESS decryption (`SphinxParams.pii`).
    public func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        guard block.count == parameters.bodyLength else { throw .invalidPayloadLength(actual: block.count) }
        return try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try LionessAES128SHA256.decrypt(key: key, block: block)
        }
    }

    // MARK: Encodings

    /// One length byte ‖ msgpack command (SMX-ROUTING-ENTRY).
    public func encodeRoutingEntry(_ command: SphinxmixRouting) throws(SphinxError) -> Bytes {
        try command.entry()
    }

    /// Reads the entry at the start of B: ℓ = B[0], command = msgpack-decode(B[1, 1+ℓ)); γ'
    /// follows at 1 + ℓ. Relay commands are forward hops; destination and SURB commands are
    /// final. SPEC.md [SMX-ROUTING-PARSE].
    /// - Throws: `malformedRoutingEntry` for an empty block, a length past its end, or a
    ///   command SMX-ROUTING-DECODE refuses.
    public func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<SphinxmixProfile> {
        guard let first = block.first else { throw .malformedRoutingEntry }
        let length = Int(first)
        guard 1 + length <= block.count else { throw .malformedRoutingEntry }
        let command = try SphinxmixRouting(decoding: Bytes(block[1..<(1 + length)]))
        return DecodedRoutingEntry(command: command, length: 1 + length)
    }

    /// The body the last layer protects: μ(key, payload) ‖ payload with
    /// payload = pad(message, m − k). `key` is the last hop's h_π for a forward message
    /// (`create_forward_message`), k̃ for a SURB reply (`package_surb`). SPEC.md [SMX-BODY].
    /// - Throws: `messageTooLong` when message ‖ 0x7f exceeds m − k.
    public func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes {
        let k = parameters.k
        let padded = try SphinxmixPadding.pad(message, to: payloadLength - k)
        return try mu(key: key, data: padded) + padded
    }

    /// Checks the body MAC in constant time and removes the padding (`receive_forward`,
    /// `receive_surb`). SPEC.md [SMX-BODY-OPEN].
    /// - Throws: `invalidPayloadLength`, `payloadMACMismatch`, `payloadMarkerMissing`.
    public func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes {
        let k = parameters.k
        guard plaintext.count == parameters.bodyLength else { throw .invalidPayloadLength(actual: plaintext.count) }
        let padded = Bytes(plaintext.dropFirst(k))
        guard ByteOps.constantTimeEqual(Bytes(plaintext.prefix(k)), try mu(key: key, data: padded)) else {
            throw .payloadMACMismatch
        }
        return try SphinxmixPadding.unpad(padded)
    }
}

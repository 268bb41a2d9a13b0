/// A hop payload of the bolt4 profile: the opaque TLV bytes BOLT #4 calls `payload`, without
/// their BigSize length prefix. The legacy fixed 65-byte format is out of scope.
public struct BOLT4HopPayload: Sendable, Equatable {
    public let bytes: Bytes
    public init(_ bytes: Bytes) { self.bytes = bytes }
}

/// The bolt4 profile: Lightning's onion (lightning/bolts 04-onion-routing.md, "BOLT #4") as
/// the generic algorithm's parameters. SPEC.md §4.3.
///
/// | paper | bolt4                                                                 |
/// |-------|-----------------------------------------------------------------------|
/// | G     | secp256k1, exponents multiplied mod n, then one point multiplication  |
/// | s     | the ECDH point (compressed); the BOLT's ss = SHA-256(s)               |
/// | h_*   | HMAC-SHA256 keyed with "rho", "mu" over ss (BOLT4-KEYS)               |
/// | h_b   | SHA-256(α ‖ ss)                                                       |
/// | ρ     | ChaCha20 (RFC 8439), 96-bit zero nonce                                 |
/// | μ     | HMAC-SHA256, 32 bytes, over β ‖ associated data (not ad ‖ β)          |
/// | π     | none: the onion has no payload δ                                      |
/// | entry | BigSize(length) ‖ payload; the final entry is followed by 32 zero bytes |
public struct BOLT4Profile: SphinxProfile {
    public typealias ForwardCommand = BOLT4HopPayload
    public typealias FinalCommand = BOLT4HopPayload
    public typealias Keys = BOLT4HopKeys

    public init() {}

    // MARK: Sizes

    public var macLength: Int { BOLT4Constants.hmacLength }
    public var routingInfoLength: Int { BOLT4Constants.hopPayloadsLength }
    /// BOLT #4 "Filler Generation": the hop pads `hop_payloads` with 1300 zero bytes.
    public var processingPadLength: Int { BOLT4Constants.hopPayloadsLength }
    public var maxHops: Int { BOLT4Constants.maxHops }

    // MARK: Group

    public var generator: Bytes { Secp256k1.generator.compressed }

    /// `base^(e_0 · e_1 ⋯)` on secp256k1: the exponents (32-byte big-endian, each reduced
    /// mod n) are multiplied mod n, then the base is multiplied once. SPEC.md [BOLT4-GROUP].
    /// BOLT #4 blinds step by step (ek_{k+1} = ek_k · b_k mod n); the product is the same.
    /// - Throws: `invalidGroupElement` for a base that PRIM-SECP256K1-DECODE refuses;
    ///   `smallOrderGroupElement` when the product is 0 mod n (the result would be 𝒪).
    public func exponentiate(_ base: Bytes, by exponents: [Bytes]) throws(SphinxError) -> Bytes {
        let point: Secp256k1.Point
        do {
            point = try Secp256k1.Point(compressed: base)
        } catch {
            throw .invalidGroupElement
        }
        var e = Secp256k1.Scalar(reducing: [1])
        for exponent in exponents { e = e.times(Secp256k1.Scalar(reducing: exponent)) }
        guard !e.isZero else { throw .smallOrderGroupElement }
        do {
            return try point.multiplied(by: e).compressed
        } catch {
            throw .smallOrderGroupElement
        }
    }

    /// A session key: 32 bytes drawn until the value is in [1, n) (what libsecp256k1 accepts
    /// as a secret key).
    public func randomExponent<R: RandomSource>(using random: inout R) throws(SphinxError) -> Bytes {
        for _ in 0..<64 {
            let candidate = random.bytes(Secp256k1.scalarLength)
            if (try? Secp256k1.Scalar(canonical: candidate)) != nil { return candidate }
        }
        throw .primitive(.invalidScalar)
    }

    // MARK: Keys

    /// BOLT4-KEYS from α and the ECDH point s.
    public func deriveHopKeys(alpha: Bytes, sharedSecret s: Bytes) throws(SphinxError) -> BOLT4HopKeys {
        BOLT4HopKeys(alpha: alpha, ecdhPoint: s)
    }

    /// The onion has no payload layer: the key is empty.
    public func payloadKey(_ keys: BOLT4HopKeys, for command: RoutingCommand<BOLT4Profile>) throws(SphinxError)
        -> Bytes
    { [] }

    // MARK: Primitives

    /// ρ: the ChaCha20 (RFC 8439) keystream with a 96-bit zero nonce. SPEC.md [BOLT4-RHO].
    /// With the nonce and counter zero, Bernstein's original variant gives the same bytes for
    /// streams below 2^32 blocks; the IETF one is what BOLT #4 names.
    public func rho(key: Bytes, length: Int) throws(SphinxError) -> Bytes {
        try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in
            try ChaCha20.keystreamIETF(key: key, nonce: BOLT4Constants.zeroNonce, length: length)
        }
    }

    /// μ: HMAC-SHA256(key, data), all 32 bytes. SPEC.md [BOLT4-MU].
    public func mu(key: Bytes, data: Bytes) throws(SphinxError) -> Bytes {
        HMACSHA256.mac(key: key, message: data)
    }

    /// γ = HMAC-SHA256(mu, hop_payloads ‖ associated_data): BOLT #4 puts the associated data
    /// after β, where the paper's order (and nym's, sphinxmix's) puts it first.
    /// SPEC.md see BOLT4-MU.
    public func headerMAC(key: Bytes, beta: Bytes, associatedData: Bytes) throws(SphinxError) -> Bytes {
        try mu(key: key, data: beta + associatedData)
    }

    /// π on the only payload the onion has, the empty one.
    public func pi(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        guard block.isEmpty else { throw .invalidPayloadLength(actual: block.count) }
        return block
    }

    public func piInverse(key: Bytes, block: Bytes) throws(SphinxError) -> Bytes {
        try pi(key: key, block: block)
    }

    // MARK: Encodings

    /// BigSize(|payload|) ‖ payload, and for the final hop 32 zero bytes after it (the
    /// "next HMAC" of zeros that tells the last hop it is last). SPEC.md [BOLT4-ENTRY].
    /// - Throws: `invalidInputLength` for a payload shorter than 2 bytes (lengths 0 and 1
    ///   are reserved).
    public func encodeRoutingEntry(_ command: RoutingCommand<BOLT4Profile>) throws(SphinxError) -> Bytes {
        switch command {
        case .forward(let payload):
            return try Self.prefixed(payload)
        case .final(let payload):
            return try Self.prefixed(payload) + Bytes.zeros(BOLT4Constants.hmacLength)
        }
    }

    static func prefixed(_ payload: BOLT4HopPayload) throws(SphinxError) -> Bytes {
        guard payload.bytes.count >= BOLT4Constants.minimumPayloadLength else {
            throw .invalidInputLength(
                what: "hop payload", expected: BOLT4Constants.minimumPayloadLength, actual: payload.bytes.count)
        }
        return BigSize.encode(UInt64(payload.bytes.count)) + payload.bytes
    }

    /// Reads BOLT #4 "Onion Decryption": the BigSize length, the payload, the next HMAC; an
    /// all-zero next HMAC makes this hop the last. γ' of a forward hop follows at
    /// |prefix| + length. SPEC.md [BOLT4-PARSE].
    /// ```text
    /// (ℓ, w) = BigSize(B) ; require ℓ ≥ 2 and w + ℓ + 32 ≤ 1300
    /// payload = B[w, w+ℓ) ; next_hmac = B[w+ℓ, w+ℓ+32)
    /// next_hmac = 0^32 → final(payload) ; else forward(payload), entry length w + ℓ
    /// ```
    /// - Throws: `malformedRoutingEntry` for a malformed or non-minimal BigSize, a length
    ///   below 2, or a payload and HMAC that run past `hop_payloads` or past the end of `block`.
    public func decodeRoutingEntry(_ block: Bytes) throws(SphinxError) -> DecodedRoutingEntry<BOLT4Profile> {
        guard let (value, width) = BigSize.decode(block) else { throw .malformedRoutingEntry }
        let limit = UInt64(BOLT4Constants.hopPayloadsLength - width - BOLT4Constants.hmacLength)
        guard value >= UInt64(BOLT4Constants.minimumPayloadLength), value <= limit else {
            throw .malformedRoutingEntry
        }
        let end = width + Int(value)
        // Processing always passes |β| + 1300 bytes; a caller's shorter block ends here too.
        guard end + BOLT4Constants.hmacLength <= block.count else { throw .malformedRoutingEntry }
        let payload = BOLT4HopPayload(Bytes(block[width..<end]))
        let nextHMAC = block[end..<(end + BOLT4Constants.hmacLength)]
        if nextHMAC.allSatisfy({ $0 == 0 }) {
            return DecodedRoutingEntry(command: .final(payload), length: end + BOLT4Constants.hmacLength)
        }
        return DecodedRoutingEntry(command: .forward(payload), length: end)
    }

    /// The onion carries no end-to-end payload: only the empty message is accepted.
    public func encodePayload(message: Bytes, payloadLength: Int, key: Bytes) throws(SphinxError) -> Bytes {
        guard message.isEmpty, payloadLength == 0 else { throw .messageTooLong(maximum: 0, actual: message.count) }
        return []
    }

    public func decodePayload(_ plaintext: Bytes, key: Bytes) throws(SphinxError) -> Bytes {
        guard plaintext.isEmpty else { throw .invalidPayloadLength(actual: plaintext.count) }
        return []
    }
}

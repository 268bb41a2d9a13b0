/// The payload key material a 0.6.0 SURB carries: one entry per hop, first hop first.
public enum NymSURBKeyMaterial: Sendable, Equatable {
    /// Version 258: the 192-byte LIONESS keys.
    case payloadKeys([Bytes])
    /// Version 259: the 16-byte seeds.
    case payloadKeySeeds([Bytes])

    public var count: Int {
        switch self {
        case .payloadKeys(let k): return k.count
        case .payloadKeySeeds(let s): return s.count
        }
    }

    /// The serialised form: the keys or seeds concatenated.
    public var bytes: Bytes {
        switch self {
        case .payloadKeys(let k): return k.flatMap { $0 }
        case .payloadKeySeeds(let s): return s.flatMap { $0 }
        }
    }

    /// The LIONESS keys (seeds expanded with NYM-KEYS-2).
    public func payloadKeys() throws(SphinxError) -> [Bytes] {
        switch self {
        case .payloadKeys(let k): return k
        case .payloadKeySeeds(let seeds):
            var out: [Bytes] = []
            for seed in seeds { out.append(try NymHopKeys.payloadKey(fromSeed: seed)) }
            return out
        }
    }
}

/// A single-use reply block as sphinx-packet 0.6.0 has it (src/surb/mod.rs). SPEC.md §5 and
/// [NYM-SURB-1].
/// ```text
/// SURB = header (348) ‖ first hop address (32) ‖ K_0 ‖ … ‖ K_{ν−1}
///        K_i = 192-byte payload key (version 258) or 16-byte seed (version 259)
/// ```
/// Known issue (SPEC.md security-sphinx): every hop's key is in the SURB, so whoever holds it
/// can, with the last mix, link the reply; later crate versions hand out only the innermost key.
public struct NymSURB: Sendable, Equatable {
    public let header: SphinxHeader
    public let firstHopAddress: NymNodeAddress
    public let keyMaterial: NymSURBKeyMaterial

    public init(header: SphinxHeader, firstHopAddress: NymNodeAddress, keyMaterial: NymSURBKeyMaterial) {
        self.header = header
        self.firstHopAddress = firstHopAddress
        self.keyMaterial = keyMaterial
    }

    /// The crate's serialisation (SURB::to_bytes).
    public var bytes: Bytes {
        NymSphinx.encodeHeader(header) + firstHopAddress.bytes + keyMaterial.bytes
    }

    /// Parses SURB bytes (SURB::from_bytes). SPEC.md [NYM-SURB-2].
    /// ```text
    /// require |bytes| ≥ 348 + 32 + 16
    /// K = bytes[380, n) ; |K| < 192: seeds, |K| multiple of 16 ; else keys, |K| multiple of 192
    /// ```
    /// Deviation [NYM-DEV-4]: the crate accepts any number of keys; we also require 1 to 5 (the
    /// route length bound), since a SURB with more keys cannot come from a valid route.
    public init(bytes: Bytes) throws(SphinxError) {
        let headerLength = NymConstants.headerLength
        let addressEnd = headerLength + NymConstants.nodeAddressLength
        guard bytes.count >= addressEnd + NymConstants.payloadKeySeedLength else { throw .malformedSURB }
        let header = try NymSphinx.decodeHeader(Array(bytes[0..<headerLength]))
        let address = try NymNodeAddress(Array(bytes[headerLength..<addressEnd]))
        let material = Array(bytes[addressEnd...])
        let unit =
            material.count < NymConstants.payloadKeyLength
            ? NymConstants.payloadKeySeedLength : NymConstants.payloadKeyLength
        guard material.count % unit == 0 else { throw .malformedSURB }
        let count = material.count / unit
        guard count >= 1, count <= NymConstants.maxPathLength else { throw .malformedSURB }
        let pieces = (0..<count).map { Array(material[($0 * unit)..<(($0 + 1) * unit)]) }
        self.header = header
        self.firstHopAddress = address
        self.keyMaterial = unit == NymConstants.payloadKeyLength ? .payloadKeys(pieces) : .payloadKeySeeds(pieces)
    }
}

/// A created SURB with its trace and random inputs.
public struct NymSURBCreation: Sendable, Equatable {
    public let surb: NymSURB
    public let randomness: NymPacketRandomness
    public let creation: HeaderCreation
}

/// A reply packet made from a SURB.
public struct NymSURBReply: Sendable, Equatable {
    /// header ‖ payload, to send to `firstHopAddress`.
    public let bytes: Bytes
    public let firstHopAddress: NymNodeAddress
    /// δ_0 … δ_ν of the reply payload.
    public let deltas: [Bytes]
}

extension NymSphinx {
    /// Creates a SURB for a route back to `destination`. SPEC.md [NYM-SURB-3].
    /// ```text
    /// header = createHeader(route, delays, destination, version)   (as for a forward packet)
    /// version 258: K_i = h_π of hop i (192 B) ; version 259: K_i = seed of hop i (16 B)
    /// ```
    public static func createSURB(
        route: [NymRouteNode],
        delays: [NymDelay],
        destination: NymDestination,
        version: NymVersion = .current,
        randomness: NymPacketRandomness
    ) throws(SphinxError) -> NymSURBCreation {
        let commands = try commands(route: route, delays: delays, destination: destination, version: version)
        try checkRandomness(randomness, hops: route.count)
        var padding = FixedRandom(randomness.finalPadding)
        let creation = try Sphinx.createSURB(
            profile: profile, initialSecret: randomness.initialSecretStorage, publicKeys: route.map(\.publicKey),
            forwardCommands: commands.forward, finalCommand: commands.final, random: &padding)
        // Exposed on purpose: a 0.6.0 SURB carries every hop's key to the replier (§10.2).
        let material: NymSURBKeyMaterial
        switch version {
        case .explicitPayloadKeys:
            material = .payloadKeys(creation.payloadKeys)
        case .payloadKeySeeds:
            // The seeds are not in the trace's typed form; derive them again from s_i.
            var seeds: [Bytes] = []
            for hop in creation.hops {
                var s = hop.sharedSecret
                defer { ByteOps.wipe(&s) }
                seeds.append(try NymHopKeys(sharedSecret: s).payloadKeySeed)
            }
            material = .payloadKeySeeds(seeds)
        }
        let surb = NymSURB(header: creation.header, firstHopAddress: route[0].address, keyMaterial: material)
        return NymSURBCreation(surb: surb, randomness: randomness, creation: creation)
    }

    /// Creates a SURB drawing x and then the final padding from `random`.
    public static func createSURB<R: RandomSource>(
        route: [NymRouteNode],
        delays: [NymDelay],
        destination: NymDestination,
        version: NymVersion = .current,
        random: inout R
    ) throws(SphinxError) -> NymSURBCreation {
        try Sphinx.checkRouteLength(route.count, maxHops: NymConstants.maxPathLength)
        let randomness = NymPacketRandomness.draw(hops: route.count, from: &random)
        return try createSURB(
            route: route, delays: delays, destination: destination, version: version, randomness: randomness)
    }

    /// The replier's side (SURB::use_surb). SPEC.md [NYM-SURB-4].
    /// ```text
    /// δ_ν = 0^16 ‖ m ‖ 0x01 ‖ 0… ; δ_i = LIONESS(K_i, δ_{i+1}) ; packet = header ‖ δ_0
    /// ```
    /// The SURB's final hop (its creator) then recovers the reply by ordinary processing.
    public static func useSURB(
        _ surb: NymSURB, message: Bytes, payloadLength: Int = NymConstants.defaultPayloadLength
    ) throws(SphinxError) -> NymSURBReply {
        let keys = try surb.keyMaterial.payloadKeys()
        let deltas = try Sphinx.useSURB(profile: profile, keys: keys, message: message, payloadLength: payloadLength)
        return NymSURBReply(
            bytes: encodeHeader(surb.header) + deltas[0], firstHopAddress: surb.firstHopAddress, deltas: deltas)
    }
}

/// The random inputs of nym packet creation: exactly these two, nothing else is drawn.
/// x: 32 bytes, clamped at use; the final routing block's padding: 300 − 60·(ν−1) − 52 bytes
/// (NYM-CREATE-2 checks both).
public typealias NymPacketRandomness = PacketRandomness<NymProfile>

extension PacketRandomness where Profile == NymProfile {
    /// Draws x (32 bytes) then the padding for a route of `hops` hops, in that order.
    public static func draw<R: RandomSource>(hops: Int, from random: inout R) -> NymPacketRandomness {
        let x = SecretBytes(taking: random.bytes(X25519.scalarLength))
        let padding = random.bytes(Swift.max(0, NymProfile.finalPaddingLength(hops: hops)))
        return NymPacketRandomness(initialSecret: x, finalPadding: padding)
    }
}

/// A created forward packet and everything that went into it.
public struct NymForwardPacket: Sendable, Equatable {
    /// header (348) ‖ payload: what is sent to `firstHopAddress`.
    public let bytes: Bytes
    public let firstHopAddress: NymNodeAddress
    public let randomness: NymPacketRandomness
    /// Every intermediate value: α_i, s_i, keys, h_π, β_i, γ_i, φ, δ_i.
    public let creation: PacketCreation

    /// The packet as hop i receives it, i = 0 … ν−1: α_i ‖ γ_i ‖ β_i ‖ δ_i (hop 0's is `bytes`).
    public var packetsAtEachHop: [Bytes] {
        creation.headerCreation.hops.map { hop in
            hop.alpha + hop.gamma + hop.beta + creation.deltas[hop.index]
        }
    }
}

/// What a hop does with a nym packet.
public enum NymHopResult: Sendable, Equatable {
    /// Wait `delay`, then send `nextPacket` to `nextAddress`.
    case forward(nextPacket: Bytes, nextAddress: NymNodeAddress, delay: NymDelay)
    /// The packet ends here. `message` is the recovered message when the payload is intact
    /// (zero prefix and 0x01 marker present), nil otherwise; `payload` is always given.
    case final(destination: NymDestinationAddress, identifier: NymIdentifier, payload: Bytes, message: Bytes?)
}

/// The result of processing a nym packet.
public struct NymProcessedPacket: Sendable, Equatable, ReplayTagged {
    public let result: NymHopResult
    /// h_τ: what a replay cache must remember.
    public let replayTag: Bytes
    public let version: NymVersion
    public let trace: ProcessingTrace
    /// δ as received and δ' = π⁻¹(h_π, δ).
    public let payloadIn: Bytes
    public let payloadOut: Bytes

    /// Why the final payload has no message (`payloadZeroPrefixMissing` or
    /// `payloadMarkerMissing`), nil for an intact payload or a forward hop.
    public let payloadError: SphinxError?
}

/// The nym profile's packet API: bytes in, bytes out. SPEC.md §4.1.
public enum NymSphinx {
    public static let profile = NymProfile()

    // MARK: Wire format

    /// header = α (32) ‖ γ (16) ‖ β (300). SPEC.md [NYM-HEADER-1].
    public static func encodeHeader(_ header: SphinxHeader) -> Bytes {
        header.alpha + header.gamma + header.beta
    }

    /// Parses the 348 header bytes.
    public static func decodeHeader(_ bytes: Bytes) throws(SphinxError) -> SphinxHeader {
        guard bytes.count == NymConstants.headerLength else {
            throw .invalidHeaderLength(expected: NymConstants.headerLength, actual: bytes.count)
        }
        return SphinxHeader(
            alpha: Array(bytes[0..<32]), beta: Array(bytes[48..<348]), gamma: Array(bytes[32..<48]))
    }

    /// Splits packet bytes into header and payload. SPEC.md [NYM-PACKET-1].
    /// ```text
    /// packet = header (348) ‖ payload (≥ 33; LIONESS needs more than 32 bytes; ≤ 1 MiB)
    /// ```
    /// - Throws: `invalidPacketLength` below the minimum, `sizeAboveMaximum` above SPHINX-LIMITS.
    public static func decodePacket(_ bytes: Bytes) throws(SphinxError) -> (header: SphinxHeader, payload: Bytes) {
        guard bytes.count >= NymConstants.headerLength + NymConstants.minimumPayloadLength else {
            throw .invalidPacketLength(actual: bytes.count)
        }
        try SphinxLimits.check(
            bytes.count - NymConstants.headerLength, maximum: SphinxLimits.maximumPayloadLength, "payload length")
        let header = try decodeHeader(Array(bytes[0..<NymConstants.headerLength]))
        return (header, Array(bytes[NymConstants.headerLength...]))
    }

    // MARK: Creation

    /// The routing commands for a route. SPEC.md [NYM-CREATE-1].
    /// ```text
    /// hop i < ν−1: forward(address of hop i+1, delay_i, version)
    /// hop ν−1:     final(destination, identifier, version)      (delay_{ν−1} is not written)
    /// ```
    /// - Throws: `routeEmpty`, `routeTooLong` (SPHINX-CREATE-1), `mismatchedRouteInputs` unless
    ///   there is one delay per hop.
    public static func commands(
        route: [NymRouteNode], delays: [NymDelay], destination: NymDestination, version: NymVersion
    ) throws(SphinxError) -> (forward: [NymForwardHop], final: NymFinalHop) {
        try Sphinx.checkRouteLength(route.count, maxHops: NymConstants.maxPathLength)
        guard delays.count == route.count else {
            throw .mismatchedRouteInputs(expected: route.count, actual: delays.count)
        }
        let forward = (0..<(route.count - 1)).map { i in
            NymForwardHop(nextAddress: route[i + 1].address, delay: delays[i], version: version)
        }
        let final = NymFinalHop(destination: destination.address, identifier: destination.identifier, version: version)
        return (forward, final)
    }

    /// Builds a forward packet from explicit randomness. SPEC.md [NYM-CREATE].
    ///
    /// - Parameters:
    ///   - route: the mixes, first hop first (1 to 5).
    ///   - delays: one per hop; the last is not written (the crate's convention).
    ///   - destination: the final destination's address and identifier (the last hop's command).
    ///   - message: m, the plaintext the destination receives.
    ///   - payloadLength: the payload's size in bytes (1024 default; Nym's packets use
    ///     `NymConstants.knownPayloadLengths`).
    ///   - version: the packet version written into every routing command (258 or 259).
    ///   - randomness: x and the final padding, the only random inputs (NYM-CREATE-2 checks them).
    public static func createForwardPacket(
        route: [NymRouteNode],
        delays: [NymDelay],
        destination: NymDestination,
        message: Bytes,
        payloadLength: Int = NymConstants.defaultPayloadLength,
        version: NymVersion = .current,
        randomness: NymPacketRandomness
    ) throws(SphinxError) -> NymForwardPacket {
        // Step 1: build the routing commands (see NYM-CREATE-1).
        let commands = try commands(route: route, delays: delays, destination: destination, version: version)
        // Step 2: check the random inputs (see NYM-CREATE-2).
        try checkRandomness(randomness, hops: route.count)
        // Step 3: run the generic creation (header, filler, payload layers). [NYM-CREATE-3]
        var padding = FixedRandom(randomness.finalPadding)
        let creation = try Sphinx.createPacket(
            profile: profile, initialSecret: randomness.initialSecretStorage,
            publicKeys: route.map(\.publicKey), forwardCommands: commands.forward,
            finalCommand: commands.final, message: message, payloadLength: payloadLength, random: &padding)
        // Step 4: serialise header ‖ payload. [NYM-CREATE-4]
        return NymForwardPacket(
            bytes: encodeHeader(creation.header) + creation.delta,
            firstHopAddress: route[0].address, randomness: randomness, creation: creation)
    }

    /// Builds a forward packet drawing x and then the final padding from `random`.
    public static func createForwardPacket<R: RandomSource>(
        route: [NymRouteNode],
        delays: [NymDelay],
        destination: NymDestination,
        message: Bytes,
        payloadLength: Int = NymConstants.defaultPayloadLength,
        version: NymVersion = .current,
        random: inout R
    ) throws(SphinxError) -> NymForwardPacket {
        try Sphinx.checkRouteLength(route.count, maxHops: NymConstants.maxPathLength)
        let randomness = NymPacketRandomness.draw(hops: route.count, from: &random)
        return try createForwardPacket(
            route: route, delays: delays, destination: destination, message: message,
            payloadLength: payloadLength, version: version, randomness: randomness)
    }

    /// Checks the two random inputs. SPEC.md [NYM-CREATE-2].
    /// ```text
    /// |x| = 32 ; |padding| = 300 − 60·(ν − 1) − 52
    /// ```
    static func checkRandomness(_ randomness: NymPacketRandomness, hops: Int) throws(SphinxError) {
        try SphinxError.requireLength(randomness.initialSecretStorage, X25519.scalarLength, "initial secret")
        try SphinxError.requireLength(
            randomness.finalPadding, NymProfile.finalPaddingLength(hops: hops), "final padding")
    }

    // MARK: Processing

    /// Processes packet bytes at a mix. SPEC.md [NYM-PROCESS].
    /// ```text
    /// (M, δ) = split(packet) ; generic processing (s, keys, γ check, B, entry, α')
    /// δ' = LIONESS⁻¹(h_π, δ)
    /// forward: next packet = α' ‖ γ' ‖ β' ‖ δ'
    /// final:   payload δ', message = decode(δ') when intact
    /// ```
    public static func processPacket(_ bytes: Bytes, nodeSecret: SecretBytes) throws(SphinxError) -> NymProcessedPacket
    {
        try process(bytes, nodeSecret: nodeSecret, isReplay: { _ in false })
    }

    /// Processes packet bytes with a replay cache: a seen tag fails with `replayedTag`; the tag
    /// of a packet that processed correctly is recorded (`ReplayCache.process`, REPLAY-CHECK-1).
    public static func processPacket(
        _ bytes: Bytes, nodeSecret: SecretBytes, replayCache: inout ReplayCache
    ) throws(SphinxError) -> NymProcessedPacket {
        try replayCache.process { isReplay throws(SphinxError) in
            try process(bytes, nodeSecret: nodeSecret, isReplay: isReplay)
        }
    }

    /// `processPacket` with the node secret in an ordinary array, which stays the caller's to
    /// wipe; the library's working copy is a `SecretBytes`.
    public static func processPacket(_ bytes: Bytes, nodeSecret: Bytes) throws(SphinxError) -> NymProcessedPacket {
        try processPacket(bytes, nodeSecret: SecretBytes(nodeSecret))
    }

    /// `processPacket(_:nodeSecret:replayCache:)` with the node secret in an ordinary array.
    public static func processPacket(
        _ bytes: Bytes, nodeSecret: Bytes, replayCache: inout ReplayCache
    ) throws(SphinxError) -> NymProcessedPacket {
        try processPacket(bytes, nodeSecret: SecretBytes(nodeSecret), replayCache: &replayCache)
    }

    static func process(
        _ bytes: Bytes, nodeSecret: SecretBytes, isReplay: (Bytes) -> Bool
    ) throws(SphinxError) -> NymProcessedPacket {
        try SphinxError.requireLength(nodeSecret, X25519.scalarLength, "node secret")
        // Step 1: split the packet. [NYM-PROCESS-1]
        let (header, payload) = try decodePacket(bytes)
        // Step 2: run the generic header processing and remove one payload layer. [NYM-PROCESS-2]
        let processed = try Sphinx.processPacket(
            profile: profile, nodeSecret: nodeSecret, header: header, delta: payload, isReplay: isReplay)
        let version: NymVersion
        let result: NymHopResult
        var payloadError: SphinxError? = nil
        // Step 3: assemble the next packet, or read the message at the final hop. [NYM-PROCESS-3]
        switch processed.header.outcome {
        case let .forward(hop, nextHeader):
            version = hop.version
            result = .forward(
                nextPacket: encodeHeader(nextHeader) + processed.delta, nextAddress: hop.nextAddress, delay: hop.delay)
        case let .final(hop):
            version = hop.version
            var message: Bytes? = nil
            do {
                // nym's payload check reads no key (NYM-PAYLOAD-2).
                message = try profile.decodePayload(processed.delta, key: [])
            } catch {
                payloadError = error
            }
            result = .final(
                destination: hop.destination, identifier: hop.identifier, payload: processed.delta, message: message)
        }
        return NymProcessedPacket(
            result: result, replayTag: processed.header.replayTag, version: version,
            trace: processed.header.trace, payloadIn: payload, payloadOut: processed.delta,
            payloadError: payloadError)
    }

    /// The message of a final hop's payload, or the reason there is none
    /// (`payloadZeroPrefixMissing`, `payloadMarkerMissing`). SPEC.md see NYM-PAYLOAD-2.
    public static func recoverMessage(finalPayload: Bytes) throws(SphinxError) -> Bytes {
        try profile.decodePayload(finalPayload, key: [])
    }
}

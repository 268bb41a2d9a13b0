/// One hop of a bolt4 route: the node's public key and what it is told.
public struct BOLT4RouteHop: Sendable, Equatable {
    /// The node ID, a compressed secp256k1 point.
    public let publicKey: Bytes
    public let payload: BOLT4HopPayload
    public init(publicKey: Bytes, payload: Bytes) {
        self.publicKey = publicKey
        self.payload = BOLT4HopPayload(payload)
    }
}

/// An onion and every intermediate value of its construction.
public struct BOLT4OnionCreation: Sendable, Equatable {
    public let packet: BOLT4Packet
    /// pad = HMAC-SHA256("pad", session key).
    public let padKey: Bytes
    /// The 1300 bytes ChaCha20(pad) the construction starts from; the part of it the final
    /// hop's β keeps is `creation.finalPadding`.
    public let initialFill: Bytes
    /// α_i, s_i, the keys, the routing entries, β_i, γ_i and the filler φ.
    public let creation: HeaderCreation
}

/// What processing an onion at one hop gives.
public struct BOLT4ProcessedOnion: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case forward(payload: Bytes, next: BOLT4Packet)
        case final(payload: Bytes)
    }
    public let outcome: Outcome
    /// ss, which the hop keeps to wrap an error on the way back, in wiped-on-release storage.
    public let sharedSecretStorage: SecretBytes
    public let replayTag: Bytes
    public let trace: ProcessingTrace

    /// ss as an array, for the error-return functions (BOLT4FailureReturn) and the vectors:
    /// exposed on purpose.
    public var sharedSecret: Bytes { sharedSecretStorage.exposedCopy }
}

/// The bolt4 profile's onion API: create and process (BOLT #4 "Packet Construction" and
/// "Onion Decryption") over the generic algorithm, and the error returns
/// (BOLT4FailureReturn.swift).
public enum BOLT4 {
    /// Creates an onion. SPEC.md [BOLT4-CREATE].
    /// ```text
    /// require the session key in [1, n)
    /// pad = HMAC-SHA256("pad", session_key) ; fill = ChaCha20(pad, 0^1300)
    /// header = SPHINX-CREATE(x = session_key, y_i, entries, ad_i = associated_data,
    ///                        final padding = fill[0, 1300 − |φ| − |e_{ν−1}|))
    /// onion = 0x00 ‖ α_0 ‖ β_0 ‖ γ_0
    /// ```
    /// BOLT #4's construction starts `hop_payloads` from `fill`, shifts each hop's entry in
    /// and overwrites the tail with the filler after the last hop's encryption; what remains
    /// of `fill` in the last hop's β is exactly that prefix, which the generic algorithm
    /// draws as its final padding. The BOLT text says "random bytes"; its vector needs the
    /// deterministic `pad` stream (SPEC.md §4.3).
    public static func createOnion(
        route: [BOLT4RouteHop], associatedData: Bytes, sessionKey: SecretBytes
    ) throws(SphinxError) -> BOLT4OnionCreation {
        let profile = BOLT4Profile()
        // Step 1: check the session key and the route. [BOLT4-CREATE-1]
        try checkScalar(sessionKey)
        try Sphinx.checkRouteLength(route.count, maxHops: profile.maxHops)

        // Step 2: derive the pad key and the initial fill. [BOLT4-CREATE-2]
        // The pad key is exposed on purpose (BOLT4OnionCreation, the vectors); the stream it
        // keys ends up in the onion.
        let padKey = sessionKey.withTemporaryCopy { BOLT4HopKeys.generateKey(BOLT4Constants.KeyType.pad, $0) }
        let fill = try profile.rho(key: padKey, length: BOLT4Constants.hopPayloadsLength)

        // Step 3: run the generic construction with the fill as the final padding. [BOLT4-CREATE-3]
        var source = FixedRandom(fill)
        let creation = try Sphinx.createHeader(
            profile: profile, initialSecret: sessionKey, publicKeys: route.map(\.publicKey),
            forwardCommands: route.dropLast().map(\.payload), finalCommand: route[route.count - 1].payload,
            associatedData: Array(repeating: associatedData, count: route.count), random: &source)
        return BOLT4OnionCreation(
            packet: BOLT4Packet(header: creation.header), padKey: padKey, initialFill: fill, creation: creation)
    }

    /// `createOnion` with the session key in an ordinary array, which stays the caller's to wipe.
    public static func createOnion(
        route: [BOLT4RouteHop], associatedData: Bytes, sessionKey: Bytes
    ) throws(SphinxError) -> BOLT4OnionCreation {
        try createOnion(route: route, associatedData: associatedData, sessionKey: SecretBytes(sessionKey))
    }

    /// A secret key must be a canonical scalar in [1, n) (what libsecp256k1 accepts).
    private static func checkScalar(_ key: SecretBytes) throws(SphinxError) {
        do {
            _ = try key.withTemporaryCopy { (k) throws(PrimitiveError) in try Secp256k1.Scalar(canonical: k) }
        } catch {
            throw .primitive(error)
        }
    }

    /// Processes an onion at a hop. SPEC.md [BOLT4-PROCESS].
    /// ```text
    /// (version, α, β, γ) = split(onion) ; require version = 0        (BOLT4-PACKET)
    /// SPHINX-PROCESS(node_secret, (α, β, γ), ad)                   (γ over β ‖ ad)
    /// forward: next onion = 0x00 ‖ α·b ‖ β' ‖ γ' ; final: the payload
    /// ```
    /// `isReplay` is asked about the tag SHA-256(ss)[0,20) before the HMAC is checked, as in
    /// the other profiles; use `ReplayCache.process` to record it after success.
    public static func processOnion(
        _ onion: Bytes, nodeSecret: SecretBytes, associatedData: Bytes, isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> BOLT4ProcessedOnion {
        // Step 1: parse the packet and check the version. [BOLT4-PROCESS-1]
        let packet = try BOLT4Packet(bytes: onion)
        try checkScalar(nodeSecret)

        // Step 2: run the generic processing. [BOLT4-PROCESS-2]
        let processed = try Sphinx.processHeader(
            profile: BOLT4Profile(), nodeSecret: nodeSecret, header: packet.header,
            associatedData: associatedData, isReplay: isReplay)

        // Step 3: re-assemble the next onion, or hand over the final payload. [BOLT4-PROCESS-3]
        let outcome: BOLT4ProcessedOnion.Outcome
        switch processed.outcome {
        case .forward(let payload, let next):
            outcome = .forward(payload: payload.bytes, next: BOLT4Packet(header: next))
        case .final(let payload):
            outcome = .final(payload: payload.bytes)
        }
        let ss = processed.trace.keys.details.first { $0.name == "hop_shared_secret" }?.storage ?? SecretBytes([])
        return BOLT4ProcessedOnion(
            outcome: outcome, sharedSecretStorage: ss, replayTag: processed.replayTag, trace: processed.trace)
    }

    /// `processOnion` with the node secret in an ordinary array, which stays the caller's to wipe.
    public static func processOnion(
        _ onion: Bytes, nodeSecret: Bytes, associatedData: Bytes, isReplay: (Bytes) -> Bool = { _ in false }
    ) throws(SphinxError) -> BOLT4ProcessedOnion {
        try processOnion(
            onion, nodeSecret: SecretBytes(nodeSecret), associatedData: associatedData, isReplay: isReplay)
    }
}

extension BOLT4ProcessedOnion: ReplayTagged {}

import Foundation
import SphinxSpec

/// The nym profile's vector files: forward and SURB flows for versions 258 and 259, and the
/// inputs every hop must reject.
enum NymVectors {
    static let oracle = NymOracle()

    static func parameters(version: NymVersion?) -> ProfileParameters {
        ProfileParameters(
            profile: "nym",
            source: "Rust crate sphinx-packet 0.6.0 (nymtech/sphinx, commit 3baae8710e5fcaa76d39568d72cb961f4f7de7ee)",
            version: version.map { Int($0.rawValue) }, group: "X25519 (RFC 7748)",
            security_parameter: NymConstants.securityParameter, max_hops: NymConstants.maxPathLength,
            header_length: NymConstants.headerLength, routing_info_length: NymConstants.routingInfoLength,
            routing_block_length: NymConstants.routingBlockLength, payload_overhead: NymConstants.payloadOverhead,
            body_length: nil, associated_length: nil)
    }

    /// SPEC.md [VEC-NYM-DRAW-1]: a generated nym case draws, in this order, from
    /// DeterministicRandom(SHA-256(seedLabel)): for each hop its address (32 bytes) and secret key
    /// (32 bytes; the public key is X25519(key, 9)); the destination (32) and identifier (16);
    /// the message (its length is fixed by the case); then the initial secret x (32) and the
    /// final padding (300 − 60·(ν−1) − 52 bytes).
    struct Draw {
        var route: [RouteNodeJSON] = []
        var secrets: [Hex] = []
        var destination = Hex([])
        var identifier = Hex([])
        var message = Hex([])
        var randomness = RandomnessJSON(initial_secret: Hex([]))

        init(label: String, hops: Int, messageLength: Int) throws {
            var random = try Seeds.random(for: label)
            for _ in 0..<hops {
                let address = random.bytes(32)
                let secret = random.bytes(32)
                route.append(
                    RouteNodeJSON(address: Hex(address), public_key: Hex(try X25519.publicKey(secret: secret))))
                secrets.append(Hex(secret))
            }
            destination = Hex(random.bytes(32))
            identifier = Hex(random.bytes(16))
            message = Hex(random.bytes(messageLength))
            let drawn = NymPacketRandomness.draw(hops: hops, from: &random)
            randomness = RandomnessJSON(
                initial_secret: Hex(drawn.initialSecret), final_padding: Hex(drawn.finalPadding))
        }
    }

    static let drawHeader =
        "Random inputs (VEC-NYM-DRAW-1): from DeterministicRandom(SHA-256(seedLabel)), per hop address (32) then secret key (32), then destination (32), identifier (16), message, initial secret (32), final padding."

    // MARK: Forward packets

    struct ForwardCase {
        var comment: String
        var hops: Int
        var messageLength: Int
        var payloadSize: Int = NymConstants.defaultPayloadLength
        var delays: [UInt64]? = nil
        var flags: [String] = []
    }

    static let forwardCases: [ForwardCase] = [
        ForwardCase(
            comment: "one hop: the first mix is also the last", hops: 1, messageLength: 32, flags: ["SingleHop"]),
        ForwardCase(comment: "two hops", hops: 2, messageLength: 100),
        ForwardCase(comment: "three hops, as a Nym route of three mix layers", hops: 3, messageLength: 300),
        ForwardCase(comment: "four hops, an empty message", hops: 4, messageLength: 0, flags: ["EmptyMessage"]),
        ForwardCase(
            comment: "five hops (the maximum), a message filling the payload (1024 − 17 bytes)", hops: 5,
            messageLength: NymConstants.defaultPayloadLength - NymConstants.payloadOverhead,
            flags: ["MaxHops", "FullPayload"]),
        ForwardCase(
            comment: "three hops, Nym's regular packet size (2048 + 17 bytes of payload)", hops: 3, messageLength: 2000,
            payloadSize: NymConstants.regularPayloadLength, flags: ["NymPacketSize"]),
        ForwardCase(
            comment: "three hops, delays 0 and 2^64 − 1 ns", hops: 3, messageLength: 50,
            delays: [0, UInt64.max, 12_345], flags: ["ExtremeDelays"]),
        ForwardCase(
            comment: "the smallest payload (33 bytes), a 16-byte message", hops: 2, messageLength: 16,
            payloadSize: NymConstants.minimumPayloadLength, flags: ["MinimumPayload"]),
    ]

    static func defaultDelays(_ hops: Int) -> [UInt64] {
        (0..<hops).map { UInt64($0 + 1) * 15_000_000 }  // 15 ms, 30 ms, … (Nym's mean is 15 ms)
    }

    static func forwardFile(version: NymVersion) throws -> ForwardFile {
        let fileName = "nym/forward_v\(version.rawValue)"
        var tests: [ForwardTest] = []
        for (index, c) in forwardCases.enumerated() {
            let tcId = index + 1
            let label = "\(fileName)/tc\(tcId)"
            let draw = try Draw(label: label, hops: c.hops, messageLength: c.messageLength)
            let request = CreateForwardRequest(
                route: draw.route, delays_ns: c.delays ?? defaultDelays(c.hops), destination: draw.destination,
                identifier: draw.identifier, message: draw.message, payload_size: c.payloadSize,
                version: Int(version.rawValue), associated_data: nil, randomness: draw.randomness)
            let created = try oracle.createForward(request)
            let hops = try RouteWalk.walk(
                oracle, packet: created.packet.bytes, nodeSecrets: draw.secrets, associatedData: nil)
            tests.append(
                ForwardTest(
                    tcId: tcId, comment: c.comment, flags: c.flags, seedLabel: label,
                    inputs: ForwardInputs(create_forward: request, node_secrets: draw.secrets),
                    outputs: ForwardOutputs(create_forward: created, hops: hops)))
        }
        let header = [
            "Nym forward packets, version \(version.rawValue): creation with every intermediate value, then processing at every hop.",
            "Run create_forward on inputs.create_forward and compare outputs.create_forward (packet, intermediates: alpha_i, shared_secret s_i, keys, payload_key, routing_entry, beta_i, gamma_i, filler, deltas).",
            "Then give outputs.hops[i].packet_in with inputs.node_secrets[i] to process and compare outputs.hops[i].result.",
            drawHeader,
            "SPEC.md §4.1 (profile nym) and §9.5.",
        ]
        return ForwardFile(
            algorithm: "nym-sphinx-forward", schema: "sphinx-forward.schema.json", header: header,
            notes: fileNotes,
            testGroups: [SphinxGroup(parameters: parameters(version: version), tests: tests)])
    }

    // MARK: SURBs

    static let surbCases: [(comment: String, hops: Int, replyLength: Int, payloadSize: Int, flags: [String])] = [
        ("a one-hop SURB", 1, 20, NymConstants.defaultPayloadLength, ["SingleHop"]),
        ("a three-hop SURB", 3, 200, NymConstants.defaultPayloadLength, []),
        (
            "a five-hop SURB, a reply filling the payload", 5,
            NymConstants.defaultPayloadLength - NymConstants.payloadOverhead,
            NymConstants.defaultPayloadLength, ["MaxHops", "FullPayload"]
        ),
        ("a three-hop SURB, Nym's regular packet size", 3, 1500, NymConstants.regularPayloadLength, ["NymPacketSize"]),
    ]

    static func surbFile(version: NymVersion) throws -> SURBFile {
        let fileName = "nym/surb_v\(version.rawValue)"
        var tests: [SURBTest] = []
        for (index, c) in surbCases.enumerated() {
            let tcId = index + 1
            let label = "\(fileName)/tc\(tcId)"
            let draw = try Draw(label: label, hops: c.hops, messageLength: c.replyLength)
            let request = CreateSURBRequest(
                route: draw.route, delays_ns: defaultDelays(c.hops), destination: draw.destination,
                identifier: draw.identifier, version: Int(version.rawValue), associated_data: nil,
                randomness: draw.randomness)
            let created = try oracle.createSURB(request)
            let used = try oracle.useSURB(
                UseSURBRequest(surb: created.surb, message: draw.message, payload_size: c.payloadSize))
            let hops = try RouteWalk.walk(
                oracle, packet: used.packet.bytes, nodeSecrets: draw.secrets, associatedData: nil)
            tests.append(
                SURBTest(
                    tcId: tcId, comment: c.comment, flags: c.flags, seedLabel: label,
                    inputs: SURBInputs(
                        create_surb: request, node_secrets: draw.secrets, reply_message: draw.message,
                        reply_payload_size: c.payloadSize),
                    outputs: SURBOutputs(create_surb: created, use_surb: used, hops: hops, open_reply: nil)))
        }
        let header = [
            "Nym single-use reply blocks, version \(version.rawValue) (sphinx-packet 0.6.0 src/surb/mod.rs).",
            "create_surb gives the SURB bytes: header (348) ‖ first hop address (32) ‖ every hop's payload key (\(version == .explicitPayloadKeys ? "192 bytes each" : "16-byte seeds")).",
            "use_surb is the replier's side; the reply then travels the route and its last hop recovers the message by ordinary processing (outputs.hops).",
            "The message drawn after the identifier is the reply message. " + drawHeader,
            "SPEC.md §5 and §9.5.",
        ]
        return SURBFile(
            algorithm: "nym-sphinx-surb", schema: "sphinx-surb.schema.json", header: header,
            notes: fileNotes,
            testGroups: [SphinxGroup(parameters: parameters(version: version), tests: tests)])
    }

    // MARK: Flags

    static let allNotes: [String: FlagNote] = [
        "Generated": FlagNote(
            bugType: .basic,
            description:
                "Inputs drawn from DeterministicRandom(SHA-256(seedLabel)) (VEC-SEED-1, VEC-NYM-DRAW-1); outputs computed by this implementation, which reproduces the crate's known answers (Tests/NymTests)."
        ),
        "SingleHop": FlagNote(
            bugType: .edgeCase, description: "A route of one hop: no filler, the first hop is the last."),
        "MaxHops": FlagNote(
            bugType: .edgeCase,
            description: "A route of the maximum length (5): the final routing block has no random padding."),
        "EmptyMessage": FlagNote(
            bugType: .edgeCase, description: "An empty message: the payload is 16 zero bytes, 0x01, then zeros."),
        "FullPayload": FlagNote(
            bugType: .edgeCase, description: "A message of the largest size the payload holds (payload size − 17)."),
        "NymPacketSize": FlagNote(
            bugType: .basic, description: "The payload size of Nym's regular packets (2048 + 17 bytes)."),
        "ExtremeDelays": FlagNote(
            bugType: .edgeCase,
            description:
                "Delays of 0 and 2^64 − 1 nanoseconds: the 8-byte big-endian field must not overflow or be cut."),
        "MinimumPayload": FlagNote(
            bugType: .edgeCase, description: "The smallest payload LIONESS can process (33 bytes)."),
    ]

    /// The notes the forward and SURB files choose from: these and the invalid file's.
    static let fileNotes = allNotes.merging(NymInvalid.notes) { a, _ in a }
}

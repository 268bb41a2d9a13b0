import Foundation
import SphinxSpec

/// The sphinxmix profile's vector files.
enum SphinxmixVectors {
    static let oracle = SphinxmixOracle()

    static func parameters(headerLength: Int = 192, bodyLength: Int = 1024, associatedLength: Int = 0)
        -> ProfileParameters
    {
        ProfileParameters(
            profile: "sphinxmix",
            source:
                "PyPI package sphinxmix 0.0.7 (UCL-InfoSec/sphinx): SphinxParams.py, SphinxClient.py, SphinxNode.py",
            version: nil, group: "NIST P-224 (OpenSSL curve 713), uncompressed points",
            security_parameter: 16, max_hops: nil, header_length: headerLength, routing_info_length: headerLength - 32,
            routing_block_length: nil, payload_overhead: nil, body_length: bodyLength,
            associated_length: associatedLength)
    }

    /// SPEC.md [VEC-SMX-DRAW-1]: a generated sphinxmix case draws, in this order, from
    /// DeterministicRandom(SHA-256(seedLabel)): for each hop its node id (8 bytes) and secret
    /// key (PRIM-P224-RANDOM: 28-byte big-endian candidates until one is in [1, n)); the
    /// destination (16 bytes); the message; the associated data (assoc_len bytes per hop); then
    /// for a forward packet x (PRIM-P224-RANDOM) and the final padding, for a SURB the SURB id
    /// (16), x, the final padding and k̃ (16), sphinxmix's own order.
    struct Draw {
        var route: [RouteNodeJSON] = []
        var secrets: [Hex] = []
        var destination = Hex([])
        var message = Hex([])
        var associatedData: [Hex]? = nil
        var random: DeterministicRandom

        init(label: String, hops: Int, messageLength: Int, associatedLength: Int = 0) throws {
            random = try Seeds.random(for: label)
            for _ in 0..<hops {
                let id = random.bytes(8)
                let secret = try P224.Scalar.random(using: &random)
                route.append(RouteNodeJSON(address: Hex(id), public_key: Hex(try secret.timesGenerator().encoded)))
                secrets.append(Hex(secret.bytes))
            }
            destination = Hex(random.bytes(16))
            message = Hex(random.bytes(messageLength))
            if associatedLength > 0 {
                var list: [Hex] = []
                for _ in 0..<hops { list.append(Hex(random.bytes(associatedLength))) }
                associatedData = list
            }
        }

        func parameters(_ headerLength: Int, _ bodyLength: Int, _ associatedLength: Int) throws -> SphinxmixParameters {
            try SphinxmixParameters(
                headerLength: headerLength, bodyLength: bodyLength, associatedLength: associatedLength)
        }

        func path() throws -> [SphinxmixPathHop] { try SphinxmixOracle.path(route) }

        /// x then the final padding, as create_header draws them.
        mutating func forwardRandomness(headerLength: Int, bodyLength: Int, associatedLength: Int) throws
            -> RandomnessJSON
        {
            let x = try P224.Scalar.random(using: &random).bytes
            let padding = try Sphinxmix.finalPaddingLength(
                parameters: parameters(headerLength, bodyLength, associatedLength),
                path: path(), final: .destination)
            return RandomnessJSON(initial_secret: Hex(x), final_padding: Hex(random.bytes(padding)))
        }

        /// The SURB id, x, the final padding and k̃, as create_surb draws them.
        mutating func surbRandomness(headerLength: Int, associatedLength: Int) throws -> RandomnessJSON {
            let id = random.bytes(16)
            let x = try P224.Scalar.random(using: &random).bytes
            let padding = try Sphinxmix.finalPaddingLength(
                parameters: parameters(headerLength, 1024, associatedLength), path: path(),
                final: .surb(destination: destination.bytes, surbID: id))
            let finalPadding = random.bytes(padding)
            let kTilde = random.bytes(16)
            return RandomnessJSON(
                initial_secret: Hex(x), final_padding: Hex(finalPadding), surb_key: Hex(kTilde), surb_id: Hex(id))
        }
    }

    static let drawHeader =
        "Random inputs (VEC-SMX-DRAW-1): from DeterministicRandom(SHA-256(seedLabel)), per hop node id (8) then secret key (P-224 rejection sampling), destination (16), message, associated data, then x and the final padding (SURB: id, x, padding, k̃)."

    struct ForwardCase {
        var comment: String
        var hops: Int
        var messageLength: Int
        var headerLength = 192
        var bodyLength = 1024
        var associatedLength = 0
        var flags: [String] = []
    }

    static let forwardCases: [ForwardCase] = [
        ForwardCase(comment: "one hop", hops: 1, messageLength: 20, flags: ["SingleHop"]),
        ForwardCase(comment: "two hops", hops: 2, messageLength: 100),
        ForwardCase(comment: "three hops, as in Loopix (provider, mix, provider)", hops: 3, messageLength: 300),
        ForwardCase(comment: "five hops", hops: 5, messageLength: 10, flags: ["MaxHops"]),
        ForwardCase(
            comment:
                "the longest message: msgpack([16-byte destination, 985-byte message]) is 1007 bytes = 1024 − 16 (body MAC) − 1 (0x7f)",
            hops: 3,
            messageLength: 985, flags: ["FullPayload"]),
        ForwardCase(comment: "an empty message", hops: 2, messageLength: 0, flags: ["EmptyMessage"]),
        ForwardCase(
            comment: "three hops with 8 bytes of associated data per hop", hops: 3, messageLength: 64,
            associatedLength: 8, flags: ["AssociatedData"]),
        ForwardCase(
            comment: "header_len 256 and body_len 2048", hops: 4, messageLength: 1500, headerLength: 256,
            bodyLength: 2048, flags: ["OtherParameters"]),
    ]

    static func forwardFile() throws -> ForwardFile {
        var groups: [SphinxGroup<ForwardTest>] = []
        var tcId = 0
        let shapes = Set(forwardCases.map { [$0.headerLength, $0.bodyLength, $0.associatedLength] })
        for shape in shapes.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            var tests: [ForwardTest] = []
            for c in forwardCases where [c.headerLength, c.bodyLength, c.associatedLength] == shape {
                tcId += 1
                let label = "sphinxmix/forward/tc\(tcId)"
                var draw = try Draw(
                    label: label, hops: c.hops, messageLength: c.messageLength, associatedLength: c.associatedLength)
                let randomness = try draw.forwardRandomness(
                    headerLength: c.headerLength, bodyLength: c.bodyLength,
                    associatedLength: c.associatedLength)
                let request = CreateForwardRequest(
                    route: draw.route, delays_ns: [], destination: draw.destination, identifier: nil,
                    message: draw.message,
                    payload_size: c.bodyLength, version: nil, header_len: c.headerLength == 192 ? nil : c.headerLength,
                    associated_data: draw.associatedData, randomness: randomness)
                let created = try oracle.createForward(request)
                let hops = try walk(
                    created.packet.bytes, secrets: draw.secrets, associatedData: draw.associatedData,
                    headerLength: request.header_len, bodyLength: c.bodyLength)
                tests.append(
                    ForwardTest(
                        tcId: tcId, comment: c.comment, flags: c.flags, seedLabel: label,
                        inputs: ForwardInputs(create_forward: request, node_secrets: draw.secrets),
                        outputs: ForwardOutputs(create_forward: created, hops: hops)))
            }
            groups.append(
                SphinxGroup(
                    parameters: parameters(headerLength: shape[0], bodyLength: shape[1], associatedLength: shape[2]),
                    tests: tests))
        }
        groups.sort { $0.tests[0].tcId < $1.tests[0].tcId }
        let header = [
            "sphinxmix 0.0.7 forward messages: creation with every intermediate value, then processing at every hop.",
            "Packets are alpha (57) ‖ gamma (16) ‖ beta (header_len − 32) ‖ delta (body_len) (ORACLE-SPHINXMIX-1); delays_ns is empty (sphinxmix has none).",
            "The last hop's payload is msgpack([destination, message]) under a body MAC; process returns both.",
            "Hop records carry the hop's associated data when the group has some; process them with header_len and body_len of the group.",
            drawHeader,
            "SPEC.md §4.2 and §9.5.",
        ]
        return ForwardFile(
            algorithm: "sphinxmix-sphinx-forward", schema: "sphinx-forward.schema.json", header: header,
            notes: fileNotes, testGroups: groups)
    }

    /// Processes a packet hop by hop, with each hop's associated data and the parameters.
    static func walk(_ packet: Bytes, secrets: [Hex], associatedData: [Hex]?, headerLength: Int?, bodyLength: Int)
        throws -> [HopRecord]
    {
        var records: [HopRecord] = []
        var current = packet
        for (index, secret) in secrets.enumerated() {
            let ad = associatedData?[index]
            let result = try oracle.process(
                ProcessRequest(
                    node_secret: secret, packet: Hex(current), seen_replay_tags: nil,
                    associated_data: ad, header_len: headerLength,
                    body_len: bodyLength == 1024 ? nil : bodyLength))
            records.append(HopRecord(hop: index, packet_in: Hex(current), associated_data: ad, result: result))
            guard result.outcome == "forward", let next = result.next_packet else { break }
            current = next.bytes
        }
        return records
    }

    // MARK: SURBs

    static func surbFile() throws -> SURBFile {
        let cases: [(String, Int, Int, Int, [String])] = [
            ("a one-hop SURB", 1, 20, 0, ["SingleHop"]),
            ("a three-hop SURB", 3, 200, 0, []),
            (
                "a four-hop SURB: with its 41-byte SURB command, five hops do not fit in a 160-byte beta", 4, 900, 0,
                ["MaxHops"]
            ),
            ("a three-hop SURB with 8 bytes of associated data per hop", 3, 64, 8, ["AssociatedData"]),
        ]
        var groups: [SphinxGroup<SURBTest>] = []
        var tcId = 0
        for associatedLength in [0, 8] {
            var tests: [SURBTest] = []
            for (comment, hops, replyLength, ad, flags) in cases where ad == associatedLength {
                tcId += 1
                let label = "sphinxmix/surb/tc\(tcId)"
                var draw = try Draw(label: label, hops: hops, messageLength: replyLength, associatedLength: ad)
                let randomness = try draw.surbRandomness(headerLength: 192, associatedLength: ad)
                let request = CreateSURBRequest(
                    route: draw.route, delays_ns: [], destination: draw.destination, identifier: nil,
                    version: nil, header_len: nil, associated_data: draw.associatedData, randomness: randomness)
                let created = try oracle.createSURB(request)
                let used = try oracle.useSURB(
                    UseSURBRequest(surb: created.surb, message: draw.message, payload_size: 1024))
                let hops = try walk(
                    used.packet.bytes, secrets: draw.secrets, associatedData: draw.associatedData,
                    headerLength: nil, bodyLength: 1024)
                guard let body = hops.last?.result.payload, let kept = created.kept_keys else {
                    throw OracleError("internal", "the reply did not reach its last hop")
                }
                let opened = try oracle.openReply(
                    OpenReplyRequest(kept_keys: kept, surb_id: created.surb_id, payload: body))
                tests.append(
                    SURBTest(
                        tcId: tcId, comment: comment, flags: flags, seedLabel: label,
                        inputs: SURBInputs(
                            create_surb: request, node_secrets: draw.secrets, reply_message: draw.message,
                            reply_payload_size: 1024),
                        outputs: SURBOutputs(create_surb: created, use_surb: used, hops: hops, open_reply: opened)))
            }
            groups.append(SphinxGroup(parameters: parameters(associatedLength: associatedLength), tests: tests))
        }
        let header = [
            "sphinxmix 0.0.7 single-use reply blocks: create_surb, package_surb (use_surb), the reply's hops, receive_surb (open_reply).",
            "The SURB bytes are alpha ‖ gamma ‖ beta ‖ k̃ (16) ‖ Nenc(first node id) (ORACLE-SPHINXMIX-1); kept_keys = [k̃, h_pi of every hop] (surbkeytuple).",
            "The last hop returns outcome surb_reply with the SURB id; open_reply with kept_keys and that hop's payload recovers the reply.",
            "The message drawn after the destination is the reply message. " + drawHeader,
            "SPEC.md §4.2, §5 and §9.5.",
        ]
        return SURBFile(
            algorithm: "sphinxmix-sphinx-surb", schema: "sphinx-surb.schema.json", header: header,
            notes: fileNotes, testGroups: groups)
    }

    static let allNotes: [String: FlagNote] = [
        "Generated": FlagNote(
            bugType: .basic,
            description:
                "Inputs drawn from DeterministicRandom(SHA-256(seedLabel)) (VEC-SEED-1, VEC-SMX-DRAW-1); outputs computed by this implementation, which matches sphinxmix 0.0.7 byte for byte in the interop tests (Tests/SphinxmixTests)."
        ),
        "SingleHop": FlagNote(
            bugType: .edgeCase, description: "A route of one hop: no filler, the first hop is the last."),
        "MaxHops": FlagNote(
            bugType: .edgeCase,
            description:
                "The most hops that fit: most of beta is routing entries and MACs (sphinxmix has no hop limit but the room in beta)."
        ),
        "FullPayload": FlagNote(
            bugType: .edgeCase,
            description: "A message as long as the body allows after the MAC, the msgpack framing and the 0x7f marker."),
        "EmptyMessage": FlagNote(bugType: .edgeCase, description: "An empty message."),
        "AssociatedData": FlagNote(
            bugType: .basic, description: "assoc_len > 0: each hop's MAC covers its associated data followed by beta."),
        "OtherParameters": FlagNote(
            bugType: .basic, description: "Parameters other than sphinxmix's defaults (header_len 256, body_len 2048)."),
    ]

    /// The notes the forward and SURB files choose from: these and the invalid file's.
    static let fileNotes = allNotes.merging(SphinxmixInvalid.notes) { a, _ in a }
}

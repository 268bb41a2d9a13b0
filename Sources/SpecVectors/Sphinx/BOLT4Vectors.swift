import Foundation
import SphinxSpec

/// bolt4/onion.json and bolt4/errors.json: onions created and processed hop by hop, and error
/// returns built, wrapped and decoded, with every intermediate value (SPEC.md §4.3, §9.5).
enum BOLT4Vectors {
    static let notes: [String: FlagNote] = [
        "Official": FlagNote(
            bugType: .basic,
            description:
                "The inputs of a published BOLT #4 vector (lightning/bolts bolt04/onion-test.json or onion-error-test.json); the packet or error packet equals the file's, which Tests/BOLT4Tests checks against the file itself."
        ),
        "Generated": FlagNote(
            bugType: .basic,
            description:
                "Keys, session key and payloads drawn from DeterministicRandom(SHA-256(label)), label in the comment."
        ),
        "BigSizeBoundary": FlagNote(
            bugType: .edgeCase,
            description:
                "Payload lengths 252 (one-byte BigSize) and 253 (0xfd ‖ u16), the boundary between the two prefix forms."
        ),
        "LongRoute": FlagNote(bugType: .edgeCase, description: "20 hops, Lightning's usual route limit."),
        "FullPayloads": FlagNote(
            bugType: .edgeCase,
            description: "One hop whose payload fills hop_payloads exactly: 3 + 1265 + 32 = 1300 bytes."),
        "NoAssociatedData": FlagNote(bugType: .edgeCase, description: "Empty associated data."),
        "LongFailure": FlagNote(
            bugType: .edgeCase, description: "A failure message longer than 256 bytes: pad_len is 0."),
        "EmptyFailure": FlagNote(bugType: .edgeCase, description: "An empty failure message: pad_len is 256."),
    ]

    static let header = [
        "Lightning onions (BOLT #4) of the bolt4 profile, as oracle requests: run `op` of profile bolt4 on `inputs`.",
        "A valid test's outputs is the whole response; tests in a group follow one onion or one error return.",
        "SPEC.md §4.3 and §9.5.",
    ]

    /// The payloads of onion-test.json (lightning/bolts commit 1c1eda08), without their
    /// BigSize prefix; the last is 48 bytes of TLV then 224 bytes 0x2a.
    static let officialPayloads: [String] = [
        "02023a98040205dc06080000000000000001",
        "020236b00402057806080000000000000002fd02013c0102030405060708090a0b0c0d0e0f0102030405060708090a0b0c0d0e0f"
            + "0102030405060708090a0b0c0d0e0f0102030405060708090a0b0c0d0e0f",
        "020230d4040204e206080000000000000003",
        "02022710040203e806080000000000000004",
        "02022710040203e8082224a33562c54507a9334e79f0dc4f17d407e6d7c61f0e2f3d0d38599502f617042710fd012de0"
            + String(repeating: "2a", count: 224),
    ]

    /// The node secrets 0x41…, 0x42…, … of onion-test.json's `decode`.
    static func officialSecrets() -> [Bytes] { (0x41...0x45).map { Bytes(repeating: UInt8($0), count: 32) } }

    static func publicKey(_ secret: Bytes) throws -> Bytes {
        try Secp256k1.Scalar(canonical: secret).publicKey().compressed
    }

    /// Creates an onion and processes it at every hop.
    static func walk(
        _ list: inout BOLT4TestList, secrets: [Bytes], payloads: [Bytes], ad: Bytes, sessionKey: Bytes,
        comment: String, flags: [String]
    ) throws {
        var route: [BOLT4RouteHopJSON] = []
        for (secret, payload) in zip(secrets, payloads) {
            route.append(BOLT4RouteHopJSON(public_key: Hex(try publicKey(secret)), payload: Hex(payload)))
        }
        let request = BOLT4CreateRequest(
            route: route, associated_data: Hex(ad), randomness: BOLT4RandomnessJSON(session_key: Hex(sessionKey)))
        let created = try list.add("create_forward", request, comment: comment + ": create", flags: flags)
        var packet = try created.decode(BOLT4CreateResponse.self).packet
        for (index, secret) in secrets.enumerated() {
            let answer = try list.add(
                "process", BOLT4ProcessRequest(node_secret: Hex(secret), packet: packet, associated_data: Hex(ad)),
                comment: comment + ": hop \(index) processes", flags: flags)
            guard let next = try answer.decode(BOLT4ProcessResponse.self).next_packet else { break }
            packet = next
        }
    }

    /// ν node secrets, a session key and payloads of the given lengths, from one label.
    static func generated(_ label: String, lengths: [Int]) throws -> (
        secrets: [Bytes], session: Bytes, payloads: [Bytes]
    ) {
        var random = try Seeds.random(for: label)
        let profile = BOLT4Profile()
        let session = try profile.randomExponent(using: &random)
        var secrets: [Bytes] = []
        for _ in lengths { secrets.append(try profile.randomExponent(using: &random)) }
        let payloads = lengths.map { random.bytes($0) }
        return (secrets, session, payloads)
    }

    static func onionFile() throws -> BOLT4File {
        var groups: [BOLT4Group] = []
        var list = BOLT4TestList(firstId: 1)
        try walk(
            &list, secrets: officialSecrets(), payloads: officialPayloads.map { Bytes(hex: $0) ?? [] },
            ad: Bytes(repeating: 0x42, count: 32), sessionKey: Bytes(repeating: 0x41, count: 32),
            comment: "onion-test.json", flags: ["Official"])
        groups.append(
            BOLT4Group(
                type: "bolt4-onion", comment: "The route of BOLT #4 onion-test.json, five hops.", tests: list.tests))

        let cases: [(label: String, lengths: [Int], adLength: Int, flags: [String])] = [
            ("bolt4/onion/one-hop", [2], 0, ["Generated", "NoAssociatedData"]),
            ("bolt4/onion/bigsize", [252, 253, 20], 32, ["Generated", "BigSizeBoundary"]),
            ("bolt4/onion/full", [1265], 32, ["Generated", "FullPayloads"]),
            ("bolt4/onion/twenty", Array(repeating: 20, count: 20), 32, ["Generated", "LongRoute"]),
        ]
        for item in cases {
            var group = BOLT4TestList(firstId: list.nextTcId)
            let made = try generated(item.label, lengths: item.lengths)
            var adSource = try Seeds.random(for: item.label + "/ad")
            try walk(
                &group, secrets: made.secrets, payloads: made.payloads, ad: adSource.bytes(item.adLength),
                sessionKey: made.session, comment: item.label, flags: item.flags)
            groups.append(
                BOLT4Group(
                    type: "bolt4-onion",
                    comment: "\(item.lengths.count) hops, payload lengths \(Set(item.lengths).sorted()).",
                    tests: group.tests))
            list = BOLT4TestList(firstId: group.nextTcId)
        }
        return BOLT4File(
            algorithm: "bolt4-onion", schema: "bolt4.schema.json", header: header, notes: notes,
            testGroups: groups)
    }

    /// An error return: built at hop `erring`, wrapped by the hops before it, decoded.
    static func errorReturn(
        _ list: inout BOLT4TestList, secrets: [Bytes], erring: Int, message: Bytes, comment: String, flags: [String]
    ) throws {
        let created = try list.add(
            "create_error", BOLT4CreateErrorRequest(shared_secret: Hex(secrets[erring]), failure_message: Hex(message)),
            comment: comment + ": hop \(erring) creates the failure", flags: flags)
        var packet = try created.decode(BOLT4CreateErrorResponse.self).error_packet
        for index in stride(from: erring - 1, through: 0, by: -1) {
            let wrapped = try list.add(
                "wrap_error", BOLT4WrapErrorRequest(shared_secret: Hex(secrets[index]), error_packet: packet),
                comment: comment + ": hop \(index) wraps", flags: flags)
            packet = try wrapped.decode(BOLT4WrapErrorResponse.self).error_packet
        }
        try list.add(
            "decode_error", BOLT4DecodeErrorRequest(shared_secrets: secrets.map(Hex.init), error_packet: packet),
            comment: comment + ": the origin decodes", flags: flags)
    }

    /// The hop shared secrets ss_i of a route, from our own onion construction.
    static func sharedSecrets(secrets: [Bytes], session: Bytes) throws -> [Bytes] {
        let route = try secrets.map { BOLT4RouteHop(publicKey: try publicKey($0), payload: [0, 0]) }
        let made = try BOLT4.createOnion(route: route, associatedData: [], sessionKey: session)
        return made.creation.hops.map { $0.keys.detail("hop_shared_secret") ?? [] }
    }

    static func errorsFile() throws -> BOLT4File {
        var groups: [BOLT4Group] = []
        var list = BOLT4TestList(firstId: 1)
        let official = try sharedSecrets(secrets: officialSecrets(), session: Bytes(repeating: 0x41, count: 32))
        try errorReturn(
            &list, secrets: official, erring: 4, message: [0x20, 0x02], comment: "onion-error-test.json",
            flags: ["Official"])
        groups.append(
            BOLT4Group(
                type: "bolt4-error", comment: "BOLT #4 onion-error-test.json: node 4 fails with 0x2002.",
                tests: list.tests))
        let made = try generated("bolt4/errors/three", lengths: [2, 2, 2])
        let secrets = try sharedSecrets(secrets: made.secrets, session: made.session)
        var messageSource = try Seeds.random(for: "bolt4/errors/three/messages")
        let cases: [(erring: Int, message: Bytes, flags: [String])] = [
            (0, [0x40, 0x0f], ["Generated"]),
            (2, messageSource.bytes(300), ["Generated", "LongFailure"]),
            (1, [], ["Generated", "EmptyFailure"]),
        ]
        for item in cases {
            var group = BOLT4TestList(firstId: list.nextTcId)
            try errorReturn(
                &group, secrets: secrets, erring: item.erring, message: item.message,
                comment: "bolt4/errors/three", flags: item.flags)
            groups.append(
                BOLT4Group(
                    type: "bolt4-error",
                    comment:
                        "Three hops (bolt4/errors/three); hop \(item.erring) fails with \(item.message.count) bytes.",
                    tests: group.tests))
            list = BOLT4TestList(firstId: group.nextTcId)
        }
        return BOLT4File(
            algorithm: "bolt4-error", schema: "bolt4.schema.json", header: header, notes: notes,
            testGroups: groups)
    }
}

import Foundation
import SphinxSpec

/// sphinxmix/invalid.json: inputs the sphinxmix profile must (or may) reject.
enum SphinxmixInvalid {
    static let oracle = SphinxmixOracle()

    static let notes: [String: FlagNote] = [
        "ModifiedMac": FlagNote(
            bugType: .authBypass, description: "gamma changed: the header MAC must fail (headerMACMismatch)."),
        "ModifiedRoutingInfo": FlagNote(
            bugType: .authBypass, description: "beta changed: the MAC over (associated data ‖ beta) must fail."),
        "ModifiedAlpha": FlagNote(
            bugType: .authBypass,
            description: "alpha changed to another point of the curve: every key changes and the MAC fails."),
        "InvalidAlpha": FlagNote(
            bugType: .functionality,
            description:
                "alpha is not an uncompressed P-224 point on the curve (wrong prefix, not on the curve): invalidGroupElement. sphinxmix (petlib EcPt.from_binary) raises too."
        ),
        "WrongAssociatedData": FlagNote(
            bugType: .authBypass,
            description: "The hop is given other associated data than the sender bound into gamma: headerMACMismatch."),
        "AssociatedDataLength": FlagNote(
            bugType: .functionality,
            description:
                "Associated data of another length than assoc_len: sphinxmix asserts len(assoc) == assoc_len; we fail with invalidInputLength."
        ),
        "Replay": FlagNote(
            bugType: .missingStep,
            description: "The replay tag h_tau is already in the node's cache (seen_replay_tags): replayedTag."),
        "Truncated": FlagNote(
            bugType: .functionality,
            description: "A packet shorter than alpha ‖ gamma ‖ beta ‖ body: invalidPacketLength."),
        "OversizedPacket": FlagNote(
            bugType: .functionality,
            description:
                "A body one byte longer than body_len. We reject (invalidPacketLength); sphinxmix's sphinx_process never checks the body length and would process it, so acceptable."
        ),
        "ModifiedPayload": FlagNote(
            bugType: .malleability,
            description:
                "delta changed: relays do not notice, the body MAC checked at the end fails (payloadMACMismatch)."),
        "UnknownFlag": FlagNote(
            bugType: .functionality,
            description:
                "A routing command whose flag is not relay (F0), destination (F1) or SURB (F2), under a valid MAC: malformedRoutingEntry."
        ),
        "InvalidNodeKey": FlagNote(
            bugType: .functionality, description: "A node secret that is not a scalar in [1, n): invalidScalar."),
        "MalformedSURB": FlagNote(
            bugType: .functionality,
            description: "SURB bytes (ORACLE-SPHINXMIX-1 encoding) or kept keys that cannot be used: malformedSURB."),
        "TamperedSURB": FlagNote(
            bugType: .authBypass,
            description:
                "A reply made with a SURB whose k̃ or header was changed: the reply does not open (payloadMACMismatch) or the first hop's MAC fails."
        ),
        "TamperedReply": FlagNote(
            bugType: .authBypass, description: "A reply changed in transit: the MAC of a hop or the body MAC fails."),
        "RouteTooLong": FlagNote(
            bugType: .functionality, description: "More routing entries than beta holds: routingInformationTooLong."),
        "MessageTooLong": FlagNote(
            bugType: .functionality, description: "A message that does not fit in the body: messageTooLong."),
    ]

    typealias Case = InvalidCase

    static func process(_ packet: Bytes, secret: Hex, ad: Hex? = nil, seen: [Hex]? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["node_secret": .hex(secret.bytes), "packet": .hex(packet)]
        if let ad { object["associated_data"] = .hex(ad.bytes) }
        if let seen { object["seen_replay_tags"] = .array(seen.map { .hex($0.bytes) }) }
        return .object(object)
    }

    static func flip(_ bytes: Bytes, at index: Int, mask: UInt8 = 0x01) -> Bytes {
        var out = bytes
        out[index] ^= mask
        return out
    }

    static func cases() throws -> [Case] {
        var list: [Case] = []
        func add(
            _ comment: String, _ flags: [String], _ result: TestResult = .invalid, op: String = "process",
            inputs: JSONValue
        ) {
            list.append(Case(comment: comment, flags: flags, result: result, op: op, inputs: inputs))
        }
        let alphaLength = SphinxmixOracle.alphaLength
        let headerEnd = alphaLength + 16 + 160

        // A three-hop forward packet and its hops.
        var draw = try SphinxmixVectors.Draw(label: "sphinxmix/invalid/base", hops: 3, messageLength: 50)
        let randomness = try draw.forwardRandomness(headerLength: 192, bodyLength: 1024, associatedLength: 0)
        let request = CreateForwardRequest(
            route: draw.route, delays_ns: [], destination: draw.destination, identifier: nil,
            message: draw.message, payload_size: 1024, version: nil, header_len: nil,
            associated_data: nil, randomness: randomness)
        let created = try oracle.createForward(request)
        let hops = try SphinxmixVectors.walk(
            created.packet.bytes, secrets: draw.secrets, associatedData: nil, headerLength: nil, bodyLength: 1024)
        let p0 = hops[0].packet_in.bytes, p2 = hops[2].packet_in.bytes
        let s0 = draw.secrets[0], s2 = draw.secrets[2]

        add("gamma: first byte flipped", ["ModifiedMac"], inputs: process(flip(p0, at: alphaLength), secret: s0))
        add(
            "beta: first byte flipped", ["ModifiedRoutingInfo"],
            inputs: process(flip(p0, at: alphaLength + 16), secret: s0))
        add(
            "beta: last byte flipped", ["ModifiedRoutingInfo"], inputs: process(flip(p0, at: headerEnd - 1), secret: s0)
        )
        let otherAlpha = try P224.Scalar(canonical: [7]).timesGenerator().encoded
        add(
            "alpha replaced by 7·G", ["ModifiedAlpha"],
            inputs: process(otherAlpha + Array(p0[alphaLength...]), secret: s0))
        add(
            "alpha with a compressed-point prefix 0x02", ["InvalidAlpha"],
            inputs: process([2] + Array(p0[1...]), secret: s0))
        add(
            "alpha's y coordinate changed: not on the curve", ["InvalidAlpha"],
            inputs: process(flip(p0, at: alphaLength - 1), secret: s0))
        add(
            "alpha all zeros", ["InvalidAlpha"],
            inputs: process(Bytes.zeros(alphaLength) + Array(p0[alphaLength...]), secret: s0))
        add(
            "the same packet a second time", ["Replay"],
            inputs: process(p0, secret: s0, seen: [hops[0].result.replay_tag]))
        add("truncated by one byte", ["Truncated"], inputs: process(Array(p0.dropLast()), secret: s0))
        add("header only", ["Truncated"], inputs: process(Array(p0.prefix(headerEnd)), secret: s0))
        add("one byte appended", ["OversizedPacket"], .acceptable, inputs: process(p0 + [0], secret: s0))
        add(
            "delta: one byte flipped, at the last hop", ["ModifiedPayload"],
            inputs: process(flip(p2, at: headerEnd + 3), secret: s2))
        add("a node secret of zero", ["InvalidNodeKey"], inputs: process(p0, secret: Hex(Bytes.zeros(28))))
        add(
            "a node secret equal to the group order n", ["InvalidNodeKey"],
            inputs: process(
                p0,
                secret: Hex(
                    Bytes(
                        hex:
                            "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d") ?? [])))
        add(
            "a packet given 8 bytes of associated data it was not made with", ["AssociatedDataLength"],
            inputs: process(p0, secret: s0, ad: Hex(Bytes(repeating: 1, count: 8))))

        // Associated data.
        var adDraw = try SphinxmixVectors.Draw(
            label: "sphinxmix/invalid/associated-data", hops: 2, messageLength: 30, associatedLength: 8)
        let adRandomness = try adDraw.forwardRandomness(headerLength: 192, bodyLength: 1024, associatedLength: 8)
        let adCreated = try oracle.createForward(
            CreateForwardRequest(
                route: adDraw.route, delays_ns: [], destination: adDraw.destination, identifier: nil,
                message: adDraw.message,
                payload_size: 1024, version: nil, header_len: nil, associated_data: adDraw.associatedData,
                randomness: adRandomness))
        let ad0 = adDraw.associatedData?[0] ?? Hex([])
        add(
            "associated data with one byte changed", ["WrongAssociatedData"],
            inputs: process(adCreated.packet.bytes, secret: adDraw.secrets[0], ad: Hex(flip(ad0.bytes, at: 0))))
        add(
            "the second hop's associated data given to the first hop", ["WrongAssociatedData"],
            inputs: process(adCreated.packet.bytes, secret: adDraw.secrets[0], ad: adDraw.associatedData?[1]))
        add(
            "associated data missing", ["AssociatedDataLength"],
            inputs: process(adCreated.packet.bytes, secret: adDraw.secrets[0]))

        // A routing command with an unknown flag under a valid MAC.
        let profile = SphinxmixProfile()
        var crafted = try Seeds.random(for: "sphinxmix/invalid/flag")
        let x = try P224.Scalar.random(using: &crafted).bytes
        let alpha = try profile.exponentiate(P224.generator.encoded, by: [x])
        let s = try profile.exponentiate(draw.route[0].public_key.bytes, by: [x])
        let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
        let command: Bytes = [0x91, 0xa2, 0xc3, 0xb3]  // msgpack(["\u{F3}"])
        let plaintext = [UInt8(command.count)] + command + crafted.bytes(160 - 1 - command.count)
        let beta = ByteOps.xor(plaintext, try profile.rho(key: keys.streamCipherKey, length: 160))
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        add(
            "routing command with flag \\xF3 under a valid MAC", ["UnknownFlag"],
            inputs: process(alpha + gamma + beta + crafted.bytes(1024), secret: s0))

        // Creation.
        let seven = try SphinxmixVectors.Draw(label: "sphinxmix/invalid/seven-hops", hops: 7, messageLength: 10)
        let sevenRequest = CreateForwardRequest(
            route: seven.route, delays_ns: [], destination: seven.destination, identifier: nil,
            message: seven.message, payload_size: 1024, version: nil, header_len: nil,
            associated_data: nil,
            randomness: RandomnessJSON(
                initial_secret: randomness.initial_secret,
                final_padding: Hex([])))
        add(
            "seven hops with 8-byte node ids: 6 × 31 + 5 bytes of entries do not fit in a 160-byte beta",
            ["RouteTooLong"], op: "create_forward", inputs: try JSONValue.from(sevenRequest))
        var long = request
        long.message = Hex(Bytes(repeating: 0x4d, count: 1024))
        add(
            "a 1024-byte message in a 1024-byte body", ["MessageTooLong"], op: "create_forward",
            inputs: try JSONValue.from(long))

        // SURBs and replies.
        var surbDraw = try SphinxmixVectors.Draw(label: "sphinxmix/invalid/surb", hops: 3, messageLength: 40)
        let surbRandomness = try surbDraw.surbRandomness(headerLength: 192, associatedLength: 0)
        let surb = try oracle.createSURB(
            CreateSURBRequest(
                route: surbDraw.route, delays_ns: [], destination: surbDraw.destination,
                identifier: nil, version: nil, header_len: nil, associated_data: nil,
                randomness: surbRandomness))
        let surbBytes = surb.surb.bytes
        func use(_ bytes: Bytes) -> JSONValue {
            .object(["surb": .hex(bytes), "message": .hex(surbDraw.message.bytes), "payload_size": .int(1024)])
        }
        add(
            "SURB bytes cut inside k̃", ["MalformedSURB"], op: "use_surb",
            inputs: use(Array(surbBytes.prefix(headerEnd + 8))))
        add(
            "SURB whose first-node command is not a relay command", ["MalformedSURB"], op: "use_surb",
            inputs: use(Array(surbBytes.prefix(headerEnd + 16)) + [0x91, 0xa2, 0xc3, 0xb1]))
        add("an empty SURB", ["MalformedSURB"], op: "use_surb", inputs: use([]))
        let keptKeys = surb.kept_keys ?? []
        let reply = try oracle.useSURB(UseSURBRequest(surb: surb.surb, message: surbDraw.message, payload_size: 1024))
        let replyHops = try SphinxmixVectors.walk(
            reply.packet.bytes, secrets: surbDraw.secrets, associatedData: nil, headerLength: nil, bodyLength: 1024)
        let lastBody = replyHops.last?.result.payload ?? Hex([])
        func open(_ keys: [Hex], _ payload: Hex) -> JSONValue {
            .object([
                "kept_keys": .array(keys.map { .hex($0.bytes) }), "surb_id": .hex(surb.surb_id?.bytes ?? []),
                "payload": .hex(payload.bytes),
            ])
        }
        add(
            "open_reply with only k̃ kept", ["MalformedSURB"], op: "open_reply",
            inputs: open(Array(keptKeys.prefix(1)), lastBody))
        add(
            "open_reply with a 15-byte key", ["MalformedSURB"], op: "open_reply",
            inputs: open([Hex(Array(keptKeys[0].bytes.prefix(15)))] + Array(keptKeys.dropFirst()), lastBody))
        add(
            "a reply whose body was changed in transit, opened", ["TamperedReply"], op: "open_reply",
            inputs: open(keptKeys, Hex(flip(lastBody.bytes, at: 100))))
        add(
            "a reply whose beta was changed in transit, at the first hop", ["TamperedReply"],
            inputs: process(flip(reply.packet.bytes, at: alphaLength + 20), secret: surbDraw.secrets[0]))
        let tamperedKey = try oracle.useSURB(
            UseSURBRequest(surb: Hex(flip(surbBytes, at: headerEnd)), message: surbDraw.message, payload_size: 1024))
        let tamperedHops = try SphinxmixVectors.walk(
            tamperedKey.packet.bytes, secrets: surbDraw.secrets, associatedData: nil, headerLength: nil,
            bodyLength: 1024)
        add(
            "a reply made with a SURB whose k̃ was changed, opened", ["TamperedSURB"], op: "open_reply",
            inputs: open(keptKeys, tamperedHops.last?.result.payload ?? Hex([])))
        let tamperedHeader = try oracle.useSURB(
            UseSURBRequest(
                surb: Hex(flip(surbBytes, at: alphaLength + 2)), message: surbDraw.message, payload_size: 1024))
        add(
            "a reply made with a SURB whose gamma was changed, at the first hop", ["TamperedSURB"],
            inputs: process(tamperedHeader.packet.bytes, secret: surbDraw.secrets[0]))
        return list
    }

    static func file() throws -> InvalidFile {
        let header = [
            "Inputs the sphinxmix profile must reject (invalid) or may reject (acceptable), as oracle requests: run `op` on `inputs` (header_len 192, body_len 1024).",
            "outputs.error is the error this implementation returns (VEC-ERRORS-1); another implementation's names may differ, but it must reject.",
            "For process at a last hop, a body that is not intact counts as rejection named by payload_error.",
            "SPEC.md §4.2, §9.5 and the security chapter.",
        ]
        return try SphinxVectorCheck.invalidFile(
            "sphinxmix-sphinx-invalid", header: header, notes: notes, parameters: SphinxmixVectors.parameters(),
            cases: try cases(),
            profile: oracle)
    }
}

import Foundation
import SphinxSpec

/// The cases of nym/invalid.json, one block per crafted input with its label, flags and
/// expected outcome (a table of cases; the flag notes, the building blocks and the file are in
/// NymInvalid.swift).
extension NymInvalid {
    static func process(_ packet: Bytes, secret: Hex, seen: [Hex]? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["node_secret": .hex(secret.bytes), "packet": .hex(packet)]
        if let seen { object["seen_replay_tags"] = .array(seen.map { .hex($0.bytes) }) }
        return .object(object)
    }

    static func cases() throws -> [Case] {
        let b = try base()
        let p0 = b.packets[0], p2 = b.packets[2]
        let s0 = b.secrets[0], s2 = b.secrets[2]
        let y0 = b.route[0].public_key.bytes
        let header = NymConstants.headerLength
        var cases = CaseList()
        func add(_ comment: String, _ flags: [String], _ inputs: JSONValue) {
            cases.add(comment, flags, .invalid, op: "process", inputs)
        }
        func add(_ comment: String, _ flags: [String], _ result: TestResult, _ inputs: JSONValue) {
            cases.add(comment, flags, result, op: "process", inputs)
        }
        func add(_ comment: String, _ flags: [String], op: String, _ inputs: JSONValue) {
            cases.add(comment, flags, .invalid, op: op, inputs)
        }
        func add(_ comment: String, _ flags: [String], _ result: TestResult, op: String, _ inputs: JSONValue) {
            cases.add(comment, flags, result, op: op, inputs)
        }

        // Header fields changed in transit.
        add("gamma: first bit flipped", ["ModifiedMac"], process(flip(p0, at: 32), secret: s0))
        add("gamma: last byte flipped", ["ModifiedMac"], process(flip(p0, at: 47, mask: 0x80), secret: s0))
        add("beta: first byte flipped", ["ModifiedRoutingInfo"], process(flip(p0, at: 48), secret: s0))
        add("beta: byte 150 flipped", ["ModifiedRoutingInfo"], process(flip(p0, at: 48 + 150, mask: 0x10), secret: s0))
        add("beta: last byte flipped", ["ModifiedRoutingInfo"], process(flip(p0, at: header - 1), secret: s0))
        add("alpha: first byte flipped", ["ModifiedAlpha"], process(flip(p0, at: 0, mask: 0x02), secret: s0))
        add("alpha: byte 17 flipped", ["ModifiedAlpha"], process(flip(p0, at: 17, mask: 0x40), secret: s0))
        add(
            "alpha with bit 255 set: the same point, encoded non-canonically", ["NonCanonicalAlpha"], .acceptable,
            process(flip(p0, at: 31, mask: 0x80), secret: s0))
        add("the packet for hop 0 processed with hop 1's key", ["WrongNode"], process(p0, secret: b.secrets[1]))
        add("the packet for hop 1 processed with hop 0's key", ["WrongNode"], process(b.packets[1], secret: s0))

        // Replay.
        add("the same packet a second time at hop 0", ["Replay"], process(p0, secret: s0, seen: [b.tags[0]]))
        add("the same packet a second time at the last hop", ["Replay"], process(p2, secret: s2, seen: [b.tags[2]]))

        // Lengths.
        add("truncated to the header alone (348 bytes)", ["Truncated"], process(Array(p0.prefix(header)), secret: s0))
        add(
            "truncated to 348 + 32 bytes, one short of the smallest packet", ["Truncated"],
            process(Array(p0.prefix(header + 32)), secret: s0))
        add("truncated to 100 bytes, inside the header", ["Truncated"], process(Array(p0.prefix(100)), secret: s0))
        add("an empty packet", ["Truncated"], process([], secret: s0))
        add(
            "one byte appended, at the first hop (it forwards)", ["OversizedPacket"], .acceptable,
            process(p0 + [0], secret: s0))
        add("one byte appended, at the last hop", ["OversizedPacket"], process(p2 + [0], secret: s2))

        // The payload.
        add(
            "delta: one byte flipped, at the last hop", ["ModifiedPayload"],
            process(flip(p2, at: header + 5), secret: s2))
        let tamperedEarly = try RouteWalk.walk(
            oracle, packet: flip(p0, at: header + 700), nodeSecrets: Array(b.secrets.prefix(2)), associatedData: nil)
        if let arriving = tamperedEarly.last?.result.next_packet {
            add(
                "delta: one byte flipped before hop 0, as the packet arrives at the last hop", ["ModifiedPayload"],
                process(arriving.bytes, secret: s2))
        }
        add(
            "delta: replaced by zeros, at the last hop", ["ModifiedPayload"],
            process(Array(p2.prefix(header)) + Bytes.zeros(p2.count - header), secret: s2))

        // Routing blocks under a valid MAC: a packet crafted for hop 0 whose routing entry has
        // the given flag and version bytes, processed at hop 0.
        func addRoutingBlock(
            _ comment: String, _ flags: [String], _ result: TestResult, label: String, flag: UInt8, version: Bytes
        ) throws {
            let packet = try craftedPacket(
                nodePublicKey: y0, label: "nym/invalid/\(label)", plaintext: routingBlock(flag: flag, version: version))
            add(comment, flags, result, process(packet, secret: s0))
        }
        for (flag, what) in [(UInt8(0x03), "0x03"), (0x00, "0x00"), (0xff, "0xff")] {
            try addRoutingBlock(
                "routing flag \(what) under a valid MAC", ["UnknownFlag"], .invalid, label: "flag-\(what)", flag: flag,
                version: [0, 1, 2])
        }
        try addRoutingBlock(
            "version 260 under a valid MAC", ["UnknownVersion"], .acceptable, label: "version-260", flag: 0x02,
            version: [0, 1, 4])
        try addRoutingBlock(
            "version 65535 in a forward block under a valid MAC", ["UnknownVersion"], .acceptable,
            label: "version-65535", flag: 0x01, version: [0, 0xff, 0xff])
        for (version, bytes) in [(257, Bytes([0, 1, 1])), (1, Bytes([0, 0, 1]))] {
            try addRoutingBlock(
                "legacy version \(version) under a valid MAC", ["LegacyVersion"], .acceptable,
                label: "version-\(version)", flag: 0x02, version: bytes)
        }
        try addRoutingBlock(
            "version field [1, 1, 2]: first byte not zero", ["NonZeroVersionPrefix"], .acceptable,
            label: "version-first-byte", flag: 0x02, version: [1, 1, 2])

        // Small-order alpha.
        let zeroSecret = Bytes.zeros(32)
        for (index, point) in KnownAnswers.smallOrderPoints.enumerated() {
            var random = try Seeds.random(for: "nym/invalid/small-order-\(index)")
            let forged = try packet(
                alpha: point.u.bytes, sharedSecret: zeroSecret,
                plaintext: routingBlock(flag: 0x02, version: [0, 1, 2]),
                payload: random.bytes(NymConstants.defaultPayloadLength))
            add(
                "alpha = \(point.name), gamma valid for the all-zero secret", ["SmallOrderAlpha"], .acceptable,
                process(forged, secret: s0))
        }
        for point in KnownAnswers.smallOrderPoints.prefix(7) {
            add(
                "alpha = \(point.name), gamma of the original packet", ["SmallOrderAlpha"],
                process(point.u.bytes + Array(p0[32...]), secret: s0))
        }
        add("a 31-byte node secret", ["WrongLength"], process(p0, secret: Hex(Array(s0.bytes.prefix(31)))))

        // Creation.
        let request = try JSONValue.from(b.forwardRequest)
        func creation(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var object) = request else { return request }
            change(&object)
            return .object(object)
        }
        let six = try NymVectors.Draw(label: "nym/invalid/six-hops", hops: 6, messageLength: 10)
        add(
            "six hops", ["RouteTooLong"], op: "create_forward",
            creation {
                $0["route"] = try? JSONValue.from(six.route)
                $0["delays_ns"] = .array(Array(repeating: .int(1), count: 6))
            })
        add(
            "no hops", ["RouteEmpty"], op: "create_forward",
            creation {
                $0["route"] = .array([])
                $0["delays_ns"] = .array([])
            })
        add(
            "a message of payload size − 16 bytes", ["MessageTooLong"], op: "create_forward",
            creation {
                $0["message"] = .hex(Bytes(repeating: 0x4d, count: NymConstants.defaultPayloadLength - 16))
            })
        add(
            "payload size 32", ["PayloadTooSmall"], op: "create_forward",
            creation {
                $0["payload_size"] = .int(32)
                $0["message"] = .hex([])
            })
        add(
            "two delays for three hops", ["MismatchedDelays"], op: "create_forward",
            creation {
                $0["delays_ns"] = .array([.int(1), .int(2)])
            })
        add(
            "the second hop's public key is 0 (small order)", ["SmallOrderNodeKey"], op: "create_forward",
            creation {
                if case .array(var route) = $0["route"], case .object(var node) = route[1] {
                    node["public_key"] = .hex(Bytes.zeros(32))
                    route[1] = .object(node)
                    $0["route"] = .array(route)
                }
            })
        add(
            "a final padding one byte short", ["WrongLength"], op: "create_forward",
            creation {
                if case .object(var randomness) = $0["randomness"],
                    case .string(let padding)? = randomness["final_padding"]
                {
                    randomness["final_padding"] = .string(String(padding.dropLast(2)))
                    $0["randomness"] = .object(randomness)
                }
            })
        add(
            "a 31-byte hop address", ["WrongLength"], op: "create_forward",
            creation {
                if case .array(var route) = $0["route"], case .object(var node) = route[0] {
                    node["address"] = .hex(Bytes(repeating: 1, count: 31))
                    route[0] = .object(node)
                    $0["route"] = .array(route)
                }
            })
        add(
            "creating a legacy version 257 packet", ["LegacyVersion"], .acceptable, op: "create_forward",
            creation {
                $0["version"] = .int(257)
            })

        // SURBs.
        let surbDraw = try NymVectors.Draw(label: "nym/invalid/surb", hops: 3, messageLength: 64)
        let surbRequest = CreateSURBRequest(
            route: surbDraw.route, delays_ns: NymVectors.defaultDelays(3),
            destination: surbDraw.destination, identifier: surbDraw.identifier,
            version: 259, associated_data: nil, randomness: surbDraw.randomness)
        let surb = try oracle.createSURB(surbRequest).surb.bytes
        func useSURB(_ bytes: Bytes) -> JSONValue {
            .object(["surb": .hex(bytes), "message": .hex(surbDraw.message.bytes), "payload_size": .int(1024)])
        }
        let addressEnd = header + 32
        add(
            "SURB bytes cut to 379 bytes (no address end, no keys)", ["MalformedSURB"], op: "use_surb",
            useSURB(Array(surb.prefix(379))))
        add(
            "SURB bytes without key material", ["MalformedSURB"], op: "use_surb",
            useSURB(Array(surb.prefix(addressEnd))))
        add(
            "SURB key material of 100 bytes", ["MalformedSURB"], op: "use_surb",
            useSURB(Array(surb.prefix(addressEnd)) + Bytes(repeating: 7, count: 100)))
        add("an empty SURB", ["MalformedSURB"], op: "use_surb", useSURB([]))
        add(
            "SURB with six 16-byte seeds", ["TooManySURBKeys"], .acceptable, op: "use_surb",
            useSURB(Array(surb.prefix(addressEnd)) + Bytes(repeating: 9, count: 96)))
        add(
            "SURB with six 192-byte keys", ["TooManySURBKeys"], .acceptable, op: "use_surb",
            useSURB(Array(surb.prefix(addressEnd)) + Bytes(repeating: 9, count: 6 * 192)))

        let tamperedHeader = try oracle.useSURB(
            UseSURBRequest(surb: Hex(flip(surb, at: 40)), message: surbDraw.message, payload_size: 1024))
        add(
            "a reply made from a SURB whose gamma was changed, at the first hop", ["TamperedSURB"],
            process(tamperedHeader.packet.bytes, secret: surbDraw.secrets[0]))
        let tamperedKeys = try oracle.useSURB(
            UseSURBRequest(surb: Hex(flip(surb, at: addressEnd)), message: surbDraw.message, payload_size: 1024))
        let keysWalk = try RouteWalk.walk(
            oracle, packet: tamperedKeys.packet.bytes, nodeSecrets: Array(surbDraw.secrets.prefix(2)),
            associatedData: nil)
        if let arriving = keysWalk.last?.result.next_packet {
            add(
                "a reply made from a SURB whose first key seed was changed, at the last hop", ["TamperedSURB"],
                process(arriving.bytes, secret: surbDraw.secrets[2]))
        }
        let reply = try oracle.useSURB(UseSURBRequest(surb: Hex(surb), message: surbDraw.message, payload_size: 1024))
        let replyWalk = try RouteWalk.walk(
            oracle, packet: reply.packet.bytes, nodeSecrets: surbDraw.secrets, associatedData: nil)
        add(
            "a reply whose beta was changed in transit, at the first hop", ["TamperedReply"],
            process(flip(reply.packet.bytes, at: 100), secret: surbDraw.secrets[0]))
        if let last = replyWalk.last {
            add(
                "a reply whose delta was changed in transit, at the last hop", ["TamperedReply"],
                process(flip(last.packet_in.bytes, at: header + 40), secret: surbDraw.secrets[2]))
        }
        return cases.items
    }
}

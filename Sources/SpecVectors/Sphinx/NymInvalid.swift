import Foundation
import SphinxSpec

/// nym/invalid.json: packets, requests and SURBs every implementation must reject, or may
/// reject (`acceptable`), each with the error ours returns.
enum NymInvalid {
    static let oracle = NymOracle()
    static let profile = NymSphinx.profile

    static let notes: [String: FlagNote] = [
        "ModifiedMac": FlagNote(
            bugType: .authBypass, description: "gamma changed: the header MAC must fail (headerMACMismatch)."),
        "ModifiedRoutingInfo": FlagNote(
            bugType: .authBypass, description: "beta changed: the header MAC over beta must fail (headerMACMismatch)."),
        "ModifiedAlpha": FlagNote(
            bugType: .authBypass,
            description: "alpha changed: the shared secret and so every key change, and the MAC fails."),
        "NonCanonicalAlpha": FlagNote(
            bugType: .malleability,
            description:
                "alpha with bit 255 set is the same X25519 point (RFC 7748 §5 masks the bit), so the packet processes exactly like the original, with the same replay tag. We and the crate accept it; rejecting non-canonical encodings is also reasonable, hence acceptable. The replay cache still catches both copies."
        ),
        "WrongNode": FlagNote(
            bugType: .authBypass, description: "A packet processed with another node's key: the MAC fails."),
        "Replay": FlagNote(
            bugType: .missingStep,
            description: "The packet's replay tag h_tau is already in the node's cache (seen_replay_tags): replayedTag."
        ),
        "Truncated": FlagNote(
            bugType: .functionality,
            description:
                "Fewer bytes than a header and the smallest payload (348 + 33): invalidPacketLength, not a crash."),
        "OversizedPacket": FlagNote(
            bugType: .functionality,
            description:
                "One byte more than the packet that was made. The header still verifies (its MAC covers beta only) and the payload is simply longer, so a mix forwards it (acceptable: Nym's framing rejects unknown packet sizes before Sphinx sees them); at the last hop the payload is garbage and the message check fails."
        ),
        "ModifiedPayload": FlagNote(
            bugType: .malleability,
            description:
                "delta changed: no hop notices (the header MAC does not cover it), but the last hop's payload check fails (payloadZeroPrefixMissing)."
        ),
        "UnknownFlag": FlagNote(
            bugType: .functionality,
            description:
                "A routing block with a flag other than 0x01 (forward) and 0x02 (final), under a valid MAC: unknownRoutingFlag."
        ),
        "UnknownVersion": FlagNote(
            bugType: .defined,
            description:
                "A routing block naming a version that sphinx-packet 0.6.0 does not define, under a valid MAC. This implementation rejects it (unknownVersion, SPEC.md NYM-DEV-2); the crate does not check: it derives the payload key of any version other than 1, 257 and 258 as for 259 and processes the packet. Acceptable."
        ),
        "LegacyVersion": FlagNote(
            bugType: .defined,
            description:
                "Versions 1 and 257 are the crate's legacy formats (unclamped blinding, 192-byte key); sphinx-packet 0.6.0 still processes them, this implementation does not (unknownVersion). Acceptable: an implementation may support them."
        ),
        "NonZeroVersionPrefix": FlagNote(
            bugType: .defined,
            description:
                "The version field is [0, hi, lo]. This implementation rejects a non-zero first byte (malformedRoutingEntry); sphinx-packet's Version::from_bytes (src/version.rs) only debug-asserts it and, in a release build, reads [1, 1, 2] as version 258. Acceptable."
        ),
        "SmallOrderAlpha": FlagNote(
            bugType: .missingStep,
            description:
                "alpha is a point of small order, so X25519 gives the all-zero secret for every node key. With gamma computed from that zero secret anyone can forge the packet: this implementation rejects it (smallOrderGroupElement); sphinx-packet 0.6.0 does not check and processes it, hence acceptable (SPEC.md security-sphinx). With a random gamma both reject."
        ),
        "WrongLength": FlagNote(
            bugType: .functionality,
            description: "A fixed-length input (key, address, padding) of the wrong length: invalidInputLength."),
        "RouteTooLong": FlagNote(
            bugType: .functionality, description: "More hops than the profile allows (5): routeTooLong."),
        "RouteEmpty": FlagNote(bugType: .functionality, description: "A route without hops: routeEmpty."),
        "MessageTooLong": FlagNote(
            bugType: .functionality, description: "A message longer than payload size − 17: messageTooLong."),
        "PayloadTooSmall": FlagNote(
            bugType: .functionality,
            description: "A payload size below the minimum (33 bytes, LIONESS needs more than 32): payloadSizeTooSmall."
        ),
        "MismatchedDelays": FlagNote(
            bugType: .functionality, description: "A different number of delays than hops: mismatchedRouteInputs."),
        "SmallOrderNodeKey": FlagNote(
            bugType: .missingStep,
            description:
                "A node public key of small order: the shared secret would be all zeros; creation fails (smallOrderGroupElement)."
        ),
        "MalformedSURB": FlagNote(
            bugType: .functionality,
            description:
                "SURB bytes that cannot be parsed (too short, key material not a whole number of keys or seeds): malformedSURB."
        ),
        "TooManySURBKeys": FlagNote(
            bugType: .defined,
            description:
                "SURB key material for more than 5 hops. The crate parses any number of keys; we reject it (malformedSURB) because no valid route has that many hops. Acceptable."
        ),
        "TamperedSURB": FlagNote(
            bugType: .authBypass,
            description:
                "A reply built from a SURB whose header or keys were changed: the first hop's MAC fails, or the last hop's payload check does."
        ),
        "TamperedReply": FlagNote(
            bugType: .authBypass,
            description: "A reply packet changed in transit: its header MAC or its payload check fails."),
    ]

    // MARK: Building blocks

    struct Base {
        var route: [RouteNodeJSON]
        var secrets: [Hex]
        var packets: [Bytes]  // the packet as it arrives at hop 0, 1, 2
        var tags: [Hex]
        var forwardRequest: CreateForwardRequest
    }

    static func base() throws -> Base {
        let label = "nym/invalid/base"
        let draw = try NymVectors.Draw(label: label, hops: 3, messageLength: 100)
        let request = CreateForwardRequest(
            route: draw.route, delays_ns: NymVectors.defaultDelays(3), destination: draw.destination,
            identifier: draw.identifier, message: draw.message, payload_size: NymConstants.defaultPayloadLength,
            version: 258, associated_data: nil, randomness: draw.randomness)
        let created = try oracle.createForward(request)
        let hops = try RouteWalk.walk(
            oracle, packet: created.packet.bytes, nodeSecrets: draw.secrets, associatedData: nil)
        return Base(
            route: draw.route, secrets: draw.secrets, packets: hops.map(\.packet_in.bytes),
            tags: hops.map(\.result.replay_tag), forwardRequest: request)
    }

    static func flip(_ bytes: Bytes, at index: Int, mask: UInt8 = 0x01) -> Bytes {
        var out = bytes
        out[index] ^= mask
        return out
    }

    /// A one-hop header for node key `y` whose routing block decrypts to `plaintext`, under a
    /// MAC that verifies: built by hand so that the only fault is the one in the plaintext.
    static func craftedPacket(nodePublicKey y: Bytes, label: String, plaintext: Bytes) throws -> Bytes {
        var random = try Seeds.random(for: label)
        let x = random.bytes(32)
        let alpha = try X25519.publicKey(secret: x)
        let s = try X25519.scalarMult(scalar: x, point: y)
        return try packet(
            alpha: alpha, sharedSecret: s, plaintext: plaintext,
            payload: random.bytes(NymConstants.defaultPayloadLength))
    }

    /// α ‖ γ ‖ β ‖ δ with β = plaintext ⊕ ρ(h_ρ(s)) and γ = μ(h_μ(s), β).
    static func packet(alpha: Bytes, sharedSecret s: Bytes, plaintext: Bytes, payload: Bytes) throws -> Bytes {
        let keys = try NymHopKeys(sharedSecret: s)
        let stream = try profile.rho(key: keys.streamCipherKey, length: NymConstants.routingInfoLength)
        let beta = ByteOps.xor(plaintext, stream)
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        return alpha + gamma + beta + payload
    }

    /// A final routing block (flag, version, destination, identifier) padded to |β| with `fill`.
    static func routingBlock(flag: UInt8, version: Bytes, fill: UInt8 = 0x5a) -> Bytes {
        let entry = [flag] + version + Bytes(repeating: 0xdd, count: 32) + Bytes(repeating: 0x1d, count: 16)
        return entry + Bytes(repeating: fill, count: NymConstants.routingInfoLength - entry.count)
    }

    // MARK: The cases

    typealias Case = InvalidCase

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

        // Routing blocks under a valid MAC.
        for (flag, what) in [(UInt8(0x03), "0x03"), (0x00, "0x00"), (0xff, "0xff")] {
            let packet = try craftedPacket(
                nodePublicKey: y0, label: "nym/invalid/flag-\(what)",
                plaintext: routingBlock(flag: flag, version: [0, 1, 2]))
            add("routing flag \(what) under a valid MAC", ["UnknownFlag"], process(packet, secret: s0))
        }
        let v260 = try craftedPacket(
            nodePublicKey: y0, label: "nym/invalid/version-260",
            plaintext: routingBlock(flag: 0x02, version: [0, 1, 4]))
        add("version 260 under a valid MAC", ["UnknownVersion"], .acceptable, process(v260, secret: s0))
        let v65535 = try craftedPacket(
            nodePublicKey: y0, label: "nym/invalid/version-65535",
            plaintext: routingBlock(flag: 0x01, version: [0, 0xff, 0xff]))
        add(
            "version 65535 in a forward block under a valid MAC", ["UnknownVersion"], .acceptable,
            process(v65535, secret: s0))
        for (version, bytes) in [(257, Bytes([0, 1, 1])), (1, Bytes([0, 0, 1]))] {
            let packet = try craftedPacket(
                nodePublicKey: y0, label: "nym/invalid/version-\(version)",
                plaintext: routingBlock(flag: 0x02, version: bytes))
            add(
                "legacy version \(version) under a valid MAC", ["LegacyVersion"], .acceptable,
                process(packet, secret: s0))
        }
        let badVersion = try craftedPacket(
            nodePublicKey: y0, label: "nym/invalid/version-first-byte",
            plaintext: routingBlock(flag: 0x02, version: [1, 1, 2]))
        add(
            "version field [1, 1, 2]: first byte not zero", ["NonZeroVersionPrefix"], .acceptable,
            process(badVersion, secret: s0))

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

    struct CaseList {
        var items: [Case] = []
        mutating func add(_ comment: String, _ flags: [String], _ result: TestResult, op: String, _ inputs: JSONValue) {
            items.append(Case(comment: comment, flags: flags, result: result, op: op, inputs: inputs))
        }
    }

    static func file() throws -> InvalidFile {
        let tests = try SphinxVectorCheck.invalidTests(try cases(), profile: oracle)
        let header = [
            "Inputs the nym profile must reject (invalid) or may reject (acceptable), as oracle requests: run `op` on `inputs`.",
            "outputs.error is the error this implementation returns (VEC-ERRORS-1); another implementation's names may differ, but it must reject.",
            "For process at a last hop, a payload that is not intact counts as rejection named by payload_error.",
            "Acceptable tests record our outcome: an error, or the full response when we accept.",
            "SPEC.md §4.1, §9.5 and the security chapter.",
        ]
        let used = Set(tests.flatMap(\.flags))
        return InvalidFile(
            algorithm: "nym-sphinx-invalid", schema: "sphinx-invalid.schema.json", header: header,
            notes: notes.filter { used.contains($0.key) },
            testGroups: [SphinxGroup(parameters: NymVectors.parameters(version: nil), tests: tests)])
    }
}

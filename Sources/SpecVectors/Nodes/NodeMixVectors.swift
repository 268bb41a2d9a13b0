import Foundation
import LoopixSpec
import SphinxSpec

/// `loopix/node_mix.json`: one mix, timed packets in, timed forwards and drops out.
///
/// SPEC.md [VEC-NODE-MIX-1]: the mix under test is mix (1, 0); the packets are made by the nym
/// profile's `create_forward` with explicit randomness and chosen header delays. A test draws
/// from DeterministicRandom(SHA-256(seedLabel)), in this order: the secret of mix (1, 0), of
/// mix (2, 0) and of gateway 0 (32 bytes each; public keys X25519(x, 9)); then for each made
/// packet, in input order, its message (64 bytes), x (32) and the final padding
/// (300 − 60·(ν−1) − 52). Packets carry a 2065-byte payload (Nym's regular packets); a
/// forward route is mix (1, 0) → mix (2, 0) → gateway 0 with delays (d, 20 ms, 0) and
/// destination client (0, 0).
enum NodeMixVectors {
    static let path = "loopix/node_mix.json"
    static let schema = "loopix-node-mix.schema.json"
    static let millisecond: UInt64 = 1_000_000
    static let second: UInt64 = 1_000_000_000

    /// Where a made packet goes.
    enum Shape {
        /// mix (1, 0) → mix (2, 0) → gateway 0, to client (0, 0).
        case forward
        /// One hop, addressed to mix (1, 0) itself: its own loop, back.
        case ownLoop
        /// One hop, addressed to gateway 0: a final hop a mix does not expect.
        case finalElsewhere
        /// mix (1, 0) → an address that is not a node (32 bytes of 0xee).
        case nextNotANode
        /// A packet whose first hop is mix (2, 0), delivered to mix (1, 0).
        case otherMix
    }

    /// The packets of one test and the requests that made them.
    struct Maker {
        var random: DeterministicRandom
        let secret: Bytes
        let me: NymRouteNode
        let next: NymRouteNode
        let gateway: NymRouteNode
        var inputs: [MixInputJSON] = []
        var sources: [PacketSourceJSON] = []

        init(label: String) throws {
            random = try Seeds.random(for: label)
            let secrets = [random.bytes(32), random.bytes(32), random.bytes(32)]
            secret = secrets[0]
            let addresses: [NodeAddress] = [.mix(layer: 1, index: 0), .mix(layer: 2, index: 0), .gateway(index: 0)]
            let nodes = try zip(addresses, secrets).map { address, secret in
                try NymRouteNode(address: address.nymNodeAddress, publicKey: try X25519.publicKey(secret: secret))
            }
            (me, next, gateway) = (nodes[0], nodes[1], nodes[2])
        }

        /// Makes a packet with the nym profile and appends it as the next input.
        /// With `change`, the packet is delivered with one byte changed (`xor_byte`) or cut (`truncate`).
        mutating func make(
            _ shape: Shape, delay: UInt64, at time: UInt64, version: NymVersion = .explicitPayloadKeys,
            change: String? = nil, offset: Int? = nil, length: Int? = nil
        ) throws {
            let client = NodeAddress.client(index: 0, gateway: 0).bytes
            let (route, delays, destination): ([NymRouteNode], [UInt64], Bytes)
            switch shape {
            case .forward: (route, delays, destination) = ([me, next, gateway], [delay, 20 * millisecond, 0], client)
            case .ownLoop: (route, delays, destination) = ([me], [0], me.address.bytes)
            case .finalElsewhere: (route, delays, destination) = ([me], [0], gateway.address.bytes)
            case .nextNotANode:
                let bogus = try NymRouteNode(
                    address: try NymNodeAddress(Bytes(repeating: 0xee, count: 32)), publicKey: next.publicKey)
                (route, delays, destination) = ([me, bogus], [delay, 0], client)
            case .otherMix: (route, delays, destination) = ([next, gateway], [delay, 0], client)
            }
            let message = random.bytes(64)
            let drawn = NymPacketRandomness.draw(hops: route.count, from: &random)
            let request = CreateForwardRequest(
                route: route.map { RouteNodeJSON(address: Hex($0.address.bytes), public_key: Hex($0.publicKey)) },
                delays_ns: delays, destination: Hex(destination),
                identifier: Hex(.zeros(NymConstants.identifierLength)),
                message: Hex(message), payload_size: NymNodeConstants.regularPayloadLength,
                version: Int(version.rawValue),
                header_len: nil, associated_data: nil,
                randomness: RandomnessJSON(
                    initial_secret: Hex(drawn.initialSecret), final_padding: Hex(drawn.finalPadding)))
            let packet = try NymOracle().createForward(request).packet.bytes
            sources.append(
                PacketSourceJSON(
                    input: inputs.count, create_forward: request, change: change, offset: offset, length: length))
            inputs.append(
                MixInputJSON(time_ns: time, packet: Hex(Self.apply(change, offset: offset, length: length, to: packet)))
            )
        }

        /// Appends a change of input `j` as the next input.
        mutating func derive(from j: Int, _ change: String, offset: Int? = nil, length: Int? = nil, at time: UInt64) {
            let bytes = Self.apply(change, offset: offset, length: length, to: inputs[j].packet.bytes)
            sources.append(
                PacketSourceJSON(input: inputs.count, from_input: j, change: change, offset: offset, length: length))
            inputs.append(MixInputJSON(time_ns: time, packet: Hex(bytes)))
        }

        /// `xor_byte`: the byte at `offset` XOR 0x01; `truncate`: the first `length` bytes;
        /// `first_hop`: the first |prefix| bytes replaced by `prefix`; otherwise (`replay`, none) the same bytes.
        static func apply(
            _ change: String?, offset: Int?, length: Int?, prefix: Bytes? = nil, to packet: Bytes
        ) -> Bytes {
            var bytes = packet
            switch change {
            case "xor_byte": if let offset, bytes.indices.contains(offset) { bytes[offset] ^= 0x01 }
            case "truncate": if let length { bytes = Array(bytes.prefix(length)) }
            case "first_hop": if let prefix { bytes = prefix + bytes.dropFirst(prefix.count) }
            default: break
            }
            return bytes
        }

        func test(
            _ id: Int, _ label: String, _ comment: String, flags: [String], maximumDelay: UInt64? = nil
        ) throws -> MixNodeTest {
            let request = MixNodeRequest(
                node_secret: Hex(secret), address: Hex(me.address.bytes), maximum_delay_ns: maximumDelay, inputs: inputs
            )
            return MixNodeTest(
                tcId: id, comment: comment, flags: flags, result: .valid, source: "generated", seedLabel: label,
                seed: Hex(Seeds.seed(for: label)), inputs: MixNodeInputs(mix_node: request, packets: sources),
                outputs: MixNodeOutputs(mix_node: try NodeOracle.mixNode(request)))
        }
    }

    static func file() throws -> VectorFile<NodeGroup<MixNodeTest>> {
        let ms = millisecond
        var tests: [MixNodeTest] = []
        func label(_ id: Int) -> String { "loopix/node_mix/tc\(id)" }

        var m = try Maker(label: label(1))
        for (time, delay) in [(0, 30), (5, 10), (10, 0), (12, 3)] {
            try m.make(.forward, delay: UInt64(delay) * ms, at: UInt64(time) * ms)
        }
        tests.append(
            try m.test(
                1, label(1),
                "Four packets leave at arrival + header delay, reordered; inputs 1 and 3 leave at the same time, in "
                    + "input order",
                flags: ["HeaderDelay", "ZeroDelay", "EqualDepartures"]))

        m = try Maker(label: label(2))
        try m.make(.forward, delay: 0, at: second)
        try m.make(.forward, delay: 10 * second, at: second)
        try m.make(.forward, delay: 10 * second + 1, at: second)
        try m.make(.forward, delay: .max, at: 2 * second)
        tests.append(
            try m.test(
                2, label(2),
                "A delay of 0, the largest allowed delay (10 s), and two longer ones clamped to 10 s (10 s + 1 ns, "
                    + "2^64 − 1 ns)",
                flags: ["ZeroDelay", "LargestDelay", "ClampedDelay"]))

        m = try Maker(label: label(3))
        for delay in [5, 5, 0] { try m.make(.forward, delay: UInt64(delay) * ms, at: 100 * ms) }
        tests.append(
            try m.test(
                3, label(3),
                "Three packets arrive at one time; the zero-delay one leaves first, the other two in input order",
                flags: ["EqualArrivals", "ZeroDelay", "EqualDepartures"]))

        m = try Maker(label: label(4))
        try m.make(.forward, delay: 20 * ms, at: 0)
        m.derive(from: 0, "replay", at: 0)
        m.derive(from: 0, "replay", at: 1 * ms)
        m.derive(from: 0, "replay", at: 50 * ms)
        tests.append(
            try m.test(
                4, label(4),
                "A packet and three replays: at the same time, while it is held, after it left; each replay is dropped",
                flags: ["Replay", "EqualArrivals"]))

        m = try Maker(label: label(5))
        try m.make(.forward, delay: 10 * ms, at: 0, change: "xor_byte", offset: 40)
        try m.make(.forward, delay: 10 * ms, at: 1 * ms, change: "xor_byte", offset: 100)
        try m.make(.forward, delay: 10 * ms, at: 2 * ms, change: "xor_byte", offset: 0)
        try m.make(.forward, delay: 10 * ms, at: 3 * ms, change: "truncate", length: 300)
        try m.make(.forward, delay: 10 * ms, at: 4 * ms, change: "truncate", length: 0)
        m.derive(from: 0, "xor_byte", offset: 40, at: 5 * ms)
        tests.append(
            try m.test(
                5, label(5),
                "Packets delivered with a byte of γ, β or α changed (headerMACMismatch) or cut to 300 bytes or to "
                    + "nothing (invalidPacketLength); input 5 changes input 0's byte back, so it is the packet as "
                    + "made: it passes, since a packet that failed recorded no tag",
                flags: ["Tampered", "Truncated"]))

        m = try Maker(label: label(6))
        try m.make(.forward, delay: 7 * ms, at: 0, change: "xor_byte", offset: 1000)
        try m.make(.forward, delay: 3 * ms, at: 1 * ms)
        tests.append(
            try m.test(
                6, label(6),
                "A packet whose payload δ was changed in transit: a mix cannot tell (only the header is authenticated) "
                    + "and forwards it at its delay",
                flags: ["PayloadNotChecked", "HeaderDelay"]))

        m = try Maker(label: label(7))
        try m.make(.ownLoop, delay: 0, at: 0)
        try m.make(.finalElsewhere, delay: 0, at: 1 * ms)
        try m.make(.nextNotANode, delay: 5 * ms, at: 2 * ms)
        try m.make(.otherMix, delay: 5 * ms, at: 3 * ms)
        tests.append(
            try m.test(
                7, label(7),
                "A final hop addressed to this mix (its own loop, back), one addressed to a gateway "
                    + "(unexpectedFinalHop), a next hop that is not a node address (malformedRoutingEntry), and a "
                    + "packet made for another mix (headerMACMismatch)",
                flags: ["FinalHop", "WrongNode"]))

        m = try Maker(label: label(8))
        try m.make(.forward, delay: 15 * ms, at: 0, version: .payloadKeySeeds)
        try m.make(.forward, delay: 5 * ms, at: 1 * ms, version: .payloadKeySeeds)
        tests.append(
            try m.test(
                8, label(8), "Version 259 packets (the crate's current format) are forwarded the same way",
                flags: ["Version259", "HeaderDelay"]))

        m = try Maker(label: label(9))
        try m.make(.forward, delay: ms / 2, at: 0)
        try m.make(.forward, delay: 5 * ms, at: 0)
        tests.append(
            try m.test(
                9, label(9), "A request's own maximum delay (1 ms): 0.5 ms is kept, 5 ms is clamped to 1 ms",
                flags: ["ClampedDelay", "EqualArrivals"], maximumDelay: ms))

        let group = NodeGroup(type: "MixNode", op: "mix_node", behaviour: "nym", tests: tests)
        return VectorFile(
            algorithm: "LOOPIX-NODE-MIX", schema: schema,
            header: [
                "A Loopix mix (SPEC.md §8.11, LOOPIX-NODE-MIX-3, -4) over timed packet arrivals: each test is one "
                    + "mix_node request (inputs.mix_node) and its response (outputs.mix_node), SPEC.md §9.6.",
                "A forwarded packet leaves at its arrival time + min(the delay in its header, the maximum delay), to "
                    + "the next address; events are ordered by (time_ns, input).",
                "inputs.packets says how each input was made: the nym create_forward request (every random byte "
                    + "included), or a change of an earlier input.",
            ],
            notes: allNotes, testGroups: [group])
    }

    static let allNotes: [String: FlagNote] = [
        "HeaderDelay": FlagNote(
            bugType: .basic,
            description:
                "The mix holds each packet for exactly the delay the sender wrote into its header, so outputs can "
                + "leave in another order than they came."
        ),
        "ZeroDelay": FlagNote(
            bugType: .edgeCase, description: "A header delay of 0: the packet leaves at its arrival time."),
        "LargestDelay": FlagNote(
            bugType: .edgeCase,
            description:
                "A header delay equal to the maximum delay (10 s, nym-node's DEFAULT_MAXIMUM_FORWARD_PACKET_DELAY): "
                + "not clamped."
        ),
        "ClampedDelay": FlagNote(
            bugType: .edgeCase,
            description:
                "A header delay above the maximum delay is clamped to it "
                + "(nym-node/src/node/mixnet/handler.rs:125-137); the time must not overflow."
        ),
        "EqualArrivals": FlagNote(
            bugType: .defined, description: "Inputs with equal arrival times are processed in input order."),
        "EqualDepartures": FlagNote(
            bugType: .defined, description: "Packets due at one time leave in input order (LOOPIX-NODE-MIX-4)."),
        "Replay": FlagNote(
            bugType: .missingStep,
            description:
                "A packet whose replay tag was seen is dropped as replayedTag, whenever it comes (REPLAY-CHECK-1)."),
        "Tampered": FlagNote(
            bugType: .malleability,
            description:
                "A packet changed in its header fails the header MAC and is dropped; a packet that fails records no "
                + "replay tag."
        ),
        "Truncated": FlagNote(
            bugType: .functionality,
            description: "A packet too short to hold a header and a payload is dropped as invalidPacketLength."),
        "PayloadNotChecked": FlagNote(
            bugType: .defined,
            description:
                "Sphinx authenticates the header only: a changed payload passes a mix and is caught (or not) at the "
                + "last hop."
        ),
        "FinalHop": FlagNote(
            bugType: .defined,
            description:
                "A final hop at a mix is its own loop (final) or dropped (unexpectedFinalHop); a next hop that is not "
                + "a node address is dropped (malformedRoutingEntry)."
        ),
        "WrongNode": FlagNote(
            bugType: .authBypass, description: "A packet made for another node fails the header MAC."),
        "Version259": FlagNote(
            bugType: .basic, description: "Packets of version 259 (payload key seeds) rather than 258."),
    ]
}

import Foundation
import LoopixSpec
import SphinxSpec
import Testing

@testable import SpecVectors

/// The node ops of the oracle (SPEC.md §9.6, ORACLE-NODE-MIX-1, ORACLE-NODE-GATEWAY-1,
/// ORACLE-NODE-CLIENT-1), driven through JSON request lines as another implementation would.
/// Expected times and addresses come from what the test chose when it made the packets (the
/// delays it wrote, the route it picked), not from the op.
@Suite struct NodeOracleTests {
    static let ms: UInt64 = 1_000_000

    /// Sends one request object through the oracle's line interface.
    static func ask(_ request: [String: JSONValue]) -> [String: JSONValue] {
        guard let data = try? DeterministicJSON.encodeLine(JSONValue.object(request)),
            case .object(let answer) = Oracle().respond(to: String(decoding: data, as: UTF8.self))
        else { return ["error": .string("test: no object")] }
        return answer
    }

    static func events(_ answer: [String: JSONValue]) throws -> [NodeEventJSON] {
        try JSONValue.object(answer).decode(NodeResponse.self).events
    }

    static func error(_ answer: [String: JSONValue]) -> String? {
        if case .string(let name)? = answer["error"] { return name }
        return nil
    }

    /// A network of three mixes (layers 0, 1, 2) and gateway 0 with fixed secrets.
    struct Keys {
        let secrets: [Bytes]
        let nodes: [NymRouteNode]
        init() throws {
            var random = try DeterministicRandom(seed: Bytes(repeating: 0x5a, count: 32))
            secrets = (0..<4).map { _ in random.bytes(32) }
            let addresses: [NodeAddress] = [
                .mix(layer: 0, index: 0), .mix(layer: 1, index: 0), .mix(layer: 2, index: 0), .gateway(index: 0),
            ]
            nodes = try zip(addresses, secrets).map {
                try NymRouteNode(address: $0.nymNodeAddress, publicKey: try X25519.publicKey(secret: $1))
            }
        }
    }

    static func mixRequest(secret: Bytes, address: NodeAddress, inputs: [(UInt64, Bytes)]) -> [String: JSONValue] {
        [
            "op": .string("mix_node"), "profile": .string("nym"), "node_secret": .hex(secret),
            "address": .hex(address.bytes),
            "inputs": .array(inputs.map { .object(["time_ns": .uint($0.0), "packet": .hex($0.1)]) }),
        ]
    }

    /// Packets made by the nym profile cross three mix_node ops hop by hop: each leaves every mix
    /// exactly at its arrival + the delay the sender chose for that hop, to the next hop's
    /// address; replays at the first and second mix are dropped; the gateway recovers each message.
    @Test func mixNodeCarriesNymPacketsHopByHop() throws {
        let keys = try Keys()
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x33, count: 32))
        let chosen: [[UInt64]] = [[30, 5, 0], [10, 10, 10], [0, 0, 0], [10_000, 1, 2], [12_000, 0, 7]]
        let arrivals: [UInt64] = [0, 1, 1, 2, 3]
        var packets: [Bytes] = []
        var messages: [Bytes] = []
        for delays in chosen {
            let message = random.bytes(40)
            let packet = try NymSphinx.createForwardPacket(
                route: keys.nodes,
                delays: delays.map { NymDelay(nanoseconds: $0 * Self.ms) } + [NymDelay(nanoseconds: 0)],
                destination: NodeAddress.client(index: 0, gateway: 0).nymDestination, message: message,
                payloadLength: NymNodeConstants.regularPayloadLength, version: .explicitPayloadKeys, random: &random)
            packets.append(packet.bytes)
            messages.append(message)
        }
        // Hop 0: the packets, and a replay of packet 1 arriving later.
        var arriving: [(time: UInt64, bytes: Bytes, packet: Int?)] = zip(arrivals, packets).enumerated().map {
            ($1.0 * Self.ms, $1.1, $0)
        }
        arriving.append((4 * Self.ms, packets[1], nil))
        for hop in 0..<3 {
            let answer = Self.ask(
                Self.mixRequest(
                    secret: keys.secrets[hop], address: try NodeAddress(bytes: keys.nodes[hop].address.bytes),
                    inputs: arriving.map { ($0.time, $0.bytes) }))
            let events = try Self.events(answer)
            #expect(events.count == arriving.count)
            var next: [(time: UInt64, bytes: Bytes, packet: Int?)] = []
            for event in events {
                let input = try #require(event.input)
                guard let packet = arriving[input].packet else {
                    #expect(
                        event.kind == "drop" && event.reason == "replayedTag",
                        "hop \(hop): the replay was \(event.kind)")
                    continue
                }
                let delay = min(chosen[packet][hop] * Self.ms, NymNodeConstants.maximumDelay)
                #expect(event.kind == "forward")
                #expect(event.time_ns == arriving[input].time + delay, "hop \(hop), packet \(packet)")
                #expect(event.next_address?.bytes == keys.nodes[hop + 1].address.bytes)
                next.append((event.time_ns, try #require(event.packet?.bytes), packet))
            }
            #expect(events.map(\.time_ns) == events.map(\.time_ns).sorted())
            // Hop 1 also gets a replay of the first packet it forwarded.
            if hop == 0, let first = next.first { next.insert((first.time, first.bytes, nil), at: 1) }
            arriving = next
        }
        // The gateway (the last hop) recovers every message.
        #expect(arriving.count == packets.count)
        for arrival in arriving {
            let processed = try NymSphinx.processPacket(arrival.bytes, nodeSecret: keys.secrets[3])
            guard case .final(_, _, _, let message) = processed.result, let packet = arrival.packet else {
                Issue.record("not a final hop")
                continue
            }
            #expect(message == messages[packet])
        }
    }

    /// A packet and its replay at the same time: the first is forwarded, the second dropped; a
    /// delay of 12 s leaves after the 10 s clamp.
    @Test func equalTimesAndTheClamp() throws {
        let keys = try Keys()
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x44, count: 32))
        let packet = try NymSphinx.createForwardPacket(
            route: keys.nodes,
            delays: [NymDelay(nanoseconds: 12 * 1_000 * Self.ms)]
                + Array(repeating: NymDelay(nanoseconds: 0), count: 3),
            destination: NodeAddress.client(index: 0, gateway: 0).nymDestination, message: [1, 2, 3],
            payloadLength: NymNodeConstants.regularPayloadLength, version: .explicitPayloadKeys, random: &random
        ).bytes
        let events = try Self.events(
            Self.ask(
                Self.mixRequest(
                    secret: keys.secrets[0], address: .mix(layer: 0, index: 0), inputs: [(5, packet), (5, packet)])))
        #expect(events.map(\.kind) == ["drop", "forward"])
        #expect(events.map(\.input) == [1, 0])
        #expect(events.last?.time_ns == 5 + 10_000 * Self.ms)
    }

    /// Gateway ops: a final hop for its client without acknowledgements waits in the inbox and is
    /// pulled with a dummy beside it (loopix-paper); with Nym's acknowledgements a zero SURB-ACK
    /// loses the packet; drop cover is dropped; an entry frame from its client goes to the first mix.
    @Test func gatewayNodeOp() throws {
        let keys = try Keys()
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x66, count: 32))
        let client = NodeAddress.client(index: 0, gateway: 0)
        let plaintext = Bytes.zeros(NymNodeConstants.surbAckLength) + random.bytes(NymNodeConstants.clientMessageLength)
        func finalPacket(to destination: NodeAddress) throws -> Bytes {
            try NymSphinx.createForwardPacket(
                route: [keys.nodes[3]], delays: [NymDelay(nanoseconds: 0)], destination: destination.nymDestination,
                message: plaintext, payloadLength: NymNodeConstants.regularPayloadLength, version: .explicitPayloadKeys,
                random: &random
            ).bytes
        }
        let toClient = try finalPacket(to: client)
        let cover = try finalPacket(to: .gateway(index: 0))
        let mix = Hex(NodeAddress.mix(layer: 2, index: 0).bytes)
        func request(_ behaviour: String, _ inputs: [JSONValue]) -> [String: JSONValue] {
            [
                "op": .string("gateway_node"), "profile": .string("nym"), "node_secret": .hex(keys.secrets[3]),
                "index": .int(0),
                "behaviour": .string(behaviour), "pull_size": .int(2), "inputs": .array(inputs),
            ]
        }
        let paper = try Self.events(
            Self.ask(
                request(
                    "loopix-paper",
                    [
                        .object(["time_ns": .int(1), "from": .string(mix.bytes.hex), "packet": .hex(toClient)]),
                        .object(["time_ns": .int(2), "from": .string(mix.bytes.hex), "packet": .hex(cover)]),
                        .object(["time_ns": .int(3), "pull_by": .hex(client.bytes)]),
                    ])))
        #expect(paper.map(\.kind) == ["drop", "answer_pull"])
        #expect(paper.first?.reason == "dropCover")
        #expect(
            paper.last?.messages?.map(\.bytes) == [Array(plaintext[NymNodeConstants.surbAckLength...]), .zeros(1643)])
        #expect(paper.last?.to?.bytes == client.bytes)
        let frame = keys.nodes[0].address.bytes + toClient
        let nym = try Self.events(
            Self.ask(
                request(
                    "nym",
                    [
                        .object(["time_ns": .int(1), "from": .string(mix.bytes.hex), "packet": .hex(toClient)]),
                        .object(["time_ns": .int(9), "from": .hex(client.bytes), "packet": .hex(frame)]),
                    ])))
        #expect(nym.map(\.kind) == ["drop", "send"])
        #expect(nym.first?.reason == "malformedSURBAck")
        #expect(nym.last?.to?.bytes == keys.nodes[0].address.bytes)
        #expect(nym.last?.packet?.bytes == toClient)
        #expect(nym.last?.time_ns == 9)
    }

    /// The client op reproduces what client 0 sent in the whole-network run, though it runs
    /// alone (its own driver, the gateway's messages as inputs).
    @Test func clientNodeOpMatchesTheNetworkRun() throws {
        for behaviour in NodeNetworkVectors.behaviours {
            let run = try NodeNetworkRun(
                NodeNetworkRun.standardInputs(behaviour: behaviour), observing: [NodeNetworkVectors.client0])
            let request = try NodeNetworkVectors.clientRequest(
                run, inputs: run.clientInputs(NodeNetworkVectors.client0), until: run.inputs.until_ns)
            let events = try NodeOracle.clientNode(request)
            let fromClient = run.driver.links.filter { $0.from == NodeNetworkVectors.client0 }
            let sent = events.events.filter { $0.kind == "send" || $0.kind == "request_pull" }
            #expect(sent.count == fromClient.count, "\(behaviour)")
            for (event, link) in zip(sent, fromClient) {
                #expect(event.time_ns == link.time)
                #expect(event.to?.bytes == link.to.bytes)
                #expect((event.packet?.bytes ?? []) == link.bytes)
            }
            #expect(events.events.contains { $0.kind == "deliver" }, "\(behaviour): client 0 gets client 1's message")
            // Every packet goes to the client's own gateway, as an entry frame of one length.
            let packets = events.events.filter { $0.kind == "send" }
            #expect(packets.allSatisfy { $0.to?.bytes == NodeAddress.gateway(index: 0).bytes })
            #expect(
                Set(packets.map { $0.packet?.bytes.count ?? 0 }) == [32 + 348 + NymNodeConstants.regularPayloadLength])
        }
    }
}

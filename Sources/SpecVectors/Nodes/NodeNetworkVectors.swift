import Foundation
import LoopixSpec
import SphinxSpec

/// `loopix/node_network.json`, `loopix/node_gateway.json` and `loopix/node_client.json`: a small
/// whole network, and gateway 0 and client 0 of it run alone over what they received.
enum NodeNetworkVectors {
    static let networkPath = "loopix/node_network.json"
    static let gatewayPath = "loopix/node_gateway.json"
    static let clientPath = "loopix/node_client.json"
    static let behaviours = ["nym", "loopix-paper"]
    static let gateway0 = NodeAddress.gateway(index: 0)
    static let client0 = NodeAddress.client(index: 0, gateway: 0)

    static func runs() throws -> [NodeNetworkRun] {
        try behaviours.map {
            try NodeNetworkRun(NodeNetworkRun.standardInputs(behaviour: $0), observing: [gateway0, client0])
        }
    }

    /// The gateway tests take the first 1.5 s of a run (the file stays small).
    static let gatewayWindow: UInt64 = 1_500_000_000

    static func runSource(_ i: Int) -> String { "\(networkPath) tcId \(i + 1)" }

    /// SPEC.md [VEC-NODE-NETWORK-1]: one test per behaviour (nym: push delivery and acks;
    /// loopix-paper: pulls); `inputs` name the network (parameters, behaviour, seed of
    /// LOOPIX-NODE-SETUP, run length, submitted messages); `outputs.links` is every transmission
    /// of the run in the order the driver (VEC-NODE-DRIVER-1) carried it out.
    static func networkFile() throws -> VectorFile<NodeGroup<NetworkTest>> {
        let tests = try runs().enumerated().map { i, run in
            NetworkTest(
                tcId: i + 1,
                comment:
                    "A \(run.inputs.behaviour) network of 3 layers × 1 mix, 2 gateways and 3 clients for 3 virtual "
                    + "seconds",
                flags: ["WholeNetwork"], result: .valid, source: "LOOPIX-NODE-SETUP, seed \(run.inputs.seed)",
                inputs: run.inputs, outputs: run.outputs)
        }
        let group = NodeGroup(type: "NodeNetwork", op: nil, behaviour: "per test", tests: tests)
        return VectorFile(
            algorithm: "LOOPIX-NODE-NETWORK", schema: NodeCatalog.networkSchema,
            header: [
                "Whole networks of packet-level nodes (SPEC.md §8.11) made by LOOPIX-NODE-SETUP from (parameters, "
                    + "behaviour, seed) and run by the driver of VEC-NODE-DRIVER-1.",
                "outputs.links lists every transmission: time, sender and receiver (32-byte node addresses), kind, "
                    + "length and SHA-256 of the bytes; the first full_bytes links also carry the bytes.",
            ],
            notes: [
                "WholeNetwork": FlagNote(
                    bugType: .basic,
                    description:
                        "Every node of a network together: any difference in a node's bytes, timing or randomness "
                        + "changes the links from there on."
                )
            ],
            testGroups: [group])
    }

    /// SPEC.md [VEC-NODE-GATEWAY-1]: gateway 0 of each network run, over every input it received
    /// (entry frames from its clients, exit packets from the last layer, pulls), and a test of
    /// inputs it must refuse.
    static func gatewayFile() throws -> VectorFile<NodeGroup<GatewayNodeTest>> {
        let runs = try runs()
        var tests: [GatewayNodeTest] = []
        for (i, run) in runs.enumerated() {
            let request = GatewayNodeRequest(
                node_secret: Hex(try run.keys.gateways[0]), index: 0, behaviour: run.inputs.behaviour,
                pull_size: run.inputs.parameters.pull_size,
                inputs: run.gatewayInputs(gateway0).filter { $0.time_ns < gatewayWindow })
            tests.append(
                GatewayNodeTest(
                    tcId: i + 1,
                    comment:
                        "Gateway 0 of the \(run.inputs.behaviour) network, over everything it received in the first "
                        + "1.5 s of the run",
                    flags: [run.inputs.behaviour == "nym" ? "PushDelivery" : "PullDelivery"], result: .valid,
                    source: runSource(i), inputs: GatewayNodeInputs(gateway_node: request, packets: []),
                    outputs: GatewayNodeOutputs(gateway_node: try NodeOracle.gatewayNode(request))))
        }
        tests.append(try refusals(runs[0], events: tests[0].outputs.gateway_node.events, id: tests.count + 1))
        let group = NodeGroup(type: "GatewayNode", op: "gateway_node", behaviour: "per test", tests: tests)
        return VectorFile(
            algorithm: "LOOPIX-NODE-GATEWAY", schema: NodeCatalog.gatewaySchema,
            header: [
                "A Loopix gateway (SPEC.md §8.11, LOOPIX-NODE-GW-2 to -4) over timed inputs: each test is one "
                    + "gateway_node request (inputs.gateway_node) and its response (outputs.gateway_node), SPEC.md "
                    + "§9.6.",
                "A gateway never delays: every event has its input's time, in input order.",
            ],
            notes: gatewayNotes, testGroups: [group])
    }

    static let gatewayNotes: [String: FlagNote] = [
        "PushDelivery": FlagNote(
            bugType: .basic,
            description: "Nym: acks are forwarded from the SURB-ACK and messages pushed to the client at once."),
        "PullDelivery": FlagNote(
            bugType: .basic,
            description:
                "The paper: messages wait in the inbox; every pull is answered with exactly pull_size messages, "
                + "dummies included."
        ),
        "Refused": FlagNote(
            bugType: .functionality,
            description:
                "Inputs a gateway must drop with the reason named: a changed packet, a replay, an entry frame from "
                + "another gateway's client, a frame too short or naming a first hop that is not a mix, a pull by "
                + "another gateway's client."
        ),
    ]

    /// Gateway 0 (nym) refusing inputs; its packets are changes of what it received in the run.
    /// The exit packet is the first one the run delivered to a client (a push); `events` are
    /// the gateway's events over the run.
    static func refusals(_ run: NodeNetworkRun, events: [NodeEventJSON], id: Int) throws -> GatewayNodeTest {
        let received = run.gatewayInputs(gateway0)
        guard let exit = events.first(where: { $0.kind == "push" })?.input,
            let entry = received.firstIndex(where: { $0.from.map { $0.bytes == client0.bytes } ?? false }),
            let exitPacket = received[exit].packet, let exitFrom = received[exit].from,
            let frame = received[entry].packet
        else { throw OracleError("internal", "the run gave gateway 0 no exit packet or no entry frame of client 0") }
        let apply = NodeMixVectors.Maker.apply
        let foreignClient = Hex(NodeAddress.client(index: 1, gateway: 1).bytes)
        let t: UInt64 = 10_000_000_000
        let ms: UInt64 = 1_000_000
        let gatewayHop = NodeAddress.gateway(index: 1).bytes
        let packetOfFrame = Array(frame.bytes.dropFirst(NymConstants.nodeAddressLength))
        let inputs = [
            GatewayInputJSON(
                time_ns: t, from: exitFrom, packet: Hex(apply("xor_byte", 40, nil, nil, exitPacket.bytes))),
            GatewayInputJSON(time_ns: t + ms, from: exitFrom, packet: exitPacket),
            GatewayInputJSON(time_ns: t + 2 * ms, from: exitFrom, packet: exitPacket),
            GatewayInputJSON(time_ns: t + 3 * ms, from: foreignClient, packet: frame),
            GatewayInputJSON(
                time_ns: t + 4 * ms, from: Hex(client0.bytes), packet: Hex(apply("truncate", nil, 10, nil, frame.bytes))
            ),
            GatewayInputJSON(time_ns: t + 5 * ms, from: Hex(client0.bytes), packet: Hex(gatewayHop + packetOfFrame)),
            GatewayInputJSON(time_ns: t + 6 * ms, pull_by: foreignClient),
        ]
        let packets = [
            PacketSourceJSON(input: 0, run_input: exit, change: "xor_byte", offset: 40),
            PacketSourceJSON(input: 1, run_input: exit),
            PacketSourceJSON(input: 2, run_input: exit, change: "replay"),
            PacketSourceJSON(input: 3, run_input: entry),
            PacketSourceJSON(input: 4, run_input: entry, change: "truncate", length: 10),
            PacketSourceJSON(input: 5, run_input: entry, prefix: Hex(gatewayHop), change: "first_hop"),
        ]
        let request = GatewayNodeRequest(
            node_secret: Hex(try run.keys.gateways[0]), index: 0, behaviour: "nym",
            pull_size: run.inputs.parameters.pull_size, inputs: inputs)
        return GatewayNodeTest(
            tcId: id,
            comment:
                "A fresh gateway 0: an exit packet with γ changed (headerMACMismatch), the packet itself, its replay "
                + "(replayedTag), an entry frame of client 0 sent by client (1, 1) (notOurClient), that frame cut "
                + "to 10 bytes and with a gateway as first hop (malformedEntryFrame), a pull by client (1, 1) "
                + "(notOurClient)",
            flags: ["Refused", "PushDelivery"], result: .valid, source: runSource(0),
            inputs: GatewayNodeInputs(gateway_node: request, packets: packets),
            outputs: GatewayNodeOutputs(gateway_node: try NodeOracle.gatewayNode(request)))
    }

    /// SPEC.md [VEC-NODE-CLIENT-1]: client 0 of each network run, with the keys and seeds
    /// LOOPIX-NODE-SETUP gave it, over what its user and its gateway handed it; and a client
    /// refusing messages.
    static func clientFile() throws -> VectorFile<NodeGroup<ClientNodeTest>> {
        let runs = try runs()
        var tests: [ClientNodeTest] = []
        for (i, run) in runs.enumerated() {
            let request = try clientRequest(run, inputs: run.clientInputs(client0), until: run.inputs.until_ns)
            tests.append(
                ClientNodeTest(
                    tcId: i + 1,
                    comment:
                        "Client 0 of the \(run.inputs.behaviour) network, over everything its user and gateway handed "
                        + "it in the run",
                    flags: [run.inputs.behaviour == "nym" ? "NymClient" : "PaperClient"], result: .valid,
                    source: runSource(i),
                    inputs: ClientNodeInputs(client_node: request),
                    outputs: ClientNodeOutputs(client_node: try NodeOracle.clientNode(request))))
        }
        let ms: UInt64 = 1_000_000
        let refused = try clientRequest(
            runs[0],
            inputs: [
                ClientInputJSON(time_ns: 10 * ms, gateway_messages: [Hex(Bytes(repeating: 0x42, count: 10))]),
                ClientInputJSON(
                    time_ns: 20 * ms, gateway_messages: [Hex(.zeros(NymNodeConstants.clientMessageLength))]),
                ClientInputJSON(
                    time_ns: 30 * ms, submit_to: Hex(NodeAddress.client(index: 5, gateway: 9).bytes),
                    message: Hex([1, 2, 3])),
                ClientInputJSON(
                    time_ns: 40 * ms, submit_to: Hex(NodeAddress.mix(layer: 0, index: 0).bytes),
                    message: Hex([1, 2, 3])),
            ], until: 50 * ms)
        tests.append(
            ClientNodeTest(
                tcId: tests.count + 1,
                comment:
                    "Client 0 of the nym network for 50 ms: a 10-byte message (malformedMessage), a dummy (discarded, "
                    + "no event), a message for a client of a gateway that does not exist and one for a mix "
                    + "(unknownRecipient)",
                flags: ["Refused"], result: .valid, source: runSource(0),
                inputs: ClientNodeInputs(client_node: refused),
                outputs: ClientNodeOutputs(client_node: try NodeOracle.clientNode(refused))))
        let group = NodeGroup(type: "ClientNode", op: "client_node", behaviour: "per test", tests: tests)
        return VectorFile(
            algorithm: "LOOPIX-NODE-CLIENT", schema: NodeCatalog.clientSchema,
            header: [
                "A Loopix client (SPEC.md §8.11, LOOPIX-NODE-CLIENT-1 to -10) over timed inputs: each test is one "
                    + "client_node request (inputs.client_node) and its response (outputs.client_node), SPEC.md §9.6.",
                "The client draws every random byte and number from its two seeds (LOOPIX-NODE-RANDOM); its streams "
                    + "and ack timeouts are its own timers, which the op fires.",
            ],
            notes: [
                "NymClient": FlagNote(
                    bugType: .basic,
                    description:
                        "Nym's behaviour: loops in empty payload slots, SURB-ACKs, acknowledgements and "
                        + "retransmission, push delivery."
                ),
                "PaperClient": FlagNote(
                    bugType: .basic,
                    description:
                        "The paper's behaviour: drops in empty payload slots, no acks, pulls every pull interval."),
                "Refused": FlagNote(
                    bugType: .functionality,
                    description: "Inputs a client must drop with the reason named, or discard silently (a dummy)."),
            ].filter { note in tests.contains { $0.flags.contains(note.key) } },
            testGroups: [group])
    }

    static func clientRequest(
        _ run: NodeNetworkRun, inputs: [ClientInputJSON], until: UInt64
    ) throws -> ClientNodeRequest {
        let keys = try run.keys.clients[0]
        let p = run.inputs.parameters
        return ClientNodeRequest(
            topology: run.topologyJSON, index: 0, gateway: 0, ack_key: Hex(keys.ackKey), byte_seed: Hex(keys.byteSeed),
            draw_seed: keys.drawSeed,
            parameters: ClientParametersJSON(
                lambda_p: p.lambda_p, lambda_l: p.lambda_l, lambda_d: p.lambda_d, mu: p.mu,
                pull_interval: p.pull_interval),
            behaviour: run.inputs.behaviour, until_ns: until, inputs: inputs)
    }
}

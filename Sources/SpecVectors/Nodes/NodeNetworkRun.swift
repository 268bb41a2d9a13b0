import Foundation
import LoopixSpec
import SphinxSpec

/// A small whole network run by `NodeDriver`, with what the gateway and client vectors need:
/// the keys of LOOPIX-NODE-SETUP and what chosen nodes received.
struct NodeNetworkRun {
    let inputs: NetworkInputs
    let network: PacketNetwork
    let driver: NodeDriver

    /// The run of the network file and of the gateway and client files: 3 layers of one mix,
    /// 2 gateways, 3 clients, 3 virtual seconds; client 0 sends 2000 bytes to client 2 at 0.2 s
    /// and client 1 sends 100 bytes to client 0 at 0.5 s.
    static func standardInputs(behaviour: String) -> NetworkInputs {
        let parameters = NetworkParametersJSON(
            lambda_p: 2, lambda_l: 1, lambda_d: 1, lambda_m: 1, mu: 20, layers: 3, mixes_per_layer: 1,
            gateways: 2, clients: 3, pull_interval: 0.5, pull_size: 2)
        let long = Bytes((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        let short = Bytes(
            "a short message from client 1 to client 0, padded to one hundred bytes ........................".utf8)
        let submissions = [
            SubmissionJSON(
                time_ns: 200_000_000, from: Hex(NodeAddress.client(index: 0, gateway: 0).bytes),
                to: Hex(NodeAddress.client(index: 2, gateway: 0).bytes), message: Hex(long)),
            SubmissionJSON(
                time_ns: 500_000_000, from: Hex(NodeAddress.client(index: 1, gateway: 1).bytes),
                to: Hex(NodeAddress.client(index: 0, gateway: 0).bytes), message: Hex(Array(short.prefix(100)))),
        ]
        return NetworkInputs(
            parameters: parameters, behaviour: behaviour, seed: 1, until_ns: 3_000_000_000, submissions: submissions,
            full_bytes: 6)
    }

    static func loopixParameters(_ p: NetworkParametersJSON) -> LoopixParameters {
        LoopixParameters(
            lambdaP: p.lambda_p, lambdaL: p.lambda_l, lambdaD: p.lambda_d, lambdaM: p.lambda_m, mu: p.mu,
            layers: p.layers, mixesPerLayer: p.mixes_per_layer, providers: p.gateways, clients: p.clients,
            pullInterval: p.pull_interval, pullSize: p.pull_size, realMessageRate: 0)
    }

    /// Builds the network of `inputs` and runs it, observing `observed`.
    init(_ inputs: NetworkInputs, observing observed: Set<NodeAddress> = []) throws {
        self.inputs = inputs
        let behaviour = try PacketBehaviour.preset(named: inputs.behaviour)
        network = try PacketNetwork(
            parameters: Self.loopixParameters(inputs.parameters), behaviour: behaviour, seed: inputs.seed)
        var driver = NodeDriver(network: network, observing: observed)
        for s in inputs.submissions {
            driver.submit(
                s.message.bytes, from: try NodeAddress(bytes: s.from.bytes), to: try NodeAddress(bytes: s.to.bytes),
                at: s.time_ns)
        }
        driver.run(until: inputs.until_ns)
        self.driver = driver
    }

    /// The outputs of the network file: every link, the first `full_bytes` in full.
    var outputs: NetworkOutputs {
        var totals: [String: Int] = [:]
        let links = driver.links.enumerated().map { i, link in
            totals[link.kind, default: 0] += 1
            return LinkJSON(
                time_ns: link.time, from: Hex(link.from.bytes), to: Hex(link.to.bytes), kind: link.kind,
                length: link.bytes.count, sha256: Hex(SHA256.hash(link.bytes)),
                bytes: i < inputs.full_bytes ? Hex(link.bytes) : nil)
        }
        return NetworkOutputs(links: links, totals: totals)
    }

    /// The secrets of LOOPIX-NODE-SETUP, drawn again here in its order: per mix and gateway
    /// x (32) ‖ byte seed (32) ‖ draw seed (8); per client ack key (16) ‖ byte seed ‖ draw seed.
    struct Keys {
        var mixes: [[Bytes]] = []
        var gateways: [Bytes] = []
        var clients: [(ackKey: Bytes, byteSeed: Bytes, drawSeed: UInt64)] = []
    }

    var keys: Keys {
        get throws {
            let p = inputs.parameters
            var master = try DeterministicRandom(
                seed: SHA256.hash(Bytes("loopix-nodes".utf8) + ByteOps.bigEndian(inputs.seed, width: 8)))
            var keys = Keys()
            for _ in 0..<p.layers {
                keys.mixes.append(
                    (0..<p.mixes_per_layer).map { _ in
                        let secret = master.bytes(32)
                        _ = master.bytes(32 + 8)
                        return secret
                    })
            }
            for _ in 0..<p.gateways {
                keys.gateways.append(master.bytes(32))
                _ = master.bytes(32 + 8)
            }
            for _ in 0..<p.clients {
                let ackKey = master.bytes(16)
                let byteSeed = master.bytes(32)
                keys.clients.append((ackKey, byteSeed, ByteOps.readBigEndian(master.bytes(8)[...])))
            }
            return keys
        }
    }

    var topologyJSON: TopologyJSON {
        TopologyJSON(
            mix_public_keys: network.topology.layers.map { $0.map { Hex($0.publicKey) } },
            gateway_public_keys: network.topology.gateways.map { Hex($0.publicKey) })
    }

    /// What `address` received, as gateway_node inputs.
    func gatewayInputs(_ address: NodeAddress) -> [GatewayInputJSON] {
        (driver.observedEvents[address] ?? []).compactMap { time, event in
            switch event {
            case .packetArrived(let bytes, let from):
                return GatewayInputJSON(time_ns: time, from: Hex(from.bytes), packet: Hex(bytes))
            case .pullRequested(let by):
                return GatewayInputJSON(time_ns: time, pull_by: Hex(by.bytes))
            default: return nil
            }
        }
    }

    /// What `address` received, as client_node inputs (its start and timers are its own).
    func clientInputs(_ address: NodeAddress) -> [ClientInputJSON] {
        (driver.observedEvents[address] ?? []).compactMap { time, event in
            switch event {
            case .messageSubmitted(let message, let to):
                return ClientInputJSON(time_ns: time, submit_to: Hex(to.bytes), message: Hex(message))
            case .gatewayMessages(let messages):
                return ClientInputJSON(time_ns: time, gateway_messages: messages.map(Hex.init))
            default: return nil
            }
        }
    }
}

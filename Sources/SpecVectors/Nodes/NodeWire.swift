import Foundation
import LoopixSpec
import SphinxSpec

// The JSON shapes of the node ops (SPEC.md §9.6): the requests of `mix_node`, `gateway_node`
// and `client_node`, and the one event record all three answer with. The node vector files
// hold these requests as their `inputs` and these responses as their `outputs`.

/// One input of `mix_node`: a packet arriving at `time_ns`.
struct MixInputJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var packet: Hex
}

/// The `mix_node` request (ORACLE-NODE-MIX-1).
struct MixNodeRequest: Codable, Sendable, Equatable {
    var node_secret: Hex
    /// The mix's own 32-byte address (LOOPIX-NODE-ADDR); default mix (0, 0).
    var address: Hex?
    /// The clamp of header delays (ns); default 10 s (LOOPIX-NODE-CONST).
    var maximum_delay_ns: UInt64?
    var inputs: [MixInputJSON]
}

/// One input of `gateway_node`: bytes from `from`, or a pull by the client `pull_by`.
struct GatewayInputJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var from: Hex?
    var packet: Hex?
    var pull_by: Hex?
}

/// The `gateway_node` request (ORACLE-NODE-GATEWAY-1).
struct GatewayNodeRequest: Codable, Sendable, Equatable {
    var node_secret: Hex
    var index: Int
    /// A preset name of LOOPIX-NODE-BEHAVIOUR: `nym` (push, acks) or `loopix-paper` (pull).
    var behaviour: String
    var pull_size: Int
    var inputs: [GatewayInputJSON]
}

/// The network as a client knows it: public keys by layer, and of the gateways.
struct TopologyJSON: Codable, Sendable, Equatable {
    var mix_public_keys: [[Hex]]
    var gateway_public_keys: [Hex]
}

/// The rates and durations a client uses (per second; seconds).
struct ClientParametersJSON: Codable, Sendable, Equatable {
    var lambda_p: Double
    var lambda_l: Double
    var lambda_d: Double
    var mu: Double
    var pull_interval: Double
}

/// One input of `client_node`: a message its user submits, or messages from its gateway.
struct ClientInputJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var submit_to: Hex?
    var message: Hex?
    var gateway_messages: [Hex]?
}

/// The `client_node` request (ORACLE-NODE-CLIENT-1).
struct ClientNodeRequest: Codable, Sendable, Equatable {
    var topology: TopologyJSON
    var index: Int
    var gateway: Int
    var ack_key: Hex
    var byte_seed: Hex
    var draw_seed: UInt64
    var parameters: ClientParametersJSON
    var behaviour: String
    var until_ns: UInt64
    var inputs: [ClientInputJSON]
}

/// One thing a node did, in output order. `kind` says which other fields are present:
/// `forward` (`next_address`, `packet`), `final`, `drop` (`reason`), `send` (`to`, `packet`),
/// `push` (`to`, `message`), `answer_pull` (`to`, `messages`), `request_pull` (`to`) and
/// `deliver` (`message`). `input` is the 0-based input that caused it (absent when a client's
/// own timer did).
struct NodeEventJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var input: Int?
    var kind: String
    var next_address: Hex?
    var to: Hex?
    var packet: Hex?
    var message: Hex?
    var messages: [Hex]?
    var reason: String?

    init(time: UInt64, input: Int?, kind: String) {
        self.time_ns = time
        self.input = input
        self.kind = kind
    }
}

/// The answer of every node op.
struct NodeResponse: Codable, Sendable, Equatable {
    var events: [NodeEventJSON]
}

/// Bounds on node requests, so that no request makes the oracle run without bound
/// (SPEC.md §9.6): at most 10,000 inputs; a client run of at most 100 s of virtual time and
/// 20,000 handled events; pull answers of at most 64 messages, 4096 over a request.
enum NodeLimits {
    static let maxInputs = 10_000
    static let maxClientRun: UInt64 = 100_000_000_000
    static let maxClientEvents = 20_000
    static let maxPullSize = 64
    static let maxPulledMessages = 4096
    /// Mix addresses the oracle accepts: layers 0…3 (a route has at most 4 layers) and index < 1024.
    static let maxMixIndex = 1024
    /// A client's topology: at most 4 layers (LOOPIX-NODE-ROUTE-1), each and the gateways < 1024.
    static let maxTopologyLayers = 4

    static func check<Input>(_ inputs: [Input], time: (Input) -> UInt64) throws(OracleError) {
        guard inputs.count <= maxInputs else {
            throw OracleError("badType", "field \"inputs\" has more than \(maxInputs) elements")
        }
        var previous: UInt64 = 0
        for (i, input) in inputs.enumerated() {
            let t = time(input)
            guard t >= previous else {
                throw OracleError("unorderedInputs", "inputs[\(i)].time_ns is earlier than inputs[\(i - 1)].time_ns")
            }
            previous = t
        }
    }
}

extension NodeAddress {
    /// A request's address field, or `badType`.
    static func parse(_ hex: Hex, field: String) throws(OracleError) -> NodeAddress {
        guard hex.bytes.count == NymConstants.nodeAddressLength, let address = try? NodeAddress(bytes: hex.bytes) else {
            throw OracleError("badType", "field \"\(field)\" is not a 32-byte node address (LOOPIX-NODE-ADDR)")
        }
        return address
    }
}

extension PacketBehaviour {
    /// A request's behaviour name, or `badType`.
    static func parse(_ name: String) throws(OracleError) -> PacketBehaviour {
        guard let behaviour = try? PacketBehaviour.preset(named: name) else {
            throw OracleError("badType", "field \"behaviour\" must be \"nym\", \"loopix-paper\" or \"mixim\"")
        }
        return behaviour
    }
}

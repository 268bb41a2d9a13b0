import Foundation
import LoopixSpec
import SphinxSpec

// The records of the node vector files (SPEC.md §9.6): `loopix/node_mix.json`,
// `loopix/node_gateway.json`, `loopix/node_client.json` and `loopix/node_network.json`.

/// A group of node tests: which op (or run) they exercise, with what.
struct NodeGroup<Test: Codable & Sendable & FlaggedTest>: Codable, Sendable, TestGroup {
    var type: String
    var parameters: NodeGroupParameters
    var tests: [Test]

    /// A group of the nym profile, whose mixes clamp header delays at Nym's maximum delay.
    init(type: String, op: String?, behaviour: String, tests: [Test]) {
        self.type = type
        self.parameters = NodeGroupParameters(
            profile: "nym", op: op, behaviour: behaviour, maximum_delay_ns: NymNodeConstants.maximumDelay)
        self.tests = tests
    }
}

struct NodeGroupParameters: Codable, Sendable, Equatable {
    /// `nym`: the profile whose oracle has the op, and of every packet.
    var profile: String
    /// The oracle op a test's `inputs` hold the request of (absent for a network run).
    var op: String?
    /// The behaviour preset of the nodes (LOOPIX-NODE-BEHAVIOUR).
    var behaviour: String
    /// The clamp of header delays at a mix (ns).
    var maximum_delay_ns: UInt64
}

/// One node test: the request as `inputs`, the response as `outputs`, and where the inputs came
/// from (`source`; for generated packets also `seedLabel` and `seed`, VEC-SEED-1).
struct NodeTest<Inputs: Codable & Sendable & Equatable, Outputs: Codable & Sendable & Equatable>:
    Codable, Sendable, FlaggedTest
{
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var source: String
    var seedLabel: String?
    var seed: Hex?
    var inputs: Inputs
    var outputs: Outputs
}

/// How one input packet was made: by `create_forward` (every random byte in its request), from
/// an earlier input (`from_input`), or from what a node received in a network run (`run_input`,
/// an index into the inputs of the test named by the test's `source`); then, if `change` is
/// given: `replay` (the same bytes), `xor_byte` (the byte at `offset` XOR 0x01), `truncate`
/// (the first `length` bytes) or `first_hop` (an entry frame's first 32 bytes replaced by
/// `prefix`).
struct PacketSourceJSON: Codable, Sendable, Equatable {
    var input: Int
    var create_forward: CreateForwardRequest?
    var from_input: Int?
    var run_input: Int?
    var prefix: Hex?
    var change: String?
    var offset: Int?
    var length: Int?
}

struct MixNodeInputs: Codable, Sendable, Equatable {
    var mix_node: MixNodeRequest
    var packets: [PacketSourceJSON]
}

struct MixNodeOutputs: Codable, Sendable, Equatable {
    var mix_node: NodeResponse
}

struct GatewayNodeInputs: Codable, Sendable, Equatable {
    var gateway_node: GatewayNodeRequest
    /// Inputs changed from what the run delivered (`from_input` names an earlier input).
    var packets: [PacketSourceJSON]
}

struct GatewayNodeOutputs: Codable, Sendable, Equatable {
    var gateway_node: NodeResponse
}

struct ClientNodeInputs: Codable, Sendable, Equatable {
    var client_node: ClientNodeRequest
}

struct ClientNodeOutputs: Codable, Sendable, Equatable {
    var client_node: NodeResponse
}

typealias MixNodeTest = NodeTest<MixNodeInputs, MixNodeOutputs>
typealias GatewayNodeTest = NodeTest<GatewayNodeInputs, GatewayNodeOutputs>
typealias ClientNodeTest = NodeTest<ClientNodeInputs, ClientNodeOutputs>

// MARK: The whole-network run

/// The parameters of a run (rates per second, durations in seconds).
struct NetworkParametersJSON: Codable, Sendable, Equatable {
    var lambda_p: Double
    var lambda_l: Double
    var lambda_d: Double
    var lambda_m: Double
    var mu: Double
    var layers: Int
    var mixes_per_layer: Int
    var gateways: Int
    var clients: Int
    var pull_interval: Double
    var pull_size: Int
}

/// A message a client's user submits during the run.
struct SubmissionJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var from: Hex
    var to: Hex
    var message: Hex
}

struct NetworkInputs: Codable, Sendable, Equatable {
    var parameters: NetworkParametersJSON
    var behaviour: String
    /// The seed of LOOPIX-NODE-SETUP.
    var seed: UInt64
    var until_ns: UInt64
    var submissions: [SubmissionJSON]
    /// Links whose bytes are written out in full (the first ones).
    var full_bytes: Int
}

/// One transmission: `kind` `packet` (a Sphinx packet or an entry frame), `push`,
/// `answer_pull` (the messages concatenated) or `request_pull` (no bytes).
struct LinkJSON: Codable, Sendable, Equatable {
    var time_ns: UInt64
    var from: Hex
    var to: Hex
    var kind: String
    var length: Int
    var sha256: Hex
    var bytes: Hex?
}

struct NetworkOutputs: Codable, Sendable, Equatable {
    var links: [LinkJSON]
    /// Links by kind.
    var totals: [String: Int]
}

typealias NetworkTest = NodeTest<NetworkInputs, NetworkOutputs>

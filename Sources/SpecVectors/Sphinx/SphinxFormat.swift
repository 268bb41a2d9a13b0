import Foundation
import SphinxSpec

/// A group of Sphinx tests sharing one profile's parameters.
struct SphinxGroup<Test: Codable & Sendable & FlaggedTest>: Codable, Sendable, TestGroup {
    var parameters: ProfileParameters
    var tests: [Test]
}

/// The constants of a profile that a group's tests were made with (SPEC.md §4).
struct ProfileParameters: Codable, Sendable, Equatable {
    var profile: String
    /// The implementation the profile is byte-compatible with.
    var source: String
    /// nym: the packet version of the group (absent for a group mixing versions).
    var version: Int?
    var group: String
    /// κ in bytes.
    var security_parameter: Int
    /// nym: 5. Absent for sphinxmix, whose only limit is the room in β.
    var max_hops: Int?
    var header_length: Int
    var routing_info_length: Int
    /// nym: one routing block (flag, version, address, delay, MAC).
    var routing_block_length: Int?
    /// nym: payload bytes that are not message (16 zero bytes and the 0x01 marker).
    var payload_overhead: Int?
    /// sphinxmix: the body length and the associated data length (process requests of the
    /// group's tests use them as `body_len` and `header_len`).
    var body_length: Int?
    var associated_length: Int?
}

/// The packet as it arrives at one hop, and what processing it returns (the oracle's `process`
/// response for `{node_secret: node_secrets[hop], packet: packet_in}`).
struct HopRecord: Codable, Sendable, Equatable {
    var hop: Int
    var packet_in: Hex
    var associated_data: Hex?
    var result: ProcessResponse
}

/// A generated Sphinx test: its random inputs are drawn from
/// `DeterministicRandom(seed: SHA-256(seedLabel))` (VEC-SEED-1), its `inputs` hold the oracle
/// request that made it and its `outputs` what creation and every hop returned.
struct GeneratedTest<Inputs: Codable & Sendable & Equatable, Outputs: Codable & Sendable & Equatable>:
    Codable, Sendable, FlaggedTest
{
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var seedLabel: String
    var seed: Hex
    var inputs: Inputs
    var outputs: Outputs

    /// A valid test, flagged `Generated` before its own flags, whose seed is that of its label.
    init(tcId: Int, comment: String, flags: [String], seedLabel: String, inputs: Inputs, outputs: Outputs) {
        self.tcId = tcId
        self.comment = comment
        self.flags = ["Generated"] + flags
        self.result = .valid
        self.seedLabel = seedLabel
        self.seed = Hex(Seeds.seed(for: seedLabel))
        self.inputs = inputs
        self.outputs = outputs
    }
}

/// SPEC.md [VEC-SPHINX-FORWARD-1]: a forward test's `inputs` hold the `create_forward` request
/// (every random byte in `randomness`) and the hops' secret keys; its `outputs` hold the
/// `create_forward` response (packet and every creation intermediate) and, per hop, the packet
/// as it arrives and the `process` response. Hop i+1's `packet_in` is hop i's `next_packet`.
typealias ForwardTest = GeneratedTest<ForwardInputs, ForwardOutputs>

struct ForwardInputs: Codable, Sendable, Equatable {
    var create_forward: CreateForwardRequest
    var node_secrets: [Hex]
}

struct ForwardOutputs: Codable, Sendable, Equatable {
    var create_forward: CreateForwardResponse
    var hops: [HopRecord]
}

/// SPEC.md [VEC-SPHINX-SURB-1]: a SURB test's `inputs` hold the `create_surb` request, the
/// hops' secret keys, and the replier's message and payload size; its `outputs` hold the
/// `create_surb` response, the `use_surb` response (the replier's packet), the reply's hops as
/// in a forward test, and, where the profile has it, the `open_reply` response.
typealias SURBTest = GeneratedTest<SURBInputs, SURBOutputs>

struct SURBInputs: Codable, Sendable, Equatable {
    var create_surb: CreateSURBRequest
    var node_secrets: [Hex]
    var reply_message: Hex
    var reply_payload_size: Int
}

struct SURBOutputs: Codable, Sendable, Equatable {
    var create_surb: CreateSURBResponse
    var use_surb: UseSURBResponse
    var hops: [HopRecord]
    var open_reply: OpenReplyResponse?
}

/// A test that names an oracle `op` and holds its request as `inputs` (the invalid-input files
/// and the bolt4 files).
struct OpTest<Outputs: Codable & Sendable & Equatable>: Codable, Sendable, FlaggedTest {
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var op: String
    var inputs: JSONValue
    var outputs: Outputs
}

/// SPEC.md [VEC-SPHINX-INVALID-1]: an invalid test names an oracle `op` and holds its request
/// as `inputs`. For `invalid` tests `outputs.error` is the error our implementation returns;
/// for `process` at a final hop, a payload that is not intact counts as the rejection named by
/// `payload_error`. For `acceptable` tests `outputs` holds our error or, when we accept the
/// input, our `response`.
typealias InvalidTest = OpTest<InvalidOutputs>

struct InvalidOutputs: Codable, Sendable, Equatable {
    var error: String?
    var response: JSONValue?
}

typealias ForwardFile = VectorFile<SphinxGroup<ForwardTest>>
typealias SURBFile = VectorFile<SphinxGroup<SURBTest>>
typealias InvalidFile = VectorFile<SphinxGroup<InvalidTest>>

import Foundation
import SphinxSpec

/// A test that carries flags (for the envelope's notes check).
protocol FlaggedTest {
    var flags: [String] { get }
}

/// A group of Sphinx tests sharing one profile's parameters.
struct SphinxGroup<Test: Codable & Sendable & FlaggedTest>: Codable, Sendable, TestGroup {
    var parameters: ProfileParameters
    var tests: [Test]

    var testCount: Int { tests.count }
    var usedFlags: Set<String> { Set(tests.flatMap(\.flags)) }
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

/// SPEC.md [VEC-SPHINX-FORWARD-1]: a forward test's `inputs` hold the `create_forward` request
/// (every random byte in `randomness`) and the hops' secret keys; its `outputs` hold the
/// `create_forward` response (packet and every creation intermediate) and, per hop, the packet
/// as it arrives and the `process` response. Hop i+1's `packet_in` is hop i's `next_packet`.
struct ForwardTest: Codable, Sendable, FlaggedTest {
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var seedLabel: String
    var seed: Hex
    var inputs: ForwardInputs
    var outputs: ForwardOutputs
}

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
struct SURBTest: Codable, Sendable, FlaggedTest {
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var seedLabel: String
    var seed: Hex
    var inputs: SURBInputs
    var outputs: SURBOutputs
}

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

/// SPEC.md [VEC-SPHINX-INVALID-1]: an invalid test names an oracle `op` and holds its request
/// as `inputs`. For `invalid` tests `outputs.error` is the error our implementation returns;
/// for `process` at a final hop, a payload that is not intact counts as the rejection named by
/// `payload_error`. For `acceptable` tests `outputs` holds our error or, when we accept the
/// input, our `response`.
struct InvalidTest: Codable, Sendable, FlaggedTest {
    var tcId: Int
    var comment: String
    var flags: [String]
    var result: TestResult
    var op: String
    var inputs: JSONValue
    var outputs: InvalidOutputs
}

struct InvalidOutputs: Codable, Sendable, Equatable {
    var error: String?
    var response: JSONValue?
}

typealias ForwardFile = VectorFile<SphinxGroup<ForwardTest>>
typealias SURBFile = VectorFile<SphinxGroup<SURBTest>>
typealias InvalidFile = VectorFile<SphinxGroup<InvalidTest>>

/// Finds the first place two JSON trees differ, so that `verify` can say which intermediate
/// value is the first to go wrong.
enum JSONDiff {
    static func firstDifference(_ expected: JSONValue, _ actual: JSONValue, path: String = "") -> String? {
        switch (expected, actual) {
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys).sorted(by: orderKey) {
                let sub = path.isEmpty ? key : path + "." + key
                guard let x = a[key] else { return "\(sub): unexpected field" }
                guard let y = b[key] else { return "\(sub): missing" }
                if let found = firstDifference(x, y, path: sub) { return found }
            }
            return nil
        case (.array(let a), .array(let b)):
            for index in 0..<min(a.count, b.count) {
                if let found = firstDifference(a[index], b[index], path: "\(path)[\(index)]") { return found }
            }
            return a.count == b.count ? nil : "\(path): \(a.count) items expected, \(b.count) found"
        case (.int(let a), .uint(let b)) where a >= 0 && UInt64(a) == b: return nil
        case (.uint(let a), .int(let b)) where b >= 0 && a == UInt64(b): return nil
        default:
            return expected == actual ? nil : "\(path): expected \(short(expected)), got \(short(actual))"
        }
    }

    /// Values before keys that hold nested records, so that `alpha` is reported before `hops`.
    private static func orderKey(_ a: String, _ b: String) -> Bool {
        let late: Set<String> = ["hops", "intermediates", "result", "deltas", "next_packet", "packet"]
        if late.contains(a) != late.contains(b) { return !late.contains(a) }
        return a < b
    }

    private static func short(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .string(let s): text = "\"\(s)\""
        case .null: text = "null"
        default: text = String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
        }
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}

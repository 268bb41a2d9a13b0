import Foundation
import Testing
@testable import SpecVectors

/// Bad node requests end in the oracle's typed error answers (SPEC.md §9.4 ORACLE-DISPATCH-1,
/// §9.6): never a crash, never a partial answer.
@Suite struct NodeOracleErrorTests {
    static let secret = String(repeating: "11", count: 32)
    static let client = "03" + String(repeating: "00", count: 31)
    static let s = #""node_secret":"\#(secret)""#

    static func error(_ line: String) -> String? {
        guard case .object(let answer) = Oracle().respond(to: line), case .string(let name)? = answer["error"] else {
            return nil
        }
        return name
    }

    /// A mix_node request line with the given fields.
    static func mix(_ fields: String, profile: String = "nym") -> String {
        #"{"op":"mix_node","profile":"\#(profile)",\#(fields)}"#
    }

    /// A gateway_node request line: defaults for every field but those given.
    static func gateway(
        secret: String = s, behaviour: String = "nym", pullSize: Int = 2, inputs: String = "[]"
    ) -> String {
        #"{"op":"gateway_node","profile":"nym",\#(secret),"index":0,"behaviour":"\#(behaviour)","#
            + #""pull_size":\#(pullSize),"inputs":\#(inputs)}"#
    }

    static let packet = #""packet":"00""#
    static let pull = #""pull_by":"\#(client)""#

    @Test(arguments: [
        (mix(#""node_secret":"zz","inputs":[]"#), "badHex"),
        (mix(#"\#(s),"inputs":[{"time_ns":1,"packet":"abc"}]"#), "badHex"),
        (mix(s), "missingField"),
        (mix(#""inputs":[]"#), "missingField"),
        (mix(#"\#(s),"inputs":[{\#(packet)}]"#), "missingField"),
        (mix(#"\#(s),"inputs":[{"time_ns":-1,\#(packet)}]"#), "badType"),
        (mix(#"\#(s),"inputs":{}"#), "badType"),
        (mix(#""node_secret":"1111","inputs":[]"#), "invalidKeyLength"),
        (mix(#"\#(s),"inputs":[{"time_ns":5,\#(packet)},{"time_ns":4,\#(packet)}]"#), "unorderedInputs"),
        (mix(#"\#(s),"address":"\#(client)","inputs":[]"#), "badType"),
        (mix(#"\#(s),"address":"0100","inputs":[]"#), "badType"),
        (mix(#"\#(s),"inputs":[]"#, profile: "sphinxmix"), "unknownOp"),
        (gateway(inputs: #"[{"time_ns":1}]"#), "missingField"),
        (gateway(inputs: #"[{"time_ns":1,\#(pull),\#(packet)}]"#), "missingField"),
        (gateway(behaviour: "other"), "badType"),
        (gateway(pullSize: 0), "badType"),
        (gateway(pullSize: 65), "badType"),
        (gateway(inputs: #"[{"time_ns":1,"pull_by":"ff"}]"#), "badType"),
        (gateway(secret: #""node_secret":"11""#), "invalidKeyLength"),
        (gateway(inputs: #"[{"time_ns":2,\#(pull)},{"time_ns":1,\#(pull)}]"#), "unorderedInputs"),
    ])
    func refused(_ line: String, _ expected: String) {
        #expect(Self.error(line) == expected, "\(line)")
    }

    /// Pull answers are bounded: 65 pulls of 64 messages are refused before any answer is made.
    @Test func pullAnswersAreBounded() {
        func pulls(_ n: Int) -> String {
            "[" + (0..<n).map { _ in #"{"time_ns":1,\#(Self.pull)}"# }.joined(separator: ",") + "]"
        }
        #expect(Self.error(Self.gateway(pullSize: 1, inputs: pulls(3))) == nil)
        #expect(Self.error(Self.gateway(pullSize: 64, inputs: pulls(65))) == "badType")
    }

    static func client(
        until: UInt64 = 1_000_000, lambdaP: Double = 1, ackKey: String = String(repeating: "22", count: 16),
        seed: String = String(repeating: "33", count: 32), inputs: String = "[]"
    ) -> String {
        let key = "09" + String(repeating: "00", count: 31)
        let topology = #""topology":{"mix_public_keys":[["\#(key)"]],"gateway_public_keys":["\#(key)"]}"#
        let parameters = #""parameters":{"lambda_p":\#(lambdaP),"lambda_l":0,"lambda_d":0,"mu":10,"pull_interval":1}"#
        return #"{"op":"client_node","profile":"nym",\#(topology),"index":0,"gateway":0,"ack_key":"\#(ackKey)","#
            + #""byte_seed":"\#(seed)","draw_seed":7,\#(parameters),"behaviour":"nym","until_ns":\#(until),"#
            + #""inputs":\#(inputs)}"#
    }

    @Test func clientRequests() {
        #expect(Self.error(Self.client()) == nil)
        #expect(Self.error(Self.client(until: 200_000_000_000)) == "badType")
        #expect(Self.error(Self.client(until: 10_000_000_000, lambdaP: 1000)) == "badType")
        #expect(Self.error(Self.client(lambdaP: 0)) == "invalidParameters")
        #expect(Self.error(Self.client(ackKey: "22")) == "invalidKeyLength")
        #expect(Self.error(Self.client(seed: "33")) == "invalidKeyLength")
        #expect(Self.error(Self.client(inputs: #"[{"time_ns":1,"message":"00"}]"#)) == "missingField")
        let unordered = #"[{"time_ns":2,"gateway_messages":[]},{"time_ns":1,"gateway_messages":[]}]"#
        #expect(Self.error(Self.client(inputs: unordered)) == "unorderedInputs")
        #expect(Self.error(Self.client(inputs: #"[{"time_ns":1,"submit_to":"03","message":"00"}]"#)) == "badType")
    }

    /// The node ops are in the dispatch table, and `describe` lists them under nym.
    @Test func describeListsTheNodeOps() {
        guard case .object(let answer) = Oracle().respond(to: #"{"op":"describe"}"#),
            case .object(let profiles)? = answer["profiles"], case .array(let nym)? = profiles["nym"]
        else {
            Issue.record("no describe answer")
            return
        }
        for op in ["mix_node", "gateway_node", "client_node"] { #expect(nym.contains(.string(op))) }
    }
}

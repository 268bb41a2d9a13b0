import Foundation
import Testing
@testable import SpecVectors

/// Bad node requests end in the oracle's typed error answers (SPEC.md §9.4 ORACLE-DISPATCH-1,
/// §9.6): never a crash, never a partial answer.
@Suite struct NodeOracleErrorTests {
    static let secret = String(repeating: "11", count: 32)
    static let mixAddress = "01" + String(repeating: "00", count: 31)
    static let client = "03" + String(repeating: "00", count: 31)

    static func error(_ line: String) -> String? {
        guard case .object(let answer) = Oracle().respond(to: line), case .string(let name)? = answer["error"] else { return nil }
        return name
    }

    @Test(arguments: [
        // mix_node
        (#"{"op":"mix_node","profile":"nym","node_secret":"zz","inputs":[]}"#, "badHex"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","inputs":[{"time_ns":1,"packet":"abc"}]}"#, "badHex"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)"}"#, "missingField"),
        (#"{"op":"mix_node","profile":"nym","inputs":[]}"#, "missingField"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","inputs":[{"packet":"00"}]}"#, "missingField"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","inputs":[{"time_ns":-1,"packet":"00"}]}"#, "badType"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","inputs":{}}"#, "badType"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"1111","inputs":[]}"#, "invalidKeyLength"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","inputs":[{"time_ns":5,"packet":"00"},{"time_ns":4,"packet":"00"}]}"#, "unorderedInputs"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","address":"\#(client)","inputs":[]}"#, "badType"),
        (#"{"op":"mix_node","profile":"nym","node_secret":"\#(secret)","address":"0100","inputs":[]}"#, "badType"),
        (#"{"op":"mix_node","profile":"sphinxmix","node_secret":"\#(secret)","inputs":[]}"#, "unknownOp"),
        // gateway_node
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"nym","pull_size":2,"inputs":[{"time_ns":1}]}"#, "missingField"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"nym","pull_size":2,"inputs":[{"time_ns":1,"pull_by":"\#(client)","packet":"00"}]}"#, "missingField"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"other","pull_size":2,"inputs":[]}"#, "badType"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"nym","pull_size":0,"inputs":[]}"#, "badType"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"nym","pull_size":2,"inputs":[{"time_ns":1,"pull_by":"ff"}]}"#, "badType"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"11","index":0,"behaviour":"nym","pull_size":2,"inputs":[]}"#, "invalidKeyLength"),
        (#"{"op":"gateway_node","profile":"nym","node_secret":"\#(secret)","index":0,"behaviour":"nym","pull_size":2,"inputs":[{"time_ns":2,"pull_by":"\#(client)"},{"time_ns":1,"pull_by":"\#(client)"}]}"#, "unorderedInputs"),
    ])
    func refused(_ line: String, _ expected: String) {
        #expect(Self.error(line) == expected, "\(line)")
    }

    static func clientLine(until: UInt64 = 1_000_000, lambdaP: Double = 1, ackKey: String = String(repeating: "22", count: 16),
                           seed: String = String(repeating: "33", count: 32), inputs: String = "[]") -> String {
        let key = "09" + String(repeating: "00", count: 31)
        return #"{"op":"client_node","profile":"nym","topology":{"mix_public_keys":[["\#(key)"]],"gateway_public_keys":["\#(key)"]},"index":0,"gateway":0,"ack_key":"\#(ackKey)","byte_seed":"\#(seed)","draw_seed":7,"parameters":{"lambda_p":\#(lambdaP),"lambda_l":0,"lambda_d":0,"mu":10,"pull_interval":1},"behaviour":"nym","until_ns":\#(until),"inputs":\#(inputs)}"#
    }

    @Test func clientRequests() {
        #expect(Self.error(Self.clientLine()) == nil)
        #expect(Self.error(Self.clientLine(until: 200_000_000_000)) == "badType")
        #expect(Self.error(Self.clientLine(until: 10_000_000_000, lambdaP: 1000)) == "badType")
        #expect(Self.error(Self.clientLine(lambdaP: 0)) == "invalidParameters")
        #expect(Self.error(Self.clientLine(ackKey: "22")) == "invalidKeyLength")
        #expect(Self.error(Self.clientLine(seed: "33")) == "invalidKeyLength")
        #expect(Self.error(Self.clientLine(inputs: #"[{"time_ns":1,"message":"00"}]"#)) == "missingField")
        #expect(Self.error(Self.clientLine(inputs: #"[{"time_ns":2,"gateway_messages":[]},{"time_ns":1,"gateway_messages":[]}]"#)) == "unorderedInputs")
        #expect(Self.error(Self.clientLine(inputs: #"[{"time_ns":1,"submit_to":"03","message":"00"}]"#)) == "badType")
    }

    /// The node ops are in the dispatch table, and `describe` lists them under nym.
    @Test func describeListsTheNodeOps() {
        guard case .object(let answer) = Oracle().respond(to: #"{"op":"describe"}"#),
            case .object(let profiles)? = answer["profiles"], case .array(let nym)? = profiles["nym"]
        else { Issue.record("no describe answer"); return }
        for op in ["mix_node", "gateway_node", "client_node"] { #expect(nym.contains(.string(op))) }
    }
}

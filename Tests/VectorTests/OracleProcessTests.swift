import Foundation
import Testing
import SphinxSpec
@testable import SpecVectors

/// Drives the real `vectors-gen oracle` executable over stdin/stdout (SPEC.md ORACLE-LOOP-1).
@Suite struct OracleProcessTests {
    static func exchange(_ lines: [String]) throws -> [[String: Any]] {
        let binary = try #require(TestSupport.vectorsGenBinary(), "vectors-gen was not built next to the tests")
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let (status, out, _) = try TestSupport.run(binary, ["oracle"], stdin: input)
        #expect(status == 0)
        let text = String(decoding: out, as: UTF8.self)
        let responseLines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return try responseLines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func malformedRequestsGetErrorLinesAndTheLoopGoesOn() throws {
        let requests = [
            #"{"op":"describe"}"#,
            #"{"op":"x25519","profile":"primitives""#,  // cut off
            #"[1,2,3]"#,  // not an object
            #"{"profile":"primitives"}"#,  // no op
            #"{"op":"x25519","profile":"nope"}"#,  // unknown profile
            #"{"op":"fly","profile":"primitives"}"#,  // unknown op
            #"{"op":"x25519","profile":"primitives","scalar":"zz","u":"09"}"#,  // bad hex
            #"{"op":"x25519","profile":"primitives","scalar":"77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a","u":"de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"}"#,
            "",  // blank: skipped
            #"{"op":"x25519","profile":"primitives","scalar":"0100000000000000000000000000000000000000000000000000000000000000","u":"0000000000000000000000000000000000000000000000000000000000000000"}"#,
            #"{"op":7,"profile":"primitives"}"#,
            "\u{00}\u{ff}garbage",
            #"{"op":"deterministic_random","profile":"primitives","random_seed":"00","count":1000000000000}"#,
            #"{"op":"create_forward","profile":"nym","route":[],"delays_ns":[],"destination":"","message":"","payload_size":1000000000000,"randomness":{"initial_secret":""}}"#,
        ]
        let responses = try Self.exchange(requests)
        let expectedErrors: [String?] = [
            nil, "malformedJSON", "notAnObject", "missingField", "unknownProfile", "unknownOp",
            "badHex", nil, "x25519AllZeroSharedSecret", "badType", "malformedJSON",
            "badType", "badType",
        ]
        try #require(responses.count == expectedErrors.count)
        for (response, expected) in zip(responses, expectedErrors) {
            #expect(response["error"] as? String == expected, "\(response)")
            if expected != nil { #expect(response["detail"] is String) }
        }
        #expect((responses[0]["profiles"] as? [String: Any])?["primitives"] != nil)
        // RFC 7748 §6.1.
        #expect(responses[7]["shared"] as? String == "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
    }

    @Test func emptyInputGivesNoOutputAndExitZero() throws {
        #expect(try Self.exchange([]).isEmpty)
    }
}

/// The nym ops through the real executable: a packet made by create_forward is processed hop
/// by hop with the responses' next_packet, and the last hop returns the message.
@Suite struct NymOracleProcessTests {
    @Test func createForwardThenProcessEveryHop() throws {
        let file = try JSONDecoder().decode(
            ForwardFile.self, from: try #require(TestSupport.committedFiles()["nym/forward_v259.json"]))
        let test = try #require(file.testGroups[0].tests.first { $0.inputs.node_secrets.count == 3 })
        var create = try #require(try JSONValue.from(test.inputs.create_forward).objectValue)
        create["op"] = .string("create_forward")
        create["profile"] = .string("nym")
        let line = String(decoding: try DeterministicJSON.encodeLine(JSONValue.object(create)), as: UTF8.self)
        let created = try OracleProcessTests.exchange([line.trimmingCharacters(in: .newlines)])
        let packet = try #require(created.first?["packet"] as? String)
        #expect(packet == test.outputs.create_forward.packet.bytes.hex)

        var current = packet
        for (hop, secret) in test.inputs.node_secrets.enumerated() {
            let request =
                #"{"op":"process","profile":"nym","node_secret":"\#(secret.bytes.hex)","packet":"\#(current)"}"#
            let response = try #require(try OracleProcessTests.exchange([request]).first)
            if hop < 2 {
                #expect(response["outcome"] as? String == "forward")
                current = try #require(response["next_packet"] as? String)
            } else {
                #expect(response["outcome"] as? String == "final")
                #expect(response["message"] as? String == test.inputs.create_forward.message.bytes.hex)
            }
        }
    }

    @Test func nymErrorsAreErrorLines() throws {
        let responses = try OracleProcessTests.exchange([
            #"{"op":"process","profile":"nym","node_secret":"00","packet":"00"}"#,
            #"{"op":"process","profile":"nym","packet":"00"}"#,
            #"{"op":"use_surb","profile":"nym","surb":"","message":"","payload_size":1024}"#,
            #"{"op":"create_forward","profile":"nym","route":[],"delays_ns":[],"destination":"\#(String(repeating: "dd", count: 32))","identifier":"\#(String(repeating: "11", count: 16))","message":"","payload_size":1024,"randomness":{"initial_secret":""}}"#,
            #"{"op":"process","profile":"nym","node_secret":"xyz","packet":"00"}"#,
            #"{"op":"open_reply","profile":"nym"}"#,
        ])
        let names = responses.map { $0["error"] as? String }
        #expect(names == ["invalidInputLength", "missingField", "malformedSURB", "routeEmpty", "badHex", "unknownOp"])
    }
}

extension JSONValue {
    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }
}

/// The sphinxmix ops through the real executable, and `verify --oracle` driving it.
@Suite struct SphinxmixOracleProcessTests {
    @Test func aSURBRoundTripThroughTheExecutable() throws {
        let file = try JSONDecoder().decode(
            SURBFile.self, from: try #require(TestSupport.committedFiles()["sphinxmix/surb.json"]))
        let test = try #require(file.testGroups[0].tests.first { $0.inputs.node_secrets.count == 3 })
        func line(_ op: String, _ value: some Encodable) throws -> String {
            var object = try #require(try JSONValue.from(value).objectValue)
            object["op"] = .string(op)
            object["profile"] = .string("sphinxmix")
            return String(decoding: try DeterministicJSON.encodeLine(JSONValue.object(object)), as: UTF8.self)
                .trimmingCharacters(in: .newlines)
        }
        let created = try #require(
            try OracleProcessTests.exchange([try line("create_surb", test.inputs.create_surb)]).first)
        let surb = try #require(created["surb"] as? String)
        #expect(surb == test.outputs.create_surb.surb.bytes.hex)
        let use = UseSURBRequest(
            surb: Hex(Bytes(hex: surb) ?? []), message: test.inputs.reply_message, payload_size: 1024)
        var packet = try #require(
            try OracleProcessTests.exchange([try line("use_surb", use)]).first?["packet"] as? String)
        var last: [String: Any] = [:]
        for secret in test.inputs.node_secrets {
            let request = ProcessRequest(node_secret: secret, packet: Hex(Bytes(hex: packet) ?? []))
            last = try #require(try OracleProcessTests.exchange([try line("process", request)]).first)
            if let next = last["next_packet"] as? String { packet = next }
        }
        #expect(last["outcome"] as? String == "surb_reply")
        let open = OpenReplyRequest(
            kept_keys: try #require(test.outputs.create_surb.kept_keys),
            surb_id: test.outputs.create_surb.surb_id,
            payload: Hex(Bytes(hex: try #require(last["payload"] as? String)) ?? []))
        let opened = try #require(try OracleProcessTests.exchange([try line("open_reply", open)]).first)
        #expect(opened["message"] as? String == test.inputs.reply_message.bytes.hex)
    }

    @Test func sphinxmixErrorsAreErrorLines() throws {
        let responses = try OracleProcessTests.exchange([
            #"{"op":"process","profile":"sphinxmix","node_secret":"00","packet":"00"}"#,
            #"{"op":"open_reply","profile":"sphinxmix","kept_keys":[],"payload":"00"}"#,
            #"{"op":"use_surb","profile":"sphinxmix","surb":"00","message":"","payload_size":1024}"#,
            #"{"op":"create_surb","profile":"sphinxmix","route":[{"address":"01","public_key":"04"}],"delays_ns":[],"destination":"aa","randomness":{"initial_secret":"01"}}"#,
        ])
        #expect(
            responses.map { $0["error"] as? String } == [
                "invalidScalar", "payloadSizeTooSmall", "malformedSURB", "invalidGroupElement",
            ])
    }

    /// `verify --oracle` drives our own oracle as if it were another implementation, and
    /// fails against one that answers nothing useful.
    @Test func verifyDrivesAnExternalOracle() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let files = [
            "primitives/x25519.json", "nym/forward_v258.json", "nym/invalid.json", "sphinxmix/surb.json",
            "sphinxmix/invalid.json",
        ]
        .map { TestSupport.vectorsRoot.appendingPathComponent($0).path }
        let (status, out, _) = try TestSupport.run(binary, ["verify", "--oracle", "'\(binary.path)' oracle"] + files)
        let text = String(decoding: out, as: UTF8.self)
        #expect(status == 0, "\(text)")
        #expect(text.split(separator: "\n").last?.hasSuffix(" passed, 0 failed") == true)

        let (badStatus, badOut, _) = try TestSupport.run(binary, ["verify", "--oracle", "cat"] + files.prefix(1))
        #expect(badStatus != 0)
        #expect(String(decoding: badOut, as: UTF8.self).contains("failed"))
    }
}

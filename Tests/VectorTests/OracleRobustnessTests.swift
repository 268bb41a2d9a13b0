import Foundation
import Testing
import SphinxSpec

/// The oracle under hostile input (SPEC.md chapter properties, see PROP-ROBUST-1 and
/// ORACLE-LOOP-1): the real `vectors-gen oracle` executable gets a few hundred hostile lines in
/// one run — invalid UTF-8, huge numbers, deep nesting, every field of real requests removed or
/// given a value of the wrong type, bad hex, blank lines, a multi-megabyte line, unknown ops and
/// profiles, and character-level mutations of real requests. Every line that is not blank must
/// get exactly one response line, a JSON object that is either a result or
/// `{"error": String, "detail": String}`; the process must exit 0 at end of input.
@Suite struct OracleRobustnessTests {
    /// The real requests the hostile lines are made from: the `inputs` of the committed Sphinx
    /// and primitives vector files (two tests per file), and process / use_surb requests built
    /// from their outputs.
    static func realRequests() throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        let files = try TestSupport.committedFiles()
        for (path, data) in files.sorted(by: { $0.key < $1.key })
        where !path.hasPrefix("loopix/") && !path.hasSuffix("invalid.json") {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let groups = object["testGroups"] as? [[String: Any]] ?? []
            let tests = groups.flatMap { $0["tests"] as? [[String: Any]] ?? [] }.prefix(2)
            let profile = String(path.prefix { $0 != "/" })
            for test in tests {
                guard let inputs = test["inputs"] as? [String: Any] else { continue }
                let outputs = test["outputs"] as? [String: Any] ?? [:]
                if profile == "primitives" {
                    var request = inputs
                    request["op"] = String(path.dropFirst("primitives/".count).dropLast(".json".count))
                    request["profile"] = "primitives"
                    out.append(request)
                    continue
                }
                for op in ["create_forward", "create_surb", "use_surb", "open_reply"] {
                    guard var request = inputs[op] as? [String: Any] else { continue }
                    request["op"] = op
                    request["profile"] = profile
                    out.append(request)
                }
                if let packet = (outputs["create_forward"] as? [String: Any])?["packet"] as? String,
                    let secret = (inputs["node_secrets"] as? [String])?.first
                {
                    out.append(["op": "process", "profile": profile, "node_secret": secret, "packet": packet])
                }
                if let surb = (outputs["create_surb"] as? [String: Any])?["surb"] as? String {
                    out.append([
                        "op": "use_surb", "profile": profile, "surb": surb, "message": "6869", "payload_size": 1024,
                    ])
                }
            }
        }
        return out
    }

    static func line(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// `object` with `key` set to the raw JSON text `raw` (which may be a number JSONSerialization
    /// cannot write, such as 1e400).
    static func line(_ object: [String: Any], setting key: String, toRaw raw: String) throws -> Data {
        var copy = object
        copy[key] = "@@HOSTILE@@"
        let text = String(decoding: try line(copy), as: UTF8.self)
        return Data(text.replacingOccurrences(of: "\"@@HOSTILE@@\"", with: raw).utf8)
    }

    /// Values of the wrong type, or of the right type but hostile, for any field.
    static let hostileValues: [String] = [
        "null", "true", "false", "0", "-1", "1.5", "-0", "1e400", "-1e400", "18446744073709551616",
        "9223372036854775807", "99999999999999999999999999999999", "\"\"", "\"0\"", "\"zz\"", "\"0g\"",
        "\"abc\"", "\"ÿÿ\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[\"00\"]", "[[[[[[[[]]]]]]]]", "{\"a\":1}",
        "[{\"address\":\"00\",\"public_key\":\"00\"}]", "[18446744073709551615]", "[-1]",
        String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000),
    ]

    static func hostileLines() throws -> [Data] {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x0b, count: 32))
        func pick<T>(_ list: [T]) -> T { list[Int(random.bytes(1)[0]) % list.count] }
        var lines: [Data] = []

        // Invalid UTF-8, control bytes, a byte-order mark, literals JSON does not have.
        let raw: [Bytes] = [
            [0xff, 0xfe, 0xfd], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
            Bytes(#"{"op":""#.utf8) + [0xff, 0xfe] + Bytes(#"","profile":"nym"}"#.utf8),
            Bytes(#"{"op":"process","profile":"nym","packet":""#.utf8) + [0xc3, 0x28]
                + Bytes(#"","node_secret":"00"}"#.utf8),
            [0xef, 0xbb, 0xbf] + Bytes(#"{"op":"describe"}"#.utf8),
            Bytes(#"{"op":"describe"}"#.utf8) + [0x00],
            [0x00], [0x0d], Bytes("\u{0}\u{1}\u{2}{".utf8),
        ]
        lines += raw.map { Data($0) }
        lines += [
            "NaN", "Infinity", "-Infinity", "1e400", "-", "\"", "{", "}", "[", "]", "null", "true", "0", "\"describe\"",
            #"{"op":"describe"} trailing"#, #"{"op":"describe",}"#, #"{"op":"describe","op":"process"}"#,
            #"{'op':'describe'}"#, #"{op:"describe"}"#, #"{"op":"describe"}{"op":"describe"}"#,
            #"{"op":null,"profile":"nym"}"#, #"{"op":"describe\u0000"}"#, #"{"op":"\ud800","profile":"nym"}"#,
            #"{"op":"process","profile":"NYM"}"#, #"{"op":"process","profile":""}"#, #"{"op":"","profile":"nym"}"#,
            #"{"op":"process","profile":"loopix"}"#, #"{"op":"__proto__","profile":"primitives"}"#,
            #"{"op":"open_reply","profile":"nym"}"#,
            #"{"op":"process","profile":"nym","packet":"0","node_secret":"00"}"#,
            #"{"op":"process","profile":"sphinxmix","packet":"zz","node_secret":"00"}"#,
            #"{"op":"process","profile":"sphinxmix","packet":"","node_secret":"","header_len":-1,"body_len":1e400}"#,
            #"{"op":"process","profile":"sphinxmix","packet":"","node_secret":"01","header_len":1048576,"body_len":1048576}"#,
            #"{"op":"create_forward","profile":"nym","route":[],"delays_ns":[],"destination":"","message":"","payload_size":18446744073709551615,"randomness":{"initial_secret":""}}"#,
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            String(repeating: "{\"a\":", count: 20_000) + "1" + String(repeating: "}", count: 20_000),
            String(repeating: "[", count: 100_000),
            #"{"op":"describe","x":"# + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
                + "}",
        ].map { Data($0.utf8) }
        // Blank lines: skipped, no response.
        lines += ["", " ", "\t", "  \t  "].map { Data($0.utf8) }

        // The real requests, then each of their fields removed or replaced, then mutated text.
        let requests = try realRequests()
        #expect(requests.count >= 20, "too few real requests were found in TestVectors")
        for request in requests {
            lines.append(try line(request))
            for key in request.keys.sorted() {
                if key != "op" && key != "profile" {
                    var missing = request
                    missing[key] = nil
                    lines.append(try line(missing))
                }
                for _ in 0..<3 { lines.append(try line(request, setting: key, toRaw: pick(hostileValues))) }
                // One level down: each field of a nested object (randomness, route nodes).
                if let inner = request[key] as? [String: Any], let innerKey = inner.keys.sorted().first {
                    var copy = inner
                    copy[innerKey] = "0"
                    var outer = request
                    outer[key] = copy
                    lines.append(try line(outer))
                }
            }
            // Hex fields of odd length or with non-hex characters.
            for (key, value) in request where value is String && key != "op" && key != "profile" {
                var odd = request
                odd[key] = (value as? String ?? "") + "0"
                lines.append(try line(odd))
                var bad = request
                bad[key] = "xy" + (value as? String ?? "")
                lines.append(try line(bad))
            }
            // A very long line: a 2 MiB hex field.
            if request["op"] as? String == "process", request["profile"] as? String == "nym" {
                var long = request
                long["packet"] = String(repeating: "ab", count: 2 << 20)
                lines.append(try line(long))
            }
            // Character-level mutations of the request's text.
            let text = Bytes(try line(request))
            for _ in 0..<4 {
                var mutated = text
                let at = Int(ByteOps.readBigEndian(random.bytes(4)[...]) % UInt64(mutated.count))
                switch random.bytes(1)[0] % 4 {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(pick(Bytes("{}[],:\"\\0aZ-.eé".utf8)), at: at)
                case 2: mutated[at] = random.bytes(1)[0]
                default: mutated = Array(mutated.prefix(at))
                }
                // A newline would split the line in two: replace it.
                lines.append(Data(mutated.map { $0 == 0x0a ? 0x20 : $0 }))
            }
        }
        // Last: a request that must still be answered after all of the above.
        lines.append(Data(#"{"op":"describe"}"#.utf8))
        return lines
    }

    /// Whether the oracle skips a line (ORACLE-LOOP-1: blank lines are skipped). The oracle reads
    /// with readLine, which repairs invalid UTF-8 the same way.
    static func isBlank(_ line: Data) -> Bool {
        String(decoding: line, as: UTF8.self).allSatisfy { $0.isWhitespace }
    }

    /// The last line of the input need not end with a newline; a NUL-only or garbage last line
    /// is answered too.
    @Test func aLastLineWithoutNewlineIsAnswered() throws {
        let binary = try #require(TestSupport.vectorsGenBinary(), "vectors-gen was not built next to the tests")
        for tail in [#"{"op":"describe"}"#, "\u{0}", "{\"op\":", "\u{FF}"] {
            let (status, out, _) = try TestSupport.run(binary, ["oracle"], stdin: Data(("{}\n" + tail).utf8))
            #expect(status == 0)
            let lines = out.split(separator: 0x0a)
            #expect(lines.count == 2, "\(tail.debugDescription): \(String(decoding: out, as: UTF8.self))")
            for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any]) }
        }
    }

    @Test func everyHostileLineGetsOneJSONObjectLine() throws {
        let binary = try #require(TestSupport.vectorsGenBinary(), "vectors-gen was not built next to the tests")
        let lines = try Self.hostileLines()
        var input = Data()
        for line in lines {
            input.append(line)
            input.append(0x0a)
        }
        let start = Date()
        let (status, out, err) = try TestSupport.run(binary, ["oracle"], stdin: input)
        let elapsed = Date().timeIntervalSince(start)
        #expect(status == 0, "the oracle exited with \(status): \(String(decoding: err.suffix(2000), as: UTF8.self))")

        let expected = lines.filter { !Self.isBlank($0) }
        var responses = out.split(separator: 0x0a, omittingEmptySubsequences: false)
        #expect(responses.last?.isEmpty == true, "the output does not end with a newline")
        responses = responses.dropLast()
        #expect(responses.count == expected.count, "\(expected.count) request lines, \(responses.count) response lines")

        var errorNames: [String: Int] = [:]
        for (index, response) in responses.enumerated() {
            let request = index < expected.count ? String(decoding: expected[index].prefix(160), as: UTF8.self) : "?"
            guard let object = (try? JSONSerialization.jsonObject(with: Data(response))) as? [String: Any] else {
                Issue.record(
                    "response \(index) is not a JSON object: \(String(decoding: response.prefix(200), as: UTF8.self)) for \(request)"
                )
                continue
            }
            if let error = object["error"] {
                #expect(
                    error is String && object["detail"] is String, "malformed error response \(object) for \(request)")
                errorNames[error as? String ?? "?", default: 0] += 1
            } else {
                errorNames["(result)", default: 0] += 1
            }
        }
        let summary = errorNames.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ", ")
        print(
            "oracle robustness: \(lines.count) lines (\(input.count) bytes), \(responses.count) responses in \(String(format: "%.1f", elapsed)) s: \(summary)"
        )
        // The final describe was answered, so the loop ran to the end of the input.
        let last = responses.last.flatMap { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
        #expect(last?["profiles"] != nil)
        // Every unmodified real request is answered with a result.
        #expect((errorNames["(result)"] ?? 0) >= 20)
        #expect(
            (errorNames["malformedJSON"] ?? 0) > 0 && (errorNames["badType"] ?? 0) > 0
                && (errorNames["badHex"] ?? 0) > 0
                && (errorNames["missingField"] ?? 0) > 0)
    }
}

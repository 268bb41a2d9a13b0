import Foundation
import SphinxSpec

/// The line-oriented JSON oracle behind `vectors-gen oracle`.
///
/// SPEC.md [ORACLE-LOOP-1]: the oracle reads one JSON object per line on standard input and
/// writes exactly one JSON object per line on standard output, in order, until end of input;
/// blank lines are skipped. Every response is either the op's result or
/// `{"error": NAME, "detail": TEXT}`; no input makes it crash or write anything that is not one
/// JSON line. Byte strings are lowercase hex (either case accepted on input).
public struct Oracle: Sendable {
    public init() {}

    /// Answers one request line. Never throws: every failure is an error response.
    func respond(to line: String) -> JSONValue {
        do throws(OracleError) {
            return try dispatch(line)
        } catch {
            return error.response
        }
    }

    /// SPEC.md [ORACLE-DISPATCH-1]: the request must be a JSON object (`malformedJSON`,
    /// `notAnObject`) with a string "op" (`missingField`, `badType`). The op `describe`
    /// needs no profile and lists the profiles and their ops; every other op needs a string
    /// "profile" naming a known profile (`unknownProfile`) that supports the op (`unknownOp`).
    /// The (profile, op) pairs and their handlers are the one table in OracleTable.swift.
    private func dispatch(_ line: String) throws(OracleError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        } catch {
            throw OracleError("malformedJSON", "the line is not a JSON value")
        }
        guard case .object(let object) = value else {
            throw OracleError("notAnObject", "a request is a JSON object")
        }
        let request = RequestFields(object)
        let op = try request.string("op")
        if op == "describe" { return describe() }
        let profileName = try request.string("profile")
        let known = OracleTable.profiles
        guard known.contains(profileName) else {
            throw OracleError(
                "unknownProfile",
                "unknown profile \"\(profileName)\"; known: \(known.joined(separator: ", "))")
        }
        return try OracleTable.answer(op, of: profileName, request)
    }

    private func describe() -> JSONValue {
        var list: [String: JSONValue] = [:]
        for name in OracleTable.profiles { list[name] = .array(OracleTable.opNames(of: name).map { .string($0) }) }
        return .object([
            "generator": .string("\(GeneratorInfo.current.name) \(GeneratorInfo.current.version)"),
            "spec": .string(GeneratorInfo.specRevision),
            "profiles": .object(list),
        ])
    }

    /// Encodes a response as one line. A response that cannot be encoded (it cannot happen with
    /// JSONValue) becomes a fixed error line, so the output stays one JSON object per line.
    static func line(for response: JSONValue) -> Data {
        if let data = try? DeterministicJSON.encodeLine(response) { return data }
        return Data("{\"detail\":\"response could not be encoded\",\"error\":\"internal\"}\n".utf8)
    }

    /// The loop over standard input.
    public func run() {
        let output = FileHandle.standardOutput
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0.isWhitespace }) { continue }
            output.write(Oracle.line(for: respond(to: line)))
        }
    }
}

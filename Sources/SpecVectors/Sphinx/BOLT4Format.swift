import Foundation
import SphinxSpec

/// One bolt4 test: an oracle request and what must come back.
///
/// SPEC.md [VEC-BOLT4-1]: a bolt4 file (schema `bolt4.schema.json`) holds tests of the form
/// {tcId, comment, flags, result, op, inputs, outputs}: run `op` of profile "bolt4" on `inputs`
/// (the request); a `valid` test's `outputs` is the whole response, an `invalid` one's is
/// {"error": NAME}. Tests in a group may follow one onion hop by hop.
typealias BOLT4Test = OpTest<JSONValue>

struct BOLT4Group: Codable, Sendable, TestGroup {
    var type: String
    var comment: String
    var tests: [BOLT4Test]
}

typealias BOLT4File = VectorFile<BOLT4Group>

/// Builds tests with running tcIds and checks files, against the built-in oracle or another.
struct BOLT4TestList {
    private(set) var tests: [BOLT4Test] = []
    private var nextId: Int

    init(firstId: Int) { nextId = firstId }
    var nextTcId: Int { nextId }

    /// Runs the op on our oracle and records the answer: the response, or the error's name.
    @discardableResult
    mutating func add<Request: Encodable>(
        _ op: String, _ request: Request, comment: String, flags: [String] = [], result: TestResult = .valid
    ) throws -> JSONValue {
        let inputs = try JSONValue.from(request)
        let outputs: JSONValue
        do throws(OracleError) {
            outputs = try BOLT4Check.call(op, inputs, oracle: nil)
        } catch {
            outputs = .object(["error": .string(error.name)])
        }
        let isError: Bool = {
            if case .object(let object) = outputs, object["error"] != nil { return true }
            return false
        }()
        // A builder that records a valid test that failed, or an invalid one that passed, is
        // a bug in the builder or in the implementation: stop rather than write it.
        guard isError == (result == .invalid) else {
            throw OracleError("internal", "tc \(nextId) (\(op)): expected \(result.rawValue), got \(outputs)")
        }
        tests.append(
            BOLT4Test(
                tcId: nextId, comment: comment, flags: flags, result: result, op: op, inputs: inputs, outputs: outputs))
        nextId += 1
        return outputs
    }
}

enum BOLT4Check {
    /// Answers one request with our table, or with `oracle`.
    static func call(_ op: String, _ inputs: JSONValue, oracle: ExternalOracle?) throws(OracleError) -> JSONValue {
        guard case .object(let object) = inputs else { throw OracleError("badType", "inputs must be an object") }
        if let oracle { return try oracle.call(profile: BOLT4Oracle.name, op: op, fields: object) }
        return try OracleTable.answer(op, of: BOLT4Oracle.name, RequestFields(object))
    }

    /// Checks a file: valid tests field for field, invalid ones must fail (with our error name
    /// when `strictNames`).
    static func verify(_ file: BOLT4File, oracle: ExternalOracle?) -> VerifyReport {
        VerifyReport.checking(file) { _, test, report in
            let id = "tcId \(test.tcId)"
            do throws(OracleError) {
                let answer = try call(test.op, test.inputs, oracle: oracle)
                guard test.result == .valid else {
                    report.fail(id, "\(test.op): must be rejected but was answered")
                    return
                }
                if let difference = JSONDiff.firstDifference(test.outputs, answer) {
                    report.fail(id, "\(test.op): first difference at \(difference)")
                } else {
                    report.pass()
                }
            } catch {
                guard test.result == .invalid else {
                    report.fail(id, "\(test.op): rejected with \(error.name): \(error.detail)")
                    return
                }
                let expected: String? = {
                    if case .object(let object) = test.outputs, case .string(let name)? = object["error"] {
                        return name
                    }
                    return nil
                }()
                if oracle == nil, expected != error.name {
                    report.fail(id, "\(test.op): rejected with \(error.name), the file says \(expected ?? "?")")
                } else {
                    report.pass()
                }
            }
        }
    }
}

/// The bolt4 files `vectors-gen generate` writes.
enum BOLT4Catalog {
    static func entries() -> [CatalogEntry] {
        [
            CatalogEntry(path: "bolt4/onion.json") { try DeterministicJSON.encode(BOLT4Vectors.onionFile()) },
            CatalogEntry(path: "bolt4/errors.json") { try DeterministicJSON.encode(BOLT4Vectors.errorsFile()) },
            CatalogEntry(path: "bolt4/invalid.json") { try DeterministicJSON.encode(BOLT4Invalid.file()) },
        ]
    }
}

import Foundation
import Testing
@testable import SpecVectors

/// Every committed file decodes with the Swift Codable type its `schema` names, and re-encoding
/// the decoded value gives the same bytes: the types hold every field the files have.
@Suite struct DecodeTests {
    struct Probe: Decodable { var schema: String }

    static func roundTrip<T: Codable>(_ type: T.Type, _ data: Data) throws -> Data {
        try DeterministicJSON.encode(JSONDecoder().decode(T.self, from: data))
    }

    @Test func everyFileRoundTripsThroughItsCodableType() throws {
        var decoded = 0
        for (path, data) in try TestSupport.committedFiles().sorted(by: { $0.key < $1.key })
        where !path.hasPrefix("loopix/") {
            let schema = try JSONDecoder().decode(Probe.self, from: data).schema
            let again: Data
            switch schema {
            case "primitives.schema.json": again = try Self.roundTrip(PrimitiveFile.self, data)
            case "sphinx-forward.schema.json": again = try Self.roundTrip(ForwardFile.self, data)
            case "sphinx-surb.schema.json": again = try Self.roundTrip(SURBFile.self, data)
            case "sphinx-invalid.schema.json": again = try Self.roundTrip(InvalidFile.self, data)
            case "bolt4.schema.json": again = try Self.roundTrip(BOLT4File.self, data)
            default:
                Issue.record("\(path): no Codable type for schema \(schema)")
                continue
            }
            #expect(again == data, "\(path) does not round-trip through its Codable type")
            decoded += 1
        }
        #expect(decoded > 0)
    }

    @Test func hexRejectsOddLengthsAndNonHex() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Hex].self, from: Data(#"["abc"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Hex].self, from: Data(#"["zz"]"#.utf8)) }
        #expect(try JSONDecoder().decode([Hex].self, from: Data(#"["00ff"]"#.utf8)) == [Hex([0, 255])])
    }

    /// A final hop writes `message: null` when the payload is not intact (SPEC.md VEC-SPHINX-PROCESS-1).
    @Test func aFinalHopWritesNullMessages() throws {
        let file = try JSONDecoder().decode(
            InvalidFile.self, from: try #require(TestSupport.committedFiles()["nym/invalid.json"]))
        #expect(file.testGroups[0].tests.contains { $0.outputs.error == "payloadZeroPrefixMissing" })
        let forward = try JSONDecoder().decode(
            ForwardFile.self, from: try #require(TestSupport.committedFiles()["nym/forward_v258.json"]))
        let last = try #require(forward.testGroups[0].tests[0].outputs.hops.last)
        #expect(last.result.outcome == "final")
        #expect(last.result.message == forward.testGroups[0].tests[0].inputs.create_forward.message)
        let text = String(decoding: try DeterministicJSON.encode(last.result), as: UTF8.self)
        #expect(text.contains("\"payload_error\" : null"))
    }
}

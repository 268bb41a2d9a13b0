import Foundation
import Testing
@testable import vectors_gen

/// Every committed file decodes with the Swift Codable types, and re-encoding the decoded value
/// gives the same bytes: the types hold every field the files have.
@Suite struct DecodeTests {
    @Test func everyPrimitivesFileRoundTripsThroughItsCodableType() throws {
        for (path, data) in try TestSupport.committedFiles() where path.hasPrefix("primitives/") {
            let file = try JSONDecoder().decode(PrimitiveFile.self, from: data)
            #expect(try DeterministicJSON.encode(file) == data, "\(path) does not round-trip")
            #expect(file.schema == "primitives.schema.json")
        }
    }

    @Test func hexRejectsOddLengthsAndNonHex() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Hex].self, from: Data(#"["abc"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Hex].self, from: Data(#"["zz"]"#.utf8)) }
        #expect(try JSONDecoder().decode([Hex].self, from: Data(#"["00ff"]"#.utf8)) == [Hex([0, 255])])
    }
}

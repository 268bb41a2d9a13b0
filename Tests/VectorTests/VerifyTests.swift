import Foundation
import Testing
import SphinxSpec
@testable import SpecVectors

/// `vectors-gen verify` over the committed files: every case passes, and a changed file fails.
@Suite struct VerifyTests {
    @Test func everyCommittedCasePasses() throws {
        let files = try TestSupport.committedFiles()
        #expect(!files.isEmpty)
        var total = VerifyReport()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let report = Catalog.verify(name: path, contents: data)
            #expect(report.failed == 0, "\(path): \(report.failures.prefix(5))")
            #expect(report.passed > 0, "\(path): no case was checked")
            total.merge(report)
        }
        #expect(total.failed == 0)
    }

    /// The checker must be able to fail: flip one output byte of a known answer.
    @Test func aChangedKnownAnswerFails() throws {
        var file = try PrimitiveVectors.file(.x25519)
        var test = file.testGroups[0].tests[0]
        var shared = try #require(test.outputs.shared).bytes
        shared[0] ^= 1
        test.outputs.shared = Hex(shared)
        file.testGroups[0].tests[0] = test
        let report = PrimitiveVectors.verify(file)
        #expect(report.failed == 1)
    }

    @Test func aWrongNumberOfTestsAndAnUnexplainedFlagFail() throws {
        var file = try PrimitiveVectors.file(.sha256)
        file.numberOfTests += 1
        file.testGroups[0].tests[0].flags.append("NotExplained")
        let report = PrimitiveVectors.verify(file)
        #expect(report.failures.contains { $0.contains("numberOfTests") })
        #expect(report.failures.contains { $0.contains("NotExplained") })
    }

    @Test func anInvalidCaseThatIsAcceptedFails() throws {
        var file = try PrimitiveVectors.file(.aes128CTR)
        let index = try #require(file.testGroups[0].tests.firstIndex { $0.result == .valid })
        file.testGroups[0].tests[index].result = .invalid
        #expect(PrimitiveVectors.verify(file).failed == 1)
    }

    @Test func garbageIsOneFailureNotACrash() {
        let report = Catalog.verify(name: "garbage.json", contents: Data("{not json".utf8))
        #expect(report.failed == 1)
        let wrongSchema = Catalog.verify(
            name: "x.json", contents: Data(#"{"schema":"nope.schema.json","algorithm":"X"}"#.utf8))
        #expect(wrongSchema.failed == 1)
    }
}

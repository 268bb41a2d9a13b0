import Foundation
import Testing
import LoopixSpec
@testable import SpecVectors

/// The vector files (SPEC.md LOOPIX-VECTORS): generated files verify, the committed files are
/// byte-identical to a fresh generation, and a file with one wrong value is caught.
@Suite struct LoopixVectorFileTests {
    static var vectorDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("TestVectors/loopix")
    }

    @Test func generatedFilesVerify() throws {
        let files = try LoopixVectors.files()
        #expect(files.map(\.name) == ["loopix_random.json", "loopix_paths.json", "loopix_closed_forms.json"])
        for f in files {
            let r = LoopixVectors.verify(name: f.name, contents: f.contents)
            #expect(r.failures.isEmpty, "\(r.failures)")
            #expect(r.passed > 5)
        }
        // Generation is deterministic.
        #expect(try LoopixVectors.files().map(\.contents) == files.map(\.contents))
    }

    @Test func committedFilesAreCurrent() throws {
        for f in try LoopixVectors.files() {
            let url = Self.vectorDirectory.appendingPathComponent(f.name)
            let committed = try String(contentsOf: url, encoding: .utf8)
            #expect(
                committed == f.contents,
                "\(f.name) differs from a fresh generation: run `swift run vectors-gen generate`")
        }
    }

    @Test func tamperingIsCaught() throws {
        let files = try LoopixVectors.files()
        guard let random = files.first(where: { $0.name == "loopix_random.json" }),
            let closed = files.first(where: { $0.name == "loopix_closed_forms.json" }),
            let paths = files.first(where: { $0.name == "loopix_paths.json" })
        else {
            Issue.record("missing file"); return
        }
        // A published 64-bit output off by one.
        let r1 = LoopixVectors.verify(
            name: random.name,
            contents: random.contents.replacingOccurrences(of: "\"1509978240\"", with: "\"1509978241\""))
        #expect(r1.failures.count == 1)
        // Theorem 1's 1/7 replaced by the v1 mislabelled value.
        let sevenths = String(1.0 / 7.0)
        #expect(closed.contents.contains(sevenths))
        let r2 = LoopixVectors.verify(
            name: closed.name, contents: closed.contents.replacingOccurrences(of: sevenths, with: String(4.0 / 70.0)))
        #expect(!r2.failures.isEmpty)
        // An invalid test relabelled valid.
        let r3 = LoopixVectors.verify(
            name: closed.name,
            contents: closed.contents.replacingOccurrences(of: "\"result\": \"invalid\"", with: "\"result\": \"valid\"")
        )
        #expect(!r3.failures.isEmpty)
        // A mix index changed in a path.
        let r4 = LoopixVectors.verify(
            name: paths.name, contents: paths.contents.replacingOccurrences(of: "\"index\": 7,", with: "\"index\": 8,"))
        #expect(!r4.failures.isEmpty)
        // Not JSON.
        #expect(!LoopixVectors.verify(name: paths.name, contents: "{").failures.isEmpty)
    }
}

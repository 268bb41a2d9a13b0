import Foundation
import Testing
@testable import SpecVectors

/// SPEC.md VEC-DETERMINISM-1: regenerating writes exactly the committed files.
@Suite struct RegenerationTests {
    @Test func regeneratingIntoATemporaryFolderReproducesEveryCommittedFile() throws {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("vectors-regen-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        for entry in Catalog.entries() { _ = try entry.write(under: temporary) }

        let committed = try TestSupport.committedFiles()
        for entry in Catalog.entries() {
            let fresh = try Data(contentsOf: temporary.appendingPathComponent(entry.path))
            let old = committed[entry.path]
            #expect(old != nil, "\(entry.path) is generated but not committed: run `swift run vectors-gen generate`")
            #expect(old == fresh, "\(entry.path) differs from what the generator writes now: regenerate and commit it")
        }
    }

    @Test func everyCommittedFileIsInTheCatalog() throws {
        let generated = Set(Catalog.entries().map(\.path))
        for path in try TestSupport.committedFiles().keys {
            #expect(generated.contains(path), "\(path) is committed but no longer generated")
        }
    }

    @Test func generatingTwiceGivesTheSameBytes() throws {
        for entry in Catalog.entries() {
            #expect(try entry.generate() == entry.generate(), "\(entry.path) is not deterministic")
        }
    }

    @Test func filesEndWithOneNewlineAndUseSortedKeys() throws {
        for (path, data) in try TestSupport.committedFiles() {
            #expect(data.last == 0x0a, "\(path) does not end with a newline")
            #expect(data.dropLast().last != 0x0a, "\(path) ends with more than one newline")
        }
    }
}

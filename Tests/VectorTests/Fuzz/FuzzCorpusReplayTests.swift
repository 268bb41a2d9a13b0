import Foundation
import SphinxSpec
import Testing

/// Every input of the committed, minimised libFuzzer corpora (scripts/fuzz/corpus/<harness>/)
/// goes again through the harness's entry point (FuzzEntries.swift, the same file libFuzzer
/// runs): a regression suite of the inputs that reached new code. SPEC.md [PROP-ROBUST-2].
@Suite struct FuzzCorpusReplayTests {
    static let corpusRoot = TestSupport.packageRoot.appendingPathComponent("scripts/fuzz/corpus", isDirectory: true)

    static func inputs(of harness: String) throws -> [(name: String, bytes: Bytes)] {
        let folder = corpusRoot.appendingPathComponent(harness, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, Bytes(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    @Test(arguments: FuzzEntry.all.map(\.name))
    func corpusReplays(harness: String) throws {
        let entry = try #require(FuzzEntry.all.first { $0.name == harness })
        let inputs = try Self.inputs(of: harness)
        #expect(!inputs.isEmpty, "no committed corpus for \(harness)")
        var outcomes: [String: Int] = [:]
        for input in inputs {
            // Reaching the next line is the test: a trap would end the process.
            for outcome in entry.run(input.bytes) { outcomes[outcome, default: 0] += 1 }
        }
        // The corpus reaches success and failure alike (its point is coverage).
        #expect(outcomes.count > 1, "\(harness): \(outcomes)")
    }

    /// The negative control: the entry points report what they reach; a known-good nym packet
    /// processes ("ok") and a truncated one does not.
    @Test func entryPointsReportOutcomes() throws {
        let valid = FuzzEntry.mixNode([0, 7, 0])
        #expect(valid == [], "a valid packet is held, not dropped: \(valid)")
        let tampered = FuzzEntry.mixNode([0, 7, 0, 2, 1, 2, 0x40])
        #expect(tampered == ["headerMACMismatch"], "\(tampered)")
        let replayed = FuzzEntry.mixNode([0, 7, 0, 1])
        #expect(replayed == ["replayedTag"], "\(replayed)")
        #expect(FuzzEntry.nym([0, 1, 2]).contains("invalidPacketLength"))
        // bolt4: a short onion fails to parse; a forward payload behind a correct HMAC
        // processes, without and with associated data; a failure body behind a correct um HMAC
        // decodes, and one whose failure_len runs past the end is refused.
        #expect(FuzzEntry.bolt4([0, 1, 2]) == Array(repeating: "invalidPacketLength", count: 3))
        let hop = [5] + Bytes("abcde".utf8) + Bytes(repeating: 7, count: 32)
        #expect(FuzzEntry.bolt4([1] + hop) == ["ok"])
        #expect(FuzzEntry.bolt4([5] + hop) == ["ok"])
        let failure = FuzzEntry.bolt4([2, 0, 4] + Bytes("fail".utf8) + [0, 0])
        #expect(failure == ["returnPacketTooShort", "ok", "ok"], "\(failure)")
        let malformed = FuzzEntry.bolt4([2, 0, 9] + Bytes("fail".utf8) + [0, 0])
        #expect(malformed == ["returnPacketTooShort", "malformedFailureMessage", "ok"], "\(malformed)")
        // Found while writing the bolt4 harness (2026-12-05): `decodeRoutingEntry` on a block
        // shorter than the length its BigSize declares (plus the next HMAC) trapped on an
        // out-of-bounds slice; it is now `malformedRoutingEntry`. The input is also in the corpus.
        // The campaign's finding (2026-12-05): a vector file whose DeterministicRandom test asks
        // for "count": 12e8 made verification draw 1.2 GB (libFuzzer's out-of-memory); counts
        // above 1 MiB now fail that test. The input is in the corpus (oom-count-12e8).
        let oom = try #require(try Self.inputs(of: "FuzzVectorFile").first { $0.name == "oom-count-12e8" })
        #expect(FuzzEntry.vectorFile(oom.bytes).first?.hasSuffix(" 0 failed") == false)
        let short = FuzzEntry.bolt4([3, 5] + Bytes("abcde".utf8))
        #expect(short == ["invalidGroupElement", "ok", "malformedRoutingEntry", "invalidPacketLength"], "\(short)")
    }
}

import Foundation
import Testing

/// `verify --oracle` against oracles that hang or crash (SPEC.md ORACLE-EXTERNAL-2): each such
/// request fails its own case, the run goes on with a fresh process, and nothing hangs.
@Suite struct ExternalOracleTimeoutTests {
    static let file = TestSupport.vectorsRoot.appendingPathComponent("primitives/x25519.json").path

    /// A command that misbehaves (`misbehaviour`) on its first request only, and is the real
    /// oracle after that: the first run creates a marker file, later runs find it.
    static func flakyOracle(_ binary: URL, misbehaviour: String) throws -> (command: String, marker: URL) {
        let marker = FileManager.default.temporaryDirectory
            .appendingPathComponent("oracle-first-\(UUID().uuidString)")
        let command =
            "if [ -e '\(marker.path)' ]; then exec '\(binary.path)' oracle; "
            + "else touch '\(marker.path)'; read line; \(misbehaviour); fi"
        return (command, marker)
    }

    static func verify(_ binary: URL, oracle: String, timeout: String) throws -> (Int32, String, Double) {
        let start = Date()
        let (status, out, _) = try TestSupport.run(
            binary, ["verify", "--oracle", oracle, "--oracle-timeout", timeout, file])
        return (status, String(decoding: out, as: UTF8.self), Date().timeIntervalSince(start))
    }

    /// The counts on the summary line "…: N passed, M failed".
    static func counts(_ text: String) -> (passed: Int, failed: Int)? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains(" passed, ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { return nil }
        return (numbers[numbers.count - 2], numbers[numbers.count - 1])
    }

    @Test func aHangingRequestFailsOnlyItsCase() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let (command, marker) = try Self.flakyOracle(binary, misbehaviour: "exec sleep 60")
        defer { try? FileManager.default.removeItem(at: marker) }
        let (status, text, seconds) = try Self.verify(binary, oracle: command, timeout: "1")
        #expect(status != 0)
        #expect(text.contains("oracleTimeout"), "\(text)")
        let counts = try #require(Self.counts(text), "\(text)")
        #expect(counts.failed == 1, "\(text)")
        #expect(counts.passed > 0)
        #expect(seconds < 30, "the run took \(seconds) s")
    }

    @Test func aCrashingRequestFailsOnlyItsCase() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let (command, marker) = try Self.flakyOracle(binary, misbehaviour: "exit 3")
        defer { try? FileManager.default.removeItem(at: marker) }
        let (status, text, _) = try Self.verify(binary, oracle: command, timeout: "10")
        #expect(status != 0)
        #expect(text.contains("oracleCrashed"), "\(text)")
        #expect(Self.counts(text)?.failed == 1, "\(text)")
    }

    /// An oracle that never answers is given up after three timeouts: the run ends quickly.
    @Test func anOracleThatNeverAnswersIsGivenUp() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let (status, text, seconds) = try Self.verify(binary, oracle: "exec sleep 60", timeout: "0.5")
        #expect(status != 0)
        #expect(text.contains("oracleTimeout") && text.contains("oracleBroken"), "\(text)")
        #expect(Self.counts(text)?.passed == 0)
        #expect(seconds < 20, "the run took \(seconds) s")
    }

    /// The negative control: a well-behaved oracle with the same short timeout passes every case.
    @Test func aGoodOracleIsNotTimedOut() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let (status, text, _) = try Self.verify(binary, oracle: "'\(binary.path)' oracle", timeout: "5")
        #expect(status == 0, "\(text)")
        #expect(Self.counts(text)?.failed == 0)
    }
}

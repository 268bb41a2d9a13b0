import Foundation
import Testing
@testable import LoopixSpec

/// The round trip through the tool: `loopix-sim attack trace` writes a run's view and ground
/// truth, `attack trace --observation` and `attack disclosure --observation` read them back, and
/// their JSON figures equal those of the same attacks on the same run in memory.
@Suite struct CommandRoundTripTests {
    /// The built loopix-sim: next to the test binary (Linux) or in .build/debug.
    static func loopixSim() -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var candidates = [root.appendingPathComponent(".build/debug/loopix-sim")]
        if let first = CommandLine.arguments.first {
            candidates.insert(
                URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("loopix-sim"), at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ tool: URL, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// What `attack disclosure --observation … --truth … --json` writes.
    struct DisclosureFile: Decodable {
        var run: DisclosureAttack.ViewRun
        var friendProviders: [Int]?
        var roundsCorrelation: Int?
        var roundsExcess: Int?
    }

    /// `loopix-sim run --one-thread` writes the same JSON as the default run with the sender
    /// tracking on a second thread (SPEC.md LOOPIX-METRIC-THREAD); with --packets it is refused.
    @Test func oneThreadWritesTheSameFile() throws {
        let tool = try #require(Self.loopixSim(), "loopix-sim was not built next to the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loopix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = [
            "run", "--preset", "mixim", "--targets", "0", "--duration", "12", "--burn-in", "3", "--cooldown", "1",
            "--quiet",
        ]
        let two = folder.appendingPathComponent("two.json"), one = folder.appendingPathComponent("one.json")
        let (s2, log2) = try Self.run(tool, common + ["--json", two.path])
        let (s1, log1) = try Self.run(tool, common + ["--one-thread", "--json", one.path])
        #expect(s2 == 0 && s1 == 0, "\(log2)\(log1)")
        #expect(try Data(contentsOf: one) == Data(contentsOf: two))
        let (s3, log3) = try Self.run(tool, ["run", "--preset", "nym", "--packets", "--one-thread", "--quiet"])
        #expect(s3 != 0 && log3.contains("--one-thread goes with the timing model"))
    }

    @Test func theToolsFilesGiveTheFiguresOfTheRun() throws {
        let tool = try #require(Self.loopixSim(), "loopix-sim was not built next to the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loopix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        // The run as the tool makes it: loopix-paper, 20 clients, µ = 40/s, λ_M = 0, 20 s, burn-in 4,
        // cooldown min(10·l/µ, 8) = 0.75 s, seed 1.
        let (s1, log1) = try Self.run(
            tool,
            [
                "attack", "trace", "--clients", "20", "--mu", "40", "--duration", "20", "--burn-in", "4",
                "--targets", "100", "--quiet", "--write-observation", path("view.jsonl"),
                "--write-truth", path("truth.jsonl"), "--json", path("a.json"),
            ])
        #expect(s1 == 0, "\(log1)")
        var p = LoopixParameters.loopixPaper
        p.clients = 20
        p.mu = 40
        p.lambdaM = 0
        let simulator = try LoopixSimulator(
            parameters: p, config: SimulationConfig(seed: 1, duration: 20, burnIn: 4, cooldown: 0.75))
        let (result, recording) = ObserverRecording.run(simulator)
        let memory = try TracingAttack.score(result: result, recording: recording, burnIn: 4, targets: 100)
        let written = try JSONDecoder().decode(
            TracingReport.self, from: Data(contentsOf: folder.appendingPathComponent("a.json")))
        #expect(written == memory)
        // Step 2: the tracer on the files.
        let (s2, log2) = try Self.run(
            tool,
            [
                "attack", "trace", "--observation", path("view.jsonl"), "--truth", path("truth.jsonl"),
                "--from", "4", "--to", "\(result.windowEnd)", "--targets", "100", "--quiet", "--json", path("b.json"),
            ])
        #expect(s2 == 0, "\(log2)")
        let fromFile = try JSONDecoder().decode(
            TracingAttack.ViewResult.self, from: Data(contentsOf: folder.appendingPathComponent("b.json")))
        var expected = memory
        expected.senderEntropy = nil
        expected.senderTwoToMinusH = nil
        #expect(fromFile.report == expected)
        // Step 3: the disclosure attack on the files (client 3 as Alice, rounds of 2 s).
        let (s3, log3) = try Self.run(
            tool,
            [
                "attack", "disclosure", "--observation", path("view.jsonl"), "--truth", path("truth.jsonl"),
                "--writer", "3", "--friends", "2", "--round-length", "2", "--start", "4", "--quiet",
                "--json", path("d.json"),
            ])
        #expect(s3 == 0, "\(log3)")
        let disclosure = try JSONDecoder().decode(
            DisclosureFile.self, from: Data(contentsOf: folder.appendingPathComponent("d.json")))
        let view = try DisclosureAttack.onView(
            recording.observation, providers: p.providers, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
            setting: .init(writer: 3, friends: 2, roundLength: 2, start: 4))
        let friends = DisclosureAttack.friendProviders(
            recording.observation, truth: recording.truth, writer: 3, layers: p.layers, mixesPerLayer: p.mixesPerLayer)
        #expect(disclosure.run == view)
        #expect(disclosure.friendProviders == friends.sorted())
        #expect(disclosure.roundsExcess == DisclosureAttack.roundsToDisclosure(view.excessGuesses, friends: friends))
        // Negative control: a file cut in the middle of a line is refused with its line number.
        let text = try String(contentsOfFile: path("view.jsonl"), encoding: .utf8)
        try Data(text.prefix(2000).utf8).write(to: folder.appendingPathComponent("cut.jsonl"))
        let (s4, log4) = try Self.run(tool, ["attack", "trace", "--observation", path("cut.jsonl"), "--quiet"])
        let cutLine = text.prefix(2000).split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(s4 != 0 && log4.contains("line \(cutLine)"), "\(log4)")
    }
}

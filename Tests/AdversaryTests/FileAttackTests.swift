import Foundation
import Testing
@testable import LoopixSpec

/// Attacks on an observation file a user brings (SPEC.md LOOPIX-ADV-FILE-READ): malformed files
/// end in a typed error with the line, and a run's files, written and read back, give the
/// figures of the attack on the run in memory.
@Suite struct FileAttackTests {
    static let header = ObservationFile.observationText([], parameters: ObserverViewTests.parameters)

    /// Each malformed observation names its line; the network of the header has 12 clients,
    /// 3 providers and 3 × 2 mixes.
    @Test(arguments: [
        ("truncated line", "{\"from\":\"c0\",\"t\":1,\"to\":\"p0\"}\n{\"from\":\"c1\",\"t\":1.5,\"to", 3),
        ("wrong key", "{\"form\":\"c0\",\"t\":1,\"to\":\"p0\"}\n", 2),
        ("extra key", "{\"from\":\"c0\",\"kind\":\"real\",\"t\":1,\"to\":\"p0\"}\n", 2),
        ("time not a number", "{\"from\":\"c0\",\"t\":\"1\",\"to\":\"p0\"}\n", 2),
        ("non-monotone time", "{\"from\":\"c0\",\"t\":2,\"to\":\"p0\"}\n{\"from\":\"p0\",\"t\":1,\"to\":\"m0\"}\n", 3),
        ("unknown mix", "{\"from\":\"p0\",\"t\":1,\"to\":\"m6\"}\n", 2),
        ("unknown client", "{\"from\":\"c12\",\"t\":1,\"to\":\"p0\"}\n", 2),
        ("index not canonical", "{\"from\":\"c01\",\"t\":1,\"to\":\"p0\"}\n", 2),
        (
            "blank line inside", "{\"from\":\"c0\",\"t\":1,\"to\":\"p0\"}\n\n{\"from\":\"p0\",\"t\":1,\"to\":\"m0\"}\n",
            3
        ),
    ])
    func aMalformedObservationNamesItsLine(what: String, body: String, line: Int) {
        #expect {
            _ = try ObservationFile.parseObservation(Self.header + body)
        } throws: { error in
            guard case .badObservation(let l, let reason) = error as? AdversaryError else { return false }
            print("\(what): line \(l): \(reason)")
            return l == line
        }
    }

    /// The reader accepts what the writer writes, with or without the final newline; a header
    /// with an impossible network and a truth file that does not fit are refused.
    @Test func headersAndTruthFilesAreChecked() throws {
        let ok = Self.header + "{\"from\":\"c11\",\"t\":1,\"to\":\"p2\"}\n{\"from\":\"p2\",\"t\":1,\"to\":\"m1\"}"
        #expect(try ObservationFile.parseObservation(ok).1.count == 2)
        let zeroLayers = Self.header.replacingOccurrences(of: "\"layers\":3", with: "\"layers\":0")
        #expect(
            throws: AdversaryError.badObservation(
                line: 1, reason: "a count below 1, µ not > 0 or a rate not finite and ≥ 0")
        ) {
            _ = try ObservationFile.parseObservation(zeroLayers)
        }
        let truth = ObservationFile.truthText([.init(message: 0, kind: .real), .init(message: nil, kind: nil)])
        #expect(try ObservationFile.parseTruth(truth, events: 2).count == 2)
        for (text, events, line) in [
            (truth, 3, 1),
            (truth.replacingOccurrences(of: "\"kind\":\"real\"", with: "\"kind\":\"secret\""), 2, 2),
            (truth.replacingOccurrences(of: "\"message\":0", with: "\"message\":-1"), 2, 2),
            (truth.replacingOccurrences(of: "\"message\":null", with: "\"msg\":null"), 2, 3),
        ] {
            #expect {
                _ = try ObservationFile.parseTruth(text, events: events)
            } throws: { error in
                guard case .badObservation(let l, _) = error as? AdversaryError else { return false }
                return l == line
            }
        }
    }

    /// Writes `text` to a fresh temporary file and reads it back, as the command does.
    static func throughDisk(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loopix-\(UUID().uuidString)-\(name)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Round trip of the tracer: the run's files, read back, give the same report as the attack
    /// on the run in memory (every figure equal, the run's sender entropy aside), and the same
    /// guesses without the truth.
    @Test func tracingAFileEqualsTracingTheRun() throws {
        let simulator = try TracingTests.simulator(mu: 40, seed: 4)
        let (result, recording) = ObserverRecording.run(simulator)
        let memory = try TracingAttack.score(
            result: result, recording: recording, burnIn: simulator.config.burnIn, targets: 150)
        let p = simulator.parameters
        let observation = try Self.throughDisk(
            ObservationFile.observationText(recording.observation, parameters: p), "view.jsonl")
        let truthText = try Self.throughDisk(ObservationFile.truthText(recording.truth), "truth.jsonl")
        let (h, events) = try ObservationFile.parseObservation(observation)
        let truth = try ObservationFile.parseTruth(truthText, events: events.count)
        #expect(events == recording.observation && truth == recording.truth)
        let file = try TracingAttack.onView(
            events, layers: h.layers, mixesPerLayer: h.mixesPerLayer, mu: h.mu, from: simulator.config.burnIn,
            to: result.windowEnd, targets: 150, truth: truth)
        var expected = memory
        expected.senderEntropy = nil
        expected.senderTwoToMinusH = nil
        let report = try #require(file.report)
        print(
            "trace from file: \(report.targets) targets, top-1 \(report.top1Success), in memory \(memory.top1Success)")
        #expect(report == expected)
        let blind = try TracingAttack.onView(
            events, layers: h.layers, mixesPerLayer: h.mixesPerLayer, mu: h.mu, from: simulator.config.burnIn,
            to: result.windowEnd, targets: 150)
        #expect(blind.report == nil && blind.guesses == file.guesses && blind.guesses.count >= report.targets)
    }

    /// Round trip of the disclosure attack: a run with a writing habit, its files read back, gives
    /// the guesses and rounds to disclosure of the attack on the run in memory; the friends read
    /// from the truth file are the habit's.
    @Test func disclosureOnAFileEqualsTheRun() throws {
        let s = DisclosureTraceTests.setting(cover: true, nym: false, rounds: 60)
        let config = SimulationConfig(seed: 21, duration: 310, burnIn: 5, trackSenderEntropy: false, habit: s.habit)
        let (_, recording) = ObserverRecording.run(try LoopixSimulator(parameters: s.parameters, config: config))
        let p = s.parameters
        let view = DisclosureAttack.ViewSetting(writer: 0, friends: 2, roundLength: 5, start: 5)
        let memory = try DisclosureAttack.onView(
            recording.observation, providers: p.providers, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
            setting: view)
        let (h, events) = try ObservationFile.parseObservation(
            try Self.throughDisk(ObservationFile.observationText(recording.observation, parameters: p), "v.jsonl"))
        let truth = try ObservationFile.parseTruth(
            try Self.throughDisk(ObservationFile.truthText(recording.truth), "t.jsonl"), events: events.count)
        let file = try DisclosureAttack.onView(
            events, providers: h.providers, layers: h.layers, mixesPerLayer: h.mixesPerLayer, setting: view)
        #expect(file == memory)
        let friends = DisclosureAttack.friendProviders(
            events, truth: truth, writer: 0, layers: h.layers, mixesPerLayer: h.mixesPerLayer)
        #expect(friends == [1, 2])
        let rounds = DisclosureAttack.roundsToDisclosure(file.excessGuesses, friends: friends)
        print("disclosure from file: \(file.rounds) rounds, excess disclosed at \(String(describing: rounds))")
        #expect(rounds == DisclosureAttack.roundsToDisclosure(memory.excessGuesses, friends: [1, 2]))
    }
}

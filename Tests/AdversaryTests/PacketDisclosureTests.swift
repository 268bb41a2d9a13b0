import Foundation
import Testing
@testable import LoopixSpec

/// The observer's view of the packet-level run (SPEC.md LOOPIX-ADV-PKT-VIEW) and the statistical
/// disclosure attack on it (LOOPIX-ADV-SDA-PKT): the setting of `DisclosureTraceTests` (ten
/// clients with a provider each, Alice = client 0 writing to clients 1 and 2, rounds of 5 s),
/// run on real Sphinx packets.
@Suite struct PacketDisclosureTests {
    /// The attack on packet-level runs with the loopix-paper behaviour and no cover but the
    /// payload stream discloses the friends in as many rounds as the rounds model predicts: the
    /// median over 5 runs of 40 rounds lies in the central 99 % of the model's median of 5
    /// (resampled from 300 model trials); a model with an eight times heavier background must not
    /// contain it.
    @Test func packetRunMatchesTheRoundsModel() throws {
        let s = DisclosureTraceTests.setting(cover: false, nym: false, rounds: 40)
        let c = try DisclosureAttack.packetCurve(s, behaviour: .loopixPaper, trials: 5, seed: 80)
        func interval(heavier: Double) throws -> ClosedRange<Int> {
            var model = c.model
            model.backgroundRate *= heavier
            let rounds = try (0..<300).map { i in
                try DisclosureAttack.loopixCurve(model, maxRounds: s.rounds, trials: 1, seed: 80_000 &+ UInt64(i))
                    .medianRoundsExcess
            }
            return DisclosureTraceTests.medianInterval(rounds, k: 5, seed: 80)
        }
        let normal = try interval(heavier: 1), heavy = try interval(heavier: 8)
        let median = try #require(c.medianRoundsExcess)
        print(
            "SDA on packet runs (paper behaviour, no cover): excess rounds \(c.roundsExcess.map { $0 ?? -1 }),"
                + " median \(median); model 99 % interval \(DisclosureTraceTests.describe(normal)),"
                + " 8× background \(DisclosureTraceTests.describe(heavy))")
        #expect(c.runs.hasPrefix("packet-level run"))
        #expect(normal.contains(median))
        #expect(!heavy.contains(median))
    }

    /// Negative control: Alice writing uniformly is not disclosed; at most two of five runs end
    /// on clients 1 and 2 by chance (the median is "never").
    @Test func aUniformWriterIsNotDisclosedInPacketRuns() throws {
        let s = DisclosureTraceTests.setting(cover: false, nym: false, friends: [], rounds: 40)
        let c = try DisclosureAttack.packetCurve(s, behaviour: .loopixPaper, trials: 5, seed: 90)
        print("SDA on packet runs, uniform writer: excess \(c.roundsExcess)")
        #expect(c.medianRoundsExcess == nil)
        #expect(c.excessCorrect.last ?? 1 < 0.5)
    }

    /// The view of a packet-level run is complete and consistent (LOOPIX-ADV-PKT-VIEW): times
    /// never decrease; each packet's links form one path (a link starts where the last one
    /// ended); every client packet starts on its client's link to its own gateway, every ack at
    /// a gateway; Nym's behaviour has acks (no kind) and pushes, the paper's pulls with dummies;
    /// Alice's real messages reach only her friends' providers. The view changes nothing: the
    /// result is the same, byte for byte, with and without it.
    @Test(arguments: [true, false])
    func theViewOfAPacketRun(nym: Bool) throws {
        let s = DisclosureTraceTests.setting(cover: true, nym: nym, rounds: 4)
        let p = s.parameters
        let config = SimulationConfig(seed: 7, duration: 30, burnIn: 5, trackSenderEntropy: false, habit: s.habit)
        let simulator = try PacketSimulator(
            parameters: p, behaviour: nym ? .nym : .loopixPaper, config: config)
        let (result, recording) = try ObserverRecording.run(simulator)
        let events = recording.observation, truth = recording.truth
        #expect(events.count == truth.count && events.count > 1000)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time })
        var last: [Int: LinkEvent] = [:]
        var acks = 0, handOvers = 0, dummies = 0
        for (e, t) in zip(events, truth) {
            if case .client = e.to { handOvers += 1 }
            guard let message = t.message else {
                dummies += 1
                continue
            }
            if let before = last[message] {
                #expect(before.to == e.from, "message \(message): \(before) then \(e)")
            } else if t.kind == nil {
                acks += 1
                guard case .provider = e.from, case .mix = e.to else {
                    Issue.record("an ack starts at \(e)")
                    continue
                }
            } else {
                guard case .client(let c) = e.from, e.to == .provider(c % p.providers) else {
                    Issue.record("a client packet starts at \(e)")
                    continue
                }
            }
            last[message] = e
        }
        print("packet view (\(nym ? "nym" : "paper")): \(events.count) events, \(acks) acks, \(handOvers) hand-overs")
        #expect(nym ? acks > 100 : acks == 0)
        #expect(handOvers > 0)
        #expect(nym ? dummies == 0 : dummies > 0)
        let reached = DisclosureAttack.friendProviders(
            events, truth: truth, writer: 0, layers: p.layers, mixesPerLayer: p.mixesPerLayer)
        #expect(reached == [1, 2])
        // The view changes nothing.
        let plain = try simulator.run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(plain) == encoder.encode(result))
    }

    /// In the packet-level run the client's code decides the empty-slot rule: a habit naming
    /// another one is refused, both ways.
    @Test func aHabitMustUseTheBehavioursRule() throws {
        let p = DisclosureTraceTests.setting(cover: false, nym: false).parameters
        for (loops, behaviour) in [(false, PacketBehaviour.nym), (true, .loopixPaper)] {
            let config = SimulationConfig(
                seed: 1, duration: 10, burnIn: 1, habit: WritingHabit(writer: 0, friends: [1], emptySlotLoops: loops))
            #expect(throws: NodeError.parameters(.habitRuleDisagrees(habitLoops: loops, behaviourLoops: !loops))) {
                _ = try PacketSimulator(parameters: p, behaviour: behaviour, config: config)
            }
        }
    }
}

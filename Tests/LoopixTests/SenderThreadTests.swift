import Foundation
import Testing
@testable import LoopixSpec

/// The sender tracking on a second thread gives the one-thread result bit for bit (SPEC.md
/// LOOPIX-METRIC-THREAD), and the slot-keyed tracking gives the vector-carrying one's.
@Suite struct SenderThreadTests {
    static func encoded(_ r: SimulationResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(r)
    }

    static func run(
        _ p: LoopixParameters, _ config: SimulationConfig, secondThread: Bool
    ) throws -> SimulationResult {
        var simulator = try LoopixSimulator(parameters: p, config: config)
        simulator.sendersOnSecondThread = secondThread
        return simulator.run()
    }

    /// A random stream of valid observations (messages sent, through mixes, to the end of
    /// their path), with pruning (K_s = 2 of 20 clients): carried out at once and by a worker
    /// with tiny batches and a queue of 2 (so the run waits on a full queue), the tallies and
    /// every pool are the same. Negative control: dropping one observation changes the tally.
    @Test func workerGivesTheInlineTally() {
        let clients = 20, mixes = 3
        var random = SimulationRandom(seed: 11)
        var held = Array(repeating: 0, count: mixes)
        var place: [Int?] = Array(repeating: nil, count: 40)  // the mix a slot's message is in
        var sent = Array(repeating: false, count: 40)
        var records: [SenderRecord] = []
        for _ in 0..<20_000 {
            let slot = random.index(below: place.count)
            if !sent[slot] {
                records.append(SenderRecord(.sent, message: slot, argument: random.index(below: clients + 1)))
                sent[slot] = true
            } else if let m = place[slot] {
                records.append(SenderRecord(.departed, message: slot, argument: m, heldBefore: held[m]))
                held[m] -= 1
                place[slot] = nil
            } else if random.uniform() < 0.7 {
                let m = random.index(below: mixes)
                records.append(SenderRecord(.arrived, message: slot, argument: m))
                held[m] += 1
                place[slot] = m
            } else {
                let real = random.uniform() < 0.5
                records.append(
                    SenderRecord(
                        real ? .endOfPathReal : .endOfPathCover, message: slot, argument: random.index(below: 2)))
                if random.uniform() < 0.2 { records.append(SenderRecord(.targetDelivered, message: slot)) }
                sent[slot] = false
            }
        }
        func tally(_ records: [SenderRecord], secondThread: Bool) -> SenderTally {
            let tracker = SenderTracker(clients: clients, mixes: mixes, supportLimit: 2, challengeSenders: (0, 1))
            let tracking = SenderTracking(
                table: SenderViewTable(tracker: tracker), secondThread: secondThread, batchSize: 7, queuedBatches: 2)
            for r in records { tracking.record(r) }
            return tracking.finish()
        }
        func same(_ a: SenderTally, _ b: SenderTally) -> Bool {
            a.senderEntropy.summary == b.senderEntropy.summary && a.epsilon.summary == b.epsilon.summary
                && a.senderEntropyReal.summary == b.senderEntropyReal.summary
                && a.prunedShare.summary == b.prunedShare.summary && a.epsilonInfinite == b.epsilonInfinite
                && a.targetEpsilon.summary == b.targetEpsilon.summary
                && a.targetEpsilonUndefined == b.targetEpsilonUndefined
        }
        let inline = tally(records, secondThread: false)
        #expect(inline.senderEntropy.count > 1000 && inline.anyPruned && inline.epsilon.count > 100)
        #expect(same(inline, tally(records, secondThread: true)))
        let firstArrival = records.firstIndex { $0.operation == .arrived } ?? 0
        var damaged = records
        damaged.remove(at: firstArrival)
        #expect(!same(inline, tally(damaged, secondThread: true)))
    }

    /// Whole runs: with pruning (K_s = 4 of 200 clients), with MiXiM's target messages, and
    /// with mix loops (the paper's preset); the negative control changes the seed.
    @Test(arguments: ["pruned", "targets", "mixLoops"])
    func secondThreadGivesTheSameResult(_ scenario: String) throws {
        var p = LoopixParameters.mixim
        var config = SimulationConfig(seed: 5, duration: 10, burnIn: 3, cooldown: 2)
        switch scenario {
        case "pruned":
            p.clients = 200
            config.senderSupport = 4
        case "targets":
            config.duration = 25
            config.targetMessages = TargetMessages(sender: 0, recipient: 2, count: 5, interval: 1)
        default:
            p = .loopixPaper
        }
        let one = try Self.run(p, config, secondThread: false)
        let two = try Self.run(p, config, secondThread: true)
        #expect(one.anonymity.senderEntropy.count > 100)
        #expect(try Self.encoded(one) == Self.encoded(two))
        if scenario == "pruned" { #expect(two.anonymity.prunedShare != nil) }
        if scenario == "targets" { #expect(two.targets?.epsilon.count ?? 0 > 0) }
        config.seed = 6
        #expect(try Self.encoded(Self.run(p, config, secondThread: true)) != Self.encoded(one))
    }

    /// The same run without sender tracking starts no thread and reports no sender entropy.
    @Test func noTrackingNoSenderEntropy() throws {
        let config = SimulationConfig(seed: 5, duration: 30, burnIn: 5, trackSenderEntropy: false)
        let r = try Self.run(.mixim, config, secondThread: true)
        #expect(r.anonymity.senderEntropy.count == 0)
    }
}

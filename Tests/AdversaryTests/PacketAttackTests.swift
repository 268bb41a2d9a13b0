import Foundation
import StatisticsSupport
import Testing
@testable import LoopixSpec

/// The active attacks on the packet-level run (SPEC.md §8.13, LOOPIX-ADV-PKT-HOOK,
/// LOOPIX-ADV-DROP-PKT, LOOPIX-ADV-NM1-PKT): small networks, short runs, tolerances of 4
/// binomial SE.
@Suite struct PacketAttackTests {
    func binomialSE(_ p: Double, _ n: Int) -> Double { max((p * (1 - p) / Double(n)).squareRoot(), 1 / Double(n)) }

    /// Nym's behaviour (acks, push) on 3 × 2 mixes, four clients sending loops fast.
    static func dropNetwork(seed: UInt64) throws -> PacketSimulator {
        var p = try LoopixParameters.preset(named: "nym")
        p.layers = 3
        p.mixesPerLayer = 2
        p.providers = 2
        p.clients = 3
        p.lambdaP = 4
        p.lambdaL = 10
        p.lambdaD = 0
        p.lambdaM = 0
        p.mu = 20
        p.realMessageRate = 0.6
        return try PacketSimulator(
            parameters: p, behaviour: try PacketBehaviour.preset(named: "nym"),
            config: SimulationConfig(seed: seed, duration: 20, burnIn: 1, cooldown: 8))
    }

    /// One malicious mix of layer 1 drops everything: loops come back and real packets are
    /// acknowledged as Π(1 − f_j·q) and its square say; the clients name it from their loops and
    /// from their acks; retransmission still delivers the messages. Negative control: without
    /// malicious mixes nothing is lost and nobody is named, and the attacked run's loop share
    /// rejects the honest closed form (1).
    @Test func droppingInThePacketRun() throws {
        let simulator = try Self.dropNetwork(seed: 3)
        let setting = DroppingAttack.Setting(layers: [1], fraction: 0.5, dropProbability: 1)
        let r = try DroppingAttack.runPackets(setting, simulator: simulator, loopTimeout: 2)
        let detection = [r.medianDetectionLoops, r.medianDetectionAcks].map { String(describing: $0) }
        print(
            "packet drop: loops \(r.loops) back \(r.loopsBack) (predicted \(r.loopsBackPredicted)), acked "
                + "\(r.acknowledged) of \(r.realPackets) (predicted \(r.acknowledgedPredicted)), messages "
                + "\(r.messagesDelivered) of \(r.messages); median detection loops \(detection[0]) s, acks "
                + "\(detection[1]) s")
        #expect(r.culprits == [2])
        #expect(r.loops > 450)
        #expect(abs(r.loopsBack - r.loopsBackPredicted) <= 4 * binomialSE(r.loopsBackPredicted, r.loops))
        #expect(abs(r.acknowledged - r.acknowledgedPredicted) <= 4 * binomialSE(r.acknowledgedPredicted, r.realPackets))
        #expect(r.lossRatePerMixLoops[2] == 1 && r.lossRatePerMixLoops[3] == 0)
        for c in r.clients {
            #expect(c.fromLoops.named == [2])
            #expect(c.fromLoops.time != nil)
        }
        #expect(r.messagesDelivered > r.loopsBackPredicted + 0.25)
        #expect(abs(r.loopsBack - 1) > 4 * binomialSE(r.loopsBack, r.loops))

        let honest = try DroppingAttack.runPackets(
            .init(layers: [1], fraction: 0, dropProbability: 1), simulator: simulator, loopTimeout: 2)
        #expect(honest.dropped == 0)
        #expect(honest.loopsBack == 1 && honest.acknowledged == 1)
        #expect(honest.messagesDelivered == 1)
        for c in honest.clients { #expect(c.fromLoops.named.isEmpty && c.fromAcks.named.isEmpty) }
    }

    /// loopix-paper behaviour (no acks, pull) on 2 × 1 mixes with fast mix loops.
    static func blockingNetwork(seed: UInt64) throws -> PacketSimulator {
        var p = LoopixParameters.loopixPaper
        p.layers = 2
        p.mixesPerLayer = 1
        p.providers = 1
        p.clients = 2
        p.lambdaP = 1
        p.lambdaL = 0
        p.lambdaD = 0
        p.lambdaM = 4
        p.mu = 10
        p.realMessageRate = 0.5
        p.pullInterval = 1
        return try PacketSimulator(
            parameters: p, behaviour: try PacketBehaviour.preset(named: "loopix-paper"),
            config: SimulationConfig(seed: seed, duration: 200, burnIn: 5, cooldown: 2))
    }

    /// (n − 1) on mix 0: the timeout rule's detection matches LOOPIX-ADV-NM1-2 and the pool's
    /// flushing the mean of (1 − e^{−µt})^k; the threshold rule detects more often under attack
    /// than it false-alarms in the honest run. Negative control: in the honest run the timeout
    /// rule almost never fires, and 1 − e^{−λ_M t}, which ignores transit, is rejected at t = 0.5 s.
    @Test func nMinusOneInThePacketRun() throws {
        let simulator = try Self.blockingNetwork(seed: 4)
        let r = try NMinusOneAttack.runPackets(
            simulator, target: 0, times: [0.5, 1], gap: 2, mode: .release, s: 2, window: 1, timeout: 0.5)
        for q in r.points {
            print(
                "packet n-1 t=\(q.t) (\(q.episodes) episodes): threshold \(q.thresholdDetection) / false "
                    + "\(q.thresholdFalseAlarm); timeout \(q.timeoutDetection) (predicted "
                    + "\(q.timeoutDetectionPredicted)) / false \(q.timeoutFalseAlarm); 1-e^-λt \(q.formulaNoTransit);"
                    + " flushed \(q.flushed) (predicted \(q.flushedPredicted), k \(q.meanPool));"
                    + " isolated \(q.isolatedUndetected)")
            #expect(q.episodes >= 30)
            let se = binomialSE(q.timeoutDetectionPredicted, q.episodes)
            #expect(abs(q.timeoutDetection - q.timeoutDetectionPredicted) <= 4 * se)
            #expect(abs(q.flushed - q.flushedPredicted) <= 4 * binomialSE(q.flushedPredicted, q.episodes))
            #expect(q.thresholdDetection > q.thresholdFalseAlarm)
            #expect(q.timeoutFalseAlarm <= 0.1)
        }
        // At t = 0.5 s the loops' transit matters: 1 − e^{−λ_M t} = 0.86 against 0.33.
        let short = try #require(r.points.first { $0.t == 0.5 })
        #expect(
            abs(short.timeoutDetection - short.formulaNoTransit) > 4
                * binomialSE(short.formulaNoTransit, short.episodes))
    }
}

extension PacketAttackTests {
    /// An attacked run is deterministic and the same for any number of threads (LOOPIX-PKT-AHEAD):
    /// dropping and blocking together, one thread against three, and again; another adversary
    /// seed gives another run (the control). In mode drop the held packets never arrive.
    @Test func attackedRunIsDeterministic() throws {
        var p = try Self.dropNetwork(seed: 8).parameters
        p.lambdaM = 2
        let simulator = try PacketSimulator(
            parameters: p, behaviour: try PacketBehaviour.preset(named: "nym"),
            config: SimulationConfig(seed: 8, duration: 3, burnIn: 0.5, cooldown: 0.5))
        func fingerprint(threads: Int, seed: UInt64) throws -> [String] {
            let adversary = PacketAdversary(
                dropping: [1, 4], dropProbability: 0.5,
                blocking: .init(
                    target: 2,
                    episodes: PacketAdversary.Blocking.schedule(times: [0.3], start: 0.5, gap: 0.4, end: 2.5),
                    mode: .release),
                seed: seed)
            let r = try simulator.runUnderAttack(adversary, threads: threads).record
            return r.loops.map { "\($0.route) \(String(describing: $0.decidedAt))" }
                + r.reals.map { "\($0.route) \(String(describing: $0.decidedAt)) \($0.unacknowledged)" }
                + r.episodes.map { "\($0.poolAtStart) \($0.flushed) \($0.letThrough) \($0.held)" }
                + r.targetLoops.map { "\($0.sentAt) \(String(describing: $0.backAt))" } + ["\(r.dropped)"]
        }
        let one = try fingerprint(threads: 1, seed: 1)
        #expect(one.count > 100)
        #expect(try fingerprint(threads: 3, seed: 1) == one)
        #expect(try fingerprint(threads: 1, seed: 1) == one)
        #expect(try fingerprint(threads: 1, seed: 2) != one)
        // The other end of an episode: held packets discarded, none of them arrives.
        let episodes = PacketAdversary.Blocking.schedule(times: [0.3], start: 0.5, gap: 0.4, end: 2.5)
        let dropped = try simulator.runUnderAttack(
            PacketAdversary(blocking: .init(target: 2, episodes: episodes, mode: .drop))
        ).record
        #expect(dropped.episodes.count == episodes.count)
        #expect(dropped.discardedAfterBlocking == dropped.episodes.reduce(0) { $0 + $1.held })
        #expect(dropped.discardedAfterBlocking > 0)
        for e in dropped.episodes {
            let end = e.episode.start + e.episode.length
            #expect(!dropped.targetLoops.contains { $0.backAt.map { abs($0 - end) < 1e-9 } ?? false })
        }
    }
}

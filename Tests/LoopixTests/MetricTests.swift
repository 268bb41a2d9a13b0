import Foundation
import Testing
@testable import LoopixSpec
@testable import SpecVectors

/// The metric building blocks on small cases worked out by hand (SPEC.md LOOPIX-METRIC-*).
@Suite struct MetricTests {
    /// Eq. (5) by hand. "AAD": k = 2, l = 0: H = H(1, 0) + 1 · log2 2 = 1 bit. Then "AD":
    /// k = 1, l = 1: H = H(½, ½) + ½ log2 1 + ½ · 1 = 1.5 bits. Then "D" with k = 0, l = 1:
    /// H = 0 + 0 + 1 · 1.5 = 1.5 bits (the last old message is as uncertain as before).
    @Test func poolEntropyByHand() {
        var t = PoolEntropyTracker()
        t.messageArrived(); t.messageArrived()
        #expect(t.messageDeparted() == 1)
        t.messageArrived()
        #expect(t.messageDeparted() == 1.5)
        #expect(t.messageDeparted() == 1.5)
        // A lone message has no anonymity.
        var lone = PoolEntropyTracker()
        lone.messageArrived()
        #expect(lone.messageDeparted() == 0)
        // Four fresh messages, one output: log2 4 = 2 bits.
        var four = PoolEntropyTracker()
        for _ in 0..<4 { four.messageArrived() }
        #expect(four.messageDeparted() == 2)
    }

    /// The O(1) Danezis tracker against the direct sum of its definition, on random arrivals.
    /// Eq. (5) against the exact posterior of an adversary who sees the order of arrivals and
    /// departures at one Poisson mix (every member of the pool equally likely to leave next,
    /// Theorem 1): all pool histories are enumerated with their probabilities, and each output's
    /// distribution over the inputs gives its entropy. This fixes the letter convention of
    /// Appendix A.1 (k new since the last output, l left in the pool by it): the swapped reading
    /// gives 0 and 1.585 bits instead of 1.585 and 1.975 for AAADAD.
    @Test func poolEntropyIsTheExactPosterior() {
        func exact(_ events: [Character]) -> [Double] {
            var pools: [Set<Int>: Double] = [[]: 1]
            var nextInput = 0
            var outputs: [Double] = []
            for e in events {
                if e == "A" {
                    pools = Dictionary(uniqueKeysWithValues: pools.map { ($0.key.union([nextInput]), $0.value) })
                    nextInput += 1
                    continue
                }
                var output: [Int: Double] = [:]
                var after: [Set<Int>: Double] = [:]
                for (pool, p) in pools {
                    let q = p / Double(pool.count)
                    for m in pool {
                        output[m, default: 0] += q
                        after[pool.subtracting([m]), default: 0] += q
                    }
                }
                pools = after
                outputs.append(output.values.reduce(0) { $1 > 0 ? $0 - $1 * log2($1) : $0 })
            }
            return outputs
        }
        var random = SimulationRandom(seed: 5)
        for _ in 0..<60 {
            var events: [Character] = []
            var held = 0
            for _ in 0..<11 {
                if held > 0 && random.uniform() < 0.45 {
                    events.append("D"); held -= 1
                } else {
                    events.append("A"); held += 1
                }
            }
            let viaEq5 = LoopixVectors.poolEntropies(String(events))
            let truth = exact(events)
            #expect(viaEq5.count == truth.count)
            for (x, y) in zip(viaEq5, truth) { #expect(abs(x - y) < 1e-12, "\(String(events))") }
        }
        #expect(abs(LoopixVectors.poolEntropies("AAADAD")[1] - 1.974_937_501_201_927) < 1e-12)
    }

    @Test func danezisTrackerMatchesDefinition() {
        var r = SimulationRandom(seed: 77)
        let mu = 1.5
        var tracker = DanezisEntropyTracker(mu: mu)
        var arrivals: [Double] = []
        var t = 0.0
        for step in 0..<400 {
            t += r.exponential(rate: 10)
            if step % 3 == 2 {
                let h = tracker.entropyOfOutput(at: t)
                let direct = LoopixVectors.danezisDirect(mu: mu, arrivals: arrivals, t: t)
                #expect(abs(h - direct) < 1e-9 * max(1, direct))
            } else {
                tracker.messageArrived(at: t)
                arrivals.append(t)
            }
        }
        // Two inputs of equal age: exactly one bit.
        var two = DanezisEntropyTracker(mu: 3)
        two.messageArrived(at: 1); two.messageArrived(at: 1)
        #expect(abs(two.entropyOfOutput(at: 2) - 1) < 1e-12)
    }

    /// MiXiM's pool mass: two senders in, the first output is ½–½, the pool keeps its average.
    @Test func senderMassPoolByHand() {
        func dense(_ v: SparseMass) -> [Double] {
            var d: [Double] = [0, 0, 0]
            for e in v.entries { d[Int(e.index)] = e.mass }
            return d
        }
        var pool = SenderMassPool(supportLimit: 8)
        pool.add(SparseMass(single: 0))
        pool.add(SparseMass(single: 1))
        #expect(dense(pool.takeDeparting(heldBefore: 2)) == [0.5, 0.5, 0])
        #expect(dense(pool.sum) == [0.5, 0.5, 0])
        pool.add(SparseMass(single: 2))  // a message that was "a mix" for sure
        let v = pool.takeDeparting(heldBefore: 2)
        #expect(dense(v) == [0.25, 0.25, 0.5])
        #expect(dense(pool.takeDeparting(heldBefore: 1)) == [0.25, 0.25, 0.5])
        // Empty again: reset.
        #expect(pool.sum.isEmpty)
    }

    /// The time-weighted occupancy over a window cuts the parts outside it.
    @Test func timeWeightedStatisticsByHand() {
        var s = TimeWeightedStatistics(windowStart: 1, windowEnd: 3)
        s.set(2, at: 0)  // 2 from 0 to 2 (counted from 1)
        s.set(4, at: 2)  // 4 from 2 to 5 (counted to 3)
        s.set(0, at: 5)
        let (mean, variance) = s.finish(at: 3)
        #expect(mean == 3)  // (2·1 + 4·1) / 2
        #expect(variance == 1)  // (4·1 + 16·1)/2 − 9
    }

    /// Welford's summary against the two-pass formula.
    @Test func runningStatistics() {
        var s = RunningStatistics()
        let xs = [2.0, 4, 4, 4, 5, 5, 7, 9]
        for x in xs { s.add(x) }
        #expect(s.summary.mean == 5)
        #expect(abs(s.summary.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(s.summary.minimum == 2 && s.summary.maximum == 9 && s.summary.count == 8)
    }

    /// With two clients the sender entropy lies in [0, 1] bit and, with enough mixing, near 1;
    /// with a single mix of tiny delay it is near 0 (messages rarely meet in the pool).
    @Test func senderEntropyBoundsInTinyNetworks() throws {
        func run(mu: Double) throws -> SampleSummary {
            var p = LoopixParameters.mixim
            p.realMessageRate = 0.5
            p.processingDelay = nil
            p.clients = 2
            p.layers = 1
            p.mixesPerLayer = 1
            p.mu = mu
            return try LoopixSimulator(
                parameters: p,
                config: SimulationConfig(
                    seed: 2, duration: 200, burnIn: 20, cooldown: 5)
            ).run().anonymity.senderEntropy
        }
        let mixing = try run(mu: 0.1)  // λ/µ = 20 messages in the pool
        let none = try run(mu: 1000)  // λ/µ = 0.002
        #expect(mixing.maximum <= 1 + 1e-12 && none.minimum >= 0)
        #expect(mixing.mean > 0.9)
        #expect(none.mean < 0.1)
    }
}

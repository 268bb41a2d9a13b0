import Foundation
import Testing
@testable import LoopixSpec

/// The dense tracker the sparse one replaced (MiXiM's vectors over all C + 1 senders), kept here
/// as the oracle of SPEC.md LOOPIX-METRIC-SPARSE: the same rules, written the plain way.
struct DenseMassPool {
    var mass: [Double]
    init(entries: Int) { mass = Array(repeating: 0, count: entries) }
    mutating func add(_ v: [Double]) { for i in v.indices { mass[i] += v[i] } }
    mutating func takeDeparting(heldBefore: Int) -> [Double] {
        let n = Double(max(heldBefore, 1))
        let v = mass.map { $0 / n }
        if heldBefore <= 1 {
            mass = Array(repeating: 0, count: mass.count)
        } else {
            for i in mass.indices { mass[i] = max(0, mass[i] - v[i]) }
        }
        return v
    }
}

/// Sparse sender distributions against the dense oracle (SPEC.md LOOPIX-METRIC-SPARSE).
@Suite struct SparseMassTests {
    func dense(_ v: SparseMass, entries: Int) -> [Double] {
        var d = Array(repeating: 0.0, count: entries)
        for e in v.entries { d[Int(e.index)] = e.mass }
        return d
    }

    /// Three pools in a row fed by random senders: a random sequence of arrivals and departures,
    /// each departing vector of pool j entering pool j + 1. Returns every departing vector of
    /// the last pool, sparse and dense.
    func chain(senders: Int, steps: Int, supportLimit: Int, seed: UInt64) -> [(SparseMass, [Double])] {
        var random = SimulationRandom(seed: seed)
        var sparse = (0..<3).map { _ in SenderMassPool(supportLimit: supportLimit, protected: [0, 1]) }
        var plain = (0..<3).map { _ in DenseMassPool(entries: senders) }
        var held: [[(SparseMass, [Double])]] = [[], [], []]
        var out: [(SparseMass, [Double])] = []
        for _ in 0..<steps {
            let j = random.index(below: 3)
            if held[j].isEmpty || random.uniform() < 0.55 {
                guard j == 0 else { continue }
                let s = random.index(below: senders)
                var d = Array(repeating: 0.0, count: senders)
                d[s] = 1
                sparse[0].add(SparseMass(single: s))
                plain[0].add(d)
                held[0].append((SparseMass(single: s), d))
            } else {
                let n = held[j].count
                held[j].removeLast()
                let v = (sparse[j].takeDeparting(heldBefore: n), plain[j].takeDeparting(heldBefore: n))
                if j < 2 {
                    sparse[j + 1].add(v.0)
                    plain[j + 1].add(v.1)
                    held[j + 1].append(v)
                } else {
                    out.append(v)
                }
            }
        }
        return out
    }

    /// Without pruning the sparse vectors are the dense ones bit for bit, and so is the entropy.
    @Test func exactWhileNothingIsPruned() {
        let out = chain(senders: 40, steps: 20_000, supportLimit: 64, seed: 11)
        #expect(out.count > 1000)
        for (s, d) in out {
            #expect(s.pruned == 0)
            #expect(dense(s, entries: 40) == d)
        }
    }

    /// With pruning: the protected entries (ε's challenge senders) stay exact, the total mass
    /// (listed + pruned) equals the dense total within rounding, and at most 2K + 2 entries are
    /// listed. Negative control: pruning does happen and does change some listed vector.
    @Test func prunedVectorsKeepProtectedEntriesAndTotalMass() {
        let out = chain(senders: 200, steps: 40_000, supportLimit: 4, seed: 12)
        var prunedSome = false
        for (s, d) in out {
            #expect(s.mass(at: 0) == d[0] && s.mass(at: 1) == d[1])
            let total = s.entries.reduce(s.pruned) { $0 + $1.mass }
            #expect(abs(total - d.reduce(0, +)) < 1e-9)
            #expect(s.entries.count <= 2 * 4 + 2)
            if s.pruned > 0 { prunedSome = true }
        }
        #expect(prunedSome)
    }

    /// Quickselect against sorting, with ties.
    @Test func selectionMatchesSorting() {
        var random = SimulationRandom(seed: 3)
        for n in [1, 2, 5, 64, 301] {
            let values = (0..<n).map { _ in Double(random.index(below: 20)) }
            let sorted = values.sorted(by: >)
            for rank in [0, n / 2, n - 1] {
                var copy = values
                #expect(SenderMassPool.select(&copy, rank: rank) == sorted[rank])
            }
        }
    }

    /// Whole runs: pruning hard (K = 2) leaves ε exactly as it was and moves the mean sender
    /// entropy up (the pruned mass is spread evenly, the most uncertain completion), by less
    /// than the gap to log2 C; without pruning no `prunedShare` is reported.
    @Test func runsWithAndWithoutPruning() throws {
        var p = LoopixParameters.loopixPaper
        p.clients = 40
        func run(_ k: Int) throws -> SimulationResult {
            try LoopixSimulator(
                parameters: p, config: SimulationConfig(seed: 4, duration: 30, burnIn: 5, cooldown: 3, senderSupport: k)
            ).run()
        }
        let exact = try run(64), pruned = try run(2)
        #expect(exact.anonymity.prunedShare == nil)
        #expect((pruned.anonymity.prunedShare?.mean ?? 0) > 0)
        #expect(exact.anonymity.epsilon == pruned.anonymity.epsilon)
        #expect(exact.anonymity.epsilonInfinite == pruned.anonymity.epsilonInfinite)
        let e = exact.anonymity.senderEntropy.mean, a = pruned.anonymity.senderEntropy.mean
        #expect(a >= e - 1e-9 && a <= log2(40) + 1e-9)
    }
}

/// Pruning against a plain reference of LOOPIX-METRIC-SPARSE's rule, written the slow way: S as
/// a dictionary, the unprotected entries sorted by mass (largest first, ties: smaller index),
/// the first K kept, the others' masses summed in index order into ρ. Masses are multiples of
/// ¼, so ties at the K-th place are frequent (the branch-free selection once kept every tied
/// entry; this test catches that, `selectionMatchesSorting` did not).
@Suite struct PruningReferenceTests {
    struct ReferencePool {
        let k: Int
        let protected: Set<Int32> = [0, 1]
        var mass: [Int32: Double] = [:]
        var pruned = 0.0

        mutating func add(_ v: SparseMass) {
            pruned += v.pruned
            for e in v.entries { mass[e.index] = mass[e.index].map { $0 + e.mass } ?? e.mass }
            guard mass.count > 2 * k && mass.count > protected.count else { return }
            let ranked = mass.filter { !protected.contains($0.key) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            guard ranked.count > k else { return }
            var removed = 0.0
            for (index, m) in ranked.dropFirst(k).sorted(by: { $0.key < $1.key }) {
                removed += m
                mass[index] = nil
            }
            pruned += removed
        }

        var sum: SparseMass {
            var s = SparseMass()
            s.entries = mass.keys.sorted().map { SparseMass.Entry(index: $0, mass: mass[$0] ?? 0) }
            s.pruned = pruned
            return s
        }
    }

    @Test(arguments: [0, 1, 2, 4])
    func pruningMatchesTheReference(k: Int) {
        var random = SimulationRandom(seed: UInt64(40 + k))
        for _ in 0..<200 {
            var pool = SenderMassPool(supportLimit: k, protected: [0, 1])
            var reference = ReferencePool(k: k)
            for _ in 0..<12 {
                var v = SparseMass()
                let indices = Set((0..<(1 + random.index(below: 8))).map { _ in Int32(random.index(below: 20)) })
                v.entries = indices.sorted().map {
                    SparseMass.Entry(index: $0, mass: Double(1 + random.index(below: 3)) / 4)
                }
                pool.add(v)
                reference.add(v)
                #expect(pool.sum == reference.sum)
            }
        }
    }
}

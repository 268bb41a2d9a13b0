/// The adversary's view of one mix's pool, as in MiXiM: the sum of the probability-mass vectors
/// of the messages held, kept sparse (`SparseMass`).
///
/// Source: MiXiM (aniampio/Simulator at 4efb211, classes/Node.py, add_pkt_in_pool and
/// forward_packet: the pool keeps the average of its packets' vectors, and a departing packet
/// takes that average). SPEC.md [LOOPIX-METRIC-SENDER] and LOOPIX-METRIC-SPARSE.
/// ```text
/// arrival of a message with vector v:     S = S + v
/// departure, n messages held before it:   v' = S / n ;  S = S − v'   (S/n is unchanged)
/// the pool becomes empty:                 S = 0
/// S has more than 2K entries:             keep the K largest and the protected ones,
///                                         add the others to S.pruned
/// ```
/// Each listed entry goes through exactly the arithmetic of a dense vector's entry, and entries
/// do not interact, so while nothing is pruned the result equals the dense tracker's bit for
/// bit, and a protected entry (the challenge senders of ε) is exact even when others are pruned.
///
/// Layout (a choice for speed that changes no number; SPEC.md §8.10 "Speed and memory"): S is
/// the list `listed` of its indices in increasing order plus a table `mass` addressed by index.
/// An arrival adds each entry of v at its index, O(|v|), instead of merging two sorted lists,
/// O(|S| + |v|); only indices new to S are merged into `listed`. A departure walks `listed` in
/// order, so the vector it returns, and every sum over it, has its entries in index order, as
/// the sorted-list tracker this replaced did (SparseMassTests compares with the dense oracle).
struct SenderMassPool {
    /// K: after pruning, the number of entries kept besides the protected ones; pruning starts
    /// above 2K entries.
    let supportLimit: Int
    /// Indices pruning never removes: at most two (the challenge senders), −1 for none, so the
    /// pruning passes compare without a loop.
    private let protected: (Int32, Int32)
    /// How many indices are protected.
    private let protectedCount: Int
    /// The indices of S's entries, increasing.
    private var listed: [Int32] = []
    /// S's mass at each listed index; 0 elsewhere. Grows to the largest index seen.
    private var mass: [Double] = []
    /// Whether an index is in `listed` (an entry may be listed with mass 0, as in the sorted list).
    private var isListed: [Bool] = []
    /// S.pruned.
    private var pruned = 0.0
    /// Scratch lists (their counts are not meaningful between steps).
    private var newIndices: [Int32] = []
    private var scratchMasses: [Double] = []
    private var spareMasses: [Double] = []
    /// The threshold of the last pruning: the first pivot of the next selection (the pool's
    /// masses change little between two prunings, so it splits the values near the answer).
    private var lastThreshold: Double?

    init(supportLimit: Int, protected: [Int] = []) {
        precondition(supportLimit >= 0, "BUG: a negative support limit")
        self.supportLimit = supportLimit
        precondition(protected.count <= 2, "BUG: more than two protected indices")
        self.protected = (Int32(protected.first ?? -1), Int32(protected.last ?? -1))
        protectedCount = protected.count
    }

    /// S is 0: no listed entry and no pruned mass.
    var isEmpty: Bool { listed.isEmpty && pruned == 0 }

    /// S as a sparse vector (for tests and inspection; the rules below never build it).
    var sum: SparseMass {
        var s = SparseMass()
        s.entries = listed.map { SparseMass.Entry(index: $0, mass: mass[Int($0)]) }
        s.pruned = pruned
        return s
    }

    /// S = S + v, entry by entry at its index, then the pruning rule.
    mutating func add(_ v: SparseMass) {
        pruned += v.pruned
        guard let last = v.entries.last else { return }
        if Int(last.index) >= mass.count { grow(to: Int(last.index) + 1) }
        // Step 1: each entry at its index; the indices new to S are noted, in increasing order.
        Self.atLeast(&newIndices, v.entries.count, fill: 0)
        var fresh = 0
        v.entries.withUnsafeBufferPointer { entries in
            mass.withUnsafeMutableBufferPointer { m in
                isListed.withUnsafeMutableBufferPointer { l in
                    newIndices.withUnsafeMutableBufferPointer { new in
                        // Written without branches on the data (selections the compiler makes
                        // conditional moves): which entries are new is unpredictable.
                        for e in entries {
                            let i = Int(e.index)
                            let known = l[i]
                            // A new entry takes v's value itself (not 0 + v: −0.0 stays −0.0).
                            m[i] = known ? m[i] + e.mass : e.mass
                            l[i] = true
                            new[fresh] = e.index
                            fresh += known ? 0 : 1
                        }
                    }
                }
            }
        }
        // Step 2: they join the list of indices.
        if fresh > 0 { insertNewIndices(count: fresh) }
        // Step 3: the pruning rule.
        if listed.count > 2 * supportLimit && listed.count > protectedCount { prune() }
    }

    /// The vector the departing message leaves with; `heldBefore` counts it.
    mutating func takeDeparting(heldBefore: Int) -> SparseMass {
        var v = SparseMass()
        takeDeparting(heldBefore: heldBefore, into: &v)
        return v
    }

    /// The same, written into `v` (its old entries are replaced; its storage is reused, so a
    /// table of vectors allocates nothing once warm).
    mutating func takeDeparting(heldBefore: Int, into v: inout SparseMass) {
        let n = Double(max(heldBefore, 1))
        let emptied = heldBefore <= 1
        v.pruned = pruned / n
        Self.resize(&v.entries, to: listed.count)
        mass.withUnsafeMutableBufferPointer { m in
            listed.withUnsafeBufferPointer { indices in
                v.entries.withUnsafeMutableBufferPointer { out in
                    for k in indices.indices {
                        let i = Int(indices[k])
                        let share = m[i] / n
                        out[k] = SparseMass.Entry(index: indices[k], mass: share)
                        // Rounding could leave −0.0…1 behind; mass is never negative.
                        m[i] = emptied ? 0 : max(0, m[i] - share)
                    }
                }
            }
        }
        if emptied {
            for index in listed { isListed[Int(index)] = false }
            listed.removeAll(keepingCapacity: true)
            pruned = 0
        } else {
            pruned = max(0, pruned - v.pruned)
        }
    }

    private mutating func grow(to count: Int) {
        mass.append(contentsOf: repeatElement(0, count: count - mass.count))
        isListed.append(contentsOf: repeatElement(false, count: count - isListed.count))
    }

    /// Merges the first `count` of `newIndices` (increasing, none listed yet) into `listed`, in
    /// place from the back.
    private mutating func insertNewIndices(count: Int) {
        let old = listed.count
        listed.append(contentsOf: newIndices[0..<count])
        if old == 0 || listed[old - 1] < newIndices[0] { return }
        listed.withUnsafeMutableBufferPointer { a in
            newIndices.withUnsafeBufferPointer { b in
                // Without branches on the data: the larger of a[i] and b[j] goes to k.
                var i = old - 1, j = count - 1, k = old + count - 1
                while j >= 0 {
                    let fromA = i >= 0 && a[max(i, 0)] > b[j]
                    a[k] = fromA ? a[max(i, 0)] : b[j]
                    i -= fromA ? 1 : 0
                    j -= fromA ? 0 : 1
                    k -= 1
                }
            }
        }
    }

    /// Makes `array.count` at least `count` (a scratch list whose length is not meaningful).
    private static func atLeast<T>(_ array: inout [T], _ count: Int, fill: T) {
        if array.count < count { array.append(contentsOf: repeatElement(fill, count: count - array.count)) }
    }

    /// Zero entries to grow a vector from (appending a slice of an array is a copy of memory;
    /// appending `repeatElement` goes element by element).
    private static let zeroEntries = [SparseMass.Entry](repeating: SparseMass.Entry(index: 0, mass: 0), count: 512)

    /// Sets `entries.count` to `count`, keeping its storage (new entries are zero).
    private static func resize(_ entries: inout [SparseMass.Entry], to count: Int) {
        if entries.count > count { entries.removeLast(entries.count - count) }
        while entries.count < count {
            entries.append(contentsOf: zeroEntries[0..<min(count - entries.count, zeroEntries.count)])
        }
    }

    /// SPEC.md [LOOPIX-METRIC-SPARSE]: keep the protected entries and the K largest masses of
    /// the others (ties: the smaller index), move the rest into `pruned`; the list stays sorted
    /// by index, and the removed masses are summed in index order.
    private mutating func prune() {
        // Step 1: the K-th largest mass of the unprotected entries (selection, not a full sort),
        // and how many of those equal to it may stay (the smaller indices first).
        var threshold = Double.infinity
        var equalLeft = 0
        if supportLimit > 0 {
            Self.atLeast(&scratchMasses, listed.count, fill: 0)
            Self.atLeast(&spareMasses, listed.count, fill: 0)
            let (p0, p1) = protected
            let selected: (value: Double, above: Int)? = listed.withUnsafeBufferPointer { indices in
                mass.withUnsafeBufferPointer { m in
                    scratchMasses.withUnsafeMutableBufferPointer { all in
                        spareMasses.withUnsafeMutableBufferPointer { spare in
                            var count = 0
                            for index in indices {
                                all[count] = m[Int(index)]
                                count += index == p0 || index == p1 ? 0 : 1
                            }
                            if count <= supportLimit { return nil }
                            return Self.select(
                                UnsafeMutableBufferPointer(rebasing: all[0..<count]),
                                spare: UnsafeMutableBufferPointer(rebasing: spare[0..<count]), rank: supportLimit - 1,
                                firstPivot: lastThreshold)
                        }
                    }
                }
            }
            guard let selected else { return }
            threshold = selected.value
            lastThreshold = selected.value
            equalLeft = supportLimit - selected.above
        }
        // Step 2: one pass in index order; larger masses stay, the rest move into `pruned`
        // (K = 0 keeps the protected entries only: MiXiM's (others, A, B) vector).
        var removed = 0.0
        var kept = 0
        let (p0, p1) = protected
        listed.withUnsafeMutableBufferPointer { indices in
            mass.withUnsafeMutableBufferPointer { m in
                isListed.withUnsafeMutableBufferPointer { l in
                    for k in indices.indices {
                        let index = indices[k]
                        let i = Int(index)
                        let above = m[i] > threshold || index == p0 || index == p1
                        let tie = !above && m[i] == threshold && equalLeft > 0
                        let keep = above || tie
                        equalLeft -= tie ? 1 : 0
                        // Without branches on the data. Adding +0.0 leaves `removed` as it is
                        // (it starts at +0.0 and never becomes −0.0), so the sum is the one of
                        // the removed masses in index order.
                        indices[kept] = index
                        kept += keep ? 1 : 0
                        removed += keep ? 0 : m[i]
                        m[i] = keep ? m[i] : 0
                        l[i] = keep
                    }
                }
            }
        }
        listed.removeLast(listed.count - kept)
        pruned += removed
    }

    /// The value of rank `rank` (0 = largest) of `values` (overwrites `values`).
    static func select(_ values: inout [Double], rank: Int) -> Double {
        var spare = values
        return values.withUnsafeMutableBufferPointer { v in
            spare.withUnsafeMutableBufferPointer { select(v, spare: $0, rank: rank).value }
        }
    }

    /// The same on a buffer, with `spare` of the same size: the value of rank `rank` and the
    /// number of values strictly greater than it. A three-way quickselect: each round takes the
    /// middle element as the pivot p and splits the values in one pass, those greater than p to
    /// the front of their buffer and those less than p into the other; it answers p if the
    /// rank falls among the values equal to p, and goes on with the side the rank is in. The
    /// loops have no branches on the data, which matters more than the number of comparisons:
    /// the masses come in no predictable order. The answer does not depend on the method (nor on
    /// `firstPivot`, a guess used as the first round's pivot: if no value equals it, that round
    /// only splits). Both buffers are overwritten.
    static func select(
        _ values: UnsafeMutableBufferPointer<Double>, spare: UnsafeMutableBufferPointer<Double>, rank: Int,
        firstPivot: Double? = nil
    ) -> (value: Double, above: Int) {
        precondition(
            rank >= 0 && rank < values.count && spare.count >= values.count, "BUG: rank \(rank) of \(values.count)")
        var v = values, w = spare
        var count = v.count
        var rank = rank
        var above = 0
        var guess = firstPivot
        while true {
            let pivot = guess ?? v[count / 2]
            guess = nil
            var greater = 0, less = 0
            for k in 0..<count {
                let x = v[k]
                v[greater] = x
                greater += x > pivot ? 1 : 0
                w[less] = x
                less += x < pivot ? 1 : 0
            }
            let notLess = count - less
            if rank < greater {
                count = greater
            } else if rank < notLess {
                return (pivot, above + greater)
            } else {
                // Every value kept so far that is not less than p is above the answer.
                above += notLess
                rank -= notLess
                count = less
                swap(&v, &w)
            }
        }
    }
}

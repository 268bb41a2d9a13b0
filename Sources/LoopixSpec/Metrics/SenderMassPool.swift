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
    /// Indices pruning never removes.
    let protected: [Int32]
    /// The indices of S's entries, increasing.
    private var listed: [Int32] = []
    /// S's mass at each listed index; 0 elsewhere. Grows to the largest index seen.
    private var mass: [Double] = []
    /// Whether an index is in `listed` (an entry may be listed with mass 0, as in the sorted list).
    private var isListed: [Bool] = []
    /// S.pruned.
    private var pruned = 0.0
    private var newIndices: [Int32] = []
    private var scratchIndices: [Int32] = []
    private var scratchMasses: [Double] = []

    init(supportLimit: Int, protected: [Int] = []) {
        precondition(supportLimit >= 0, "BUG: a negative support limit")
        self.supportLimit = supportLimit
        self.protected = protected.map { Int32($0) }
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
        if v.entries.isEmpty { return }
        if let last = v.entries.last, Int(last.index) >= mass.count { grow(to: Int(last.index) + 1) }
        var fresh: [Int32] = []
        swap(&fresh, &newIndices)
        fresh.removeAll(keepingCapacity: true)
        mass.withUnsafeMutableBufferPointer { m in
            isListed.withUnsafeMutableBufferPointer { l in
                for e in v.entries {
                    let i = Int(e.index)
                    if l[i] {
                        m[i] += e.mass
                    } else {
                        // A new entry takes v's value itself (not 0 + v: −0.0 stays −0.0).
                        m[i] = e.mass
                        l[i] = true
                        fresh.append(e.index)
                    }
                }
            }
        }
        swap(&fresh, &newIndices)
        if !newIndices.isEmpty { insertNewIndices() }
        if listed.count > 2 * supportLimit && listed.count > protected.count { prune() }
    }

    /// The vector the departing message leaves with; `heldBefore` counts it.
    mutating func takeDeparting(heldBefore: Int) -> SparseMass {
        let n = Double(max(heldBefore, 1))
        let emptied = heldBefore <= 1
        let listed = self.listed
        var v = SparseMass()
        v.pruned = pruned / n
        v.entries = mass.withUnsafeMutableBufferPointer { m in
            listed.withUnsafeBufferPointer { indices in
                [SparseMass.Entry](unsafeUninitializedCapacity: indices.count) { out, initialized in
                    for k in indices.indices {
                        let i = Int(indices[k])
                        let share = m[i] / n
                        out.initializeElement(at: k, to: SparseMass.Entry(index: indices[k], mass: share))
                        // Rounding could leave −0.0…1 behind; mass is never negative.
                        m[i] = emptied ? 0 : max(0, m[i] - share)
                    }
                    initialized = indices.count
                }
            }
        }
        if emptied {
            for index in listed { isListed[Int(index)] = false }
            self.listed.removeAll(keepingCapacity: true)
            pruned = 0
        } else {
            pruned = max(0, pruned - v.pruned)
        }
        return v
    }

    private mutating func grow(to count: Int) {
        mass.append(contentsOf: repeatElement(0, count: count - mass.count))
        isListed.append(contentsOf: repeatElement(false, count: count - isListed.count))
    }

    /// Merges `newIndices` (increasing, none listed yet) into `listed`.
    private mutating func insertNewIndices() {
        if let last = listed.last, let first = newIndices.first, last > first {
            scratchIndices.removeAll(keepingCapacity: true)
            scratchIndices.reserveCapacity(listed.count + newIndices.count)
            var i = 0, j = 0
            while i < listed.count && j < newIndices.count {
                if listed[i] < newIndices[j] {
                    scratchIndices.append(listed[i])
                    i += 1
                } else {
                    scratchIndices.append(newIndices[j])
                    j += 1
                }
            }
            scratchIndices.append(contentsOf: listed[i...])
            scratchIndices.append(contentsOf: newIndices[j...])
            swap(&listed, &scratchIndices)
        } else {
            listed.append(contentsOf: newIndices)
        }
    }

    /// Takes index `index` out of S; returns its mass.
    private mutating func unlist(_ index: Int32) -> Double {
        let i = Int(index)
        let m = mass[i]
        mass[i] = 0
        isListed[i] = false
        return m
    }

    /// SPEC.md [LOOPIX-METRIC-SPARSE]: keep the protected entries and the K largest masses of
    /// the others (ties: the smaller index), move the rest into `pruned`; the list stays sorted
    /// by index.
    private mutating func prune() {
        if supportLimit == 0 {
            // K = 0 keeps the protected entries only: MiXiM's (others, A, B) vector.
            var removed = 0.0
            compactListed { pool, index in
                let drop = !pool.protected.contains(index)
                if drop { removed += pool.unlist(index) }
                return drop
            }
            pruned += removed
            return
        }
        // The K-th largest mass of the unprotected entries (selection, not a full sort), then one
        // pass in index order: larger masses stay, and of those equal to it the smaller indices.
        var masses: [Double] = []
        swap(&masses, &scratchMasses)
        masses.removeAll(keepingCapacity: true)
        defer { swap(&masses, &scratchMasses) }
        for index in listed where !protected.contains(index) { masses.append(mass[Int(index)]) }
        if masses.count <= supportLimit { return }
        let threshold = Self.select(&masses, rank: supportLimit - 1)
        var above = 0
        for m in masses where m > threshold { above += 1 }
        var equalLeft = supportLimit - above
        var removed = 0.0
        compactListed { pool, index in
            let m = pool.mass[Int(index)]
            if pool.protected.contains(index) || m > threshold { return false }
            if m == threshold && equalLeft > 0 {
                equalLeft -= 1
                return false
            }
            removed += pool.unlist(index)
            return true
        }
        pruned += removed
    }

    /// Removes from `listed`, in place and in index order, the indices `drop` says to remove
    /// (each asked once, in order).
    private mutating func compactListed(_ drop: (inout Self, Int32) -> Bool) {
        var kept = 0
        for k in listed.indices {
            let index = listed[k]
            if !drop(&self, index) {
                listed[kept] = index
                kept += 1
            }
        }
        listed.removeLast(listed.count - kept)
    }

    /// The value of rank `rank` (0 = largest) of `values` (Hoare's quickselect, middle pivot;
    /// reorders `values`).
    static func select(_ values: inout [Double], rank: Int) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}

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
struct SenderMassPool {
    /// K: after pruning, the number of entries kept besides the protected ones; pruning starts
    /// above 2K entries.
    let supportLimit: Int
    /// Indices pruning never removes.
    let protected: [Int32]
    private(set) var sum = SparseMass()
    private var scratch: [SparseMass.Entry] = []
    private var scratchMasses: [Double] = []

    init(supportLimit: Int, protected: [Int] = []) {
        precondition(supportLimit >= 0, "BUG: a negative support limit")
        self.supportLimit = supportLimit
        self.protected = protected.map { Int32($0) }
    }

    /// S = S + v (a sorted merge), then the pruning rule.
    mutating func add(_ v: SparseMass) {
        sum.pruned += v.pruned
        if v.entries.isEmpty { return }
        if sum.entries.isEmpty {
            sum.entries = v.entries
        } else if v.entries.count == 1, let last = sum.entries.last, last.index < v.entries[0].index {
            sum.entries.append(v.entries[0])
        } else {
            merge(v.entries)
        }
        if sum.entries.count > 2 * supportLimit && sum.entries.count > protected.count { prune() }
    }

    /// The vector the departing message leaves with; `heldBefore` counts it.
    mutating func takeDeparting(heldBefore: Int) -> SparseMass {
        let n = Double(max(heldBefore, 1))
        var v = sum
        for i in v.entries.indices { v.entries[i].mass /= n }
        v.pruned /= n
        if heldBefore <= 1 {
            sum.entries.removeAll(keepingCapacity: true)
            sum.pruned = 0
        } else {
            // Rounding could leave −0.0…1 behind; mass is never negative.
            for i in sum.entries.indices { sum.entries[i].mass = max(0, sum.entries[i].mass - v.entries[i].mass) }
            sum.pruned = max(0, sum.pruned - v.pruned)
        }
        return v
    }

    private mutating func merge(_ other: [SparseMass.Entry]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(sum.entries.count + other.count)
        var i = 0, j = 0
        let a = sum.entries
        while i < a.count && j < other.count {
            if a[i].index < other[j].index {
                scratch.append(a[i])
                i += 1
            } else if a[i].index > other[j].index {
                scratch.append(other[j])
                j += 1
            } else {
                scratch.append(SparseMass.Entry(index: a[i].index, mass: a[i].mass + other[j].mass))
                i += 1
                j += 1
            }
        }
        scratch.append(contentsOf: a[i...])
        scratch.append(contentsOf: other[j...])
        swap(&sum.entries, &scratch)
    }

    /// SPEC.md [LOOPIX-METRIC-SPARSE]: keep the protected entries and the K largest masses of
    /// the others (ties: the smaller index), move the rest into `pruned`; the list stays sorted
    /// by index.
    private mutating func prune() {
        if supportLimit == 0 {
            // K = 0 keeps the protected entries only: MiXiM's (others, A, B) vector.
            var removed = 0.0
            sum.entries.removeAll { e in
                let drop = !protected.contains(e.index)
                if drop { removed += e.mass }
                return drop
            }
            sum.pruned += removed
            return
        }
        // The K-th largest mass of the unprotected entries (selection, not a full sort), then one
        // pass in index order: larger masses stay, and of those equal to it the smaller indices.
        var masses: [Double] = []
        swap(&masses, &scratchMasses)
        masses.removeAll(keepingCapacity: true)
        defer { swap(&masses, &scratchMasses) }
        for e in sum.entries where !protected.contains(e.index) { masses.append(e.mass) }
        if masses.count <= supportLimit { return }
        let threshold = Self.select(&masses, rank: supportLimit - 1)
        var above = 0
        for m in masses where m > threshold { above += 1 }
        var equalLeft = supportLimit - above
        var removed = 0.0
        sum.entries.removeAll { e in
            if protected.contains(e.index) || e.mass > threshold { return false }
            if e.mass == threshold && equalLeft > 0 {
                equalLeft -= 1
                return false
            }
            removed += e.mass
            return true
        }
        sum.pruned += removed
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

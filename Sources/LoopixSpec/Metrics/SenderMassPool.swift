/// The adversary's view of one mix's pool, as in MiXiM: the sum of the probability-mass vectors
/// of the messages held, kept sparse (`SparseMass`).
///
/// Source: MiXiM (aniampio/Simulator at 4efb211, classes/Node.py, add_pkt_in_pool and
/// forward_packet: the pool keeps the average of its packets' vectors, and a departing packet
/// takes that average). SPEC.md [LOOPIX-METRIC-SENDER] and [LOOPIX-METRIC-SPARSE].
/// ```text
/// arrival of a message with vector v:     S = S + v
/// departure, n messages held before it:   v' = S / n ;  S = S − v'   (S/n is unchanged)
/// the pool becomes empty:                 S = 0
/// S has more than 2K entries:             keep the K largest, add the others to S.pruned
/// ```
/// Each listed entry goes through exactly the arithmetic of a dense vector's entry, so while
/// nothing is pruned the result equals the dense tracker's bit for bit.
struct SenderMassPool {
    /// K: after pruning, the number of entries kept; pruning starts above 2K.
    let supportLimit: Int
    private(set) var sum = SparseMass()
    private var scratch: [SparseMass.Entry] = []

    init(supportLimit: Int) {
        precondition(supportLimit >= 1, "BUG: a support limit below 1")
        self.supportLimit = supportLimit
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
        if sum.entries.count > 2 * supportLimit { prune() }
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

    /// SPEC.md [LOOPIX-METRIC-SPARSE]: keep the K largest masses (ties: the smaller index), move
    /// the rest into `pruned`, and keep the list sorted by index.
    private mutating func prune() {
        let byMass = sum.entries.sorted { $0.mass != $1.mass ? $0.mass > $1.mass : $0.index < $1.index }
        var removed = 0.0
        for e in byMass[supportLimit...] { removed += e.mass }
        sum.entries = byMass[..<supportLimit].sorted { $0.index < $1.index }
        sum.pruned += removed
    }
}

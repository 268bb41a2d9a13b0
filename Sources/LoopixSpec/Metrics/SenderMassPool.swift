/// The adversary's view of one mix's pool, as in MiXiM: the sum of the sender-probability
/// vectors of the messages held.
///
/// Source: MiXiM (aniampio/Simulator, classes/Node.py, add_pkt_in_pool and forward_packet: the
/// pool keeps the average of its packets' vectors, and a departing packet takes that average).
/// SPEC.md [LOOPIX-METRIC-SENDER].
/// ```text
/// arrival of a message with vector v:     S = S + v
/// departure, n messages held before it:   v' = S / n ;  S = S − v'   (S/n is unchanged)
/// the pool becomes empty:                 S = 0
/// ```
/// Entries 0 … C−1 are the clients, entry C is "a mix" (mix loops).
struct SenderMassPool {
    private(set) var mass: [Double]

    init(entries: Int) { self.mass = Array(repeating: 0, count: entries) }

    mutating func add(_ d: SenderDistribution) {
        switch d {
        case .single(let i): mass[i] += 1
        case .mixture(let v):
            for i in 0..<min(v.count, mass.count) { mass[i] += v[i] }
        }
    }

    /// The vector the departing message leaves with; `heldBefore` counts it.
    mutating func takeDeparting(heldBefore: Int) -> [Double] {
        let n = Double(max(heldBefore, 1))
        var v = mass
        for i in 0..<v.count { v[i] /= n }
        if heldBefore <= 1 {
            for i in 0..<mass.count { mass[i] = 0 }
        } else {
            // Rounding could leave −0.0…1 behind; mass is never negative.
            for i in 0..<mass.count { mass[i] = max(0, mass[i] - v[i]) }
        }
        return v
    }
}

import Foundation

/// The adversary's sender view of a run (SPEC.md LOOPIX-METRIC-SENDER, -SPARSE, -EPSILON): each
/// mix's pool sum, and the sender entropies and ε of the messages that reach the end of their
/// path. A message's own vector travels outside the tracker: on the packet's tag in the
/// packet-level run, in a `SenderViewTable` slot in the timing model.
///
/// The tracker draws no random numbers and the model never reads it back, so it can run after
/// the model or beside it on a second thread (`SenderTrackingWorker`, LOOPIX-METRIC-THREAD):
/// given the same observations in the same order it does the same arithmetic, bit for bit.
struct SenderTracker {
    /// The number of clients C; index C of a vector is "a mix".
    let clients: Int
    /// The challenge senders S0 and S1 of ε.
    let challengeSenders: (s0: Int, s1: Int)
    /// Each mix's pool sum S.
    private(set) var pools: [SenderMassPool]
    private(set) var tally = SenderTally()

    init(clients: Int, mixes: Int, supportLimit: Int, challengeSenders: (s0: Int, s1: Int)) {
        self.clients = clients
        self.challengeSenders = challengeSenders
        let pool = SenderMassPool(
            supportLimit: supportLimit, protected: [challengeSenders.s0, challengeSenders.s1])
        pools = Array(repeating: pool, count: mixes)
    }

    /// SPEC.md LOOPIX-CLIENT-5: a message just seen leaving its sender has all its mass on
    /// that client, or on "a mix" (index C).
    func view(of sender: Sender) -> SparseMass {
        SparseMass(single: Self.index(of: sender, clients: clients))
    }

    /// The index of a sender in the vectors: a client's own, or C (`clients`) for "a mix".
    static func index(of sender: Sender, clients: Int) -> Int {
        switch sender {
        case .client(let c): return c
        case .mix: return clients
        }
    }

    /// A message with vector `view` enters mix `mix`'s pool: S = S + v.
    mutating func arrival(mix: Int, view: SparseMass) {
        pools[mix].add(view)
    }

    /// A message leaves mix `mix`, whose pool held `heldBefore` messages counting it: its
    /// vector becomes S/n, written into `view` (whose storage is reused).
    mutating func departure(mix: Int, heldBefore: Int, view: inout SparseMass) {
        pools[mix].takeDeparting(heldBefore: heldBefore, into: &view)
    }

    /// A client's message sent inside the measurement window reaches the end of its path with
    /// vector `view`: its sender entropy and, for a challenge sender, ε.
    ///
    /// SPEC.md [LOOPIX-METRIC-EPSILON]: ε = |ln(p_S0 / p_S1)| (Loopix eq. (3)).
    mutating func endOfPath(isReal: Bool, senderClient: Int, view v: SparseMass) {
        guard let (h, pruned) = Self.senderEntropy(of: v, clients: clients) else { return }
        tally.senderEntropy.add(h)
        tally.prunedShare.add(pruned)
        if pruned > 0 { tally.anyPruned = true }
        if isReal { tally.senderEntropyReal.add(h) }
        let (s0, s1) = challengeSenders
        if senderClient == s0 || senderClient == s1 {
            let p0 = v.mass(at: s0), p1 = v.mass(at: s1)
            if p0 > 0 && p1 > 0 {
                tally.epsilon.add(abs(log(p0 / p1)))
            } else {
                tally.epsilonInfinite += 1
            }
        }
    }

    /// A target message reaches its recipient with vector `view`: MiXiM's ε and δ
    /// (LOOPIX-METRIC-MIXIM; MiXiM test_mode/anonymity_metrics.py getUnlinkability, where A is
    /// the target sender S0 and B the other challenge sender S1).
    mutating func targetDelivered(view v: SparseMass) {
        let pA = v.mass(at: challengeSenders.s0), pB = v.mass(at: challengeSenders.s1)
        if pB > 0 && pA > 0 {
            tally.targetEpsilon.add(log(pA / pB))
        } else if pB == 0 {
            tally.targetEpsilonUndefined += 1
        }
    }

    /// The sender entropy of a vector (LOOPIX-METRIC-SENDER): restricted to the clients and
    /// renormalised, −Σ q_c log2 q_c; pruned mass is spread evenly over the clients not listed
    /// (LOOPIX-METRIC-SPARSE). Also returns the pruned share of the mass; nil when no mass is on
    /// a client.
    static func senderEntropy(of v: SparseMass, clients: Int) -> (bits: Double, prunedShare: Double)? {
        var total = 0.0
        for e in v.entries where Int(e.index) < clients { total += e.mass }
        if v.pruned > 0 { total += v.pruned }
        guard total > 0 else { return nil }
        var h = 0.0
        var listed = 0
        for e in v.entries where Int(e.index) < clients && e.mass > 0 {
            let q = e.mass / total
            h -= q * log2(q)
            listed += 1
        }
        if v.pruned > 0 {
            let r = v.pruned / total
            h -= r * log2(r / Double(max(clients - listed, 1)))
        }
        return (h, v.pruned / total)
    }
}

/// What the sender tracking measured (the `anonymity` section of a result, and MiXiM's ε and δ
/// of the target messages).
struct SenderTally: Sendable {
    var senderEntropy = RunningStatistics()
    var senderEntropyReal = RunningStatistics()
    var epsilon = RunningStatistics()
    var epsilonInfinite = 0
    /// Per sender-entropy sample, the share of its mass that was pruned (LOOPIX-METRIC-SPARSE).
    var prunedShare = RunningStatistics()
    var anyPruned = false
    /// MiXiM's ln(p_A / p_B) per target message where both are > 0 (signed, as MiXiM).
    var targetEpsilon = RunningStatistics()
    /// Target messages with p_B = 0 (MiXiM's δ counts them).
    var targetEpsilonUndefined = 0
}

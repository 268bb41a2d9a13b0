import Foundation

/// What is measured about MiXiM's target messages (SPEC.md LOOPIX-TARGETS,
/// LOOPIX-METRIC-MIXIM).
struct TargetTally {
    /// A support limit that never prunes: the mass over target messages stays exact.
    static let unlimited = Int.max / 4

    let count: Int
    /// Per target message i, Σ −p_i log2 p_i over the outputs of last-layer mixes so far.
    var entropy: [Double]
    /// `entropy` when the last target message was delivered (MiXiM's stop event).
    var entropyAtLastDelivery: [Double]?
    var delivered = 0
    var lastDeliveredAt: Double?
    var latency = RunningStatistics()

    init(count: Int) {
        self.count = count
        entropy = Array(repeating: 0, count: count)
    }
}

extension MetricCollector {
    /// The mass over target messages a message starts with: all on its own label for target
    /// message k, none for any other message; nil when the run has no target messages.
    func targetView(of target: Int?) -> SparseMass? {
        guard targets != nil else { return nil }
        guard let target else { return SparseMass() }
        return SparseMass(single: target)
    }

    /// A message leaves mix `mix` now: its new mass over the target messages (the pool's average,
    /// as for senders), and, at a last-layer mix after the burn-in, MiXiM's entropy update.
    /// Call before `mixDeparture`, while the pool still counts the message.
    ///
    /// Source: MiXiM (aniampio/Simulator at 4efb211) classes/Node.py lines 218–248
    /// (forward_packet, update_entropy). SPEC.md [LOOPIX-METRIC-MIXIM].
    /// ```text
    /// v = S/n (LOOPIX-METRIC-SENDER's rule on the mass over targets)
    /// if mix is in the last layer and now ≥ B:  for each i with v_i > 0:  E_i += −v_i log2 v_i
    /// ```
    mutating func targetDeparture(mix: Int, at now: Double) -> SparseMass? {
        guard targets != nil else { return nil }
        if mixes[mix].targetMass.isEmpty { return SparseMass() }
        let v = mixes[mix].targetMass.takeDeparting(heldBefore: mixes[mix].held)
        if mix >= lastLayerStart && now >= windowStart {
            for e in v.entries where e.mass > 0 {
                targets?.entropy[Int(e.index)] -= e.mass * log2(e.mass)
            }
        }
        return v
    }

    /// Target message `target`, sent at `sentAt`, reaches its recipient now (its sender vector,
    /// for MiXiM's ε and δ, is reported apart: `senderTargetDelivered`). Returns true when it is
    /// the last of them to arrive: the run then ends one cooldown later, and the measurement
    /// window ends now (LOOPIX-TARGETS).
    mutating func targetDelivered(target: Int, sentAt: Double, at now: Double) -> Bool {
        guard var t = targets else { return false }
        t.delivered += 1
        t.latency.add(now - sentAt)
        let last = t.delivered == t.count
        if last {
            t.lastDeliveredAt = now
            t.entropyAtLastDelivery = t.entropy
            windowEnd = min(windowEnd, now)
            for i in mixes.indices { mixes[i].occupancy.endWindow(at: now) }
        }
        targets = t
        return last
    }
}

extension SimulationResult {
    /// MiXiM's measurements of its target messages (SPEC.md LOOPIX-METRIC-MIXIM).
    public struct TargetMetrics: Sendable, Codable {
        /// Target messages sent and delivered.
        public var count: Int
        public var delivered: Int
        /// When the last one reached its recipient (MiXiM's stop event); nil if it never did.
        public var lastDeliveredAt: Double?
        /// MiXiM's entropy: the mean over target messages of their entropy over the outputs
        /// of the last layer, as MiXiM logs it first (at the stop event).
        public var entropyAtLastDelivery: Double?
        /// The same at the end of the run (after the cooldown; MiXiM's second log line).
        public var entropyAtEnd: Double
        /// Spread of the per-message entropies at the end.
        public var entropyPerMessage: SampleSummary
        /// Send → delivery of the target messages (MiXiM's computeE2ELatency).
        public var latency: SampleSummary
        /// MiXiM's ε: ln(p_A / p_B) of target messages where both are > 0 (signed).
        public var epsilon: SampleSummary
        /// MiXiM's δ: the share of target messages with p_B = 0.
        public var delta: Double
    }
}

extension SimulationResult.TargetMetrics {
    /// - Parameters:
    ///   - t: what was measured of the target messages.
    ///   - senders: the sender tracking's tally, with MiXiM's ε and δ (zero when not tracked).
    init(tally t: TargetTally, senders: SenderTally) {
        var perMessage = RunningStatistics()
        for h in t.entropy { perMessage.add(h) }
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
        self.init(
            count: t.count, delivered: t.delivered, lastDeliveredAt: t.lastDeliveredAt,
            entropyAtLastDelivery: t.entropyAtLastDelivery.map(mean), entropyAtEnd: mean(t.entropy),
            entropyPerMessage: perMessage.summary, latency: t.latency.summary,
            epsilon: senders.targetEpsilon.summary,
            delta: t.delivered > 0 ? Double(senders.targetEpsilonUndefined) / Double(t.delivered) : 0)
    }
}

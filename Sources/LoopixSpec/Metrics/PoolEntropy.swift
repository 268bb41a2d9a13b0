import Foundation

/// Binary entropy H(p, 1 − p) in bits, with 0 · log 0 = 0.
@inline(__always)
func binaryEntropyBits(_ p: Double) -> Double {
    var h = 0.0
    if p > 0 { h -= p * log2(p) }
    if p < 1 { h -= (1 - p) * log2(1 - p) }
    return h
}

/// The incremental entropy of a Poisson mix's pool, updated at every output.
///
/// Paper: Loopix (arXiv v1) Appendix A.1, eq. (5), the method behind Fig. 4.
/// SPEC.md [LOOPIX-METRIC-POOL].
/// ```text
/// H_t = H(k/(k+l), l/(k+l)) + (k/(k+l)) · log2 k + (l/(k+l)) · H_{t−1},   H_0 = 0
/// k = messages that arrived since the previous output (each a distinct, fresh input),
/// l = messages that were already in the pool at the previous output (each as uncertain as
///     that output, H_{t−1}).
/// ```
/// The letters follow the text of Appendix A.1 ("the size of the pool l (from previous mix
/// rounds) … and the number of messages k received since a message was last sent"), so k counts
/// the new messages. A.1 also says o_{n,k,l} is "as defined in Section 4.1.3", where k counts the
/// old messages and l the new ones: the paper swaps the letters between the two places.
public struct PoolEntropyTracker: Sendable {
    /// H_{t−1} in bits.
    public private(set) var previous = 0.0
    private var newSinceOutput = 0  // k
    private var oldInPool = 0  // l

    public init() {}

    public mutating func messageArrived() { newSinceOutput += 1 }

    /// Applies eq. (5) for one output and returns H_t in bits.
    public mutating func messageDeparted() -> Double {
        let k = Double(newSinceOutput), l = Double(oldInPool)
        let n = k + l
        guard n > 0 else { return previous }
        let h = binaryEntropyBits(k / n) + (k > 0 ? (k / n) * log2(k) : 0) + (l / n) * previous
        previous = h
        oldInPool = newSinceOutput + oldInPool - 1
        newSinceOutput = 0
        return h
    }
}

/// Danezis' entropy of one output of a continuous-time mix with exponential delays: the
/// entropy of the distribution over all earlier inputs i of "the output at time t is input i",
/// p_i ∝ f(t − t_i) with f the delay density µ·e^{−µx}.
///
/// Source: G. Danezis, "The traffic analysis of continuous-time mixes", PET 2004, §3.
/// SPEC.md [LOOPIX-METRIC-DANEZIS].
/// ```text
/// w_i = e^{−µ(t − t_i)} ; W = Σ w_i ; p_i = w_i / W
/// H = −Σ p_i ln p_i = ln W + µ · Σ w_i (t − t_i) / W      (nats; ÷ ln 2 for bits)
/// ```
/// The two sums are kept up to date in O(1) per event: moving from t to t + Δ multiplies every
/// w_i by e^{−µΔ} and adds Δ to every age.
public struct DanezisEntropyTracker: Sendable {
    public let mu: Double
    private var sumW = 0.0  // Σ w_i
    private var sumWAge = 0.0  // Σ w_i · (t − t_i)
    private var lastTime = 0.0

    public init(mu: Double) { self.mu = mu }

    private mutating func advance(to t: Double) {
        let dt = t - lastTime
        if dt > 0 {
            let f = exp(-mu * dt)
            sumWAge = f * (sumWAge + dt * sumW)
            sumW *= f
        }
        lastTime = t
    }

    public mutating func messageArrived(at t: Double) {
        advance(to: t)
        sumW += 1
    }

    /// The entropy in bits of an output at time t.
    public mutating func entropyOfOutput(at t: Double) -> Double {
        advance(to: t)
        guard sumW > 0 else { return 0 }
        return (log(sumW) + mu * sumWAge / sumW) / 0.693_147_180_559_945_3
    }
}

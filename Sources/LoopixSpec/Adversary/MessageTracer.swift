import Foundation

/// The tracing attack: a global passive observer follows one message from the moment it enters
/// the network and ends with a probability for each exit it might have taken.
///
/// Source: the pool-mass rule of MiXiM (classes/Node.py), the rule behind the sender-entropy
/// metric LOOPIX-METRIC-SENDER, run forwards for one target; with exponential delays every
/// message in a pool is equally likely to leave next (memorylessness; Loopix §4.1.3, Theorem 1
/// with k = n), so with λ_M = 0 this is the exact posterior of an observer who knows the
/// pool sizes, which it does by counting. SPEC.md §8.13.
public enum MessageTracer {
    /// The observer's posterior over exits for one target.
    public struct Posterior: Sendable {
        /// The index (in the observation) of the link on which the target entered a mix.
        public var entry: Int
        /// Candidate exits (index of a last-layer mix → provider link) and their probability,
        /// most probable first; the probabilities sum to 1.
        public var exits: [(event: Int, probability: Double)]
        /// −Σ q log2 q over `exits`.
        public var entropy: Double
    }

    /// For every event, the observer's count of messages in the pool of the mix it leaves,
    /// just before it leaves (0 for events that do not leave a mix).
    ///
    /// SPEC.md [LOOPIX-ADV-TRACE-1]: every link into a mix adds one to its count, every link out
    /// of it takes one away. Exact with λ_M = 0; with mix loops the count drifts (a loop leaves
    /// without having arrived and ends without leaving), and the tracer clamps it at 1.
    public static func poolCounts(_ events: [LinkEvent]) -> [Int] {
        var count: [Int: Int] = [:]
        var before = [Int](repeating: 0, count: events.count)
        for (i, e) in events.enumerated() {
            if case .mix(let m) = e.from {
                let n = count[m, default: 0]
                before[i] = max(n, 1)
                count[m] = max(n - 1, 0)
            }
            if case .mix(let m) = e.to { count[m, default: 0] += 1 }
        }
        return before
    }

    /// Traces the message that entered the network on the client → provider link `sendEvent`.
    ///
    /// SPEC.md [LOOPIX-ADV-TRACE-2].
    /// ```text
    /// entry = the next link out of that provider at the same time (providers do not delay)
    /// W[m] = 0 for every mix; W[first mix] = 1 at the entry
    /// for each later event e out of mix m with W[m] > 0:
    ///     q = W[m] / n(e);  W[m] = W[m] − q          (n(e): LOOPIX-ADV-TRACE-1)
    ///     to a mix of the next layer:          W[to] = W[to] + q
    ///     from the last layer to a provider:   exit candidate e with mass q
    ///     anything else (a mix loop's route):  mass lost (a client message never goes there)
    /// stop when Σ W < 10⁻⁹ or after `horizon` seconds; normalise the candidates
    /// ```
    public static func trace(
        _ events: [LinkEvent], poolCounts n: [Int], layers: Int, mixesPerLayer: Int,
        sendEvent: Int, horizon: Double
    ) -> Posterior? {
        // Step 1: the entry into the first mix.
        guard sendEvent < events.count, case .client = events[sendEvent].from,
            case .provider(let provider) = events[sendEvent].to
        else { return nil }
        let t0 = events[sendEvent].time
        var entry = sendEvent + 1
        while entry < events.count, events[entry].time == t0, events[entry].from != .provider(provider) {
            entry += 1
        }
        guard entry < events.count, events[entry].time == t0, case .mix(let first) = events[entry].to else {
            return nil
        }
        // Step 2: the target's mass in each pool.
        var mass: [Int: Double] = [first: 1]
        var inPools = 1.0
        var exits: [(event: Int, probability: Double)] = []
        var i = entry + 1
        // Step 3: follow the mass out of each pool.
        while i < events.count, inPools > 1e-9, events[i].time <= t0 + horizon {
            defer { i += 1 }
            guard case .mix(let m) = events[i].from, let w = mass[m], w > 0 else { continue }
            let q = w / Double(n[i])
            mass[m] = w - q
            let layer = m / mixesPerLayer
            switch events[i].to {
            case .mix(let next) where next / mixesPerLayer == layer + 1:
                mass[next, default: 0] += q
            case .provider where layer == layers - 1:
                exits.append((i, q))
                inPools -= q
            default:
                inPools -= q
            }
        }
        // Step 4: normalise.
        let total = exits.reduce(0) { $0 + $1.probability }
        guard total > 0 else { return nil }
        exits = exits.map { ($0.event, $0.probability / total) }.sorted { $0.probability > $1.probability }
        let h = exits.reduce(0) { $0 - ($1.probability > 0 ? $1.probability * log2($1.probability) : 0) }
        return Posterior(entry: entry, exits: exits, entropy: h)
    }

    /// Fano's inequality for one posterior: the largest chance of guessing right that any
    /// distribution over `alternatives` outcomes with entropy `entropy` bits allows.
    ///
    /// SPEC.md [LOOPIX-ADV-TRACE-BOUND]. h(Pe) + Pe·log2(N − 1) ≥ H, solved for the smallest Pe
    /// by bisection on [0, 1 − 1/N] (where the left side rises from 0 to log2 N); returns 1 − Pe.
    public static func fanoBound(entropy: Double, alternatives: Int) -> Double {
        guard alternatives > 1 else { return 1 }
        let n = Double(alternatives)
        func f(_ pe: Double) -> Double {
            let h = pe <= 0 || pe >= 1 ? 0 : -pe * log2(pe) - (1 - pe) * log2(1 - pe)
            return h + pe * log2(n - 1)
        }
        var lo = 0.0, hi = 1 - 1 / n
        if entropy >= f(hi) { return 1 / n }
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            if f(mid) < entropy { lo = mid } else { hi = mid }
        }
        return 1 - hi
    }
}

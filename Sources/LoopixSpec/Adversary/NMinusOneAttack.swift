import Foundation

/// The (n − 1) blocking attack on one mix, and whether the mix notices through its own loops.
///
/// Source: Loopix §4.2.1, "Active attacks" (the mix reacts when fewer than λ_M/s of its loops per
/// second come back); the closed forms LOOPIX-CF-NMINUS1-OURS. The window, the timeout rule and
/// the measurement are ours: the paper gives no detection probability. SPEC.md §8.13.
public enum NMinusOneAttack {
    public struct Setting: Codable, Sendable {
        /// λ_M, the mix's loop rate; µ the per-hop delay rate; l the layers (a loop crosses the
        /// l − 1 other layers, each an Exp(µ) delay: transit Erlang(l − 1, µ)).
        public var lambdaM: Double
        public var mu: Double
        public var layers: Int
        /// The paper's s > 1 and our window w (seconds): alarm when fewer than λ_M·w/s loops came
        /// back in the last w seconds.
        public var s: Double
        public var window: Double
        /// Our timeout rule: a loop not back within `timeout` seconds of leaving is missing.
        public var timeout: Double
        /// The messages in the target's pool when the blocking starts.
        public var poolSize: Int

        public init(
            lambdaM: Double, mu: Double, layers: Int, s: Double, window: Double, timeout: Double, poolSize: Int
        ) {
            self.lambdaM = lambdaM
            self.mu = mu
            self.layers = layers
            self.s = s
            self.window = window
            self.timeout = timeout
            self.poolSize = poolSize
        }
    }

    /// The figures for one blocking time t.
    public struct Point: Codable, Sendable {
        public var t: Double
        /// Threshold rule: probability of an alarm during a blocking of length t, and the
        /// false-alarm probability over an honest interval of the same length.
        public var thresholdDetection: Double
        public var thresholdFalseAlarm: Double
        /// Timeout rule: the same two, and its closed form with transit (LOOPIX-ADV-NM1-2).
        public var timeoutDetection: Double
        public var timeoutFalseAlarm: Double
        public var timeoutDetectionPredicted: Double
        /// LOOPIX-CF-NMINUS1-OURS: 1 − e^{−λ_M t} (transit ignored).
        public var formulaNoTransit: Double
        /// The pool flushed within t: measured and (1 − e^{−µt})^k.
        public var flushed: Double
        public var flushedPredicted: Double
        /// The adversary's success: pool flushed and no alarm of the threshold rule.
        public var isolatedUndetected: Double
    }

    public struct Report: Codable, Sendable {
        public var setting: Setting
        public var trials: Int
        public var points: [Point]
    }

    /// The timeout rule's detection probability with transit, our closed form.
    ///
    /// SPEC.md [LOOPIX-ADV-NM1-2]. Loops leave as a Poisson stream of rate λ_M; one sent at x
    /// comes back at x + D, D ~ Erlang(l − 1, µ). A blocking of [0, t] is noticed during the
    /// blocking when some loop's deadline x + τ falls in [0, t] and the loop is not back by then:
    /// it is late (D > τ, which happens without an attack too) or it came back inside [0, t] and
    /// was held (x + D ≥ 0). For a given D those x fill an interval of length
    /// max(0, t − τ + min(D, τ)); the loops in it are Poisson, so
    /// ```text
    /// P(detect) = 1 − exp(−λ_M · E_D[max(0, t − τ + min(D, τ))])
    /// (D = 0 and τ → 0 give LOOPIX-CF-NMINUS1-OURS's 1 − e^{−λ_M t})
    /// ```
    public static func timeoutDetectionPredicted(_ s: Setting, t: Double) -> Double {
        // E over D of max(0, t − τ + min(D, τ)) by a midpoint rule on the Erlang density.
        let h = s.layers - 1
        let tau = s.timeout
        guard h > 0 else { return 1 - exp(-s.lambdaM * max(0, t - tau)) }
        let steps = 4000
        let top = tau
        var expectation = 0.0
        var massBelow = 0.0
        for i in 0..<steps {
            let d = (Double(i) + 0.5) * top / Double(steps)
            let density = erlangDensity(d, shape: h, rate: s.mu) * top / Double(steps)
            expectation += density * max(0, t - tau + d)
            massBelow += density
        }
        expectation += (1 - massBelow) * max(0, t)
        return 1 - exp(-s.lambdaM * expectation)
    }

    static func erlangDensity(_ x: Double, shape k: Int, rate mu: Double) -> Double {
        var logFactorial = 0.0
        for i in 1..<max(1, k) { logFactorial += log(Double(i)) }
        return exp(Double(k) * log(mu) + Double(k - 1) * log(x) - mu * x - logFactorial)
    }
}

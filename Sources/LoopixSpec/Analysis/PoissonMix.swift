import Foundation

/// Closed forms of the Poisson mix (a mix that delays each message by an independent Exp(µ)).
///
/// Paper: Loopix §4.1 (Lemma 1, Theorems 1 and 2, the appendix proofs).
public enum PoissonMix {
    /// Lemma 1: the number of messages inside a Poisson mix with Poisson(λ) arrivals is
    /// Poisson(λ/µ) in steady state; its mean and its variance are both λ/µ.
    ///
    /// Loopix §4.1.1, Lemma 1 (an M/M/∞ queue). SPEC.md [LOOPIX-CF-LEMMA1].
    /// ```text
    /// P[N = n] = e^{−λ/µ} (λ/µ)^n / n! ;  E[N] = Var[N] = λ/µ
    /// ```
    public static func occupancyMean(lambda: Double, mu: Double) throws(AnalysisError) -> Double {
        try requireNonNegative("lambda", lambda)
        try requirePositive("mu", mu)
        return lambda / mu
    }

    /// P[N = n] of Lemma 1, computed in log space (stable for large λ/µ).
    public static func occupancyProbability(_ n: Int, lambda: Double, mu: Double) throws(AnalysisError) -> Double {
        guard n >= 0 else { throw .countOutOfRange(parameter: "n", value: n) }
        let m = try occupancyMean(lambda: lambda, mu: mu)
        if m == 0 { return n == 0 ? 1 : 0 }
        return exp(-m + Double(n) * log(m) - lgamma(Double(n) + 1))
    }

    /// Theorem 1: the next output of a Poisson mix after n arrivals, n − k departures and then
    /// l new arrivals.
    ///
    /// Loopix §4.1.2, Theorem 1. SPEC.md [LOOPIX-CF-THM1].
    /// ```text
    /// P[it is old message i] = k / (n (l + k))     (each of the n old messages)
    /// P[it is new message j] = 1 / (l + k)         (each of the l new messages)
    /// ```
    public static func theorem1(n: Int, k: Int, l: Int) throws(AnalysisError) -> (old: Double, new: Double) {
        guard n >= 1 else { throw .countOutOfRange(parameter: "n", value: n) }
        guard k >= 0, k <= n else { throw .countOutOfRange(parameter: "k", value: k) }
        guard l >= 0 else { throw .countOutOfRange(parameter: "l", value: l) }
        guard k + l >= 1 else { throw .countOutOfRange(parameter: "k + l", value: k + l) }
        let lk = Double(l + k)
        return (Double(k) / (Double(n) * lk), 1 / lk)
    }

    /// Theorem 2: as Theorem 1, for a mix that also emits its own loops at rate λ_M.
    ///
    /// Loopix §4.1.3, Theorem 2, in the form of the appendix proof (the v1 statement swaps the
    /// labels "old" and "new"). SPEC.md [LOOPIX-CF-THM2].
    /// ```text
    /// P[new message j] = µ / ((l + k) µ + λ_M)
    /// P[old message i] = (k / n) · µ / ((l + k) µ + λ_M)
    /// P[a mix loop]    = λ_M / ((l + k) µ + λ_M)
    /// ```
    public static func theorem2(
        n: Int, k: Int, l: Int, mu: Double, lambdaM: Double
    ) throws(AnalysisError) -> (old: Double, new: Double, loop: Double) {
        guard n >= 1 else { throw .countOutOfRange(parameter: "n", value: n) }
        guard k >= 0, k <= n else { throw .countOutOfRange(parameter: "k", value: k) }
        guard l >= 0 else { throw .countOutOfRange(parameter: "l", value: l) }
        try requirePositive("mu", mu)
        try requireNonNegative("lambdaM", lambdaM)
        let denominator = Double(l + k) * mu + lambdaM
        guard denominator > 0 else { throw .countOutOfRange(parameter: "k + l", value: k + l) }
        return (Double(k) / Double(n) * mu / denominator, mu / denominator, lambdaM / denominator)
    }

    /// Danezis' entropy of a continuous-time exponential mix: about log2(e · λ/µ) bits when
    /// λ/µ is large.
    ///
    /// Source: G. Danezis, "The traffic analysis of continuous-time mixes", PET 2004, §3
    /// (quoted in Loopix §4.1.2, Fig. 4). SPEC.md [LOOPIX-CF-DANEZIS].
    /// ```text
    /// H ≈ log2(e · λ / µ)
    /// ```
    public static func danezisEntropy(lambda: Double, mu: Double) throws(AnalysisError) -> Double {
        try requirePositive("lambda", lambda)
        try requirePositive("mu", mu)
        return log2(M_E * lambda / mu)
    }

    /// The mean arrival rate at one mix of the simulated network (our derivation from the
    /// event rules, SPEC.md [LOOPIX-CF-MIXRATE]).
    /// ```text
    /// λ_mix = C (λ_P + λ_L + λ_D) / M  +  λ_M (l − 1)
    /// ```
    /// Every client message visits one of the M mixes of each layer uniformly; a mix loop visits
    /// one mix in each of the l − 1 other layers, and by symmetry every mix receives λ_M (l − 1).
    public static func networkMixArrivalRate(_ p: LoopixParameters) -> Double {
        Double(p.clients) * (p.lambdaP + p.lambdaL + p.lambdaD) / Double(p.mixesPerLayer)
            + p.lambdaM * Double(p.layers - 1)
    }
}

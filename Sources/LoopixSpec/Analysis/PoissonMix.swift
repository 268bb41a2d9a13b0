import Foundation

/// Closed forms of the Poisson mix (a mix that delays each message by an independent Exp(µ)).
///
/// Paper: Loopix, arXiv 1703.00536v1 (section numbers are v1's): §3.3 (Lemma 1), §4.1.3
/// (Theorems 1 and 2), Appendix A.2 (the proof of Theorem 2).
public enum PoissonMix {
    /// Lemma 1: the number of messages inside a Poisson mix with Poisson(λ) arrivals is
    /// Poisson(λ/µ) in steady state; its mean and its variance are both λ/µ.
    ///
    /// Loopix §3.3, Lemma 1 (an M/M/∞ queue; the paper's wording says "the mean number … follows
    /// the Poisson distribution Pois(λ/µ)": it is the number that is Poisson, with mean λ/µ).
    /// SPEC.md [LOOPIX-CF-LEMMA1].
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
    /// Loopix §4.1.3, Theorem 1, eqs. (1) and (2) (the observation o_{n,k,l}: k counts the OLD
    /// messages still inside, l the new ones). The paper assumes k < n; we also accept k = n (no
    /// departure yet), where the same formulas give 1/(n + l) to every message.
    /// SPEC.md [LOOPIX-CF-THM1].
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
    /// Loopix §4.1.3, Theorem 2, in the form of the proof in Appendix A.2 (eq. (8) times
    /// Theorem 1, with n′ = k + l). The statement in §4.1.3 gives (k/n)·µ/((l+k)µ+λ_M) to m2 (a
    /// new message) and µ/((l+k)µ+λ_M) to m1 (an old one): the labels are swapped, since then the
    /// n + l probabilities do not add up with the loop's to 1 and λ_M = 0 does not give Theorem 1.
    /// The loop's probability is 1 − eq. (8). SPEC.md [LOOPIX-CF-THM2].
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
    /// Source: G. Danezis, "The traffic analysis of continuous-time mixes", PET 2004, §3 (Loopix
    /// cites it as [13] in §3.3). Loopix's Fig. 4 was computed with eq. (5), not with this
    /// formula (Appendix A.1, last sentence); the two agree for large λ/µ.
    /// SPEC.md [LOOPIX-CF-DANEZIS].
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

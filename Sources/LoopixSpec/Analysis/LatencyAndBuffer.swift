import Foundation

/// Closed forms of latency and of the client buffer.
public enum LoopixLatency {
    /// The delay over h hops with independent Exp(µ) delays is Erlang(h, µ).
    ///
    /// Source: any queueing text (the sum of h i.i.d. Exp(µ) is Gamma(h, µ)); Loopix §5 fits a
    /// Gamma to its measured loop latency (Fig. 10: Exp(2) delays, mean 1.93 s, sd 0.87 s).
    /// SPEC.md [LOOPIX-CF-ERLANG].
    /// ```text
    /// mean = h / µ ;  variance = h / µ² ;  sd = √h / µ
    /// ```
    public static func erlang(hops h: Int, mu: Double) throws(AnalysisError) -> (
        mean: Double, variance: Double, standardDeviation: Double
    ) {
        guard h >= 1 else { throw .countOutOfRange(parameter: "hops", value: h) }
        try requirePositive("mu", mu)
        let hd = Double(h)
        return (hd / mu, hd / (mu * mu), hd.squareRoot() / mu)
    }

    /// P[Erlang(h, µ) ≤ x] = 1 − Σ_{n=0}^{h−1} e^{−µx} (µx)^n / n!.
    public static func erlangCDF(_ x: Double, hops h: Int, mu: Double) throws(AnalysisError) -> Double {
        guard h >= 1 else { throw .countOutOfRange(parameter: "hops", value: h) }
        try requirePositive("mu", mu)
        guard x > 0 else { return 0 }
        var term = exp(-mu * x), sum = 0.0
        for n in 0..<h {
            if n > 0 { term *= mu * x / Double(n) }
            sum += term
        }
        return max(0, 1 - sum)
    }
}

/// The client buffer as an M/M/1 queue: real messages arrive at rate r (Poisson), the payload
/// stream serves the head at rate λ_P (its slots are a Poisson process, so service times are
/// Exp(λ_P)).
///
/// Loopix (arXiv v1) §3.2, "Sending messages and cover traffic", and §4.1.2 (the FIFO
/// buffer read by the payload stream); M/M/1 formulas from any queueing text.
/// SPEC.md [LOOPIX-CF-BUFFER].
/// ```text
/// ρ = r / λ_P < 1
/// mean time in the buffer (sojourn) W = 1 / (λ_P − r)
/// fraction of payload slots that find the buffer empty (send a drop) = 1 − ρ
/// mean number of messages in the buffer = ρ / (1 − ρ)
/// ```
public enum ClientBuffer {
    public static func utilisation(realRate r: Double, lambdaP: Double) throws(AnalysisError) -> Double {
        try requireNonNegative("realMessageRate", r)
        try requirePositive("lambdaP", lambdaP)
        guard r < lambdaP else { throw .unstableQueue(arrivalRate: r, serviceRate: lambdaP) }
        return r / lambdaP
    }

    public static func meanWait(realRate r: Double, lambdaP: Double) throws(AnalysisError) -> Double {
        _ = try utilisation(realRate: r, lambdaP: lambdaP)
        return 1 / (lambdaP - r)
    }

    public static func dropFraction(realRate r: Double, lambdaP: Double) throws(AnalysisError) -> Double {
        1 - (try utilisation(realRate: r, lambdaP: lambdaP))
    }

    public static func meanQueueLength(realRate r: Double, lambdaP: Double) throws(AnalysisError) -> Double {
        let rho = try utilisation(realRate: r, lambdaP: lambdaP)
        return rho / (1 - rho)
    }
}

/// The (n − 1) attack against a mix that sends loops.
///
/// Paper: Loopix (arXiv v1) §4.2.1, "Active attacks". The paper gives a threshold rule and one
/// formula, not a detection probability:
/// - each mix picks a public s ∈ ℝ_{>1} and reacts when fewer loops than r = λ_M/s (a rate)
///   come back;
/// - an adversary who cannot tell loops from other traffic can at best block uniformly, so that
///   (λ_R + λ_M)/s of the traffic enters the mix (λ_R: the arrival rate of everything but the
///   mix's own loops); in steady state the target is mixed with λ_R/(sµ) messages that entered
///   and λ_M/µ loop messages, and the paper's probability is one over that expected pool.
///
/// SPEC.md [LOOPIX-CF-NMINUS1].
/// ```text
/// r = λ_M / s                                                        (loop threshold, per second)
/// expected pool = λ_R / (s µ) + λ_M / µ
/// Pr(x = target) = 1 / (λ_R/(sµ) + λ_M/µ) = s µ / (s λ_M + λ_R)      (capped at 1 here)
/// ```
/// The paper calls Pr(x = target) "the probability of correctly blocking a sufficient number of
/// messages … so as not to alter the behavior of the mix"; as computed it is the chance of
/// linking the target to an output when the pool holds its expected size (Theorem 1's 1/(k + l)).
/// It exceeds 1 when the expected pool is below one message; we cap it at 1 and also return the
/// expected pool so the uncapped value can be recovered.
public enum ActiveAttack {
    public static func loopThreshold(lambdaM: Double, s: Double) throws(AnalysisError) -> Double {
        try requireNonNegative("lambdaM", lambdaM)
        guard s.isFinite, s > 1 else { throw .notGreaterThan(parameter: "s", value: s, bound: 1) }
        return lambdaM / s
    }

    public static func targetLinking(
        lambdaR: Double, lambdaM: Double, mu: Double, s: Double
    ) throws(AnalysisError) -> (expectedPool: Double, probability: Double) {
        try requireNonNegative("lambdaR", lambdaR)
        try requireNonNegative("lambdaM", lambdaM)
        try requirePositive("mu", mu)
        guard s.isFinite, s > 1 else { throw .notGreaterThan(parameter: "s", value: s, bound: 1) }
        // Step 1: the expected pool around the target: messages let in, plus the mix's loops.
        let pool = lambdaR / (s * mu) + lambdaM / mu
        guard pool > 0 else { throw .nonPositive(parameter: "lambdaR + s·lambdaM", value: lambdaR + s * lambdaM) }
        // Step 2: one over the pool, the paper's s µ / (s λ_M + λ_R), capped at 1.
        return (pool, min(1, 1 / pool))
    }
}

/// Two quantities of the (n − 1) attack that are NOT in the paper (our derivation under its
/// model; loop transit time ignored).
///
/// SPEC.md [LOOPIX-CF-NMINUS1-OURS].
/// ```text
/// P[at least one of the mix's loops is due back within t] = 1 − e^{−λ_M t}
///     (a mix that reacts to a single missing loop notices an adversary who blocks everything
///      for t with this probability)
/// P[the k messages held all leave within t] = (1 − e^{−µ t})^k      (the adversary's goal)
/// ```
extension ActiveAttack {
    public static func detectionProbability(lambdaM: Double, blockingTime t: Double) throws(AnalysisError) -> Double {
        try requireNonNegative("lambdaM", lambdaM)
        try requireNonNegative("blockingTime", t)
        return -expm1(-lambdaM * t)
    }

    public static func flushProbability(held k: Int, mu: Double, blockingTime t: Double) throws(AnalysisError) -> Double
    {
        guard k >= 0 else { throw .countOutOfRange(parameter: "held", value: k) }
        try requirePositive("mu", mu)
        try requireNonNegative("blockingTime", t)
        return pow(-expm1(-mu * t), Double(k))
    }
}

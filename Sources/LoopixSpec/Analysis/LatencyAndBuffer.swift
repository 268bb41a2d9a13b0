import Foundation

/// Closed forms of latency and of the client buffer.
public enum LoopixLatency {
    /// The delay over h hops with independent Exp(µ) delays is Erlang(h, µ).
    ///
    /// Source: any queueing text (the sum of h i.i.d. Exp(µ) is Gamma(h, µ)); Loopix §5 fits a
    /// Gamma to its measured latency (Fig. 10). SPEC.md [LOOPIX-CF-ERLANG].
    /// ```text
    /// mean = h / µ ;  variance = h / µ² ;  sd = √h / µ
    /// ```
    public static func erlang(hops h: Int, mu: Double) throws(AnalysisError) -> (mean: Double, variance: Double, standardDeviation: Double) {
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
/// Loopix §4.2 (the sending buffer); M/M/1 formulas from any queueing text.
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

/// The (n − 1) attack against a mix that sends loops (Loopix §4.1.3, "active attacks").
///
/// To isolate a target the adversary blocks every message into the mix for a time t. The mix's
/// own loops come back at rate λ_M (a Poisson stream), and every blocked loop is one the mix
/// notices missing. SPEC.md [LOOPIX-CF-NMINUS1] (our derivation under the paper's model;
/// loop transit time is ignored, which the mix can account for).
/// ```text
/// P[detected within t] = 1 − e^{−λ_M t}
/// P[the k messages held all leave within t] = (1 − e^{−µ t})^k      (the adversary's goal)
/// ```
public enum ActiveAttack {
    public static func detectionProbability(lambdaM: Double, blockingTime t: Double) throws(AnalysisError) -> Double {
        try requireNonNegative("lambdaM", lambdaM)
        try requireNonNegative("blockingTime", t)
        return -expm1(-lambdaM * t)
    }

    public static func flushProbability(held k: Int, mu: Double, blockingTime t: Double) throws(AnalysisError) -> Double {
        guard k >= 0 else { throw .countOutOfRange(parameter: "held", value: k) }
        try requirePositive("mu", mu)
        try requireNonNegative("blockingTime", t)
        return pow(-expm1(-mu * t), Double(k))
    }
}

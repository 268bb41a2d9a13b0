/// Monte Carlo check of Theorems 1 and 2 by direct simulation of one mix.
///
/// SPEC.md, "Experiments" (see LOOPIX-CF-THM1 and LOOPIX-CF-THM2). One trial:
/// ```text
/// n old messages enter at time 0, each with a delay Exp(µ)
/// wait until n − k of them have left (time T); the k left are whichever had the longest delays
/// l new messages enter at T, each with a delay Exp(µ); the mix's next loop is at T + Exp(λ_M)
/// the next output is whichever of these comes first
/// ```
/// Nothing in a trial uses memorylessness: the k old messages keep their residual delays, so a
/// wrong theorem (or a wrong mix) shows up as a disagreement.
public enum TheoremExperiment {
    public struct Estimate: Sendable, Codable {
        public var trials: Int
        /// Fraction of trials whose next output was old message 0.
        public var oldMessage0: Double
        /// Fraction of trials whose next output was new message 0.
        public var newMessage0: Double
        /// Fraction of trials whose next output was a mix loop.
        public var loop: Double

        /// Binomial standard error √(p(1 − p)/N).
        public static func standardError(_ p: Double, trials: Int) -> Double {
            (p * (1 - p) / Double(trials)).squareRoot()
        }
    }

    public static func run(
        n: Int, k: Int, l: Int, mu: Double, lambdaM: Double, trials: Int, seed: UInt64
    ) throws(AnalysisError) -> Estimate {
        guard n >= 1 else { throw .countOutOfRange(parameter: "n", value: n) }
        guard k >= 1, k <= n else { throw .countOutOfRange(parameter: "k", value: k) }
        guard l >= 1 else { throw .countOutOfRange(parameter: "l", value: l) }
        guard trials >= 1 else { throw .countOutOfRange(parameter: "trials", value: trials) }
        try requirePositive("mu", mu)
        try requireNonNegative("lambdaM", lambdaM)
        var random = SimulationRandom(seed: seed)
        var old0 = 0, new0 = 0, loops = 0
        var delays = [Double](repeating: 0, count: n)
        for _ in 0..<trials {
            // Step 1: n old messages enter at time 0.
            for i in 0..<n { delays[i] = random.exponential(rate: mu) }
            // Step 2: T is the (n − k)-th departure; old message i is still inside iff its delay > T.
            let sorted = delays.sorted()
            let t = n - k > 0 ? sorted[n - k - 1] : 0
            // Step 3: the next departure among the k old ones left.
            var best = Double.infinity, winner = -1  // 0..<n old, n..<n+l new, -2 loop
            for i in 0..<n where delays[i] > t && delays[i] < best { best = delays[i]; winner = i }
            // Step 4: l new messages enter at T.
            for j in 0..<l {
                let d = t + random.exponential(rate: mu)
                if d < best { best = d; winner = n + j }
            }
            // Step 5: the mix's next loop.
            if lambdaM > 0 {
                let d = t + random.exponential(rate: lambdaM)
                if d < best { best = d; winner = -2 }
            }
            if winner == 0 { old0 += 1 }
            if winner == n { new0 += 1 }
            if winner == -2 { loops += 1 }
        }
        let nt = Double(trials)
        return Estimate(
            trials: trials, oldMessage0: Double(old0) / nt,
            newMessage0: Double(new0) / nt, loop: Double(loops) / nt)
    }
}

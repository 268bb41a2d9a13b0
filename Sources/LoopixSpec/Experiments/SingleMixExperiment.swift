/// One Poisson mix fed by a Poisson stream: the setting of Lemma 1, of Danezis' formula and of
/// the paper's Fig. 4, run through the full simulator (one client whose payload stream at rate
/// λ goes through one mix of one layer).
///
/// SPEC.md, "Experiments" (see LOOPIX-CF-DANEZIS and LOOPIX-CF-LEMMA1).
public enum SingleMixExperiment {
    /// One point of the curve: λ, µ, the simulated means and the closed forms.
    public struct Point: Sendable, Codable {
        public var lambda: Double
        public var mu: Double
        public var outputs: Int
        public var danezisEntropy: Double
        public var poolEntropy: Double
        public var occupancyMean: Double
        public var occupancyVariance: Double
        public var danezisClosedForm: Double
        public var occupancyClosedForm: Double
    }

    /// The network parameters of the experiment: one client, one mix, one provider.
    public static func parameters(lambda: Double, mu: Double) -> LoopixParameters {
        LoopixParameters(
            lambdaP: lambda, lambdaL: 0, lambdaD: 0, lambdaM: 0, mu: mu,
            layers: 1, mixesPerLayer: 1, providers: 1, clients: 1,
            pullInterval: 1000, pullSize: 1, realMessageRate: 0)
    }

    /// Runs one point. Burn-in 10/µ (older inputs weigh less than e^{-10} in Danezis' sum),
    /// then a measurement window of `measureMeanDelays`/µ seconds, at least `minimumOutputs`/λ.
    public static func run(
        lambda: Double, mu: Double, seed: UInt64, measureMeanDelays: Double = 50,
        minimumOutputs: Double = 5000
    ) throws(LoopixError) -> Point {
        let burnIn = 10 / mu
        let window = max(measureMeanDelays / mu, minimumOutputs / lambda)
        let sim = try LoopixSimulator(
            parameters: parameters(lambda: lambda, mu: mu),
            config: SimulationConfig(
                seed: seed, duration: burnIn + window, burnIn: burnIn,
                trackSenderEntropy: false))
        let r = sim.run()
        let mix = r.mixes[0]
        return Point(
            lambda: lambda, mu: mu, outputs: mix.departures,
            danezisEntropy: mix.danezisEntropyMean, poolEntropy: mix.poolEntropyMean,
            occupancyMean: mix.occupancyMean, occupancyVariance: mix.occupancyVariance,
            danezisClosedForm: (try? PoissonMix.danezisEntropy(lambda: lambda, mu: mu)) ?? .nan,
            occupancyClosedForm: lambda / mu)
    }

    /// The curve of the paper's Fig. 4: λ = 100, 200, …, 500 per second and
    /// µ ∈ {0.02, 0.2, 2, 20, 200} per second. Point i (1-based, µ-major order) uses seed + i;
    /// the points run in parallel (`Replications`), which gives the same points as one by one.
    public static func figure4(
        seed: UInt64, lambdas: [Double] = [100, 200, 300, 400, 500],
        mus: [Double] = [0.02, 0.2, 2, 20, 200], parallel: Bool = true,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(LoopixError) -> [Point] {
        var settings: [(lambda: Double, mu: Double)] = []
        for mu in mus {
            for lambda in lambdas { settings.append((lambda, mu)) }
        }
        let all = settings
        let point: @Sendable (Int) throws(LoopixError) -> Point = { i throws(LoopixError) in
            progress?(i + 1, all.count)
            return try run(lambda: all[i].lambda, mu: all[i].mu, seed: seed &+ UInt64(i + 1))
        }
        if parallel { return try Replications.map(count: all.count, point) }
        var points: [Point] = []
        for i in all.indices { points.append(try point(i)) }
        return points
    }
}

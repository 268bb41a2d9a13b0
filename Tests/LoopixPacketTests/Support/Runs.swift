import Foundation
@testable import LoopixSpec

/// The runs the tests share, each made once (a packet-level run in a debug build costs seconds:
/// every hop is real cryptography). SPEC.md §8.12 lists their parameters and why.
enum Runs {
    /// The paper's behaviour (drops in empty slots, no acks, pulls) on a small network where the
    /// timing model and the packet-level run are the same model: 40 clients, 3 layers of one mix,
    /// 2 gateways, λ_P = 8/s, r = 4/s (ρ = 0.5), λ_L = λ_D = 1/s, λ_M = 1/s, µ = 40/s
    /// (25 ms), 20 virtual s: 2 s burn-in, 1 s cooldown. About 8 000 packets, 32 000 hops.
    static let agreementParameters = LoopixParameters(
        lambdaP: 8, lambdaL: 1, lambdaD: 1, lambdaM: 1, mu: 40, layers: 3, mixesPerLayer: 1,
        providers: 2, clients: 40, pullInterval: 0.5, pullSize: 10, realMessageRate: 4)
    static let agreementConfig = SimulationConfig(seed: 61, duration: 20, burnIn: 2, cooldown: 1)

    /// The packet-level run of `agreementParameters`.
    static let agreementPackets: PacketRunResult = {
        guard
            let simulator = try? PacketSimulator(
                parameters: agreementParameters, behaviour: .loopixPaper, config: agreementConfig),
            let result = try? simulator.run()
        else { preconditionFailure("the test's parameters are valid") }
        return result
    }()

    /// The timing model on the same parameters, another seed (an independent sample).
    static let agreementTiming: SimulationResult = {
        var config = agreementConfig
        config.seed = 62
        guard let simulator = try? LoopixSimulator(parameters: agreementParameters, config: config) else {
            preconditionFailure("the test's parameters are valid")
        }
        return simulator.run()
    }()

    /// Nym's behaviour (loops in empty slots, SURB-ACKs, push) on 12 clients, 3 layers of one
    /// mix, 2 gateways, λ_P = 20/s, λ_L = 5/s, λ_D = 3/s (Nym has no drop stream; switched on
    /// here so that drop packets cross the mixes too), r = 5/s, µ = 50/s, 3 virtual s; every
    /// packet put on a link is kept with its ground truth.
    static let nymParameters = LoopixParameters(
        lambdaP: 20, lambdaL: 5, lambdaD: 3, lambdaM: 0, mu: 50, layers: 3, mixesPerLayer: 1,
        providers: 2, clients: 12, pullInterval: 0.1, pullSize: 10, realMessageRate: 5)
    static let nymConfig = SimulationConfig(seed: 71, duration: 3, burnIn: 0.5, cooldown: 0.3)

    struct ObservedRun {
        let result: PacketRunResult
        let observations: [PacketObservation]
    }

    static let nym: ObservedRun = {
        var seen: [PacketObservation] = []
        guard let simulator = try? PacketSimulator(parameters: nymParameters, behaviour: .nym, config: nymConfig),
            let result = try? simulator.run(observe: { seen.append($0) })
        else { preconditionFailure("the test's parameters are valid") }
        return ObservedRun(result: result, observations: seen)
    }()
}

/// Relative difference |a − b| / |b|.
func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

/// The mean over mixes of one per-mix metric.
func meanOverMixes(_ r: SimulationResult, _ metric: (SimulationResult.MixMetrics) -> Double) -> Double {
    r.mixes.map(metric).reduce(0, +) / Double(max(1, r.mixes.count))
}

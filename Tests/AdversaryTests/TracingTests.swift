import Foundation
import Testing
@testable import LoopixSpec

/// The tracing attack against its bounds (SPEC.md LOOPIX-ADV-TRACE-3).
@Suite struct TracingTests {
    static func simulator(mu: Double, seed: UInt64) throws -> LoopixSimulator {
        var p = LoopixParameters.loopixPaper
        p.clients = 40
        p.lambdaM = 0
        p.mu = mu
        return try LoopixSimulator(
            parameters: p, config: SimulationConfig(seed: seed, duration: 20, burnIn: 4, cooldown: 3))
    }

    /// With λ_M = 0 the tracer's posterior is exact, so its top-1 success must equal the mean of
    /// its largest posterior probability (calibration; 4 SE, the binomial SE of the success) and
    /// must not beat Fano's bound from the posterior entropy by more than 3 SE. The sender-entropy
    /// metric's 2^−H is printed beside it. The negative control is `aWrongModelIsNotCalibrated`.
    @Test(arguments: [40.0, 100.0])
    func successMatchesThePosteriorAndFano(mu: Double) throws {
        let r = try TracingAttack.run(try Self.simulator(mu: mu, seed: 3), targets: 400)
        print(
            "trace µ=\(mu): \(r.targets) targets, top-1 \(r.top1Success) ± \(r.top1StandardError),"
                + " top-5 \(r.topKSuccess), mean max q \(r.meanTopProbability), Fano \(r.meanFanoBound),"
                + " H \(r.meanPosteriorEntropy), 2^-H \(r.meanTwoToMinusH),"
                + " sender H \(r.senderEntropy ?? .nan) (2^-H \(r.senderTwoToMinusH ?? .nan))"
        )
        #expect(r.targets >= 300)
        let se = max(r.top1StandardError, 1 / Double(r.targets))
        #expect(abs(r.top1Success - r.meanTopProbability) <= 4 * se)
        #expect(r.top1Success <= r.meanFanoBound + 3 * se)
        #expect(r.topKSuccess >= r.top1Success)
    }

    /// Negative control of the calibration check: a tracer that believes every pool holds one
    /// message (so each departure carries all of the pool's mass) is certain of every guess but
    /// right far less often; the same 4 SE check must reject it.
    @Test func aWrongModelIsNotCalibrated() throws {
        let s = try Self.simulator(mu: 40, seed: 3)
        let p = s.parameters
        let (_, recording) = ObserverRecording.run(s)
        let events = recording.observation
        var exitOf: [Int: Int] = [:]
        for (i, e) in events.enumerated() {
            if case .mix(let m) = e.from, case .provider = e.to, m / p.mixesPerLayer == p.layers - 1,
                let message = recording.truth[i].message
            {
                exitOf[message] = i
            }
        }
        let wrongCounts = [Int](repeating: 1, count: events.count)
        var traced = 0, hits = 0, claimed = 0.0
        for (i, e) in events.enumerated() where e.time > 4 && e.time < 17 {
            guard case .client = e.from, let m = recording.truth[i].message, let exit = exitOf[m],
                let post = MessageTracer.trace(
                    events, poolCounts: wrongCounts, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
                    sendEvent: i, horizon: 3)
            else { continue }
            traced += 1
            claimed += post.exits[0].probability
            if post.exits[0].event == exit { hits += 1 }
            if traced == 300 { break }
        }
        let success = Double(hits) / Double(traced), meanClaim = claimed / Double(traced)
        let se = max((success * (1 - success) / Double(traced)).squareRoot(), 1 / Double(traced))
        print("wrong model: claims \(meanClaim), achieves \(success) over \(traced)")
        #expect(traced == 300)
        #expect(abs(success - meanClaim) > 4 * se)
    }

    /// Negative control of the attack: with (almost) no delay, pools hold one message and the
    /// tracer wins every time.
    @Test func zeroDelayIsAlwaysTraced() throws {
        let r = try TracingAttack.run(try Self.simulator(mu: 1e7, seed: 4), targets: 200)
        #expect(r.top1Success == 1)
        #expect(r.meanPosteriorEntropy < 1e-6)
    }

    /// Fano's bound: uniform over N gives 1/N; zero entropy gives 1; it falls as H grows.
    @Test func fanoBoundLimits() {
        #expect(abs(MessageTracer.fanoBound(entropy: 3, alternatives: 8) - 0.125) < 1e-9)
        #expect(MessageTracer.fanoBound(entropy: 0, alternatives: 8) > 1 - 1e-9)
        #expect(
            MessageTracer.fanoBound(entropy: 1, alternatives: 8) > MessageTracer.fanoBound(entropy: 2, alternatives: 8))
        // Two outcomes at 0.9/0.1: H = 0.469 bits allows exactly 0.9.
        let h = -(0.9 * log2(0.9) + 0.1 * log2(0.1))
        #expect(abs(MessageTracer.fanoBound(entropy: h, alternatives: 2) - 0.9) < 1e-9)
    }
}

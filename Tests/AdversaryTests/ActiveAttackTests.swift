import Foundation
import StatisticsSupport
import Testing
@testable import LoopixSpec

/// The active attacks: dropping mixes (LOOPIX-ADV-DROP-1, LOOPIX-ADV-DROP-2) and (n − 1)
/// blocking (LOOPIX-ADV-NM1-1, LOOPIX-ADV-NM1-2). Tolerances are 4 binomial SE.
@Suite struct ActiveAttackTests {
    func binomialSE(_ p: Double, _ n: Int) -> Double { max((p * (1 - p) / Double(n)).squareRoot(), 1 / Double(n)) }

    /// Delivery matches Π(1 − f_j·q); the honest client names exactly the malicious mixes.
    /// Negative control: no malicious mix → everything delivered and nobody named; and the
    /// closed form of a different attack (q = 0.5) is rejected by the same check.
    @Test(arguments: [([1], 0.34, 1.0, 0.5), ([0, 2], 0.5, 0.3, 0.7225)])
    func droppingIsMeasuredAndNamed(layers: [Int], fraction: Double, q: Double, predicted: Double) throws {
        let p = LoopixParameters.loopixPaper
        let s = DroppingAttack.Setting(layers: layers, fraction: fraction, dropProbability: q)
        let r = try DroppingAttack.run(s, parameters: p, loops: 8000, seed: 9)
        print(
            "drop \(layers) f=\(fraction) q=\(q): delivered \(r.delivered) (predicted \(r.deliveredPredicted)),"
                + " named \(r.named) of \(r.culprits), detection \(String(describing: r.detectionTime)) s"
        )
        #expect(abs(r.deliveredPredicted - predicted) < 1e-12)
        #expect(abs(r.delivered - predicted) <= 4 * r.deliveredStandardError)
        #expect(r.named == r.culprits)
        #expect(r.detectionTime != nil)
        let other = DroppingAttack.predictedDelivery(
            .init(layers: layers, fraction: fraction, dropProbability: q == 1 ? 0.5 : 0.6), parameters: p)
        #expect(abs(r.delivered - other) > 4 * r.deliveredStandardError)
        let honest = try DroppingAttack.run(
            .init(layers: layers, fraction: 0, dropProbability: q), parameters: p, loops: 2000, seed: 9)
        #expect(honest.delivered == 1 && honest.named.isEmpty)
    }

    /// The (n − 1) figures against their closed forms:
    /// - the threshold rule's false alarm at one instant is P(Poisson(λ_M·w) < λ_M·w/s);
    /// - the timeout rule's detection matches LOOPIX-ADV-NM1-2, and with no transit (l = 1) and a
    ///   tiny timeout it is LOOPIX-CF-NMINUS1-OURS's 1 − e^{−λ_M t};
    /// - the pool is flushed with probability (1 − e^{−µt})^k.
    /// Negative control: with transit (l = 3) and a 5 s timeout, 1 − e^{−λ_M t} is rejected.
    @Test func nMinusOneMatchesTheClosedForms() throws {
        let trials = 6000
        let base = NMinusOneAttack.Setting(lambdaM: 1, mu: 2, layers: 3, s: 2, window: 5, timeout: 5, poolSize: 10)
        let r = try NMinusOneAttack.run(base, times: [1e-6, 1, 2, 8], trials: trials, seed: 31)
        // One instant: the count in the window is Poisson(5); the alarm fires below 2.5.
        let instant = r.points[0]
        let pFalse = exp(-5.0) * (1 + 5 + 12.5)
        print("n-1 false alarm at one instant \(instant.thresholdFalseAlarm), Poisson \(pFalse)")
        #expect(abs(instant.thresholdFalseAlarm - pFalse) <= 4 * binomialSE(pFalse, trials))
        for q in r.points.dropFirst() {
            print(
                "n-1 t=\(q.t): threshold \(q.thresholdDetection) (false \(q.thresholdFalseAlarm)),"
                    + " timeout \(q.timeoutDetection) predicted \(q.timeoutDetectionPredicted)"
                    + " (false \(q.timeoutFalseAlarm)), 1-e^-λt \(q.formulaNoTransit),"
                    + " flushed \(q.flushed) vs \(q.flushedPredicted)"
            )
            #expect(
                abs(q.timeoutDetection - q.timeoutDetectionPredicted) <= 4
                    * binomialSE(q.timeoutDetectionPredicted, trials))
            #expect(abs(q.flushed - q.flushedPredicted) <= 4 * binomialSE(q.flushedPredicted, trials))
            #expect(q.thresholdDetection >= q.thresholdFalseAlarm)
        }
        // Negative control: the formula without transit is far from the measured detection at t = 2.
        let t2 = r.points[2]
        #expect(abs(t2.timeoutDetection - t2.formulaNoTransit) > 4 * binomialSE(t2.formulaNoTransit, trials))
        // No transit, (almost) no timeout: the formula of LOOPIX-CF-NMINUS1-OURS.
        var direct = base
        direct.layers = 1
        direct.timeout = 1e-9
        let d = try NMinusOneAttack.run(direct, times: [0.5, 2], trials: trials, seed: 32)
        for q in d.points {
            #expect(abs(q.timeoutDetection - q.formulaNoTransit) <= 4 * binomialSE(q.formulaNoTransit, trials))
        }
    }

    /// Bad settings end in typed errors.
    @Test func badSettingsAreRefused() {
        #expect(throws: AdversaryError.self) {
            _ = try NMinusOneAttack.run(
                .init(lambdaM: 1, mu: 2, layers: 3, s: 1, window: 5, timeout: 5, poolSize: 1), times: [1], trials: 1,
                seed: 1)
        }
        #expect(throws: AdversaryError.self) {
            _ = try DroppingAttack.run(
                .init(layers: [7], fraction: 0.5, dropProbability: 1), parameters: .loopixPaper, loops: 10, seed: 1)
        }
    }
}

import Foundation
import Testing
@testable import LoopixSpec

/// The closed forms, evaluated exactly (SPEC.md LOOPIX-CF-*). Expected values are computed by
/// hand from the formulas as printed in the sources named on each function.
@Suite struct ClosedFormTests {
    @Test func lemma1() throws {
        #expect(try PoissonMix.occupancyMean(lambda: 100, mu: 2) == 50)
        // Poisson(3): P[N = 2] = e^{-3} · 9 / 2.
        #expect(abs(try PoissonMix.occupancyProbability(2, lambda: 6, mu: 2) - exp(-3.0) * 4.5) < 1e-15)
        var total = 0.0, mean = 0.0
        for n in 0..<200 {
            let q = try PoissonMix.occupancyProbability(n, lambda: 50, mu: 1)
            total += q
            mean += Double(n) * q
        }
        #expect(abs(total - 1) < 1e-12)
        #expect(abs(mean - 50) < 1e-9)
        #expect(throws: AnalysisError.nonPositive(parameter: "mu", value: 0)) {
            try PoissonMix.occupancyMean(lambda: 1, mu: 0)
        }
    }

    @Test func theorem1() throws {
        let (old, new) = try PoissonMix.theorem1(n: 10, k: 4, l: 3)
        #expect(old == 4.0 / 70.0)
        #expect(new == 1.0 / 7.0)
        // The n old and l new probabilities add up to one.
        #expect(abs(10 * old + 3 * new - 1) < 1e-15)
        #expect(throws: AnalysisError.countOutOfRange(parameter: "k", value: 11)) {
            try PoissonMix.theorem1(n: 10, k: 11, l: 3)
        }
        #expect(throws: AnalysisError.countOutOfRange(parameter: "k + l", value: 0)) {
            try PoissonMix.theorem1(n: 10, k: 0, l: 0)
        }
    }

    @Test func theorem2() throws {
        let t = try PoissonMix.theorem2(n: 10, k: 4, l: 3, mu: 2, lambdaM: 3)
        #expect(t.new == 2.0 / 17.0)
        #expect(abs(t.old - 0.4 * 2.0 / 17.0) < 1e-16)
        #expect(t.loop == 3.0 / 17.0)
        #expect(abs(10 * t.old + 3 * t.new + t.loop - 1) < 1e-15)
        // Without loops Theorem 2 is Theorem 1.
        let t0 = try PoissonMix.theorem2(n: 10, k: 4, l: 3, mu: 2, lambdaM: 0)
        let t1 = try PoissonMix.theorem1(n: 10, k: 4, l: 3)
        #expect(abs(t0.old - t1.old) < 1e-16 && abs(t0.new - t1.new) < 1e-16)
        #expect(throws: AnalysisError.negative(parameter: "lambdaM", value: -1)) {
            try PoissonMix.theorem2(n: 10, k: 4, l: 3, mu: 2, lambdaM: -1)
        }
    }

    @Test func danezis() throws {
        #expect(abs(try PoissonMix.danezisEntropy(lambda: 100, mu: 2) - (log2(50) + log2(M_E))) < 1e-12)
        // Fig. 4's top point: log2(e · 25 000) = 14.609 640 + 1.442 695 = 16.052 336.
        #expect(abs(try PoissonMix.danezisEntropy(lambda: 500, mu: 0.02) - 16.052_336) < 1e-5)
        #expect(throws: AnalysisError.nonPositive(parameter: "lambda", value: 0)) {
            try PoissonMix.danezisEntropy(lambda: 0, mu: 1)
        }
    }

    @Test func erlang() throws {
        let e = try LoopixLatency.erlang(hops: 3, mu: 2)
        #expect(e.mean == 1.5 && e.variance == 0.75)
        #expect(abs(e.standardDeviation - 0.866_025_403_784_438_6) < 1e-15)
        // Erlang(1, µ) is Exp(µ).
        #expect(abs(try LoopixLatency.erlangCDF(1, hops: 1, mu: 2) - (1 - exp(-2.0))) < 1e-15)
        // Erlang(3, 2) at 1.5: 1 − e^{-3}(1 + 3 + 4.5).
        #expect(abs(try LoopixLatency.erlangCDF(1.5, hops: 3, mu: 2) - (1 - exp(-3.0) * 8.5)) < 1e-15)
        #expect(throws: AnalysisError.countOutOfRange(parameter: "hops", value: 0)) {
            try LoopixLatency.erlang(hops: 0, mu: 1)
        }
    }

    @Test func clientBuffer() throws {
        #expect(abs(try ClientBuffer.meanWait(realRate: 0.25, lambdaP: 1) - 4.0 / 3.0) < 1e-15)
        #expect(try ClientBuffer.dropFraction(realRate: 0.25, lambdaP: 1) == 0.75)
        #expect(abs(try ClientBuffer.meanQueueLength(realRate: 0.5, lambdaP: 1) - 1) < 1e-15)
        #expect(throws: AnalysisError.unstableQueue(arrivalRate: 1, serviceRate: 1)) {
            try ClientBuffer.meanWait(realRate: 1, lambdaP: 1)
        }
    }

    @Test func activeAttack() throws {
        #expect(abs(try ActiveAttack.detectionProbability(lambdaM: 1, blockingTime: 1) - (1 - exp(-1.0))) < 1e-15)
        #expect(try ActiveAttack.detectionProbability(lambdaM: 0, blockingTime: 5) == 0)
        #expect(abs(try ActiveAttack.flushProbability(held: 2, mu: 1, blockingTime: 1) - pow(1 - exp(-1.0), 2)) < 1e-15)
        #expect(throws: AnalysisError.negative(parameter: "blockingTime", value: -1)) {
            try ActiveAttack.detectionProbability(lambdaM: 1, blockingTime: -1)
        }
    }

    /// The paper's (n − 1) formula (arXiv v1 §4.2.1): threshold r = λ_M/s and
    /// Pr(x = target) = 1/(λ_R/(sµ) + λ_M/µ) = sµ/(sλ_M + λ_R), both forms as printed.
    @Test func nMinusOnePaperFormula() throws {
        // λ_R = 100, λ_M = 1, µ = 2, s = 2: pool 100/4 + 1/2 = 25.5; sµ/(sλ_M + λ_R) = 4/102.
        let t = try ActiveAttack.targetLinking(lambdaR: 100, lambdaM: 1, mu: 2, s: 2)
        #expect(t.expectedPool == 25.5)
        #expect(abs(t.probability - 4.0 / 102.0) < 1e-16)
        #expect(try ActiveAttack.loopThreshold(lambdaM: 1, s: 2) == 0.5)
        // Blocking harder (larger s) shrinks the pool and raises the adversary's chance.
        let harder = try ActiveAttack.targetLinking(lambdaR: 100, lambdaM: 1, mu: 2, s: 10)
        #expect(harder.probability > t.probability)
        // Expected pool 10/40 = 0.25 < 1: the printed value would be 4; capped at 1.
        let small = try ActiveAttack.targetLinking(lambdaR: 10, lambdaM: 0, mu: 10, s: 4)
        #expect(small.expectedPool == 0.25 && small.probability == 1)
        #expect(throws: AnalysisError.notGreaterThan(parameter: "s", value: 1, bound: 1)) {
            try ActiveAttack.targetLinking(lambdaR: 1, lambdaM: 1, mu: 1, s: 1)
        }
        #expect(throws: AnalysisError.notGreaterThan(parameter: "s", value: 0.5, bound: 1)) {
            try ActiveAttack.loopThreshold(lambdaM: 1, s: 0.5)
        }
        #expect(throws: AnalysisError.negative(parameter: "lambdaR", value: -1)) {
            try ActiveAttack.targetLinking(lambdaR: -1, lambdaM: 1, mu: 1, s: 2)
        }
        #expect(throws: AnalysisError.nonPositive(parameter: "lambdaR + s·lambdaM", value: 0)) {
            try ActiveAttack.targetLinking(lambdaR: 0, lambdaM: 0, mu: 1, s: 2)
        }
    }

    @Test func networkArrivalRate() {
        // mixim: 100 clients × 1/s over 3 mixes per layer, no loops.
        #expect(abs(PoissonMix.networkMixArrivalRate(.mixim) - 100.0 / 3.0) < 1e-12)
        // loopix-paper: 500 × 3/s over 2 mixes, plus λ_M (l − 1) = 2.
        #expect(abs(PoissonMix.networkMixArrivalRate(.loopixPaper) - 752) < 1e-12)
    }
}

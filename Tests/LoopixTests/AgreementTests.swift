import Foundation
import Testing
@testable import LoopixSpec

/// The simulator against the closed forms (SPEC.md, "Agreement between simulation and
/// mathematics"). Seeds are fixed; every tolerance is stated with the standard error (SE) it
/// rests on. Each check also has a negative control: the same measurement compared with a
/// slightly wrong model must fail, so a tolerance cannot silently be too wide.
@Suite struct AgreementTests {
    /// Relative difference |a − b| / |b|.
    func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    /// Danezis' log2(e·λ/µ) for λ = 100/s, µ ∈ {0.2, 2}/s (λ/µ = 500 and 50), within 0.05 bits.
    ///
    /// Per output the entropy varies by about √(µ/2λ)/ln 2 bits and stays correlated for about
    /// 1/µ s, so the SE of the mean is ≈ that / √(µT): 0.007 bits (µ = 2, µT = 200) and
    /// 0.007 bits (µ = 0.2, µT = 50). The bias of the approximation is O(µ/λ) (< 0.02 bits
    /// here). Negative control: 0.05 bits is a 3.5 % error in λ/µ; a 10 % error must fail.
    @Test(arguments: [(2.0, 200.0), (0.2, 50.0)])
    func singleMixEntropyMatchesDanezis(mu: Double, meanDelays: Double) throws {
        let point = try SingleMixExperiment.run(
            lambda: 100, mu: mu, seed: 11, measureMeanDelays: meanDelays, minimumOutputs: 1000)
        let closed = try PoissonMix.danezisEntropy(lambda: 100, mu: mu)
        print(
            "single mix λ=100 µ=\(mu): simulated \(point.danezisEntropy) bits, closed form \(closed), eq. (5) \(point.poolEntropy), outputs \(point.outputs)"
        )
        #expect(abs(point.danezisEntropy - closed) < 0.05)
        // Negative control: the closed form of a mix with a 10 % faster µ.
        let wrong = try PoissonMix.danezisEntropy(lambda: 100, mu: mu * 1.1)
        #expect(abs(point.danezisEntropy - wrong) > 0.05)
        // Eq. (5) estimates the same quantity by a different route; it must be near too.
        #expect(abs(point.poolEntropy - closed) < 0.15)
    }

    /// Lemma 1: occupancy mean and variance within 3 % of λ/µ (λ = 40/s, µ = 10/s, 2000 s).
    ///
    /// SE of the time average: √(2/(λT)) = 0.5 % relative; of the time variance:
    /// √((2 + µ/λ)/(µT)) = 1.06 % relative (M/M/∞ autocorrelation e^{−µτ}). So 3 % is ≈ 3 SE for
    /// the variance (the SE depends on µT only; a small λ/µ keeps the event count down).
    /// Negative control: the Lemma with a 5 % wrong µ must fail.
    @Test func occupancyMatchesLemma1() throws {
        let point = try SingleMixExperiment.run(
            lambda: 40, mu: 10, seed: 21, measureMeanDelays: 20_000, minimumOutputs: 0)
        let closed = try PoissonMix.occupancyMean(lambda: 40, mu: 10)
        print(
            "occupancy λ/µ=4: mean \(point.occupancyMean), variance \(point.occupancyVariance), closed form \(closed), outputs \(point.outputs)"
        )
        #expect(relative(point.occupancyMean, closed) < 0.03)
        #expect(relative(point.occupancyVariance, closed) < 0.03)
        let wrong = try PoissonMix.occupancyMean(lambda: 40, mu: 10 * 1.05)
        #expect(relative(point.occupancyMean, wrong) > 0.03)
    }

    /// Latency and occupancy inside a network.
    ///
    /// 200 clients, λ_P = 1/s, r = 0.9/s (so 90 % of the slots carry a real message), no other
    /// cover, 3 layers × 3 mixes, µ = 2/s; 10 s burn-in, 200 s measured, 10 s cooldown (so
    /// messages sent at the end of the window are not censored): about 34 000 real messages.
    /// - Latency (send → inbox) over 3 delayed hops is Erlang(3, 2): mean 1.5 s within 2 %
    ///   (SE 0.577/√n ≈ 0.31 %), sd 0.866 s within 3 % (SE ≈ 1/√n = 0.54 %; Erlang(3) has
    ///   kurtosis 5).
    /// - Occupancy: λ_mix/µ = (200/3)/2 (LOOPIX-CF-MIXRATE) within 3 % for the mean of the
    ///   9 mixes' time averages (SE per mix √(2/(λT)) = 1.2 %, about 0.6 % for the mean of 9
    ///   correlated mixes) and within 10 % for the mean of their time variances (SE per mix
    ///   √(2/(µT)) = 7 %, about 3 % for the mean).
    @Test func networkLatencyAndOccupancy() throws {
        var p = LoopixParameters.mixim
        p.processingDelay = nil  // the closed forms have none
        p.clients = 200
        p.realMessageRate = 0.9
        p.mu = 2
        p.pullInterval = 50
        let r = try LoopixSimulator(
            parameters: p,
            config: SimulationConfig(
                seed: 31, duration: 220, burnIn: 10, cooldown: 10,
                trackSenderEntropy: false)
        ).run()

        let erlang = try LoopixLatency.erlang(hops: 3, mu: 2)
        let latency = r.latency.sendToInbox
        print(
            "latency: n \(latency.count), mean \(latency.mean) (closed \(erlang.mean)), sd \(latency.standardDeviation) (closed \(erlang.standardDeviation)); \(r.eventsProcessed) events"
        )
        #expect(latency.count > 30_000)
        #expect(relative(latency.mean, erlang.mean) < 0.02)
        #expect(relative(latency.standardDeviation, erlang.standardDeviation) < 0.03)
        // Negative controls: Erlang(3, 2.1) and Erlang(2, 2) must be rejected.
        let off = try LoopixLatency.erlang(hops: 3, mu: 2.1)
        #expect(relative(latency.mean, off.mean) > 0.02)
        let twoHops = try LoopixLatency.erlang(hops: 2, mu: 2)
        #expect(relative(latency.standardDeviation, twoHops.standardDeviation) > 0.03)

        let lambdaMix = PoissonMix.networkMixArrivalRate(p)
        let expected = lambdaMix / p.mu
        let n = Double(r.mixes.count)
        let meanOccupancy = r.mixes.map(\.occupancyMean).reduce(0, +) / n
        let meanVariance = r.mixes.map(\.occupancyVariance).reduce(0, +) / n
        let meanRate = r.mixes.map(\.arrivalRate).reduce(0, +) / n
        let meanThroughput = r.mixes.map(\.throughput).reduce(0, +) / n
        print(
            "network occupancy: mean \(meanOccupancy), variance \(meanVariance), closed \(expected); arrival rate \(meanRate) (closed \(lambdaMix)), throughput \(meanThroughput)"
        )
        #expect(relative(meanOccupancy, expected) < 0.03)
        #expect(relative(meanVariance, expected) < 0.10)
        #expect(relative(meanRate, lambdaMix) < 0.03)
        #expect(relative(meanThroughput, meanRate) < 0.01)
        // Negative control: the Lemma with µ 5 % off.
        #expect(relative(meanOccupancy, lambdaMix / (p.mu * 1.05)) > 0.03)
    }

    /// The client buffer against M/M/1.
    ///
    /// 200 clients, λ_P = 1/s, r = 0.25/s (ρ = 0.25), one layer of 3 mixes (the buffer does not
    /// depend on the mixes; one layer halves the events), 30 s burn-in, 1200 s measured:
    /// about 60 000 real messages. Mean wait 1/(λ_P − r) = 4/3 s and drop fraction 1 − ρ = 0.75
    /// within 3 %. Waits within one client's queue are correlated, so the SE comes from the
    /// spread between the 200 independent clients: ≈ 0.7 % (wait) and 0.15 % (drop fraction);
    /// the test checks that 3 % is at least 3 SE. Negative control: r = 0.3 must be rejected.
    @Test func clientBufferIsMM1() throws {
        var p = LoopixParameters.mixim
        p.processingDelay = nil  // the closed forms have none
        p.clients = 200
        p.layers = 1
        p.realMessageRate = 0.25
        p.pullInterval = 50
        let r = try LoopixSimulator(
            parameters: p,
            config: SimulationConfig(
                seed: 32, duration: 1240, burnIn: 30, cooldown: 10,
                trackSenderEntropy: false)
        ).run()
        let wait = try ClientBuffer.meanWait(realRate: 0.25, lambdaP: 1)
        let drop = try ClientBuffer.dropFraction(realRate: 0.25, lambdaP: 1)
        let b = r.buffer
        print(
            "buffer: wait \(b.wait.mean) ± \(b.waitStandardError) (closed \(wait)), n \(b.wait.count), drop fraction \(b.dropFraction) ± \(b.dropFractionStandardError) (closed \(drop)); \(r.eventsProcessed) events"
        )
        #expect(relative(b.wait.mean, wait) < 0.03)
        #expect(relative(b.dropFraction, drop) < 0.03)
        #expect(3 * b.waitStandardError < 0.03 * wait)
        #expect(3 * b.dropFractionStandardError < 0.03 * drop)
        #expect(relative(b.wait.mean, try ClientBuffer.meanWait(realRate: 0.3, lambdaP: 1)) > 0.03)
        #expect(relative(b.dropFraction, try ClientBuffer.dropFraction(realRate: 0.3, lambdaP: 1)) > 0.03)
        // With no other cover, the client cover share is the drop fraction.
        #expect(abs(r.traffic.clientCoverShare - b.dropFraction) < 0.002)
    }

    /// Theorems 1 and 2 by Monte Carlo (n = 10, k = 4, l = 3, µ = 2/s, λ_M = 0 and 3/s),
    /// 100 000 trials each: every estimate within 3 binomial SE of the theorem. Negative control:
    /// the v1 statement of Theorem 2, with "old" and "new" swapped, must lie outside 3 SE.
    @Test func theoremsAgreeWithMonteCarlo() throws {
        let trials = 100_000
        let se = TheoremExperiment.Estimate.standardError
        let t1 = try PoissonMix.theorem1(n: 10, k: 4, l: 3)
        let e1 = try TheoremExperiment.run(n: 10, k: 4, l: 3, mu: 2, lambdaM: 0, trials: trials, seed: 41)
        print("Theorem 1: old \(e1.oldMessage0) vs \(t1.old), new \(e1.newMessage0) vs \(t1.new)")
        #expect(abs(e1.oldMessage0 - t1.old) < 3 * se(t1.old, trials))
        #expect(abs(e1.newMessage0 - t1.new) < 3 * se(t1.new, trials))
        #expect(e1.loop == 0)

        let t2 = try PoissonMix.theorem2(n: 10, k: 4, l: 3, mu: 2, lambdaM: 3)
        let e2 = try TheoremExperiment.run(n: 10, k: 4, l: 3, mu: 2, lambdaM: 3, trials: trials, seed: 42)
        print(
            "Theorem 2: old \(e2.oldMessage0) vs \(t2.old), new \(e2.newMessage0) vs \(t2.new), loop \(e2.loop) vs \(t2.loop)"
        )
        #expect(abs(e2.oldMessage0 - t2.old) < 3 * se(t2.old, trials))
        #expect(abs(e2.newMessage0 - t2.new) < 3 * se(t2.new, trials))
        #expect(abs(e2.loop - t2.loop) < 3 * se(t2.loop, trials))
        // Negative control: swapped labels (old ↔ new).
        #expect(abs(e2.oldMessage0 - t2.new) > 3 * se(t2.new, trials))
        #expect(abs(e2.newMessage0 - t2.old) > 3 * se(t2.old, trials))
    }

    /// ε (eq. 3) falls as λ/µ grows, and one layer leaks more than three.
    ///
    /// 60 clients, λ_P = 1/s, 2 mixes per layer, 200 s measured. ε is averaged over the
    /// challenge senders' messages (≈ 400); the comparisons require a gap of more than 3
    /// combined SE.
    @Test func epsilonFallsWithMixingAndLayers() throws {
        // (µ, layers) of the four runs, which run side by side (independent seeds' worth of work).
        let settings: [(mu: Double, layers: Int)] = [(20, 3), (2, 3), (0.5, 3), (2, 1)]
        let runs = try Replications.map(count: settings.count) { i throws(LoopixError) in
            var p = LoopixParameters.mixim
            p.processingDelay = nil
            p.clients = 60
            p.mixesPerLayer = 2
            p.layers = settings[i].layers
            p.mu = settings[i].mu
            p.realMessageRate = 0.5
            return try LoopixSimulator(
                parameters: p, config: SimulationConfig(seed: 51, duration: 220, burnIn: 20)
            ).run()
        }
        for (s, r) in zip(settings, runs) {
            let e = r.anonymity.epsilon
            print(
                "ε µ=\(s.mu) layers=\(s.layers): mean \(e.mean) ± \(e.standardError), n \(e.count),"
                    + " infinite \(r.anonymity.epsilonInfinite); sender entropy \(r.anonymity.senderEntropy.mean) bits")
            #expect(r.anonymity.epsilon.count + r.anonymity.epsilonInfinite > 300)
        }
        func clearlyAbove(_ a: SimulationResult, _ b: SimulationResult) -> Bool {
            // Infinite ε (one sender's mass exactly 0) counts as more leakage than any finite ε;
            // compare first the share of infinite values, then the finite means.
            let ea = a.anonymity, eb = b.anonymity
            let infA = Double(ea.epsilonInfinite) / Double(ea.epsilon.count + ea.epsilonInfinite)
            let infB = Double(eb.epsilonInfinite) / Double(eb.epsilon.count + eb.epsilonInfinite)
            if infA > infB + 0.1 { return true }
            return meanClearlyAbove(ea.epsilon, eb.epsilon)
        }
        func meanClearlyAbove(_ a: SampleSummary, _ b: SampleSummary) -> Bool {
            a.mean - b.mean > 3 * (a.standardError * a.standardError + b.standardError * b.standardError).squareRoot()
        }
        let fast = runs[0]  // λ/µ = 1.5: many messages have ε = ∞
        let slow = runs[1]  // λ/µ = 15
        let slower = runs[2]  // λ/µ = 60
        #expect(clearlyAbove(fast, slow))
        #expect(clearlyAbove(slow, slower))
        let oneLayer = runs[3]
        #expect(clearlyAbove(oneLayer, slow))
    }
}

import Foundation
import Testing
@testable import LoopixSpec

/// The packet-level run against the timing model and the closed forms of SPEC.md §8.7, on the
/// shared run `Runs.agreementPackets` (SPEC.md §8.8 and §8.12 give the figures). Every tolerance
/// is a number of standard errors (SE) stated beside it; every check has a negative control, a
/// slightly wrong model the same measurement must reject.
@Suite struct PacketAgreementTests {
    let p = Runs.agreementParameters
    var packets: SimulationResult { Runs.agreementPackets.metrics }
    var timing: SimulationResult { Runs.agreementTiming }

    /// Send → inbox latency over 3 mixes is Erlang(3, µ): mean within 4 SE (SE = sd/√n, about
    /// 1.1 % for 2 500 messages), sd within 4 SE (SE ≈ sd/√n for Erlang(3), kurtosis 5); and
    /// the packet run's mean within 4 combined SE of the timing model's.
    /// Negative controls: Erlang(3, 1.1 µ) (mean) and Erlang(2, µ) (sd) are rejected.
    @Test func latencyIsErlang() throws {
        let erlang = try LoopixLatency.erlang(hops: p.layers, mu: p.mu)
        let l = packets.latency.sendToInbox, t = timing.latency.sendToInbox
        let se = l.standardError, sdSE = l.standardDeviation / Double(l.count).squareRoot()
        print("packet latency: n \(l.count) mean \(l.mean) ± \(se) sd \(l.standardDeviation)")
        print("timing model: n \(t.count) mean \(t.mean) sd \(t.standardDeviation)")
        print("Erlang: mean \(erlang.mean) sd \(erlang.standardDeviation)")
        #expect(l.count > 2_000)
        #expect(abs(l.mean - erlang.mean) < 4 * se)
        #expect(abs(l.standardDeviation - erlang.standardDeviation) < 4 * sdSE)
        let combined = (se * se + t.standardError * t.standardError).squareRoot()
        #expect(abs(l.mean - t.mean) < 4 * combined)
        let faster = try LoopixLatency.erlang(hops: p.layers, mu: p.mu * 1.1)
        #expect(abs(l.mean - faster.mean) > 4 * se)
        let twoHops = try LoopixLatency.erlang(hops: 2, mu: p.mu)
        #expect(abs(l.standardDeviation - twoHops.standardDeviation) > 4 * sdSE)
    }

    /// Lemma 1 in each mix: N ~ Poisson(λ_mix/µ), λ_mix = C(λ_P + λ_L + λ_D)/M + λ_M(l − 1)
    /// (LOOPIX-CF-MIXRATE). The time average of one mix has relative SE √(2/(λT)) (1.7 % here),
    /// the mean of the 3 mixes √3 less: within 4 of those. The time variance has relative SE
    /// √((2 + µ/λ)/(µT)) per mix (5.5 %), 3.2 % for the mean of 3: within 4 of those. Arrival
    /// rate: Poisson count, SE √(λT)/T per mix. Negative control: µ 10 % off is rejected.
    @Test func occupancyIsPoisson() throws {
        let lambda = PoissonMix.networkMixArrivalRate(p)
        let expected = try PoissonMix.occupancyMean(lambda: lambda, mu: p.mu)
        let window = packets.windowEnd - packets.windowStart
        let meanSE = (2 / (lambda * window)).squareRoot() / Double(3).squareRoot()
        let varianceSE = ((2 + p.mu / lambda) / (p.mu * window)).squareRoot() / Double(3).squareRoot()
        let occupancy = meanOverMixes(packets, \.occupancyMean)
        let variance = meanOverMixes(packets, \.occupancyVariance)
        let rate = meanOverMixes(packets, \.arrivalRate)
        print("packet occupancy: mean \(occupancy) variance \(variance) arrivals \(rate)/s")
        print("Lemma 1: \(expected) (relative SE: mean \(meanSE), variance \(varianceSE)); λ_mix \(lambda)/s")
        let timingVariance = meanOverMixes(timing, \.occupancyVariance)
        print("timing model: mean \(meanOverMixes(timing, \.occupancyMean)) variance \(timingVariance)")
        #expect(relative(occupancy, expected) < 4 * meanSE)
        #expect(relative(variance, expected) < 4 * varianceSE)
        #expect(abs(rate - lambda) < 4 * (lambda / window).squareRoot())
        let timingOccupancy = meanOverMixes(timing, \.occupancyMean)
        #expect(relative(occupancy, timingOccupancy) < 4 * meanSE * Double(2).squareRoot())
        let wrong = try PoissonMix.occupancyMean(lambda: lambda, mu: p.mu * 1.1)
        #expect(relative(occupancy, wrong) > 4 * meanSE)
    }

    /// Cover and drop counts. Each count in the window is Poisson, so its SE is √(expected):
    /// within 4 SE of rate × window × senders, and the packet run's within 4 √(a + b) of the
    /// timing model's. Drop cover discarded at gateways matches the drops sent (both kinds), and
    /// mix loops returned match those sent (the few in flight at the window's edges: within
    /// 4 √n). Negative control: λ_L 20 % higher is rejected.
    @Test func coverCountsAgree() throws {
        let window = packets.windowEnd - packets.windowStart
        let c = Double(p.clients)
        let rho = p.realMessageRate / p.lambdaP
        let expected: [String: Double] = [
            "real": c * p.realMessageRate * window, "payloadDrop": c * p.lambdaP * (1 - rho) * window,
            "loop": c * p.lambdaL * window, "drop": c * p.lambdaD * window,
            "mixLoop": p.lambdaM * Double(p.layers * p.mixesPerLayer) * window,
        ]
        for (kind, e) in expected.sorted(by: { $0.key < $1.key }) {
            let n = Double(packets.traffic.sentByKind[kind, default: 0])
            let t = Double(timing.traffic.sentByKind[kind, default: 0])
            print("sent \(kind): packets \(n), timing model \(t), expected \(e)")
            #expect(abs(n - e) < 4 * e.squareRoot(), "\(kind)")
            #expect(abs(n - t) < 4 * (n + t).squareRoot(), "\(kind)")
        }
        let sent = packets.traffic.sentByKind
        let drops = Double(sent["drop", default: 0] + sent["payloadDrop", default: 0])
        let discarded = Double(packets.traffic.dropsDiscarded)
        #expect(abs(discarded - drops) < 4 * drops.squareRoot())
        let mixLoops = Double(sent["mixLoop", default: 0])
        #expect(abs(Double(packets.traffic.mixLoopsReturned) - mixLoops) < 4 * mixLoops.squareRoot() + 1)
        let wrongLoops = c * p.lambdaL * 1.2 * window
        #expect(abs(Double(sent["loop", default: 0]) - wrongLoops) > 4 * wrongLoops.squareRoot())
        // The packets section counts the same drop cover over the whole run.
        #expect(Runs.agreementPackets.packets.dropCoverDiscarded >= packets.traffic.dropsDiscarded)
    }

    /// The client buffer is M/M/1 (LOOPIX-CF-BUFFER): mean wait 1/(λ_P − r) and drop fraction
    /// 1 − r/λ_P within 4 SE, the SE from the spread between clients (the clients' queues are
    /// independent; waits within one are not). Negative control: r 25 % higher is rejected.
    @Test func bufferIsMM1() throws {
        let wait = try ClientBuffer.meanWait(realRate: p.realMessageRate, lambdaP: p.lambdaP)
        let drop = try ClientBuffer.dropFraction(realRate: p.realMessageRate, lambdaP: p.lambdaP)
        let b = packets.buffer
        print("buffer: wait \(b.wait.mean) ± \(b.waitStandardError) (M/M/1 \(wait))")
        print("drop fraction \(b.dropFraction) ± \(b.dropFractionStandardError) (\(drop))")
        print("timing model: wait \(timing.buffer.wait.mean), drop fraction \(timing.buffer.dropFraction)")
        #expect(abs(b.wait.mean - wait) < 4 * b.waitStandardError)
        #expect(abs(b.dropFraction - drop) < 4 * b.dropFractionStandardError)
        let wrongWait = try ClientBuffer.meanWait(realRate: p.realMessageRate * 1.25, lambdaP: p.lambdaP)
        #expect(abs(b.wait.mean - wrongWait) > 4 * b.waitStandardError)
        let wrongDrop = try ClientBuffer.dropFraction(realRate: p.realMessageRate * 1.25, lambdaP: p.lambdaP)
        #expect(abs(b.dropFraction - wrongDrop) > 4 * b.dropFractionStandardError)
    }

    /// Sender entropy (LOOPIX-METRIC-SENDER) of every client message, packet run against timing
    /// model. Messages leaving one mix close in time share its pool, so per-message values are
    /// correlated and the per-message SE (0.0017 bits) understates the error: the run mean's sd
    /// between seeds of the timing model, measured over 12 seeds of these parameters, is
    /// 0.008 bits. Tolerance: 4 × √2 × 0.008 = 0.045 bits for the difference of two runs.
    /// ε (challenge senders 0 and 1) is noisier (sd between seeds 0.13 nats) and printed only.
    /// Negative control: the timing model with µ 1.5 × larger (less mixing: about 0.27 bits
    /// less) is rejected.
    @Test func senderEntropyAgrees() throws {
        let a = packets.anonymity.senderEntropy, b = timing.anonymity.senderEntropy
        let maximum = log2(Double(p.clients))
        let tolerance = 4 * Double(2).squareRoot() * 0.008
        print("sender entropy: packets \(a.mean) ± \(a.standardError) (n \(a.count)); max \(maximum)")
        print("timing model: \(b.mean) ± \(b.standardError) (n \(b.count)); tolerance \(tolerance)")
        let e = packets.anonymity, f = timing.anonymity
        print("ε: packets \(e.epsilon.mean) (\(e.epsilonInfinite) infinite)")
        print("ε: timing model \(f.epsilon.mean) (\(f.epsilonInfinite) infinite)")
        #expect(a.count > 5_000)
        #expect(abs(a.mean - b.mean) < tolerance)
        #expect(a.mean <= maximum)
        var faster = p
        faster.mu *= 1.5
        let wrong = try LoopixSimulator(parameters: faster, config: Runs.agreementConfig).run()
        print("sender entropy with µ × 1.5 (control): \(wrong.anonymity.senderEntropy.mean)")
        #expect(abs(a.mean - wrong.anonymity.senderEntropy.mean) > tolerance)
    }

    /// With Nym's acknowledgements every real and loop packet carries a SURB-ACK whose ack
    /// crosses every layer back to its sender, so each mix carries
    /// λ_mix = C(λ_P + λ_L + λ_D)/M + C(λ_P + λ_L)/M (in an empty slot Nym sends a loop, which
    /// has an ack too; drops have none), and Lemma 1 holds for that λ (§8.12). On the observed
    /// Nym run (12 clients, 2.2 s window): mean occupancy of the 3 mixes within 4 SE
    /// (√(2/(λT))/√3 = 2.2 %). Negative control: the load without acks (LOOPIX-CF-MIXRATE) is
    /// rejected.
    @Test func acksLoadTheMixes() throws {
        let q = Runs.nymParameters, r = Runs.nym.result.metrics
        let c = Double(q.clients), m = Double(q.mixesPerLayer)
        let withoutAcks = PoissonMix.networkMixArrivalRate(q)
        let lambda = withoutAcks + c * (q.lambdaP + q.lambdaL) / m
        let window = r.windowEnd - r.windowStart
        let se = (2 / (lambda * window)).squareRoot() / Double(3).squareRoot()
        let occupancy = meanOverMixes(r, \.occupancyMean), rate = meanOverMixes(r, \.arrivalRate)
        print("nym run: occupancy \(occupancy), arrivals \(rate)/s; with acks λ \(lambda)/s, λ/µ \(lambda / q.mu)")
        #expect(relative(occupancy, lambda / q.mu) < 4 * se)
        #expect(abs(rate - lambda) < 4 * (lambda / window).squareRoot())
        #expect(relative(occupancy, withoutAcks / q.mu) > 4 * se)
    }
}

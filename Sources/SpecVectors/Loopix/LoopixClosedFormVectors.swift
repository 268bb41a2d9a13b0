import Foundation
import LoopixSpec

/// loopix_closed_forms.json: the closed forms of SPEC.md LOOPIX-CF-* for chosen parameters, one
/// test group per formula (a table of cases; the envelope and the notes are in LoopixVectors.swift).
extension LoopixVectors {
    static func closedFormsFile() -> JSONValue {
        var id = 0
        func next() -> Int { id += 1; return id }
        func invalid(_ comment: String, _ inputs: [String: JSONValue], _ error: String) -> JSONValue {
            test(
                next(), comment, flags: ["InvalidInput"], result: "invalid", inputs: inputs,
                outputs: ["error": .string(error)])
        }
        var groups: [JSONValue] = []

        var lemma: [JSONValue] = []
        for (lambda, mu, n) in [(100.0, 2.0, 50), (6.0, 2.0, 2), (1.0, 10.0, 0), (500.0, 0.02, 25_000)] {
            lemma.append(
                test(
                    next(), "Lemma 1, λ = \(lambda), µ = \(mu)", flags: ["Derived"],
                    inputs: ["lambda": .double(lambda), "mu": .double(mu), "n": .int(n)],
                    outputs: [
                        "mean": .double(lambda / mu), "variance": .double(lambda / mu),
                        "probability": .double(
                            (try? PoissonMix.occupancyProbability(n, lambda: lambda, mu: mu)) ?? .nan),
                    ]))
        }
        lemma.append(invalid("µ = 0", ["lambda": .double(1), "mu": .double(0), "n": .int(0)], "nonPositive"))
        groups.append(.object(["type": .string("Lemma1"), "tests": .array(lemma)]))

        var t1: [JSONValue] = []
        for (n, k, l) in [(10, 4, 3), (1, 1, 0), (100, 50, 50), (5, 0, 2)] {
            if let t = try? PoissonMix.theorem1(n: n, k: k, l: l) {
                t1.append(
                    test(
                        next(), "Theorem 1, n = \(n), k = \(k), l = \(l)", flags: ["Derived"],
                        inputs: ["n": .int(n), "k": .int(k), "l": .int(l)],
                        outputs: ["old": .double(t.old), "new": .double(t.new)]))
            }
        }
        t1.append(invalid("k > n", ["n": .int(3), "k": .int(4), "l": .int(1)], "countOutOfRange"))
        t1.append(invalid("k + l = 0", ["n": .int(3), "k": .int(0), "l": .int(0)], "countOutOfRange"))
        groups.append(.object(["type": .string("Theorem1"), "tests": .array(t1)]))

        var t2: [JSONValue] = []
        for (n, k, l, mu, lm) in [(10, 4, 3, 2.0, 3.0), (10, 4, 3, 2.0, 0.0), (1, 1, 0, 1.0, 1.0)] {
            if let t = try? PoissonMix.theorem2(n: n, k: k, l: l, mu: mu, lambdaM: lm) {
                t2.append(
                    test(
                        next(), "Theorem 2 (appendix form), n = \(n), k = \(k), l = \(l), µ = \(mu), λ_M = \(lm)",
                        flags: ["Derived"],
                        inputs: ["n": .int(n), "k": .int(k), "l": .int(l), "mu": .double(mu), "lambdaM": .double(lm)],
                        outputs: ["old": .double(t.old), "new": .double(t.new), "loop": .double(t.loop)]))
            }
        }
        t2.append(
            invalid(
                "λ_M < 0", ["n": .int(3), "k": .int(1), "l": .int(1), "mu": .double(1), "lambdaM": .double(-1)],
                "negative"))
        groups.append(.object(["type": .string("Theorem2"), "tests": .array(t2)]))

        var dz: [JSONValue] = []
        for (lambda, mu) in [(100.0, 2.0), (100.0, 0.2), (500.0, 0.02), (100.0, 200.0)] {
            dz.append(
                test(
                    next(), "log2(e·λ/µ), λ = \(lambda), µ = \(mu)", flags: ["Derived"],
                    inputs: ["lambda": .double(lambda), "mu": .double(mu)],
                    outputs: ["bits": .double((try? PoissonMix.danezisEntropy(lambda: lambda, mu: mu)) ?? .nan)]))
        }
        dz.append(invalid("λ = 0", ["lambda": .double(0), "mu": .double(1)], "nonPositive"))
        groups.append(.object(["type": .string("DanezisEntropy"), "tests": .array(dz)]))

        var er: [JSONValue] = []
        for (h, mu, x) in [(3, 2.0, 1.5), (1, 2.0, 1.0), (5, 1 / 0.015, 0.1)] {
            if let e = try? LoopixLatency.erlang(hops: h, mu: mu),
                let c = try? LoopixLatency.erlangCDF(x, hops: h, mu: mu)
            {
                er.append(
                    test(
                        next(), "Erlang(\(h), \(mu))", flags: ["Derived"],
                        inputs: ["hops": .int(h), "mu": .double(mu), "x": .double(x)],
                        outputs: [
                            "mean": .double(e.mean), "variance": .double(e.variance),
                            "standardDeviation": .double(e.standardDeviation), "cdf": .double(c),
                        ]))
            }
        }
        er.append(invalid("0 hops", ["hops": .int(0), "mu": .double(1), "x": .double(1)], "countOutOfRange"))
        groups.append(.object(["type": .string("Erlang"), "tests": .array(er)]))

        var bf: [JSONValue] = []
        for (r, lp) in [(0.25, 1.0), (0.5, 1.0), (5.0, 50.0)] {
            if let u = try? ClientBuffer.utilisation(realRate: r, lambdaP: lp),
                let w = try? ClientBuffer.meanWait(realRate: r, lambdaP: lp),
                let d = try? ClientBuffer.dropFraction(realRate: r, lambdaP: lp),
                let q = try? ClientBuffer.meanQueueLength(realRate: r, lambdaP: lp)
            {
                bf.append(
                    test(
                        next(), "M/M/1 buffer, r = \(r), λ_P = \(lp)", flags: ["Derived"],
                        inputs: ["realMessageRate": .double(r), "lambdaP": .double(lp)],
                        outputs: [
                            "utilisation": .double(u), "meanWait": .double(w),
                            "dropFraction": .double(d), "meanQueueLength": .double(q),
                        ]))
            }
        }
        bf.append(
            invalid(
                "r = λ_P: the queue is unstable", ["realMessageRate": .double(1), "lambdaP": .double(1)],
                "unstableQueue"))
        groups.append(.object(["type": .string("ClientBuffer"), "tests": .array(bf)]))

        var aa: [JSONValue] = []
        for (lm, t, k, mu) in [(1.0, 1.0, 2, 1.0), (0.0, 5.0, 10, 2.0), (2.0, 0.25, 50, 2.0)] {
            if let d = try? ActiveAttack.detectionProbability(lambdaM: lm, blockingTime: t),
                let f = try? ActiveAttack.flushProbability(held: k, mu: mu, blockingTime: t)
            {
                aa.append(
                    test(
                        next(), "(n−1) attack, λ_M = \(lm), t = \(t), k = \(k), µ = \(mu)", flags: ["Derived"],
                        inputs: [
                            "lambdaM": .double(lm), "blockingTime": .double(t), "held": .int(k), "mu": .double(mu),
                        ],
                        outputs: ["detectionProbability": .double(d), "flushProbability": .double(f)]))
            }
        }
        groups.append(.object(["type": .string("ActiveAttack"), "tests": .array(aa)]))

        var nl: [JSONValue] = []
        for (lr, lm, mu, sf) in [
            (100.0, 1.0, 2.0, 2.0), (0.0, 1.0, 1.0, 1.5), (10.0, 0.0, 10.0, 4.0), (752.0, 1.0, 2.0, 10.0),
        ] {
            if let r = try? ActiveAttack.loopThreshold(lambdaM: lm, s: sf),
                let t = try? ActiveAttack.targetLinking(lambdaR: lr, lambdaM: lm, mu: mu, s: sf)
            {
                nl.append(
                    test(
                        next(),
                        "paper §4.2.1, λ_R = \(lr), λ_M = \(lm), µ = \(mu), s = \(sf)"
                            + (1 / t.expectedPool > 1 ? " (expected pool below 1: capped)" : ""),
                        flags: ["Derived"],
                        inputs: ["lambdaR": .double(lr), "lambdaM": .double(lm), "mu": .double(mu), "s": .double(sf)],
                        outputs: [
                            "loopThreshold": .double(r), "expectedPool": .double(t.expectedPool),
                            "probability": .double(t.probability),
                        ]))
            }
        }
        nl.append(
            invalid(
                "s = 1 (the paper requires s > 1)",
                ["lambdaR": .double(1), "lambdaM": .double(1), "mu": .double(1), "s": .double(1)], "notGreaterThan"))
        nl.append(
            invalid(
                "no traffic at all: the pool is empty",
                ["lambdaR": .double(0), "lambdaM": .double(0), "mu": .double(1), "s": .double(2)], "nonPositive"))
        groups.append(.object(["type": .string("NMinusOneLinking"), "tests": .array(nl)]))

        var pe: [JSONValue] = []
        for events in ["AD", "AAD", "AAADAD", "AAAADDADDAAD", "AAAAAAAADDDDAAD"] {
            pe.append(
                test(
                    next(), "eq. (5) over the event string \(events) (A arrival, D departure)", flags: ["Derived"],
                    inputs: ["events": .string(events)],
                    outputs: ["entropies": doubles(poolEntropies(events))]))
        }
        groups.append(.object(["type": .string("PoolEntropy"), "tests": .array(pe)]))

        var de: [JSONValue] = []
        for (mu, arrivals, t) in [
            (1.0, [0.0], 1.0), (2.0, [0.0, 0.5, 1.0], 1.5), (0.5, [0.1, 0.2, 0.3, 2.0, 2.5], 3.0),
        ] {
            de.append(
                test(
                    next(), "Danezis' entropy of one output, µ = \(mu)", flags: ["Derived"],
                    inputs: ["mu": .double(mu), "arrivals": doubles(arrivals), "t": .double(t)],
                    outputs: ["bits": .double(danezisDirect(mu: mu, arrivals: arrivals, t: t))]))
        }
        groups.append(.object(["type": .string("DanezisOutputEntropy"), "tests": .array(de)]))

        var mr: [JSONValue] = []
        for name in LoopixParameters.presetNames {
            if let p = try? LoopixParameters.preset(named: name) {
                mr.append(
                    test(
                        next(), "preset \(name)", flags: ["Derived"], inputs: presetInputs(p),
                        outputs: ["lambdaMix": .double(PoissonMix.networkMixArrivalRate(p))]))
            }
        }
        groups.append(.object(["type": .string("MixArrivalRate"), "tests": .array(mr)]))

        return envelope(
            algorithm: "LOOPIX-CLOSED-FORMS",
            header: [
                "Closed forms of SPEC.md LOOPIX-CF-* for given parameters; rates are per second, entropies in bits.",
                "Theorem 2 is in the form of the paper's appendix proof (the v1 statement swaps old and new).",
                "NMinusOneLinking is the paper's §4.2.1 formula (threshold lambdaM/s, 1/(lambdaR/(s mu) + lambdaM/mu) capped at 1); ActiveAttack holds our own (n-1) quantities, which the paper does not give.",
                "PoolEntropy: eq. (5) applied at each D of the event string, starting from H_0 = 0; outputs are H after each D.",
                "DanezisOutputEntropy: -sum p_i log2 p_i with p_i proportional to exp(-mu (t - t_i)) over the given arrivals.",
                "Doubles must match to a relative tolerance of 1e-12; invalid tests name the error an implementation must raise.",
            ],
            notes: commonNotes, groups: groups)
    }

    static func poolEntropies(_ events: String) -> [Double] {
        var tracker = PoolEntropyTracker()
        var out: [Double] = []
        for c in events {
            if c == "A" { tracker.messageArrived() } else if c == "D" { out.append(tracker.messageDeparted()) }
        }
        return out
    }

    /// Danezis' output entropy computed directly from its definition (not via the tracker).
    static func danezisDirect(mu: Double, arrivals: [Double], t: Double) -> Double {
        let w = arrivals.filter { $0 <= t }.map { exp(-mu * (t - $0)) }
        let total = w.reduce(0, +)
        guard total > 0 else { return 0 }
        return w.reduce(0) { h, wi in
            let q = wi / total
            return q > 0 ? h - q * log2(q) : h
        }
    }

    static func presetInputs(_ p: LoopixParameters) -> [String: JSONValue] {
        [
            "lambdaP": .double(p.lambdaP), "lambdaL": .double(p.lambdaL), "lambdaD": .double(p.lambdaD),
            "lambdaM": .double(p.lambdaM), "mu": .double(p.mu), "layers": .int(p.layers),
            "mixesPerLayer": .int(p.mixesPerLayer), "providers": .int(p.providers), "clients": .int(p.clients),
        ]
    }
}

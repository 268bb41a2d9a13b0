import Foundation
import LoopixSpec

/// The summary table and the CSV of one run, with the closed forms beside the measurements.
enum Summary {
    static func f(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }

    static func table(_ r: SimulationResult) -> String {
        let p = r.parameters
        var lines: [String] = []
        lines.append(
            "Loopix run: seed \(r.config.seed), window [\(f(r.windowStart, 1)), \(f(r.windowEnd, 1))] s, \(r.eventsProcessed) events, stopped by \(r.stopReason.rawValue)"
        )
        lines.append(
            "parameters: λ_P \(p.lambdaP)/s λ_L \(p.lambdaL)/s λ_D \(p.lambdaD)/s λ_M \(p.lambdaM)/s µ \(f(p.mu))/s (mean delay \(f(p.meanDelay)) s), \(p.layers) layers × \(p.mixesPerLayer) mixes, \(p.providers) providers, \(p.clients) clients, pull \(p.pullSize) every \(p.pullInterval) s, r \(p.realMessageRate)/s"
        )
        lines.append("")
        lines.append("metric                                   simulated        closed form")
        func row(_ name: String, _ sim: String, _ closed: String) {
            lines.append(
                name.padding(toLength: 40, withPad: " ", startingAt: 0) + " "
                    + sim.padding(toLength: 16, withPad: " ", startingAt: 0) + " " + closed)
        }
        let erlang = try? LoopixLatency.erlang(hops: p.layers, mu: p.mu)
        let l = r.latency.sendToInbox
        row("latency send→inbox mean (s)", f(l.mean), erlang.map { "\(f($0.mean)) (Erlang(\(p.layers), µ))" } ?? "")
        row("latency send→inbox sd (s)", f(l.standardDeviation), erlang.map { f($0.standardDeviation) } ?? "")
        row("latency created→inbox mean (s)", f(r.latency.createdToInbox.mean), "")
        row("latency created→pull mean (s)", f(r.latency.createdToPull.mean), "")
        row("real messages delivered", "\(l.count)", "")
        let wait = try? ClientBuffer.meanWait(realRate: p.realMessageRate, lambdaP: p.lambdaP)
        let drop = try? ClientBuffer.dropFraction(realRate: p.realMessageRate, lambdaP: p.lambdaP)
        row(
            "buffer mean wait (s)", "\(f(r.buffer.wait.mean)) ± \(f(r.buffer.waitStandardError))",
            wait.map { "\(f($0)) (M/M/1)" } ?? "unstable (r ≥ λ_P)")
        row(
            "payload slots sending a drop", "\(f(r.buffer.dropFraction)) ± \(f(r.buffer.dropFractionStandardError))",
            drop.map { f($0) } ?? "")
        let lambdaMix = PoissonMix.networkMixArrivalRate(p)
        let n = Double(max(r.mixes.count, 1))
        row("mix arrival rate (1/s, mean of mixes)", f(r.mixes.map(\.arrivalRate).reduce(0, +) / n), f(lambdaMix))
        row("mix throughput (1/s, mean of mixes)", f(r.mixes.map(\.throughput).reduce(0, +) / n), "")
        row("mix occupancy mean", f(r.mixes.map(\.occupancyMean).reduce(0, +) / n), "\(f(lambdaMix / p.mu)) (Lemma 1)")
        row("mix occupancy variance", f(r.mixes.map(\.occupancyVariance).reduce(0, +) / n), f(lambdaMix / p.mu))
        let danezis = try? PoissonMix.danezisEntropy(lambda: lambdaMix, mu: p.mu)
        row(
            "mix entropy, Danezis (bits)", f(r.mixes.map(\.danezisEntropyMean).reduce(0, +) / n),
            danezis.map { "\(f($0)) log2(e·λ/µ)" } ?? "")
        row("mix pool entropy, eq. (5) (bits)", f(r.mixes.map(\.poolEntropyMean).reduce(0, +) / n), "")
        let a = r.anonymity
        row(
            "sender entropy, all client msgs (bits)",
            a.senderEntropy.count > 0 ? f(a.senderEntropy.mean) : "not tracked", "max \(f(log2(Double(p.clients))))")
        if let pruned = a.prunedShare {
            row("  approximate: pruned mass share (mean)", f(pruned.mean), "SPEC LOOPIX-METRIC-SPARSE")
        }
        row("sender entropy, real msgs (bits)", a.senderEntropyReal.count > 0 ? f(a.senderEntropyReal.mean) : "-", "")
        row(
            "ε challenge senders (nats, finite)",
            a.epsilon.count > 0 ? "\(f(a.epsilon.mean)) ± \(f(a.epsilon.standardError))" : "-",
            "\(a.epsilonInfinite) infinite")
        row(
            "cover share, client messages", f(r.traffic.clientCoverShare),
            f(1 - p.realMessageRate / (p.lambdaP + p.lambdaL + p.lambdaD)))
        row("cover share, mix departures", f(r.traffic.mixCoverShare), "")
        if let t = r.targets {
            lines.append("")
            lines.append(
                "MiXiM's target messages (\(t.delivered) of \(t.count) delivered,"
                    + " the last at \(f(t.lastDeliveredAt ?? .nan, 1)) s)"
            )
            row("entropy at last delivery (bits, MiXiM)", t.entropyAtLastDelivery.map { f($0) } ?? "-", "")
            row("entropy at end of run (bits)", f(t.entropyAtEnd), "")
            row("latency send→delivery mean (s)", f(t.latency.mean), "")
            let eps = t.epsilon.count > 0 ? f(t.epsilon.mean) : "-"
            row("ε = ln(p_A/p_B) mean (nats, MiXiM)", eps, "δ \(f(t.delta))")
        }
        lines.append("")
        lines.append("per mix: mix layer arrivals/s throughput/s occupancy(mean,var) H_danezis H_eq5")
        for m in r.mixes {
            lines.append(
                "  \(m.mix) \(m.layer) \(f(m.arrivalRate, 2)) \(f(m.throughput, 2)) (\(f(m.occupancyMean, 2)), \(f(m.occupancyVariance, 2))) \(f(m.danezisEntropyMean, 3)) \(f(m.poolEntropyMean, 3))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// Every metric as a `metric,value` line (per-mix metrics as mix.<index>.<name>).
    static func csv(_ r: SimulationResult) -> String {
        var rows: [(String, String)] = []
        func add(_ k: String, _ v: Double) { rows.append((k, "\(v)")) }
        func add(_ k: String, _ v: Int) { rows.append((k, "\(v)")) }
        func add(_ k: String, _ s: SampleSummary) {
            add(k + ".count", s.count); add(k + ".mean", s.mean); add(k + ".sd", s.standardDeviation)
            add(k + ".min", s.minimum); add(k + ".max", s.maximum)
        }
        rows.append(("stopReason", r.stopReason.rawValue))
        rows.append(("seed", "\(r.config.seed)"))
        add("eventsProcessed", r.eventsProcessed)
        add("windowStart", r.windowStart); add("windowEnd", r.windowEnd)
        add("latency.sendToInbox", r.latency.sendToInbox)
        add("latency.createdToInbox", r.latency.createdToInbox)
        add("latency.createdToPull", r.latency.createdToPull)
        add("latency.loopSendToInbox", r.latency.loopSendToInbox)
        add("buffer.payloadSlots", r.buffer.payloadSlots); add("buffer.emptySlots", r.buffer.emptySlots)
        add("buffer.dropFraction", r.buffer.dropFraction)
        add("buffer.dropFractionStandardError", r.buffer.dropFractionStandardError)
        add("buffer.wait", r.buffer.wait); add("buffer.waitStandardError", r.buffer.waitStandardError)
        add("buffer.unsentAtEnd", r.buffer.unsentAtEnd)
        add("anonymity.senderEntropy", r.anonymity.senderEntropy)
        add("anonymity.senderEntropyReal", r.anonymity.senderEntropyReal)
        add("anonymity.epsilon", r.anonymity.epsilon)
        add("anonymity.epsilonInfinite", r.anonymity.epsilonInfinite)
        for (k, v) in r.traffic.sentByKind.sorted(by: { $0.key < $1.key }) { add("traffic.sent.\(k)", v) }
        add("traffic.clientCoverShare", r.traffic.clientCoverShare)
        add("traffic.mixCoverShare", r.traffic.mixCoverShare)
        add("traffic.dropsDiscarded", r.traffic.dropsDiscarded)
        add("traffic.pullDummies", r.traffic.pullDummies)
        add("traffic.realPulled", r.traffic.realPulled)
        add("traffic.mixLoopsReturned", r.traffic.mixLoopsReturned)
        if let t = r.targets {
            add("targets.count", t.count); add("targets.delivered", t.delivered)
            add("targets.lastDeliveredAt", t.lastDeliveredAt ?? .nan)
            add("targets.entropyAtLastDelivery", t.entropyAtLastDelivery ?? .nan)
            add("targets.entropyAtEnd", t.entropyAtEnd); add("targets.entropyPerMessage", t.entropyPerMessage)
            add("targets.latency", t.latency); add("targets.epsilon", t.epsilon); add("targets.delta", t.delta)
        }
        for m in r.mixes {
            let k = "mix.\(m.mix)."
            add(k + "layer", m.layer); add(k + "arrivals", m.arrivals); add(k + "departures", m.departures)
            add(k + "arrivalRate", m.arrivalRate); add(k + "throughput", m.throughput)
            add(k + "occupancyMean", m.occupancyMean); add(k + "occupancyVariance", m.occupancyVariance)
            add(k + "poolEntropyMean", m.poolEntropyMean); add(k + "danezisEntropyMean", m.danezisEntropyMean)
        }
        return "metric,value\n" + rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n"
    }
}

import ArgumentParser
import Foundation
import LoopixSpec

/// `loopix-sim attack drop|nminus1 --packets`: the active attacks on the packet-level run
/// (SPEC.md §8.13, LOOPIX-ADV-DROP-PKT and LOOPIX-ADV-NM1-PKT).
struct PacketAttackOptions: ParsableArguments {
    @Flag(help: "Run the attack on the packet-level run (real Sphinx packets, SPEC.md §8.12) instead of the model.")
    var packets = false
    @Option(help: "With --packets: clients (default 3).") var clients: Int?
    @Option(help: "With --packets: virtual seconds to run (default 60 for drop, 300 for nminus1).")
    var duration: Double?
    @Option(name: .customLong("mixes-per-layer"), help: "With --packets: mixes in each layer.") var mixesPerLayer: Int?
    @Option(help: "With --packets: providers (gateways).") var providers: Int?
    @Option(name: .customLong("lambda-p"), help: "With --packets: λ_P (1/s).") var lambdaP: Double?
    @Option(name: .customLong("lambda-l"), help: "With --packets: λ_L (1/s).") var lambdaL: Double?
    @Option(name: .customLong("real-rate"), help: "With --packets: r, real messages per client (1/s).")
    var realRate: Double?
    @Option(help: "With --packets: threads doing the Sphinx work (default 1; the figures do not depend on it).")
    var threads: Int = 1

    /// Refuses packet-run options without --packets.
    func validate() throws {
        let set = [
            clients != nil, duration != nil, mixesPerLayer != nil, providers != nil, lambdaP != nil,
            lambdaL != nil, realRate != nil,
        ]
        if !packets && set.contains(true) { throw ValidationError("these network options go with --packets") }
    }

    /// The preset with the options applied, and its packet behaviour.
    func network(_ preset: String, _ p: inout LoopixParameters) throws -> PacketBehaviour {
        if let v = clients { p.clients = v }
        if let v = mixesPerLayer { p.mixesPerLayer = v }
        if let v = providers { p.providers = v }
        if let v = lambdaP { p.lambdaP = v }
        if let v = lambdaL { p.lambdaL = v }
        if let v = realRate { p.realMessageRate = v }
        return try CommandLineModel.behaviour(preset: preset)
    }

    func simulator(_ p: LoopixParameters, _ b: PacketBehaviour, _ config: SimulationConfig) throws -> PacketSimulator {
        do { return try PacketSimulator(parameters: p, behaviour: b, config: config) } catch {
            throw ValidationError("\(error)")
        }
    }
}

extension Attack.Drop {
    /// The drop attack on the packet-level run: the preset's behaviour (nym: acks, push), a
    /// small network by default.
    func runPackets() throws {
        var p = try CommandLineModel.parameters(preset: preset)
        p.clients = 3
        p.providers = min(p.providers, 2)
        p.lambdaP = min(p.lambdaP, 4)
        p.lambdaL = max(p.lambdaL, 2)
        p.lambdaD = 0
        p.lambdaM = 0
        p.realMessageRate = min(p.realMessageRate, 0.5)
        if p.realMessageRate == 0 { p.realMessageRate = 0.5 }
        let behaviour = try net.network(preset, &p)
        let duration = net.duration ?? 60
        let config = SimulationConfig(seed: seed, duration: duration, burnIn: 1, cooldown: min(10, duration / 4))
        let simulator = try net.simulator(p, behaviour, config)
        let layerList = try parseNumbers(attackedLayers, "attacked-layers").map { Int($0) }
        let s = DroppingAttack.Setting(layers: layerList, fraction: fraction, dropProbability: dropProbability)
        if !output.quiet { printError("loopix-sim: packet-level run of \(duration) s, \(p.clients) clients") }
        let r: DroppingAttack.PacketReport
        do {
            r = try DroppingAttack.runPackets(
                s, simulator: simulator, loopTimeout: loopTimeout, z: z, seed: seed, threads: net.threads,
                progress: output.progress("running"))
        } catch { throw ValidationError(error.description) }
        func se(_ x: Double, _ e: Double, _ pred: Double) -> String { "\(f(x)) ± \(f(e)); predicted \(f(pred))" }
        print("malicious mixes                    \(r.culprits); packets they dropped \(r.dropped)")
        print(
            "loops back within \(f(r.loopTimeout, 1)) s            "
                + se(r.loopsBack, r.loopsBackStandardError, r.loopsBackPredicted) + " (\(r.loops) loops)")
        print(
            "real packets acknowledged          "
                + se(r.acknowledged, r.acknowledgedStandardError, r.acknowledgedPredicted)
                + " (\(r.realPackets) packets)")
        print("messages delivered (with resends)  \(f(r.messagesDelivered)) of \(r.messages)")
        print("loss rate per mix, loops           " + r.lossRatePerMixLoops.map { f($0, 3) }.joined(separator: " "))
        print("loss rate per mix, acks            " + r.lossRatePerMixAcks.map { f($0, 3) }.joined(separator: " "))
        func detection(_ t: Double?, _ n: Int?) -> String {
            t.map { "\(f($0, 1)) s, after \(n ?? 0) decisions" } ?? "not within the run"
        }
        print(
            "culprits named (median of clients) loops: \(detection(r.medianDetectionLoops, r.medianDecisionsLoops));"
                + " acks: \(detection(r.medianDetectionAcks, r.medianDecisionsAcks))")
        for c in r.clients {
            let loops = detection(c.fromLoops.time, c.fromLoops.decisionsUntil)
            let acks = detection(c.fromAcks.time, c.fromAcks.decisionsUntil)
            print("  client \(c.client): loops name \(c.fromLoops.named) (\(loops)),", terminator: "")
            print(" acks name \(c.fromAcks.named) (\(acks))")
        }
        try output.write(r)
    }
}

extension Attack.NMinusOne {
    /// (n − 1) on the packet-level run: the same run blocked and honest (LOOPIX-ADV-NM1-PKT).
    func runPackets() throws {
        var p = try CommandLineModel.parameters(preset: preset)
        p.layers = layers
        p.mixesPerLayer = 1
        p.providers = 1
        p.clients = 2
        p.lambdaP = 1
        p.lambdaL = 0
        p.lambdaD = 0
        p.lambdaM = lambdaM
        p.mu = mu
        p.realMessageRate = 0.5
        let behaviour = try net.network(preset, &p)
        guard let mode = PacketAdversary.Blocking.Mode(rawValue: afterwards), mode != .watch else {
            throw ValidationError("--afterwards is release or drop")
        }
        let duration = net.duration ?? 300
        let burnIn = window + timeout + 20 / mu
        let config = SimulationConfig(seed: seed, duration: duration, burnIn: burnIn, cooldown: 1)
        let simulator = try net.simulator(p, behaviour, config)
        if !output.quiet { printError("loopix-sim: two packet-level runs of \(duration) s (blocked, honest)") }
        let r: NMinusOneAttack.PacketReport
        do {
            r = try NMinusOneAttack.runPackets(
                simulator, target: target, times: try parseNumbers(times, "times"),
                gap: gap ?? (window + timeout + 10 / mu), mode: mode, s: s, window: window, timeout: timeout,
                threads: net.threads, progress: output.progress("running"))
        } catch let e as AdversaryError { throw ValidationError(e.description) }
        print("target mix \(r.target), its loops \(r.targetLoops); held packets at the end: \(mode.rawValue)")
        print(
            "      t  episodes  threshold: detect  false   timeout: detect  predicted  false   1−e^(−λ_M t)"
                + "  pool k  flushed  mean (1−e^(−µt))^k  isolated&unseen")
        for q in r.points {
            print(
                String(
                    format: "%7.2f %9d %18.4f %6.4f %16.4f %10.4f %6.4f %14.4f %7.2f %8.4f %19.4f %16.4f", q.t,
                    q.episodes, q.thresholdDetection, q.thresholdFalseAlarm, q.timeoutDetection,
                    q.timeoutDetectionPredicted, q.timeoutFalseAlarm, q.formulaNoTransit, q.meanPool, q.flushed,
                    q.flushedPredicted, q.isolatedUndetected))
        }
        try output.write(r)
    }
}

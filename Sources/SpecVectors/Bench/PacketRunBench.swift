import LoopixSpec
import SphinxSpec

/// The bench case of the packet-level run (SPEC.md §8.12, "Cost"), and the nym operations it is
/// compared with, measured in the same bench run. `--filter loopix.packetrun` selects all of
/// them; the runner then adds the derived figures (`PacketRunFigures`).
///
/// The run: the nym preset shrunk to 8 clients, 3 layers of one mix, 2 gateways, 0.5 virtual s
/// (about 440 packets and as many acks, 3 500 Sphinx hops). Every route is 4 Sphinx hops (3 mixes
/// and the exit gateway), regular packets 2 413 bytes, acks 386, version 258, as in the run.
enum PacketRunBench {
    static let runID = "loopix.packetrun"
    /// The same run on two threads (LOOPIX-PKT-AHEAD), for the speed-up 2 threads vs 1.
    static let twoThreadsID = "loopix.packetrun.threads2"

    static let parameters: LoopixParameters = {
        var p = LoopixParameters.nym
        p.clients = 8
        p.mixesPerLayer = 1
        p.providers = 2
        return p
    }()
    static let config = SimulationConfig(seed: 1, duration: 0.5, burnIn: 0.1, cooldown: 0.1)

    /// The Sphinx work one run does, counted once from a run observed outside the timing.
    struct Work: Equatable {
        var regularForward = 0, regularFinal = 0, ackForward = 0, ackFinal = 0
        var regularCreated = 0, ackCreated = 0
        var hops: Int { regularForward + regularFinal + ackForward + ackFinal }
    }

    static func work() throws -> Work {
        var work = Work()
        let simulator = try PacketSimulator(parameters: parameters, behaviour: .nym, config: config)
        let result = try simulator.run(observe: { o in
            let ack = o.truth.isAck
            switch (o.from, o.to) {
            case (_, .mix):
                if ack { work.ackForward += 1 } else { work.regularForward += 1 }
            case (.mix, .gateway):
                if ack { work.ackFinal += 1 } else { work.regularFinal += 1 }
            default: break
            }
        })
        let made = result.packets.createdByKind
        work.ackCreated = made["ack", default: 0]
        work.regularCreated = result.packets.created - work.ackCreated
        precondition(work.hops == result.packets.processed, "BUG: every hop of the run is observed")
        return work
    }

    /// The run and the six unit operations. Ids: `loopix.packetrun` and `loopix.packetrun.unit.*`.
    static func cases() throws -> [BenchCase] {
        let simulator = try PacketSimulator(parameters: parameters, behaviour: .nym, config: config)
        var cases = [
            BenchCase(id: runID, title: "packet-level run, nym, 8 clients, 0.5 virtual s") {
                UInt8(truncatingIfNeeded: try simulator.run().packets.processed)
            },
            BenchCase(id: twoThreadsID, title: "  the same run on 2 threads (same output)") {
                UInt8(truncatingIfNeeded: try simulator.run(threads: 2).packets.processed)
            },
        ]
        let (route, secrets) = try BenchCases.nymRoute(4)
        let destination = try BenchCases.nymDestination()
        let delays = BenchCases.nymDelays(4)
        let randomness = try BenchCases.nymRandomness(hops: 4)
        for (name, payloadLength, messageLength) in [
            ("regular", NymNodeConstants.regularPayloadLength, NymNodeConstants.regularPlaintextLength),
            ("ack", NymNodeConstants.ackPayloadLength, NymNodeConstants.ackMessageLength),
        ] {
            let message = Bytes(repeating: 0x6d, count: messageLength)
            func create() throws -> NymForwardPacket {
                try NymSphinx.createForwardPacket(
                    route: route, delays: delays, destination: destination, message: message,
                    payloadLength: payloadLength, version: .explicitPayloadKeys, randomness: randomness)
            }
            let hops = try create().packetsAtEachHop
            let first = hops[0], last = hops[hops.count - 1]
            let firstSecret = secrets[0], lastSecret = secrets[secrets.count - 1]
            cases.append(
                BenchCase(id: "\(runID).unit.create.\(name)", title: "  unit: nym create, 4 hops, \(name)") {
                    try create().bytes[0]
                })
            let forwardTitle = "  unit: nym process, forward, \(name)"
            cases.append(
                BenchCase(id: "\(runID).unit.forward.\(name)", title: forwardTitle) {
                    try NymSphinx.processPacket(first, nodeSecret: firstSecret).replayTag[0]
                })
            cases.append(
                BenchCase(id: "\(runID).unit.final.\(name)", title: "  unit: nym process, final, \(name)") {
                    try NymSphinx.processPacket(last, nodeSecret: lastSecret).replayTag[0]
                })
        }
        return cases
    }
}

/// The derived figures of the packet-level run, from the medians of its cases.
public struct PacketRunFigures: Codable, Equatable, Sendable {
    /// Sphinx hops one run does.
    let hops: Int
    /// Packet-hops per second of the run on this machine (absolute: for the report only).
    let packetHopsPerSecond: Double
    /// The run's cost per hop ÷ one nym forward `process` of a regular packet: how many such
    /// operations one hop of the run costs, everything included.
    let hopCostInNymProcess: Double
    /// Σ crypto: each counted operation × its unit case's ratio (in X25519 multiplications).
    let cryptoInX25519: Double
    /// The run's ratio (in X25519 multiplications).
    let runInX25519: Double
    /// (run time − Σ crypto) / Σ crypto: the simulation's own overhead (goal: below 0.10).
    let overhead: Double
    /// The run on 1 thread ÷ the run on 2 threads, each as its ratio to the interleaved baseline
    /// (wall clock, the default `--clock monotonic`; nil when the 2-thread case was not run).
    let twoThreadSpeedUp: Double?

    /// Computes the figures when the run and every unit case were measured; nil otherwise.
    ///
    /// Costs are taken as each case's ratio to the baseline (× X25519), not its raw median: every
    /// case is timed interleaved with baseline runs, so a ratio cancels the machine's speed at
    /// the time the case ran, where raw medians of cases measured minutes apart on a shared
    /// machine need not agree.
    static func derive(_ results: [BenchCaseResult], work: PacketRunBench.Work) -> PacketRunFigures? {
        var ratio: [String: Double] = [:], median: [String: Double] = [:]
        for r in results {
            ratio[r.id] = r.ratio
            median[r.id] = r.medianNanoseconds
        }
        let unit = { (name: String) in ratio["\(PacketRunBench.runID).unit.\(name)"] }
        guard let run = ratio[PacketRunBench.runID], let runTime = median[PacketRunBench.runID],
            let forward = unit("forward.regular"), let final = unit("final.regular"),
            let ackForward = unit("forward.ack"), let ackFinal = unit("final.ack"),
            let create = unit("create.regular"), let ackCreate = unit("create.ack"), work.hops > 0
        else { return nil }
        let crypto =
            Double(work.regularForward) * forward + Double(work.regularFinal) * final
            + Double(work.ackForward) * ackForward + Double(work.ackFinal) * ackFinal
            + Double(work.regularCreated) * create + Double(work.ackCreated) * ackCreate
        return PacketRunFigures(
            hops: work.hops, packetHopsPerSecond: Double(work.hops) / (runTime / 1e9),
            hopCostInNymProcess: run / Double(work.hops) / forward,
            cryptoInX25519: crypto, runInX25519: run, overhead: (run - crypto) / crypto,
            twoThreadSpeedUp: ratio[PacketRunBench.twoThreadsID].map { run / $0 })
    }

    var note: String {
        String(
            format: "packet-level run: %d Sphinx hops per run, %.0f packet-hops/s; one hop costs %.2f × a nym "
                + "forward process; simulation overhead (run − Σ crypto)/Σ crypto = %.1f%% (goal < 10%%), "
                + "Σ crypto = counted creates and processes × their unit ratios.",
            hops, packetHopsPerSecond, hopCostInNymProcess, overhead * 100)
            + (twoThreadSpeedUp.map {
                String(format: " Speed-up on 2 threads (wall clock, same output): %.2f×.", $0)
            } ?? "")
    }
}

import ArgumentParser
import Foundation
import LoopixSpec

struct LoopixSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopix-sim",
        abstract: "Simulate a Loopix mix network (Piotrowska et al., USENIX Security 2017).",
        discussion: """
            All rates are in events per second, all times in virtual seconds. The per-hop delay is Exp(mu): mu is a rate and the mean delay is 1/mu. The same seed gives the same run on every machine (SPEC.md, "The random generator"). Negative values need the form --mu=-1.

            Examples:
              loopix-sim run --preset mixim --timing --json out.json   # MiXiM's own scenario and metric
              loopix-sim run --preset loopix-paper --mu 1 --clients 100 --csv out.csv
              loopix-sim run --preset nym --packets --duration 4 --burn-in 1 --cooldown 1 --json out.json
              loopix-sim entropy-curve --csv fig4.csv

            The test vectors (TestVectors/loopix/ too) are written by `vectors-gen generate`.
            """,
        subcommands: [Run.self, EntropyCurve.self, Attack.self, Links.self, Vectors.self],
        defaultSubcommand: Run.self)
}

/// Writes one line to stderr (progress and errors; stdout carries the results).
func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// JSON with stable key order.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    var data = try encoder.encode(value)
    data.append(0x0a)
    return data
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one simulation: a preset, optionally with parameters overridden.")

    @Option(help: "Preset to start from: nym, loopix-paper or mixim.")
    var preset: String = "mixim"

    @Option(name: .customLong("lambda-p"), help: "λ_P, payload stream rate per client (1/s).")
    var lambdaP: Double?
    @Option(name: .customLong("lambda-l"), help: "λ_L, loop cover rate per client (1/s); 0 = off.")
    var lambdaL: Double?
    @Option(name: .customLong("lambda-d"), help: "λ_D, drop cover rate per client (1/s); 0 = off.")
    var lambdaD: Double?
    @Option(name: .customLong("lambda-m"), help: "λ_M, loop cover rate per mix (1/s); 0 = off.")
    var lambdaM: Double?
    @Option(help: "µ, rate of the per-hop delay (1/s). Mean delay = 1/µ.")
    var mu: Double?
    @Option(name: .customLong("mean-delay"), help: "Mean per-hop delay in seconds (sets µ = 1/value).")
    var meanDelay: Double?
    @Option(help: "Number of mix layers.")
    var layers: Int?
    @Option(name: .customLong("mixes-per-layer"), help: "Mixes in each layer.")
    var mixesPerLayer: Int?
    @Option(help: "Number of providers.")
    var providers: Int?
    @Option(help: "Number of clients.")
    var clients: Int?
    @Option(name: .customLong("pull-interval"), help: "Seconds between two pulls of a client.")
    var pullInterval: Double?
    @Option(name: .customLong("pull-size"), help: "Messages returned by every pull (padded with dummies).")
    var pullSize: Int?
    @Option(name: .customLong("real-rate"), help: "r, rate of real messages into each client's buffer (1/s).")
    var realRate: Double?
    @Option(
        name: .customLong("processing-delay"),
        help: "Seconds of processing added at every mix hop (mixim: 0.000386; 0 = none).")
    var processingDelay: Double?
    @Option(
        help: ArgumentHelp(
            "MiXiM's target messages: how many (default 1000 with --preset mixim, else 0 = none);"
                + " the run ends one cooldown after the last is delivered."))
    var targets: Int?
    @Option(name: .customLong("target-interval"), help: "Seconds between two target messages (default 1).")
    var targetInterval: Double = 1
    @Option(
        name: .customLong("sender-support"),
        help: "K of the sparse sender distributions (SPEC.md LOOPIX-METRIC-SPARSE; default 512).")
    var senderSupport: Int?

    @Option(
        help: ArgumentHelp(
            "Virtual seconds to simulate, burn-in and cooldown included"
                + " (default 120; 5 with --packets)."))
    var duration: Double?
    @Option(
        name: .customLong("burn-in"),
        help: "Virtual seconds not measured at the start (default 20; 1 with --packets).")
    var burnIn: Double?
    @Option(
        help: ArgumentHelp(
            "Virtual seconds at the end not measured, so that messages sent in the window"
                + " can finish (default 10; 1 with --packets)."))
    var cooldown: Double?
    @Option(help: "Seed of the random generator (unsigned 64-bit).")
    var seed: UInt64 = 1
    @Option(name: .customLong("max-events"), help: "Stop after this many events.")
    var maxEvents: Int = 100_000_000
    @Flag(
        name: .customLong("no-sender-entropy"),
        help: "Do not track sender distributions (faster; no sender entropy and no ε).")
    var noSenderEntropy = false
    @Option(help: "Write the metrics as JSON to this file.")
    var json: String?
    @Option(help: "Write the metrics as CSV (metric,value) to this file.")
    var csv: String?
    @Flag(help: "No progress on stderr.")
    var quiet = false
    @Flag(
        help: ArgumentHelp(
            "Run the nodes with real Sphinx packets (SPEC.md §8.12) instead of the timing model;"
                + " the preset also picks the packet behaviour (nym: acks, push; loopix-paper, mixim: pulls). Slow:"
                + " every hop is real cryptography."))
    var packets = false
    @Flag(
        help: ArgumentHelp(
            "Also report wall-clock time and packet-hops per second (on stderr for the timing model, in"
                + " the JSON with --packets; these differ between runs; everything else is the same for the same seed)."
        ))
    var timing = false
    @Option(
        help: ArgumentHelp(
            "With --packets: threads doing the Sphinx work, this one included (default: the machine's"
                + " cores). The output is the same for any number (SPEC.md LOOPIX-PKT-AHEAD)."))
    var threads: Int?
    @Flag(
        name: .customLong("one-thread"),
        help: ArgumentHelp(
            "Timing model: track sender distributions on the run's own thread instead of a second one"
                + " (slower on a machine with two cores or more; the output is the same, SPEC.md LOOPIX-METRIC-THREAD)."
        ))
    var oneThread = false

    func parameters() throws -> LoopixParameters {
        var p = try CommandLineModel.parameters(preset: preset)
        if let v = lambdaP { p.lambdaP = v }
        if let v = lambdaL { p.lambdaL = v }
        if let v = lambdaD { p.lambdaD = v }
        if let v = lambdaM { p.lambdaM = v }
        if mu != nil && meanDelay != nil {
            throw ValidationError("give either --mu or --mean-delay, not both")
        }
        if let v = mu { p.mu = v }
        if let v = meanDelay { p.mu = try CommandLineModel.mu(meanDelay: v) }
        if let v = layers { p.layers = v }
        if let v = mixesPerLayer { p.mixesPerLayer = v }
        if let v = providers { p.providers = v }
        if let v = clients { p.clients = v }
        if let v = pullInterval { p.pullInterval = v }
        if let v = pullSize { p.pullSize = v }
        if let v = realRate { p.realMessageRate = v }
        if let v = processingDelay { p.processingDelay = v == 0 ? nil : v }
        return p
    }

    func run() throws {
        let p = try parameters()
        // A packet-level run does real cryptography at every hop: its defaults are short.
        if packets {
            if oneThread {
                throw ValidationError("--one-thread goes with the timing model (--threads 1 with --packets)")
            }
            if p.realMessageRate == 0 && !quiet {
                printError(
                    "loopix-sim: note: r = 0: this preset's real messages are target messages, which only the"
                        + " timing model has; set --real-rate for real traffic at packet level")
            }
            return try runPackets(p, packetConfig(p))
        }
        if threads != nil { throw ValidationError("--threads goes with --packets") }
        let config = try timingConfig(p)
        var simulator: LoopixSimulator
        do {
            simulator = try LoopixSimulator(parameters: p, config: config)
        } catch {
            throw ValidationError(error.description)
        }
        if oneThread { simulator.sendersOnSecondThread = false }
        let started = ContinuousClock.now
        let (result, mixHops) = simulator.runCountingHops(progress: progressPrinter(config.duration))
        let elapsed = ContinuousClock.now - started
        if !quiet { printError("") }
        if timing {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            printError(
                String(
                    format: "loopix-sim: wall %.3f s, %d mix packet-hops, %.0f hops per wall second", seconds,
                    mixHops, Double(mixHops) / seconds))
        }
        print(Summary.table(result))
        if let path = json {
            try encodeJSON(result).write(to: URL(fileURLWithPath: path))
            if !quiet { printError("loopix-sim: wrote \(path)") }
        }
        if let path = csv {
            try Data(Summary.csv(result).utf8).write(to: URL(fileURLWithPath: path))
            if !quiet { printError("loopix-sim: wrote \(path)") }
        }
    }
}

extension Run {
    /// The configuration of a packet-level run: short defaults (every hop is cryptography).
    func packetConfig(_ p: LoopixParameters) throws -> SimulationConfig {
        if targets != nil || senderSupport != nil {
            throw ValidationError("--targets and --sender-support need the timing model")
        }
        return SimulationConfig(
            seed: seed, duration: duration ?? 5, burnIn: burnIn ?? 1, cooldown: cooldown ?? 1, maxEvents: maxEvents,
            trackSenderEntropy: !noSenderEntropy && p.clients >= 2)
    }

    /// The configuration of a timing-model run. With target messages (the `mixim` preset's
    /// default, MiXiM's test_config.json phases) the burn-in is 100 s, the cooldown 2000 s, and
    /// the duration only a cap: the run ends one cooldown after the last target is delivered.
    func timingConfig(_ p: LoopixParameters) throws -> SimulationConfig {
        let count = targets ?? (preset == "mixim" ? TargetMessages.mixim.count : 0)
        if count < 0 { throw ValidationError("--targets must be ≥ 0") }
        let b = burnIn ?? (count > 0 ? 100 : 20)
        let k = cooldown ?? (count > 0 ? 2000 : 10)
        var target: TargetMessages?
        if count > 0 {
            target = TargetMessages(
                sender: TargetMessages.mixim.sender, recipient: TargetMessages.mixim.recipient, count: count,
                interval: targetInterval)
        }
        // The cap leaves the target sender's buffer as long again to drain as it took to fill.
        let cap = b + 2 * Double(count) * targetInterval + k
        return SimulationConfig(
            seed: seed, duration: duration ?? (count > 0 ? cap : 120), burnIn: b, cooldown: k, maxEvents: maxEvents,
            trackSenderEntropy: !noSenderEntropy && p.clients >= 2, senderSupport: senderSupport,
            targetMessages: target)
    }

    /// A progress line on stderr (nothing with --quiet).
    func progressPrinter(_ virtualDuration: Double) -> (Double) -> Void {
        let started = Date()
        var lastShown = -1
        return { fraction in
            guard !quiet else { return }
            let percent = Int(fraction * 100)
            if percent != lastShown {
                lastShown = percent
                let elapsed = Date().timeIntervalSince(started)
                FileHandle.standardError.write(
                    Data(
                        String(
                            format: "\rloopix-sim: %3d%% of %.1f virtual s (%.1f s elapsed)", percent,
                            virtualDuration, elapsed
                        ).utf8))
            }
        }
    }

    /// `--packets`: the packet-level run (SPEC.md §8.12).
    func runPackets(_ p: LoopixParameters, _ config: SimulationConfig) throws {
        let behaviour = try CommandLineModel.behaviour(preset: preset)
        let simulator: PacketSimulator
        do {
            simulator = try PacketSimulator(parameters: p, behaviour: behaviour, config: config)
        } catch NodeError.parameters(let error) {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(error)")
        }
        // Short packet runs censor slow presets' latencies (LOOPIX-SIM-2's cooldown): say so.
        let meanLatency = Double(p.layers) / p.mu
        if config.cooldown < 3 * meanLatency && !quiet {
            printError(
                String(
                    format:
                        "loopix-sim: note: the cooldown (%.2f s) is shorter than 3 × the mean latency l/µ = %.2f s; "
                        + "latencies of messages sent late in the window are cut short (set --cooldown and --duration)",
                    config.cooldown, meanLatency))
        }
        // The wall clock is read around the run only, never inside it.
        let started = ContinuousClock.now
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard threadCount >= 1 else { throw ValidationError("--threads must be at least 1") }
        var result = try simulator.run(threads: threadCount, progress: progressPrinter(config.duration))
        let elapsed = ContinuousClock.now - started
        if !quiet { printError("") }
        if timing {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            result.wallClock = PacketRunWallClock(seconds: seconds, counts: result.packets)
        }
        print(Summary.table(result.metrics))
        print(PacketSummary.table(result, behaviour: behaviour))
        if let path = json {
            try encodeJSON(result).write(to: URL(fileURLWithPath: path))
            if !quiet { printError("loopix-sim: wrote \(path)") }
        }
        if let path = csv {
            try Data(PacketSummary.csv(result).utf8).write(to: URL(fileURLWithPath: path))
            if !quiet { printError("loopix-sim: wrote \(path)") }
        }
    }
}

struct EntropyCurve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entropy-curve",
        abstract: "Single-mix entropy for λ = 100…500/s and µ ∈ {0.02, 0.2, 2, 20, 200}/s (paper Fig. 4).",
        discussion:
            "Each point runs one Poisson mix fed by a Poisson stream and prints the mean Danezis entropy of its outputs beside log2(e·λ/µ), and the mean of eq. (5), the method the paper used for Fig. 4 (Appendix A.1). The µ = 0.02 points simulate thousands of virtual seconds; build with -c release."
    )

    @Option(help: "Seed; point i uses seed + i.")
    var seed: UInt64 = 1
    @Option(help: "Rates λ (1/s), comma-separated.")
    var lambdas: String = "100,200,300,400,500"
    @Option(help: "Delay rates µ (1/s), comma-separated.")
    var mus: String = "0.02,0.2,2,20,200"
    @Option(help: "Write the points as JSON to this file.")
    var json: String?
    @Option(help: "Write the points as CSV to this file.")
    var csv: String?

    func parseList(_ s: String, _ name: String) throws -> [Double] {
        var values: [Double] = []
        for part in s.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v > 0, v.isFinite else {
                throw ValidationError("--\(name) must be a comma-separated list of positive numbers (got \"\(part)\")")
            }
            values.append(v)
        }
        return values
    }

    func run() throws {
        let ls = try parseList(lambdas, "lambdas"), ms = try parseList(mus, "mus")
        let points: [SingleMixExperiment.Point]
        do {
            points = try SingleMixExperiment.figure4(seed: seed, lambdas: ls, mus: ms) { i, n in
                printError("loopix-sim: point \(i) of \(n)")
            }
        } catch {
            throw ValidationError(error.description)
        }
        print("     λ (1/s)     µ (1/s)     λ/µ  Danezis H (bits)    log2(e·λ/µ)  eq.(5) H   occupancy")
        for p in points {
            print(
                String(
                    format: "%12.2f %11.3f %7.1f %19.3f %12.3f %10.3f %11.2f",
                    p.lambda, p.mu, p.lambda / p.mu, p.danezisEntropy, p.danezisClosedForm,
                    p.poolEntropy, p.occupancyMean))
        }
        if let path = json { try encodeJSON(points).write(to: URL(fileURLWithPath: path)) }
        if let path = csv {
            var s =
                "lambda,mu,outputs,danezisEntropy,danezisClosedForm,poolEntropy,occupancyMean,occupancyVariance,occupancyClosedForm\n"
            for p in points {
                s +=
                    "\(p.lambda),\(p.mu),\(p.outputs),\(p.danezisEntropy),\(p.danezisClosedForm),\(p.poolEntropy),\(p.occupancyMean),\(p.occupancyVariance),\(p.occupancyClosedForm)\n"
            }
            try Data(s.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}

/// The Loopix vector files are written by `vectors-gen generate`, the one tool that writes
/// TestVectors/ (SPEC.md chapter 9). This subcommand, which used to write them too, is kept
/// hidden only to say so.
struct Vectors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Removed: `vectors-gen generate` writes the Loopix test vectors.",
        shouldDisplay: false)

    @Option(help: "Ignored.")
    var out: String?

    func run() throws {
        throw ValidationError(
            "loopix-sim no longer writes vectors: run `swift run vectors-gen generate` (or scripts/vectors), "
                + "which writes every file under TestVectors/, the Loopix ones included.")
    }
}

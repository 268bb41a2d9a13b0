import ArgumentParser
import Foundation
import LoopixSpec

/// Reads a file the user names, or ends in a validation error naming it.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("cannot read \(path) as UTF-8 text")
    }
    return text
}

/// Reads an observation file and, if named, its ground truth (SPEC.md LOOPIX-ADV-FILE-READ).
func readObservation(_ path: String, truth: String?) throws -> (
    ObservationFile.Header, [LinkEvent], [ObserverRecording.TruthEntry]?
) {
    do {
        let (header, events) = try ObservationFile.parseObservation(try readText(path))
        let entries = try truth.map { try ObservationFile.parseTruth(try readText($0), events: events.count) }
        return (header, events, entries)
    } catch let e as AdversaryError {
        throw ValidationError("\(e.description)")
    }
}

extension Attack {
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trace messages through the mixes from the global observer's view (Bayesian pool-mass tracker).",
            discussion: """
                Without --observation, simulates a run and attacks its view. With --observation FILE, attacks \
                that file (SPEC.md LOOPIX-ADV-FILE; the network and µ come from its header) and prints the \
                guesses; with --truth too, scores them.
                """)

        @Option(help: "Preset to start from: nym, loopix-paper or mixim.")
        var preset: String = "loopix-paper"
        @Option(help: "Number of clients.") var clients: Int = 40
        @Option(help: "µ, rate of the per-hop delay (1/s).") var mu: Double?
        @Option(help: "Number of mix layers.") var layers: Int?
        @Option(name: .customLong("mixes-per-layer"), help: "Mixes in each layer.") var mixesPerLayer: Int?
        @Option(name: .customLong("lambda-m"), help: "λ_M (1/s); the tracer is exact only with 0.")
        var lambdaM: Double = 0
        @Option(help: "Virtual seconds to simulate.") var duration: Double = 60
        @Option(name: .customLong("burn-in"), help: "Seconds before targets are taken.") var burnIn: Double = 10
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Option(help: "Targets to trace.") var targets: Int = 500
        @Option(help: "k of the top-k guess.") var k: Int = 5
        @Option(
            name: .customLong("write-observation"),
            help: "Also write the run's observer view (JSON lines, SPEC.md LOOPIX-ADV-FILE) to this file.")
        var writeObservation: String?
        @Option(name: .customLong("write-truth"), help: "Also write the run's ground truth (JSON lines) to this file.")
        var writeTruth: String?
        @Option(help: "Attack this observation file instead of simulating.") var observation: String?
        @Option(help: "With --observation: its ground truth, to score the guesses.") var truth: String?
        @Option(help: "With --observation: first send time to take targets from (default 0).") var from: Double?
        @Option(help: "With --observation: last send time (default: the last event − 30·l/µ).") var to: Double?
        @OptionGroup var output: AttackOutput

        func run() throws {
            if let observation { return try attackFile(observation) }
            guard truth == nil else { throw ValidationError("--truth needs --observation") }
            var p = try CommandLineModel.parameters(preset: preset)
            p.clients = clients
            p.lambdaM = lambdaM
            if let v = mu { p.mu = v }
            if let v = layers { p.layers = v }
            if let v = mixesPerLayer { p.mixesPerLayer = v }
            let cooldown = min(10 * Double(p.layers) / p.mu, (duration - burnIn) / 2)
            let config = SimulationConfig(seed: seed, duration: duration, burnIn: burnIn, cooldown: cooldown)
            let simulator: LoopixSimulator
            do { simulator = try LoopixSimulator(parameters: p, config: config) } catch {
                throw ValidationError(error.description)
            }
            if !output.quiet { printError("loopix-sim: simulating \(duration) s and tracing up to \(targets) targets") }
            let (result, recording) = ObserverRecording.run(simulator, progress: output.progress("simulating"))
            if let path = writeObservation {
                try Data(ObservationFile.observationText(recording.observation, parameters: p).utf8)
                    .write(to: URL(fileURLWithPath: path))
            }
            if let path = writeTruth {
                try Data(ObservationFile.truthText(recording.truth).utf8).write(to: URL(fileURLWithPath: path))
            }
            let r: TracingReport
            do {
                r = try TracingAttack.score(
                    result: result, recording: recording, burnIn: burnIn, targets: targets, k: k)
            } catch { throw ValidationError(error.description) }
            printReport(r)
            try output.write(r)
        }

        /// The attack on a user's file (SPEC.md LOOPIX-ADV-FILE-READ, LOOPIX-ADV-TRACE-3).
        func attackFile(_ path: String) throws {
            let (h, events, entries) = try readObservation(path, truth: truth)
            let horizon = 30 * Double(h.layers) / h.mu
            let start = from ?? 0, end = to ?? ((events.last?.time ?? 0) - horizon)
            let result: TracingAttack.ViewResult
            do {
                result = try TracingAttack.onView(
                    events, layers: h.layers, mixesPerLayer: h.mixesPerLayer, mu: h.mu, from: start, to: end,
                    targets: targets, k: k, truth: entries)
            } catch { throw ValidationError(error.description) }
            print(
                "observation                        \(events.count) link events,"
                    + " sends in [\(f(start, 3)), \(f(end, 3))] s"
            )
            print("targets with a posterior           \(result.guesses.count)")
            if let r = result.report {
                printReport(r)
            } else {
                print("send line  time      sender             exit line  provider  time      probability  H (bits)")
                for g in result.guesses.prefix(10) {
                    let best = g.exits[0]
                    let pad = { (s: String, n: Int) in s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0)
                    }
                    print(
                        pad(String(g.send + 2), 11) + pad(f(g.time, 3), 10) + pad(g.sender, 19)
                            + pad(String(best.event + 2), 6) + pad(best.provider, 10) + pad(f(best.time, 3), 10)
                            + pad(f(best.probability), 13) + f(g.entropy, 3))
                }
                if result.guesses.count > 10 { print("… (all \(result.guesses.count) with --json)") }
            }
            try output.write(result)
        }

        func printReport(_ r: TracingReport) {
            print("targets traced                     \(r.targets)")
            print("top-1 success                      \(f(r.top1Success)) ± \(f(r.top1StandardError)) (SE)")
            print("top-\(r.k) success                      \(f(r.topKSuccess))")
            print("mean top posterior probability     \(f(r.meanTopProbability))   (calibration: ≈ top-1 success)")
            print("mean Fano bound on top-1           \(f(r.meanFanoBound))   (success must not exceed it)")
            print(
                "posterior entropy H over exits     \(f(r.meanPosteriorEntropy)) bits;"
                    + " mean 2^−H \(f(r.meanTwoToMinusH))"
            )
            print("exit candidates per target         \(f(r.meanCandidates, 1))")
            if let hs = r.senderEntropy, let two = r.senderTwoToMinusH {
                print("sender entropy (metric)            \(f(hs)) bits; 2^−H \(f(two))")
            }
        }
    }
}

import ArgumentParser
import Foundation
import LoopixSpec

/// `loopix-sim attack …`: the adversaries of SPEC.md §8.13, each printing its figures beside the
/// closed form or bound it is measured against, and writing them as JSON with --json.
struct Attack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an adversary against Loopix (SPEC.md §8.13): trace, disclosure, drop, nminus1.",
        discussion: """
            Examples:
              loopix-sim attack trace --preset loopix-paper --clients 40 --mu 10 --targets 500
              loopix-sim attack trace --write-observation view.jsonl --write-truth truth.jsonl
              loopix-sim attack trace --observation view.jsonl [--truth truth.jsonl]   (attack a file)
              loopix-sim attack disclosure --cover none --json sda.json
              loopix-sim attack disclosure --trace --trials 20 --max-rounds 300   (on simulator runs)
              loopix-sim attack disclosure --observation view.jsonl --writer 0 --friends 2 --start 5
              loopix-sim attack drop --attacked-layers 1 --fraction 0.34 --drop 1
              loopix-sim attack nminus1 --lambda-m 2 --window 5 --times 0.5,1,2,5,10
              loopix-sim attack drop --packets --preset nym --attacked-layers 1 --fraction 0.5 --json drop.json
              loopix-sim attack nminus1 --packets --lambda-m 4 --mu 10 --layers 2 --window 1 --timeout 0.5 --times 0.5,1
            """,
        subcommands: [Trace.self, Disclosure.self, Drop.self, NMinusOne.self])
}

/// Options every attack shares: where the figures go, and quiet.
struct AttackOutput: ParsableArguments {
    @Option(help: "Write the figures as JSON to this file.")
    var json: String?
    @Flag(help: "No progress on stderr.")
    var quiet = false

    func write<T: Encodable>(_ value: T) throws {
        guard let path = json else { return }
        try encodeJSON(value).write(to: URL(fileURLWithPath: path))
        if !quiet { printError("loopix-sim: wrote \(path)") }
    }

    func progress(_ what: String) -> (Double) -> Void {
        { fraction in
            guard !quiet else { return }
            FileHandle.standardError.write(
                Data(String(format: "\rloopix-sim: %@ %3d%%", what, Int(fraction * 100)).utf8))
            if fraction >= 1 { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}

func parseNumbers(_ s: String, _ name: String) throws -> [Double] {
    try s.split(separator: ",").map {
        guard let v = Double($0.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw ValidationError("--\(name) must be a comma-separated list of numbers (got \"\($0)\")")
        }
        return v
    }
}

func f(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }

extension Attack {
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Malicious mixes drop packets; an honest client's loops measure it and name them.")

        @Option(help: "Preset for the topology and λ_L.") var preset: String = "loopix-paper"
        @Option(name: .customLong("attacked-layers"), help: "Layers with malicious mixes, comma-separated (from 0).")
        var attackedLayers: String = "1"
        @Option(help: "Fraction of the mixes of each attacked layer that are malicious.") var fraction: Double = 0.34
        @Option(name: .customLong("drop"), help: "Probability a malicious mix drops a packet.") var dropProbability:
            Double = 1
        @Option(help: "Loops the honest client sends.") var loops: Int = 5000
        @Option(help: "z of the naming rule.") var z: Double = 4
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Option(name: .customLong("loop-timeout"), help: "With --packets: seconds after which a loop is lost.")
        var loopTimeout: Double = 2
        @OptionGroup var net: PacketAttackOptions
        @OptionGroup var output: AttackOutput

        func run() throws {
            if net.packets { return try runPackets() }
            let p = try CommandLineModel.parameters(preset: preset)
            let layerList = try parseNumbers(attackedLayers, "attacked-layers").map { Int($0) }
            let s = DroppingAttack.Setting(layers: layerList, fraction: fraction, dropProbability: dropProbability)
            let r: DroppingAttack.Report
            do { r = try DroppingAttack.run(s, parameters: p, loops: loops, z: z, seed: seed) } catch {
                throw ValidationError(error.description)
            }
            print("malicious mixes                    \(r.culprits)")
            print(
                "delivered                          \(f(r.delivered)) ± \(f(r.deliveredStandardError));"
                    + " predicted \(f(r.deliveredPredicted))"
            )
            print("loss rate per mix (client's view)  " + r.lossRatePerMix.map { f($0, 3) }.joined(separator: " "))
            print("named at the end                   \(r.named)")
            print(
                "detection time                     "
                    + (r.detectionTime.map { "\(f($0, 1)) s of loops at λ_L = \(p.lambdaL)/s" }
                        ?? "not within the run")
            )
            try output.write(r)
        }
    }

    struct NMinusOne: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nminus1",
            abstract: "(n − 1) blocking of one mix: does the mix notice through its own loops?")

        @Option(name: .customLong("lambda-m"), help: "λ_M (1/s).") var lambdaM: Double = 1
        @Option(help: "µ (1/s).") var mu: Double = 2
        @Option(help: "Layers (a loop crosses the other l − 1).") var layers: Int = 3
        @Option(help: "The paper's s > 1: alarm below λ_M/s.") var s: Double = 2
        @Option(help: "Window w (s) of the threshold rule.") var window: Double = 5
        @Option(help: "Timeout (s) of the timeout rule.") var timeout: Double = 5
        @Option(name: .customLong("pool"), help: "Messages in the target's pool, k.") var poolSize: Int = 10
        @Option(help: "Blocking times t (s), comma-separated.") var times: String = "0.5,1,2,5,10,20"
        @Option(help: "Trials per t.") var trials: Int = 20000
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Option(help: "With --packets: preset of the behaviour (nym or loopix-paper).") var preset = "loopix-paper"
        @Option(help: "With --packets: the target mix (global index).") var target = 0
        @Option(help: "With --packets: the held packets at the end, release or drop.") var afterwards = "release"
        @Option(help: "With --packets: seconds between episodes (default w + τ_q + 10/µ).") var gap: Double?
        @OptionGroup var net: PacketAttackOptions
        @OptionGroup var output: AttackOutput

        func run() throws {
            if net.packets { return try runPackets() }
            let setting = NMinusOneAttack.Setting(
                lambdaM: lambdaM, mu: mu, layers: layers, s: s, window: window, timeout: timeout, poolSize: poolSize)
            let r: NMinusOneAttack.Report
            do {
                r = try NMinusOneAttack.run(
                    setting, times: try parseNumbers(times, "times"), trials: trials, seed: seed,
                    progress: output.progress("blocking times"))
            } catch let e as AdversaryError { throw ValidationError(e.description) }
            print(
                "      t  threshold: detect  false   timeout: detect  predicted  false   1−e^(−λ_M t)"
                    + "  flushed  (1−e^(−µt))^k  isolated&unseen"
            )
            for q in r.points {
                print(
                    String(
                        format: "%7.2f  %17.4f %6.4f %16.4f %10.4f %6.4f %14.4f %8.4f %14.4f %16.4f", q.t,
                        q.thresholdDetection, q.thresholdFalseAlarm, q.timeoutDetection, q.timeoutDetectionPredicted,
                        q.timeoutFalseAlarm, q.formulaNoTransit, q.flushed, q.flushedPredicted, q.isolatedUndetected))
            }
            try output.write(r)
        }
    }
}

import ArgumentParser
import Foundation
import LoopixSpec

extension Attack {
    struct Disclosure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Statistical disclosure attack on a client writing to a few friends, with and without cover.",
            discussion: """
                Three forms. By default the rounds model (SPEC.md LOOPIX-ADV-SDA-1, -2). With --trace, \
                simulator runs in which client 0 writes to clients 1 … m, attacked on their observer view \
                (LOOPIX-ADV-SDA-5): --cover all runs the paper's and Nym's rule, each with the given λ_L, λ_D \
                and without them; with --trace --packets, packet-level runs on real Sphinx packets instead \
                (LOOPIX-ADV-SDA-PKT: the paper's rule with the loopix-paper behaviour, Nym's with Nym's, \
                acks and push included). With --observation FILE, the attack on that file (LOOPIX-ADV-SDA-4): name \
                the writer, m, the round length and the start; with --truth, scored.
                """)

        @Option(help: "Cover rule of Alice's client: none, paper (drop in an empty slot), nym (loop), or all.")
        var cover: String = "all"
        @Option(help: "Recipients N (the last one is Alice's own inbox).") var recipients: Int = 100
        @Option(help: "Alice's friends m.") var friends: Int = 3
        @Option(name: .customLong("round-length"), help: "Seconds per round.") var roundLength: Double = 10
        @Option(help: "Deliveries per second by everybody else.") var background: Double = 5
        @Option(name: .customLong("real-rate"), help: "Alice's real messages per second.") var realRate: Double = 0.2
        @Option(name: .customLong("lambda-p"), help: "λ_P (1/s).") var lambdaP: Double = 1
        @Option(name: .customLong("lambda-l"), help: "λ_L (1/s).") var lambdaL: Double = 0.5
        @Option(name: .customLong("lambda-d"), help: "λ_D (1/s).") var lambdaD: Double = 0.5
        @Option(name: .customLong("max-rounds"), help: "Rounds per trial.") var maxRounds: Int = 1000
        @Option(help: "Trials per setting.") var trials: Int = 20
        @Option(help: "Batch size b of the threshold-mix check (Danezis 2003).") var batch: Int = 10
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Flag(help: "Attack simulator runs (clients = providers = --clients, µ = --mu).") var trace = false
        @Option(help: "With --trace: clients, each with a provider of its own.") var clients: Int = 10
        @Option(help: "With --trace: µ (1/s).") var mu: Double = 10
        @Option(name: .customLong("burn-in"), help: "With --trace: seconds before the first round.") var burnIn:
            Double = 5
        @Flag(help: "With --trace: Alice writes uniformly (negative control; clients 1 … m scored).") var uniform =
            false
        @Flag(help: "With --trace: attack packet-level runs (real Sphinx packets, SPEC.md LOOPIX-ADV-SDA-PKT).")
        var packets = false
        @Option(help: "With --trace --packets: threads doing each run's Sphinx work (the figures do not depend on it).")
        var threads = 1
        @Option(help: "Attack this observation file.") var observation: String?
        @Option(help: "With --observation: its ground truth, to score.") var truth: String?
        @Option(help: "With --observation: the client watched (Alice).") var writer: Int = 0
        @Option(help: "With --observation: start of the first round (s).") var start: Double = 0
        @OptionGroup var output: AttackOutput

        struct Output: Encodable {
            var threshold: DisclosureAttack.ThresholdSetting
            var thresholdRounds: [Int?]
            var predictedRoundsL2: Double
            var predictedRoundsL3: Double
            var curves: [DisclosureAttack.Curve]
        }

        /// The attack on a file: the guesses, and with the truth the rounds to disclosure.
        struct FileOutput: Encodable {
            var run: DisclosureAttack.ViewRun
            var friendProviders: [Int]?
            var roundsCorrelation: Int?
            var roundsExcess: Int?
        }

        func validate() throws {
            if packets && !trace { throw ValidationError("--packets goes with --trace") }
            if threads != 1 && !packets { throw ValidationError("--threads goes with --trace --packets") }
        }

        func run() throws {
            do {
                if let observation { return try attackFile(observation) }
                if trace { return try attackTraces() }
                try roundsModel()
            } catch let e as AdversaryError {
                throw ValidationError(e.description)
            }
        }

        func rules() throws -> [DisclosureAttack.Cover] {
            if cover == "all" { return DisclosureAttack.Cover.allCases }
            guard let c = DisclosureAttack.Cover(rawValue: cover) else {
                throw ValidationError("--cover must be none, paper, nym or all")
            }
            return [c]
        }

        func roundsModel() throws {
            let th = DisclosureAttack.ThresholdSetting(recipients: recipients, friends: friends, batch: batch)
            let rounds = try DisclosureAttack.thresholdRoundsToDisclosure(
                th, maxRounds: maxRounds, trials: trials, seed: seed)
            let found = rounds.compactMap { $0 }.sorted()
            let l2 = DisclosureAttack.predictedRounds(th, confidence: 2)
            let l3 = DisclosureAttack.predictedRounds(th, confidence: 3)
            print(
                "threshold mix N=\(recipients) m=\(friends) b=\(batch): median rounds "
                    + (found.isEmpty ? "-" : "\(found[(found.count - 1) / 2])")
                    + " (\(found.count)/\(trials) disclosed); Danezis 2003: \(f(l2, 0)) (l=2), \(f(l3, 0)) (l=3)"
            )
            var curves: [DisclosureAttack.Curve] = []
            for (i, rule) in try rules().enumerated() {
                let setting = DisclosureAttack.LoopixSetting(
                    recipients: recipients, friends: friends, roundLength: roundLength, backgroundRate: background,
                    realRate: realRate, cover: rule, lambdaP: lambdaP, lambdaL: lambdaL, lambdaD: lambdaD)
                let c = try DisclosureAttack.loopixCurve(
                    setting, maxRounds: maxRounds, trials: trials, seed: seed &+ UInt64(i + 1),
                    progress: output.progress("cover \(rule.rawValue)"))
                curves.append(c)
                print(
                    "cover \(rule.rawValue): median rounds to disclosure, correlation "
                        + "\(median(c.medianRoundsCorrelation)), excess \(median(c.medianRoundsExcess))")
                printCurve(c.checkpoints, c.correlationCorrect, c.excessCorrect)
            }
            try output.write(
                Output(
                    threshold: th, thresholdRounds: rounds, predictedRoundsL2: l2, predictedRoundsL3: l3,
                    curves: curves))
        }

        /// Simulator runs (SPEC.md LOOPIX-ADV-SDA-5): each rule with and without λ_L, λ_D.
        func attackTraces() throws {
            let chosen = try rules().filter { $0 != .none }
            guard !chosen.isEmpty else {
                throw ValidationError("--trace: a simulator client always has a payload stream; use paper, nym or all")
            }
            guard clients >= friends + 2, friends >= 1 else {
                throw ValidationError("--trace needs clients ≥ friends + 2")
            }
            var p = LoopixParameters.loopixPaper
            p.clients = clients
            p.providers = clients
            p.lambdaM = 0
            p.mu = mu
            p.lambdaP = lambdaP
            p.realMessageRate = realRate
            p.pullSize = 10
            let covers = lambdaL > 0 || lambdaD > 0 ? [(lambdaL, lambdaD), (0.0, 0.0)] : [(0.0, 0.0)]
            var curves: [DisclosureAttack.TraceCurve] = []
            for rule in chosen {
                for (l, d) in covers {
                    p.lambdaL = l
                    p.lambdaD = d
                    let habit = WritingHabit(
                        writer: 0, friends: uniform ? [] : Array(1...friends), emptySlotLoops: rule == .nym)
                    let s = DisclosureAttack.TraceSetting(
                        parameters: p, habit: habit, scoredFriends: Array(1...friends), roundLength: roundLength,
                        burnIn: burnIn, rounds: maxRounds)
                    let name = "\(rule.rawValue) rule, λ_L = \(l), λ_D = \(d)"
                    let c =
                        packets
                        ? try DisclosureAttack.packetCurve(
                            s, behaviour: rule == .nym ? .nym : .loopixPaper, trials: trials, seed: seed,
                            threads: threads, progress: output.progress(name))
                        : try DisclosureAttack.traceCurve(
                            s, trials: trials, seed: seed, progress: output.progress(name))
                    curves.append(c)
                    if packets { print("runs: \(c.runs)") }
                    print(
                        "\(name): median rounds to disclosure, correlation \(median(c.medianRoundsCorrelation)),"
                            + " excess \(median(c.medianRoundsExcess))")
                    print(
                        "  rounds model (B = \(f(c.model.backgroundRate, 1))/s): correlation"
                            + " \(median(c.modelMedianRoundsCorrelation)), excess \(median(c.modelMedianRoundsExcess));"
                            + " Danezis l=1,2,3: " + c.predictedRounds.map { f($0, 1) }.joined(separator: ", "))
                    print(
                        "  excess, each run: "
                            + c.roundsExcess.map { $0.map(String.init) ?? "-" }.joined(separator: " "))
                    printCurve(c.checkpoints, c.correlationCorrect, c.excessCorrect)
                }
            }
            try output.write(curves)
        }

        /// The attack on a user's observation file (SPEC.md LOOPIX-ADV-SDA-4, LOOPIX-ADV-FILE-READ).
        func attackFile(_ path: String) throws {
            let (h, events, entries) = try readObservation(path, truth: truth)
            let run = try DisclosureAttack.onView(
                events, providers: h.providers, layers: h.layers, mixesPerLayer: h.mixesPerLayer,
                setting: .init(writer: writer, friends: friends, roundLength: roundLength, start: start))
            print("rounds \(run.rounds) of \(f(roundLength, 1)) s; Alice (c\(writer)) uses p\(run.writerProvider)")
            let name = { (g: [Int]) in g.isEmpty ? "(tie)" : g.map { "p\($0)" }.joined(separator: " ") }
            print(
                "named after the last round: correlation \(name(run.correlationGuesses.last ?? [])),"
                    + " excess \(name(run.excessGuesses.last ?? []))")
            var out = FileOutput(run: run)
            if let entries {
                let truthFriends = DisclosureAttack.friendProviders(
                    events, truth: entries, writer: writer, layers: h.layers, mixesPerLayer: h.mixesPerLayer)
                out.friendProviders = truthFriends.sorted()
                out.roundsCorrelation = DisclosureAttack.roundsToDisclosure(
                    run.correlationGuesses, friends: truthFriends)
                out.roundsExcess = DisclosureAttack.roundsToDisclosure(run.excessGuesses, friends: truthFriends)
                print(
                    "ground truth: her real messages reach \(name(truthFriends.sorted())); rounds to disclosure:"
                        + " correlation \(disclosed(out.roundsCorrelation)), excess \(disclosed(out.roundsExcess))")
            }
            try output.write(out)
        }

        func median(_ x: Int?) -> String { x.map(String.init) ?? "not within \(maxRounds)" }
        func disclosed(_ x: Int?) -> String { x.map(String.init) ?? "not disclosed by the last round" }

        func printCurve(_ checkpoints: [Int], _ correlation: [Double], _ excess: [Double]) {
            print("  round:       " + checkpoints.map { String(format: "%6d", $0) }.joined())
            print("  correlation: " + correlation.map { String(format: "%6.2f", $0) }.joined())
            print("  excess:      " + excess.map { String(format: "%6.2f", $0) }.joined())
        }
    }
}

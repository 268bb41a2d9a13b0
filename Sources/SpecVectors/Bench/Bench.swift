import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The benchmark. The project's rule: speed is reported as RATIOS against a baseline measured in
// the same run (one X25519 scalar multiplication), never as a timed test that can fail on a
// noisy machine. Absolute times depend on the machine; ratios are what can be compared.

/// Which clock times a run.
public enum BenchClock: String, Codable, CaseIterable, Sendable {
    /// Elapsed time on the monotonic `ContinuousClock` (the default). Time the thread spends
    /// preempted is counted, so on a busy machine long cases (several ms, longer than a
    /// scheduler time slice) are inflated more than the short baseline.
    case monotonic
    /// CPU time of the measuring thread (`CLOCK_THREAD_CPUTIME_ID`): preemption is not
    /// counted, which keeps the ratios of long cases steady on a loaded machine.
    case threadCPU = "thread-cpu"

    /// Reads the clock, in nanoseconds.
    func now() -> Double {
        switch self {
        case .monotonic:
            return BenchRunner.nanoseconds(ContinuousClock.now - BenchClock.origin)
        case .threadCPU:
            var time = timespec()
            guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return .nan }
            return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
        }
    }

    /// A fixed instant, so that monotonic readings are small durations (full `Double` precision).
    static let origin = ContinuousClock.now
}

/// How much to measure.
public struct BenchOptions: Codable, Equatable, Sendable {
    /// Timed repetitions of each case per round (each paired with one of the baseline).
    public var repetitions: Int
    /// Rounds: every case is measured once per round; the ratio's min–max is over rounds.
    public var rounds: Int
    /// Untimed runs of each case (and of the baseline) before the first round.
    public var warmup: Int
    /// Only cases whose id contains this text (nil: all).
    public var filter: String?
    public var clock: BenchClock

    public init(repetitions: Int, rounds: Int, warmup: Int, filter: String?, clock: BenchClock = .monotonic) {
        self.repetitions = repetitions
        self.rounds = rounds
        self.warmup = warmup
        self.filter = filter
        self.clock = clock
    }

    public static let standard = BenchOptions(repetitions: 30, rounds: 5, warmup: 3, filter: nil)
    /// For the structural test: every case runs, the figures mean nothing.
    public static let quick = BenchOptions(repetitions: 2, rounds: 2, warmup: 1, filter: nil)
}

/// The benchmark's own failures.
public enum BenchError: Error, Equatable, CustomStringConvertible {
    /// A count was too small: repetitions and rounds must be at least 1, warm-up at least 0.
    case invalidOption(name: String, value: Int)
    /// `--filter` matched no case.
    case noCaseMatches(filter: String)
    /// Building a case's fixtures, or running it, threw (a bug: the fixtures are fixed).
    case caseFailed(id: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidOption(name, value): return "\(name) is too small (got \(value))"
        case let .noCaseMatches(filter): return "no benchmark case id contains \"\(filter)\""
        case let .caseFailed(id, reason): return "benchmark case \(id) failed: \(reason)"
        }
    }
}

/// The figures for one case.
struct BenchCaseResult: Codable, Equatable, Sendable {
    let id: String
    let title: String
    /// Median of every timed run of the case, over all rounds (nanoseconds).
    let medianNanoseconds: Double
    /// Median of the baseline runs paired with this case (nanoseconds).
    let baselineMedianNanoseconds: Double
    /// The median over rounds of (case median ÷ paired baseline median): how many X25519
    /// operations' worth of time the case takes.
    let ratio: Double
    let ratioMin: Double
    let ratioMax: Double
    /// One ratio per round, in order.
    let roundRatios: [Double]
    /// The fastest run of the case and of its paired baseline runs, over all rounds
    /// (nanoseconds), and their ratio. Load only ever adds time, so this ratio is the one that
    /// moves least on a busy machine; it is a lower bound of the typical cost.
    let minNanoseconds: Double
    let baselineMinNanoseconds: Double
    let fastestRatio: Double
}

/// Everything one run measured; `--json` writes this.
public struct BenchReport: Codable, Equatable, Sendable {
    /// "release" or "debug": the configuration the benchmark itself was compiled in.
    let buildConfiguration: String
    let options: BenchOptions
    let baselineID: String
    let baselineTitle: String
    /// Median of every baseline run in the whole benchmark (nanoseconds).
    let baselineMedianNanoseconds: Double
    let cases: [BenchCaseResult]
    let notes: [String]
    /// The result bytes of every run folded together; meaningless except that computing it keeps
    /// the optimiser from removing the measured work.
    let checksum: UInt8
    /// The packet-level run's derived figures, when its case and its unit cases were measured.
    var packetRun: PacketRunFigures? = nil
}

/// Measures the cases against the baseline.
public enum BenchRunner {
    static var buildConfiguration: String {
        #if DEBUG
            return "debug"
        #else
            return "release"
        #endif
    }

    static let notes: [String] = [
        "Absolute times depend on the machine and its load; only the ratios (× one X25519 scalar multiplication measured in the same run) are comparable between machines.",
        "Each case's runs are interleaved one for one with baseline runs, so drift and load affect both; × X25519 is the median over rounds of median(case) ÷ median(baseline), min–max its spread over rounds.",
        "fastest = the case's fastest run ÷ the baseline's fastest run: load only adds time, so on a shared machine this column (best with --clock thread-cpu) moves least.",
    ]

    static let debugWarning =
        "WARNING: this is a debug build; its figures are meaningless. Build with `swift build -c release` and run .build/release/vectors-gen bench."

    /// Runs the benchmark.
    ///
    /// Method: warm every case and the baseline up; then, in each round and for each case,
    /// run `repetitions` pairs of one baseline run and one case run (which goes first
    /// alternates from pair to pair), timing each run with the monotonic `ContinuousClock`
    /// (or the thread's CPU time). The round's ratio is median(case) ÷ median(baseline).
    /// Reported: the median case time over all rounds, the median of the round ratios, and their
    /// min and max.
    public static func run(_ options: BenchOptions) throws(BenchError) -> BenchReport {
        // Step 1: check the options and build every fixture (untimed).
        guard options.repetitions >= 1 else { throw .invalidOption(name: "--repetitions", value: options.repetitions) }
        guard options.rounds >= 1 else { throw .invalidOption(name: "--rounds", value: options.rounds) }
        guard options.warmup >= 0 else { throw .invalidOption(name: "--warmup", value: options.warmup) }
        let baseline: BenchCase
        var cases: [BenchCase]
        do {
            baseline = try BenchCases.baseline()
            cases = try BenchCases.all()
        } catch {
            throw .caseFailed(id: "setup", reason: "\(error)")
        }
        if let filter = options.filter {
            cases = cases.filter { $0.id.contains(filter) }
            guard !cases.isEmpty else { throw .noCaseMatches(filter: filter) }
        }

        // Step 2: warm up (caches, lazy initialisation such as libsodium's sodium_init).
        var checksum: UInt8 = 0
        for benchCase in [baseline] + cases {
            for _ in 0..<options.warmup { checksum ^= try call(benchCase) }
        }

        // Step 3: the rounds, each case paired run by run with the baseline.
        let clock = options.clock
        func timed(_ benchCase: BenchCase) throws(BenchError) -> Double {
            let start = clock.now()
            checksum ^= try call(benchCase)
            return clock.now() - start
        }
        var caseSamples = Array(repeating: [Double](), count: cases.count)
        var pairedBaselineSamples = Array(repeating: [Double](), count: cases.count)
        var roundRatios = Array(repeating: [Double](), count: cases.count)
        var allBaselineSamples: [Double] = []
        for _ in 0..<options.rounds {
            for (index, benchCase) in cases.enumerated() {
                var baselineTimes: [Double] = []
                var caseTimes: [Double] = []
                for repetition in 0..<options.repetitions {
                    // Which of the pair runs first alternates, so neither gains from going second.
                    if repetition % 2 == 0 {
                        baselineTimes.append(try timed(baseline))
                        caseTimes.append(try timed(benchCase))
                    } else {
                        caseTimes.append(try timed(benchCase))
                        baselineTimes.append(try timed(baseline))
                    }
                }
                roundRatios[index].append(median(caseTimes) / median(baselineTimes))
                caseSamples[index] += caseTimes
                pairedBaselineSamples[index] += baselineTimes
                allBaselineSamples += baselineTimes
            }
        }

        // Step 4: summarise.
        let results = cases.indices.map { index in
            BenchCaseResult(
                id: cases[index].id, title: cases[index].title,
                medianNanoseconds: median(caseSamples[index]),
                baselineMedianNanoseconds: median(pairedBaselineSamples[index]),
                ratio: median(roundRatios[index]),
                ratioMin: roundRatios[index].min() ?? .nan,
                ratioMax: roundRatios[index].max() ?? .nan,
                roundRatios: roundRatios[index],
                minNanoseconds: caseSamples[index].min() ?? .nan,
                baselineMinNanoseconds: pairedBaselineSamples[index].min() ?? .nan,
                fastestRatio: (caseSamples[index].min() ?? .nan) / (pairedBaselineSamples[index].min() ?? .nan))
        }
        var reportNotes = notes
        let unsteady = results.filter(isUnsteady).map(\.id)
        if !unsteady.isEmpty {
            reportNotes.append(
                "Unsteady (the median ratio is over 10% above the fastest, or two rounds are over 10% away from it; the machine was busy): "
                    + unsteady.joined(separator: ", ")
                    + ". Rerun on a quiet machine or with --clock thread-cpu, or read the fastest column.")
        }
        // The packet-level run's figures need the Sphinx work of one run, counted untimed.
        var packetRun: PacketRunFigures?
        if results.contains(where: { $0.id == PacketRunBench.runID }) {
            do {
                packetRun = PacketRunFigures.derive(results, work: try PacketRunBench.work())
            } catch {
                throw .caseFailed(id: PacketRunBench.runID, reason: "\(error)")
            }
            if let packetRun { reportNotes.append(packetRun.note) }
        }
        if buildConfiguration == "debug" { reportNotes.append(debugWarning) }
        return BenchReport(
            buildConfiguration: buildConfiguration, options: options,
            baselineID: baseline.id, baselineTitle: baseline.title,
            baselineMedianNanoseconds: median(allBaselineSamples),
            cases: results, notes: reportNotes, checksum: checksum, packetRun: packetRun)
    }

    /// A single disturbed round is normal and the median absorbs it; two or more mean the
    /// figure itself may be off. When most rounds were disturbed the rounds agree with each
    /// other, but the median ratio then rises above the fastest-run ratio (on a quiet machine
    /// the two are within about 2%).
    static func isUnsteady(_ result: BenchCaseResult) -> Bool {
        result.roundRatios.filter { abs($0 / result.ratio - 1) > 0.10 }.count >= 2
            || result.ratio > 1.10 * result.fastestRatio
    }

    static func call(_ benchCase: BenchCase) throws(BenchError) -> UInt8 {
        do {
            return try benchCase.run()
        } catch {
            throw .caseFailed(id: benchCase.id, reason: "\(error)")
        }
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    /// The median; the mean of the two middle values for an even count; NaN for none.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The plain-text table.
public enum BenchFormat {
    public static func table(_ report: BenchReport) -> String {
        var lines: [String] = []
        if report.buildConfiguration == "debug" { lines.append(BenchRunner.debugWarning); lines.append("") }
        lines.append(
            "Baseline: \(report.baselineTitle), median \(time(report.baselineMedianNanoseconds)) on this machine.")
        lines.append(
            "\(report.options.rounds) rounds × \(report.options.repetitions) repetitions per case, \(report.options.warmup) warm-up runs; \(report.options.clock.rawValue) clock; \(report.buildConfiguration) build."
        )
        lines.append("")
        let titleWidth = max(4, report.cases.map(\.title.count).max() ?? 0)
        let header =
            pad("case", titleWidth) + "  " + left("median", 10) + "  " + left("× X25519", 9) + "  "
            + pad("min–max over rounds", 19) + "  " + left("fastest", 8)
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count))
        for result in report.cases {
            lines.append(
                pad(result.title, titleWidth) + "  " + left(time(result.medianNanoseconds), 10) + "  "
                    + left(ratio(result.ratio), 9) + "  "
                    + pad(ratio(result.ratioMin) + "–" + ratio(result.ratioMax), 19)
                    + "  " + left(ratio(result.fastestRatio), 8))
        }
        lines.append("")
        lines += report.notes.filter { $0 != BenchRunner.debugWarning }.map { "Note: " + $0 }
        return lines.joined(separator: "\n")
    }

    static func time(_ ns: Double) -> String {
        guard ns.isFinite else { return "n/a" }
        if ns >= 1e6 { return String(format: "%.2f ms", ns / 1e6) }
        if ns >= 1e3 { return String(format: "%.1f µs", ns / 1e3) }
        return String(format: "%.0f ns", ns)
    }

    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func left(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

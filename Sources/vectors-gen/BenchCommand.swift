import ArgumentParser
import Foundation
import SpecVectors

extension BenchClock: ExpressibleByArgument {}

/// `vectors-gen bench`: prints the table, and writes the figures as JSON with `--json FILE`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure packet creation and processing as ratios to one X25519 operation.",
        discussion: """
            Each case is timed alternately with the baseline (one X25519 scalar multiplication, \
            libsodium) and reported as the ratio of the medians (and of the fastest runs, the figure \
            that moves least on a busy machine), so only ratios are comparable between machines. \
            Build with `swift build -c release`: debug figures are meaningless.
            """
    )

    @Option(name: .long, help: "Timed repetitions of each case per round.")
    var repetitions: Int = BenchOptions.standard.repetitions

    @Option(name: .long, help: "Rounds (the ratio's min–max is over rounds).")
    var rounds: Int = BenchOptions.standard.rounds

    @Option(name: .long, help: "Untimed warm-up runs of each case.")
    var warmup: Int = BenchOptions.standard.warmup

    @Flag(name: .long, help: "Tiny counts, to check that every case runs (figures meaningless).")
    var quick = false

    @Option(name: .long, help: "Only the cases whose id contains this text.")
    var filter: String?

    @Option(
        name: .long,
        help:
            "monotonic (elapsed time, the default) or thread-cpu (CPU time of this thread: steadier on a busy machine)."
    )
    var clock: BenchClock = .monotonic

    @Option(name: .long, help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "file"))
    var json: String?

    func run() throws {
        var options =
            quick
            ? BenchOptions.quick
            : BenchOptions(repetitions: repetitions, rounds: rounds, warmup: warmup, filter: nil)
        options.filter = filter
        options.clock = clock
        let report = try BenchRunner.run(options)
        print(BenchFormat.table(report))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
    }
}

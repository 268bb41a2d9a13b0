import ArgumentParser
import Foundation
import SpecVectors

/// `vectors-gen`: writes, checks and serves the test vectors. SPEC.md chapter 9.
///
/// A thin command line: argument parsing and printing only. The vectors, their verifiers, the
/// oracle and the benchmark are the SpecVectors library.
@main
struct VectorsGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors-gen",
        abstract: "Write, check and serve the sphinx-spec test vectors.",
        discussion: """
            generate (the default) writes every vector file under TestVectors/ (or --out DIR), \
            byte-identically on every run. verify checks every case of the given files (or of all \
            files under TestVectors/) against this implementation and ends with the line \
            "N passed, N failed". oracle answers one JSON request per line on stdin with one JSON \
            response per line on stdout; SPEC.md §9 documents the ops.
            """,
        subcommands: [Generate.self, Verify.self, OracleCommand.self, BenchCommand.self, ExplainCommand.self],
        defaultSubcommand: Generate.self
    )
}

/// Progress messages go to standard error, so that stdout stays machine-readable.
enum Progress {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every vector file (the default command).",
        discussion: "Schemas under TestVectors/schemas/ are written by hand and are not touched."
    )

    @Option(name: .long, help: "The folder to write into.")
    var out: String = "TestVectors"

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let entries = Catalog.entries()
        let root = URL(fileURLWithPath: out, isDirectory: true)
        var total = 0
        for (index, entry) in entries.enumerated() {
            if !quiet { Progress.note("[\(index + 1)/\(entries.count)] \(entry.path)") }
            let tests = try entry.write(under: root)
            total += tests
            if !quiet { print("\(entry.path): \(tests) tests") }
        }
        if !quiet { print("wrote \(entries.count) files, \(total) tests, into \(out)") }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check vector files against this implementation.",
        discussion: """
            Prints one line per file and, last, "N passed, N failed"; exits non-zero on any failure. \
            With --oracle, every Sphinx and primitives test is sent to that command instead (its error \
            names may differ from ours; acceptable tests pass either way); Loopix files are skipped.
            """
    )

    @Argument(help: "Vector files to check (default: every .json under --dir except schemas/ and external/).")
    var files: [String] = []

    @Option(name: .long, help: "The vector folder used when no files are given.")
    var dir: String = "TestVectors"

    @Option(name: .long, help: "How many failure details to print per file.")
    var details: Int = 20

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Check another implementation instead: a shell command that speaks the oracle protocol (SPEC.md §9.4) on stdin/stdout.",
            valueName: "command"))
    var oracle: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --oracle: seconds to wait for each answer; a request that times out or whose oracle crashes fails that case (SPEC.md ORACLE-EXTERNAL-2).",
            valueName: "seconds"))
    var oracleTimeout: Double = 10

    func validate() throws {
        guard oracleTimeout > 0, oracleTimeout <= 3600 else {
            throw ValidationError("--oracle-timeout must be in (0, 3600] seconds")
        }
    }

    func run() throws {
        let paths = files.isEmpty ? try VectorSummary.allFiles(under: dir) : files
        let external = try oracle.map { try ExternalOracle(command: $0, timeout: oracleTimeout) }
        if paths.isEmpty {
            print("no vector files found under \(dir)")
            throw ExitCode.failure
        }
        var total = VerifyReport()
        for (index, path) in paths.enumerated() {
            if paths.count > 3 { Progress.note("[\(index + 1)/\(paths.count)] \(path)") }
            let report = VectorSummary.verify(path: path, under: dir, oracle: external)
            print("\(path): \(report.passed) passed, \(report.failed) failed")
            for failure in report.failures.prefix(details) { print("  \(failure)") }
            if report.failures.count > details { print("  … and \(report.failures.count - details) more") }
            total.merge(report)
        }
        print("\(total.passed) passed, \(total.failed) failed")
        if total.failed > 0 { throw ExitCode.failure }
    }
}

struct OracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Answer JSON requests, one per line, on stdin/stdout.",
        discussion: """
            Each request is a JSON object with "op" and "profile" (see SPEC.md §9, "The oracle"). \
            Start with {"op":"describe"} to list the profiles and ops. Every line in gets exactly \
            one line out: the result, or {"error": NAME, "detail": TEXT}.
            """
    )

    func run() throws {
        Oracle().run()
    }
}

import ArgumentParser
import Foundation
import LoopixSpec

/// `loopix-sim links`: one packet-level run (SPEC.md §8.12), with every packet put on a link
/// written as JSON: when, from whom, to whom, what it is (ground truth no node sees) and the
/// packet's number. scripts/figures draws its sequence diagram and latency histogram from it.
struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the packet-level network and write every link event as JSON (for scripts/figures).",
        discussion: """
            Each event is {"t": seconds, "from": node, "to": node, "kind": real | payloadDrop | loop | drop \
            | mixLoop | "ack of …", "id": packet number}. The same seed gives the same file. Every hop is \
            real Sphinx cryptography, so keep runs small (a few clients, a few virtual seconds).
            """)

    @Option(help: "Preset: nym, loopix-paper or mixim (parameters and packet behaviour).")
    var preset: String = "nym"
    @Option(help: "Number of clients (default: the preset's).")
    var clients: Int?
    @Option(name: .customLong("mean-delay"), help: "Mean per-hop delay in seconds (default: the preset's 1/µ).")
    var meanDelay: Double?
    @Option(help: "Virtual seconds to simulate.")
    var duration: Double = 3
    @Option(name: .customLong("burn-in"), help: "Virtual seconds not measured at the start.")
    var burnIn: Double = 0.5
    @Option(help: "Virtual seconds not measured at the end.")
    var cooldown: Double = 0.5
    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 1
    @Option(help: "Write the events to this file (default: standard output).")
    var json: String?
    @Flag(help: "No progress on stderr.")
    var quiet = false

    /// One packet on one link.
    struct Event: Encodable {
        let t: Double
        let from: String
        let to: String
        let kind: String
        let id: Int
    }

    /// The file: the run's settings, then the events in the order they happened.
    struct Dump: Encodable {
        let preset: String
        let seed: UInt64
        let clients: Int
        let layers: Int
        let mixesPerLayer: Int
        /// µ, the rate of the per-hop delay (1/s).
        let mu: Double
        let duration: Double
        let events: [Event]
    }

    func run() throws {
        var p = try CommandLineModel.parameters(preset: preset)
        let behaviour = try CommandLineModel.behaviour(preset: preset)
        if let clients { p.clients = clients }
        if let meanDelay { p.mu = try CommandLineModel.mu(meanDelay: meanDelay) }
        let config = SimulationConfig(
            seed: seed, duration: duration, burnIn: burnIn, cooldown: cooldown, maxEvents: 100_000_000,
            trackSenderEntropy: false)
        var events: [Event] = []
        do {
            let simulator = try PacketSimulator(parameters: p, behaviour: behaviour, config: config)
            _ = try simulator.run(progress: progress()) { observation in
                events.append(
                    Event(
                        t: Double(observation.time) / 1e9, from: observation.from.description,
                        to: observation.to.description, kind: observation.truth.description, id: observation.packetID))
            }
        } catch {
            throw ValidationError("\(error)")
        }
        if !quiet { printError("") }
        let dump = Dump(
            preset: preset, seed: seed, clients: p.clients, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
            mu: p.mu, duration: duration, events: events)
        let data = try encodeJSON(dump)
        if let json {
            try data.write(to: URL(fileURLWithPath: json))
            if !quiet { printError("loopix-sim: wrote \(events.count) link events to \(json)") }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// A progress line on stderr, as `run` prints it.
    func progress() -> (Double) -> Void {
        var lastShown = -1
        return { fraction in
            let percent = Int(fraction * 100)
            guard !quiet, percent != lastShown else { return }
            lastShown = percent
            FileHandle.standardError.write(
                Data(String(format: "\rloopix-sim links: %3d%% of %.1f virtual s", percent, duration).utf8))
        }
    }
}

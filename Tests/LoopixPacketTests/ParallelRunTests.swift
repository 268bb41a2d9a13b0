import Foundation
import SphinxSpec
import Testing
@testable import LoopixSpec

/// LOOPIX-PKT-AHEAD: the packet-level run with Sphinx work done ahead on worker threads gives
/// the same output, byte for byte, as with one thread; and the work ahead is really used.
@Suite struct ParallelRunTests {
    /// The run's JSON, every packet on every link (SHA-256), and what was done ahead.
    static func run(
        _ preset: String, seed: UInt64, threads: Int
    ) throws -> (json: Data, links: [Bytes], stats: AheadWork.Stats?) {
        let (p, behaviour) = try PacketRunTests.small(preset)
        let config = SimulationConfig(seed: seed, duration: 1.5, burnIn: 0.3, cooldown: 0.2)
        var state = try PacketRunState(parameters: p, behaviour: behaviour, config: config)
        var links: [Bytes] = []
        state.observe = { links.append(SHA256.hash($0.bytes)) }
        if threads > 1 { state.ahead = AheadWork(network: state.network, workers: threads - 1) }
        defer { state.ahead?.stop() }
        let result = state.run(progress: nil)
        return (try PacketRunTests.encoded(result), links, state.ahead?.stats)
    }

    @Test(arguments: ["nym", "loopix-paper"])
    func twoAndThreeThreadsGiveTheOneThreadRun(_ preset: String) throws {
        let one = try Self.run(preset, seed: 5, threads: 1)
        #expect(one.stats == nil)
        for threads in [2, 3] {
            let many = try Self.run(preset, seed: 5, threads: threads)
            #expect(many.json == one.json, "\(threads) threads")
            #expect(many.links == one.links, "\(threads) threads")
            // The work ahead was used: later hops processed by workers, client slots run ahead.
            let stats = try #require(many.stats)
            print("\(preset), \(threads) threads: \(stats)")
            #expect(stats.hopsAhead > stats.hopsInline)
            #expect(stats.clientRunsUsed > 0 && stats.clientRunsDiscarded > 0)
        }
        // The control: another seed's run, with workers, is not the same.
        let other = try Self.run(preset, seed: 6, threads: 2)
        #expect(other.json != one.json && other.links != one.links)
    }

    /// The public entry point takes the thread count and refuses 0.
    @Test func threadCountIsChecked() throws {
        let (p, behaviour) = try PacketRunTests.small("nym")
        let simulator = try PacketSimulator(
            parameters: p, behaviour: behaviour, config: SimulationConfig(seed: 1, duration: 0.2, burnIn: 0.05))
        #expect(try simulator.run(threads: 2).packets == simulator.run(threads: 1).packets)
        #expect(throws: NodeError.parameters(.countTooSmall(parameter: "threads", value: 0, minimum: 1))) {
            try simulator.run(threads: 0)
        }
    }
}

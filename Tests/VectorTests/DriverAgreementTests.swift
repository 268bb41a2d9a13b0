import SphinxSpec
import Testing
@testable import LoopixSpec
@testable import SpecVectors

/// The two drivers of the packet-level nodes checked against each other (SPEC.md §8.12 and
/// §9.6): the packet-level run (`PacketSimulator.run(observe:)`, LOOPIX-PKT-LOOP) and the node
/// vectors' `NodeDriver` (VEC-NODE-DRIVER-1) follow one contract on one `EventQueue`, so the same
/// network, with no user messages, puts the same packets on the same links at the same times,
/// in the same order.
@Suite struct DriverAgreementTests {
    /// One packet on a link, as both drivers can report it.
    struct Transfer: Equatable, CustomStringConvertible {
        let time: UInt64
        let from: NodeAddress
        let to: NodeAddress
        let sha256: Bytes

        var description: String { "\(time) ns \(from) → \(to) \(sha256.hex.prefix(16))" }
    }

    /// A preset shrunk to a small network without user messages (realMessageRate 0: the
    /// simulator's users then schedule nothing, LOOPIX-PKT-SETUP step 2).
    static func network(_ preset: String) throws -> (LoopixParameters, PacketBehaviour) {
        var p = try LoopixParameters.preset(named: preset)
        p.clients = 3
        p.mixesPerLayer = 1
        p.providers = 2
        p.mu = 50
        p.pullInterval = 0.2
        p.realMessageRate = 0
        return (p, try PacketBehaviour.preset(named: preset))
    }

    static let duration = 1.2

    /// The packet-level run's transfers (every `send` it carries out).
    static func simulatorTransfers(_ p: LoopixParameters, _ b: PacketBehaviour, seed: UInt64) throws -> [Transfer] {
        var transfers: [Transfer] = []
        let config = SimulationConfig(seed: seed, duration: duration, burnIn: 0.1)
        _ = try PacketSimulator(parameters: p, behaviour: b, config: config).run(observe: {
            transfers.append(Transfer(time: $0.time, from: $0.from, to: $0.to, sha256: SHA256.hash($0.bytes)))
        })
        return transfers
    }

    /// NodeDriver's packet links for the network the simulator builds (same replay capacity).
    static func driverTransfers(_ p: LoopixParameters, _ b: PacketBehaviour, seed: UInt64) throws -> [Transfer] {
        let network = try PacketNetwork(
            parameters: p, behaviour: b, seed: seed,
            replayCapacity: PacketSimulator.replayCapacity(p, b, duration: duration))
        var driver = NodeDriver(network: network)
        driver.run(until: PacketRunState.nanoseconds(duration))
        return driver.links.filter { $0.kind == "packet" }.map {
            Transfer(time: $0.time, from: $0.from, to: $0.to, sha256: SHA256.hash($0.bytes))
        }
    }

    /// The first place two lists of transfers differ, or nil when they are equal.
    static func firstDifference(_ a: [Transfer], _ b: [Transfer]) -> String? {
        for (i, (x, y)) in zip(a, b).enumerated() where x != y { return "transfer \(i): \(x) vs \(y)" }
        return a.count == b.count ? nil : "\(a.count) vs \(b.count) transfers"
    }

    @Test(arguments: ["nym", "loopix-paper"])
    func bothDriversPutTheSamePacketsOnTheLinks(_ preset: String) throws {
        let (p, b) = try Self.network(preset)
        let simulator = try Self.simulatorTransfers(p, b, seed: 21)
        let driver = try Self.driverTransfers(p, b, seed: 21)
        #expect(simulator.count > 50)
        #expect(Self.firstDifference(simulator, driver) == nil)
        // Negative controls: another seed, and two transfers of one time in the other order,
        // must both be caught.
        let otherSeed = try Self.driverTransfers(p, b, seed: 22)
        #expect(Self.firstDifference(simulator, otherSeed) != nil)
        let tie = (1..<driver.count).first { driver[$0].time == driver[$0 - 1].time && driver[$0] != driver[$0 - 1] }
        let swapAt = try #require(tie, "a run this size has transfers at equal times (a gateway forwarding)")
        var swapped = driver
        swapped.swapAt(swapAt - 1, swapAt)
        #expect(Self.firstDifference(simulator, swapped) != nil)
    }
}

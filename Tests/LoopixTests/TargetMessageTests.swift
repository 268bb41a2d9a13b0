import Foundation
import Testing
@testable import LoopixSpec

/// MiXiM's target messages, stop rule and entropy metric (SPEC.md LOOPIX-TARGETS,
/// LOOPIX-METRIC-MIXIM), and the new limits (LOOPIX-PARAM-1, LOOPIX-SIM-1).
@Suite struct TargetMessageTests {
    /// MiXiM's entropy by hand, on one last-layer mix: target 0 arrives with a cover message,
    /// the first output is ½ target 0 (E_0 = ½), the second takes the rest (E_0 = ½ + ½ = 1 bit:
    /// target 0 is one of two outputs, each equally likely).
    @Test func miximEntropyByHand() {
        var p = LoopixParameters.mixim
        p.layers = 1
        p.mixesPerLayer = 1
        let targets = TargetMessages(sender: 0, recipient: 2, count: 1, interval: 1)
        var m = MetricCollector(
            parameters: p, config: SimulationConfig(seed: 1, duration: 100, burnIn: 1, targetMessages: targets))
        m.mixArrival(mix: 0, targetMass: m.targetView(of: 0), at: 2)
        m.mixArrival(mix: 0, targetMass: m.targetView(of: nil), at: 2)
        let first = m.targetDeparture(mix: 0, at: 3)
        m.mixDeparture(mix: 0, kind: .real, at: 3)
        #expect(first?.mass(at: 0) == 0.5)
        #expect(m.targets?.entropy == [0.5])
        _ = m.targetDeparture(mix: 0, at: 4)
        m.mixDeparture(mix: 0, kind: .real, at: 4)
        #expect(m.targets?.entropy == [1])
        // Before the burn-in nothing is counted (MiXiM's mixlogging).
        m.mixArrival(mix: 0, targetMass: m.targetView(of: 0), at: 0.5)
        _ = m.targetDeparture(mix: 0, at: 0.6)
        #expect(m.targets?.entropy == [1])
    }

    /// The stop rule: every target is delivered, the window ends at the last delivery, the run
    /// one cooldown later; more mixing gives more entropy (negative control: one mix with a
    /// tiny delay hardly mixes).
    @Test func stopRuleAndEntropy() throws {
        func run(mu: Double, layers: Int) throws -> SimulationResult {
            var p = LoopixParameters.mixim
            p.mu = mu
            p.layers = layers
            let config = SimulationConfig(
                seed: 9, duration: 400, burnIn: 10, cooldown: 20,
                targetMessages: TargetMessages(sender: 0, recipient: 2, count: 50, interval: 1))
            return try LoopixSimulator(parameters: p, config: config).run()
        }
        let r = try run(mu: 10, layers: 3)
        let t = try #require(r.targets)
        #expect(t.delivered == 50 && t.latency.count == 50)
        let last = try #require(t.lastDeliveredAt)
        #expect(r.windowEnd == last)
        #expect(last > 60 && last < 380)
        #expect(r.stopReason == .duration)
        #expect(t.entropyAtEnd >= (t.entropyAtLastDelivery ?? .infinity) - 1e-12)
        // Three mixing layers of ~3 messages each: several bits; one mix with a 1 ms delay: ~0.
        #expect(t.entropyAtEnd > 3)
        let none = try #require(try run(mu: 1000, layers: 1).targets)
        #expect(none.entropyAtEnd < 0.5)
    }

    @Test func limitsAndTargetErrors() {
        var p = LoopixParameters.mixim
        p.clients = 1_000_001
        #expect(throws: LoopixError.countTooLarge(parameter: "clients", value: 1_000_001, maximum: 1_000_000)) {
            try p.validate()
        }
        p.clients = 1_000_000
        #expect(throws: Never.self) { try p.validate() }
        p.clients = 100_001
        let config = SimulationConfig(seed: 1, duration: 10, burnIn: 1)
        #expect(throws: LoopixError.tooManyClientsForSenderEntropy(clients: 100_001, maximum: 100_000)) {
            try config.validate(for: p)
        }
        var off = config
        off.trackSenderEntropy = false
        #expect(throws: Never.self) { try off.validate(for: p) }
        p.clients = 100
        p.processingDelay = -1
        #expect(throws: LoopixError.negativeDuration(parameter: "processingDelay", value: -1)) { try p.validate() }
        p.processingDelay = 0.000386
        func targetsError(_ t: TargetMessages) -> LoopixError? {
            var c = config
            c.targetMessages = t
            do { try c.validate(for: p) } catch { return error }
            return nil
        }
        #expect(
            targetsError(TargetMessages(sender: 3, recipient: 3, count: 1, interval: 1))
                == .targetSenderIsRecipient(client: 3))
        #expect(
            targetsError(TargetMessages(sender: 0, recipient: 1, count: 10, interval: 1))
                == .targetsOutlastRun(lastCreated: 11, windowEnd: 10))
        #expect(targetsError(TargetMessages(sender: 0, recipient: 1, count: 9, interval: 1)) == nil)
        #expect(
            targetsError(TargetMessages(sender: 0, recipient: 100, count: 1, interval: 1))
                == .noSuchClient(parameter: "targetMessages.recipient", value: 100, clients: 100))
        #expect(
            targetsError(TargetMessages(sender: 0, recipient: 1, count: 1, interval: 0))
                == .nonPositive(parameter: "targetMessages.interval", value: 0))
        var c = config
        c.senderSupport = -1
        #expect(throws: LoopixError.countTooSmall(parameter: "senderSupport", value: -1, minimum: 0)) {
            try c.validate(for: p)
        }
    }
}

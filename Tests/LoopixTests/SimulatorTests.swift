import Foundation
import Testing
@testable import LoopixSpec

/// Determinism, bounds and the event rules' bookkeeping (SPEC.md LOOPIX-SIM-*, LOOPIX-PROV-*).
@Suite struct SimulatorTests {
    func encoded(_ r: SimulationResult) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(r)
    }

    @Test func sameSeedSameRunOtherSeedOtherRun() throws {
        var p = LoopixParameters.loopixPaper
        p.clients = 30
        let config = SimulationConfig(seed: 5, duration: 20, burnIn: 2, cooldown: 2)
        let a = try LoopixSimulator(parameters: p, config: config).run()
        let b = try LoopixSimulator(parameters: p, config: config).run()
        #expect(try encoded(a) == encoded(b))
        var other = config
        other.seed = 6
        let c = try LoopixSimulator(parameters: p, config: other).run()
        #expect(try encoded(a) != encoded(c))
    }

    @Test func eventBoundStopsTheRun() throws {
        let r = try LoopixSimulator(
            parameters: .mixim,
            config: SimulationConfig(seed: 1, duration: 1000, burnIn: 1, maxEvents: 5000)
        ).run()
        #expect(r.stopReason == .eventLimit)
        #expect(r.eventsProcessed == 5000)
        #expect(r.windowEnd < 1000)
    }

    /// The bound refuses only an event past it: a run that handles exactly `limit` events and
    /// then finds none due stopped by its duration (LOOPIX-SIM-2).
    @Test func eventBudgetRefusesOnlyPastItsLimit() {
        var budget = EventBudget(limit: 2)
        let first = budget.admit(), second = budget.admit()
        #expect(first && second)
        #expect(budget.stopReason == .duration)
        let third = budget.admit()
        #expect(!third)
        #expect(budget.stopReason == .eventLimit)
        #expect(budget.handled == 2)
    }

    /// Every preset runs; the bookkeeping of the event rules holds.
    @Test(arguments: LoopixParameters.presetNames)
    func presetRuns(name: String) throws {
        let p = try LoopixParameters.preset(named: name)
        // Short runs: nym sends 55 messages/s per client, loopix-paper has 500 clients.
        let durations: [String: Double] = ["nym": 2, "loopix-paper": 10, "mixim": 60]
        let duration = durations[name] ?? 10
        // mixim has no real-message rate: its real messages are MiXiM's target messages.
        let targets =
            p.realMessageRate == 0 ? TargetMessages(sender: 0, recipient: 2, count: 20, interval: 1) : nil
        let r = try LoopixSimulator(
            parameters: p,
            config: SimulationConfig(
                seed: 3, duration: duration, burnIn: duration / 5, cooldown: duration / 10, targetMessages: targets)
        ).run()
        #expect(r.stopReason == .duration || r.targets?.delivered == 20)
        #expect(r.mixes.count == p.layers * p.mixesPerLayer)
        let sent = r.traffic.sentByKind
        #expect(sent["real", default: 0] > 0)
        // Cover streams that are off send nothing.
        if p.lambdaL == 0 { #expect(sent["loop", default: 0] == 0) }
        if p.lambdaD == 0 { #expect(sent["drop", default: 0] == 0) }
        if p.lambdaM == 0 { #expect(sent["mixLoop", default: 0] == 0) }
        // Client cover share ≈ 1 − r/(λ_P + λ_L + λ_D) (the buffer is stable in every preset).
        let expectedCover = 1 - p.realMessageRate / (p.lambdaP + p.lambdaL + p.lambdaD)
        #expect(abs(r.traffic.clientCoverShare - expectedCover) < 0.05)
        #expect(r.anonymity.senderEntropy.count > 0)
        #expect(r.anonymity.senderEntropy.maximum <= log2(Double(p.clients)) + 1e-9)
        #expect(r.traffic.pullDummies > 0)
    }

    /// A loop returns to its sender; drop messages end at a provider; mix loops come back.
    @Test func messagesEndWhereTheRulesSay() throws {
        var p = LoopixParameters.loopixPaper
        p.clients = 20
        let r = try LoopixSimulator(
            parameters: p, config: SimulationConfig(seed: 8, duration: 60, burnIn: 5)
        ).run()
        #expect(r.latency.loopSendToInbox.count > 0)
        #expect(r.traffic.dropsDiscarded > 0)
        #expect(r.traffic.mixLoopsReturned > 0)
        // Pulls return a constant number: dummies only pad, so with a 50-message pull and about
        // 2 messages/s arriving per client, most of every pull is dummies.
        #expect(r.traffic.pullDummies > r.traffic.realPulled)
    }
}

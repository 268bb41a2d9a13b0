import Foundation
import Testing
@testable import LoopixSpec

/// The observer's view (SPEC.md LOOPIX-ADV-VIEW, LOOPIX-ADV-TRUTH, LOOPIX-ADV-FILE).
@Suite struct ObserverViewTests {
    static let parameters = LoopixParameters(
        lambdaP: 2, lambdaL: 1, lambdaD: 1, lambdaM: 1, mu: 10, layers: 3, mixesPerLayer: 2, providers: 3,
        clients: 12, pullInterval: 1, pullSize: 3, realMessageRate: 1)
    static func simulator() throws -> LoopixSimulator {
        try LoopixSimulator(
            parameters: parameters, config: SimulationConfig(seed: 5, duration: 12, burnIn: 2, cooldown: 2))
    }

    /// Watching changes nothing: the run with the hook equals the run without it.
    @Test func theHookDoesNotChangeTheRun() throws {
        let s = try Self.simulator()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = try encoder.encode(s.run())
        let (watched, recording) = ObserverRecording.run(s)
        #expect(try encoder.encode(watched) == plain)
        #expect(recording.observation.count == recording.truth.count)
        #expect(recording.observation.count > 1000)
    }

    /// Every message's links, read from the ground truth, form a route the topology allows, in
    /// time order: client → its provider → layer 0 → … → layer l−1 → provider (→ client in a
    /// pull), or a mix loop from its origin back to it. Negative control: a swapped pair of
    /// links is caught by the same check.
    @Test func routesFollowTheTopology() throws {
        let p = Self.parameters
        let (_, recording) = ObserverRecording.run(try Self.simulator())
        var links: [Int: [LinkEvent]] = [:]
        for (e, t) in zip(recording.observation, recording.truth) {
            if let m = t.message { links[m, default: []].append(e) }
        }
        #expect(links.count > 300)
        var checked = 0
        for (_, route) in links {
            #expect(isRoute(route, p))
            if route.count >= 3 {
                var swapped = route
                swapped.swapAt(1, 2)
                #expect(!isRoute(swapped, p))
                checked += 1
            }
        }
        #expect(checked > 100)
        // Pulls carry exactly pullSize packets each, dummies included.
        let pulls = recording.observation.filter { if case .client = $0.to { return true } else { return false } }
        #expect(pulls.count % p.pullSize == 0)
    }

    func isRoute(_ route: [LinkEvent], _ p: LoopixParameters) -> Bool {
        for (a, b) in zip(route, route.dropFirst()) where a.to != b.from || b.time < a.time { return false }
        for e in route {
            switch (e.from, e.to) {
            case (.client(let c), .provider(let q)), (.provider(let q), .client(let c)):
                if q != c % p.providers { return false }
            case (.provider, .mix(let m)):
                if m / p.mixesPerLayer != 0 { return false }
            case (.mix(let a), .mix(let b)):
                if b / p.mixesPerLayer != a / p.mixesPerLayer + 1 { return false }
            case (.mix(let a), .provider):
                if a / p.mixesPerLayer != p.layers - 1 { return false }
            default: return false
            }
        }
        return true
    }

    /// The file holds the view and nothing else, and reads back to the same events.
    @Test func theFileRoundTrips() throws {
        let p = Self.parameters
        let (_, recording) = ObserverRecording.run(try Self.simulator())
        let text = ObservationFile.observationText(recording.observation, parameters: p)
        #expect(!text.contains("kind") && !text.contains("message"))
        let (header, events) = try ObservationFile.parseObservation(text)
        #expect(header == ObservationFile.Header(parameters: p))
        #expect(events == recording.observation)
        let truth = ObservationFile.truthText(recording.truth)
        #expect(truth.split(separator: "\n").count == recording.truth.count + 1)
        #expect(truth.contains("{\"kind\":null,\"message\":null}"))
    }

    /// Malformed files end in a typed error naming the line.
    @Test func badFilesAreRefused() throws {
        let header = ObservationFile.observationText([], parameters: Self.parameters)
        let cases: [(String, Int)] = [
            ("{\"format\":\"other\"}\n", 1),
            (header + "{\"t\":1,\"from\":\"c0\"}\n", 2),
            (header + "{\"t\":1,\"from\":\"x0\",\"to\":\"p0\"}\n", 2),
            (header + "{\"t\":2,\"from\":\"c0\",\"to\":\"p0\"}\n{\"t\":1,\"from\":\"c0\",\"to\":\"p0\"}\n", 3),
        ]
        for (text, line) in cases {
            #expect {
                _ = try ObservationFile.parseObservation(text)
            } throws: { error in
                guard case .badObservation(let l, _) = error as? AdversaryError else { return false }
                return l == line
            }
        }
    }
}

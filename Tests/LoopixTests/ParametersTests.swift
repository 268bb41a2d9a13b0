import Testing
@testable import LoopixSpec

/// Invalid parameters end in typed errors (SPEC.md LOOPIX-PARAM-1, LOOPIX-SIM-1).
@Suite struct ParametersTests {
    @Test func presetsAreValid() throws {
        for name in LoopixParameters.presetNames {
            try LoopixParameters.preset(named: name).validate()
        }
        #expect(LoopixParameters.nym.meanDelay == 0.015)
        #expect(LoopixParameters.mixim.meanDelay == 0.1)
        #expect(LoopixParameters.loopixPaper.meanDelay == 0.5)
        #expect(throws: LoopixError.unknownPreset("tor")) { try LoopixParameters.preset(named: "tor") }
    }

    /// The sourced values of each preset, as printed in their sources (SPEC.md 8.2).
    @Test func presetsMatchTheirSources() {
        // Loopix arXiv v1 §5, "Experimental Setup": six mix nodes in three layers of two, four
        // providers, 500 clients; Fig. 10: λ_P = λ_L = λ_D = λ_M = 60 per minute, delays Exp(2).
        let paper = LoopixParameters.loopixPaper
        let paperCounts: [Int] = [paper.layers, paper.mixesPerLayer, paper.providers, paper.clients]
        #expect(paperCounts == [3, 2, 4, 500])
        let perMinute: Double = 60
        let paperRates: [Double] = [paper.lambdaP, paper.lambdaL, paper.lambdaD, paper.lambdaM, paper.mu]
        #expect(paperRates == [perMinute / 60, perMinute / 60, perMinute / 60, perMinute / 60, 2])
        // nymtech/nym config-types lib.rs (daed9cd): 15 ms per hop, 20 ms real stream, 200 ms
        // loop stream, three mix nodes.
        let nym = LoopixParameters.nym
        let nymDelay: Double = 1 / nym.mu
        #expect(abs(nymDelay - 0.015) < 1e-15)
        let nymGaps: [Double] = [1 / nym.lambdaP, 1 / nym.lambdaL]
        #expect(nymGaps == [0.02, 0.2])
        let nymOff: [Double] = [nym.lambdaD, nym.lambdaM]
        #expect(nymOff == [0, 0])
        #expect(nym.layers == 3)
        // aniampio/Simulator test_config.json (4efb211): avg_delay 0.1, 100 clients, rate 1, 3 × 3.
        let mixim = LoopixParameters.mixim
        let miximCounts: [Int] = [mixim.clients, mixim.layers, mixim.mixesPerLayer]
        #expect(miximCounts == [100, 3, 3])
        let miximRates: [Double] = [mixim.mu, mixim.lambdaP, mixim.lambdaL, mixim.lambdaD, mixim.lambdaM]
        #expect(miximRates == [10, 1, 0, 0, 0])
    }

    @Test func eachRuleHasItsError() {
        let base = LoopixParameters.mixim
        func check(_ expected: LoopixError, _ change: (inout LoopixParameters) -> Void) {
            var p = base
            change(&p)
            #expect(throws: expected) { try p.validate() }
        }
        check(.nonPositive(parameter: "lambdaP", value: 0)) { $0.lambdaP = 0 }
        check(.nonPositive(parameter: "mu", value: -1)) { $0.mu = -1 }
        check(.nonPositive(parameter: "pullInterval", value: 0)) { $0.pullInterval = 0 }
        check(.negativeRate(parameter: "lambdaL", value: -0.5)) { $0.lambdaL = -0.5 }
        check(.negativeRate(parameter: "lambdaD", value: -1)) { $0.lambdaD = -1 }
        check(.negativeRate(parameter: "lambdaM", value: -1)) { $0.lambdaM = -1 }
        check(.negativeRate(parameter: "realMessageRate", value: -1)) { $0.realMessageRate = -1 }
        check(.notFinite(parameter: "mu", value: .infinity)) { $0.mu = .infinity }
        check(.countTooSmall(parameter: "layers", value: 0, minimum: 1)) { $0.layers = 0 }
        check(.countTooSmall(parameter: "mixesPerLayer", value: 0, minimum: 1)) { $0.mixesPerLayer = 0 }
        check(.countTooSmall(parameter: "providers", value: -3, minimum: 1)) { $0.providers = -3 }
        check(.countTooSmall(parameter: "clients", value: 0, minimum: 1)) { $0.clients = 0 }
        check(.countTooSmall(parameter: "pullSize", value: 0, minimum: 1)) { $0.pullSize = 0 }
        check(.countTooLarge(parameter: "clients", value: 1_000_001, maximum: 1_000_000)) { $0.clients = 1_000_001 }
        check(.countTooLarge(parameter: "layers × mixesPerLayer", value: 20_000, maximum: 10_000)) {
            $0.layers = 2; $0.mixesPerLayer = 10_000
        }
        check(.countTooLarge(parameter: "layers × mixesPerLayer", value: Int.max, maximum: 10_000)) {
            $0.layers = Int.max; $0.mixesPerLayer = 2
        }
        // NaN is not equal to itself, so match the case only.
        var p = base
        p.lambdaP = .nan
        do {
            try p.validate()
            Issue.record("NaN accepted")
        } catch {
            guard case .notFinite(parameter: "lambdaP", value: _) = error else {
                Issue.record("wrong error \(error)"); return
            }
        }
    }

    /// Runs `validate` through the simulator's initialiser and returns the error, if any.
    private func configError(
        _ config: SimulationConfig, parameters p: LoopixParameters = .mixim
    ) -> LoopixError? {
        do {
            _ = try LoopixSimulator(parameters: p, config: config)
            return nil
        } catch {
            return error
        }
    }

    @Test func simulationConfigErrors() {
        #expect(
            configError(SimulationConfig(seed: 1, duration: 10, burnIn: 10))
                == .burnInNotBeforeEnd(burnIn: 10, windowEnd: 10))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 0, burnIn: 0))
                == .nonPositive(parameter: "duration", value: 0))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 10, burnIn: 5, cooldown: 6))
                == .burnInNotBeforeEnd(burnIn: 5, windowEnd: 4))
        #expect(
            configError(SimulationConfig(seed: 1, duration: .infinity, burnIn: 1))
                == .notFinite(parameter: "duration", value: .infinity))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, maxEvents: 0))
                == .countTooSmall(parameter: "maxEvents", value: 0, minimum: 1))
        #expect(configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1)) == nil)
    }

    /// A negative burn-in or cooldown is a duration, not a rate.
    @Test func negativeDurationsHaveTheirOwnError() {
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: -1))
                == .negativeDuration(parameter: "burnIn", value: -1))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 10, burnIn: 5, cooldown: -1))
                == .negativeDuration(parameter: "cooldown", value: -1))
    }

    /// Two equal challenge senders are not "too few"; they are one client named twice.
    @Test func equalChallengeSendersHaveTheirOwnError() {
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [3, 3]))
                == .challengeSendersEqual(client: 3))
        // Not tracking sender distributions: the challenge senders are not used, so not checked.
        #expect(
            configError(
                SimulationConfig(
                    seed: 1, duration: 5, burnIn: 1, trackSenderEntropy: false, challengeSenders: [3, 3])) == nil)
    }

    @Test func challengeSendersMustBeTwoExistingClients() {
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [0, 1, 2]))
                == .challengeSenderCount(count: 3))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [0]))
                == .challengeSenderCount(count: 1))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [0, 100]))
                == .noSuchClient(parameter: "challengeSenders", value: 100, clients: 100))
        #expect(
            configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [-1, 0]))
                == .noSuchClient(parameter: "challengeSenders", value: -1, clients: 100))
        #expect(configError(SimulationConfig(seed: 1, duration: 5, burnIn: 1, challengeSenders: [99, 0])) == nil)
    }

    @Test func validationMessagesNameTheRule() {
        #expect(
            LoopixError.negativeDuration(parameter: "burnIn", value: -1).description
                == "burnIn must be ≥ 0 s (got -1.0 s)")
        #expect(LoopixError.challengeSendersEqual(client: 3).description.contains("must differ"))
        #expect(
            LoopixError.noSuchClient(parameter: "challengeSenders", value: -1, clients: 100).description
                == "challengeSenders must be a client index in 0 … 99 (got -1)")
    }
}

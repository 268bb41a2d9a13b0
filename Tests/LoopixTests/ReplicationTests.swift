import Foundation
import Testing
@testable import LoopixSpec

/// Runs side by side give what runs one by one give (SPEC.md §8.10, "Parallel runs").
@Suite struct ReplicationTests {
    func json<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try e.encode(value)
    }

    @Test func entropyCurveInParallelEqualsSequential() throws {
        let args = (seed: UInt64(5), lambdas: [50.0, 80], mus: [5.0, 20])
        let parallel = try SingleMixExperiment.figure4(seed: args.seed, lambdas: args.lambdas, mus: args.mus)
        let sequential = try SingleMixExperiment.figure4(
            seed: args.seed, lambdas: args.lambdas, mus: args.mus, parallel: false)
        #expect(try json(parallel) == json(sequential))
        // Negative control: another seed gives other points.
        let other = try SingleMixExperiment.figure4(seed: 6, lambdas: args.lambdas, mus: args.mus)
        #expect(try json(other) != json(parallel))
    }

    @Test func simulatorSeedsInParallelEqualSequential() throws {
        var p = LoopixParameters.loopixPaper
        p.clients = 20
        let params = p
        @Sendable func config(_ i: Int) -> SimulationConfig {
            SimulationConfig(seed: UInt64(100 + i), duration: 15, burnIn: 3, cooldown: 2)
        }
        let parallel = try Replications.map(count: 4) { i throws(LoopixError) in
            try LoopixSimulator(parameters: params, config: config(i)).run()
        }
        for i in 0..<4 {
            let alone = try LoopixSimulator(parameters: params, config: config(i)).run()
            #expect(try json(parallel[i]) == json(alone))
        }
    }

    @Test func theFirstErrorIsThrown() {
        #expect(throws: LoopixError.unknownPreset("1")) {
            _ = try Replications.map(count: 5) { i throws(LoopixError) -> Int in
                if i == 1 || i == 3 { throw .unknownPreset("\(i)") }
                return i
            }
        }
    }
}

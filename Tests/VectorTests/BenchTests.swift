import Foundation
import Testing
@testable import SpecVectors

/// The benchmark's structure only. Per the project's rule there is no timing threshold here:
/// speed is read from `vectors-gen bench` as ratios, never asserted by a test.
@Suite struct BenchTests {
    /// Every case the brief asks for, by id.
    static let expectedIDs: [String] = [
        "x25519.scalarmult.control",
        "nym.create.1hop.v258", "nym.create.3hop.v258", "nym.create.5hop.v258",
        "nym.create.1hop.v259", "nym.create.3hop.v259", "nym.create.5hop.v259",
        "nym.create.3hop.v259.readable", "nym.create.5hop.v259.readable",
        "nym.process.forward.v259", "nym.process.final.v259",
        "nym.surb.create.3hop.v259", "nym.surb.reply.3hop.v259",
        "sphinxmix.create.1hop", "sphinxmix.create.3hop", "sphinxmix.create.5hop",
        "sphinxmix.process.relay",
        "lioness.chacha20-blake2b.2048",
        "x25519.base", "aes128ctr.360", "hmac-sha256.300", "hkdf.nym-keys.288", "hkdf.nym-payload-key.192",
        "lioness.chacha20-blake2b.2065.decrypt",
        "p224.scalarmult", "lioness.aes128-sha256.1024",
        "loopix.packetrun", "loopix.packetrun.threads2",
        "loopix.packetrun.unit.create.regular", "loopix.packetrun.unit.forward.regular",
        "loopix.packetrun.unit.final.regular",
        "loopix.packetrun.unit.create.ack", "loopix.packetrun.unit.forward.ack", "loopix.packetrun.unit.final.ack",
    ]

    @Test func quickRunHasEveryCaseWithPositiveFiniteRatios() throws {
        let report = try BenchRunner.run(.quick)
        #expect(report.cases.map(\.id) == Self.expectedIDs)
        #expect(report.baselineID == "x25519.scalarmult")
        #expect(report.baselineMedianNanoseconds.isFinite && report.baselineMedianNanoseconds > 0)
        for result in report.cases {
            #expect(result.roundRatios.count == BenchOptions.quick.rounds, "\(result.id)")
            for value in [
                result.medianNanoseconds, result.baselineMedianNanoseconds, result.ratio, result.ratioMin,
                result.ratioMax, result.minNanoseconds, result.baselineMinNanoseconds, result.fastestRatio,
            ] + result.roundRatios {
                #expect(value.isFinite && value > 0, "\(result.id): \(value)")
            }
            #expect(result.ratioMin <= result.ratio && result.ratio <= result.ratioMax, "\(result.id)")
        }
        #expect(!report.notes.isEmpty)
        // This test target is built in debug, and the report must say so.
        #if DEBUG
            #expect(report.buildConfiguration == "debug")
            #expect(report.notes.contains(BenchRunner.debugWarning))
        #endif
    }

    @Test func tableAndJSONCarryEveryCase() throws {
        let options = BenchOptions(repetitions: 1, rounds: 1, warmup: 0, filter: "lioness")
        let report = try BenchRunner.run(options)
        #expect(
            report.cases.map(\.id) == [
                "lioness.chacha20-blake2b.2048", "lioness.chacha20-blake2b.2065.decrypt", "lioness.aes128-sha256.1024",
            ])
        let table = BenchFormat.table(report)
        for result in report.cases { #expect(table.contains(result.title)) }
        #expect(table.contains("only the ratios"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoded = try JSONDecoder().decode(BenchReport.self, from: encoder.encode(report))
        #expect(decoded == report)
    }

    @Test func threadCPUClockGivesPositiveFiniteRatios() throws {
        var options = BenchOptions(repetitions: 2, rounds: 1, warmup: 0, filter: "nym.process")
        options.clock = .threadCPU
        let report = try BenchRunner.run(options)
        #expect(report.cases.map(\.id) == ["nym.process.forward.v259", "nym.process.final.v259"])
        #expect(report.options.clock == .threadCPU)
        for result in report.cases { #expect(result.ratio.isFinite && result.ratio > 0, "\(result.id)") }
    }

    /// One disturbed round is absorbed by the median; two are reported, and so is a median
    /// ratio well above the fastest-run ratio (every round disturbed alike).
    @Test func unsteadyDetection() {
        func result(_ ratios: [Double], fastest: Double = 9.9) -> BenchCaseResult {
            BenchCaseResult(
                id: "x", title: "x", medianNanoseconds: 1, baselineMedianNanoseconds: 1,
                ratio: BenchRunner.median(ratios), ratioMin: ratios.min() ?? 0,
                ratioMax: ratios.max() ?? 0, roundRatios: ratios,
                minNanoseconds: 1, baselineMinNanoseconds: 1, fastestRatio: fastest)
        }
        #expect(!BenchRunner.isUnsteady(result([10, 10, 10.5, 10, 10])))
        #expect(!BenchRunner.isUnsteady(result([10, 10, 15, 10, 10])))
        #expect(BenchRunner.isUnsteady(result([10, 10, 15, 10, 13])))
        #expect(BenchRunner.isUnsteady(result([13, 13, 13.5, 13, 13], fastest: 10)))
    }

    @Test func badOptionsAreTypedErrors() {
        #expect(throws: BenchError.invalidOption(name: "--repetitions", value: 0)) {
            try BenchRunner.run(BenchOptions(repetitions: 0, rounds: 1, warmup: 0, filter: nil))
        }
        #expect(throws: BenchError.invalidOption(name: "--rounds", value: -1)) {
            try BenchRunner.run(BenchOptions(repetitions: 1, rounds: -1, warmup: 0, filter: nil))
        }
        #expect(throws: BenchError.invalidOption(name: "--warmup", value: -1)) {
            try BenchRunner.run(BenchOptions(repetitions: 1, rounds: 1, warmup: -1, filter: nil))
        }
        #expect(throws: BenchError.noCaseMatches(filter: "no such case")) {
            try BenchRunner.run(BenchOptions(repetitions: 1, rounds: 1, warmup: 0, filter: "no such case"))
        }
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(BenchRunner.median([3, 1, 2]) == 2)
        #expect(BenchRunner.median([4, 1, 3, 2]) == 2.5)
        #expect(BenchRunner.median([]).isNaN)
    }
}

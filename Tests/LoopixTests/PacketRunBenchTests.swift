import Testing
@testable import LoopixSpec
@testable import SpecVectors

/// The bench case of the packet-level run (SPEC.md §8.12, "Cost"): structure only, the figures of
/// a debug build mean nothing (ratios, never a timed test).
@Suite struct PacketRunBenchTests {
    /// `--filter loopix.packetrun` measures the run (on 1 and 2 threads) and its six unit operations and derives the
    /// figures: the hops counted untimed equal the run's processed packets, and the overhead is
    /// a finite number.
    @Test func packetRunFiguresAreDerived() throws {
        var options = BenchOptions.quick
        options.filter = "loopix.packetrun"
        let report = try BenchRunner.run(options)
        #expect(report.cases.count == 8)
        let figures = try #require(report.packetRun)
        let work = try PacketRunBench.work()
        #expect(figures.hops == work.hops)
        #expect(work.regularCreated > 0 && work.ackCreated > 0 && work.ackForward > 0 && work.ackFinal > 0)
        #expect(figures.overhead.isFinite && figures.cryptoInX25519 > 0 && figures.runInX25519 > 0)
        #expect(figures.hopCostInNymProcess > 0)
        #expect(figures.twoThreadSpeedUp.map { $0.isFinite && $0 > 0 } == true)
        #expect(report.notes.contains(figures.note))
    }

    /// Without the unit cases there is nothing to compare with: no figures.
    @Test func noFiguresWithoutTheUnits() throws {
        var options = BenchOptions.quick
        options.filter = "lioness.aes128"
        #expect(try BenchRunner.run(options).packetRun == nil)
    }
}

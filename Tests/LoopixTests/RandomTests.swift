import Testing
@testable import LoopixSpec

/// The generator against published reference outputs (SPEC.md, LOOPIX-RNG-1 … LOOPIX-RNG-5).
@Suite struct RandomTests {
    /// rust-random/rngs, rand_xoshiro/src/xoshiro256starstar.rs, test `reference`: state
    /// (1, 2, 3, 4) (seed bytes 1,0,…,2,0,…,3,0,…,4,0,… little-endian); "produced with the
    /// reference implementation" (Vigna's xoshiro256starstar.c).
    @Test func xoshiroMatchesPublishedReference() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in g.next() } == expected)
    }

    /// rust-random/rngs, rand_xoshiro/src/splitmix64.rs, test `reference`: seed
    /// 1477776061723855037, values from Vigna's splitmix64.c (first five of fifty).
    @Test func splitMixMatchesPublishedReference() {
        var g = SplitMix64(seed: 1_477_776_061_723_855_037)
        let expected: [UInt64] = [
            1_985_237_415_132_408_290, 2_979_275_885_539_914_483, 13_511_426_838_097_143_398,
            8_488_337_342_461_049_707, 15_141_737_807_933_549_159,
        ]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    /// Seeding takes the first four SplitMix64 outputs as (s0, s1, s2, s3).
    @Test func seedingUsesSplitMix() {
        var sm = SplitMix64(seed: 1_477_776_061_723_855_037)
        let state = (sm.next(), sm.next(), sm.next(), sm.next())
        #expect(Xoshiro256StarStar(seed: 1_477_776_061_723_855_037) == Xoshiro256StarStar(state: state))
    }

    /// u = (x >> 11) · 2^-53, exactly; the published outputs give exact expected doubles.
    @Test func uniformConversionIsExact() {
        var r = SimulationRandom(seed: 0)
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let x0 = g.next(), x1 = g.next(), x2 = g.next()
        #expect(Double(x0 >> 11) * 0x1.0p-53 == 5 * 0x1.0p-53)  // 11520 >> 11 = 5
        #expect(Double(x1 >> 11) * 0x1.0p-53 == 0)
        #expect(Double(x2 >> 11) * 0x1.0p-53 == Double(1_509_978_240 >> 11) * 0x1.0p-53)
        for _ in 0..<10_000 {
            let u = r.uniform()
            #expect(u >= 0 && u < 1)
        }
    }

    /// Exp(rate) by inverse transform: u = 0 gives 0; sample mean and variance of 40 000 draws
    /// within 4 standard errors of 1/rate and 1/rate² (SE of the mean 1/(rate·√n) = 0.5 %;
    /// SE of the variance ≈ √(8/n)/rate² = 1.4 %, Exp has fourth central moment 9/rate⁴).
    @Test func exponentialHasTheRightMoments() {
        var r = SimulationRandom(seed: 42)
        let rate = 2.0, n = 40_000
        var s = RunningStatistics()
        for _ in 0..<n { s.add(r.exponential(rate: rate)) }
        let sum = s.summary
        #expect(abs(sum.mean - 1 / rate) < 4 * (1 / rate) / Double(n).squareRoot())
        let variance = sum.standardDeviation * sum.standardDeviation
        #expect(abs(variance - 1 / (rate * rate)) < 4 * (8.0 / Double(n)).squareRoot() / (rate * rate))
        #expect(sum.minimum >= 0)
    }

    /// index(below:) is floor(u · n), always draws one uniform, and covers 0..<n evenly.
    @Test func indexBelowIsFloorOfScaledUniform() {
        var a = SimulationRandom(seed: 7), b = SimulationRandom(seed: 7)
        for n in [1, 2, 3, 10, 1000] {
            let i = a.index(below: n)
            let u = b.uniform()
            #expect(i == min(Int(u * Double(n)), n - 1))
        }
        var counts = [Int](repeating: 0, count: 4)
        var r = SimulationRandom(seed: 9)
        for _ in 0..<40_000 { counts[r.index(below: 4)] += 1 }
        // Each count is Binomial(40 000, 1/4): sd ≈ 86.6; allow 5 sd.
        for c in counts { #expect(abs(c - 10_000) < 433) }
    }
}

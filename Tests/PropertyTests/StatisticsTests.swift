// Checks of the statistics helpers the unlinkability tests rely on, against published values:
// if a threshold were computed wrongly, every statistical property would be meaningless.
import StatisticsSupport
import Testing

@Suite("Statistics helpers")
struct StatisticsTests {
    /// [PROP-STATS-1] The normal quantile and the chi-square critical values agree with
    /// published tables: NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.1 (normal:
    /// z_{0.025} = 1.960) and §1.3.6.7.4 (chi-square: upper 5 % of χ²(10) = 18.307, upper 1 % of
    /// χ²(100) = 135.807, lower 5 % of χ²(10) = 3.940); the far-tail values the suite uses agree
    /// with SciPy 1.17.1 (`norm.isf(5e-9)` = 5.7307, `chi2.isf(1e-8, 255)` = 402.685,
    /// `chi2.isf(1e-8, 15)` = 68.029, `chi2.isf(5e-9, 64)` = 151.280, `chi2.ppf(5e-9, 64)` =
    /// 18.646) within the Wilson–Hilferty approximation's error, which is on the strict side
    /// (the approximate upper values are slightly higher, so no extra false rejections).
    @Test func thresholdsMatchPublishedValues() {
        #expect(abs(Stats.normalQuantileUpper(0.025) - 1.960) < 0.001)
        #expect(abs(Significance.zCritical - 5.7307) < 0.001)
        #expect(abs(Stats.chiSquareCritical(df: 10, alpha: 0.05) - 18.307) / 18.307 < 0.005)
        #expect(abs(Stats.chiSquareCritical(df: 100, alpha: 0.01) - 135.807) / 135.807 < 0.005)
        #expect(abs(Stats.chiSquareLowerCritical(df: 10, alpha: 0.05) - 3.940) / 3.940 < 0.01)
        let upper255 = Stats.chiSquareCritical(df: 255, alpha: Significance.perAssertion)
        #expect(upper255 >= 402.685 && upper255 < 402.685 * 1.01)
        let upper15 = Stats.chiSquareCritical(df: 15, alpha: Significance.perAssertion)
        #expect(upper15 >= 68.029 && upper15 < 68.029 * 1.03)
        let upper64 = Stats.chiSquareCritical(df: 64, alpha: Significance.perAssertion / 2)
        #expect(upper64 >= 151.280 && upper64 < 151.280 * 1.01)
        let lower64 = Stats.chiSquareLowerCritical(df: 64, alpha: Significance.perAssertion / 2)
        #expect(lower64 <= 18.646 && lower64 > 18.646 * 0.97)
    }

    /// The statistics themselves on hand-computed inputs.
    @Test func statisticsOnKnownInputs() {
        // Uniform counts: χ² = 0. One bin off by 10 of 4 bins expecting 10: (10² + 3·(10/3)²)/10.
        #expect(Stats.chiSquareUniform([5, 5, 5, 5]).statistic == 0)
        let skew = Stats.chiSquareUniform([20, 0, 10, 10])
        #expect(skew.df == 3 && abs(skew.statistic - 20) < 1e-9)
        // Identical histograms are homogeneous; disjoint ones give χ² = N.
        #expect(Stats.chiSquareHomogeneity([3, 4, 5], [3, 4, 5]).statistic == 0)
        let disjoint = Stats.chiSquareHomogeneity([10, 0], [0, 10])
        #expect(abs(disjoint.statistic - 20) < 1e-9 && disjoint.df == 1)
        #expect(Stats.hammingDistance([0x00, 0xff], [0x0f, 0xff]) == 4)
        #expect(Stats.binomialZ(50, bits: 100) == 0)
        #expect(abs(Stats.binomialZ(60, bits: 100) - 2) < 1e-12)
        #expect(abs(Stats.twoSampleZ([1, 2, 3], [1, 2, 3])) < 1e-12)
    }
}

// The statistics behind the unlinkability properties (SPEC.md chapter properties, "Statistics").
//
// Every test states: the statistic, its distribution under the null hypothesis (the packets
// are as random as Sphinx promises), and the significance level. Levels come from
// `Significance`: a family-wise α of 1e-6 split (Bonferroni) over an upper bound on the number
// of statistical assertions in the suite. Because every sample is drawn from fixed seeds, each
// statistic is a fixed number: the suite passes or fails the same way every time; the level
// says how unlikely it was that the fixed seeds happened to land in the rejection region.
//
// A target of its own (StatisticsSupport) because two test targets use it: the property suite
// (Tests/PropertyTests) and the packet properties measured inside a packet-level run
// (Tests/LoopixPacketTests).
import Foundation

/// [PROP-LEVEL] The significance levels: family-wise 1e-6, Bonferroni over at most 100
/// statistical assertions, 1e-8 each.
public enum Significance {
    /// The family-wise level for the whole suite at the default seed.
    public static let familyAlpha = 1e-6
    /// An upper bound on the statistical assertions made on real packets (both profiles);
    /// SPEC.md gives the count.
    public static let assertionBound = 100
    /// The level of one assertion: 1e-8.
    public static let perAssertion = familyAlpha / Double(assertionBound)
    /// |z| above this rejects a two-sided normal test at `perAssertion` (≈ 5.73).
    public static let zCritical = Stats.normalQuantileUpper(perAssertion / 2)
}

/// A computed statistic with its threshold, kept for the report lines the tests print.
public struct TestStatistic: CustomStringConvertible {
    public let name: String
    public let value: Double
    public let threshold: Double
    /// For a two-sided χ² test, the lower critical value.
    public var lowerThreshold: Double? = nil

    public init(name: String, value: Double, threshold: Double, lowerThreshold: Double? = nil) {
        self.name = name
        self.value = value
        self.threshold = threshold
        self.lowerThreshold = lowerThreshold
    }
    /// The null is rejected when value > threshold (or value < lowerThreshold).
    public var rejects: Bool { value > threshold || value < (lowerThreshold ?? -.infinity) }
    public var description: String {
        let range =
            lowerThreshold.map { String(format: "%.2f…%.2f", $0, threshold) } ?? String(format: "≤ %.2f", threshold)
        return String(format: "%@ = %.2f (accept %@) %@", name, value, range, rejects ? "REJECTS" : "accepts")
    }
}

public enum Stats {
    // MARK: Normal distribution

    /// P(Z > z) for a standard normal Z.
    public static func normalUpperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// z with P(Z > z) = p, by bisection (monotone; 200 steps reach double precision).
    public static func normalQuantileUpper(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if normalUpperTail(mid) > p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    // MARK: Chi-square distribution

    /// The upper critical value of χ²(df) at level α, by the Wilson–Hilferty approximation
    /// (χ²/df)^(1/3) ≈ N(1 − 2/(9df), 2/(9df)). Its error in the far tail is a few percent of
    /// the value for df ≥ 15, far below the margins the controls show.
    public static func chiSquareCritical(df: Int, alpha: Double) -> Double {
        let d = Double(df)
        let v = 2.0 / (9.0 * d)
        let z = normalQuantileUpper(alpha)
        let c = 1 - v + z * v.squareRoot()
        return d * c * c * c
    }

    /// The lower critical value (P(χ² < c) = α), same approximation.
    public static func chiSquareLowerCritical(df: Int, alpha: Double) -> Double {
        let d = Double(df)
        let v = 2.0 / (9.0 * d)
        let z = normalQuantileUpper(alpha)
        let c = Swift.max(0, 1 - v - z * v.squareRoot())
        return d * c * c * c
    }

    /// Pearson's goodness-of-fit statistic against the uniform distribution on the bins.
    /// Null: χ²(bins − 1).
    public static func chiSquareUniform(_ counts: [Int]) -> (statistic: Double, df: Int) {
        let total = Double(counts.reduce(0, +))
        let expected = total / Double(counts.count)
        let statistic = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        return (statistic, counts.count - 1)
    }

    /// Pearson's test of homogeneity of two histograms over the same bins (a 2×k contingency
    /// table). Bins empty in both samples are dropped. Null: χ²(k' − 1).
    public static func chiSquareHomogeneity(_ a: [Int], _ b: [Int]) -> (statistic: Double, df: Int) {
        let na = Double(a.reduce(0, +)), nb = Double(b.reduce(0, +))
        let n = na + nb
        var statistic = 0.0
        var bins = 0
        for (x, y) in zip(a, b) where x + y > 0 {
            bins += 1
            let column = Double(x + y)
            let ea = na * column / n, eb = nb * column / n
            statistic += (Double(x) - ea) * (Double(x) - ea) / ea + (Double(y) - eb) * (Double(y) - eb) / eb
        }
        return (statistic, Swift.max(1, bins - 1))
    }

    // MARK: Histograms and distances

    public static func byteHistogram(_ chunks: [[UInt8]]) -> [Int] {
        var counts = Array(repeating: 0, count: 256)
        for chunk in chunks { for byte in chunk { counts[Int(byte)] += 1 } }
        return counts
    }

    /// Counts of the 4-bit halves of every byte (used where a sample has too few bytes for 256
    /// bins to hold the ≥ 5 expected per bin that Pearson's approximation wants).
    public static func nibbleHistogram(_ chunks: [[UInt8]]) -> [Int] {
        var counts = Array(repeating: 0, count: 16)
        for chunk in chunks {
            for byte in chunk {
                counts[Int(byte >> 4)] += 1
                counts[Int(byte & 0x0f)] += 1
            }
        }
        return counts
    }

    public static func hammingDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = 0
        for (x, y) in zip(a, b) { d += (x ^ y).nonzeroBitCount }
        return d + 8 * abs(a.count - b.count)
    }

    public static func equalBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var n = 0
        for (x, y) in zip(a, b) where x == y { n += 1 }
        return n
    }

    /// z = (D − n/2) / (√n / 2): a Binomial(n, 1/2) count standardised.
    public static func binomialZ(_ d: Int, bits n: Int) -> Double {
        (Double(d) - Double(n) / 2) / (Double(n).squareRoot() / 2)
    }

    public static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(Swift.max(1, xs.count)) }

    public static func variance(_ xs: [Double]) -> Double {
        let m = mean(xs)
        return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(Swift.max(1, xs.count - 1))
    }

    /// Welch's two-sample z for a difference of means (large samples: normal null).
    public static func twoSampleZ(_ a: [Double], _ b: [Double]) -> Double {
        let se = (variance(a) / Double(a.count) + variance(b) / Double(b.count)).squareRoot()
        return se > 0 ? (mean(a) - mean(b)) / se : 0
    }
}

/// Builds a `TestStatistic` for each test shape, with the suite's level.
public enum Verdict {
    /// Pearson χ² against uniform, upper tail at the per-assertion level.
    public static func uniform(_ name: String, _ counts: [Int]) -> TestStatistic {
        let (x, df) = Stats.chiSquareUniform(counts)
        return TestStatistic(
            name: "\(name) χ²(\(df))", value: x,
            threshold: Stats.chiSquareCritical(df: df, alpha: Significance.perAssertion))
    }

    /// Two-sample homogeneity χ², upper tail at the per-assertion level.
    public static func homogeneous(_ name: String, _ a: [Int], _ b: [Int]) -> TestStatistic {
        let (x, df) = Stats.chiSquareHomogeneity(a, b)
        return TestStatistic(
            name: "\(name) χ²(\(df))", value: x,
            threshold: Stats.chiSquareCritical(df: df, alpha: Significance.perAssertion))
    }

    /// A two-sided standard-normal statistic: |z| against `Significance.zCritical`.
    public static func normal(_ name: String, _ z: Double) -> TestStatistic {
        TestStatistic(name: "\(name) |z|", value: abs(z), threshold: Significance.zCritical)
    }
}

/// Prints one line per statistic so a run shows observed values next to thresholds.
public func report(_ context: String, _ statistics: [TestStatistic]) {
    for s in statistics { print("[PROP] \(context) — \(s)") }
}

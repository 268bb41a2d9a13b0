import Foundation

/// Summary of a sample: count, mean, standard deviation (n − 1), minimum, maximum.
public struct SampleSummary: Sendable, Equatable, Codable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double

    /// The standard error of the mean, sd / √n (0 for fewer than two values).
    public var standardError: Double {
        count > 1 ? standardDeviation / Double(count).squareRoot() : 0
    }

    public static let empty = SampleSummary(count: 0, mean: 0, standardDeviation: 0, minimum: 0, maximum: 0)
}

/// Welford's running mean and variance (numerically stable, one pass).
///
/// B. P. Welford, "Note on a method for calculating corrected sums of squares and products",
/// Technometrics 4(3), 1962.
public struct RunningStatistics: Sendable {
    public private(set) var count = 0
    private var mean = 0.0
    private var m2 = 0.0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let d = x - mean
        mean += d / Double(count)
        m2 += d * (x - mean)
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
    }

    public var summary: SampleSummary {
        guard count > 0 else { return .empty }
        let variance = count > 1 ? m2 / Double(count - 1) : 0
        return SampleSummary(
            count: count, mean: mean, standardDeviation: variance.squareRoot(),
            minimum: minimum, maximum: maximum)
    }
}

/// The time average and time variance of a piecewise-constant quantity N(t) over a window.
///
/// SPEC.md [LOOPIX-METRIC-OCCUPANCY]: mean = (1/T)∫N dt, variance = (1/T)∫N² dt − mean².
struct TimeWeightedStatistics {
    private var value = 0.0
    private var lastChange = 0.0
    private var area = 0.0
    private var areaOfSquares = 0.0
    private var windowStart: Double
    private var windowEnd: Double

    init(windowStart: Double, windowEnd: Double) {
        self.windowStart = windowStart
        self.windowEnd = windowEnd
    }

    /// Records that the quantity changes to `newValue` at time `t` (times never decrease).
    mutating func set(_ newValue: Double, at t: Double) {
        accumulate(until: t)
        value = newValue
    }

    private mutating func accumulate(until t: Double) {
        let from = Swift.max(lastChange, windowStart), to = Swift.min(t, windowEnd)
        if to > from {
            area += value * (to - from)
            areaOfSquares += value * value * (to - from)
        }
        lastChange = t
    }

    /// Ends the window early, at `t` (now or later; LOOPIX-TARGETS ends it at the last delivery).
    mutating func endWindow(at t: Double) {
        accumulate(until: t)
        windowEnd = Swift.min(windowEnd, t)
    }

    /// (mean, variance) over [windowStart, end], end ≤ windowEnd.
    mutating func finish(at end: Double) -> (mean: Double, variance: Double) {
        accumulate(until: end)
        let length = end - windowStart
        guard length > 0 else { return (0, 0) }
        let mean = area / length
        return (mean, Swift.max(0, areaOfSquares / length - mean * mean))
    }
}

/// Inputs a closed form is not defined for.
public enum AnalysisError: Error, Equatable, Sendable {
    /// A rate or time that must be > 0 is not (or is not finite).
    case nonPositive(parameter: String, value: Double)
    /// A rate that must be ≥ 0 is negative (or not finite).
    case negative(parameter: String, value: Double)
    /// A count outside its range (for example k > n in Theorem 1).
    case countOutOfRange(parameter: String, value: Int)
    /// The client buffer is not stable: r ≥ λ_P, so the queue grows without bound.
    case unstableQueue(arrivalRate: Double, serviceRate: Double)
    /// A real parameter that must be strictly greater than `bound` is not (for example the
    /// blocking factor s of the (n − 1) analysis, s ∈ ℝ_{>1} in Loopix §4.2.1).
    case notGreaterThan(parameter: String, value: Double, bound: Double)
}

@inline(__always)
func requirePositive(_ name: String, _ x: Double) throws(AnalysisError) {
    guard x.isFinite, x > 0 else { throw .nonPositive(parameter: name, value: x) }
}

@inline(__always)
func requireNonNegative(_ name: String, _ x: Double) throws(AnalysisError) {
    guard x.isFinite, x >= 0 else { throw .negative(parameter: name, value: x) }
}

/// Poisson counts for the round-based attack models, drawn from the simulation generator.
extension SimulationRandom {
    /// The number of events of a Poisson process of `rate` in an interval of length `length`:
    /// exponential gaps (LOOPIX-RNG-4) counted until they pass the interval's end. O(rate · length).
    mutating func poissonCount(rate: Double, length: Double) -> Int {
        guard rate > 0, length > 0 else { return 0 }
        var t = exponential(rate: rate), n = 0
        while t < length {
            n += 1
            t += exponential(rate: rate)
        }
        return n
    }
}

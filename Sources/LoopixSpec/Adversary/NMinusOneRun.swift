import Foundation

extension NMinusOneAttack {
    /// Measures both detection rules, their false alarms and the flushing of the pool, for each
    /// blocking time in `times`, over `trials` independent trials each.
    ///
    /// SPEC.md [LOOPIX-ADV-NM1-1].
    /// ```text
    /// loops leave the mix as a Poisson stream of rate λ_M on [−H, t] (H long enough for steady
    /// state); each comes back after D ~ Erlang(l − 1, µ), a sum of l − 1 Exp(µ) delays
    /// attack: every input in [0, t] is held back (the adversary cannot tell loops from the rest),
    ///         so loops coming back in [0, t] are not received during the blocking
    /// threshold rule: at every instant τ in [0, t], count the loops received in (τ − w, τ];
    ///         alarm if the count < λ_M·w/s   (it changes only when a loop enters or leaves the
    ///         window, so τ = 0 and τ = r + w for each received r are checked)
    /// timeout rule: alarm if some loop's deadline x + τ_q falls in [0, t] and it is not back by then
    /// honest run: the same trial without the blocking (false alarms)
    /// flushed: the k messages in the pool at time 0 all left by t (each residual delay Exp(µ))
    /// ```
    public static func run(
        _ s: Setting, times: [Double], trials: Int, seed: UInt64, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> Report {
        for (name, v) in [("lambdaM", s.lambdaM), ("mu", s.mu), ("window", s.window), ("timeout", s.timeout)]
        where !(v.isFinite && v > 0) {
            throw .parameterOutOfRange(parameter: name, value: v)
        }
        guard s.s.isFinite, s.s > 1 else { throw .parameterOutOfRange(parameter: "s", value: s.s) }
        guard s.layers >= 1, s.poolSize >= 0, trials >= 1 else {
            throw .unsuitable("need layers, trials ≥ 1, pool ≥ 0")
        }
        for t in times where !(t.isFinite && t > 0) { throw .parameterOutOfRange(parameter: "t", value: t) }
        var random = SimulationRandom(seed: seed)
        let threshold = s.lambdaM * s.window / s.s
        var points: [Point] = []
        for (index, t) in times.enumerated() {
            var thrDetect = 0, thrFalse = 0, toDetect = 0, toFalse = 0, flushed = 0, isolated = 0
            let warmUp = s.window + s.timeout + 40 * Double(max(1, s.layers - 1)) / s.mu
            for _ in 0..<trials {
                // Step 1: the mix's loops and when they come back.
                var sends: [(x: Double, back: Double)] = []
                var x = -warmUp + random.exponential(rate: s.lambdaM)
                while x <= t {
                    var d = 0.0
                    for _ in 0..<(s.layers - 1) { d += random.exponential(rate: s.mu) }
                    sends.append((x, x + d))
                    x += random.exponential(rate: s.lambdaM)
                }
                // Step 2: the threshold rule, attacked and honest.
                let honest = sends.map(\.back).filter { $0 <= t }.sorted()
                let attacked = honest.filter { $0 < 0 }
                let alarmAttacked = thresholdAlarm(received: attacked, t: t, w: s.window, threshold: threshold)
                if alarmAttacked { thrDetect += 1 }
                if thresholdAlarm(received: honest, t: t, w: s.window, threshold: threshold) { thrFalse += 1 }
                // Step 3: the timeout rule.
                var timeoutAttacked = false, timeoutHonest = false
                for (x, back) in sends where x + s.timeout >= 0 && x + s.timeout <= t {
                    let late = back - x > s.timeout
                    if late { timeoutHonest = true }
                    if late || back >= 0 { timeoutAttacked = true }
                }
                if timeoutAttacked { toDetect += 1 }
                if timeoutHonest { toFalse += 1 }
                // Step 4: the pool flushed.
                var allGone = true
                for _ in 0..<s.poolSize where random.exponential(rate: s.mu) > t { allGone = false }
                if allGone { flushed += 1 }
                if allGone && !alarmAttacked { isolated += 1 }
            }
            let n = Double(trials)
            points.append(
                Point(
                    t: t, thresholdDetection: Double(thrDetect) / n, thresholdFalseAlarm: Double(thrFalse) / n,
                    timeoutDetection: Double(toDetect) / n, timeoutFalseAlarm: Double(toFalse) / n,
                    timeoutDetectionPredicted: timeoutDetectionPredicted(s, t: t),
                    formulaNoTransit: 1 - exp(-s.lambdaM * t), flushed: Double(flushed) / n,
                    flushedPredicted: pow(1 - exp(-s.mu * t), Double(s.poolSize)),
                    isolatedUndetected: Double(isolated) / n))
            progress?(Double(index + 1) / Double(times.count))
        }
        return Report(setting: s, trials: trials, points: points)
    }

    /// The threshold rule on the received return times (sorted): is the count in (τ − w, τ] below
    /// the threshold at τ = 0 or at some τ = r + w in (0, t]?
    static func thresholdAlarm(received r: [Double], t: Double, w: Double, threshold: Double) -> Bool {
        func count(at tau: Double) -> Int {
            // received in (tau − w, tau]: a linear scan is enough for the counts of one trial.
            r.reduce(0) { $0 + ($1 > tau - w && $1 <= tau ? 1 : 0) }
        }
        if Double(count(at: 0)) < threshold { return true }
        for ri in r where ri + w > 0 && ri + w <= t {
            if Double(count(at: ri + w)) < threshold { return true }
        }
        return false
    }
}

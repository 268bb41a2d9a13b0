import Foundation

extension NMinusOneAttack {
    /// The figures of one blocking time t, measured over the episodes of a packet-level run.
    public struct PacketPoint: Codable, Sendable {
        public var t: Double
        /// Episodes of this length (attacked run; the honest run has the same ones).
        public var episodes: Int
        /// The threshold rule: alarm during an episode of the attacked run, and during the same
        /// interval of the honest run.
        public var thresholdDetection: Double
        public var thresholdFalseAlarm: Double
        /// The timeout rule, the same two, and its closed form with transit (LOOPIX-ADV-NM1-2).
        public var timeoutDetection: Double
        public var timeoutFalseAlarm: Double
        public var timeoutDetectionPredicted: Double
        /// LOOPIX-CF-NMINUS1-OURS: 1 − e^{−λ_M t}.
        public var formulaNoTransit: Double
        /// The pool at the start (mean k), flushed by the end: measured and the mean over the
        /// episodes of (1 − e^{−µt})^k.
        public var meanPool: Double
        public var flushed: Double
        public var flushedPredicted: Double
        /// The adversary's success: a client packet let through, the pool flushed, no alarm of
        /// the threshold rule.
        public var isolatedUndetected: Double
    }

    public struct PacketReport: Codable, Sendable {
        /// λ_M, µ, l from the run; s, w, τ_q of the rules; `poolSize` unused (measured per episode).
        public var setting: Setting
        public var target: Int
        public var mode: PacketAdversary.Blocking.Mode
        /// The target's own loops in the attacked run.
        public var targetLoops: Int
        public var points: [PacketPoint]
    }

    /// Runs the network twice with the same seed and episodes, blocked (`mode`) and honest
    /// (`watch`), and measures both (LOOPIX-ADV-NM1-PKT). Episodes: the lengths `times` in turn,
    /// the first at the burn-in, each `gap` seconds after the last ended.
    public static func runPackets(
        _ simulator: PacketSimulator, target: Int, times: [Double], gap: Double, mode: PacketAdversary.Blocking.Mode,
        s: Double, window: Double, timeout: Double, threads: Int = 1, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> PacketReport {
        let p = simulator.parameters
        guard p.lambdaM > 0 else { throw .unsuitable("(n − 1) is seen through the target's loops: need λ_M > 0") }
        for t in times where !(t.isFinite && t > 0) { throw .parameterOutOfRange(parameter: "t", value: t) }
        guard gap.isFinite, gap >= 0 else { throw .parameterOutOfRange(parameter: "gap", value: gap) }
        let episodes = PacketAdversary.Blocking.schedule(
            times: times, start: simulator.config.burnIn, gap: gap,
            end: simulator.config.duration - simulator.config.cooldown)
        guard !episodes.isEmpty else { throw .unsuitable("no episode fits between the burn-in and the cooldown") }
        var records: [PacketAdversaryRecord] = []
        for (i, m) in [mode, .watch].enumerated() {
            let adversary = PacketAdversary(blocking: .init(target: target, episodes: episodes, mode: m))
            records.append(
                try simulator.runUnderAttack(
                    adversary, threads: threads, progress: progress.map { f in { f((Double(i) + $0) / 2) } }
                ).record)
        }
        let setting = Setting(
            lambdaM: p.lambdaM, mu: p.mu, layers: p.layers, s: s, window: window, timeout: timeout, poolSize: 0)
        return try measure(attacked: records[0], honest: records[1], setting: setting, target: target, mode: mode)
    }

    /// Measures (n − 1) from an attacked and an honest packet-level run with the same episodes.
    ///
    /// SPEC.md [LOOPIX-ADV-NM1-PKT].
    /// ```text
    /// for each episode [a, a + t] of the attacked run and the same interval of the honest run
    /// (mode watch), on the target's own loops (sent x, back r: r is when it arrived at the
    /// target, so a held loop is back only when released):
    ///   threshold rule: LOOPIX-ADV-NM1-1's, on the returns r − a
    ///   timeout rule: some loop with x + τ_q in [a, a + t] not back by x + τ_q
    ///   flushed: every packet the target held at a had left by a + t
    /// grouped by t; predicted flushing: mean over episodes of (1 − e^{−µt})^k, k the pool at a
    /// ```
    public static func measure(
        attacked: PacketAdversaryRecord, honest: PacketAdversaryRecord, setting s: Setting, target: Int,
        mode: PacketAdversary.Blocking.Mode
    ) throws(AdversaryError) -> PacketReport {
        for (name, v) in [("lambdaM", s.lambdaM), ("window", s.window), ("timeout", s.timeout)]
        where !(v.isFinite && v > 0) {
            throw .parameterOutOfRange(parameter: name, value: v)
        }
        guard s.s.isFinite, s.s > 1 else { throw .parameterOutOfRange(parameter: "s", value: s.s) }
        guard attacked.episodes.map(\.episode) == honest.episodes.map(\.episode) else {
            throw .unsuitable("the attacked and the honest run must have the same episodes")
        }
        let threshold = s.lambdaM * s.window / s.s
        func alarms(_ record: PacketAdversaryRecord, _ e: PacketAdversary.Episode) -> (threshold: Bool, timeout: Bool) {
            let start = e.start, end = e.start + e.length
            var received: [Double] = []
            var timeout = false
            for loop in record.targetLoops {
                if let back = loop.backAt, back > start - s.window, back <= end { received.append(back - start) }
                let deadline = loop.sentAt + s.timeout
                if deadline >= start, deadline <= end, (loop.backAt ?? .infinity) > deadline { timeout = true }
            }
            return (thresholdAlarm(received: received, t: e.length, w: s.window, threshold: threshold), timeout)
        }
        var points: [PacketPoint] = []
        let times = Set(attacked.episodes.map(\.episode.length)).sorted()
        for t in times {
            let indices = attacked.episodes.indices.filter { attacked.episodes[$0].episode.length == t }
            var thrD = 0, thrF = 0, toD = 0, toF = 0, flushed = 0, isolated = 0
            var pool = 0.0, flushedPredicted = 0.0
            for i in indices {
                let e = attacked.episodes[i]
                let a = alarms(attacked, e.episode), h = alarms(honest, e.episode)
                if a.threshold { thrD += 1 }
                if h.threshold { thrF += 1 }
                if a.timeout { toD += 1 }
                if h.timeout { toF += 1 }
                if e.flushed { flushed += 1 }
                if e.flushed && e.letThrough && !a.threshold { isolated += 1 }
                pool += Double(e.poolAtStart)
                flushedPredicted += pow(1 - exp(-s.mu * t), Double(e.poolAtStart))
            }
            let n = Double(indices.count)
            points.append(
                PacketPoint(
                    t: t, episodes: indices.count, thresholdDetection: Double(thrD) / n,
                    thresholdFalseAlarm: Double(thrF) / n, timeoutDetection: Double(toD) / n,
                    timeoutFalseAlarm: Double(toF) / n, timeoutDetectionPredicted: timeoutDetectionPredicted(s, t: t),
                    formulaNoTransit: 1 - exp(-s.lambdaM * t), meanPool: pool / n, flushed: Double(flushed) / n,
                    flushedPredicted: flushedPredicted / n, isolatedUndetected: Double(isolated) / n))
        }
        return PacketReport(
            setting: s, target: target, mode: mode, targetLoops: attacked.targetLoops.count, points: points)
    }
}

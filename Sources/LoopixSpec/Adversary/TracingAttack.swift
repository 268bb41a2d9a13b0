import Foundation

/// The tracing attack over many targets of one run, scored against the ground truth, beside the
/// entropy metrics of the same run (SPEC.md LOOPIX-ADV-TRACE-3).
public struct TracingReport: Codable, Sendable, Equatable {
    /// Targets traced (client messages sent in the window whose exit the run saw).
    public var targets: Int
    /// The k of the top-k guess.
    public var k: Int
    /// Share of targets whose most probable exit was the true one, and its standard error.
    public var top1Success: Double
    public var top1StandardError: Double
    /// Share of targets whose true exit was among the k most probable.
    public var topKSuccess: Double
    /// Mean over targets of the largest posterior probability: what a calibrated tracer
    /// expects its top-1 success to be.
    public var meanTopProbability: Double
    /// Mean posterior entropy H over exits (bits), and the mean of 2^−H.
    public var meanPosteriorEntropy: Double
    public var meanTwoToMinusH: Double
    /// Mean over targets of Fano's bound on the top-1 success (LOOPIX-ADV-TRACE-BOUND).
    public var meanFanoBound: Double
    /// Mean number of exits with probability > 0.
    public var meanCandidates: Double
    /// The sender-entropy metric of the same run (LOOPIX-METRIC-SENDER, all client messages),
    /// and 2^−H of it: a uniform guess among 2^H senders. Nil for an attack on a file (the
    /// metric needs the run).
    public var senderEntropy: Double?
    public var senderTwoToMinusH: Double?
}

public enum TracingAttack {
    /// Runs `simulator` with the observer recording, traces up to `targets` client messages sent
    /// in the measurement window [burn-in, window end] (evenly spaced among them), and scores
    /// the guesses (`onView`, LOOPIX-ADV-TRACE-3).
    public static func run(
        _ simulator: LoopixSimulator, targets: Int, k: Int = 5, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> TracingReport {
        let (result, recording) = ObserverRecording.run(simulator, progress: progress)
        return try score(result: result, recording: recording, burnIn: simulator.config.burnIn, targets: targets, k: k)
    }

    /// The same attack on a run already recorded (`ObserverRecording.run`), e.g. one whose view
    /// was also written to a file: `onView` with the run's window and its ground truth, and the
    /// run's sender entropy beside it.
    public static func score(
        result: SimulationResult, recording: ObserverRecording, burnIn: Double, targets: Int, k: Int = 5
    ) throws(AdversaryError) -> TracingReport {
        let p = result.parameters
        let view = try onView(
            recording.observation, layers: p.layers, mixesPerLayer: p.mixesPerLayer, mu: p.mu,
            from: burnIn, to: result.windowEnd, targets: targets, k: k, truth: recording.truth)
        guard var report = view.report else { preconditionFailure("BUG: onView with truth gave no report") }
        let hs = result.anonymity.senderEntropy.mean
        report.senderEntropy = hs
        report.senderTwoToMinusH = exp2(-hs)
        return report
    }

    /// One target's guess, as the observer can state it without the ground truth.
    public struct Guess: Codable, Sendable, Equatable {
        /// The target's send: its index in the observation (the file's line is index + 2), time
        /// and sender.
        public var send: Int
        public var time: Double
        public var sender: String
        /// The k most probable exits: index of the last-mix → provider link, its provider and time,
        /// and the posterior probability.
        public var exits: [Exit]
        /// Posterior entropy over all candidate exits (bits), and their number.
        public var entropy: Double
        public var candidates: Int

        public struct Exit: Codable, Sendable, Equatable {
            public var event: Int
            public var provider: String
            public var time: Double
            public var probability: Double
        }
    }

    /// The attack on an observation alone: guesses, and with the ground truth a report.
    public struct ViewResult: Codable, Sendable {
        public var guesses: [Guess]
        public var report: TracingReport?
    }

    /// Traces targets on an observation (a run's or a file's) and, given the ground truth,
    /// scores the guesses.
    ///
    /// SPEC.md [LOOPIX-ADV-TRACE-3].
    /// ```text
    /// targets: client → provider links with from ≤ time ≤ to, every ⌈count/targets⌉-th
    /// horizon: 30 · l / µ (the target has left the last mix with probability > 1 − 10⁻⁹ for l ≤ 5)
    /// each target: the posterior (LOOPIX-ADV-TRACE-2); its guess the k most probable exits
    /// with truth: hit@1: the most probable exit is the target's exit in the ground truth; hit@k
    ///             likewise; targets whose exit the ground truth does not hold are left out
    /// ```
    public static func onView(
        _ events: [LinkEvent], layers: Int, mixesPerLayer: Int, mu: Double, from start: Double, to end: Double,
        targets: Int, k: Int = 5, truth: [ObserverRecording.TruthEntry]? = nil
    ) throws(AdversaryError) -> ViewResult {
        guard targets >= 1 else { throw .parameterOutOfRange(parameter: "targets", value: Double(targets)) }
        guard k >= 1 else { throw .parameterOutOfRange(parameter: "k", value: Double(k)) }
        guard layers >= 1, mixesPerLayer >= 1 else { throw .unsuitable("need layers ≥ 1 and mixes per layer ≥ 1") }
        guard mu.isFinite, mu > 0 else { throw .parameterOutOfRange(parameter: "mu", value: mu) }
        if let truth, truth.count != events.count {
            throw .unsuitable("the ground truth has \(truth.count) entries for \(events.count) events")
        }
        // Step 1: the ground truth's exit of each message (scoring only).
        var exitOf: [Int: Int] = [:]
        if let truth {
            for (i, e) in events.enumerated() {
                guard case .mix(let m) = e.from, case .provider = e.to, m / mixesPerLayer == layers - 1,
                    let message = truth[i].message
                else { continue }
                exitOf[message] = i
            }
        }
        // Step 2: the targets.
        let sends = events.indices.filter {
            if case .client = events[$0].from { return events[$0].time >= start && events[$0].time <= end }
            return false
        }
        guard !sends.isEmpty else { throw .unsuitable("no client sent a message in the measurement window") }
        let step = max(1, (sends.count + targets - 1) / targets)
        // Step 3: trace each, guess, and score.
        let n = MessageTracer.poolCounts(events)
        let horizon = 30 * Double(layers) / mu
        var guesses: [Guess] = []
        var traced = 0, hit1 = 0, hitK = 0
        var sumTop = 0.0, sumH = 0.0, sumTwo = 0.0, sumFano = 0.0, sumCandidates = 0.0
        for s in stride(from: 0, to: sends.count, by: step) {
            guard
                let post = MessageTracer.trace(
                    events, poolCounts: n, layers: layers, mixesPerLayer: mixesPerLayer, sendEvent: sends[s],
                    horizon: horizon)
            else { continue }
            let send = events[sends[s]]
            guesses.append(
                Guess(
                    send: sends[s], time: send.time, sender: send.from.name,
                    exits: post.exits.prefix(k).map {
                        Guess.Exit(
                            event: $0.event, provider: events[$0.event].to.name, time: events[$0.event].time,
                            probability: $0.probability)
                    }, entropy: post.entropy, candidates: post.exits.count))
            guard let truth, let message = truth[sends[s]].message, let trueExit = exitOf[message] else { continue }
            traced += 1
            if post.exits[0].event == trueExit { hit1 += 1 }
            if post.exits.prefix(k).contains(where: { $0.event == trueExit }) { hitK += 1 }
            sumTop += post.exits[0].probability
            sumH += post.entropy
            sumTwo += exp2(-post.entropy)
            sumFano += MessageTracer.fanoBound(entropy: post.entropy, alternatives: post.exits.count)
            sumCandidates += Double(post.exits.count)
        }
        guard truth != nil else { return ViewResult(guesses: guesses, report: nil) }
        guard traced > 0 else { throw .unsuitable("no target could be traced to an exit") }
        let t = Double(traced)
        let success = Double(hit1) / t
        let report = TracingReport(
            targets: traced, k: k, top1Success: success,
            top1StandardError: (success * (1 - success) / t).squareRoot(),
            topKSuccess: Double(hitK) / t, meanTopProbability: sumTop / t,
            meanPosteriorEntropy: sumH / t, meanTwoToMinusH: sumTwo / t, meanFanoBound: sumFano / t,
            meanCandidates: sumCandidates / t, senderEntropy: nil, senderTwoToMinusH: nil)
        return ViewResult(guesses: guesses, report: report)
    }
}

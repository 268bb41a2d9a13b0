import Foundation

/// The tracing attack over many targets of one run, scored against the ground truth, beside the
/// entropy metrics of the same run (SPEC.md LOOPIX-ADV-TRACE-3).
public struct TracingReport: Codable, Sendable {
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
    /// and 2^−H of it: a uniform guess among 2^H senders.
    public var senderEntropy: Double
    public var senderTwoToMinusH: Double
}

public enum TracingAttack {
    /// Runs `simulator` with the observer recording, traces up to `targets` client messages sent
    /// in the measurement window (evenly spaced among them), and scores the guesses.
    ///
    /// SPEC.md [LOOPIX-ADV-TRACE-3].
    /// ```text
    /// targets: client → provider links in [burn-in, window end], every ⌈count/targets⌉-th
    /// horizon: 30 · l / µ (the target has left the last mix with probability > 1 − 10⁻⁹ for l ≤ 5)
    /// hit@1: the most probable exit is the target's exit in the ground truth; hit@k likewise
    /// ```
    public static func run(
        _ simulator: LoopixSimulator, targets: Int, k: Int = 5, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> TracingReport {
        let (result, recording) = ObserverRecording.run(simulator, progress: progress)
        return try score(result: result, recording: recording, burnIn: simulator.config.burnIn, targets: targets, k: k)
    }

    /// The same attack on a run already recorded (`ObserverRecording.run`), e.g. one whose view
    /// was also written to a file.
    public static func score(
        result: SimulationResult, recording: ObserverRecording, burnIn: Double, targets: Int, k: Int = 5
    ) throws(AdversaryError) -> TracingReport {
        guard targets >= 1 else { throw .parameterOutOfRange(parameter: "targets", value: Double(targets)) }
        guard k >= 1 else { throw .parameterOutOfRange(parameter: "k", value: Double(k)) }
        let p = result.parameters
        let events = recording.observation
        // Step 1: the ground truth's exit of each message (scoring only).
        var exitOf: [Int: Int] = [:]
        for (i, e) in events.enumerated() {
            guard case .mix(let m) = e.from, case .provider = e.to, m / p.mixesPerLayer == p.layers - 1,
                let message = recording.truth[i].message
            else { continue }
            exitOf[message] = i
        }
        // Step 2: the targets.
        let start = burnIn, end = result.windowEnd
        let sends = events.indices.filter {
            if case .client = events[$0].from { return events[$0].time >= start && events[$0].time <= end }
            return false
        }
        guard !sends.isEmpty else { throw .unsuitable("no client sent a message in the measurement window") }
        let step = max(1, (sends.count + targets - 1) / targets)
        // Step 3: trace each and score.
        let n = MessageTracer.poolCounts(events)
        let horizon = 30 * Double(p.layers) / p.mu
        var traced = 0, hit1 = 0, hitK = 0
        var sumTop = 0.0, sumH = 0.0, sumTwo = 0.0, sumFano = 0.0, sumCandidates = 0.0
        for s in stride(from: 0, to: sends.count, by: step) {
            guard let message = recording.truth[sends[s]].message, let trueExit = exitOf[message],
                let post = MessageTracer.trace(
                    events, poolCounts: n, layers: p.layers, mixesPerLayer: p.mixesPerLayer,
                    sendEvent: sends[s], horizon: horizon)
            else { continue }
            traced += 1
            if post.exits[0].event == trueExit { hit1 += 1 }
            if post.exits.prefix(k).contains(where: { $0.event == trueExit }) { hitK += 1 }
            sumTop += post.exits[0].probability
            sumH += post.entropy
            sumTwo += exp2(-post.entropy)
            sumFano += MessageTracer.fanoBound(entropy: post.entropy, alternatives: post.exits.count)
            sumCandidates += Double(post.exits.count)
        }
        guard traced > 0 else { throw .unsuitable("no target could be traced to an exit") }
        let t = Double(traced)
        let success = Double(hit1) / t
        let hs = result.anonymity.senderEntropy.mean
        return TracingReport(
            targets: traced, k: k, top1Success: success,
            top1StandardError: (success * (1 - success) / t).squareRoot(),
            topKSuccess: Double(hitK) / t, meanTopProbability: sumTop / t,
            meanPosteriorEntropy: sumH / t, meanTwoToMinusH: sumTwo / t, meanFanoBound: sumFano / t,
            meanCandidates: sumCandidates / t, senderEntropy: hs, senderTwoToMinusH: exp2(-hs))
    }
}

/// Building a `SimulationResult` from what a `MetricCollector` saw: rates over the window's
/// length, shares, and the standard errors across clients. SPEC.md §8.6.
extension SimulationResult {
    /// `metrics` must have finished its sender tracking (`finishSenderTracking`).
    ///
    /// - Parameters:
    ///   - windowEnd: the end of the measurement window actually covered: T − cooldown, or the
    ///     last event's time when the event bound stopped the run first.
    ///   - unsentAtEnd: real messages still in a client's buffer when the run ended.
    init(
        metrics m: MetricCollector, parameters p: LoopixParameters, config: SimulationConfig,
        stopReason: StopReason, eventsProcessed: Int, windowEnd: Double, unsentAtEnd: Int
    ) {
        let length = max(windowEnd - m.windowStart, 0)
        let senders = m.senderTally
        var mixMetrics: [MixMetrics] = []
        for (i, mix) in m.mixes.enumerated() {
            var occupancy = mix.occupancy
            let (mean, variance) = occupancy.finish(at: windowEnd)
            mixMetrics.append(
                .init(
                    mix: i, layer: i / p.mixesPerLayer,
                    arrivals: mix.arrivals, departures: mix.departures,
                    arrivalRate: length > 0 ? Double(mix.arrivals) / length : 0,
                    throughput: length > 0 ? Double(mix.departures) / length : 0,
                    occupancyMean: mean, occupancyVariance: variance,
                    poolEntropyMean: mix.poolEntropy.summary.mean,
                    danezisEntropyMean: mix.danezisEntropy.summary.mean))
        }
        var waitMeans = RunningStatistics(), dropMeans = RunningStatistics()
        for c in m.clientTallies {
            if c.waitCount > 0 { waitMeans.add(c.waitSum / Double(c.waitCount)) }
            if c.slots > 0 { dropMeans.add(Double(c.emptySlots) / Double(c.slots)) }
        }
        let sent = m.sentByKind
        let clientSent = [MessageKind.real, .payloadDrop, .loop, .drop].reduce(0) { $0 + sent[$1] }
        let clientCover = [MessageKind.payloadDrop, .loop, .drop].reduce(0) { $0 + sent[$1] }
        let mixTotal = m.mixDeparturesByKind.total
        let mixReal = m.mixDeparturesByKind[.real]
        var byKind: [String: Int] = [:]
        for k in MessageKind.allCases { byKind[k.rawValue] = sent[k] }
        self.init(
            parameters: p, config: config, stopReason: stopReason, eventsProcessed: eventsProcessed,
            windowStart: m.windowStart, windowEnd: windowEnd, mixes: mixMetrics,
            buffer: .init(
                payloadSlots: m.payloadSlots, emptySlots: m.emptySlots,
                dropFraction: m.payloadSlots > 0 ? Double(m.emptySlots) / Double(m.payloadSlots) : 0,
                wait: m.bufferWait.summary, unsentAtEnd: unsentAtEnd,
                waitStandardError: waitMeans.summary.standardError,
                dropFractionStandardError: dropMeans.summary.standardError),
            latency: .init(
                sendToInbox: m.sendToInbox.summary, createdToInbox: m.createdToInbox.summary,
                createdToPull: m.createdToPull.summary, loopSendToInbox: m.loopSendToInbox.summary),
            anonymity: .init(
                senderEntropy: senders.senderEntropy.summary, senderEntropyReal: senders.senderEntropyReal.summary,
                epsilon: senders.epsilon.summary, epsilonInfinite: senders.epsilonInfinite),
            traffic: .init(
                sentByKind: byKind,
                clientCoverShare: clientSent > 0 ? Double(clientCover) / Double(clientSent) : 0,
                mixCoverShare: mixTotal > 0 ? Double(mixTotal - mixReal) / Double(mixTotal) : 0,
                dropsDiscarded: m.dropsDiscarded, pullDummies: m.pullDummies, realPulled: m.realPulled,
                mixLoopsReturned: m.mixLoopsReturned))
        targets = m.targets.map { TargetMetrics(tally: $0, senders: senders) }
        if senders.anyPruned { anonymity.prunedShare = senders.prunedShare.summary }
    }
}

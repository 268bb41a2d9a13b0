/// Everything one run measured. All times are in seconds, entropies in bits, ε in nats.
///
/// SPEC.md, "Metrics" (each field names the metric's ID there).
public struct SimulationResult: Sendable, Codable {
    /// Why the run ended.
    public enum StopReason: String, Sendable, Codable {
        /// Virtual time reached the configured duration.
        case duration
        /// The event bound was reached first.
        case eventLimit
    }

    /// Metrics of one mix over the measurement window.
    public struct MixMetrics: Sendable, Codable {
        public var mix: Int
        public var layer: Int
        /// Messages that arrived (entered the pool) during the window.
        public var arrivals: Int
        /// Messages that left the pool during the window.
        public var departures: Int
        /// Arrivals per second.
        public var arrivalRate: Double
        /// Departures per second (throughput).
        public var throughput: Double
        /// Time-averaged number of messages held (LOOPIX-METRIC-OCCUPANCY).
        public var occupancyMean: Double
        /// Time variance of the number held.
        public var occupancyVariance: Double
        /// Mean of eq. (5)'s H_t over the outputs in the window (LOOPIX-METRIC-POOL).
        public var poolEntropyMean: Double
        /// Mean of Danezis' entropy over the outputs in the window (LOOPIX-METRIC-DANEZIS).
        public var danezisEntropyMean: Double
    }

    /// The clients' buffers. SPEC.md [LOOPIX-METRIC-BUFFER].
    public struct BufferMetrics: Sendable, Codable {
        /// Payload-stream slots in the window.
        public var payloadSlots: Int
        /// Slots that sent a drop message because the buffer was empty.
        public var emptySlots: Int
        /// emptySlots / payloadSlots.
        public var dropFraction: Double
        /// Time in the buffer of real messages created in the window and sent before the end.
        public var wait: SampleSummary
        /// Real messages still in a buffer at the end.
        public var unsentAtEnd: Int
        /// Standard error of the mean wait, from the spread of the per-client means (the
        /// clients' queues are independent; waits within one queue are not).
        public var waitStandardError: Double
        /// Standard error of the drop fraction, from the spread of the per-client fractions.
        public var dropFractionStandardError: Double
    }

    /// Latencies of real messages sent in the window. SPEC.md [LOOPIX-METRIC-LATENCY].
    public struct LatencyMetrics: Sendable, Codable {
        /// From leaving the sender to reaching the recipient's inbox.
        public var sendToInbox: SampleSummary
        /// From entering the sender's buffer to reaching the inbox.
        public var createdToInbox: SampleSummary
        /// From entering the sender's buffer to being pulled by the recipient.
        public var createdToPull: SampleSummary
        /// Client loops: from leaving the client to reaching its own inbox.
        public var loopSendToInbox: SampleSummary
    }

    /// Anonymity of client messages (LOOPIX-METRIC-SENDER and LOOPIX-METRIC-EPSILON).
    public struct AnonymityMetrics: Sendable, Codable {
        /// Sender entropy (bits) of every client message sent in the window, at its provider.
        public var senderEntropy: SampleSummary
        /// The same restricted to real messages.
        public var senderEntropyReal: SampleSummary
        /// ε = |ln(p_S0 / p_S1)| of the challenge senders' messages, where finite.
        public var epsilon: SampleSummary
        /// Challenge messages whose ε is infinite (one of p_S0, p_S1 is 0).
        public var epsilonInfinite: Int
        /// The share of a message's client mass that pruning left unattributed, over the
        /// messages of `senderEntropy`; absent when nothing was pruned (the entropy is exact).
        /// SPEC.md LOOPIX-METRIC-SPARSE.
        public var prunedShare: SampleSummary? = nil
    }

    /// Traffic volumes. SPEC.md [LOOPIX-METRIC-COVER].
    public struct TrafficMetrics: Sendable, Codable {
        /// Messages sent in the window, by kind.
        public var sentByKind: [String: Int]
        /// Cover share of what clients send: (payloadDrop + loop + drop) / all client messages.
        public var clientCoverShare: Double
        /// Cover share of what mixes forward: non-real departures / all departures.
        public var mixCoverShare: Double
        /// Drop messages (both kinds) discarded at providers in the window.
        public var dropsDiscarded: Int
        /// Dummies providers added to pulls in the window.
        public var pullDummies: Int
        /// Real messages pulled in the window.
        public var realPulled: Int
        /// Mix loops that came back to their mix in the window.
        public var mixLoopsReturned: Int
    }

    public var parameters: LoopixParameters
    public var config: SimulationConfig
    public var stopReason: StopReason
    public var eventsProcessed: Int
    /// Start and end of the measurement window.
    public var windowStart: Double
    public var windowEnd: Double
    public var mixes: [MixMetrics]
    public var buffer: BufferMetrics
    public var latency: LatencyMetrics
    public var anonymity: AnonymityMetrics
    public var traffic: TrafficMetrics
    /// MiXiM's target messages and entropy (LOOPIX-METRIC-MIXIM); absent without them.
    public var targets: TargetMetrics? = nil
}

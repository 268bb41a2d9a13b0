/// How long, and how, one simulation runs.
///
/// SPEC.md, "The simulator": a run covers virtual time [0, duration]; metrics are collected in
/// the measurement window [burnIn, duration − cooldown] (cut short at the last event when the
/// event bound stops the run first).
public struct SimulationConfig: Sendable, Equatable, Codable {
    /// The seed of the run's only random generator (xoshiro256** seeded by SplitMix64).
    public var seed: UInt64
    /// Virtual seconds to simulate, burn-in included.
    public var duration: Double
    /// Virtual seconds at the start whose events are not measured (the network fills up).
    public var burnIn: Double
    /// Virtual seconds at the end that are not measured either: messages sent in the window
    /// still in flight finish (their latency and anonymity are recorded), as MiXiM's "cooldown"
    /// phase. Without it, the window's last messages are counted only when they are fast.
    public var cooldown: Double
    /// The run stops after this many events even if virtual time is left.
    public var maxEvents: Int
    /// Carry a probability vector over senders with every message (MiXiM's method), for the
    /// sender-entropy and ε metrics. Costs O(listed senders) per mix step (LOOPIX-METRIC-SPARSE),
    /// by default on a second thread (LOOPIX-METRIC-THREAD); switch off when not needed.
    public var trackSenderEntropy: Bool
    /// The two challenge senders of the unlinkability metric ε (client indices).
    public var challengeSenders: [Int]
    /// K of the sparse sender distributions (SPEC.md LOOPIX-METRIC-SPARSE): a pool's sum is
    /// pruned to its K largest entries when it has more than 2K; the challenge senders are never
    /// pruned (ε stays exact); K = 0 keeps only them, as MiXiM's (others, A, B) estimate. Nil:
    /// `defaultSenderSupport`. Runs with fewer than 2K clients never prune (exact sender entropy).
    public var senderSupport: Int?
    /// MiXiM's target messages and stop rule (SPEC.md LOOPIX-TARGETS); nil: none.
    public var targetMessages: TargetMessages?
    /// A writer with friends and the empty-slot rule (SPEC.md LOOPIX-ADV-SDA-3); nil: none.
    public var habit: WritingHabit?

    /// K when `senderSupport` is nil: every run with up to 1023 clients (every preset) is exact.
    public static let defaultSenderSupport = 512

    public init(
        seed: UInt64, duration: Double, burnIn: Double, cooldown: Double = 0,
        maxEvents: Int = 100_000_000,
        trackSenderEntropy: Bool = true, challengeSenders: [Int] = [0, 1],
        senderSupport: Int? = nil, targetMessages: TargetMessages? = nil, habit: WritingHabit? = nil
    ) {
        self.seed = seed
        self.duration = duration
        self.burnIn = burnIn
        self.cooldown = cooldown
        self.maxEvents = maxEvents
        self.trackSenderEntropy = trackSenderEntropy
        self.challengeSenders = challengeSenders
        self.senderSupport = senderSupport
        self.targetMessages = targetMessages
        self.habit = habit
    }

    /// SPEC.md [LOOPIX-SIM-1]: duration, burn-in and cooldown finite, 0 ≤ burnIn,
    /// 0 ≤ cooldown, burnIn < duration − cooldown,
    /// maxEvents ≥ 1; senderSupport ≥ 0 when given; target messages valid (LOOPIX-TARGETS);
    /// the habit's clients existing, its friends distinct and not the writer;
    /// when sender entropy is tracked, two distinct challenge senders that exist.
    ///
    /// Errors, first failing check wins: `notFinite`, `nonPositive` (duration),
    /// `negativeDuration` (burnIn, cooldown), `burnInNotBeforeEnd`, `countTooSmall` (maxEvents,
    /// senderSupport), the target checks, the habit's (`noSuchClient`, `targetSenderIsRecipient`
    /// for a friend who is the writer, `countTooSmall` for a friend named twice),
    /// `tooManyClientsForSenderEntropy`,
    /// `challengeSenderCount`, `challengeSendersEqual`, `noSuchClient`.
    public func validate(for parameters: LoopixParameters) throws(LoopixError) {
        for (name, value) in [("duration", duration), ("burnIn", burnIn), ("cooldown", cooldown)]
        where !value.isFinite {
            throw .notFinite(parameter: name, value: value)
        }
        if duration <= 0 { throw .nonPositive(parameter: "duration", value: duration) }
        if burnIn < 0 { throw .negativeDuration(parameter: "burnIn", value: burnIn) }
        if cooldown < 0 { throw .negativeDuration(parameter: "cooldown", value: cooldown) }
        if burnIn >= duration - cooldown {
            throw .burnInNotBeforeEnd(burnIn: burnIn, windowEnd: duration - cooldown)
        }
        if maxEvents < 1 { throw .countTooSmall(parameter: "maxEvents", value: maxEvents, minimum: 1) }
        if let k = senderSupport, k < 0 { throw .countTooSmall(parameter: "senderSupport", value: k, minimum: 0) }
        if let targets = targetMessages { try targets.validate(for: parameters, config: self) }
        if let habit { try habit.validate(for: parameters) }
        guard trackSenderEntropy else { return }
        if parameters.clients > LoopixParameters.maximumClientsWithSenderEntropy {
            throw .tooManyClientsForSenderEntropy(
                clients: parameters.clients, maximum: LoopixParameters.maximumClientsWithSenderEntropy)
        }
        guard challengeSenders.count == 2 else { throw .challengeSenderCount(count: challengeSenders.count) }
        if challengeSenders[0] == challengeSenders[1] { throw .challengeSendersEqual(client: challengeSenders[0]) }
        for c in challengeSenders where c < 0 || c >= parameters.clients {
            throw .noSuchClient(parameter: "challengeSenders", value: c, clients: parameters.clients)
        }
    }
}

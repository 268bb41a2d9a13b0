import Foundation

/// Everything a run measures while it runs: the measurement window, the counters, and each
/// mix's observers (occupancy, pool entropy, Danezis' entropy, the adversary's sender view).
///
/// SPEC.md §8.6. The event rules report what happened, in the words of the rules (a payload
/// slot was taken, a message left a mix, a message reached an inbox); the collector alone
/// decides what falls in the window. It draws no random numbers and never changes what the
/// model does, so the same run with or without a metric gives the same events. Any run on
/// virtual time that can report these observations (the Loopix model, or nodes carrying real
/// Sphinx packets) gets the same `SimulationResult`.
struct MetricCollector {
    /// One client's sums, for standard errors across clients (their queues are independent).
    struct ClientTally {
        var waitSum = 0.0
        var waitCount = 0
        var slots = 0
        var emptySlots = 0
    }

    /// What is observed at one mix.
    struct MixObserver {
        var held = 0
        var occupancy: TimeWeightedStatistics
        var pool = PoolEntropyTracker()
        var danezis: DanezisEntropyTracker
        var targetMass: SenderMassPool
        var arrivals = 0
        var departures = 0
        var poolEntropy = RunningStatistics()
        var danezisEntropy = RunningStatistics()
    }

    /// The number of clients C; entry C of a sender vector is "a mix".
    let clients: Int
    /// The measurement window [B, T − cooldown] (SPEC.md LOOPIX-SIM-2); with target messages
    /// it ends earlier, when the last one is delivered (LOOPIX-TARGETS).
    let windowStart: Double
    /// Set only by the collector (here and in TargetMetrics.swift).
    var windowEnd: Double
    /// The challenge senders S0 and S1 of ε (LOOPIX-METRIC-EPSILON).
    let challengeSenders: (s0: Int, s1: Int)
    /// The sender tracking of a run whose messages carry their own vectors (the packet-level
    /// run, on its tags); nil otherwise. SenderObservations.swift.
    var carriedSenders: SenderTracker?
    /// The sender tracking of the timing model, which names messages by slot (on this thread
    /// or a second one, LOOPIX-METRIC-THREAD); nil otherwise.
    let slotSenders: SenderTracking?
    /// What the sender tracking measured, once `finishSenderTracking` has run. Set only by the
    /// collector (SenderObservations.swift).
    var senderTally = SenderTally()

    private(set) var clientTallies: [ClientTally]
    /// Set only by the collector (here and in TargetMetrics.swift).
    var mixes: [MixObserver]
    private(set) var payloadSlots = 0
    private(set) var emptySlots = 0
    private(set) var bufferWait = RunningStatistics()
    private(set) var sendToInbox = RunningStatistics()
    private(set) var createdToInbox = RunningStatistics()
    private(set) var createdToPull = RunningStatistics()
    private(set) var loopSendToInbox = RunningStatistics()
    private(set) var sentByKind = KindCounts()
    private(set) var mixDeparturesByKind = KindCounts()
    private(set) var dropsDiscarded = 0
    private(set) var pullDummies = 0
    private(set) var realPulled = 0
    private(set) var mixLoopsReturned = 0
    /// MiXiM's target messages (LOOPIX-TARGETS, LOOPIX-METRIC-MIXIM); nil without them.
    /// Set only by the collector (TargetMetrics.swift).
    var targets: TargetTally?
    /// The first mix of the last layer: departures from index ≥ this leave the mix network.
    let lastLayerStart: Int

    /// Where a run keeps its messages' sender vectors (LOOPIX-METRIC-SENDER).
    enum SenderVectors {
        /// The caller carries each message's vector and hands it over (the packet-level run).
        case carried
        /// The collector keeps them by message slot, on this thread or a second one
        /// (LOOPIX-METRIC-THREAD).
        case bySlot(secondThread: Bool)
    }

    init(parameters p: LoopixParameters, config: SimulationConfig, senderVectors: SenderVectors = .carried) {
        clients = p.clients
        windowStart = config.burnIn
        windowEnd = config.duration - config.cooldown
        // validate(for:) guarantees two entries when tracking; they are unused otherwise.
        let challenge = config.challengeSenders
        challengeSenders = challenge.count == 2 ? (challenge[0], challenge[1]) : (0, 0)
        clientTallies = Array(repeating: ClientTally(), count: p.clients)
        let observer = MixObserver(
            occupancy: TimeWeightedStatistics(windowStart: windowStart, windowEnd: windowEnd),
            danezis: DanezisEntropyTracker(mu: p.mu),
            targetMass: SenderMassPool(supportLimit: TargetTally.unlimited))
        let tracker = SenderTracker(
            clients: p.clients, mixes: p.layers * p.mixesPerLayer,
            supportLimit: config.senderSupport ?? SimulationConfig.defaultSenderSupport,
            challengeSenders: challengeSenders)
        switch (config.trackSenderEntropy, senderVectors) {
        case (false, _):
            carriedSenders = nil
            slotSenders = nil
        case (true, .carried):
            carriedSenders = tracker
            slotSenders = nil
        case (true, .bySlot(let secondThread)):
            carriedSenders = nil
            slotSenders = SenderTracking(table: SenderViewTable(tracker: tracker), secondThread: secondThread)
        }
        mixes = Array(repeating: observer, count: p.layers * p.mixesPerLayer)
        lastLayerStart = (p.layers - 1) * p.mixesPerLayer
        targets = config.targetMessages.map { TargetTally(count: $0.count) }
    }

    /// Whether time t lies in the measurement window [B, T − cooldown]. Counts and time averages
    /// take what happens now inside it; a per-message metric takes the messages created or sent
    /// inside it, whenever they finish (the cooldown lets late ones finish).
    func inWindow(_ t: Double) -> Bool { t >= windowStart && t <= windowEnd }

    // MARK: Clients (LOOPIX-METRIC-BUFFER, LOOPIX-METRIC-COVER)

    /// Client c's payload stream has a slot now.
    mutating func payloadSlotTaken(client c: Int, at now: Double) {
        guard inWindow(now) else { return }
        payloadSlots += 1
        clientTallies[c].slots += 1
    }

    /// A real message created at `createdAt` leaves client c's buffer now.
    mutating func bufferLeft(client c: Int, createdAt: Double, at now: Double) {
        guard inWindow(createdAt) else { return }
        bufferWait.add(now - createdAt)
        clientTallies[c].waitSum += now - createdAt
        clientTallies[c].waitCount += 1
    }

    /// Client c's payload slot found the buffer empty (it sends a drop message instead).
    mutating func emptySlot(client c: Int, at now: Double) {
        guard inWindow(now) else { return }
        emptySlots += 1
        clientTallies[c].emptySlots += 1
    }

    /// A message of this kind leaves its sender now.
    mutating func messageSent(_ kind: MessageKind, at now: Double) {
        guard inWindow(now) else { return }
        sentByKind.add(kind)
    }

    // MARK: Mixes (LOOPIX-METRIC-OCCUPANCY, -POOL, -DANEZIS, -SENDER)

    /// A message enters mix `mix`'s pool now (in a run with target messages, with its mass over
    /// them). Its sender vector is reported apart (SenderObservations.swift).
    mutating func mixArrival(mix: Int, targetMass: SparseMass? = nil, at now: Double) {
        mixes[mix].held += 1
        mixes[mix].occupancy.set(Double(mixes[mix].held), at: now)
        mixes[mix].pool.messageArrived()
        mixes[mix].danezis.messageArrived(at: now)
        if inWindow(now) { mixes[mix].arrivals += 1 }
        if let targetMass, !(targetMass.isEmpty && mixes[mix].targetMass.isEmpty) {
            mixes[mix].targetMass.add(targetMass)
        }
    }

    /// A message of this kind leaves mix `mix`'s pool now. Its sender vector is reported first,
    /// while the pool still counts it (SenderObservations.swift).
    mutating func mixDeparture(mix: Int, kind: MessageKind, at now: Double) {
        let heldBefore = mixes[mix].held
        precondition(heldBefore > 0, "BUG: a departure from the empty pool of mix \(mix)")
        mixes[mix].held -= 1
        mixes[mix].occupancy.set(Double(mixes[mix].held), at: now)
        let hPool = mixes[mix].pool.messageDeparted()
        let hDanezis = mixes[mix].danezis.entropyOfOutput(at: now)
        if inWindow(now) {
            mixes[mix].departures += 1
            mixes[mix].poolEntropy.add(hPool)
            mixes[mix].danezisEntropy.add(hDanezis)
            mixDeparturesByKind.add(kind)
        }
    }

    /// A mix loop came back to the mix that sent it.
    mutating func mixLoopReturned(at now: Double) {
        if inWindow(now) { mixLoopsReturned += 1 }
    }

    // MARK: Providers (LOOPIX-METRIC-LATENCY, -COVER)

    /// A provider discarded a drop message now.
    mutating func dropDiscarded(at now: Double) {
        if inWindow(now) { dropsDiscarded += 1 }
    }

    /// A real or loop message created at `createdAt` and sent at `sentAt` reaches its
    /// recipient's inbox now.
    mutating func delivered(kind: MessageKind, createdAt: Double, sentAt: Double, at now: Double) {
        if inWindow(sentAt) {
            if kind == .real {
                sendToInbox.add(now - sentAt)
            } else {
                loopSendToInbox.add(now - sentAt)
            }
        }
        if kind == .real && inWindow(createdAt) { createdToInbox.add(now - createdAt) }
    }

    /// A recipient pulled a message of this kind from its inbox now.
    mutating func pulled(kind: MessageKind, createdAt: Double, at now: Double) {
        guard kind == .real else { return }
        if inWindow(createdAt) { createdToPull.add(now - createdAt) }
        if inWindow(now) { realPulled += 1 }
    }

    /// A provider padded a pull answer with this many dummies now.
    mutating func pullPadded(dummies: Int, at now: Double) {
        if inWindow(now) { pullDummies += dummies }
    }
}

/// A count per message kind (an array indexed by kind: counted at every event, so no hashing).
struct KindCounts {
    private var counts = [Int](repeating: 0, count: MessageKind.allCases.count)

    private static func slot(_ kind: MessageKind) -> Int {
        switch kind {
        case .real: return 0
        case .payloadDrop: return 1
        case .loop: return 2
        case .drop: return 3
        case .mixLoop: return 4
        }
    }

    subscript(kind: MessageKind) -> Int { counts[Self.slot(kind)] }
    var total: Int { counts.reduce(0, +) }
    mutating func add(_ kind: MessageKind) { counts[Self.slot(kind)] += 1 }
}

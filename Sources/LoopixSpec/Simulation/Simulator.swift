import DequeModule
import Foundation

/// The discrete-event simulator of a Loopix network: virtual time, an event queue, one seeded
/// generator. Links and providers add no delay; only mixes hold messages.
///
/// Paper: Loopix §2–§4. SPEC.md §8.5: this file is the event loop (LOOPIX-SIM-*); the event
/// rules are in `Rules/` (LOOPIX-CLIENT-*, LOOPIX-MIX-*, LOOPIX-PROV-*), what they observe goes
/// to `MetricCollector`, and `SimulationResult(metrics:…)` assembles the result.
public struct LoopixSimulator: Sendable {
    public let parameters: LoopixParameters
    public let config: SimulationConfig
    /// Whether the sender tracking (LOOPIX-METRIC-SENDER) runs on a second thread beside the
    /// events (LOOPIX-METRIC-THREAD). The result is the same either way, bit for bit; the
    /// default uses a second thread when the machine has more than one core.
    public var sendersOnSecondThread = ProcessInfo.processInfo.activeProcessorCount > 1

    /// Validates both parameter sets; an invalid one ends in a `LoopixError`.
    public init(parameters: LoopixParameters, config: SimulationConfig) throws(LoopixError) {
        try parameters.validate()
        try config.validate(for: parameters)
        self.parameters = parameters
        self.config = config
    }

    /// Runs the simulation. `progress` is called now and then with the fraction of virtual
    /// time done (for a progress display; it does not influence the run). `observe`, if given,
    /// is called for every link event (SPEC.md §8.13, the global passive adversary's view); it
    /// draws no random numbers, so the run is the same with or without it.
    public func run(progress: ((Double) -> Void)? = nil, observe: LinkObserver? = nil) -> SimulationResult {
        runCountingHops(progress: progress, observe: observe).result
    }

    /// Runs the simulation and also returns the number of mix departures in the whole run
    /// (every mix packet-hop, in and out of the window), for speed figures; not part of the
    /// result, which stays the same for the same seed.
    public func runCountingHops(
        progress: ((Double) -> Void)? = nil, observe: LinkObserver? = nil
    ) -> (result: SimulationResult, mixHops: Int) {
        var state = SimulationState(
            parameters: parameters, config: config, sendersOnSecondThread: sendersOnSecondThread)
        state.observe = observe
        let result = state.run(progress: progress)
        return (result, state.mixHops)
    }
}

/// The mutable state of one run: the model (clients' buffers and inboxes, messages in flight,
/// the event queue, the generator) and the metrics collected from it. Mixes and providers need
/// no state of their own: a mix's pool is the set of its pending departures, and a provider
/// keeps only its clients' inboxes.
struct SimulationState {
    struct ClientState {
        /// Real messages waiting for a payload slot, oldest first (LOOPIX-CLIENT-1, -2).
        var buffer = Deque<MessageStore.Slot>()
        /// Messages waiting at the client's provider to be pulled, oldest first (LOOPIX-PROV-1, -2).
        var inbox = Deque<MessageStore.Slot>()
    }

    let p: LoopixParameters
    let config: SimulationConfig
    var random: SimulationRandom
    var queue = EventQueue<Double, LoopixEvent>()
    /// The virtual time of the event being handled.
    var now = 0.0
    var messages = MessageStore()
    var clients: [ClientState]
    var metrics: MetricCollector
    /// The adversary's hook (SPEC.md LOOPIX-ADV-VIEW); nil when nobody watches.
    var observe: LinkObserver?
    /// The end of the run: T, or earlier once the last target message is delivered (one
    /// cooldown after it, LOOPIX-TARGETS).
    var stopAt: Double
    /// Mix departures so far, in and out of the window (speed figures only).
    var mixHops = 0

    init(parameters: LoopixParameters, config: SimulationConfig, sendersOnSecondThread: Bool) {
        self.p = parameters
        self.config = config
        self.random = SimulationRandom(seed: config.seed)
        self.clients = Array(repeating: ClientState(), count: parameters.clients)
        self.metrics = MetricCollector(
            parameters: parameters, config: config, senderVectors: .bySlot(secondThread: sendersOnSecondThread))
        self.stopAt = config.duration
    }

    /// Adds an event of this run at virtual time `time`.
    mutating func schedule(_ event: LoopixEvent, at time: Double) {
        queue.schedule(event, at: time)
    }

    /// SPEC.md [LOOPIX-SIM-3]: at time 0, for each client c = 0 … C−1 in order, draw the first
    /// gap of its payload stream, then (if the rate is > 0) of its loop stream, its drop stream
    /// and its real-message source, then its pull phase u · pull interval; then for each mix in
    /// index order (if λ_M > 0) the first gap of its loop stream; then, with target messages,
    /// the first of them at B + interval (LOOPIX-TARGETS).
    mutating func scheduleStart() {
        for c in 0..<p.clients {
            schedule(.payloadSlot(client: c), at: random.exponential(rate: p.lambdaP))
            if p.lambdaL > 0 { schedule(.loopSlot(client: c), at: random.exponential(rate: p.lambdaL)) }
            if p.lambdaD > 0 { schedule(.dropSlot(client: c), at: random.exponential(rate: p.lambdaD)) }
            if p.realMessageRate > 0 {
                schedule(.realMessage(client: c), at: random.exponential(rate: p.realMessageRate))
            }
            schedule(.pull(client: c), at: random.uniform() * p.pullInterval)
        }
        if p.lambdaM > 0 {
            for m in 0..<(p.layers * p.mixesPerLayer) {
                schedule(.mixLoopSlot(mix: m), at: random.exponential(rate: p.lambdaM))
            }
        }
        if let targets = config.targetMessages {
            schedule(.targetMessage(index: 0), at: config.burnIn + targets.interval)
        }
    }

    /// The event loop, SPEC.md [LOOPIX-SIM-2]: take the earliest event while its time is ≤ T (or
    /// the earlier end set by the target messages) and fewer events than the bound have been
    /// processed; when the bound stops the run, the measurement window ends at the last event's
    /// time.
    mutating func run(progress: ((Double) -> Void)?) -> SimulationResult {
        scheduleStart()
        var budget = EventBudget(limit: config.maxEvents)
        while let time = queue.nextTime, time <= stopAt, budget.admit() {
            let event = queue.removeNext()
            now = event.time
            if budget.handled & 0xFFFF == 0 { progress?(now / config.duration) }
            handle(event.action)
        }
        progress?(1)
        metrics.finishSenderTracking()
        return SimulationResult(
            metrics: metrics, parameters: p, config: config, stopReason: budget.stopReason,
            eventsProcessed: budget.handled, windowEnd: metrics.windowEnd(stoppedBy: budget.stopReason, at: now),
            unsentAtEnd: clients.reduce(0) { $0 + $1.buffer.count })
    }

    /// Hands an event to its rule.
    mutating func handle(_ event: LoopixEvent) {
        switch event {
        case .realMessage(let c): realMessage(client: c)
        case .payloadSlot(let c): payloadSlot(client: c)
        case .loopSlot(let c): loopSlot(client: c)
        case .dropSlot(let c): dropSlot(client: c)
        case .mixDeparture(let slot, let m): mixDeparture(slot: slot, mix: m)
        case .mixLoopSlot(let m): mixLoopSlot(mix: m)
        case .pull(let c): pull(client: c)
        case .targetMessage(let i): targetMessage(index: i)
        }
    }
}

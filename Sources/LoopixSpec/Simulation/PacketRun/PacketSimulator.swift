import DequeModule

/// The packet-level run: the nodes of §8.11 (`MixNode`, `GatewayNode`, `ClientNode`, made by
/// `PacketNetwork`) exchanging real nym Sphinx packets on the shared `EventQueue`, in virtual
/// nanoseconds, measured with the timing model's `MetricCollector`.
///
/// SPEC.md §8.12. This file is the event loop (LOOPIX-PKT-SETUP, LOOPIX-PKT-LOOP); how each
/// action of a node is carried out and observed is in `PacketRules.swift` (LOOPIX-PKT-CARRY,
/// LOOPIX-PKT-METRIC), the ground truth in `GroundTruth.swift`.
public struct PacketSimulator: Sendable {
    public let parameters: LoopixParameters
    public let behaviour: PacketBehaviour
    public let config: SimulationConfig

    /// The longest run: 2⁵³ ns (about 104 days), so that every virtual time of the run is also
    /// exact as a `Double` of nanoseconds (the metrics take seconds).
    public static let maximumDuration = 0x1p53 / 1e9

    /// Validates the parameters and the run (LOOPIX-PARAM-1, LOOPIX-SIM-1).
    ///
    /// - Throws: `NodeError.parameters` for invalid parameters or run settings, a duration
    ///   beyond `maximumDuration`, or a writing habit whose empty-slot rule is not the
    ///   behaviour's (`habitRuleDisagrees`); `NodeError.invalidTopology` for more than 4 layers.
    public init(parameters: LoopixParameters, behaviour: PacketBehaviour, config: SimulationConfig) throws(NodeError) {
        do {
            try parameters.validate()
            try config.validate(for: parameters)
        } catch {
            throw .parameters(error)
        }
        guard config.duration < Self.maximumDuration else {
            let nanoseconds = config.duration * 1e9
            throw .parameters(
                .countTooLarge(
                    parameter: "duration (ns)", value: nanoseconds < 0x1p62 ? Int(nanoseconds) : Int.max,
                    maximum: 1 << 53))
        }
        if let habit = config.habit, habit.emptySlotLoops != (behaviour.emptySlot == .loop) {
            throw .parameters(
                .habitRuleDisagrees(habitLoops: habit.emptySlotLoops, behaviourLoops: behaviour.emptySlot == .loop))
        }
        guard parameters.layers <= 4 else {
            throw .invalidTopology("\(parameters.layers) layers: a route of at most 5 Sphinx hops holds 4")
        }
        self.parameters = parameters
        self.behaviour = behaviour
        self.config = config
    }

    /// Runs the network from time 0 to the duration.
    ///
    /// - Parameters:
    ///   - threads: threads doing the run's Sphinx work, the caller's included (LOOPIX-PKT-AHEAD);
    ///     the result is the same for any number.
    ///   - progress: called now and then with the share of virtual time done (0 … 1).
    ///   - observe: called with every packet put on a link, in order (tests of packet
    ///     properties); it cannot change the run.
    ///   - view: called with every link event as the global passive observer sees it, and its
    ///     ground truth (LOOPIX-ADV-PKT-VIEW; `ObserverRecording.run` records it); it cannot
    ///     change the run.
    /// - Throws: `NodeError.parameters` for fewer than 1 thread.
    public func run(
        threads: Int = 1, progress: ((Double) -> Void)? = nil, observe: ((PacketObservation) -> Void)? = nil,
        view: LinkObserver? = nil
    ) throws(NodeError) -> PacketRunResult {
        guard threads >= 1 else { throw .parameters(.countTooSmall(parameter: "threads", value: threads, minimum: 1)) }
        var state = try PacketRunState(parameters: parameters, behaviour: behaviour, config: config)
        state.observe = observe
        state.view = view
        if threads > 1 { state.ahead = AheadWork(network: state.network, workers: threads - 1) }
        defer { state.ahead?.stop() }
        return state.run(progress: progress)
    }

    /// Runs the network with an active adversary (SPEC.md §8.13, LOOPIX-ADV-PKT-HOOK), and
    /// returns what the run recorded for the attacks' measurement beside the result.
    ///
    /// - Throws: `AdversaryError.parameterOutOfRange` for an adversary that does not fit the
    ///   parameters or fewer than 1 thread.
    public func runUnderAttack(
        _ adversary: PacketAdversary, threads: Int = 1, progress: ((Double) -> Void)? = nil
    ) throws(AdversaryError) -> (result: PacketRunResult, record: PacketAdversaryRecord) {
        try adversary.validate(for: parameters)
        guard threads >= 1 else { throw .parameterOutOfRange(parameter: "threads", value: Double(threads)) }
        var state: PacketRunState
        do { state = try PacketRunState(parameters: parameters, behaviour: behaviour, config: config) } catch {
            throw .unsuitable("\(error)")
        }
        state.adversary = AdversaryState(plan: adversary)
        if threads > 1 { state.ahead = AheadWork(network: state.network, workers: threads - 1) }
        defer { state.ahead?.stop() }
        let result = state.run(progress: progress)
        let end = result.metrics.stopReason == .duration ? config.duration : state.nowSeconds
        guard let record = state.adversaryRecord(end: end) else {
            preconditionFailure("BUG: the adversary's state is put back after every change")
        }
        return (result, record)
    }

    /// The replay-cache size of every mix and gateway: no node can see more tags than every
    /// packet the run makes, C(λ_P + λ_L + λ_D) per second (twice with acks) plus the mix loops,
    /// over the duration; a quarter more keeps the Bloom filters below their design load, so a
    /// fresh tag is taken for a replay with probability below 10⁻⁵ (REPLAY-CACHE-1).
    static func replayCapacity(_ p: LoopixParameters, _ behaviour: PacketBehaviour, duration: Double) -> Int {
        let clientRate = Double(p.clients) * (p.lambdaP + p.lambdaL + p.lambdaD)
        let rate =
            clientRate * (behaviour.acknowledgements ? 2 : 1)
            + p.lambdaM * Double(p.layers * p.mixesPerLayer)
        let perNode = rate * duration * 1.25 / Double(min(p.mixesPerLayer, p.providers))
        return Int(min(max(perNode.rounded(.up), 1_000), 50_000_000))
    }
}

/// A node of the run, by its place in `PacketNetwork`.
enum NodeRef: Hashable {
    /// Global mix index layer · M + index (LOOPIX-TOPO-1).
    case mix(Int)
    case gateway(Int)
    case client(Int)
}

/// What one event of the packet-level run does.
enum PacketRunEvent {
    /// Hand `event` to a node; a packet carries its ground truth beside it.
    case node(NodeRef, NodeEvent, tag: PacketTag?)
    /// A client's user submits a real message (LOOPIX-PKT-USER).
    case userMessage(client: Int)
    /// A blocking episode of the adversary starts or ends (LOOPIX-ADV-PKT-HOOK; never in an
    /// honest run).
    case episode(Int, starts: Bool)
}

/// The state of one packet-level run.
struct PacketRunState {
    let p: LoopixParameters
    let behaviour: PacketBehaviour
    let config: SimulationConfig
    var network: PacketNetwork
    var queue = EventQueue<UInt64, PacketRunEvent>()
    /// The virtual time of the event being handled (ns), and the same in seconds.
    var now: UInt64 = 0
    var nowSeconds = 0.0
    var metrics: MetricCollector
    var counts = PacketCounts()
    var users = UserMessages()
    /// The users' own generator: real-message gaps and recipients (LOOPIX-PKT-USER).
    var userRandom: SimulationRandom
    /// Ground truth of the packets each mix holds, by input number (LOOPIX-PKT-TRUTH).
    var held: [[UInt64: PacketTag]]
    /// The messages the driver has seen stored in each client's inbox and not yet pulled, in
    /// order, as the ground truth of the packets that brought them: their count finds the inbox
    /// that grew, and a pull answer's messages are named by them (LOOPIX-ADV-PKT-VIEW).
    var inboxTruth: [Deque<LinkTruth>]
    var nextPacketID = 0
    var observe: ((PacketObservation) -> Void)?
    /// The global passive observer's hook (LOOPIX-ADV-PKT-VIEW).
    var view: LinkObserver?
    /// The Sphinx work done ahead on worker threads; nil with one thread (LOOPIX-PKT-AHEAD).
    var ahead: AheadWork?
    /// The active adversary and its record (§8.13); nil in an honest run.
    var adversary: AdversaryState?

    init(parameters p: LoopixParameters, behaviour: PacketBehaviour, config: SimulationConfig) throws(NodeError) {
        self.p = p
        self.behaviour = behaviour
        self.config = config
        self.network = try PacketNetwork(
            parameters: p, behaviour: behaviour, seed: config.seed,
            replayCapacity: PacketSimulator.replayCapacity(p, behaviour, duration: config.duration))
        self.metrics = MetricCollector(parameters: p, config: config)
        self.userRandom = SimulationRandom(seed: config.seed)
        self.held = Array(repeating: [:], count: p.layers * p.mixesPerLayer)
        self.inboxTruth = Array(repeating: [], count: p.clients)
    }

    /// Adds an event at virtual time `time` (ns), after every event already there.
    mutating func schedule(_ event: PacketRunEvent, at time: UInt64) {
        queue.schedule(event, at: time)
    }

    /// The start of a run. SPEC.md [LOOPIX-PKT-SETUP].
    /// ```text
    /// network = PacketNetwork(parameters, behaviour, seed)            (LOOPIX-NODE-SETUP)
    /// at time 0, in this order: start every mix (layer by layer), every gateway, every client;
    /// users: SimulationRandom(seed); for each client c in order, if r > 0, its first real
    /// message at Exp(r) ns
    /// ```
    mutating func scheduleStart() {
        // Step 1: start every node, in PacketNetwork's order.
        for m in 0..<(p.layers * p.mixesPerLayer) { schedule(.node(.mix(m), .start, tag: nil), at: 0) }
        for g in 0..<p.providers { schedule(.node(.gateway(g), .start, tag: nil), at: 0) }
        for c in 0..<p.clients { schedule(.node(.client(c), .start, tag: nil), at: 0) }
        if adversary != nil { scheduleEpisodes() }
        // Step 2: the users' first messages.
        guard p.realMessageRate > 0 else { return }
        for c in 0..<p.clients { schedule(.userMessage(client: c), at: userGap()) }
    }

    /// The event loop. SPEC.md [LOOPIX-PKT-LOOP].
    /// ```text
    /// while the earliest event's time t ≤ T (ns) and fewer events than the bound were handled:
    ///   now = t ; hand the event to its node ; carry out the actions in order (LOOPIX-PKT-CARRY)
    /// events of one time run in the order they were scheduled
    /// ```
    mutating func run(progress: ((Double) -> Void)?) -> PacketRunResult {
        scheduleStart()
        let end = Self.nanoseconds(config.duration)
        var budget = EventBudget(limit: config.maxEvents)
        while let time = queue.nextTime, time <= end, budget.admit() {
            let event = queue.removeNext()
            if ahead != nil { ahead?.startPlanned(until: event.time, clients: network.clients) }
            now = event.time
            nowSeconds = Double(event.time) / 1e9
            if budget.handled & 0xFFF == 0 { progress?(Double(event.time) / Double(end)) }
            handle(event.action)
        }
        progress?(1)
        metrics.finishSenderTracking()
        let metricsResult = SimulationResult(
            metrics: metrics, parameters: p, config: config, stopReason: budget.stopReason,
            eventsProcessed: budget.handled, windowEnd: metrics.windowEnd(stoppedBy: budget.stopReason, at: nowSeconds),
            unsentAtEnd: network.clients.reduce(0) { $0 + $1.bufferedCount })
        return PacketRunResult(
            metrics: metricsResult, behaviour: Self.describe(behaviour), packets: counts, wallClock: nil)
    }

    /// Hands one event to its node and carries out what the node returns.
    mutating func handle(_ event: PacketRunEvent) {
        switch event {
        case .userMessage(let c):
            userMessage(client: c)
        case let .episode(i, starts):
            episodeEvent(i, starts: starts)
        case let .node(.mix(m), nodeEvent, tag):
            let hop = hopAhead(nodeEvent, at: .mix(m), tag: tag)
            let actions = network.mixes[m / p.mixesPerLayer][m % p.mixesPerLayer].handle(
                nodeEvent, at: now, precomputed: hop)
            carry(actions, from: .mix(m), cause: nodeEvent, incoming: tag)
        case let .node(.gateway(g), nodeEvent, tag):
            let hop = hopAhead(nodeEvent, at: .gateway(g), tag: tag)
            let actions = network.gateways[g].handle(nodeEvent, at: now, precomputed: hop)
            carry(actions, from: .gateway(g), cause: nodeEvent, incoming: tag)
        case let .node(.client(c), nodeEvent, tag):
            clientEvent(c, nodeEvent, incoming: tag)
        }
    }

    /// Hands an event to client c: its actions run ahead by a worker when they are the ones it
    /// would return now (LOOPIX-PKT-AHEAD), else handled here; then its next slot runs ahead.
    mutating func clientEvent(_ c: Int, _ event: NodeEvent, incoming: PacketTag?) {
        let actions: [NodeAction]
        if let run = ahead?.takeRun(client: c, event: event, at: now) {
            network.clients[c] = run.node
            actions = run.actions
        } else {
            actions = network.clients[c].handle(event, at: now)
        }
        ahead?.clientHandled(c, event: event, at: now)
        carry(actions, from: .client(c), cause: event, incoming: incoming)
        if ahead != nil { ahead?.runAhead(client: c, network.clients[c], now: now) }
    }

    /// The processing of an arriving packet at a mix or an exit gateway, taken from the worker
    /// that did it or done here; the packet's next hop then starts on a worker
    /// (LOOPIX-PKT-AHEAD). Nil with one thread, and for anything but a Sphinx hop.
    mutating func hopAhead(_ event: NodeEvent, at node: NodeRef, tag: PacketTag?) -> PrecomputedHop? {
        guard ahead != nil, case let .packetArrived(bytes, from) = event, let tag, let key = ahead?.key(of: node)
        else { return nil }
        // An entry gateway forwards a client's frame without processing it (LOOPIX-NODE-GW-2).
        if case .client = from { return nil }
        guard let hop = ahead?.hop(bytes, packet: tag.id, key: key) else { return nil }
        if let (packet, nextAddress) = hop.forward, let address = try? NodeAddress(bytes: nextAddress),
            let next = ref(of: address), let nextKey = ahead?.key(of: next)
        {
            ahead?.processAhead(packet, packet: tag.id, key: nextKey)
        }
        return hop
    }

    /// A user submits a real message. SPEC.md [LOOPIX-PKT-USER].
    /// ```text
    /// schedule the next at now + Exp(r) ns (round(10⁹ · (−ln(1 − u)/r)), LOOPIX-NODE-RANDOM)
    /// recipient = floor(u · (C − 1)), plus one if ≥ c (c itself when C = 1)   (LOOPIX-CLIENT-1)
    ///   or, c the writer of a writing habit with friends F: F[floor(u · |F|)]   (LOOPIX-ADV-SDA-3)
    /// message = u64be(number of the message in the run) ; messageSubmitted(message, recipient)
    /// ```
    mutating func userMessage(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.userMessage(client: c), at: now.saturatingAdd(userGap()))
        // Step 2: pick the recipient among the other clients (a writer: among her friends).
        var recipient = c
        if let friend = config.habit?.friend(of: c, random: &userRandom) {
            recipient = friend
        } else if p.clients > 1 {
            recipient = userRandom.index(below: p.clients - 1)
            if recipient >= c { recipient += 1 }
        }
        // Step 3: the message, handed to the client now.
        let bytes = users.create(sender: c, at: nowSeconds)
        let to = NodeAddress.client(index: recipient, gateway: recipient % p.providers)
        clientEvent(c, .messageSubmitted(bytes, to: to), incoming: nil)
    }

    /// An Exp(r) gap of the users' stream, in ns.
    mutating func userGap() -> UInt64 { Self.nanoseconds(userRandom.exponential(rate: p.realMessageRate)) }

    /// round(10⁹ · seconds), saturating (as `NodeRandomness.exponentialNanoseconds`).
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        let ns = (seconds * 1e9).rounded()
        guard ns.isFinite, ns < 0x1p63 else { return 1 << 63 }
        return UInt64(max(0, ns))
    }

    /// The behaviour's choices in words, for the report.
    static func describe(_ b: PacketBehaviour) -> String {
        "version \(b.version.rawValue), empty slot \(b.emptySlot.rawValue), "
            + "acknowledgements \(b.acknowledgements ? "on" : "off"), delivery \(b.delivery.rawValue), "
            + "maximum delay \(b.maximumDelay) ns"
    }
}

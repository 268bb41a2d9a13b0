import HeapModule
import SphinxSpec

/// Sphinx work of the packet-level run done ahead on other threads. SPEC.md [LOOPIX-PKT-AHEAD].
/// ```text
/// hop:    when a node's processing of a packet forwards it to a mix or a gateway, process the
///         next packet there at once on a worker (a pure function of bytes and key); the
///         arrival event hands the result to the node, which checks and records the replay tag
///         in arrival order as always (MixNode and GatewayNode `handle(_:at:precomputed:)`)
/// client: after a client handles an event, run a copy of it on a worker through its earliest
///         payload, loop or drop timer; when that timer fires and the client has handled
///         nothing since, the copy and its actions replace the handling
/// ```
/// Both are exact: a node is a value and `handle` a function of (node, event, time), and Sphinx
/// processing a function of (packet, key), so what a worker computes is what the event loop
/// would compute; the loop alone changes the run's state, in its order. Threads decide only
/// who computes and when, so the output is byte-identical for any number of threads.
struct AheadWork {
    /// A client's event run ahead on a copy of the client.
    struct ClientRun: Sendable {
        let node: ClientNode
        let actions: [NodeAction]
    }

    /// A copy of a client to start at `startAt` (ns), if the client handled nothing since `base`.
    struct Plan: Comparable {
        let startAt: UInt64
        let client: Int
        let base: Int
        static func < (a: Plan, b: Plan) -> Bool { (a.startAt, a.client) < (b.startAt, b.client) }
    }

    struct Speculation {
        /// How many events the client had handled when the copy was made.
        let base: Int
        let timer: TimerID
        let due: UInt64
        let job: AheadJob<ClientRun>
    }

    /// Counts, for tests and the bench (never in the run's output).
    struct Stats: Sendable, Equatable {
        var hopsAhead = 0
        var hopsInline = 0
        var clientRunsUsed = 0
        var clientRunsDiscarded = 0
    }

    let pool: WorkerPool
    let mixKeys: [NodeHopKey]
    let gatewayKeys: [NodeHopKey]
    /// The most packets processed ahead at one time (bounds memory; the output does not depend
    /// on it).
    let window: Int
    /// By packet number: its processing at the node it goes to next.
    var hops: [Int: AheadJob<PrecomputedHop>] = [:]
    /// Per client: events handled, payload/loop/drop timers set and not yet fired (in the order
    /// set), and the copy running ahead.
    var handled: [Int]
    var slotTimers: [[(timer: TimerID, due: UInt64)]]
    var speculation: [Speculation?]
    var plans = Heap<Plan>()
    /// How long before a slot (virtual ns) its copy starts.
    let lead: UInt64
    var stats = Stats()

    init(network: PacketNetwork, workers: Int, window: Int = 4096, lead: UInt64 = 10_000_000) {
        self.lead = lead
        pool = WorkerPool(workers: workers)
        mixKeys = network.mixes.flatMap { $0.map(\.hopKey) }
        gatewayKeys = network.gateways.map(\.hopKey)
        self.window = window
        handled = Array(repeating: 0, count: network.clients.count)
        slotTimers = Array(repeating: [], count: network.clients.count)
        speculation = Array(repeating: nil, count: network.clients.count)
    }

    func stop() { pool.stop() }

    func key(of ref: NodeRef) -> NodeHopKey? {
        switch ref {
        case .mix(let m): return mixKeys[m]
        case .gateway(let g): return gatewayKeys[g]
        case .client: return nil
        }
    }

    // MARK: Hops

    /// The processing of the packet `tag` names, arriving as `bytes` at the node of `key`: taken
    /// from its worker, or computed now for a packet nobody processed ahead (a first hop).
    mutating func hop(_ bytes: Bytes, packet id: Int, key: NodeHopKey) -> PrecomputedHop {
        if let job = hops.removeValue(forKey: id) {
            stats.hopsAhead += 1
            return job.value()
        }
        stats.hopsInline += 1
        return key.precompute(bytes)
    }

    /// Starts the processing of packet `id`'s next hop at the node of `key`.
    mutating func processAhead(_ bytes: Bytes, packet id: Int, key: NodeHopKey) {
        guard hops.count < window else { return }
        let job = AheadJob { key.precompute(bytes) }
        hops[id] = job
        pool.submit(job)
    }

    /// Packet `id` ended where it is (dropped): its next hop is not wanted.
    mutating func forget(packet id: Int) { hops.removeValue(forKey: id)?.cancel() }

    // MARK: Clients

    static func isSlot(_ timer: TimerID) -> Bool {
        switch timer {
        case .payloadSlot, .loopSlot, .dropSlot: return true
        default: return false
        }
    }

    /// Client c's handling of `event` at `time`, if a copy ran it ahead from the state the
    /// client is in now; nil otherwise (the copy, if any, is dropped).
    mutating func takeRun(client c: Int, event: NodeEvent, at time: UInt64) -> ClientRun? {
        guard let s = speculation[c] else { return nil }
        speculation[c] = nil
        guard s.base == handled[c], event == .timerFired(s.timer), time == s.due else {
            s.job.cancel()
            stats.clientRunsDiscarded += 1
            return nil
        }
        stats.clientRunsUsed += 1
        return s.job.value()
    }

    /// Client c handled `event` at `time`; its slot timers are up to date (`timerSet`).
    mutating func clientHandled(_ c: Int, event: NodeEvent, at time: UInt64) {
        handled[c] += 1
        if case .timerFired(let timer) = event, Self.isSlot(timer),
            let i = slotTimers[c].firstIndex(where: { $0.timer == timer && $0.due == time })
        {
            slotTimers[c].remove(at: i)
        }
    }

    mutating func timerSet(client c: Int, _ timer: TimerID, at due: UInt64) {
        if Self.isSlot(timer) { slotTimers[c].append((timer, due)) }
    }

    /// Plans a copy of client c, as it is now, through its earliest slot timer: started at once
    /// when the timer is due within `lead` of `now`, else when the loop reaches due − lead
    /// (`startPlanned`), so that fewer copies are made that an event in between makes useless.
    mutating func runAhead(client c: Int, _ client: ClientNode, now: UInt64) {
        if let old = speculation[c] {
            old.job.cancel()
            stats.clientRunsDiscarded += 1
            speculation[c] = nil
        }
        guard let next = slotTimers[c].min(by: { $0.due < $1.due }) else { return }
        if next.due > now.saturatingAdd(lead) {
            plans.insert(Plan(startAt: next.due - lead, client: c, base: handled[c]))
        } else {
            start(client: c, client, timer: next.timer, due: next.due)
        }
    }

    /// Starts the planned copies whose time has come, of clients that handled nothing since.
    mutating func startPlanned(until now: UInt64, clients: [ClientNode]) {
        while let plan = plans.min, plan.startAt <= now {
            _ = plans.removeMin()
            let c = plan.client
            guard plan.base == handled[c], speculation[c] == nil,
                let next = slotTimers[c].min(by: { $0.due < $1.due })
            else { continue }
            start(client: c, clients[c], timer: next.timer, due: next.due)
        }
    }

    private mutating func start(client c: Int, _ client: ClientNode, timer: TimerID, due: UInt64) {
        let job = AheadJob {
            var copy = client
            let actions = copy.handle(.timerFired(timer), at: due)
            return ClientRun(node: copy, actions: actions)
        }
        speculation[c] = Speculation(base: handled[c], timer: timer, due: due, job: job)
        pool.submit(job)
    }
}

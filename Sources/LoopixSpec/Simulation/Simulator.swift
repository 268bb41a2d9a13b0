import Foundation
import HeapModule

/// A first-in first-out queue on an array (a client's buffer, a client's inbox).
struct FIFO<Element> {
    private var items: [Element] = []
    private var head = 0

    var count: Int { items.count - head }
    var isEmpty: Bool { head == items.count }

    mutating func push(_ x: Element) { items.append(x) }

    mutating func pop() -> Element? {
        guard head < items.count else { return nil }
        let x = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return x
    }
}

/// The discrete-event simulator of a Loopix network: virtual time, an event queue, one seeded
/// generator. Links and providers add no delay; only mixes hold messages.
///
/// Paper: Loopix §2–§4; the event rules are SPEC.md "Event rules" (LOOPIX-CLIENT-*,
/// LOOPIX-MIX-*, LOOPIX-PROV-*, LOOPIX-SIM-*).
public struct LoopixSimulator: Sendable {
    public let parameters: LoopixParameters
    public let config: SimulationConfig

    /// Validates both parameter sets; an invalid one ends in a `LoopixError`.
    public init(parameters: LoopixParameters, config: SimulationConfig) throws(LoopixError) {
        try parameters.validate()
        try config.validate(for: parameters)
        self.parameters = parameters
        self.config = config
    }

    /// Runs the simulation. `progress` is called now and then with the fraction of virtual
    /// time done (for a progress display; it does not influence the run).
    public func run(progress: ((Double) -> Void)? = nil) -> SimulationResult {
        var state = SimulationState(parameters: parameters, config: config)
        return state.run(progress: progress)
    }
}

/// The mutable state of one run.
private struct SimulationState {
    struct ClientState {
        var buffer = FIFO<Int>()
        var inbox = FIFO<Int>()
        // Per-client sums, for standard errors across clients (independent queues).
        var waitSum = 0.0
        var waitCount = 0
        var slots = 0
        var emptySlots = 0
    }

    struct MixState {
        var held = 0
        var occupancy: TimeWeightedStatistics
        var pool = PoolEntropyTracker()
        var danezis: DanezisEntropyTracker
        var senderMass: SenderMassPool
        var arrivals = 0
        var departures = 0
        var poolEntropy = RunningStatistics()
        var danezisEntropy = RunningStatistics()
    }

    let p: LoopixParameters
    let config: SimulationConfig
    let burnIn: Double
    /// The end of the measurement window, T − cooldown.
    let measureEnd: Double
    let track: Bool
    var random: SimulationRandom
    var queue = Heap<Event>()
    var sequence: UInt64 = 0
    var now = 0.0

    var messages: [SimMessage?] = []
    var freeSlots: [Int] = []
    var clients: [ClientState]
    var mixes: [MixState]

    // Metrics.
    var payloadSlots = 0
    var emptySlots = 0
    var bufferWait = RunningStatistics()
    var sendToInbox = RunningStatistics()
    var createdToInbox = RunningStatistics()
    var createdToPull = RunningStatistics()
    var loopSendToInbox = RunningStatistics()
    var senderEntropy = RunningStatistics()
    var senderEntropyReal = RunningStatistics()
    var epsilon = RunningStatistics()
    var epsilonInfinite = 0
    var sentByKind: [MessageKind: Int] = [:]
    var mixDeparturesByKind: [MessageKind: Int] = [:]
    var dropsDiscarded = 0
    var pullDummies = 0
    var realPulled = 0
    var mixLoopsReturned = 0

    init(parameters: LoopixParameters, config: SimulationConfig) {
        self.p = parameters
        self.config = config
        self.burnIn = config.burnIn
        self.measureEnd = config.duration - config.cooldown
        self.track = config.trackSenderEntropy
        self.random = SimulationRandom(seed: config.seed)
        self.clients = Array(repeating: ClientState(), count: parameters.clients)
        let mixCount = parameters.layers * parameters.mixesPerLayer
        self.mixes = Array(
            repeating: MixState(
                occupancy: TimeWeightedStatistics(windowStart: config.burnIn, windowEnd: config.duration - config.cooldown),
                danezis: DanezisEntropyTracker(mu: parameters.mu),
                senderMass: SenderMassPool(
                    entries: config.trackSenderEntropy ? parameters.clients + 1 : 0)),
            count: mixCount)
    }

    /// Whether now is inside the measurement window [B, T − cooldown].
    var measuring: Bool { now >= burnIn && now <= measureEnd }

    /// Whether a message created or sent at time t belongs to the measurement (its outcome is
    /// recorded whenever it happens, up to T: the cooldown lets late messages finish).
    func inWindow(_ t: Double) -> Bool { t >= burnIn && t <= measureEnd }

    mutating func schedule(_ action: Event.Action, at time: Double) {
        sequence += 1
        queue.insert(Event(time: time, sequence: sequence, action: action))
    }

    mutating func store(_ m: SimMessage) -> Int {
        if let slot = freeSlots.popLast() {
            messages[slot] = m
            return slot
        }
        messages.append(m)
        return messages.count - 1
    }

    mutating func release(_ slot: Int) {
        messages[slot] = nil
        freeSlots.append(slot)
    }

    /// SPEC.md [LOOPIX-SIM-3]: at time 0, for each client c = 0 … C−1 in order, draw the first
    /// gap of its payload stream, then (if the rate is > 0) of its loop stream, its drop stream
    /// and its real-message source, then its pull phase u · pull interval; then for each mix in
    /// index order (if λ_M > 0) the first gap of its loop stream.
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
            for m in 0..<mixes.count {
                schedule(.mixLoopSlot(mix: m), at: random.exponential(rate: p.lambdaM))
            }
        }
    }

    mutating func run(progress: ((Double) -> Void)?) -> SimulationResult {
        scheduleStart()
        var processed = 0
        var stopReason = SimulationResult.StopReason.duration
        while let next = queue.min, next.time <= config.duration {
            if processed >= config.maxEvents {
                stopReason = .eventLimit
                break
            }
            let event = queue.removeMin()
            now = event.time
            processed += 1
            if processed & 0xFFFF == 0 { progress?(now / config.duration) }
            handle(event.action)
        }
        let windowEnd = stopReason == .duration ? measureEnd : min(now, measureEnd)
        progress?(1)
        return result(stopReason: stopReason, processed: processed, windowEnd: windowEnd)
    }

    mutating func handle(_ action: Event.Action) {
        switch action {
        case .payloadSlot(let c): payloadSlot(client: c)
        case .loopSlot(let c): loopSlot(client: c)
        case .dropSlot(let c): dropSlot(client: c)
        case .realMessage(let c): realMessage(client: c)
        case .pull(let c): pull(client: c)
        case .mixLoopSlot(let m): mixLoopSlot(mix: m)
        case .mixDeparture(let slot, let m): mixDeparture(slot: slot, mix: m)
        }
    }

    // MARK: Clients

    /// The user of client c puts a real message into the buffer.
    ///
    /// SPEC.md [LOOPIX-CLIENT-1].
    /// ```text
    /// schedule the next real message at now + Exp(r)
    /// recipient = floor(u · (C − 1)), skipping c itself (c itself if C = 1)
    /// append the message to the tail of c's buffer
    /// ```
    mutating func realMessage(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.realMessage(client: c), at: now + random.exponential(rate: p.realMessageRate))
        // Step 2: pick the recipient among the other clients.
        var recipient = c
        if p.clients > 1 {
            recipient = random.index(below: p.clients - 1)
            if recipient >= c { recipient += 1 }
        }
        // Step 3: append to the buffer.
        let slot = store(SimMessage(
            kind: .real, senderClient: c, recipientClient: recipient, path: [], nextHop: 0,
            createdAt: now, sentAt: 0, deliveredAt: 0, distribution: nil))
        clients[c].buffer.push(slot)
    }

    /// A slot of client c's payload stream.
    ///
    /// Paper: Loopix §3.2, "Sending messages and cover traffic". SPEC.md [LOOPIX-CLIENT-2].
    /// ```text
    /// schedule the next slot at now + Exp(λ_P)
    /// if the buffer is not empty: take its head (a real message), path to the recipient's provider
    /// else: a drop message; destination provider floor(u · P); path to it
    /// send it
    /// ```
    mutating func payloadSlot(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.payloadSlot(client: c), at: now + random.exponential(rate: p.lambdaP))
        if measuring {
            payloadSlots += 1
            clients[c].slots += 1
        }
        // Step 2: the head of the buffer, if any.
        if let slot = clients[c].buffer.pop(), var m = messages[slot] {
            let destination = PathSampling.provider(ofClient: m.recipientClient, providers: p.providers)
            m.path = PathSampling.clientPath(parameters: p, destinationProvider: destination, random: &random)
            if inWindow(m.createdAt) {
                bufferWait.add(now - m.createdAt)
                clients[c].waitSum += now - m.createdAt
                clients[c].waitCount += 1
            }
            messages[slot] = m
            send(slot: slot)
            return
        }
        // Step 3: otherwise a drop message.
        if measuring {
            emptySlots += 1
            clients[c].emptySlots += 1
        }
        let destination = random.index(below: p.providers)
        let path = PathSampling.clientPath(parameters: p, destinationProvider: destination, random: &random)
        let slot = store(SimMessage(
            kind: .payloadDrop, senderClient: c, recipientClient: -1, path: path, nextHop: 0,
            createdAt: now, sentAt: 0, deliveredAt: 0, distribution: nil))
        send(slot: slot)
    }

    /// A slot of client c's loop cover stream.
    ///
    /// SPEC.md [LOOPIX-CLIENT-3]: schedule the next slot at now + Exp(λ_L); send a loop message
    /// to c itself, path to c's own provider.
    mutating func loopSlot(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.loopSlot(client: c), at: now + random.exponential(rate: p.lambdaL))
        // Step 2: a loop back to the client itself.
        let own = PathSampling.provider(ofClient: c, providers: p.providers)
        let path = PathSampling.clientPath(parameters: p, destinationProvider: own, random: &random)
        let slot = store(SimMessage(
            kind: .loop, senderClient: c, recipientClient: c, path: path, nextHop: 0,
            createdAt: now, sentAt: 0, deliveredAt: 0, distribution: nil))
        send(slot: slot)
    }

    /// A slot of client c's drop cover stream.
    ///
    /// SPEC.md [LOOPIX-CLIENT-4]: schedule the next slot at now + Exp(λ_D); send a drop message
    /// to provider floor(u · P), which discards it.
    mutating func dropSlot(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.dropSlot(client: c), at: now + random.exponential(rate: p.lambdaD))
        // Step 2: a drop message to a random provider.
        let destination = random.index(below: p.providers)
        let path = PathSampling.clientPath(parameters: p, destinationProvider: destination, random: &random)
        let slot = store(SimMessage(
            kind: .drop, senderClient: c, recipientClient: -1, path: path, nextHop: 0,
            createdAt: now, sentAt: 0, deliveredAt: 0, distribution: nil))
        send(slot: slot)
    }

    /// A client hands a message to its own provider, which forwards it at once.
    ///
    /// SPEC.md [LOOPIX-CLIENT-5]: the message leaves at `now`; an observer of the client's link
    /// knows its sender, so its sender distribution starts as that one client.
    mutating func send(slot: Int) {
        guard var m = messages[slot] else { return }
        m.sentAt = now
        if track { m.distribution = .single(m.senderClient) }
        messages[slot] = m
        if measuring { sentByKind[m.kind, default: 0] += 1 }
        forward(slot: slot)
    }

    // MARK: Routing

    /// Moves a message to its next hop (links take no time).
    mutating func forward(slot: Int) {
        guard var m = messages[slot], m.nextHop < m.path.count else { return }
        let hop = m.path[m.nextHop]
        m.nextHop += 1
        messages[slot] = m
        switch hop {
        case .mix(let mix, let delay): mixArrival(slot: slot, mix: mix, delay: delay)
        case .provider(let provider): providerArrival(slot: slot, provider: provider)
        case .originMix:
            if measuring { mixLoopsReturned += 1 }
            release(slot)
        }
    }

    // MARK: Mixes

    /// A message enters mix `mix`.
    ///
    /// Paper: Loopix §3.3, "The Poisson Mix Strategy". SPEC.md [LOOPIX-MIX-1].
    /// ```text
    /// hold the message until now + d, d the delay its sender drew for this hop
    /// (every message is delayed independently of all others: no batches, no rounds)
    /// ```
    mutating func mixArrival(slot: Int, mix: Int, delay: Double) {
        // Step 1: the message joins the pool.
        mixes[mix].held += 1
        mixes[mix].occupancy.set(Double(mixes[mix].held), at: now)
        mixes[mix].pool.messageArrived()
        mixes[mix].danezis.messageArrived(at: now)
        if measuring { mixes[mix].arrivals += 1 }
        if track, let d = messages[slot]?.distribution { mixes[mix].senderMass.add(d) }
        // Step 2: it leaves when its own delay is over.
        schedule(.mixDeparture(message: slot, mix: mix), at: now + delay)
    }

    /// A message's delay at mix `mix` is over: it leaves the pool and goes on.
    ///
    /// SPEC.md [LOOPIX-MIX-2].
    /// ```text
    /// remove it from the pool; forward it to its next hop
    /// (adversary's view, MiXiM: its sender distribution becomes the pool's average)
    /// ```
    mutating func mixDeparture(slot: Int, mix: Int) {
        // Step 1: the message leaves the pool.
        let heldBefore = mixes[mix].held
        mixes[mix].held -= 1
        mixes[mix].occupancy.set(Double(mixes[mix].held), at: now)
        let hPool = mixes[mix].pool.messageDeparted()
        let hDanezis = mixes[mix].danezis.entropyOfOutput(at: now)
        if measuring {
            mixes[mix].departures += 1
            mixes[mix].poolEntropy.add(hPool)
            mixes[mix].danezisEntropy.add(hDanezis)
            if let kind = messages[slot]?.kind { mixDeparturesByKind[kind, default: 0] += 1 }
        }
        if track, var m = messages[slot] {
            m.distribution = .mixture(mixes[mix].senderMass.takeDeparting(heldBefore: heldBefore))
            messages[slot] = m
        }
        // Step 2: on to the next hop.
        forward(slot: slot)
    }

    /// A slot of mix `mix`'s loop cover stream.
    ///
    /// Paper: Loopix §3.2 (mix loop cover traffic) and Appendix A.2 (a loop leaves on its own
    /// Exp(λ_M) clock, racing the pool). SPEC.md [LOOPIX-MIX-3]: schedule the next slot at
    /// now + Exp(λ_M); draw a mix-loop path (LOOPIX-PATH-2) and send the loop at once (it is
    /// not held in the mix's own pool).
    mutating func mixLoopSlot(mix: Int) {
        // Step 1: schedule the successor.
        schedule(.mixLoopSlot(mix: mix), at: now + random.exponential(rate: p.lambdaM))
        // Step 2: the loop leaves the mix now.
        let path = PathSampling.mixLoopPath(parameters: p, origin: mix, random: &random)
        let slot = store(SimMessage(
            kind: .mixLoop, senderClient: -1, recipientClient: -1, path: path, nextHop: 0,
            createdAt: now, sentAt: now, deliveredAt: 0,
            distribution: track ? .single(p.clients) : nil))
        if measuring { sentByKind[.mixLoop, default: 0] += 1 }
        forward(slot: slot)
    }

    // MARK: Providers

    /// A message reaches provider `provider`.
    ///
    /// Paper: Loopix §2.1 and §3.2, "Message storing and retrieving". SPEC.md [LOOPIX-PROV-1].
    /// ```text
    /// if the path goes on (a mix loop): forward it at once
    /// drop messages (both kinds): discard them
    /// real and loop messages: append to the recipient's inbox
    /// ```
    mutating func providerArrival(slot: Int, provider: Int) {
        guard let m = messages[slot] else { return }
        // Step 1: a mix loop passes through.
        if m.nextHop < m.path.count {
            forward(slot: slot)
            return
        }
        // Step 2: the end of a client message.
        if inWindow(m.sentAt) && m.senderClient >= 0 { recordAnonymity(of: m) }
        // Step 3: drop messages end here.
        switch m.kind {
        case .drop, .payloadDrop, .mixLoop:
            if measuring { dropsDiscarded += 1 }
            release(slot)
        case .real, .loop:
            var delivered = m
            delivered.deliveredAt = now
            messages[slot] = delivered
            if inWindow(m.sentAt) {
                if m.kind == .real {
                    sendToInbox.add(now - m.sentAt)
                } else {
                    loopSendToInbox.add(now - m.sentAt)
                }
            }
            if m.kind == .real && inWindow(m.createdAt) { createdToInbox.add(now - m.createdAt) }
            // Step 4: the inbox.
            clients[m.recipientClient].inbox.push(slot)
        }
    }

    /// Sender entropy and ε of a client message at the end of its path (see LOOPIX-METRIC-SENDER).
    /// SPEC.md [LOOPIX-METRIC-EPSILON]: ε = |ln(p_S0 / p_S1)| (Loopix eq. (3)).
    mutating func recordAnonymity(of m: SimMessage) {
        guard track, case .mixture(let v)? = m.distribution else { return }
        var total = 0.0
        for i in 0..<p.clients { total += v[i] }
        guard total > 0 else { return }
        var h = 0.0
        for i in 0..<p.clients where v[i] > 0 {
            let q = v[i] / total
            h -= q * log2(q)
        }
        senderEntropy.add(h)
        if m.kind == .real { senderEntropyReal.add(h) }
        let s0 = config.challengeSenders[0], s1 = config.challengeSenders[1]
        if m.senderClient == s0 || m.senderClient == s1 {
            if v[s0] > 0 && v[s1] > 0 {
                epsilon.add(abs(log(v[s0] / v[s1])))
            } else {
                epsilonInfinite += 1
            }
        }
    }

    /// Client c pulls its inbox.
    ///
    /// Paper: Loopix §3.2 ("a constant number of messages") and §4.1.2. SPEC.md [LOOPIX-PROV-2].
    /// ```text
    /// schedule the next pull at now + pull interval
    /// take min(pull size, inbox size) messages from the head of the inbox
    /// pad the answer with dummies to exactly pull size messages
    /// ```
    mutating func pull(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.pull(client: c), at: now + p.pullInterval)
        // Step 2: up to pull-size messages from the inbox.
        var taken = 0
        while taken < p.pullSize, let slot = clients[c].inbox.pop() {
            taken += 1
            if let m = messages[slot], m.kind == .real {
                if inWindow(m.createdAt) { createdToPull.add(now - m.createdAt) }
                if measuring { realPulled += 1 }
            }
            release(slot)
        }
        // Step 3: padding with dummies.
        if measuring { pullDummies += p.pullSize - taken }
    }

    // MARK: Result

    mutating func result(
        stopReason: SimulationResult.StopReason, processed: Int, windowEnd: Double
    ) -> SimulationResult {
        let length = max(windowEnd - burnIn, 0)
        var mixMetrics: [SimulationResult.MixMetrics] = []
        for i in 0..<mixes.count {
            let (mean, variance) = mixes[i].occupancy.finish(at: windowEnd)
            mixMetrics.append(.init(
                mix: i, layer: i / p.mixesPerLayer,
                arrivals: mixes[i].arrivals, departures: mixes[i].departures,
                arrivalRate: length > 0 ? Double(mixes[i].arrivals) / length : 0,
                throughput: length > 0 ? Double(mixes[i].departures) / length : 0,
                occupancyMean: mean, occupancyVariance: variance,
                poolEntropyMean: mixes[i].poolEntropy.summary.mean,
                danezisEntropyMean: mixes[i].danezisEntropy.summary.mean))
        }
        var unsent = 0
        var waitMeans = RunningStatistics(), dropMeans = RunningStatistics()
        for c in clients {
            unsent += c.buffer.count
            if c.waitCount > 0 { waitMeans.add(c.waitSum / Double(c.waitCount)) }
            if c.slots > 0 { dropMeans.add(Double(c.emptySlots) / Double(c.slots)) }
        }
        let clientSent = [MessageKind.real, .payloadDrop, .loop, .drop]
            .reduce(0) { $0 + sentByKind[$1, default: 0] }
        let clientCover = [MessageKind.payloadDrop, .loop, .drop]
            .reduce(0) { $0 + sentByKind[$1, default: 0] }
        let mixTotal = mixDeparturesByKind.values.reduce(0, +)
        let mixReal = mixDeparturesByKind[.real, default: 0]
        var byKind: [String: Int] = [:]
        for k in MessageKind.allCases { byKind[k.rawValue] = sentByKind[k, default: 0] }
        return SimulationResult(
            parameters: p, config: config, stopReason: stopReason, eventsProcessed: processed,
            windowStart: burnIn, windowEnd: windowEnd, mixes: mixMetrics,
            buffer: .init(
                payloadSlots: payloadSlots, emptySlots: emptySlots,
                dropFraction: payloadSlots > 0 ? Double(emptySlots) / Double(payloadSlots) : 0,
                wait: bufferWait.summary, unsentAtEnd: unsent,
                waitStandardError: waitMeans.summary.standardError,
                dropFractionStandardError: dropMeans.summary.standardError),
            latency: .init(
                sendToInbox: sendToInbox.summary, createdToInbox: createdToInbox.summary,
                createdToPull: createdToPull.summary, loopSendToInbox: loopSendToInbox.summary),
            anonymity: .init(
                senderEntropy: senderEntropy.summary, senderEntropyReal: senderEntropyReal.summary,
                epsilon: epsilon.summary, epsilonInfinite: epsilonInfinite),
            traffic: .init(
                sentByKind: byKind,
                clientCoverShare: clientSent > 0 ? Double(clientCover) / Double(clientSent) : 0,
                mixCoverShare: mixTotal > 0 ? Double(mixTotal - mixReal) / Double(mixTotal) : 0,
                dropsDiscarded: dropsDiscarded, pullDummies: pullDummies, realPulled: realPulled,
                mixLoopsReturned: mixLoopsReturned))
    }
}

import SphinxSpec

/// The adversary of a packet-level run while it runs: its plan, its coin, the packets it holds,
/// and what the run records for the attacks' measurement (SPEC.md §8.13).
struct AdversaryState {
    let plan: PacketAdversary
    /// The adversary's own generator: SimulationRandom(seed), used only for dropping.
    var random: SimulationRandom
    var record = PacketAdversaryRecord()
    /// Tracked packets by number: a client's loop or real packet (index into `record.loops` or
    /// `record.reals`), or one of the target mix's loops (into `record.targetLoops`).
    enum Tracked {
        case loop(Int), real(Int), targetLoop(Int)
    }
    var tracked: [Int: Tracked] = [:]
    /// A client's real packet just sent, waiting for its ack timer in the same call.
    var realAwaitingTimer: Int?
    struct AckTimer: Hashable {
        let client: Int
        let fragment: FragmentID
        let attempt: Int
    }
    var ackTimers: [AckTimer: Int] = [:]
    /// The episode under way (index into `plan.blocking.episodes`) and what it holds.
    var episode: Int?
    var heldBack: [(bytes: Bytes, from: NodeAddress, tag: PacketTag)] = []
    var letThrough = false
    var poolAtStart: Set<UInt64> = []

    init(plan: PacketAdversary) {
        self.plan = plan
        self.random = SimulationRandom(seed: plan.seed)
    }
}

/// What the adversary does in a packet-level run, and what the run records for it.
/// SPEC.md §8.13 (LOOPIX-ADV-PKT-HOOK, LOOPIX-ADV-PKT-RECORD).
extension PacketRunState {
    /// The one place the adversary acts: a packet put on a link into mix m. SPEC.md
    /// [LOOPIX-ADV-PKT-HOOK].
    /// ```text
    /// a tracked client packet: m is appended to its route
    /// m drops (m ∈ dropping): u = uniform() of the adversary's generator; u < q: discarded
    ///   (the rest of a tracked packet's route is read by processing it with the mixes' keys)
    /// m is the target of an episode under way (mode release or drop): the first client packet
    ///   goes through (the target message); every other packet is held until the episode ends,
    ///   then arrives in the order sent (release) or is discarded (drop)
    /// ```
    /// Returns whether the adversary took the packet (it does not arrive now).
    mutating func adversaryTakes(_ bytes: Bytes, from source: NodeRef, mix m: Int, tag: PacketTag) -> Bool {
        // Taken out of the state while it changes, so that its arrays are not copied.
        guard var adversary else { return false }
        self.adversary = nil
        defer { self.adversary = adversary }
        // Step 1: the route of a tracked client packet.
        switch adversary.tracked[tag.id] {
        case .loop(let i): adversary.record.loops[i].route.append(m)
        case .real(let i): adversary.record.reals[i].route.append(m)
        default: break
        }
        // Step 2: a dropping mix.
        if adversary.plan.dropping.contains(m), adversary.random.uniform() < adversary.plan.dropProbability {
            adversary.record.dropped += 1
            completeRoute(of: tag.id, bytes, at: m, adversary: &adversary)
            ahead?.forget(packet: tag.id)
            return true
        }
        // Step 3: the links into the target of an episode under way.
        guard let blocking = adversary.plan.blocking, blocking.target == m, blocking.mode != .watch,
            adversary.episode != nil
        else { return false }
        if !adversary.letThrough && tag.senderClient != nil {
            adversary.letThrough = true
            return false
        }
        adversary.heldBack.append((bytes, address(of: source), tag))
        return true
    }

    /// The mixes a discarded client packet would still have crossed, read by processing it at
    /// each with that mix's key (what its sender knows: it chose the route).
    func completeRoute(of id: Int, _ bytes: Bytes, at m: Int, adversary: inout AdversaryState) {
        guard let tracked = adversary.tracked[id] else { return }
        var packet = bytes
        var mix = m
        var rest: [Int] = []
        while let next = network.mixes[mix / p.mixesPerLayer][mix % p.mixesPerLayer].hopKey.precompute(packet).forward,
            let address = try? NodeAddress(bytes: next.nextAddress), case .mix(let l, let i) = address
        {
            mix = l * p.mixesPerLayer + i
            rest.append(mix)
            packet = next.packet
        }
        switch tracked {
        case .loop(let i): adversary.record.loops[i].route += rest
        case .real(let i): adversary.record.reals[i].route += rest
        case .targetLoop: break
        }
    }

    /// Records a packet its creator just made (a client's or a mix's), before it leaves.
    /// SPEC.md [LOOPIX-ADV-PKT-RECORD].
    /// ```text
    /// a client's loop or real packet: tracked (client, sent at, route, fate)
    /// a real packet's ack timer (set in the same call): (client, fragment, attempt) → the packet
    /// an ack timer fires: the packet is decided, unacknowledged when the client retransmits
    /// a loop reaches its client's inbox: decided, back
    /// a loop of the target mix: tracked; its return at the target: back
    /// ```
    mutating func adversarySent(_ tag: PacketTag, from source: NodeRef) {
        guard var adversary else { return }
        self.adversary = nil
        defer { self.adversary = adversary }
        switch (source, tag.kind) {
        case (.client(let c), .message(.loop)):
            adversary.tracked[tag.id] = .loop(adversary.record.loops.count)
            adversary.record.loops.append(.init(client: c, sentAt: nowSeconds, route: []))
        case (.client(let c), .message(.real)):
            adversary.tracked[tag.id] = .real(adversary.record.reals.count)
            adversary.realAwaitingTimer = adversary.record.reals.count
            adversary.record.reals.append(.init(client: c, sentAt: nowSeconds, route: []))
        case (.mix(let m), .message(.mixLoop)) where m == adversary.plan.blocking?.target:
            adversary.tracked[tag.id] = .targetLoop(adversary.record.targetLoops.count)
            adversary.record.targetLoops.append((nowSeconds, nil))
        default: break
        }
    }

    /// A client set a timer: an ack timer names the real packet it sent just before.
    mutating func adversaryTimerSet(client c: Int, _ timer: TimerID) {
        guard case let .ackTimeout(id, attempt) = timer, let real = adversary?.realAwaitingTimer else { return }
        adversary?.ackTimers[.init(client: c, fragment: id, attempt: attempt)] = real
        adversary?.realAwaitingTimer = nil
    }

    /// A client's ack timer fired; `retransmitted`: the fragment was still unacknowledged.
    mutating func adversaryAckTimeout(client c: Int, _ id: FragmentID, attempt: Int, retransmitted: Bool) {
        guard let real = adversary?.ackTimers.removeValue(forKey: .init(client: c, fragment: id, attempt: attempt))
        else { return }
        adversary?.record.reals[real].decidedAt = nowSeconds
        adversary?.record.reals[real].unacknowledged = retransmitted
    }

    /// A packet reached its end: a client's loop in the client's inbox, or a mix loop at its mix.
    mutating func adversaryPacketBack(_ tag: PacketTag) {
        switch adversary?.tracked[tag.id] {
        case .loop(let i):
            adversary?.record.loops[i].decidedAt = nowSeconds
            adversary?.tracked[tag.id] = nil
        case .targetLoop(let i):
            adversary?.record.targetLoops[i].backAt = nowSeconds
            adversary?.tracked[tag.id] = nil
        case .real, nil: break
        }
    }

    /// Schedules the episodes' starts and ends (after the nodes' start events).
    mutating func scheduleEpisodes() {
        guard let episodes = adversary?.plan.blocking?.episodes else { return }
        for (i, e) in episodes.enumerated() {
            schedule(.episode(i, starts: true), at: Self.nanoseconds(e.start))
            schedule(.episode(i, starts: false), at: Self.nanoseconds(e.start + e.length))
        }
    }

    /// An episode starts or ends: the target's pool is looked at, and at the end the held
    /// packets are released or discarded (LOOPIX-ADV-PKT-HOOK).
    mutating func episodeEvent(_ i: Int, starts: Bool) {
        guard var adversary, let blocking = adversary.plan.blocking else { return }
        self.adversary = nil
        defer { self.adversary = adversary }
        let target = blocking.target
        if starts {
            adversary.episode = i
            adversary.letThrough = false
            adversary.poolAtStart = Set(held[target].keys)
            return
        }
        let flushed = adversary.poolAtStart.isDisjoint(with: held[target].keys)
        adversary.record.episodes.append(
            .init(
                episode: blocking.episodes[i], poolAtStart: adversary.poolAtStart.count, flushed: flushed,
                letThrough: adversary.letThrough, held: adversary.heldBack.count))
        adversary.episode = nil
        for (bytes, from, tag) in adversary.heldBack {
            if blocking.mode == .release {
                schedule(.node(.mix(target), .packetArrived(bytes, from: from), tag: tag), at: now)
            } else {
                adversary.record.discardedAfterBlocking += 1
                completeRoute(of: tag.id, bytes, at: target, adversary: &adversary)
                ahead?.forget(packet: tag.id)
            }
        }
        adversary.heldBack = []
    }

    /// The record at the end of the run: the users' messages and the run's end.
    func adversaryRecord(end: Double) -> PacketAdversaryRecord? {
        guard var record = adversary?.record else { return nil }
        record.end = end
        record.messagesCreatedAt = users.entries.map(\.createdAt)
        record.messagesDeliveredAt = users.entries.map(\.reachedInboxAt)
        return record
    }
}

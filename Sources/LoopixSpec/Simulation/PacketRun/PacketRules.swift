import SphinxSpec

/// How the packet-level run carries out the nodes' actions and what it observes of them
/// (SPEC.md §8.12, LOOPIX-PKT-CARRY, LOOPIX-PKT-TRUTH, LOOPIX-PKT-METRIC).
extension PacketRunState {
    /// What the actions of one `handle` call said so far, read by the actions after them.
    struct CallState {
        /// `record(packetCreated(kind))`: the next `send` is that new packet.
        var created: PacketKind?
        /// `record(released(input: n))`: the next `send` is the packet of input n.
        var released: UInt64?
        /// `record(ackForwarded)`: the next `send` is a SURB-ACK's ack packet.
        var ackForwarded = false
        /// `record(packetProcessed)` at a gateway: the packet took its Sphinx hop there.
        var processed = false
        /// The call sent the incoming packet on, dropped something, or pushed a message.
        var forwarded = false
        var dropped = false
        var pushed = false
    }

    /// Carries out the actions of one `handle` call, in order. SPEC.md [LOOPIX-PKT-CARRY].
    /// ```text
    /// send(b, to)          → packetArrived(b, from) at `to`, now (after what is scheduled now)
    /// setTimer(id, t)      → timerFired(id) at the node, at t
    /// requestPull(g)       → pullRequested(by) at g, now
    /// answerPull(c, ms)    → gatewayMessages(ms) at c, now ;  push(c, m) → gatewayMessages([m]) at c, now
    /// deliver, drop, record → counted (LOOPIX-PKT-COUNT) and measured (LOOPIX-PKT-METRIC)
    /// ```
    mutating func carry(_ actions: [NodeAction], from source: NodeRef, cause: NodeEvent, incoming: PacketTag?) {
        var call = CallState()
        for action in actions {
            switch action {
            case let .record(record):
                counts.recorded(record)
                switch record {
                case .packetCreated(let kind): call.created = kind
                case .released(let input): call.released = input
                case .ackForwarded: call.ackForwarded = true
                case .packetProcessed: call.processed = true
                case .mixLoopReturned:
                    metrics.mixLoopReturned(at: nowSeconds)
                    if adversary != nil, let incoming { adversaryPacketBack(incoming) }
                default: break
                }
            case let .send(bytes, to):
                let made = call.created != nil
                let tag = tagOfSend(from: source, cause: cause, incoming: incoming, call: &call)
                if adversary != nil && made { adversarySent(tag, from: source) }
                transmit(bytes, from: source, to: to, tag: tag)
            case let .setTimer(timer, due):
                if case .mix(let m) = source, case .release(let input) = timer, let incoming {
                    // The packet joins the mix's pool (LOOPIX-MIX-1's observation).
                    held[m][input] = incoming
                    metrics.senderArrived(view: incoming.view, mix: m)
                    metrics.mixArrival(mix: m, at: nowSeconds)
                }
                if case .client(let c) = source {
                    ahead?.timerSet(client: c, timer, at: due)
                    if adversary != nil { adversaryTimerSet(client: c, timer) }
                }
                schedule(.node(source, .timerFired(timer), tag: nil), at: due)
            case let .requestPull(gateway):
                guard case .client(let c) = source, case .gateway(let g) = gateway, g < p.providers else {
                    counts.undeliverable += 1
                    continue
                }
                schedule(.node(.gateway(g), .pullRequested(by: clientAddress(c)), tag: nil), at: now)
            case let .answerPull(client, messages):
                guard let c = clientIndex(client), case .gateway(let g) = source else {
                    counts.undeliverable += 1
                    continue
                }
                pullAnswered(gateway: g, client: c, messages: messages)
                schedule(.node(.client(c), .gatewayMessages(messages), tag: nil), at: now)
            case let .push(client, message):
                guard let c = clientIndex(client) else {
                    counts.undeliverable += 1
                    continue
                }
                call.pushed = true
                if view != nil, case .gateway(let g) = source {
                    viewHandOver(gateway: g, client: c, truth: incoming.map(Self.linkTruth(of:)))
                }
                if let incoming { reachedInbox(incoming, message: message) }
                schedule(.node(.client(c), .gatewayMessages([message]), tag: nil), at: now)
            case .deliver:
                counts.messagesDelivered += 1
            case let .drop(reason):
                counts.dropped(reason)
                call.dropped = true
                if let incoming { ahead?.forget(packet: incoming.id) }
                if reason == .dropCover, let incoming { endOfPath(incoming, dropCover: true) }
            }
        }
        // A final hop at an exit gateway that neither pushed, sent on nor dropped was stored in
        // an inbox (pull delivery).
        if case .gateway(let g) = source, call.processed, !call.forwarded, !call.dropped, !call.pushed,
            let incoming
        {
            storedInInbox(incoming, gateway: g)
        }
        if adversary != nil, case .client(let c) = source, case let .timerFired(.ackTimeout(id, attempt)) = cause {
            let retransmitted = actions.contains(.record(.retransmission(id)))
            adversaryAckTimeout(client: c, id, attempt: attempt, retransmitted: retransmitted)
        }
        if case .client(let c) = source, case .timerFired(.payloadSlot) = cause {
            // LOOPIX-METRIC-BUFFER: every payload slot, and whether it found the buffer empty.
            metrics.payloadSlotTaken(client: c, at: nowSeconds)
            if !actions.contains(.record(.packetCreated(.real))) { metrics.emptySlot(client: c, at: nowSeconds) }
        }
    }

    /// The ground truth of a packet a node sends. SPEC.md [LOOPIX-PKT-TRUTH].
    /// ```text
    /// client, after packetCreated(k): a new packet; payload slot: real, loop (Nym) or
    ///   payloadDrop (paper); loop slot: loop; drop slot: drop
    /// mix, after released(n): the packet of input n ; after packetCreated(mixLoop): a new loop
    /// gateway, entry (from a client): the incoming packet ; after ackForwarded: a new ack ;
    ///   otherwise (a mix loop passing): the incoming packet
    /// ```
    mutating func tagOfSend(
        from source: NodeRef, cause: NodeEvent, incoming: PacketTag?, call: inout CallState
    ) -> PacketTag {
        switch source {
        case .client(let c):
            guard let created = call.created else { preconditionFailure("BUG: a client sends only what it created") }
            call.created = nil
            let kind: MessageKind
            switch (created, cause) {
            case (.real, _): kind = .real
            case (.drop, .timerFired(.payloadSlot)): kind = .payloadDrop
            case (.drop, _): kind = .drop
            default: kind = .loop
            }
            metrics.messageSent(kind, at: nowSeconds)
            // A client records the packets it sends; the ack packet inside a real or loop
            // packet's SURB-ACK is made with it (LOOPIX-NODE-CLIENT-6) and counted here.
            if behaviour.acknowledgements && (created == .real || created == .loop) {
                counts.createdByKind[PacketKind.ack.rawValue, default: 0] += 1
            }
            return newTag(.message(kind), senderClient: c, sender: .client(c))
        case .mix(let m):
            if let input = call.released {
                call.released = nil
                guard var tag = held[m].removeValue(forKey: input) else {
                    preconditionFailure("BUG: mix \(m) released input \(input), which it never held")
                }
                let kind: MessageKind
                if case .message(let k) = tag.kind { kind = k } else { kind = .loop }
                // An ack counts as cover among the mix's departures (mixCoverShare).
                if let view = metrics.senderDeparted(mix: m) { tag.view = view }
                metrics.mixDeparture(mix: m, kind: kind, at: nowSeconds)
                return tag
            }
            precondition(call.created == .mixLoop, "BUG: a mix sends only released packets and its loops")
            call.created = nil
            metrics.messageSent(.mixLoop, at: nowSeconds)
            return newTag(.message(.mixLoop), senderClient: nil, sender: .mix(m))
        case .gateway(let g):
            if call.ackForwarded {
                call.ackForwarded = false
                // In the adversary's view an ack's sender is "not a client" (entry C).
                let carrier: MessageKind
                if case .message(let k)? = incoming?.kind { carrier = k } else { carrier = .real }
                return newTag(.ack(of: carrier), senderClient: nil, sender: .mix(g))
            }
            guard let incoming else { preconditionFailure("BUG: a gateway sends only what reached it") }
            if call.processed { call.forwarded = true }
            return incoming
        }
    }

    /// A new packet leaves its creator now.
    mutating func newTag(_ kind: PacketTruth, senderClient: Int?, sender: Sender) -> PacketTag {
        nextPacketID += 1
        return PacketTag(
            id: nextPacketID - 1, kind: kind, senderClient: senderClient, sentAt: nowSeconds,
            view: metrics.senderView(of: sender))
    }

    /// Puts bytes on a link: they arrive at `to` now.
    mutating func transmit(_ bytes: Bytes, from source: NodeRef, to: NodeAddress, tag: PacketTag) {
        counts.linkTransfers += 1
        guard let target = ref(of: to) else {
            counts.undeliverable += 1
            return
        }
        observe?(
            PacketObservation(
                time: now, from: address(of: source), to: to, bytes: bytes, truth: tag.kind, packetID: tag.id))
        if view != nil { viewLink(from: source, to: target, tag: tag) }
        // LOOPIX-ADV-PKT-HOOK: an adversary may take a packet on a link into a mix.
        if adversary != nil, case .mix(let m) = target, adversaryTakes(bytes, from: source, mix: m, tag: tag) {
            return
        }
        schedule(.node(target, .packetArrived(bytes, from: address(of: source)), tag: tag), at: now)
    }

    // MARK: Addresses

    func address(of ref: NodeRef) -> NodeAddress {
        switch ref {
        case .mix(let m): return .mix(layer: m / p.mixesPerLayer, index: m % p.mixesPerLayer)
        case .gateway(let g): return .gateway(index: g)
        case .client(let c): return clientAddress(c)
        }
    }

    func clientAddress(_ c: Int) -> NodeAddress { .client(index: c, gateway: c % p.providers) }

    func clientIndex(_ address: NodeAddress) -> Int? {
        guard case let .client(c, _) = address, c >= 0, c < p.clients, clientAddress(c) == address else { return nil }
        return c
    }

    /// The node an address names, or nil when it names none of this network.
    func ref(of address: NodeAddress) -> NodeRef? {
        switch address {
        case let .mix(l, i):
            guard l >= 0, l < p.layers, i >= 0, i < p.mixesPerLayer else { return nil }
            return .mix(l * p.mixesPerLayer + i)
        case let .gateway(g):
            return g >= 0 && g < p.providers ? .gateway(g) : nil
        case .client:
            return clientIndex(address).map { .client($0) }
        }
    }
}

import SphinxSpec

/// What the packet-level run reports to the `MetricCollector`, in the words of the timing
/// model's rules, so that both runs give the same `SimulationResult`. SPEC.md [LOOPIX-PKT-METRIC].
/// ```text
/// client payload slot          → payloadSlotTaken ; emptySlot unless it sent a real packet
/// client or mix sends a packet → messageSent(kind)                 (acks are not client messages)
/// mix sets release(n)          → senderArrived (the packet's sender view) ; mixArrival
/// mix releases input n         → senderDeparted (the packet takes the pool's view) ; mixDeparture
/// mix loop back at its mix     → mixLoopReturned
/// exit gateway, a client packet's final hop → senderEndOfPath ; drop cover: dropDiscarded ;
///   real or loop pushed or stored → delivered (a real message: its first copy only, and
///   bufferLeft at that copy's send) ; push: the recipient takes it at once (pulled)
/// pull answer                  → pulled for each real message ; pullPadded(dummies)
/// ```
extension PacketRunState {
    /// The final hop of a client packet at its exit gateway (LOOPIX-PROV-1's observations).
    mutating func endOfPath(_ tag: PacketTag, dropCover: Bool) {
        guard case .message(let kind) = tag.kind, let sender = tag.senderClient else { return }
        metrics.senderEndOfPath(view: tag.view, kind: kind, senderClient: sender, sentAt: tag.sentAt)
        if dropCover { metrics.dropDiscarded(at: nowSeconds) }
    }

    /// A packet's message reached its recipient's inbox now: pushed (`message` is what was
    /// pushed) or stored.
    mutating func reachedInbox(_ tag: PacketTag, message: Bytes) {
        guard case .message(let kind) = tag.kind else { return }
        if adversary != nil { adversaryPacketBack(tag) }
        endOfPath(tag, dropCover: false)
        switch kind {
        case .loop:
            metrics.delivered(kind: .loop, createdAt: tag.sentAt, sentAt: tag.sentAt, at: nowSeconds)
        case .real:
            guard let number = users.number(inClientMessage: message) else { return }
            guard users[number].reachedInboxAt == nil else {
                counts.duplicateRealArrivals += 1
                return
            }
            users[number].reachedInboxAt = nowSeconds
            let entry = users[number]
            metrics.bufferLeft(client: entry.sender, createdAt: entry.createdAt, at: tag.sentAt)
            metrics.delivered(kind: .real, createdAt: entry.createdAt, sentAt: tag.sentAt, at: nowSeconds)
            if behaviour.delivery == .push {
                metrics.pulled(kind: .real, createdAt: entry.createdAt, at: nowSeconds)
            }
        case .payloadDrop, .drop, .mixLoop:
            break
        }
    }

    /// A final hop stored in an inbox of gateway `g` (pull delivery): the driver finds the inbox
    /// that grew, and the message at its end.
    mutating func storedInInbox(_ tag: PacketTag, gateway g: Int) {
        for (client, inbox) in network.gateways[g].inboxes where inbox.count > inboxTruth[client].count {
            inboxTruth[client].append(Self.linkTruth(of: tag))
            if let message = inbox.last { reachedInbox(tag, message: message) }
            return
        }
    }

    /// Gateway g answered a pull of client c; with an observer, each message is a hand-over.
    mutating func pullAnswered(gateway g: Int, client c: Int, messages: [Bytes]) {
        var dummies = 0
        for message in messages {
            if message == PacketPayload.dummy {
                dummies += 1
                if view != nil { viewHandOver(gateway: g, client: c, truth: nil) }
                continue
            }
            let truth = inboxTruth[c].popFirst()
            if view != nil { viewHandOver(gateway: g, client: c, truth: truth) }
            if let number = users.number(inClientMessage: message) {
                metrics.pulled(kind: .real, createdAt: users[number].createdAt, at: nowSeconds)
            }
        }
        metrics.pullPadded(dummies: dummies, at: nowSeconds)
    }
}

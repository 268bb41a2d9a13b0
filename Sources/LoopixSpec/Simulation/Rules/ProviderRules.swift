/// The event rules of a provider, in SPEC.md order (§8.5, LOOPIX-PROV-1 … 2).
///
/// Paper: Loopix §2.1 and §3.2, "Message storing and retrieving".
extension SimulationState {
    /// A message reaches provider `provider`.
    ///
    /// Paper: Loopix §2.1 and §3.2, "Message storing and retrieving". SPEC.md [LOOPIX-PROV-1].
    /// ```text
    /// if the path goes on (a mix loop): forward it at once
    /// drop messages (both kinds): discard them
    /// real and loop messages: append to the recipient's inbox
    /// ```
    mutating func providerArrival(slot: MessageStore.Slot, provider: Int) {
        let m = messages[slot]
        // Step 1: a mix loop passes through.
        if m.nextHop < m.path.count {
            forward(slot: slot)
            return
        }
        guard let sentAt = m.sentAt else { preconditionFailure("BUG: a message arrived that was never sent") }
        // Step 2: the end of a client message.
        if case .client(let sender) = m.sender {
            metrics.senderEndOfPath(slot: slot, kind: m.kind, senderClient: sender, sentAt: sentAt)
        }
        // Step 3: drop messages end here.
        switch m.kind {
        case .drop, .payloadDrop, .mixLoop:
            metrics.dropDiscarded(at: now)
            messages.release(slot)
        case .real, .loop:
            metrics.delivered(kind: m.kind, createdAt: m.createdAt, sentAt: sentAt, at: now)
            if let target = m.target {
                metrics.senderTargetDelivered(slot: slot)
                if metrics.targetDelivered(target: target, sentAt: sentAt, at: now) {
                    stopAt = min(stopAt, now + config.cooldown)
                }
            }
            // Step 4: the inbox.
            guard let recipient = m.recipient else { preconditionFailure("BUG: a \(m.kind) message without recipient") }
            clients[recipient].inbox.append(slot)
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
        while taken < p.pullSize, let slot = clients[c].inbox.popFirst() {
            taken += 1
            let m = messages[slot]
            observe?(pullLink(client: c), LinkTruth(slot: slot, kind: m.kind, isFirstLink: false))
            metrics.pulled(kind: m.kind, createdAt: m.createdAt, at: now)
            messages.release(slot)
        }
        // Step 3: padding with dummies.
        if let observe {
            for _ in taken..<p.pullSize {
                observe(pullLink(client: c), LinkTruth(slot: nil, kind: nil, isFirstLink: false))
            }
        }
        metrics.pullPadded(dummies: p.pullSize - taken, at: now)
    }

    /// One packet of a pull as the adversary sees it (SPEC.md LOOPIX-ADV-VIEW).
    func pullLink(client c: Int) -> LinkEvent {
        LinkEvent(
            time: now, from: .provider(PathSampling.provider(ofClient: c, providers: p.providers)), to: .client(c))
    }
}

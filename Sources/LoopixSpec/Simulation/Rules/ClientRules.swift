/// The event rules of a client, in SPEC.md order (§8.5, LOOPIX-CLIENT-1 … 6).
///
/// Paper: Loopix §3.2, "Sending messages and cover traffic".
extension SimulationState {
    /// The user of client c puts a real message into the buffer.
    ///
    /// SPEC.md [LOOPIX-CLIENT-1].
    /// ```text
    /// schedule the next real message at now + Exp(r)
    /// recipient = floor(u · (C − 1)), skipping c itself (c itself if C = 1)
    ///             (a writer with friends: a friend instead, LOOPIX-ADV-SDA-3)
    /// append the message to the tail of c's buffer
    /// ```
    mutating func realMessage(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.realMessage(client: c), at: now + random.exponential(rate: p.realMessageRate))
        // Step 2: pick the recipient among the other clients.
        var recipient = c
        if let friend = config.habit?.friend(of: c, random: &random) {
            recipient = friend
        } else if p.clients > 1 {
            recipient = random.index(below: p.clients - 1)
            if recipient >= c { recipient += 1 }
        }
        // Step 3: append to the buffer.
        let message = SimMessage(kind: .real, sender: .client(c), recipient: recipient, path: [], createdAt: now)
        clients[c].buffer.append(messages.store(message))
    }

    /// A slot of client c's payload stream.
    ///
    /// Paper: Loopix §3.2, "Sending messages and cover traffic". SPEC.md [LOOPIX-CLIENT-2].
    /// ```text
    /// schedule the next slot at now + Exp(λ_P)
    /// if the buffer is not empty: take its head (a real message), path to the recipient's provider
    /// else: a drop message; destination provider floor(u · P); path to it
    ///       (Nym's rule, LOOPIX-ADV-SDA-3: a loop to c itself, path to c's own provider)
    /// send it
    /// ```
    mutating func payloadSlot(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.payloadSlot(client: c), at: now + random.exponential(rate: p.lambdaP))
        metrics.payloadSlotTaken(client: c, at: now)
        // Step 2: the head of the buffer, if any.
        if let slot = clients[c].buffer.popFirst() {
            var m = messages[slot]
            guard let recipient = m.recipient else { preconditionFailure("BUG: a real message without recipient") }
            let destination = PathSampling.provider(ofClient: recipient, providers: p.providers)
            m.path = PathSampling.clientPath(parameters: p, destinationProvider: destination, random: &random)
            metrics.bufferLeft(client: c, createdAt: m.createdAt, at: now)
            messages[slot] = m
            send(slot: slot)
            return
        }
        // Step 3: otherwise a drop message.
        metrics.emptySlot(client: c, at: now)
        if config.habit?.emptySlotLoops == true {
            sendLoop(client: c)
            return
        }
        let destination = random.index(below: p.providers)
        let path = PathSampling.clientPath(parameters: p, destinationProvider: destination, random: &random)
        send(
            slot: messages.store(
                SimMessage(kind: .payloadDrop, sender: .client(c), recipient: nil, path: path, createdAt: now)))
    }

    /// A slot of client c's loop cover stream.
    ///
    /// SPEC.md [LOOPIX-CLIENT-3]: schedule the next slot at now + Exp(λ_L); send a loop message
    /// to c itself, path to c's own provider.
    mutating func loopSlot(client c: Int) {
        // Step 1: schedule the successor.
        schedule(.loopSlot(client: c), at: now + random.exponential(rate: p.lambdaL))
        // Step 2: a loop back to the client itself.
        sendLoop(client: c)
    }

    /// A loop message from client c back to c, path to c's own provider (LOOPIX-CLIENT-3).
    mutating func sendLoop(client c: Int) {
        let own = PathSampling.provider(ofClient: c, providers: p.providers)
        let path = PathSampling.clientPath(parameters: p, destinationProvider: own, random: &random)
        send(
            slot: messages.store(
                SimMessage(kind: .loop, sender: .client(c), recipient: c, path: path, createdAt: now)))
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
        send(
            slot: messages.store(
                SimMessage(kind: .drop, sender: .client(c), recipient: nil, path: path, createdAt: now)))
    }

    /// A client hands a message to its own provider, which forwards it at once.
    ///
    /// SPEC.md [LOOPIX-CLIENT-5]: the message leaves at `now`; an observer of the client's link
    /// knows its sender, so its sender distribution starts as that one client.
    mutating func send(slot: MessageStore.Slot) {
        messages[slot].sentAt = now
        metrics.senderSent(slot: slot, sender: messages[slot].sender)
        messages[slot].targetMass = metrics.targetView(of: messages[slot].target)
        metrics.messageSent(messages[slot].kind, at: now)
        if let observe, case .client(let c) = messages[slot].sender {
            let own = NetworkNode.provider(PathSampling.provider(ofClient: c, providers: p.providers))
            observe(
                LinkEvent(time: now, from: .client(c), to: own),
                LinkTruth(slot: slot, kind: messages[slot].kind, isFirstLink: true))
        }
        forward(slot: slot)
    }

    /// Target message i enters its sender's buffer (MiXiM's measurement scenario).
    ///
    /// Source: MiXiM (aniampio/Simulator at 4efb211) classes/Node.py lines 282–307.
    /// SPEC.md [LOOPIX-CLIENT-6].
    /// ```text
    /// if i + 1 < count: schedule target message i + 1 at now + interval
    /// append a real message, sender → recipient, labelled i, to the sender's buffer
    /// ```
    mutating func targetMessage(index i: Int) {
        guard let targets = config.targetMessages else { preconditionFailure("BUG: a target message without targets") }
        // Step 1: schedule the successor.
        if i + 1 < targets.count { schedule(.targetMessage(index: i + 1), at: now + targets.interval) }
        // Step 2: append to the buffer.
        var message = SimMessage(
            kind: .real, sender: .client(targets.sender), recipient: targets.recipient, path: [], createdAt: now)
        message.target = i
        clients[targets.sender].buffer.append(messages.store(message))
    }
}

import SphinxSpec

/// A Loopix client that makes real nym Sphinx packets. SPEC.md §8.11 "Client",
/// [LOOPIX-NODE-CLIENT-1].
///
/// State: the real-message buffer (fragments waiting for a payload slot, FIFO), the fragments
/// sent and not yet acknowledged, partly received messages, the ack key, the randomness.
/// Streams (paper §3.2), each a Poisson process with its own timer: payload slots (λ_P), loop
/// cover (λ_L), drop cover (λ_D); and, for pull delivery, a pull every pull interval.
public struct ClientNode: LoopixNode {
    public let address: NodeAddress
    public let index: Int
    public let gateway: Int
    public let topology: Topology
    public let parameters: LoopixParameters
    public let behaviour: PacketBehaviour
    private let ackKey: Bytes
    private var random: NodeRandomness
    /// Fragments waiting for a payload slot, oldest first (from `bufferHead` on).
    private var buffer: [OutgoingFragment] = []
    private var bufferHead = 0
    /// Sent fragments awaiting their ack.
    private var pending: [FragmentID: PendingFragment] = [:]
    private var reassembly = Reassembly()

    /// - Parameters:
    ///   - index: this client's number, 0 … C−1.
    ///   - gateway: the number of the gateway this client belongs to.
    ///   - topology: the mixes and gateways with their public keys.
    ///   - parameters: λ_P, λ_L, λ_D, µ and the pull interval are used (validated).
    ///   - behaviour: where Nym and the paper differ at packet level.
    ///   - ackKey: the 16-byte AES-128 key of this client's acknowledgements.
    ///   - random: this client's injected randomness.
    /// - Throws: `NodeError` for invalid parameters, a key of the wrong length, or a gateway
    ///   not in the topology.
    public init(
        index: Int, gateway: Int, topology: Topology, parameters: LoopixParameters,
        behaviour: PacketBehaviour, ackKey: Bytes, random: NodeRandomness
    ) throws(NodeError) {
        do { try parameters.validate() } catch { throw .parameters(error) }
        guard ackKey.count == NymNodeConstants.ackKeyLength else {
            throw .invalidKeyLength(
                what: "ack key", expected: NymNodeConstants.ackKeyLength, actual: ackKey.count)
        }
        guard topology.gateways.indices.contains(gateway) else {
            throw .invalidTopology("gateway \(gateway) is not in the topology")
        }
        self.address = .client(index: index, gateway: gateway)
        self.index = index
        self.gateway = gateway
        self.topology = topology
        self.parameters = parameters
        self.behaviour = behaviour
        self.ackKey = ackKey
        self.random = random
    }

    /// Fragments waiting in the buffer.
    public var bufferedCount: Int { buffer.count - bufferHead }
    /// Fragments sent and not yet acknowledged.
    public var pendingFragments: Set<FragmentID> { Set(pending.keys) }
    /// How often a pending fragment has been sent (nil when not pending).
    public func sends(of id: FragmentID) -> Int? { pending[id]?.attempts }

    /// A fragment in the buffer, with where it goes.
    struct OutgoingFragment: Sendable {
        let fragment: Fragment
        let recipient: NodeAddress
        var retransmission: Bool
    }

    /// A fragment sent and awaiting its ack, with the number of sends so far.
    struct PendingFragment: Sendable {
        let outgoing: OutgoingFragment
        let attempts: Int
    }

    public mutating func handle(_ event: NodeEvent, at time: UInt64) -> [NodeAction] {
        switch event {
        case .start: return start(at: time)
        case let .messageSubmitted(message, to: recipient): return submit(message, to: recipient)
        case .timerFired(.payloadSlot): return payloadSlot(at: time)
        case .timerFired(.loopSlot): return coverSlot(.loopSlot, rate: parameters.lambdaL, kind: .loop, at: time)
        case .timerFired(.dropSlot): return coverSlot(.dropSlot, rate: parameters.lambdaD, kind: .drop, at: time)
        case .timerFired(.pull): return pull(at: time)
        case let .timerFired(.ackTimeout(id, attempt)): return ackTimeout(id, attempt: attempt)
        case let .gatewayMessages(messages): return receive(messages)
        case .timerFired, .packetArrived, .pullRequested, .keyEpochRotated: return []
        }
    }

    /// Start. SPEC.md [LOOPIX-NODE-CLIENT-2].
    /// ```text
    /// payloadSlot at now + Exp(λ_P) ; if λ_L > 0: loopSlot at now + Exp(λ_L)
    /// if λ_D > 0: dropSlot at now + Exp(λ_D) ; pull delivery: pull at now + ⌊u · pull interval⌋
    /// ```
    mutating func start(at time: UInt64) -> [NodeAction] {
        var out: [NodeAction] = [.setTimer(.payloadSlot, at: after(time, rate: parameters.lambdaP))]
        if parameters.lambdaL > 0 { out.append(.setTimer(.loopSlot, at: after(time, rate: parameters.lambdaL))) }
        if parameters.lambdaD > 0 { out.append(.setTimer(.dropSlot, at: after(time, rate: parameters.lambdaD))) }
        if behaviour.delivery == .pull {
            let phase = UInt64((random.draws.uniform() * Double(pullIntervalNanoseconds)).rounded(.down))
            out.append(.setTimer(.pull, at: time.saturatingAdd(phase)))
        }
        return out
    }

    /// A user's message. SPEC.md [LOOPIX-NODE-CLIENT-3].
    mutating func submit(_ message: Bytes, to recipient: NodeAddress) -> [NodeAction] {
        // Step 1: the recipient must be a client whose gateway exists.
        guard case .client = recipient, topology.contains(recipient) else { return [.drop(.unknownRecipient)] }
        // Step 2: draw a set id: 4 random bytes, top bit cleared, drawn again while 0.
        var setID: UInt32 = 0
        while setID == 0 { setID = UInt32(ByteOps.readBigEndian(random.bytes.bytes(4)[...])) & 0x7fff_ffff }
        // Step 3: split into fragments (LOOPIX-NODE-FRAG-1) and append them to the buffer.
        guard let fragments = try? Fragment.split(message, setID: setID) else { return [.drop(.messageTooLong)] }
        buffer += fragments.map { OutgoingFragment(fragment: $0, recipient: recipient, retransmission: false) }
        return []
    }

    /// A payload slot (λ_P). SPEC.md [LOOPIX-NODE-CLIENT-4].
    mutating func payloadSlot(at time: UInt64) -> [NodeAction] {
        // Step 1: schedule the successor.
        var out: [NodeAction] = [.setTimer(.payloadSlot, at: after(time, rate: parameters.lambdaP))]
        // Step 2: the head of the buffer, skipping retransmissions acknowledged meanwhile.
        while bufferHead < buffer.count {
            let next = buffer[bufferHead]
            bufferHead += 1
            compactBuffer()
            if next.retransmission && pending[next.fragment.id] == nil { continue }
            return out + sendReal(next, at: time)
        }
        // Step 3: an empty buffer sends cover: a loop (Nym) or a drop (the paper).
        out += sendCover(behaviour.emptySlot == .loop ? .loop : .drop)
        return out
    }

    /// A loop or drop slot (λ_L, λ_D). SPEC.md [LOOPIX-NODE-CLIENT-5].
    /// ```text
    /// set the same timer at now + Exp(rate) ; send a loop (to this client) or a drop cover
    /// ```
    mutating func coverSlot(_ timer: TimerID, rate: Double, kind: PacketKind, at time: UInt64) -> [NodeAction] {
        guard rate > 0 else { return [] }
        return [.setTimer(timer, at: after(time, rate: rate))] + sendCover(kind)
    }

    /// Sends one real fragment. SPEC.md [LOOPIX-NODE-CLIENT-7].
    mutating func sendReal(_ outgoing: OutgoingFragment, at time: UInt64) -> [NodeAction] {
        let fragment = outgoing.fragment
        guard case let .client(_, exit) = outgoing.recipient else { preconditionFailure("checked on submission") }
        // Step 1: make and send a packet to the recipient, acknowledged by the fragment id.
        let made = makePacket(
            content: .fragment(fragment), ackID: fragment.id, exit: exit, destination: outgoing.recipient)
        var out = [NodeAction.record(.packetCreated(.real)), made.send]
        // Step 2: with acknowledgements, wait for the ack until the timeout (LOOPIX-NODE-ACK-3).
        if behaviour.acknowledgements {
            let attempts = (pending[fragment.id]?.attempts ?? 0) + 1
            pending[fragment.id] = PendingFragment(outgoing: outgoing, attempts: attempts)
            let timeout = Self.ackTimeout(totalDelay: made.forwardDelay.saturatingAdd(made.ackDelay))
            out.append(.setTimer(.ackTimeout(fragment.id, attempt: attempts), at: time.saturatingAdd(timeout)))
        }
        return out
    }

    /// Nym's ack timeout. SPEC.md [LOOPIX-NODE-ACK-3].
    /// ```text
    /// timeout = ⌊1.5 · (forward mix delays + ack mix delays)⌋ + 1.5 s, from the actual send
    /// ```
    /// common/client-core/src/client/real_messages_control/acknowledgement_control/
    /// action_controller.rs:154-155 with the defaults of config-types/src/lib.rs:21-23; the
    /// delays are the ones drawn for this packet and its ack (preparer/mod.rs:285).
    public static func ackTimeout(totalDelay: UInt64) -> UInt64 {
        let scaled = (Double(totalDelay) * NymNodeConstants.ackWaitMultiplier).rounded(.down)
        let bounded = scaled < 0x1p63 ? UInt64(scaled) : 1 << 63
        return bounded.saturatingAdd(NymNodeConstants.ackWaitAddition)
    }

    /// Sends one cover packet.
    mutating func sendCover(_ kind: PacketKind) -> [NodeAction] {
        switch kind {
        case .loop:
            let made = makePacket(content: .loop, ackID: .cover, exit: gateway, destination: address)
            return [.record(.packetCreated(.loop)), made.send]
        default:
            // A drop goes to a gateway drawn uniformly, which is also its destination.
            let exit = random.index(below: topology.gateways.count)
            let made = makePacket(content: .cover, ackID: nil, exit: exit, destination: .gateway(index: exit))
            return [.record(.packetCreated(.drop)), made.send]
        }
    }

    /// Makes a packet and the action that sends it. SPEC.md [LOOPIX-NODE-CLIENT-6].
    /// ```text
    /// SURB-ACK (real: fragment id; loop: 0 @ 0; drop: none) ; ephemeral slot ; route ; Sphinx
    /// frame = first mix ‖ packet, sent to this client's own gateway
    /// ```
    private mutating func makePacket(
        content: PacketPayload.Content, ackID: FragmentID?, exit: Int, destination: NodeAddress
    ) -> (send: NodeAction, forwardDelay: UInt64, ackDelay: UInt64) {
        // Step 1: the SURB-ACK (LOOPIX-NODE-ACK-2), or 405 zero bytes.
        var surbAck = Bytes.zeros(NymNodeConstants.surbAckLength)
        var ackDelay: UInt64 = 0
        if behaviour.acknowledgements, let ackID {
            guard
                let made = try? SURBAck.make(
                    for: ackID, sender: address, gateway: gateway, ackKey: ackKey, topology: topology,
                    mu: parameters.mu, version: behaviour.version, random: &random)
            else { preconditionFailure("a route of a valid topology makes a packet") }
            (surbAck, ackDelay) = made
        }
        // Step 2: the ephemeral-key slot: 32 random bytes.
        let ephemeral = random.bytes.bytes(NymNodeConstants.ephemeralKeyLength)
        let plaintext = PacketPayload.plaintext(surbAck: surbAck, ephemeral: ephemeral, content: content)
        // Step 3: the route to the exit gateway and its delays (LOOPIX-NODE-ROUTE-1).
        let (route, delays) = topology.route(toExit: exit, mu: parameters.mu, random: &random)
        // Step 4: the Sphinx packet.
        let packet = SphinxHop.makePacket(
            route: route, delays: delays, destination: destination, plaintext: plaintext, version: behaviour.version,
            random: &random)
        // Step 5: the entry frame goes to this client's own gateway.
        let frame = GatewayNode.entryFrame(firstHop: packet.firstHop, packet: packet.bytes)
        return (.send(frame, to: .gateway(index: gateway)), Topology.totalMixDelay(delays), ackDelay)
    }

    /// Messages from the gateway. SPEC.md [LOOPIX-NODE-CLIENT-8].
    mutating func receive(_ messages: [Bytes]) -> [NodeAction] {
        var out: [NodeAction] = []
        for message in messages {
            switch PacketPayload.classify(message) {
            case .ack(let sealed):
                // An ack: match it with a pending fragment; cover acks and late acks are ignored.
                if let id = SURBAck.open(sealed, ackKey: ackKey), id != .cover, pending.removeValue(forKey: id) != nil {
                    out.append(.record(.ackMatched(id)))
                } else {
                    out.append(.record(.ackIgnored))
                }
            case .dummy: out.append(.record(.dummyDiscarded))
            case .loop: out.append(.record(.loopReturned))
            case .fragment(let fragment):
                switch reassembly.add(fragment) {
                case .complete(let whole): out.append(.deliver(whole))
                case .incomplete, .duplicate: break
                case .malformed: out.append(.drop(.malformedMessage))
                }
            case .malformed: out.append(.drop(.malformedMessage))
            }
        }
        return out
    }

    /// An ack timeout. SPEC.md [LOOPIX-NODE-CLIENT-9].
    /// ```text
    /// if the fragment is still pending after exactly `attempt` sends: append it to the buffer
    /// ```
    mutating func ackTimeout(_ id: FragmentID, attempt: Int) -> [NodeAction] {
        guard let entry = pending[id], entry.attempts == attempt else { return [] }
        var again = entry.outgoing
        again.retransmission = true
        buffer.append(again)
        return [.record(.retransmission(id))]
    }

    /// A pull. SPEC.md [LOOPIX-NODE-CLIENT-10].
    /// ```text
    /// set timer pull at now + pull interval ; ask the own gateway for the inbox
    /// ```
    mutating func pull(at time: UInt64) -> [NodeAction] {
        [
            .setTimer(.pull, at: time.saturatingAdd(pullIntervalNanoseconds)),
            .requestPull(from: .gateway(index: gateway)),
        ]
    }

    private var pullIntervalNanoseconds: UInt64 {
        let ns = (parameters.pullInterval * 1e9).rounded(.down)
        return ns < 0x1p63 ? Swift.max(1, UInt64(ns)) : 1 << 63
    }

    private mutating func after(_ time: UInt64, rate: Double) -> UInt64 {
        time.saturatingAdd(random.exponentialNanoseconds(rate: rate))
    }

    /// Drops consumed entries from the front of the buffer now and then (amortised O(1)).
    private mutating func compactBuffer() {
        if bufferHead > 64 && bufferHead * 2 > buffer.count {
            buffer.removeFirst(bufferHead)
            bufferHead = 0
        }
    }
}

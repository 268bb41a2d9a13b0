import SphinxSpec

/// A gateway (the paper's provider): the entry of its clients' packets and the exit, the last
/// Sphinx hop, of packets to its clients. SPEC.md §8.11 "Gateway", [LOOPIX-NODE-GW-1].
///
/// State: its Sphinx secret, a replay cache (REPLAY-CACHE-1), one inbox per client (pull
/// delivery). A gateway never delays a packet.
public struct GatewayNode: LoopixNode {
    public let address: NodeAddress
    public let index: Int
    public let behaviour: PacketBehaviour
    /// Messages per pull answer (pull delivery).
    public let pullSize: Int
    private var hop: SphinxHop
    /// Stored messages per client index, oldest first.
    public private(set) var inboxes: [Int: [Bytes]] = [:]
    /// Drops so far, by `DropReason.name`.
    public private(set) var dropCounts: [String: Int] = [:]

    /// - Throws: `NodeError` for a secret that is not 32 bytes or a pull size below 1.
    public init(
        index: Int, nodeSecret: Bytes, behaviour: PacketBehaviour, pullSize: Int,
        random: NodeRandomness, replayCapacity: Int = 100_000
    ) throws(NodeError) {
        var random = random
        let hop = try SphinxHop(nodeSecret: nodeSecret, replayCapacity: replayCapacity, random: &random)
        guard pullSize >= 1 else {
            throw .parameters(.countTooSmall(parameter: "pullSize", value: pullSize, minimum: 1))
        }
        self.address = .gateway(index: index)
        self.index = index
        self.behaviour = behaviour
        self.pullSize = pullSize
        self.hop = hop
    }

    /// The key this gateway processes packets with, for a driver that processes them ahead.
    public var hopKey: NodeHopKey { hop.key }

    public mutating func handle(_ event: NodeEvent, at time: UInt64) -> [NodeAction] {
        handle(event, at: time, precomputed: nil)
    }

    /// `handle(_:at:)`, with the processing of an arriving packet done ahead by
    /// `hopKey.precompute` (SPEC.md LOOPIX-PKT-AHEAD): the same actions, less work now.
    public mutating func handle(_ event: NodeEvent, at time: UInt64, precomputed: PrecomputedHop?) -> [NodeAction] {
        switch event {
        case let .packetArrived(bytes, from: .client(client, gateway)):
            return entry(bytes, client: client, clientGateway: gateway)
        case let .packetArrived(bytes, _): return exit(bytes, precomputed: precomputed)
        case let .pullRequested(by: .client(client, gateway)) where gateway == index:
            return [answerPull(client: client)]
        case .pullRequested: return [drop(.notOurClient)]
        case .keyEpochRotated:
            hop.rotate()
            return []
        case .start, .timerFired, .messageSubmitted, .gatewayMessages: return []
        }
    }

    /// The frame a client sends its gateway: first hop ‖ Sphinx packet, as Nym's `MixPacket`
    /// (next hop ‖ packet, common/nymsphinx/forwarding/src/packet.rs). SPEC.md see LOOPIX-NODE-GW-2.
    public static func entryFrame(firstHop: NodeAddress, packet: Bytes) -> Bytes { firstHop.bytes + packet }

    /// Entry: a client's packet. SPEC.md [LOOPIX-NODE-GW-2].
    mutating func entry(_ frame: Bytes, client: Int, clientGateway: Int) -> [NodeAction] {
        // Step 1: only this gateway's own clients enter here.
        guard clientGateway == index else { return [drop(.notOurClient)] }
        // Step 2: split the frame into first hop and packet.
        let split = NymConstants.nodeAddressLength
        guard frame.count > split, let firstHop = try? NodeAddress(bytes: Array(frame[0..<split])),
            case .mix = firstHop
        else { return [drop(.malformedEntryFrame)] }
        // Step 3: forward the packet at once, without Sphinx processing.
        return [.send(Array(frame[split...]), to: firstHop)]
    }

    /// Exit: the last Sphinx hop. SPEC.md [LOOPIX-NODE-GW-3].
    mutating func exit(_ bytes: Bytes, precomputed: PrecomputedHop?) -> [NodeAction] {
        // Step 1: process the packet, checking and recording its replay tag.
        // Step 2: a forward hop (a mix loop passing through) is sent on at once.
        switch hop.process(bytes, precomputed: precomputed) {
        case let .dropped(error, processed):
            return (processed ? [.record(.packetProcessed)] : []) + [drop(.sphinx(error))]
        case let .forward(nextPacket, next, _):
            return [.record(.packetProcessed), .send(nextPacket, to: next)]
        case let .final(destination, message, payloadError):
            var out: [NodeAction] = [.record(.packetProcessed)]
            // Step 3: drop cover is addressed to the gateway itself and discarded.
            if destination.bytes == address.bytes { return out + [drop(.dropCover)] }
            // Step 4: the recipient must be a client of this gateway.
            guard let recipient = try? NodeAddress(bytes: destination.bytes),
                case let .client(client, gateway) = recipient, gateway == index
            else { return out + [drop(.unknownRecipient)] }
            // Step 5: the payload must be intact.
            guard let message else {
                return out + [drop(.sphinx(payloadError ?? .malformedPayload))]
            }
            // Step 6: an ack goes to the client as it is; a regular plaintext loses its SURB-ACK,
            // whose ack packet is sent on at once. As Nym's `split_into_ack_and_message`
            // (common/nymsphinx/framing/src/processing.rs:349-380), a SURB-ACK that cannot be read
            // loses the whole packet.
            let kept: Bytes
            switch message.count {
            case NymNodeConstants.ackMessageLength:
                kept = message
            case NymNodeConstants.regularPlaintextLength:
                let surbAck = Array(message[0..<NymNodeConstants.surbAckLength])
                kept = Array(message[NymNodeConstants.surbAckLength...])
                if behaviour.acknowledgements {
                    guard let (firstHop, ackPacket) = SURBAck.parse(surbAck) else {
                        return out + [drop(.malformedSURBAck)]
                    }
                    out += [.record(.ackForwarded), .send(ackPacket, to: firstHop)]
                }
            default:
                return out + [drop(.malformedMessage)]
            }
            // Step 7: deliver: push at once, or store in the client's inbox.
            switch behaviour.delivery {
            case .push: out.append(.push(to: recipient, message: kept))
            case .pull: inboxes[client, default: []].append(kept)
            }
            return out
        }
    }

    /// A pull. SPEC.md [LOOPIX-NODE-GW-4].
    /// ```text
    /// answer = the min(pullSize, |inbox|) oldest messages ‖ dummies (0^1643) up to pullSize
    /// ```
    mutating func answerPull(client: Int) -> NodeAction {
        let inbox = inboxes[client, default: []]
        let taken = Array(inbox.prefix(pullSize))
        inboxes[client] = Array(inbox.dropFirst(taken.count))
        let messages = taken + Array(repeating: PacketPayload.dummy, count: pullSize - taken.count)
        return .answerPull(to: .client(index: client, gateway: index), messages: messages)
    }

    private mutating func drop(_ reason: DropReason) -> NodeAction {
        dropCounts[reason.name, default: 0] += 1
        return .drop(reason)
    }
}

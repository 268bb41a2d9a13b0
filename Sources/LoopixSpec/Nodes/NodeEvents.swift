import SphinxSpec

/// The shared vocabulary of the packet-level nodes. SPEC.md §8.11, [LOOPIX-NODE-IO].
///
/// Where things are in `Nodes/`:
/// - `NodeEvents.swift` (this file): `LoopixNode`, `NodeEvent`, `NodeAction`, `TimerID`,
///   `DropReason`, `NodeRecord`, `NodeError`.
/// - `MixNode.swift`, `GatewayNode.swift`, `ClientNode.swift`: the three state machines.
/// - `PacketNetwork.swift`: every node of a network from (parameters, behaviour, seed).
/// - `PacketBehaviour.swift`: where Nym and the paper differ, one value per preset.
/// - `NodeAddress.swift`, `Topology.swift` (routes), `NodeRandomness.swift`.
/// - `Fragment.swift`, `SURBAck.swift` (acks and the payload layout), `NymNodeConstants.swift`.
///
/// Every node (`MixNode`, `GatewayNode`, `ClientNode`) is a value with one entry point,
/// `handle(_:at:)`: an event goes in at a virtual time (UInt64 nanoseconds, the unit of Nym's
/// header delays), a list of actions comes out, in the order they happen. Nothing inside reads a
/// clock, opens a socket or touches global state: whoever drives the nodes (a test harness, the
/// simulator, the oracle, a real runner) delivers events and carries out actions. Same node,
/// same events, same times → the same actions, byte for byte.
///
/// The driver's contract:
/// - `.send(bytes, to:)` happens at the time of the `handle` call that returned it; links take
///   no time in our model, so the driver may hand the bytes to `to` as `.packetArrived` at once.
/// - `.setTimer(id, at: t)` asks for `.timerFired(id)` at t (t ≥ the current time). Timers are
///   never cancelled: a node ignores a timer it no longer needs.
/// - Events at one time may be delivered in any order that respects the order of the actions
///   that caused them; the rules below make the output order independent of how a driver breaks
///   ties between a node's own timers (see LOOPIX-NODE-MIX-4).
public protocol LoopixNode: Sendable {
    /// The node's own address.
    var address: NodeAddress { get }
    /// Handles one event at virtual time `time` (ns) and returns the actions, in order.
    mutating func handle(_ event: NodeEvent, at time: UInt64) -> [NodeAction]
}

/// What can happen to a node.
public enum NodeEvent: Sendable, Equatable {
    /// The node starts (time 0 of its life): streams draw their first gaps.
    case start
    /// Bytes arrived on a link from `from`: a Sphinx packet, or at an entry gateway a client's
    /// entry frame (LOOPIX-NODE-GW-1).
    case packetArrived(Bytes, from: NodeAddress)
    /// A timer the node set earlier has expired.
    case timerFired(TimerID)
    /// At a gateway: a client asks for its inbox (pull delivery).
    case pullRequested(by: NodeAddress)
    /// At a client: its user hands it a message for `recipient`.
    case messageSubmitted(Bytes, to: NodeAddress)
    /// At a client: what its gateway pushed, or the answer to a pull.
    case gatewayMessages([Bytes])
    /// At a mix or gateway: a new key epoch starts; the replay cache rotates (REPLAY-ROTATE-1).
    case keyEpochRotated
}

/// What a node asks its driver to do.
public enum NodeAction: Sendable, Equatable {
    /// Send `bytes` to `to` now.
    case send(Bytes, to: NodeAddress)
    /// Deliver `.timerFired(id)` at `time` (ns).
    case setTimer(TimerID, at: UInt64)
    /// A client asks its gateway for its inbox: deliver `.pullRequested(by:)` to `from`.
    case requestPull(from: NodeAddress)
    /// A gateway answers a pull with exactly `pullSize` messages (dummies included).
    case answerPull(to: NodeAddress, messages: [Bytes])
    /// A gateway hands one message to its client at once (Nym's push delivery).
    case push(to: NodeAddress, message: Bytes)
    /// A client hands a reassembled real message to its user.
    case deliver(Bytes)
    /// A packet or message is discarded, with the reason.
    case drop(DropReason)
    /// Something worth counting happened; no effect on the network.
    case record(NodeRecord)
}

/// The timers nodes set. The payload says which.
public enum TimerID: Sendable, Hashable {
    /// Mix: a held packet is due (its input sequence number; LOOPIX-NODE-MIX-4).
    case release(UInt64)
    /// Mix: the next mix loop (λ_M).
    case mixLoopSlot
    /// Client: the next payload slot (λ_P).
    case payloadSlot
    /// Client: the next loop cover (λ_L).
    case loopSlot
    /// Client: the next drop cover (λ_D).
    case dropSlot
    /// Client: the next pull.
    case pull
    /// Client: the acknowledgement of this fragment is overdue after `attempt` sends.
    case ackTimeout(FragmentID, attempt: Int)
}

/// Why something was discarded. `name` is stable (vectors and the oracle print it).
public enum DropReason: Sendable, Equatable {
    /// Sphinx processing failed; the SphinxError's own name (e.g. `replayedTag`).
    case sphinx(SphinxError)
    /// A drop cover message reached its gateway, its only purpose (LOOPIX-NODE-GW-3).
    case dropCover
    /// A final hop at a mix that is not one of its own mix loops.
    case unexpectedFinalHop
    /// A final hop at a gateway for someone who is not its client.
    case unknownRecipient
    /// An entry frame too short or naming a first hop that is not an address.
    case malformedEntryFrame
    /// A client sent an entry frame to a gateway that is not its own.
    case notOurClient
    /// The SURB-ACK slot of a final payload cannot be read.
    case malformedSURBAck
    /// A client received a message it cannot read (length, fragment header or padding).
    case malformedMessage
    /// A submitted message needs more than 255 fragments (LOOPIX-NODE-FRAG-1).
    case messageTooLong

    public var name: String {
        switch self {
        case .sphinx(let error): return error.name
        case .dropCover: return "dropCover"
        case .unexpectedFinalHop: return "unexpectedFinalHop"
        case .unknownRecipient: return "unknownRecipient"
        case .malformedEntryFrame: return "malformedEntryFrame"
        case .notOurClient: return "notOurClient"
        case .malformedSURBAck: return "malformedSURBAck"
        case .malformedMessage: return "malformedMessage"
        case .messageTooLong: return "messageTooLong"
        }
    }
}

/// The kinds of packet a node creates.
public enum PacketKind: String, Sendable, Hashable, CaseIterable {
    case real, loop, drop, ack, mixLoop
}

/// Countable facts, for the simulator's report; they change nothing.
public enum NodeRecord: Sendable, Equatable {
    /// A Sphinx packet of this kind was created.
    case packetCreated(PacketKind)
    /// A Sphinx packet was processed successfully (one hop).
    case packetProcessed
    /// A mix releases the packet of this input (0-based arrival number); the `send` follows.
    case released(input: UInt64)
    /// A gateway forwarded a SURB-ACK's ack packet.
    case ackForwarded
    /// A client's own loop cover came back.
    case loopReturned
    /// A mix's own loop came back.
    case mixLoopReturned
    /// An acknowledgement matched a pending fragment.
    case ackMatched(FragmentID)
    /// An acknowledgement of a cover packet (fragment id 0 @ 0), or of a fragment no longer
    /// pending (acked already).
    case ackIgnored
    /// A fragment was put back into the buffer after its ack timeout.
    case retransmission(FragmentID)
    /// A pull answer's dummy was discarded.
    case dummyDiscarded
}

/// A node configuration that cannot work. Thrown by the nodes' initialisers only; once made, a
/// node never fails: bad input becomes a `.drop`.
public enum NodeError: Error, Sendable, Equatable {
    /// Bytes that are not a node address (LOOPIX-NODE-ADDR).
    case malformedAddress
    /// A secret, key or seed of the wrong length.
    case invalidKeyLength(what: String, expected: Int, actual: Int)
    /// The topology cannot serve this node (no layers, empty layer, node not in it, too many
    /// layers for a Sphinx route of at most 5 hops).
    case invalidTopology(String)
    /// A message needs more than 255 fragments (one unlinked fragment set, LOOPIX-NODE-FRAG-1).
    case messageTooLong(maximum: Int, actual: Int)
    /// Invalid parameters (rates, µ, pull size).
    case parameters(LoopixError)
    /// Creating a packet failed (a bug of ours if the topology was valid).
    case sphinx(SphinxError)
}

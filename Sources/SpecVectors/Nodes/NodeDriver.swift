import Foundation
import LoopixSpec
import SphinxSpec

/// An event of a node run: `event` for the node at `target`, and the request input that caused
/// it (the client op), if any. Runs here take them from LoopixSpec's `EventQueue` in virtual
/// nanoseconds: by time, then in the order they were scheduled.
struct NodeDelivery: Sendable {
    let target: NodeAddress
    let event: NodeEvent
    let input: Int?

    init(_ event: NodeEvent, to target: NodeAddress, input: Int? = nil) {
        self.target = target
        self.event = event
        self.input = input
    }
}

extension EventQueue where Time == UInt64, Action == NodeDelivery {
    /// Schedules `event` for the node at `target` at `time` (ns), after everything already there.
    mutating func schedule(_ event: NodeEvent, to target: NodeAddress, at time: UInt64, input: Int? = nil) {
        schedule(NodeDelivery(event, to: target, input: input), at: time)
    }
}

/// One transmission between nodes in a whole-network run.
struct LinkRecord: Sendable {
    let time: UInt64
    let from: NodeAddress
    let to: NodeAddress
    /// `packet` (a Sphinx packet or entry frame), `push`, `answer_pull` (messages concatenated)
    /// or `request_pull` (no bytes).
    let kind: String
    let bytes: Bytes
}

/// A minimal deterministic driver of a whole network of nodes. SPEC.md [VEC-NODE-DRIVER-1].
/// ```text
/// start every node at time 0: mixes by layer and index, gateways, clients (PacketNetwork order)
/// schedule each submitted message at its time
/// repeat: take the earliest event (ties: the order scheduled), hand it to its node, and carry
///   out the actions in order, at the same time:
///   send(b, to)        → packetArrived(b, from) at to        link "packet"
///   setTimer(id, t)    → timerFired(id) at t, same node
///   requestPull(g)     → pullRequested(by) at g              link "request_pull"
///   answerPull(c, [m]) → gatewayMessages([m]) at c           link "answer_pull"
///   push(c, m)         → gatewayMessages([m]) at c           link "push"
/// until no event is due at or before the end time
/// ```
/// It follows the driver's contract of NodeEvents.swift (links take no time) on LoopixSpec's
/// `EventQueue`, as the packet-level run does (SPEC.md §9.6); the rule above is all another
/// implementation needs to write to reproduce the vectors.
struct NodeDriver {
    private(set) var nodes: [NodeAddress: any LoopixNode] = [:]
    private var queue = EventQueue<UInt64, NodeDelivery>()
    private(set) var links: [LinkRecord] = []
    /// Every event delivered to an observed node, with its time, in delivery order.
    private(set) var observedEvents: [NodeAddress: [(time: UInt64, event: NodeEvent)]] = [:]
    let observed: Set<NodeAddress>

    init(network: PacketNetwork, observing observed: Set<NodeAddress> = []) {
        self.observed = observed
        for node in network.allNodes {
            nodes[node.address] = node
            queue.schedule(.start, to: node.address, at: 0)
        }
    }

    mutating func submit(_ message: Bytes, from client: NodeAddress, to recipient: NodeAddress, at time: UInt64) {
        queue.schedule(.messageSubmitted(message, to: recipient), to: client, at: time)
    }

    /// Runs every event due at or before `end`.
    mutating func run(until end: UInt64) {
        while let (time, next) = queue.removeNext(until: end) {
            guard var node = nodes[next.target] else { continue }
            if observed.contains(next.target) {
                observedEvents[next.target, default: []].append((time, next.event))
            }
            let actions = node.handle(next.event, at: time)
            nodes[next.target] = node
            for action in actions { carry(action, from: next.target, at: time) }
        }
    }

    private mutating func carry(_ action: NodeAction, from source: NodeAddress, at time: UInt64) {
        switch action {
        case .send(let bytes, let to):
            links.append(LinkRecord(time: time, from: source, to: to, kind: "packet", bytes: bytes))
            queue.schedule(.packetArrived(bytes, from: source), to: to, at: time)
        case .setTimer(let id, let due):
            queue.schedule(.timerFired(id), to: source, at: due)
        case .requestPull(let gateway):
            links.append(LinkRecord(time: time, from: source, to: gateway, kind: "request_pull", bytes: []))
            queue.schedule(.pullRequested(by: source), to: gateway, at: time)
        case .answerPull(let client, let messages):
            links.append(
                LinkRecord(time: time, from: source, to: client, kind: "answer_pull", bytes: messages.flatMap { $0 }))
            queue.schedule(.gatewayMessages(messages), to: client, at: time)
        case .push(let client, let message):
            links.append(LinkRecord(time: time, from: source, to: client, kind: "push", bytes: message))
            queue.schedule(.gatewayMessages([message]), to: client, at: time)
        case .deliver, .drop, .record:
            return
        }
    }
}

import Foundation
import LoopixSpec
import SphinxSpec

/// Events waiting for their time, taken in (time, sequence) order: at one time, in the order
/// they were scheduled. A sorted array: the runs here hold at most a few thousand events.
struct TimedQueue: Sendable {
    struct Entry: Sendable {
        let time: UInt64
        let sequence: UInt64
        let target: NodeAddress
        let event: NodeEvent
        /// The request input that caused it (the client op), if any.
        let input: Int?
    }

    private var entries: [Entry] = []
    private var head = 0
    private var sequence: UInt64 = 0

    mutating func schedule(_ event: NodeEvent, to target: NodeAddress, at time: UInt64, input: Int? = nil) {
        let entry = Entry(time: time, sequence: sequence, target: target, event: event, input: input)
        sequence += 1
        // After every entry of an earlier or equal time.
        var low = head
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        entries.insert(entry, at: low)
    }

    /// The next entry due at or before `end`, removed.
    mutating func next(until end: UInt64) -> Entry? {
        guard head < entries.count, entries[head].time <= end else { return nil }
        let entry = entries[head]
        head += 1
        if head > 4096 {
            entries.removeFirst(head)
            head = 0
        }
        return entry
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
/// It follows the driver's contract of NodeEvents.swift (links take no time). It is kept apart
/// from the simulator's event queue on purpose: the vectors depend only on the nodes and on
/// this rule, which another implementation can write in a page.
struct NodeDriver {
    private(set) var nodes: [NodeAddress: any LoopixNode] = [:]
    private var queue = TimedQueue()
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
        while let next = queue.next(until: end) {
            guard var node = nodes[next.target] else { continue }
            if observed.contains(next.target) {
                observedEvents[next.target, default: []].append((next.time, next.event))
            }
            let actions = node.handle(next.event, at: next.time)
            nodes[next.target] = node
            for action in actions { carry(action, from: next.target, at: next.time) }
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

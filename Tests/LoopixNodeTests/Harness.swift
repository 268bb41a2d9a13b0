import HeapModule
import SphinxSpec
@testable import LoopixSpec

/// A small driver for the tests: it routes actions between nodes in virtual time. Links take
/// no time; events at one time run in the order they were scheduled.
struct Harness {
    /// One thing that happened, for the tests to inspect.
    enum Entry: Equatable {
        case sent(time: UInt64, from: NodeAddress, to: NodeAddress, bytes: Bytes)
        case dropped(time: UInt64, at: NodeAddress, reason: DropReason)
        case delivered(time: UInt64, at: NodeAddress, message: Bytes)
        case recorded(time: UInt64, at: NodeAddress, record: NodeRecord)
        case timerSet(time: UInt64, at: NodeAddress, timer: TimerID, due: UInt64)
        case pulled(time: UInt64, client: NodeAddress, messages: [Bytes])
    }

    struct Scheduled: Comparable {
        let time: UInt64
        let sequence: UInt64
        let target: NodeAddress
        let event: NodeEvent
        static func < (a: Self, b: Self) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
        static func == (a: Self, b: Self) -> Bool { a.time == b.time && a.sequence == b.sequence }
    }

    var nodes: [NodeAddress: any LoopixNode] = [:]
    var queue = Heap<Scheduled>()
    var sequence: UInt64 = 0
    var log: [Entry] = []
    var now: UInt64 = 0
    /// Return false to lose a packet on a link (it is still logged as sent).
    var linkFilter: (UInt64, NodeAddress, NodeAddress, Bytes) -> Bool = { _, _, _, _ in true }

    mutating func add(_ node: any LoopixNode) { nodes[node.address] = node }

    mutating func schedule(_ event: NodeEvent, to target: NodeAddress, at time: UInt64) {
        queue.insert(Scheduled(time: time, sequence: sequence, target: target, event: event))
        sequence += 1
    }

    /// Starts every node (in address order, so runs are reproducible).
    mutating func startAll() {
        for address in nodes.keys.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            schedule(.start, to: address, at: 0)
        }
    }

    /// Runs every event up to and including `end`.
    mutating func run(until end: UInt64) {
        while let next = queue.min, next.time <= end {
            _ = queue.removeMin()
            now = next.time
            guard var node = nodes[next.target] else { continue }
            let actions = node.handle(next.event, at: next.time)
            nodes[next.target] = node
            for action in actions { carry(action, from: next.target) }
        }
        now = end
    }

    mutating func carry(_ action: NodeAction, from source: NodeAddress) {
        switch action {
        case let .send(bytes, to):
            log.append(.sent(time: now, from: source, to: to, bytes: bytes))
            if linkFilter(now, source, to, bytes) { schedule(.packetArrived(bytes, from: source), to: to, at: now) }
        case let .setTimer(timer, due):
            log.append(.timerSet(time: now, at: source, timer: timer, due: due))
            schedule(.timerFired(timer), to: source, at: due)
        case let .requestPull(gateway): schedule(.pullRequested(by: source), to: gateway, at: now)
        case let .answerPull(client, messages):
            log.append(.pulled(time: now, client: client, messages: messages))
            schedule(.gatewayMessages(messages), to: client, at: now)
        case let .push(client, message): schedule(.gatewayMessages([message]), to: client, at: now)
        case let .deliver(message): log.append(.delivered(time: now, at: source, message: message))
        case let .drop(reason): log.append(.dropped(time: now, at: source, reason: reason))
        case let .record(record): log.append(.recorded(time: now, at: source, record: record))
        }
    }

    // MARK: Queries

    var sends: [(time: UInt64, from: NodeAddress, to: NodeAddress, bytes: Bytes)] {
        log.compactMap { if case let .sent(t, f, to, b) = $0 { return (t, f, to, b) } else { return nil } }
    }
    var drops: [(at: NodeAddress, reason: DropReason)] {
        log.compactMap { if case let .dropped(_, a, r) = $0 { return (a, r) } else { return nil } }
    }
    var deliveries: [(time: UInt64, at: NodeAddress, message: Bytes)] {
        log.compactMap { if case let .delivered(t, a, m) = $0 { return (t, a, m) } else { return nil } }
    }
    var records: [(time: UInt64, at: NodeAddress, record: NodeRecord)] {
        log.compactMap { if case let .recorded(t, a, r) = $0 { return (t, a, r) } else { return nil } }
    }
}

/// A network of fixed keys: `layers` × `perLayer` mixes, `gateways` gateways.
struct TestNetwork {
    let mixSecrets: [[Bytes]]
    let gatewaySecrets: [Bytes]
    let topology: Topology

    init(layers: Int = 3, perLayer: Int = 1, gateways: Int = 2, seed: UInt8 = 7) throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: seed, count: 32))
        mixSecrets = (0..<layers).map { _ in (0..<perLayer).map { _ in random.bytes(32) } }
        gatewaySecrets = (0..<gateways).map { _ in random.bytes(32) }
        topology = try Topology(
            mixPublicKeys: try mixSecrets.map { try $0.map { try X25519.publicKey(secret: $0) } },
            gatewayPublicKeys: try gatewaySecrets.map { try X25519.publicKey(secret: $0) })
    }

    func randomness(_ tag: UInt8, _ seed: UInt64) throws -> NodeRandomness {
        try NodeRandomness(
            byteSeed: Bytes(repeating: tag, count: 31) + [UInt8(truncatingIfNeeded: seed)], drawSeed: seed)
    }

    func mix(
        _ layer: Int, _ index: Int, behaviour: PacketBehaviour = .nym, mu: Double = 1 / 0.015,
        lambdaM: Double = 0, seed: UInt64 = 1
    ) throws -> MixNode {
        try MixNode(
            layer: layer, index: index, nodeSecret: mixSecrets[layer][index], topology: topology,
            mu: mu, lambdaM: lambdaM, behaviour: behaviour,
            random: randomness(UInt8(0x10 + layer * 8 + index), seed))
    }

    func gateway(
        _ index: Int, behaviour: PacketBehaviour = .nym, pullSize: Int = 4, seed: UInt64 = 1
    ) throws -> GatewayNode {
        try GatewayNode(
            index: index, nodeSecret: gatewaySecrets[index], behaviour: behaviour, pullSize: pullSize,
            random: randomness(UInt8(0x40 + index), seed))
    }

    func client(
        _ index: Int, gateway: Int, parameters: LoopixParameters, behaviour: PacketBehaviour = .nym,
        seed: UInt64 = 1
    ) throws -> ClientNode {
        try ClientNode(
            index: index, gateway: gateway, topology: topology, parameters: parameters, behaviour: behaviour,
            ackKey: Bytes(repeating: UInt8(0x60 + index), count: 16), random: randomness(UInt8(0x80 + index), seed))
    }

    /// Every mix and gateway of the network in a harness.
    func harness(
        behaviour: PacketBehaviour = .nym, lambdaM: Double = 0, pullSize: Int = 4, seed: UInt64 = 1
    ) throws -> Harness {
        var h = Harness()
        for (l, layer) in mixSecrets.enumerated() {
            for i in layer.indices { h.add(try mix(l, i, behaviour: behaviour, lambdaM: lambdaM, seed: seed)) }
        }
        for g in gatewaySecrets.indices { h.add(try gateway(g, behaviour: behaviour, pullSize: pullSize, seed: seed)) }
        return h
    }

    /// The secret of a mix or gateway, for processing packets independently of the nodes.
    func secret(of address: NodeAddress) -> Bytes? {
        switch address {
        case let .mix(l, i): return mixSecrets[l][i]
        case let .gateway(g): return gatewaySecrets[g]
        case .client: return nil
        }
    }
}

/// Parameters with every stream chosen by the test (rates per second).
func parameters(
    lambdaP: Double, lambdaL: Double = 0, lambdaD: Double = 0, mu: Double = 1 / 0.015,
    pullInterval: Double = 0.1
) -> LoopixParameters {
    LoopixParameters(
        lambdaP: lambdaP, lambdaL: lambdaL, lambdaD: lambdaD, lambdaM: 0, mu: mu, layers: 3, mixesPerLayer: 1,
        providers: 2, clients: 2, pullInterval: pullInterval, pullSize: 4, realMessageRate: 0)
}

let second: UInt64 = 1_000_000_000

import Foundation
import LoopixSpec
import SphinxSpec

/// The node ops of the oracle's "nym" profile: one node of SPEC.md §8.11, driven over a list of
/// timed inputs, answering every output with its time (SPEC.md §9.6). They run the very node
/// values of `Sources/LoopixSpec/Nodes/`; this file is only their driver, so another
/// implementation's node can be run in lockstep with ours.
///
/// Nodes of the ops draw their replay-cache hash key from `DeterministicRandom(0^32)` with draw
/// seed 0 (no other random value is used by a mix without loops or by a gateway); the key only
/// decides which tags a Bloom filter could confuse, at a rate of 1e-5 at capacity (REPLAY-CACHE-1).
enum NodeOracle {
    /// Tags one epoch of an op's replay cache is sized for: every input can be recorded.
    static let replayCapacity = NodeLimits.maxInputs

    static func fixedRandomness() -> NodeRandomness {
        guard let random = try? NodeRandomness(byteSeed: .zeros(32), drawSeed: 0) else {
            preconditionFailure("a 32-byte seed")
        }
        return random
    }

    /// A node's refusal of its configuration, named as in VEC-ERRORS-1.
    static func error(_ error: NodeError) -> OracleError {
        switch error {
        case .malformedAddress: return OracleError("malformedAddress", "\(error)")
        case .invalidKeyLength: return OracleError("invalidKeyLength", "\(error)")
        case .invalidTopology: return OracleError("invalidTopology", "\(error)")
        case .messageTooLong: return OracleError("messageTooLong", "\(error)")
        case .parameters: return OracleError("invalidParameters", "\(error)")
        case .sphinx(let inner): return OracleError(inner)
        }
    }

    // MARK: mix_node

    /// The `mix_node` op. SPEC.md [ORACLE-NODE-MIX-1].
    /// ```text
    /// for each input i (time_ns non-decreasing, else unorderedInputs):
    ///     fire every release timer due before time_ns ; deliver packetArrived at time_ns
    /// fire every remaining release timer
    /// events: one per input — forward at departure, drop or final at arrival —
    ///         sorted by (time_ns, input)
    /// ```
    static func mixNode(_ request: MixNodeRequest) throws(OracleError) -> NodeResponse {
        // Step 1: check the request and make the mix.
        try NodeLimits.check(request.inputs) { $0.time_ns }
        var mix = try makeMix(request)
        // Step 2: deliver the inputs, firing release timers due strictly before each arrival.
        var due: [(time: UInt64, id: TimerID)] = []
        var events: [NodeEventJSON] = []
        func carry(_ actions: [NodeAction], at time: UInt64, input: Int?) {
            var released: Int?
            for action in actions {
                switch action {
                case .setTimer(let id, at: let when):
                    let position = due.firstIndex { $0.time > when } ?? due.count
                    due.insert((when, id), at: position)
                case .record(.released(input: let n)): released = Int(n)
                case .send(let bytes, let to):
                    var event = NodeEventJSON(time: time, input: released ?? input, kind: "forward")
                    event.next_address = Hex(to.bytes)
                    event.packet = Hex(bytes)
                    events.append(event)
                case .record(.mixLoopReturned): events.append(NodeEventJSON(time: time, input: input, kind: "final"))
                case .drop(let reason):
                    var event = NodeEventJSON(time: time, input: input, kind: "drop")
                    event.reason = reason.name
                    events.append(event)
                default: continue
                }
            }
        }
        func fire(before limit: UInt64?) {
            while let first = due.first, limit.map({ first.time < $0 }) ?? true {
                due.removeFirst()
                carry(mix.handle(.timerFired(first.id), at: first.time), at: first.time, input: nil)
            }
        }
        for (i, input) in request.inputs.enumerated() {
            fire(before: input.time_ns)
            let actions = mix.handle(.packetArrived(input.packet.bytes, from: .gateway(index: 0)), at: input.time_ns)
            carry(actions, at: input.time_ns, input: i)
        }
        // Step 3: release everything still held.
        fire(before: nil)
        // Step 4: output order: time, then input.
        func key(_ event: (offset: Int, element: NodeEventJSON)) -> (UInt64, Int, Int) {
            (event.element.time_ns, event.element.input ?? -1, event.offset)
        }
        let ordered = events.enumerated().sorted { key($0) < key($1) }
        return NodeResponse(events: ordered.map(\.element))
    }

    /// The mix of a request: its address (default mix (0, 0)) in a topology that holds it; the
    /// topology's keys are never used by a mix without loops.
    static func makeMix(_ request: MixNodeRequest) throws(OracleError) -> MixNode {
        let address =
            try request.address.map { (hex: Hex) throws(OracleError) in
                try NodeAddress.parse(hex, field: "address")
            } ?? .mix(layer: 0, index: 0)
        guard case .mix(let layer, let index) = address, layer < NymConstants.maxPathLength - 1,
            index < NodeLimits.maxMixIndex
        else { throw OracleError("badType", "field \"address\" must be a mix of layer 0…3, index below 1024") }
        guard request.node_secret.bytes.count == X25519.scalarLength else {
            throw error(.invalidKeyLength(what: "node secret", expected: 32, actual: request.node_secret.bytes.count))
        }
        var behaviour = PacketBehaviour.nym
        behaviour.maximumDelay = request.maximum_delay_ns ?? NymNodeConstants.maximumDelay
        do throws(NodeError) {
            let key: Bytes
            do { key = try X25519.publicKey(secret: request.node_secret.bytes) } catch {
                throw .invalidKeyLength(
                    what: "node secret (its public key is zero)", expected: 32, actual: request.node_secret.bytes.count)
            }
            let topology = try Topology(
                mixPublicKeys: Array(repeating: Array(repeating: key, count: index + 1), count: layer + 1),
                gatewayPublicKeys: [key])
            return try MixNode(
                layer: layer, index: index, nodeSecret: request.node_secret.bytes, topology: topology, mu: 1,
                lambdaM: 0, behaviour: behaviour, random: fixedRandomness(), replayCapacity: replayCapacity)
        } catch {
            throw Self.error(error)
        }
    }

    // MARK: gateway_node

    /// The `gateway_node` op. SPEC.md [ORACLE-NODE-GATEWAY-1].
    /// ```text
    /// for each input i (time_ns non-decreasing): deliver packetArrived(packet, from) or
    ///     pullRequested(by: pull_by) at time_ns ; its actions become events, in order
    /// ```
    static func gatewayNode(_ request: GatewayNodeRequest) throws(OracleError) -> NodeResponse {
        // Step 1: check the request and make the gateway.
        try NodeLimits.check(request.inputs) { $0.time_ns }
        let behaviour = try PacketBehaviour.parse(request.behaviour)
        guard (1...NodeLimits.maxPullSize).contains(request.pull_size) else {
            throw OracleError("badType", "field \"pull_size\" must lie in [1, \(NodeLimits.maxPullSize)]")
        }
        let pulls = request.inputs.filter { $0.pull_by != nil }.count
        guard pulls * request.pull_size <= NodeLimits.maxPulledMessages else {
            throw OracleError("badType", "pulls × pull_size must be at most \(NodeLimits.maxPulledMessages)")
        }
        guard (0..<Int(UInt32.max)).contains(request.index) else {
            throw OracleError("badType", "field \"index\" must be a u32")
        }
        var gateway: GatewayNode
        do {
            gateway = try GatewayNode(
                index: request.index, nodeSecret: request.node_secret.bytes, behaviour: behaviour,
                pullSize: request.pull_size, random: fixedRandomness(), replayCapacity: replayCapacity)
        } catch {
            throw Self.error(error)
        }
        // Step 2: each input in turn; a gateway never delays, so events keep input order.
        var events: [NodeEventJSON] = []
        for (i, input) in request.inputs.enumerated() {
            let event: NodeEvent
            switch (input.from, input.packet, input.pull_by) {
            case (let from?, let packet?, nil):
                event = .packetArrived(packet.bytes, from: try NodeAddress.parse(from, field: "inputs[\(i)].from"))
            case (nil, nil, let client?):
                event = .pullRequested(by: try NodeAddress.parse(client, field: "inputs[\(i)].pull_by"))
            default:
                throw OracleError("missingField", "inputs[\(i)] needs \"from\" and \"packet\", or \"pull_by\" alone")
            }
            events += gateway.handle(event, at: input.time_ns).compactMap {
                Self.event($0, at: input.time_ns, input: i)
            }
        }
        return NodeResponse(events: events)
    }

    /// The event record of a gateway's or client's action; nil for timers and records.
    static func event(_ action: NodeAction, at time: UInt64, input: Int?) -> NodeEventJSON? {
        switch action {
        case .send(let bytes, let to):
            var event = NodeEventJSON(time: time, input: input, kind: "send")
            event.to = Hex(to.bytes)
            event.packet = Hex(bytes)
            return event
        case .push(let to, let message):
            var event = NodeEventJSON(time: time, input: input, kind: "push")
            event.to = Hex(to.bytes)
            event.message = Hex(message)
            return event
        case .answerPull(let to, let messages):
            var event = NodeEventJSON(time: time, input: input, kind: "answer_pull")
            event.to = Hex(to.bytes)
            event.messages = messages.map(Hex.init)
            return event
        case .requestPull(let from):
            var event = NodeEventJSON(time: time, input: input, kind: "request_pull")
            event.to = Hex(from.bytes)
            return event
        case .deliver(let message):
            var event = NodeEventJSON(time: time, input: input, kind: "deliver")
            event.message = Hex(message)
            return event
        case .drop(let reason):
            var event = NodeEventJSON(time: time, input: input, kind: "drop")
            event.reason = reason.name
            return event
        case .setTimer, .record:
            return nil
        }
    }
}

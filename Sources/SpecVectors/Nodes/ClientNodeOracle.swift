import Foundation
import LoopixSpec
import SphinxSpec

extension NodeOracle {
    /// The `client_node` op. SPEC.md [ORACLE-NODE-CLIENT-1].
    /// ```text
    /// schedule start at 0, then each input i at its time_ns (submit_to + message →
    ///     messageSubmitted ; gateway_messages → gatewayMessages)
    /// repeat: take the earliest event (ties: start, then inputs in order, then the client's
    ///     timers in the order it set them), hand it to the client; setTimer schedules the
    ///     timer; every other action becomes an event at the current time
    /// until no event is due at or before until_ns
    /// ```
    static func clientNode(_ request: ClientNodeRequest) throws(OracleError) -> NodeResponse {
        // Step 1: check the request and make the client.
        try NodeLimits.check(request.inputs) { $0.time_ns }
        var client = try makeClient(request)
        // Step 2: schedule the start and the inputs.
        var queue = EventQueue<UInt64, NodeDelivery>()
        queue.schedule(.start, to: client.address, at: 0)
        for (i, input) in request.inputs.enumerated() {
            switch (input.submit_to, input.message, input.gateway_messages) {
            case (let to?, let message?, nil):
                let recipient = try NodeAddress.parse(to, field: "inputs[\(i)].submit_to")
                queue.schedule(
                    .messageSubmitted(message.bytes, to: recipient), to: client.address, at: input.time_ns, input: i)
            case (nil, nil, let messages?):
                queue.schedule(.gatewayMessages(messages.map(\.bytes)), to: client.address, at: input.time_ns, input: i)
            default:
                throw OracleError(
                    "missingField", "inputs[\(i)] needs \"submit_to\" and \"message\", or \"gateway_messages\" alone")
            }
        }
        // Step 3: run the client until until_ns.
        var events: [NodeEventJSON] = []
        var handled = 0
        while let (time, next) = queue.removeNext(until: request.until_ns) {
            handled += 1
            guard handled <= NodeLimits.maxClientEvents else {
                throw OracleError("badType", "the run needs more than \(NodeLimits.maxClientEvents) events")
            }
            for action in client.handle(next.event, at: time) {
                if case .setTimer(let id, let due) = action {
                    queue.schedule(.timerFired(id), to: client.address, at: due)
                } else if let event = event(action, at: time, input: next.input) {
                    events.append(event)
                }
            }
        }
        return NodeResponse(events: events)
    }

    /// The client of a request, with the bounds of NodeLimits on its run.
    static func makeClient(_ request: ClientNodeRequest) throws(OracleError) -> ClientNode {
        let behaviour = try PacketBehaviour.parse(request.behaviour)
        let p = request.parameters
        guard request.until_ns <= NodeLimits.maxClientRun else {
            throw OracleError("badType", "field \"until_ns\" must be at most \(NodeLimits.maxClientRun)")
        }
        // The streams' expected number of events must stay within the event bound.
        let seconds = Double(request.until_ns) / 1e9
        let rates = [p.lambda_p, p.lambda_l, p.lambda_d, 1 / p.pull_interval]
        let expected = rates.reduce(0) { $0 + ($1.isFinite ? max($1, 0) : .infinity) } * seconds
        guard expected <= Double(NodeLimits.maxClientEvents) / 4 else {
            throw OracleError(
                "badType",
                "the rates and until_ns ask for about \(expected) slots; at most \(NodeLimits.maxClientEvents / 4)")
        }
        guard (0..<Int(UInt32.max)).contains(request.index) else {
            throw OracleError("badType", "field \"index\" must be a u32")
        }
        let layers = request.topology.mix_public_keys
        let parameters = LoopixParameters(
            lambdaP: p.lambda_p, lambdaL: p.lambda_l, lambdaD: p.lambda_d, lambdaM: 0, mu: p.mu,
            layers: max(layers.count, 1), mixesPerLayer: max(layers.map(\.count).max() ?? 1, 1),
            providers: max(request.topology.gateway_public_keys.count, 1), clients: 1,
            pullInterval: p.pull_interval, pullSize: 1, realMessageRate: 0)
        guard layers.count <= NodeLimits.maxTopologyLayers,
            layers.allSatisfy({ $0.count <= NodeLimits.maxMixIndex }),
            request.topology.gateway_public_keys.count <= NodeLimits.maxMixIndex
        else { throw OracleError("badType", "field \"topology\" is too large") }
        do throws(NodeError) {
            let topology = try Topology(
                mixPublicKeys: layers.map { $0.map(\.bytes) },
                gatewayPublicKeys: request.topology.gateway_public_keys.map(\.bytes))
            let random = try NodeRandomness(byteSeed: request.byte_seed.bytes, drawSeed: request.draw_seed)
            return try ClientNode(
                index: request.index, gateway: request.gateway, topology: topology, parameters: parameters,
                behaviour: behaviour, ackKey: request.ack_key.bytes, random: random)
        } catch {
            throw Self.error(error)
        }
    }
}

import Foundation
import SphinxSpec

/// The oracle's "nym" profile: sphinx-packet 0.6.0 packets (SPEC.md §4.1).
///
/// SPEC.md [ORACLE-NYM-1]: ops `create_forward`, `process`, `create_surb`, `use_surb`, with the
/// request and response fields of §9.5. `version` is 258 or 259 (default 259, the crate's);
/// `payload_size` is the payload's length in bytes (1024 by default). A nym SURB reply is
/// recovered by its last hop with ordinary `process`, so the profile has no `open_reply`.
struct NymOracle: SphinxOracleProfile {
    let name = "nym"
    let hasOpenReply = false

    func openReply(_ request: OpenReplyRequest) throws(OracleError) -> OpenReplyResponse? { nil }

    // MARK: The four operations, typed

    static func version(_ value: Int?) throws(OracleError) -> NymVersion {
        guard let value else { return .current }
        guard let raw = UInt16(exactly: value), let version = NymVersion(rawValue: raw) else {
            throw OracleError(SphinxError.unknownVersion(UInt16(clamping: value)))
        }
        return version
    }

    /// nym requires the identifier that sphinxmix does not have.
    static func identifier(_ value: Hex?) throws(SphinxError) -> Bytes {
        guard let value else {
            throw .invalidInputLength(what: "identifier", expected: NymConstants.identifierLength, actual: 0)
        }
        return value.bytes
    }

    static func route(_ nodes: [RouteNodeJSON]) throws(SphinxError) -> [NymRouteNode] {
        var out: [NymRouteNode] = []
        for node in nodes {
            out.append(
                try NymRouteNode(address: try NymNodeAddress(node.address.bytes), publicKey: node.public_key.bytes))
        }
        return out
    }

    /// The destination and the two random inputs of a `create_forward` or `create_surb` request.
    static func destinationAndRandomness(
        _ address: Hex, _ identifierHex: Hex?, _ drawn: RandomnessJSON
    ) throws(SphinxError) -> (NymDestination, NymPacketRandomness) {
        let destination = NymDestination(
            address: try NymDestinationAddress(address.bytes),
            identifier: try NymIdentifier(try identifier(identifierHex)))
        let randomness = NymPacketRandomness(
            initialSecret: drawn.initial_secret.bytes, finalPadding: drawn.final_padding?.bytes ?? [])
        return (destination, randomness)
    }

    func createForward(_ request: CreateForwardRequest) throws(OracleError) -> CreateForwardResponse {
        let version = try Self.version(request.version)
        do throws(SphinxError) {
            let (destination, randomness) = try Self.destinationAndRandomness(
                request.destination, request.identifier, request.randomness)
            let packet = try NymSphinx.createForwardPacket(
                route: try Self.route(request.route), delays: request.delays_ns.map { NymDelay(nanoseconds: $0) },
                destination: destination, message: request.message.bytes, payloadLength: request.payload_size,
                version: version, randomness: randomness)
            return CreateForwardResponse(
                packet: Hex(packet.bytes), first_hop_address: Hex(packet.firstHopAddress.bytes),
                intermediates: CreationJSON(packet.creation.headerCreation, deltas: packet.creation.deltas))
        } catch {
            throw OracleError(error)
        }
    }

    func process(_ request: ProcessRequest) throws(OracleError) -> ProcessResponse {
        let processed: NymProcessedPacket
        do throws(SphinxError) {
            // The node's replay cache, holding the tags the request says were seen.
            var cache = try ReplayCache(capacityPerEpoch: 1024, hashKey: Bytes.zeros(32))
            for tag in request.seen_replay_tags ?? [] { cache.insert(tag.bytes) }
            processed = try NymSphinx.processPacket(
                request.packet.bytes, nodeSecret: request.node_secret.bytes, replayCache: &cache)
        } catch {
            throw OracleError(error)
        }
        let intermediates = ProcessIntermediatesJSON(
            processed.trace, payloadIn: processed.payloadIn, payloadOut: processed.payloadOut)
        switch processed.result {
        case let .forward(nextPacket, nextAddress, delay):
            var response = ProcessResponse(
                outcome: "forward", replay_tag: Hex(processed.replayTag),
                version: Int(processed.version.rawValue), intermediates: intermediates)
            response.next_address = Hex(nextAddress.bytes)
            response.delay_ns = delay.nanoseconds
            response.next_packet = Hex(nextPacket)
            return response
        case let .final(destination, identifier, payload, message):
            var response = ProcessResponse(
                outcome: "final", replay_tag: Hex(processed.replayTag),
                version: Int(processed.version.rawValue), intermediates: intermediates)
            response.destination = Hex(destination.bytes)
            response.identifier = Hex(identifier.bytes)
            response.payload = Hex(payload)
            response.message = message.map(Hex.init)
            response.payload_error = processed.payloadError?.name
            return response
        }
    }

    func createSURB(_ request: CreateSURBRequest) throws(OracleError) -> CreateSURBResponse {
        let version = try Self.version(request.version)
        do throws(SphinxError) {
            let (destination, randomness) = try Self.destinationAndRandomness(
                request.destination, request.identifier, request.randomness)
            let made = try NymSphinx.createSURB(
                route: try Self.route(request.route), delays: request.delays_ns.map { NymDelay(nanoseconds: $0) },
                destination: destination, version: version, randomness: randomness)
            return CreateSURBResponse(
                surb: Hex(made.surb.bytes), first_hop_address: Hex(made.surb.firstHopAddress.bytes),
                kept_keys: nil, surb_id: nil,
                intermediates: CreationJSON(made.creation, deltas: nil))
        } catch {
            throw OracleError(error)
        }
    }

    func useSURB(_ request: UseSURBRequest) throws(OracleError) -> UseSURBResponse {
        do throws(SphinxError) {
            let surb = try NymSURB(bytes: request.surb.bytes)
            let reply = try NymSphinx.useSURB(surb, message: request.message.bytes, payloadLength: request.payload_size)
            return UseSURBResponse(
                packet: Hex(reply.bytes), first_hop_address: Hex(reply.firstHopAddress.bytes),
                deltas: reply.deltas.map(Hex.init))
        } catch {
            throw OracleError(error)
        }
    }
}

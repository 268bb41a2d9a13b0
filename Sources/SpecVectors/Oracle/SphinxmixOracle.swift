import Foundation
import SphinxSpec

/// The oracle's "sphinxmix" profile: sphinxmix 0.0.7 packets (SPEC.md §4.2).
///
/// SPEC.md [ORACLE-SPHINXMIX-1]: ops `create_forward`, `process`, `create_surb`, `use_surb`
/// and `open_reply`. sphinxmix has no byte format for packets or SURBs, so this profile
/// defines one: `packet` = α (57-byte uncompressed P-224 point) ‖ γ (16) ‖ β (header_len − 32)
/// ‖ δ (body_len), and `surb` = α ‖ γ ‖ β ‖ k̃ (16) ‖ the first hop's routing command Nenc(id_0).
/// Node secrets are 28-byte big-endian scalars in [1, n); public keys 57-byte points; a route
/// node's `address` is its node id. `header_len` defaults to 192 and the body length to 1024
/// (`payload_size` for creation, `body_len` for `process`); the associated data length is that
/// of the `associated_data` given (0 when absent).
struct SphinxmixOracle: SphinxOracleProfile {
    let name = "sphinxmix"
    let hasOpenReply = true

    static let defaultHeaderLength = 192
    static let defaultBodyLength = 1024
    static let alphaLength = P224.pointLength
    static let k = 16

    // MARK: Encodings

    static func parameters(headerLength: Int?, bodyLength: Int?, associatedLength: Int) throws(SphinxError)
        -> SphinxmixParameters
    {
        try SphinxmixParameters(
            headerLength: headerLength ?? defaultHeaderLength, bodyLength: bodyLength ?? defaultBodyLength,
            associatedLength: associatedLength)
    }

    static func encode(_ packet: SphinxmixPacket) -> Bytes {
        packet.header.alpha + packet.header.gamma + packet.header.beta + packet.delta
    }

    static func decodePacket(_ bytes: Bytes, parameters: SphinxmixParameters) throws(SphinxError) -> SphinxmixPacket {
        let betaEnd = alphaLength + k + parameters.betaLength
        guard bytes.count == betaEnd + parameters.bodyLength else { throw .invalidPacketLength(actual: bytes.count) }
        return try SphinxmixPacket(
            alpha: Array(bytes[0..<alphaLength]), beta: Array(bytes[(alphaLength + k)..<betaEnd]),
            gamma: Array(bytes[alphaLength..<(alphaLength + k)]), delta: Array(bytes[betaEnd...]),
            parameters: parameters)
    }

    static func encode(_ surb: SphinxmixSURB) -> Bytes {
        surb.header.alpha + surb.header.gamma + surb.header.beta + surb.kTilde + surb.firstNode
    }

    static func decodeSURB(_ bytes: Bytes, parameters: SphinxmixParameters) throws(SphinxError) -> SphinxmixSURB {
        let betaEnd = alphaLength + k + parameters.betaLength
        guard bytes.count > betaEnd + k else { throw .malformedSURB }
        do {
            _ = try P224.Point(encoded: Array(bytes[0..<alphaLength]))
        } catch {
            throw .malformedSURB
        }
        let firstNode = Array(bytes[(betaEnd + k)...])
        // The first node must be a relay command (Nenc(id)), which is where a reply goes.
        guard case .forward = try? SphinxmixRouting(decoding: firstNode) else { throw .malformedSURB }
        let header = SphinxHeader(
            alpha: Array(bytes[0..<alphaLength]), beta: Array(bytes[(alphaLength + k)..<betaEnd]),
            gamma: Array(bytes[alphaLength..<(alphaLength + k)]))
        return SphinxmixSURB(firstNode: firstNode, header: header, kTilde: Array(bytes[betaEnd..<(betaEnd + k)]))
    }

    static func path(_ route: [RouteNodeJSON]) throws(SphinxError) -> [SphinxmixPathHop] {
        var out: [SphinxmixPathHop] = []
        for node in route {
            do {
                out.append(
                    SphinxmixPathHop(
                        nodeID: node.address.bytes, publicKey: try P224.Point(encoded: node.public_key.bytes)))
            } catch {
                throw .invalidGroupElement
            }
        }
        return out
    }

    static func associatedData(_ list: [Hex]?) -> (data: [Bytes]?, length: Int) {
        guard let list, let first = list.first else { return (nil, 0) }
        return (list.map(\.bytes), first.bytes.count)
    }

    // MARK: Ops

    func createForward(_ request: CreateForwardRequest) throws(OracleError) -> CreateForwardResponse {
        do throws(SphinxError) {
            let ad = Self.associatedData(request.associated_data)
            let parameters = try Self.parameters(
                headerLength: request.header_len, bodyLength: request.payload_size,
                associatedLength: ad.length)
            let path = try Self.path(request.route)
            let made = try Sphinxmix.createForwardMessage(
                parameters: parameters, path: path, destination: request.destination.bytes,
                message: request.message.bytes,
                associatedData: ad.data,
                randomness: SphinxmixPacketRandomness(
                    initialSecret: request.randomness.initial_secret.bytes,
                    finalPadding: request.randomness.final_padding?.bytes ?? []))
            return CreateForwardResponse(
                packet: Hex(Self.encode(made.packet)), first_hop_address: Hex(path[0].nodeID),
                intermediates: CreationJSON(made.creation.headerCreation, deltas: made.creation.deltas))
        } catch {
            throw OracleError(error)
        }
    }

    func process(_ request: ProcessRequest) throws(OracleError) -> ProcessResponse {
        do throws(SphinxError) {
            let ad = request.associated_data?.bytes ?? []
            let parameters = try Self.parameters(
                headerLength: request.header_len, bodyLength: request.body_len, associatedLength: ad.count)
            let key = try SphinxmixNodeKey(privateKey: request.node_secret.bytes)
            let packet = try Self.decodePacket(request.packet.bytes, parameters: parameters)
            let processed: SphinxmixProcessedPacket
            var cache = try ReplayCache(capacityPerEpoch: 1024, hashKey: Bytes.zeros(32))
            for tag in request.seen_replay_tags ?? [] { cache.insert(tag.bytes) }
            processed = try Sphinxmix.process(
                parameters: parameters, privateKey: key.privateKey, packet: packet,
                associatedData: ad, replayCache: &cache)
            let intermediates = ProcessIntermediatesJSON(
                processed.trace, payloadIn: processed.payloadIn, payloadOut: processed.payloadOut)
            switch processed.result {
            case let .relay(nextNode, nextPacket):
                var response = ProcessResponse(
                    outcome: "forward", replay_tag: Hex(processed.replayTag), version: nil, intermediates: intermediates
                )
                response.next_address = Hex(nextNode)
                response.next_packet = Hex(Self.encode(nextPacket))
                return response
            case let .destination(body):
                var response = ProcessResponse(
                    outcome: "final", replay_tag: Hex(processed.replayTag), version: nil, intermediates: intermediates)
                response.payload = Hex(body)
                do {
                    let opened = try Sphinxmix.receiveForward(
                        parameters: parameters, macKey: processed.macKey, body: body)
                    response.destination = Hex(opened.destination)
                    response.message = Hex(opened.message)
                } catch {
                    response.payload_error = error.name
                }
                return response
            case let .surbReply(destination, surbID, body):
                var response = ProcessResponse(
                    outcome: "surb_reply", replay_tag: Hex(processed.replayTag), version: nil,
                    intermediates: intermediates)
                response.destination = Hex(destination)
                response.identifier = Hex(surbID)
                response.payload = Hex(body)
                return response
            }
        } catch {
            throw OracleError(error)
        }
    }

    func createSURB(_ request: CreateSURBRequest) throws(OracleError) -> CreateSURBResponse {
        do throws(SphinxError) {
            let ad = Self.associatedData(request.associated_data)
            let parameters = try Self.parameters(
                headerLength: request.header_len, bodyLength: nil, associatedLength: ad.length)
            let path = try Self.path(request.route)
            let randomness = request.randomness
            let made = try Sphinxmix.createSURB(
                parameters: parameters, path: path, destination: request.destination.bytes, associatedData: ad.data,
                randomness: SphinxmixSURBRandomness(
                    surbID: randomness.surb_id?.bytes ?? [],
                    initialSecret: randomness.initial_secret.bytes,
                    finalPadding: randomness.final_padding?.bytes ?? [],
                    kTilde: randomness.surb_key?.bytes ?? []))
            return CreateSURBResponse(
                surb: Hex(Self.encode(made.surb)), first_hop_address: Hex(path[0].nodeID),
                kept_keys: made.keys.map(Hex.init), surb_id: Hex(made.randomness.surbID),
                intermediates: CreationJSON(made.creation, deltas: nil))
        } catch {
            throw OracleError(error)
        }
    }

    func useSURB(_ request: UseSURBRequest) throws(OracleError) -> UseSURBResponse {
        do throws(SphinxError) {
            let parameters = try Self.parameters(
                headerLength: request.header_len, bodyLength: request.payload_size, associatedLength: 0)
            let surb = try Self.decodeSURB(request.surb.bytes, parameters: parameters)
            let packet = try Sphinxmix.packageSURB(parameters: parameters, surb: surb, message: request.message.bytes)
            guard case .forward(let relay) = try SphinxmixRouting(decoding: surb.firstNode) else {
                throw .malformedSURB
            }
            let plaintext = try SphinxmixProfile(parameters: parameters)
                .encodePayload(message: request.message.bytes, payloadLength: parameters.bodyLength, key: surb.kTilde)
            return UseSURBResponse(
                packet: Hex(Self.encode(packet)), first_hop_address: Hex(relay.nodeID),
                deltas: [Hex(packet.delta), Hex(plaintext)])
        } catch {
            throw OracleError(error)
        }
    }

    func openReply(_ request: OpenReplyRequest) throws(OracleError) -> OpenReplyResponse? {
        do throws(SphinxError) {
            let parameters = try Self.parameters(
                headerLength: nil, bodyLength: request.payload.bytes.count, associatedLength: 0)
            let message = try Sphinxmix.receiveSURB(
                parameters: parameters, keys: request.kept_keys.map(\.bytes), body: request.payload.bytes)
            return OpenReplyResponse(message: Hex(message))
        } catch {
            throw OracleError(error)
        }
    }
}

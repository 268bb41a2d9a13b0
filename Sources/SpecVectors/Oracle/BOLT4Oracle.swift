import Foundation
import SphinxSpec

// The oracle's "bolt4" profile: Lightning's onion (SPEC.md §4.3). Its ops are not the nym and
// sphinxmix ones (no SURBs, no payload δ, error returns instead), so it has its own request
// and response records, named as the JSON is (snake_case), as in SphinxWire.swift.

/// One hop of a `create_forward` route: the node id and the payload without its BigSize prefix.
struct BOLT4RouteHopJSON: Codable, Sendable, Equatable {
    var public_key: Hex
    var payload: Hex
}

struct BOLT4RandomnessJSON: Codable, Sendable, Equatable {
    var session_key: Hex
}

struct BOLT4CreateRequest: Codable, Sendable, Equatable {
    var route: [BOLT4RouteHopJSON]
    var associated_data: Hex
    var randomness: BOLT4RandomnessJSON
}

/// Every intermediate value of `create_forward`: the §9.5 hop records (alpha is the ephemeral
/// public key, shared_secret the ECDH point s; `keys` holds h_rho, h_mu, b, h_tau and the BOLT
/// names hop_shared_secret, rho, mu, um, ammag, blinding_factor), and the pad key, the initial
/// fill, the final padding and the filler.
struct BOLT4CreationJSON: Codable, Sendable, Equatable {
    var session_key: Hex
    var pad_key: Hex
    var initial_fill: Hex
    var final_padding: Hex
    var filler: Hex
    var hops: [CreationHopJSON]
}

struct BOLT4CreateResponse: Codable, Sendable, Equatable {
    var packet: Hex
    var intermediates: BOLT4CreationJSON
}

struct BOLT4ProcessRequest: Codable, Sendable, Equatable {
    var node_secret: Hex
    var packet: Hex
    var associated_data: Hex
}

struct BOLT4ProcessResponse: Codable, Sendable, Equatable {
    var outcome: String
    var payload: Hex
    var next_packet: Hex?
    var replay_tag: Hex
    /// One hop's processing values, without the payload fields bolt4 lacks.
    var intermediates: ProcessIntermediatesJSON
}

struct BOLT4CreateErrorRequest: Codable, Sendable, Equatable {
    var shared_secret: Hex
    var failure_message: Hex
}

struct BOLT4ErrorIntermediatesJSON: Codable, Sendable, Equatable {
    var um: Hex
    var ammag: Hex
    /// hmac ‖ failure_len ‖ failuremsg ‖ pad_len ‖ pad before the ammag stream.
    var plaintext: Hex
}

struct BOLT4CreateErrorResponse: Codable, Sendable, Equatable {
    var error_packet: Hex
    var intermediates: BOLT4ErrorIntermediatesJSON
}

struct BOLT4WrapErrorRequest: Codable, Sendable, Equatable {
    var shared_secret: Hex
    var error_packet: Hex
}

struct BOLT4WrapErrorResponse: Codable, Sendable, Equatable {
    var error_packet: Hex
}

struct BOLT4DecodeErrorRequest: Codable, Sendable, Equatable {
    var shared_secrets: [Hex]
    var error_packet: Hex
}

struct BOLT4DecodeErrorResponse: Codable, Sendable, Equatable {
    var hop_index: Int
    var failure_message: Hex
}

/// The "bolt4" ops. SPEC.md [ORACLE-BOLT4-1]: `create_forward`, `process`, `create_error`,
/// `wrap_error`, `decode_error`, with the fields of §9.5's bolt4 table. Errors are named after
/// `SphinxError` (forward onions) and `BOLT4ReturnError` (error returns) cases.
enum BOLT4Oracle {
    static let name = "bolt4"

    static func ops() -> [OracleOp] {
        [
            .typed(name, "create_forward") { (r: BOLT4CreateRequest) throws(OracleError) in try createForward(r) },
            .typed(name, "process") { (r: BOLT4ProcessRequest) throws(OracleError) in try process(r) },
            .typed(name, "create_error") { (r: BOLT4CreateErrorRequest) throws(OracleError) in try createError(r) },
            .typed(name, "wrap_error") { (r: BOLT4WrapErrorRequest) throws(OracleError) in try wrapError(r) },
            .typed(name, "decode_error") { (r: BOLT4DecodeErrorRequest) throws(OracleError) in try decodeError(r) },
        ]
    }

    static func returnError(_ error: BOLT4ReturnError) -> OracleError {
        OracleError(error.name, "the implementation rejected the input: \(error)")
    }

    static func createForward(_ request: BOLT4CreateRequest) throws(OracleError) -> BOLT4CreateResponse {
        try RequestLimits.check("route", request.route.count, max: RequestLimits.maxHops)
        let made: BOLT4OnionCreation
        do throws(SphinxError) {
            made = try BOLT4.createOnion(
                route: request.route.map { BOLT4RouteHop(publicKey: $0.public_key.bytes, payload: $0.payload.bytes) },
                associatedData: request.associated_data.bytes, sessionKey: request.randomness.session_key.bytes)
        } catch {
            throw OracleError(error)
        }
        let common = CreationJSON(made.creation, deltas: nil)
        return BOLT4CreateResponse(
            packet: Hex(made.packet.bytes),
            intermediates: BOLT4CreationJSON(
                session_key: request.randomness.session_key, pad_key: Hex(made.padKey),
                initial_fill: Hex(made.initialFill), final_padding: common.final_padding, filler: common.filler,
                hops: common.hops))
    }

    static func process(_ request: BOLT4ProcessRequest) throws(OracleError) -> BOLT4ProcessResponse {
        let processed: BOLT4ProcessedOnion
        do throws(SphinxError) {
            processed = try BOLT4.processOnion(
                request.packet.bytes, nodeSecret: request.node_secret.bytes,
                associatedData: request.associated_data.bytes)
        } catch {
            throw OracleError(error)
        }
        // Exposed on purpose: the oracle answers with every intermediate (SPEC.md §2.9).
        let intermediates = ProcessIntermediatesJSON(processed.trace)
        switch processed.outcome {
        case .forward(let payload, let next):
            return BOLT4ProcessResponse(
                outcome: "forward", payload: Hex(payload), next_packet: Hex(next.bytes),
                replay_tag: Hex(processed.replayTag), intermediates: intermediates)
        case .final(let payload):
            return BOLT4ProcessResponse(
                outcome: "final", payload: Hex(payload), next_packet: nil, replay_tag: Hex(processed.replayTag),
                intermediates: intermediates)
        }
    }

    static func createError(_ request: BOLT4CreateErrorRequest) throws(OracleError) -> BOLT4CreateErrorResponse {
        do throws(BOLT4ReturnError) {
            let failure = try BOLT4.createFailure(
                sharedSecret: request.shared_secret.bytes, failureMessage: request.failure_message.bytes)
            return BOLT4CreateErrorResponse(
                error_packet: Hex(failure.packet),
                intermediates: BOLT4ErrorIntermediatesJSON(
                    um: Hex(failure.um), ammag: Hex(failure.ammag), plaintext: Hex(failure.plaintext)))
        } catch {
            throw returnError(error)
        }
    }

    static func wrapError(_ request: BOLT4WrapErrorRequest) throws(OracleError) -> BOLT4WrapErrorResponse {
        do throws(BOLT4ReturnError) {
            return BOLT4WrapErrorResponse(
                error_packet: Hex(
                    try BOLT4.wrapFailure(sharedSecret: request.shared_secret.bytes, packet: request.error_packet.bytes)
                ))
        } catch {
            throw returnError(error)
        }
    }

    static func decodeError(_ request: BOLT4DecodeErrorRequest) throws(OracleError) -> BOLT4DecodeErrorResponse {
        try RequestLimits.check("shared_secrets", request.shared_secrets.count, max: RequestLimits.maxHops)
        do throws(BOLT4ReturnError) {
            let decoded = try BOLT4.decodeFailure(
                sharedSecrets: request.shared_secrets.map(\.bytes), packet: request.error_packet.bytes)
            return BOLT4DecodeErrorResponse(hop_index: decoded.hopIndex, failure_message: Hex(decoded.failureMessage))
        } catch {
            throw returnError(error)
        }
    }
}

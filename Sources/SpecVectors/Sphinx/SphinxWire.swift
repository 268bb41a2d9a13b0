import Foundation
import SphinxSpec

// The JSON shapes shared by the Sphinx vector files and the oracle. A vector's `inputs` hold the
// oracle request that made it and its `outputs` the oracle's response, so an implementer can
// point a harness at either. Field names are the JSON's own (snake_case), on purpose: each type
// reads exactly like the table in SPEC.md §9.5 that documents it.
//
// SPEC.md [VEC-SPHINX-WIRE-1]: byte strings are lowercase hex; delays are unsigned 64-bit
// nanosecond counts; `version` is the nym packet version (258 or 259) and is absent for
// sphinxmix; `associated_data` is sphinxmix's per-hop associated data and is absent for nym.

/// One mix on a route.
struct RouteNodeJSON: Codable, Sendable, Equatable {
    var address: Hex
    var public_key: Hex
}

/// Every random byte packet or SURB creation draws, already cut into its roles.
struct RandomnessJSON: Codable, Sendable, Equatable {
    /// x, the sender's secret exponent (nym: 32 bytes, clamped at use).
    var initial_secret: Hex
    /// The random bytes after the final routing entry (nym: 300 − 60·(ν−1) − 52 bytes).
    var final_padding: Hex?
    /// sphinxmix: the SURB's reply key k̃ and identifier (absent for nym).
    var surb_key: Hex?
    var surb_id: Hex?
}

/// `create_forward` request.
struct CreateForwardRequest: Codable, Sendable, Equatable {
    var route: [RouteNodeJSON]
    var delays_ns: [UInt64]
    var destination: Hex
    /// nym: the 16-byte SURB identifier written in the final routing block (sphinxmix has none).
    var identifier: Hex?
    var message: Hex
    var payload_size: Int
    var version: Int?
    /// sphinxmix: `header_len` (default 192); the body length is `payload_size`.
    var header_len: Int?
    var associated_data: [Hex]?
    var randomness: RandomnessJSON
}

/// One hop's values during creation (SPEC.md SPHINX chapter, CreationHopTrace).
struct CreationHopJSON: Codable, Sendable, Equatable {
    var index: Int
    var public_key: Hex
    var alpha: Hex
    var shared_secret: Hex
    /// h_rho, h_mu, b, h_tau and the profile's named details (nym: expanded_shared_secret,
    /// legacy_payload_key, payload_key_seed).
    var keys: [String: Hex]
    var payload_key: Hex
    var routing_entry: Hex
    var beta: Hex
    var gamma: Hex
}

/// Everything header (and payload) creation produced.
struct CreationJSON: Codable, Sendable, Equatable {
    var initial_secret: Hex
    var final_padding: Hex
    var filler: Hex
    var hops: [CreationHopJSON]
    /// δ_0 … δ_ν: δ_i is the payload hop i receives; δ_ν the encoded plaintext. Absent for a
    /// SURB (it has no payload).
    var deltas: [Hex]?
}

/// `create_forward` response.
struct CreateForwardResponse: Codable, Sendable, Equatable {
    var packet: Hex
    var first_hop_address: Hex
    var intermediates: CreationJSON
}

/// `process` request. `seen_replay_tags` stands for the node's replay cache.
struct ProcessRequest: Codable, Sendable, Equatable {
    var node_secret: Hex
    var packet: Hex
    var seen_replay_tags: [Hex]?
    /// sphinxmix: this hop's associated data, and the parameters (defaults 192 and 1024).
    var associated_data: Hex?
    var header_len: Int?
    var body_len: Int?
}

/// One hop's processing values (SPEC.md SPHINX chapter, ProcessingTrace). The payload fields
/// are absent for bolt4, whose onion has no payload δ.
struct ProcessIntermediatesJSON: Codable, Sendable, Equatable {
    var alpha: Hex
    var shared_secret: Hex
    var keys: [String: Hex]
    var expected_gamma: Hex
    var decrypted_block: Hex
    var routing_entry_length: Int
    var payload_key: Hex?
    var payload_in: Hex?
    var payload_out: Hex?
}

/// `process` response: a forward hop or the final hop.
///
/// SPEC.md [VEC-SPHINX-PROCESS-1]: `outcome` is `forward` (with `next_address`, `next_packet`
/// and, for nym, `delay_ns`), `final` (with `destination`, `identifier` (nym), `payload`,
/// `message` and `payload_error`; `message` is null and `payload_error` names the reason when
/// the payload is not intact), or, for sphinxmix, `surb_reply` (with `destination`,
/// `identifier` (the SURB id) and `payload`, which the SURB's creator opens with `open_reply`).
/// All carry `replay_tag`, `version` (nym) and `intermediates`.
struct ProcessResponse: Codable, Sendable, Equatable {
    var outcome: String
    var next_address: Hex?
    var delay_ns: UInt64?
    var next_packet: Hex?
    var destination: Hex?
    var identifier: Hex?
    var payload: Hex?
    var message: Hex?
    var payload_error: String?
    var replay_tag: Hex
    var version: Int?
    var intermediates: ProcessIntermediatesJSON

    enum CodingKeys: String, CodingKey {
        case outcome, next_address, delay_ns, next_packet, destination, identifier, payload, message,
            payload_error, replay_tag, version, intermediates
    }

    init(outcome: String, replay_tag: Hex, version: Int?, intermediates: ProcessIntermediatesJSON) {
        self.outcome = outcome
        self.replay_tag = replay_tag
        self.version = version
        self.intermediates = intermediates
    }

    /// A final hop writes `message` and `payload_error` even when they are null, so a reader
    /// sees that the field exists.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encodeIfPresent(next_address, forKey: .next_address)
        try c.encodeIfPresent(delay_ns, forKey: .delay_ns)
        try c.encodeIfPresent(next_packet, forKey: .next_packet)
        try c.encodeIfPresent(destination, forKey: .destination)
        try c.encodeIfPresent(identifier, forKey: .identifier)
        try c.encodeIfPresent(payload, forKey: .payload)
        if outcome == "final" {
            try c.encode(message, forKey: .message)
            try c.encode(payload_error, forKey: .payload_error)
        }
        try c.encode(replay_tag, forKey: .replay_tag)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encode(intermediates, forKey: .intermediates)
    }
}

/// `create_surb` request.
struct CreateSURBRequest: Codable, Sendable, Equatable {
    var route: [RouteNodeJSON]
    var delays_ns: [UInt64]
    var destination: Hex
    /// nym: the identifier of the final routing block; sphinxmix draws its own (`randomness.surb_id`).
    var identifier: Hex?
    var version: Int?
    var header_len: Int?
    var associated_data: [Hex]?
    var randomness: RandomnessJSON
}

/// `create_surb` response: the SURB's bytes, and what its creator keeps.
struct CreateSURBResponse: Codable, Sendable, Equatable {
    /// nym: header (348) ‖ first hop address (32) ‖ the hops' payload keys (258) or seeds (259).
    var surb: Hex
    var first_hop_address: Hex
    /// sphinxmix: what the creator keeps to open the reply (absent for nym, whose last hop
    /// recovers the reply by ordinary processing).
    var kept_keys: [Hex]?
    var surb_id: Hex?
    var intermediates: CreationJSON
}

/// `use_surb` request: the replier's side.
struct UseSURBRequest: Codable, Sendable, Equatable {
    var surb: Hex
    var message: Hex
    var payload_size: Int
    var header_len: Int?
}

/// `use_surb` response.
struct UseSURBResponse: Codable, Sendable, Equatable {
    var packet: Hex
    var first_hop_address: Hex
    /// δ_0 … δ_ν of the reply payload.
    var deltas: [Hex]
}

/// `open_reply` request (sphinxmix): the SURB creator removes the layers with the keys it kept.
struct OpenReplyRequest: Codable, Sendable, Equatable {
    var kept_keys: [Hex]
    var surb_id: Hex?
    var payload: Hex
}

struct OpenReplyResponse: Codable, Sendable, Equatable {
    var message: Hex
}

/// Sizes a request may ask for. SPEC.md [ORACLE-LIMITS-1]: `payload_size`, `header_len` and
/// `body_len` must lie in [0, 1 MiB] (Nym's largest packet has 32 KiB + 17 bytes of payload),
/// routes have at most 64 hops (creation costs grow with the square of the length), primitives'
/// `count` lies in [0, 1 MiB] and `iterations` in [0, 1,000,000]; other values are `badType`,
/// so that no request can make the oracle allocate or loop without bound.
enum RequestLimits {
    static let maxLength = 1 << 20
    static let maxIterations = 1_000_000
    static let maxHops = 64

    static func check(_ name: String, _ value: Int?, max: Int = maxLength) throws(OracleError) {
        guard let value else { return }
        guard value >= 0, value <= max else {
            throw OracleError("badType", "field \"\(name)\" (or its length) must lie in [0, \(max)]")
        }
    }

    static func check<T>(_ request: T) throws(OracleError) {
        switch request {
        case let r as CreateForwardRequest:
            try check("payload_size", r.payload_size)
            try check("header_len", r.header_len)
            try check("route", r.route.count, max: maxHops)
        case let r as CreateSURBRequest:
            try check("header_len", r.header_len)
            try check("route", r.route.count, max: maxHops)
        case let r as ProcessRequest:
            try check("header_len", r.header_len)
            try check("body_len", r.body_len)
        case let r as UseSURBRequest:
            try check("payload_size", r.payload_size)
            try check("header_len", r.header_len)
        case let r as PrimitiveInputs:
            try check("count", r.count)
            try check("iterations", r.iterations, max: maxIterations)
        default:
            return
        }
    }
}

/// Maps a failure to decode a request into the oracle's request errors.
enum RequestDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from fields: RequestFields) throws(OracleError) -> T {
        let value = try decodeUnchecked(type, from: fields)
        try RequestLimits.check(value)
        return value
    }

    private static func decodeUnchecked<T: Decodable>(_ type: T.Type, from fields: RequestFields) throws(OracleError)
        -> T
    {
        var object = fields.object
        object["op"] = nil
        object["profile"] = nil
        do {
            return try JSONValue.object(object).decode(T.self)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw OracleError("badType", "the request does not have the fields this op needs")
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    static func describe(_ error: DecodingError) -> OracleError {
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return OracleError(
                "missingField",
                "field \"\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)\" is required")
        case .valueNotFound(_, let context):
            return OracleError("missingField", "field \"\(path(context))\" is required")
        case .typeMismatch(_, let context):
            return OracleError("badType", "field \"\(path(context))\" has the wrong type")
        case .dataCorrupted(let context):
            if context.debugDescription.contains("hex") {
                return OracleError("badHex", "field \"\(path(context))\" is not an even-length hex string")
            }
            return OracleError("badType", "field \"\(path(context))\" is malformed")
        @unknown default:
            return OracleError("badType", "the request is malformed")
        }
    }

    static func encode<T: Encodable>(_ value: T) throws(OracleError) -> JSONValue {
        do {
            return try JSONValue.from(value)
        } catch {
            throw OracleError("internal", "the response could not be encoded")
        }
    }
}

extension OracleError {
    /// An error of the implementation, named as in VEC-ERRORS-1.
    init(_ error: SphinxError) {
        if case .primitive(let inner) = error {
            // A primitive's own name says more than "primitive" (VEC-ERRORS-1).
            self.init(ErrorNames.name(of: inner), "the implementation rejected the input: \(error)")
        } else {
            self.init(error.name, "the implementation rejected the input: \(error)")
        }
    }
}

extension Dictionary where Key == String, Value == Hex {
    /// The hop keys as a JSON object: h_rho, h_mu, b, h_tau and the profile's details in
    /// snake_case.
    init(_ keys: HopKeys) {
        // Exposed on purpose: vector files and oracle answers publish every key (SPEC.md §2.9).
        var out: [String: Hex] = [
            "h_rho": Hex(keys.hRho), "h_mu": Hex(keys.hMu), "b": Hex(keys.b), "h_tau": Hex(keys.hTau),
        ]
        for detail in keys.details { out[Self.snakeCase(detail.name)] = Hex(detail.value) }
        self = out
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out.append(contentsOf: character.lowercased())
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension CreationJSON {
    init(_ creation: HeaderCreation, deltas: [Bytes]?) {
        // Exposed on purpose: vectors publish x, every s_i and h_π (SPEC.md §2.9).
        initial_secret = Hex(creation.initialSecret)
        final_padding = Hex(creation.finalPadding)
        filler = Hex(creation.filler)
        hops = creation.hops.map { hop in
            CreationHopJSON(
                index: hop.index, public_key: Hex(hop.publicKey), alpha: Hex(hop.alpha),
                shared_secret: Hex(hop.sharedSecret), keys: [String: Hex](hop.keys),
                payload_key: Hex(hop.payloadKey), routing_entry: Hex(hop.routingEntry),
                beta: Hex(hop.beta), gamma: Hex(hop.gamma))
        }
        self.deltas = deltas.map { $0.map(Hex.init) }
    }
}

extension ProcessIntermediatesJSON {
    /// The header's values alone (bolt4).
    init(_ trace: ProcessingTrace) {
        // Exposed on purpose: vectors publish the hop's s and h_π (SPEC.md §2.9).
        alpha = Hex(trace.alpha)
        shared_secret = Hex(trace.sharedSecret)
        keys = [String: Hex](trace.keys)
        expected_gamma = Hex(trace.expectedGamma)
        decrypted_block = Hex(trace.decryptedBlock)
        routing_entry_length = trace.routingEntryLength
    }

    /// The header's values and the payload's: its key, and δ as it came in and goes out.
    init(_ trace: ProcessingTrace, payloadIn: Bytes, payloadOut: Bytes) {
        self.init(trace)
        payload_key = Hex(trace.payloadKey)
        payload_in = Hex(payloadIn)
        payload_out = Hex(payloadOut)
    }
}

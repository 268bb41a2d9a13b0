import Foundation
import SphinxSpec

/// One op of one profile: the names a request gives in "profile" and "op", and the handler
/// that answers it.
struct OracleOp: Sendable {
    let profile: String
    let name: String
    let handle: @Sendable (RequestFields) throws(OracleError) -> JSONValue

    /// An op whose request and response are typed records: the request is decoded (with the
    /// oracle's field errors and ORACLE-LIMITS-1), the response encoded.
    static func typed<Request: Decodable & Sendable, Response: Encodable & Sendable>(
        _ profile: String, _ name: String,
        _ body: @escaping @Sendable (Request) throws(OracleError) -> Response
    ) -> OracleOp {
        OracleOp(profile: profile, name: name) { (fields: RequestFields) throws(OracleError) -> JSONValue in
            try RequestDecoding.encode(body(try RequestDecoding.decode(Request.self, from: fields)))
        }
    }
}

/// The oracle's one dispatch table: every (profile, op) pair this implementation answers, in
/// the order `describe` lists them. Both the `vectors-gen oracle` loop and the vector builders
/// (the invalid-case files send raw requests) answer through it.
///
/// Adding an op is one entry here: `.typed(profile, "op_name", handler)` for an op with typed
/// request and response records, or an `OracleOp` with its own handler over the raw fields. A new
/// profile's ops are one more list appended to `ops`; SPEC.md §9.4–9.6 and
/// Tests/VectorTests/OracleTableTests.swift list the ops a profile must have.
enum OracleTable {
    static let ops: [OracleOp] =
        primitivesOps() + sphinxOps(NymOracle()) + nodeOps() + sphinxOps(SphinxmixOracle()) + BOLT4Oracle.ops()

    /// The profiles' names, sorted.
    static var profiles: [String] { Set(ops.map(\.profile)).sorted() }

    /// A profile's op names, in table order (empty for an unknown profile).
    static func opNames(of profile: String) -> [String] {
        ops.filter { $0.profile == profile }.map(\.name)
    }

    static func op(_ name: String, of profile: String) -> OracleOp? {
        ops.first { $0.profile == profile && $0.name == name }
    }

    /// Answers `op` of `profile` with a request's fields; an op the profile lacks is `unknownOp`,
    /// naming the ops it has.
    static func answer(_ op: String, of profile: String, _ request: RequestFields) throws(OracleError) -> JSONValue {
        guard let entry = self.op(op, of: profile) else {
            let names = opNames(of: profile).joined(separator: ", ")
            throw OracleError("unknownOp", "profile \(profile) has no op \"\(op)\"; it has: \(names)")
        }
        return try entry.handle(request)
    }

    /// One op per primitives file (ORACLE-PRIMITIVES-1).
    static func primitivesOps() -> [OracleOp] {
        PrimitiveKind.allCases.map { kind in
            OracleOp(profile: PrimitivesOracle.name, name: PrimitivesOracle.op(kind)) {
                (fields: RequestFields) throws(OracleError) -> JSONValue in
                try PrimitivesOracle.answer(kind, fields)
            }
        }
    }

    /// The node ops of the nym profile (ORACLE-NODE-MIX-1, ORACLE-NODE-GATEWAY-1,
    /// ORACLE-NODE-CLIENT-1): one node of SPEC.md §8.11 over timed inputs.
    static func nodeOps() -> [OracleOp] {
        [
            .typed("nym", "mix_node") { (r: MixNodeRequest) throws(OracleError) in try NodeOracle.mixNode(r) },
            .typed("nym", "gateway_node") { (r: GatewayNodeRequest) throws(OracleError) in
                try NodeOracle.gatewayNode(r)
            },
            .typed("nym", "client_node") { (r: ClientNodeRequest) throws(OracleError) in try NodeOracle.clientNode(r) },
        ]
    }

    /// The Sphinx ops of one profile (ORACLE-NYM-1, ORACLE-SPHINXMIX-1). `open_reply` is listed
    /// only for a profile that has it.
    static func sphinxOps<Profile: SphinxOracleProfile>(_ profile: Profile) -> [OracleOp] {
        let name = profile.name
        var list: [OracleOp] = [
            .typed(name, "create_forward") { (r: CreateForwardRequest) throws(OracleError) in
                try profile.createForward(r)
            },
            .typed(name, "process") { (r: ProcessRequest) throws(OracleError) in try profile.process(r) },
            .typed(name, "create_surb") { (r: CreateSURBRequest) throws(OracleError) in try profile.createSURB(r) },
            .typed(name, "use_surb") { (r: UseSURBRequest) throws(OracleError) in try profile.useSURB(r) },
        ]
        if profile.hasOpenReply {
            list.append(
                .typed(name, "open_reply") { (r: OpenReplyRequest) throws(OracleError) -> OpenReplyResponse in
                    guard let response = try profile.openReply(r) else {
                        throw OracleError("unknownOp", "profile \(name) has no op \"open_reply\"")
                    }
                    return response
                })
        }
        return list
    }
}

import Foundation
import SphinxSpec

/// nym/invalid.json: packets, requests and SURBs every implementation must reject, or may
/// reject (`acceptable`), each with the error ours returns.
enum NymInvalid {
    static let oracle = NymOracle()
    static let profile = NymSphinx.profile

    static let notes: [String: FlagNote] = [
        "ModifiedMac": FlagNote(
            bugType: .authBypass, description: "gamma changed: the header MAC must fail (headerMACMismatch)."),
        "ModifiedRoutingInfo": FlagNote(
            bugType: .authBypass, description: "beta changed: the header MAC over beta must fail (headerMACMismatch)."),
        "ModifiedAlpha": FlagNote(
            bugType: .authBypass,
            description: "alpha changed: the shared secret and so every key change, and the MAC fails."),
        "NonCanonicalAlpha": FlagNote(
            bugType: .malleability,
            description:
                "alpha with bit 255 set is the same X25519 point (RFC 7748 §5 masks the bit), so the packet processes exactly like the original, with the same replay tag. We and the crate accept it; rejecting non-canonical encodings is also reasonable, hence acceptable. The replay cache still catches both copies."
        ),
        "WrongNode": FlagNote(
            bugType: .authBypass, description: "A packet processed with another node's key: the MAC fails."),
        "Replay": FlagNote(
            bugType: .missingStep,
            description: "The packet's replay tag h_tau is already in the node's cache (seen_replay_tags): replayedTag."
        ),
        "Truncated": FlagNote(
            bugType: .functionality,
            description:
                "Fewer bytes than a header and the smallest payload (348 + 33): invalidPacketLength, not a crash."),
        "OversizedPacket": FlagNote(
            bugType: .functionality,
            description:
                "One byte more than the packet that was made. The header still verifies (its MAC covers beta only) and the payload is simply longer, so a mix forwards it (acceptable: Nym's framing rejects unknown packet sizes before Sphinx sees them); at the last hop the payload is garbage and the message check fails."
        ),
        "ModifiedPayload": FlagNote(
            bugType: .malleability,
            description:
                "delta changed: no hop notices (the header MAC does not cover it), but the last hop's payload check fails (payloadZeroPrefixMissing)."
        ),
        "UnknownFlag": FlagNote(
            bugType: .functionality,
            description:
                "A routing block with a flag other than 0x01 (forward) and 0x02 (final), under a valid MAC: unknownRoutingFlag."
        ),
        "UnknownVersion": FlagNote(
            bugType: .defined,
            description:
                "A routing block naming a version that sphinx-packet 0.6.0 does not define, under a valid MAC. This implementation rejects it (unknownVersion, SPEC.md NYM-DEV-2); the crate does not check: it derives the payload key of any version other than 1, 257 and 258 as for 259 and processes the packet. Acceptable."
        ),
        "LegacyVersion": FlagNote(
            bugType: .defined,
            description:
                "Versions 1 and 257 are the crate's legacy formats (unclamped blinding, 192-byte key); sphinx-packet 0.6.0 still processes them, this implementation does not (unknownVersion). Acceptable: an implementation may support them."
        ),
        "NonZeroVersionPrefix": FlagNote(
            bugType: .defined,
            description:
                "The version field is [0, hi, lo]. This implementation rejects a non-zero first byte (malformedRoutingEntry); sphinx-packet's Version::from_bytes (src/version.rs) only debug-asserts it and, in a release build, reads [1, 1, 2] as version 258. Acceptable."
        ),
        "SmallOrderAlpha": FlagNote(
            bugType: .missingStep,
            description:
                "alpha is a point of small order, so X25519 gives the all-zero secret for every node key. With gamma computed from that zero secret anyone can forge the packet: this implementation rejects it (smallOrderGroupElement); sphinx-packet 0.6.0 does not check and processes it, hence acceptable (SPEC.md security-sphinx). With a random gamma both reject."
        ),
        "WrongLength": FlagNote(
            bugType: .functionality,
            description: "A fixed-length input (key, address, padding) of the wrong length: invalidInputLength."),
        "RouteTooLong": FlagNote(
            bugType: .functionality, description: "More hops than the profile allows (5): routeTooLong."),
        "RouteEmpty": FlagNote(bugType: .functionality, description: "A route without hops: routeEmpty."),
        "MessageTooLong": FlagNote(
            bugType: .functionality, description: "A message longer than payload size − 17: messageTooLong."),
        "PayloadTooSmall": FlagNote(
            bugType: .functionality,
            description: "A payload size below the minimum (33 bytes, LIONESS needs more than 32): payloadSizeTooSmall."
        ),
        "MismatchedDelays": FlagNote(
            bugType: .functionality, description: "A different number of delays than hops: mismatchedRouteInputs."),
        "SmallOrderNodeKey": FlagNote(
            bugType: .missingStep,
            description:
                "A node public key of small order: the shared secret would be all zeros; creation fails (smallOrderGroupElement)."
        ),
        "MalformedSURB": FlagNote(
            bugType: .functionality,
            description:
                "SURB bytes that cannot be parsed (too short, key material not a whole number of keys or seeds): malformedSURB."
        ),
        "TooManySURBKeys": FlagNote(
            bugType: .defined,
            description:
                "SURB key material for more than 5 hops. The crate parses any number of keys; we reject it (malformedSURB) because no valid route has that many hops. Acceptable."
        ),
        "TamperedSURB": FlagNote(
            bugType: .authBypass,
            description:
                "A reply built from a SURB whose header or keys were changed: the first hop's MAC fails, or the last hop's payload check does."
        ),
        "TamperedReply": FlagNote(
            bugType: .authBypass,
            description: "A reply packet changed in transit: its header MAC or its payload check fails."),
    ]

    // MARK: Building blocks

    struct Base {
        var route: [RouteNodeJSON]
        var secrets: [Hex]
        var packets: [Bytes]  // the packet as it arrives at hop 0, 1, 2
        var tags: [Hex]
        var forwardRequest: CreateForwardRequest
    }

    static func base() throws -> Base {
        let label = "nym/invalid/base"
        let draw = try NymVectors.Draw(label: label, hops: 3, messageLength: 100)
        let request = CreateForwardRequest(
            route: draw.route, delays_ns: NymVectors.defaultDelays(3), destination: draw.destination,
            identifier: draw.identifier, message: draw.message, payload_size: NymConstants.defaultPayloadLength,
            version: 258, associated_data: nil, randomness: draw.randomness)
        let created = try oracle.createForward(request)
        let hops = try RouteWalk.walk(
            oracle, packet: created.packet.bytes, nodeSecrets: draw.secrets, associatedData: nil)
        return Base(
            route: draw.route, secrets: draw.secrets, packets: hops.map(\.packet_in.bytes),
            tags: hops.map(\.result.replay_tag), forwardRequest: request)
    }

    static func flip(_ bytes: Bytes, at index: Int, mask: UInt8 = 0x01) -> Bytes {
        var out = bytes
        out[index] ^= mask
        return out
    }

    /// A one-hop header for node key `y` whose routing block decrypts to `plaintext`, under a
    /// MAC that verifies: built by hand so that the only fault is the one in the plaintext.
    static func craftedPacket(nodePublicKey y: Bytes, label: String, plaintext: Bytes) throws -> Bytes {
        var random = try Seeds.random(for: label)
        let x = random.bytes(32)
        let alpha = try X25519.publicKey(secret: x)
        let s = try X25519.scalarMult(scalar: x, point: y)
        return try packet(
            alpha: alpha, sharedSecret: s, plaintext: plaintext,
            payload: random.bytes(NymConstants.defaultPayloadLength))
    }

    /// α ‖ γ ‖ β ‖ δ with β = plaintext ⊕ ρ(h_ρ(s)) and γ = μ(h_μ(s), β).
    static func packet(alpha: Bytes, sharedSecret s: Bytes, plaintext: Bytes, payload: Bytes) throws -> Bytes {
        let keys = try NymHopKeys(sharedSecret: s)
        let stream = try profile.rho(key: keys.streamCipherKey, length: NymConstants.routingInfoLength)
        let beta = ByteOps.xor(plaintext, stream)
        let gamma = try profile.mu(key: keys.macKey, data: beta)
        return alpha + gamma + beta + payload
    }

    /// A final routing block (flag, version, destination, identifier) padded to |β| with `fill`.
    static func routingBlock(flag: UInt8, version: Bytes, fill: UInt8 = 0x5a) -> Bytes {
        let entry = [flag] + version + Bytes(repeating: 0xdd, count: 32) + Bytes(repeating: 0x1d, count: 16)
        return entry + Bytes(repeating: fill, count: NymConstants.routingInfoLength - entry.count)
    }

    // MARK: The cases (NymInvalidCases.swift)

    typealias Case = InvalidCase

    struct CaseList {
        var items: [Case] = []
        mutating func add(_ comment: String, _ flags: [String], _ result: TestResult, op: String, _ inputs: JSONValue) {
            items.append(Case(comment: comment, flags: flags, result: result, op: op, inputs: inputs))
        }
    }

    static func file() throws -> InvalidFile {
        let header = [
            "Inputs the nym profile must reject (invalid) or may reject (acceptable), as oracle requests: run `op` on `inputs`.",
            "outputs.error is the error this implementation returns (VEC-ERRORS-1); another implementation's names may differ, but it must reject.",
            "For process at a last hop, a payload that is not intact counts as rejection named by payload_error.",
            "Acceptable tests record our outcome: an error, or the full response when we accept.",
            "SPEC.md §4.1, §9.5 and the security chapter.",
        ]
        return try SphinxVectorCheck.invalidFile(
            "nym-sphinx-invalid", header: header, notes: notes, parameters: NymVectors.parameters(version: nil),
            cases: try cases(),
            profile: oracle)
    }
}

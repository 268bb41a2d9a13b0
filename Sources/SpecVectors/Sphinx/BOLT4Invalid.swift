import Foundation
import SphinxSpec

/// bolt4/invalid.json: inputs the bolt4 profile must reject (SPEC.md §4.3.7).
enum BOLT4Invalid {
    static let notes: [String: FlagNote] = [
        "WrongVersion": FlagNote(
            bugType: .functionality, description: "A version byte other than 0: unknownVersion (BOLT #4: MUST abort)."),
        "ModifiedHmac": FlagNote(bugType: .authBypass, description: "hmac changed: headerMACMismatch."),
        "ModifiedHopPayloads": FlagNote(
            bugType: .authBypass, description: "One bit of hop_payloads flipped: the HMAC fails (headerMACMismatch)."),
        "WrongAssociatedData": FlagNote(
            bugType: .authBypass,
            description: "Other associated data than the sender's: the HMAC over hop_payloads ‖ ad fails."),
        "InvalidPoint": FlagNote(
            bugType: .functionality,
            description:
                "public_key is not a compressed secp256k1 point (prefix not 02/03, x ≥ p, x not on the curve): invalidGroupElement."
        ),
        "LengthPastEnd": FlagNote(
            bugType: .functionality,
            description:
                "Under a valid HMAC, the BigSize length runs the payload and next HMAC past the 1300 bytes: malformedRoutingEntry."
        ),
        "ReservedLength": FlagNote(
            bugType: .functionality,
            description: "Under a valid HMAC, a payload length of 0 or 1 (reserved): malformedRoutingEntry."),
        "NonMinimalBigSize": FlagNote(
            bugType: .functionality,
            description:
                "Under a valid HMAC, a length written 0xfd ‖ u16 for a value below 0xfd: malformedRoutingEntry."
        ),
        "Truncated": FlagNote(
            bugType: .functionality, description: "An onion of 1365 or 1367 bytes: invalidPacketLength."),
        "InvalidKey": FlagNote(
            bugType: .functionality,
            description: "A node secret or session key that is not 32 bytes in [1, n): invalidLength or invalidScalar."),
        "InvalidRoute": FlagNote(
            bugType: .functionality,
            description:
                "A route the onion cannot carry: no hop (routeEmpty), a 1-byte payload (invalidInputLength), payloads that do not fit (routingInformationTooLong), a node id that is not a point (invalidGroupElement)."
        ),
        "CorruptedReturn": FlagNote(
            bugType: .authBypass,
            description: "An error packet with one bit flipped: no hop's um HMAC matches (unattributable)."),
        "MalformedReturn": FlagNote(
            bugType: .functionality,
            description:
                "An error packet too short (returnPacketTooShort), or one whose HMAC matches but whose failure_len runs past the end (malformedFailureMessage)."
        ),
        "InvalidSharedSecret": FlagNote(
            bugType: .functionality, description: "A shared secret that is not 32 bytes: invalidSharedSecretLength."),
    ]

    static let nodeSecret = Bytes(repeating: 0x41, count: 32)
    static let sessionKey = Bytes(repeating: 0x07, count: 32)
    static let ad = Bytes(repeating: 0x42, count: 32)
    static let n = Bytes(hex: "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141") ?? []

    /// An onion for `nodeSecret` whose decrypted hop_payloads start with `plain`, under a valid
    /// HMAC: what a sender who knows the keys could build.
    static func crafted(plain: Bytes) throws -> Bytes {
        let profile = BOLT4Profile()
        let alpha = try profile.exponentiate(profile.generator, by: [sessionKey])
        let s = try profile.exponentiate(alpha, by: [nodeSecret])
        let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
        let padded = plain + Bytes.zeros(BOLT4Constants.hopPayloadsLength - plain.count)
        let beta = ByteOps.xor(padded, try profile.rho(key: keys.rho, length: BOLT4Constants.hopPayloadsLength))
        return [BOLT4Constants.version] + alpha + beta + HMACSHA256.mac(key: keys.mu, message: beta + ad)
    }

    static func file() throws -> BOLT4File {
        var list = BOLT4TestList(firstId: 1)
        let target = try BOLT4Vectors.publicKey(nodeSecret)
        let valid = try BOLT4.createOnion(
            route: [BOLT4RouteHop(publicKey: target, payload: [0x02, 0x02])], associatedData: ad, sessionKey: sessionKey
        ).packet.bytes
        func process(_ packet: Bytes, _ comment: String, _ flag: String, secret: Bytes = nodeSecret, ad: Bytes = ad)
            throws
        {
            try list.add(
                "process", BOLT4ProcessRequest(node_secret: Hex(secret), packet: Hex(packet), associated_data: Hex(ad)),
                comment: comment, flags: [flag], result: .invalid)
        }
        func changed(_ index: Int, _ body: (inout UInt8) -> Void) -> Bytes {
            var copy = valid
            body(&copy[index])
            return copy
        }
        let keyStart = 1
        let payloadsStart = 1 + BOLT4Constants.publicKeyLength
        let p = Bytes(hex: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f") ?? []
        try process(changed(0) { $0 = 1 }, "version 1", "WrongVersion")
        try process(changed(valid.count - 1) { $0 ^= 1 }, "last bit of hmac flipped", "ModifiedHmac")
        try process(
            changed(payloadsStart + 100) { $0 ^= 0x10 }, "one bit of hop_payloads flipped", "ModifiedHopPayloads")
        try process(
            valid, "associated data 0x43… instead of 0x42…", "WrongAssociatedData",
            ad: Bytes(repeating: 0x43, count: 32))
        try process(valid, "no associated data", "WrongAssociatedData", ad: [])
        try process(changed(keyStart) { $0 = 0x04 }, "public_key prefix 0x04", "InvalidPoint")
        try process(changed(keyStart) { $0 = 0x00 }, "public_key prefix 0x00", "InvalidPoint")
        let notOnCurve = [0x02] + Bytes.zeros(31) + [5]
        try process(
            Bytes(valid.prefix(1)) + notOnCurve + Bytes(valid.dropFirst(payloadsStart)),
            "public_key x = 5, not on the curve",
            "InvalidPoint")
        try process(
            Bytes(valid.prefix(1)) + [0x03] + p + Bytes(valid.dropFirst(payloadsStart)), "public_key x = p",
            "InvalidPoint")
        try process(
            try crafted(plain: [0xfd, 0x04, 0xf2]), "length 1266 with a 3-byte prefix: 3 + 1266 + 32 > 1300",
            "LengthPastEnd")
        try process(try crafted(plain: [0xfe, 0x00, 0x01, 0x00, 0x00]), "length 65536", "LengthPastEnd")
        try process(try crafted(plain: [0x01, 0x00]), "payload length 1", "ReservedLength")
        try process(try crafted(plain: [0x00]), "payload length 0 (the legacy format)", "ReservedLength")
        try process(try crafted(plain: [0xfd, 0x00, 0x10]), "length 16 written as 0xfd 0x0010", "NonMinimalBigSize")
        try process(Bytes(valid.dropLast()), "1365 bytes", "Truncated")
        try process(valid + [0], "1367 bytes", "Truncated")
        try process(valid, "node secret 0", "InvalidKey", secret: Bytes.zeros(32))
        try process(valid, "node secret of 31 bytes", "InvalidKey", secret: Bytes(nodeSecret.dropLast()))

        func create(_ route: [BOLT4RouteHopJSON], _ session: Bytes, _ comment: String, _ flag: String) throws {
            try list.add(
                "create_forward",
                BOLT4CreateRequest(
                    route: route, associated_data: Hex(ad), randomness: BOLT4RandomnessJSON(session_key: Hex(session))),
                comment: comment, flags: [flag], result: .invalid)
        }
        let hop = BOLT4RouteHopJSON(public_key: Hex(target), payload: Hex([0x02, 0x02]))
        try create([hop], Bytes.zeros(32), "session key 0", "InvalidKey")
        try create([hop], n, "session key n", "InvalidKey")
        try create([], sessionKey, "no hop", "InvalidRoute")
        try create(
            [BOLT4RouteHopJSON(public_key: Hex(target), payload: Hex([0x02]))], sessionKey, "1-byte payload",
            "InvalidRoute")
        let big = BOLT4RouteHopJSON(public_key: Hex(target), payload: Hex(Bytes(repeating: 0x2a, count: 700)))
        try create([big, big], sessionKey, "two 700-byte payloads", "InvalidRoute")
        try create(
            [BOLT4RouteHopJSON(public_key: Hex([0x04] + target.dropFirst()), payload: Hex([0x02, 0x02]))], sessionKey,
            "node id with prefix 0x04", "InvalidRoute")

        let secret = Bytes(repeating: 0x11, count: 32)
        let failure = try BOLT4.createFailure(sharedSecret: secret, failureMessage: [0x20, 0x02]).packet
        var corrupted = failure
        corrupted[50] ^= 1
        try list.add(
            "decode_error", BOLT4DecodeErrorRequest(shared_secrets: [Hex(secret)], error_packet: Hex(corrupted)),
            comment: "one bit flipped", flags: ["CorruptedReturn"], result: .invalid)
        try list.add(
            "decode_error",
            BOLT4DecodeErrorRequest(shared_secrets: [Hex(secret)], error_packet: Hex(Bytes(failure.prefix(35)))),
            comment: "35 bytes", flags: ["MalformedReturn"], result: .invalid)
        // failure_len 300 over a 4-byte body, under a valid um HMAC and ammag stream.
        let um = HMACSHA256.mac(key: Bytes("um".utf8), message: secret)
        let ammag = HMACSHA256.mac(key: Bytes("ammag".utf8), message: secret)
        let body: Bytes = [0x01, 0x2c, 0x20, 0x02]
        let plain = HMACSHA256.mac(key: um, message: body) + body
        let stream = try ChaCha20.keystreamIETF(key: ammag, nonce: Bytes.zeros(12), length: plain.count)
        try list.add(
            "decode_error",
            BOLT4DecodeErrorRequest(shared_secrets: [Hex(secret)], error_packet: Hex(ByteOps.xor(plain, stream))),
            comment: "failure_len 300 in a 4-byte body", flags: ["MalformedReturn"], result: .invalid)
        try list.add(
            "create_error",
            BOLT4CreateErrorRequest(shared_secret: Hex(Bytes(secret.dropLast())), failure_message: Hex([0x20, 0x02])),
            comment: "31-byte shared secret", flags: ["InvalidSharedSecret"], result: .invalid)
        try list.add(
            "wrap_error", BOLT4WrapErrorRequest(shared_secret: Hex(secret + [0]), error_packet: Hex(failure)),
            comment: "33-byte shared secret", flags: ["InvalidSharedSecret"], result: .invalid)

        let group = BOLT4Group(
            type: "bolt4-invalid", comment: "Onions, routes and error packets the bolt4 profile rejects.",
            tests: list.tests)
        return BOLT4File(
            algorithm: "bolt4-invalid", schema: "bolt4.schema.json",
            header: [
                "Inputs the bolt4 profile must reject, as oracle requests: run `op` of profile bolt4 on `inputs`.",
                "outputs.error is the error this implementation returns (VEC-ERRORS-1); another implementation's names may differ, but it must reject.",
                "SPEC.md §4.3 and §9.5.",
            ],
            notes: notes, testGroups: [group])
    }
}

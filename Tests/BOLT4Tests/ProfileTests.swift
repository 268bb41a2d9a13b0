import Testing
@testable import SphinxSpec

/// The bolt4 profile's own rules: BigSize, bad onions, the replay cache, error returns.
struct ProfileTests {
    /// BOLT #1 "Appendix A: BigSize Test Vectors" (lightning/bolts 01-messaging.md): encodings
    /// of the boundary values, and the non-canonical and truncated ones a reader rejects.
    @Test func bigSizeMatchesBOLT1() {
        let encodings: [(UInt64, String)] = [
            (0, "00"), (252, "fc"), (253, "fd00fd"), (65535, "fdffff"), (65536, "fe00010000"),
            (4_294_967_295, "feffffffff"), (4_294_967_296, "ff0000000100000000"),
            (18_446_744_073_709_551_615, "ffffffffffffffffff"),
        ]
        for (value, hex) in encodings {
            #expect(BigSize.encode(value).hex == hex)
            let decoded = BigSize.decode(Bytes(hex: hex) ?? [])
            #expect(decoded?.value == value && decoded?.length == hex.count / 2)
        }
        for bad in ["fd00fc", "fe0000ffff", "ff00000000ffffffff", "fd00", "feffff", "ffffffffff", ""] {
            #expect(BigSize.decode(Bytes(hex: bad) ?? []) == nil, "\(bad) must be rejected")
        }
    }

    static let secrets = (1...3).map { Bytes(repeating: UInt8($0), count: 32) }
    static func route(_ payloads: [Bytes]) throws -> [BOLT4RouteHop] {
        try zip(secrets, payloads).map {
            BOLT4RouteHop(publicKey: try Secp256k1.Scalar(canonical: $0.0).publicKey().compressed, payload: $0.1)
        }
    }

    @Test func tamperedOnionsAreRejected() throws {
        let ad = Bytes(repeating: 7, count: 32)
        let onion = try BOLT4.createOnion(
            route: try Self.route([[1, 2], [3, 4], [5, 6]]), associatedData: ad,
            sessionKey: Bytes(repeating: 9, count: 32)
        ).packet.bytes
        // Negative control: the untouched onion is accepted.
        _ = try BOLT4.processOnion(onion, nodeSecret: Self.secrets[0], associatedData: ad)
        var version = onion
        version[0] = 1
        #expect(throws: SphinxError.unknownVersion(1)) {
            try BOLT4.processOnion(version, nodeSecret: Self.secrets[0], associatedData: ad)
        }
        for index in [40, 700, 1333, 1350] {
            var changed = onion
            changed[index] ^= 0x01
            #expect(throws: SphinxError.headerMACMismatch) {
                try BOLT4.processOnion(changed, nodeSecret: Self.secrets[0], associatedData: ad)
            }
        }
        #expect(throws: SphinxError.headerMACMismatch) {
            try BOLT4.processOnion(onion, nodeSecret: Self.secrets[0], associatedData: [])
        }
        #expect(throws: SphinxError.headerMACMismatch) {
            try BOLT4.processOnion(onion, nodeSecret: Self.secrets[1], associatedData: ad)
        }
        var badPoint = onion
        badPoint[1] = 0x04
        #expect(throws: SphinxError.invalidGroupElement) {
            try BOLT4.processOnion(badPoint, nodeSecret: Self.secrets[0], associatedData: ad)
        }
        #expect(throws: SphinxError.invalidPacketLength(actual: 1365)) {
            try BOLT4.processOnion(Bytes(onion.dropLast()), nodeSecret: Self.secrets[0], associatedData: ad)
        }
    }

    /// SPEC.md §6 for bolt4: the second delivery is a replay; a forged onion does not enter
    /// the cache.
    @Test func replayCacheHoldsTheBOLT4Tag() throws {
        let onion = try BOLT4.createOnion(
            route: try Self.route([[1, 2]]), associatedData: [], sessionKey: Bytes(repeating: 9, count: 32)
        ).packet.bytes
        var cache = try ReplayCache(capacityPerEpoch: 64, hashKey: Bytes(repeating: 5, count: 32))
        var forged = onion
        forged[100] ^= 1
        #expect(throws: SphinxError.headerMACMismatch) {
            try cache.process { isReplay throws(SphinxError) in
                try BOLT4.processOnion(forged, nodeSecret: Self.secrets[0], associatedData: [], isReplay: isReplay)
            }
        }
        let first = try cache.process { isReplay throws(SphinxError) in
            try BOLT4.processOnion(onion, nodeSecret: Self.secrets[0], associatedData: [], isReplay: isReplay)
        }
        #expect(first.replayTag == Bytes(SHA256.hash(first.sharedSecret).prefix(20)))
        #expect(throws: SphinxError.replayedTag) {
            try cache.process { isReplay throws(SphinxError) in
                try BOLT4.processOnion(onion, nodeSecret: Self.secrets[0], associatedData: [], isReplay: isReplay)
            }
        }
    }

    /// A return from each position decodes to that position; limits are typed errors.
    @Test func errorReturnsNameTheErringHop() throws {
        let made = try BOLT4.createOnion(
            route: try Self.route([[1, 2], [3, 4], [5, 6]]), associatedData: [],
            sessionKey: Bytes(repeating: 9, count: 32))
        let secrets = made.creation.hops.map { $0.keys.detail("hop_shared_secret") ?? [] }
        for erring in 0..<3 {
            let message = Bytes(repeating: UInt8(erring), count: 10 + 200 * erring)
            var packet = try BOLT4.createFailure(sharedSecret: secrets[erring], failureMessage: message).packet
            #expect(packet.count == 32 + 4 + max(256, message.count))
            for index in stride(from: erring - 1, through: 0, by: -1) {
                packet = try BOLT4.wrapFailure(sharedSecret: secrets[index], packet: packet)
            }
            let decoded = try BOLT4.decodeFailure(sharedSecrets: secrets, packet: packet)
            #expect(decoded.hopIndex == erring && decoded.failureMessage == message)
            // Negative control: without the erring hop's secret nobody matches.
            var others = secrets
            others[erring] = Bytes(repeating: 0xee, count: 32)
            #expect(throws: BOLT4ReturnError.unattributable) {
                try BOLT4.decodeFailure(sharedSecrets: others, packet: packet)
            }
        }
        #expect(throws: BOLT4ReturnError.failureMessageTooLong(actual: 65536)) {
            try BOLT4.createFailure(sharedSecret: secrets[0], failureMessage: Bytes.zeros(65536))
        }
        #expect(throws: BOLT4ReturnError.returnPacketTooShort(actual: 35)) {
            try BOLT4.decodeFailure(sharedSecrets: secrets, packet: Bytes.zeros(35))
        }
    }
}

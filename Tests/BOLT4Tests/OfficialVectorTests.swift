import Testing
@testable import SphinxSpec

/// The BOLT's own published files, byte for byte (TestVectors/external/bolt4).
struct OfficialVectorTests {
    /// onion-test.json: the onion is reproduced from the session key, the hops and the
    /// associated data, and each of the five nodes processes what it receives; the last one
    /// finds the zero HMAC. The payloads in the file carry their BigSize prefix.
    @Test func onionTestIsReproducedAndProcessedAtEveryHop() throws {
        let file = try Official.load("onion-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        let hops = generate["hops"] as? [[String: Any]] ?? []
        let ad = Official.hex(generate["associated_data"])
        let route = Official.route(hops)
        let created = try BOLT4.createOnion(
            route: route, associatedData: ad, sessionKey: Official.hex(generate["session_key"]))
        let expected = Official.hex(file["onion"])
        #expect(expected.count == BOLT4Constants.onionLength)
        #expect(created.packet.bytes == expected)

        var onion = expected
        let secrets = (file["decode"] as? [String] ?? []).map { Bytes(hex: $0) ?? [] }
        for (index, secret) in secrets.enumerated() {
            let processed = try BOLT4.processOnion(onion, nodeSecret: secret, associatedData: ad)
            #expect(processed.sharedSecret == created.creation.hops[index].keys.detail("hop_shared_secret"))
            switch processed.outcome {
            case .forward(let payload, let next):
                #expect(index < secrets.count - 1)
                #expect(payload == route[index].payload.bytes)
                #expect(next.bytes.count == BOLT4Constants.onionLength)
                onion = next.bytes
            case .final(let payload):
                #expect(index == secrets.count - 1)
                #expect(payload == route[index].payload.bytes)
            }
        }
    }

    /// onion-error-test.json: node 4 builds the failure from the shared secret the forward
    /// onion gave it; nodes 3 … 0 wrap it; the result is the file's `errorpacket`, and the
    /// origin decodes it to hop 4 and the message 0x2002. The file's per-hop shared secrets,
    /// ammag and um keys are checked on the way.
    @Test func onionErrorTestIsReproducedAndDecoded() throws {
        let file = try Official.load("onion-error-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        let hops = generate["hops"] as? [[String: Any]] ?? []
        let message = Official.hex(generate["failure_message"])
        let sessionKey = Official.hex(generate["session_key"])
        // The shared secrets come from our own onion construction over the same keys.
        let route = hops.map { BOLT4RouteHop(publicKey: Official.hex($0["pubkey"]), payload: [0, 0]) }
        let created = try BOLT4.createOnion(route: route, associatedData: [], sessionKey: sessionKey)
        let secrets = created.creation.hops.map { $0.keys.detail("hop_shared_secret") ?? [] }
        for (index, hop) in hops.enumerated() {
            #expect(secrets[index] == Official.hex(hop["hop_shared_secret"]))
            #expect(created.creation.hops[index].keys.detail("ammag") == Official.hex(hop["ammag_key"]))
        }
        let failure = try BOLT4.createFailure(sharedSecret: secrets[4], failureMessage: message)
        #expect(failure.um == Official.hex(hops[4]["um_key"]))
        // The file's `payload` is the plaintext without the HMAC (its comment says so).
        #expect(Bytes(failure.plaintext.dropFirst(32)) == Official.hex(hops[4]["payload"]))
        var packet = failure.packet
        for index in stride(from: 3, through: 0, by: -1) {
            packet = try BOLT4.wrapFailure(sharedSecret: secrets[index], packet: packet)
        }
        #expect(packet == Official.hex(file["errorpacket"]))
        let decoded = try BOLT4.decodeFailure(sharedSecrets: secrets, packet: packet)
        #expect(decoded.hopIndex == 4)
        #expect(decoded.failureMessage == message)
        // Negative control: one flipped bit makes the return unattributable.
        var corrupted = packet
        corrupted[40] ^= 1
        #expect(throws: BOLT4ReturnError.unattributable) {
            try BOLT4.decodeFailure(sharedSecrets: secrets, packet: corrupted)
        }
    }

    /// blinded-payment-onion-test.json, the outer onion only: it is created from the session
    /// key and the full route (blinded node ids for the blinded hops), and each hop processes
    /// the onion the file says it receives, reaching the next one. Blinded hops decrypt with
    /// their private key tweaked by HMAC-SHA256("blinded_node_id", ECDH(path_key, key)),
    /// BOLT #4 "Onion Decryption"; the path keys are the file's. The payloads' inner
    /// encryption (`encrypted_recipient_data`) is route blinding's own and is not checked.
    @Test func blindedPaymentOuterOnions() throws {
        let file = try Official.load("blinded-payment-onion-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        let full = (generate["full_route"] as? [String: Any])?["hops"] as? [[String: Any]] ?? []
        let ad = Official.hex(generate["associated_data"])
        let route = Official.route(full)
        let created = try BOLT4.createOnion(
            route: route, associatedData: ad, sessionKey: Official.hex(generate["session_key"]))
        #expect(created.packet.bytes == Official.hex(generate["onion"]))

        let decrypt = (file["decrypt"] as? [String: Any])?["hops"] as? [[String: Any]] ?? []
        #expect(decrypt.count == route.count)
        // The introduction node (Bob) is addressed by its real node id; the hops after it by
        // their blinded ids, which their tweaked keys match. Each hop's next_path_key is the
        // path key of the hop after it.
        var pathKey = Official.hex((generate["blinded_route"] as? [String: Any])?["first_path_key"])
        for (index, hop) in decrypt.enumerated() {
            var secret = Official.hex(hop["node_privkey"])
            if try Official.publicKey(secret) != route[index].publicKey {
                let ecdh = try Secp256k1.Point(compressed: pathKey).multiplied(by: Secp256k1.Scalar(canonical: secret))
                let tweak = HMACSHA256.mac(key: Bytes("blinded_node_id".utf8), message: SHA256.hash(ecdh.compressed))
                secret = try Secp256k1.Scalar(canonical: secret).times(Secp256k1.Scalar(reducing: tweak)).bytes
                #expect(try Official.publicKey(secret) == route[index].publicKey)
            }
            if hop["next_path_key"] != nil { pathKey = Official.hex(hop["next_path_key"]) }
            let processed: BOLT4ProcessedOnion
            do {
                processed = try BOLT4.processOnion(Official.hex(hop["onion"]), nodeSecret: secret, associatedData: ad)
            } catch {
                Issue.record("hop \(index) (\(hop["alias"] ?? "")) refused its onion: \(error)")
                return
            }
            switch processed.outcome {
            case .forward(let payload, let next):
                #expect(payload == route[index].payload.bytes)
                #expect(next.bytes == Official.hex(decrypt[index + 1]["onion"]))
            case .final(let payload):
                #expect(index == decrypt.count - 1)
                #expect(payload == route[index].payload.bytes)
            }
        }
    }
}

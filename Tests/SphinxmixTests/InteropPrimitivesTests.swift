import Foundation
import Testing
@testable import SphinxSpec

// Live checks of the profile's building blocks and limits against the real package.
@Suite(.serialized, .enabled(if: PeerLocation.shouldRun, PeerLocation.skipMessage))
struct SphinxmixInteropPrimitivesTests {
    @Test func lionessAgreesLive() throws {
        let peer = try SphinxmixPeer()
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x4c, count: 32))
        for length in [32, 33, 47, 100, 1024, 4096] {
            let key = random.bytes(16)
            let block = random.bytes(length)
            let enc = try peer.call(["op": "lioness_enc", "key": key.hex, "data": block.hex])
            #expect(try hexField(enc, "out") == LionessAES128SHA256.encrypt(key: key, block: block), "length \(length)")
            let dec = try peer.call(["op": "lioness_dec", "key": key.hex, "data": block.hex])
            #expect(try hexField(dec, "out") == LionessAES128SHA256.decrypt(key: key, block: block), "length \(length)")
        }
    }

    @Test func groupAndKeyDerivationAgreeLive() throws {
        let peer = try SphinxmixPeer()
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x47, count: 32))
        for _ in 0..<5 {
            let x = try P224.Scalar.random(using: &random)
            let y = try x.timesGenerator()
            let r = try peer.call(["op": "pubkey", "secret": x.bytes.hex])
            #expect(try hexField(r, "public_key") == y.encoded)
            let d = try peer.call(["op": "derive", "s": y.encoded.hex])
            let keys = try SphinxmixHopKeys(sharedSecret: y)
            #expect(try hexField(d, "aes_s") == keys.aesS)
            #expect(try hexField(d, "h_rho") == keys.streamCipherKey)
            #expect(try hexField(d, "h_mu") == keys.macKey)
            #expect(try hexField(d, "h_pi") == keys.payloadKey)
            #expect(try hexField(d, "h_tau") == keys.replayTag)
            #expect(P224.Scalar(reducing: try hexField(d, "b")) == keys.blindingScalar)
        }
    }

    // Both sides refuse a path one hop too long, and the largest message that fits goes through.
    @Test func limitsAgree() throws {
        let peer = try SphinxmixPeer()
        let network = try TestNetwork(size: 12, seed: 7)
        let params = SphinxmixParameters.defaults
        let maxHops = try maximumPathLength(params, final: .destination)
        #expect(maxHops == 7)
        var random = try DeterministicRandom(seed: Bytes(repeating: 1, count: 32))
        #expect(throws: SphinxError.routingInformationTooLong(available: 160, required: 173)) {
            try Sphinxmix.createForwardMessage(
                parameters: params, path: network.path(maxHops + 1), destination: [1],
                message: [], random: &random)
        }
        let error = try peer.expectFailure([
            "op": "create_forward", "params": params.json, "path": network.pathJSON(maxHops + 1),
            "dest": "01", "message": "", "random": ["x": Bytes(repeating: 3, count: 28).hex, "pad": ""],
        ])
        #expect(error.contains("Insufficient space routing info"))

        // Largest forward message for destination "bob": 998 bytes (see BadInputTests).
        let message = Bytes(repeating: 0x6d, count: 998)
        let creation = try Sphinxmix.createForwardMessage(
            parameters: params, path: network.path(2), destination: Bytes("bob".utf8),
            message: message, random: &random)
        let theirs = try peer.call([
            "op": "create_forward", "params": params.json, "path": network.pathJSON(2), "dest": Bytes("bob".utf8).hex,
            "message": message.hex,
            "random": ["x": creation.randomness.initialSecret.hex, "pad": creation.randomness.finalPadding.hex],
        ])
        #expect(try packet(from: theirs, parameters: params) == creation.packet)
        let tooLong = try peer.expectFailure([
            "op": "create_forward", "params": params.json, "path": network.pathJSON(2), "dest": Bytes("bob".utf8).hex,
            "message": (message + [0x6d]).hex,
            "random": ["x": creation.randomness.initialSecret.hex, "pad": creation.randomness.finalPadding.hex],
        ])
        #expect(tooLong.contains("Insufficient space for body"))
    }

    // Packets Swift refuses, the package refuses too: a flipped β bit, wrong associated data.
    @Test func tamperedPacketsRefusedByBoth() throws {
        let peer = try SphinxmixPeer()
        let network = try TestNetwork(size: 4, seed: 7)
        let params = try SphinxmixParameters(associatedLength: 2)
        var random = try DeterministicRandom(seed: Bytes(repeating: 2, count: 32))
        let ad: [Bytes] = [[1, 1], [2, 2]]
        let p = try Sphinxmix.createForwardMessage(
            parameters: params, path: network.path(2), destination: [7], message: [8],
            associatedData: ad, random: &random
        ).packet
        var beta = p.header.beta
        beta[3] ^= 0x10
        let tampered = SphinxmixPacket(
            header: SphinxHeader(alpha: p.header.alpha, beta: beta, gamma: p.header.gamma), delta: p.delta)
        let secret = network.keys[0].privateKey
        #expect(throws: SphinxError.headerMACMismatch) {
            try Sphinxmix.process(parameters: params, privateKey: secret, packet: tampered, associatedData: ad[0])
        }
        let e1 = try peer.expectFailure(
            ["op": "process", "params": params.json, "secret": secret.bytes.hex, "assoc": ad[0].hex]
                .merging(tampered.json) { a, _ in a })
        #expect(e1.contains("MAC mismatch"))
        let e2 = try peer.expectFailure(
            ["op": "process", "params": params.json, "secret": secret.bytes.hex, "assoc": "010101"]
                .merging(p.json) { a, _ in a })
        #expect(e2.contains("Associated data length mismatch"))
    }
}

import Foundation
import Testing
import SphinxSpec
@testable import SpecVectors

/// Recomputes the nym forward vectors' intermediate values from the primitives alone (not
/// through the Sphinx layer), so a field that means something other than SPEC.md says fails
/// here. The formulas are REFERENCES §2 / SPEC.md §4.1.
@Suite struct NymVectorSemanticsTests {
    static let info = Bytes(
        "Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh.".utf8)

    static func files() throws -> [ForwardFile] {
        let committed = try TestSupport.committedFiles()
        return try ["nym/forward_v258.json", "nym/forward_v259.json"].map {
            try JSONDecoder().decode(ForwardFile.self, from: try #require(committed[$0]))
        }
    }

    @Test func creationIntermediatesFollowTheFormulas() throws {
        for file in try Self.files() {
            for test in file.testGroups[0].tests {
                let request = test.inputs.create_forward
                let creation = test.outputs.create_forward.intermediates
                let x = request.randomness.initial_secret.bytes
                #expect(creation.initial_secret.bytes == x)
                // α_0 = X25519(x, 9); s_i = X25519(b_{i-1}, … X25519(b_0, X25519(x, y_i)))
                var blinding: [Bytes] = []
                for (i, hop) in creation.hops.enumerated() {
                    #expect(hop.public_key == request.route[i].public_key)
                    var alpha = try X25519.publicKey(secret: x)
                    var s = try X25519.scalarMult(scalar: x, point: hop.public_key.bytes)
                    for b in blinding {
                        alpha = try X25519.scalarMult(scalar: b, point: alpha)
                        s = try X25519.scalarMult(scalar: b, point: s)
                    }
                    #expect(hop.alpha.bytes == alpha, "tc \(test.tcId) hop \(i): alpha")
                    #expect(hop.shared_secret.bytes == s, "tc \(test.tcId) hop \(i): shared secret")
                    // ESS = HKDF-SHA256(ε, s, info, 288), cut into the keys.
                    let ess = try HKDFSHA256.deriveKey(salt: [], ikm: s, info: Self.info, length: 288)
                    #expect(hop.keys["expanded_shared_secret"]?.bytes == ess)
                    #expect(hop.keys["h_rho"]?.bytes == Array(ess[0..<16]))
                    #expect(hop.keys["h_mu"]?.bytes == Array(ess[16..<32]))
                    #expect(hop.keys["b"]?.bytes == Array(ess[224..<256]))
                    #expect(hop.keys["h_tau"]?.bytes == Array(ess[256..<288]))
                    // γ_i = HMAC-SHA256(h_μ, β_i)[0, 16)
                    #expect(
                        hop.gamma.bytes
                            == Array(HMACSHA256.mac(key: Array(ess[16..<32]), message: hop.beta.bytes).prefix(16)))
                    // h_π: 258 uses ESS[32, 224); 259 expands the seed ESS[32, 48).
                    let hPi =
                        request.version == 258
                        ? Array(ess[32..<224])
                        : try HKDFSHA256.deriveKey(
                            salt: Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT".utf8), ikm: Array(ess[32..<48]),
                            info: Bytes("sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO".utf8), length: 192)
                    #expect(hop.payload_key.bytes == hPi, "tc \(test.tcId) hop \(i): payload key")
                    blinding.append(Array(ess[224..<256]))
                }
                // packet = α_0 ‖ γ_0 ‖ β_0 ‖ δ_0
                let first = try #require(creation.hops.first)
                let deltas = try #require(creation.deltas)
                #expect(
                    test.outputs.create_forward.packet.bytes == first.alpha.bytes + first.gamma.bytes + first.beta.bytes
                        + deltas[0].bytes)
                // δ_ν = 0^16 ‖ m ‖ 0x01 ‖ 0…
                let plain = try #require(deltas.last).bytes
                let m = request.message.bytes
                #expect(plain == Bytes.zeros(16) + m + [1] + Bytes.zeros(request.payload_size - 17 - m.count))
                #expect(creation.filler.bytes.count == 60 * (creation.hops.count - 1))
                #expect(creation.final_padding.bytes.count == 300 - 60 * (creation.hops.count - 1) - 52)
            }
        }
    }

    @Test func processingIntermediatesFollowTheFormulas() throws {
        for file in try Self.files() {
            for test in file.testGroups[0].tests {
                for record in test.outputs.hops {
                    let packet = record.packet_in.bytes
                    let result = record.result
                    let alpha = Array(packet[0..<32]), gamma = Array(packet[32..<48]), beta = Array(packet[48..<348])
                    let s = try X25519.scalarMult(scalar: test.inputs.node_secrets[record.hop].bytes, point: alpha)
                    #expect(result.intermediates.shared_secret.bytes == s)
                    let ess = try HKDFSHA256.deriveKey(salt: [], ikm: s, info: Self.info, length: 288)
                    #expect(result.replay_tag.bytes == Array(ess[256..<288]))
                    #expect(result.intermediates.expected_gamma.bytes == gamma)
                    // B = (β ‖ 0^60) ⊕ AES-128-CTR(h_ρ, IV 0, 360 bytes)
                    let stream = try AES128CTR.keystream(key: Array(ess[0..<16]), iv: Bytes.zeros(16), length: 360)
                    let block = ByteOps.xor(beta + Bytes.zeros(60), stream)
                    #expect(result.intermediates.decrypted_block.bytes == block)
                    if result.outcome == "forward" {
                        // next packet = X25519(b, α) ‖ B[44, 60) ‖ B[60, 360) ‖ δ'
                        let next = try #require(result.next_packet).bytes
                        let deltaOut = try #require(result.intermediates.payload_out).bytes
                        let blinded = try X25519.scalarMult(scalar: Array(ess[224..<256]), point: alpha)
                        #expect(
                            next == blinded + Array(block[44..<60]) + Array(block[60..<360]) + deltaOut)
                        #expect(block[0] == 1)
                        #expect(result.delay_ns == ByteOps.readBigEndian(block[36..<44]))
                    } else {
                        #expect(block[0] == 2)
                        #expect(result.message == test.inputs.create_forward.message)
                    }
                }
            }
        }
    }
}

import Testing
@testable import SphinxSpec

/// Known answers published in the crate's own tests.
struct KnownAnswerTests {
    /// nymtech/sphinx 0.6.0 src/header/shared_secret.rs, test
    /// `results_in_same_values_as_old_implementation`, with the shared secret drawn as
    /// src/test_utils.rs `mock_shared_secret` does: sk1 = 32 bytes of ChaCha20Rng([1; 32]),
    /// pk1 = X25519(sk1, 9), sk2 = the next 32 bytes, s = X25519(sk2, pk1).
    @Test func expandedSharedSecretMatchesTheCrate() throws {
        var rng = try DeterministicRandom(seed: Bytes(repeating: 1, count: 32))
        let sk1 = rng.bytes(32)
        let pk1 = try X25519.publicKey(secret: sk1)
        let sk2 = rng.bytes(32)
        let s = try X25519.scalarMult(scalar: sk2, point: pk1)
        let keys = try NymProfile().deriveHopKeys(alpha: pk1, sharedSecret: s)

        let expectedStreamKey: Bytes = [186, 234, 152, 113, 202, 124, 191, 228, 173, 89, 91, 8, 127, 251, 214, 200]
        let expectedMACKey: Bytes = [28, 222, 17, 227, 46, 180, 170, 7, 34, 52, 177, 142, 150, 137, 142, 222]
        let expectedPayloadKey: Bytes = [
            210, 209, 81, 241, 254, 123, 36, 81, 155, 85, 115, 40, 101, 210, 97, 8, 196, 104, 61,
            23, 165, 190, 191, 236, 203, 69, 15, 230, 70, 100, 161, 136, 53, 88, 116, 118, 81, 57,
            58, 181, 232, 102, 149, 93, 239, 255, 156, 205, 0, 146, 110, 117, 137, 59, 102, 170,
            87, 250, 175, 207, 193, 107, 112, 154, 247, 220, 110, 135, 32, 106, 20, 152, 14, 132,
            89, 154, 249, 24, 176, 40, 30, 182, 195, 209, 124, 59, 58, 201, 209, 255, 80, 151, 109,
            226, 157, 232, 48, 128, 56, 159, 90, 168, 229, 60, 106, 14, 50, 215, 198, 200, 168, 24,
            159, 224, 240, 119, 23, 242, 61, 129, 54, 36, 140, 245, 127, 159, 230, 5, 52, 142, 254,
            52, 168, 171, 139, 100, 206, 16, 94, 219, 68, 113, 141, 159, 4, 233, 189, 144, 164,
            202, 180, 74, 214, 66, 96, 185, 70, 191, 155, 18, 210, 52, 123, 71, 231, 225, 79, 0,
            196, 25, 217, 231, 133, 191, 96, 119, 103, 182, 200, 36, 215, 62, 203, 149, 214, 139,
            32, 70, 66, 30, 63, 102,
        ]
        let expectedBlindingFactor: Bytes = [
            227, 64, 184, 235, 140, 62, 232, 172, 235, 42, 58, 169, 241, 253, 245, 2, 136, 149, 74,
            48, 6, 165, 145, 133, 190, 105, 222, 218, 248, 172, 49, 188,
        ]
        #expect(expectedPayloadKey.count == 192)
        #expect(keys.streamCipherKey == expectedStreamKey)
        #expect(keys.macKey == expectedMACKey)
        #expect(keys.legacyPayloadKey == expectedPayloadKey)
        #expect(try keys.payloadKey(version: .explicitPayloadKeys) == expectedPayloadKey)
        #expect(keys.blindingFactor == expectedBlindingFactor)
    }
}

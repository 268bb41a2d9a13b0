import Testing
import SphinxSpec

/// ChaCha20 known answers for both variants.
///
/// Original variant (64-bit nonce, 64-bit counter): A. Langley, draft-agl-tls-chacha20poly1305-00
/// §7 "Test vectors" (TC1–TC5, keystream for an all-zero plaintext). TC1 (all-zero key and IV)
/// is also TC1 of draft-strombergson-chacha-test-vectors-00 for a 256-bit key and 20 rounds.
/// IETF variant (96-bit nonce, 32-bit counter): RFC 8439 (Nir, Langley, 2018) §2.4.2 and
/// Appendix A.1 test vectors #1–#5 and A.2 test vector #1.
@Suite("ChaCha20 (original and RFC 8439)")
struct ChaCha20Tests {
    struct OriginalCase: Sendable, CustomTestStringConvertible {
        let name: String
        let key: String
        let nonce: String
        let keystream: String
        var testDescription: String { "draft-agl-tls-chacha20poly1305-00 §7 \(name)" }
    }

    static let originalCases: [OriginalCase] = [
        OriginalCase(
            name: "TC1 (all-zero key and nonce)",
            key: String(repeating: "00", count: 32), nonce: "0000000000000000",
            keystream: "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"),
        OriginalCase(
            name: "TC2 (key with last bit set)",
            key: String(repeating: "00", count: 31) + "01", nonce: "0000000000000000",
            keystream: "4540f05a9f1fb296d7736e7b208e3c96eb4fe1834688d2604f450952ed432d41"
                + "bbe2a0b6ea7566d2a5d1e7e20d42af2c53d792b1c43fea817e9ad275ae546963"),
        OriginalCase(
            name: "TC3 (nonce with last bit set)",
            key: String(repeating: "00", count: 32), nonce: "0000000000000001",
            keystream: "de9cba7bf3d69ef5e786dc63973f653a0b49e015adbff7134fcb7df137821031"
                + "e85a050278a7084527214f73efc7fa5b5277062eb7a0433e445f41e31afab757"),
        OriginalCase(
            name: "TC4 (nonce with first bit set)",
            key: String(repeating: "00", count: 32), nonce: "0100000000000000",
            keystream: "ef3fdfd6c61578fbf5cf35bd3dd33b8009631634d21e42ac33960bd138e50d32"
                + "111e4caf237ee53ca8ad6426194a88545ddc497a0b466e7d6bbdb0041b2f586b"),
        OriginalCase(
            name: "TC5 (sequential key and nonce, 256 bytes)",
            key: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            nonce: "0001020304050607",
            keystream: """
                f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c1
                34a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a
                38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd
                9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c7
                9db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025
                d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d7
                0eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2
                ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c9
                """),
    ]

    @Test(arguments: originalCases)
    func originalVariantKeystream(_ c: OriginalCase) throws {
        let expected = try hex(c.keystream)
        let key = try hex(c.key)
        let nonce = try hex(c.nonce)
        #expect(try ChaCha20.keystreamOriginal(key: key, nonce: nonce, length: expected.count) == expected)
        // Encrypting zeros is the keystream; encrypting the keystream gives zeros back.
        #expect(try ChaCha20.applyOriginal(key: key, nonce: nonce, to: expected) == Bytes.zeros(expected.count))
    }

    /// Starting at block n gives the keystream from byte 64·n (TC5, blocks 2 and 3).
    @Test func originalVariantCounterSeeks() throws {
        let c = Self.originalCases[4]
        let expected = try hex(c.keystream)
        let fromBlock2 = try ChaCha20.keystreamOriginal(key: hex(c.key), nonce: hex(c.nonce), counter: 2, length: 128)
        #expect(fromBlock2 == Bytes(expected[128..<256]))
    }

    /// The original variant's counter is 64 bits: block 2^32 follows block 2^32 − 1 with a carry
    /// into state word 13, unlike the IETF variant. Checked against the same keystream computed
    /// one block at a time.
    @Test func originalVariantCounterCarriesInto64Bits() throws {
        let key = Bytes(0...31)
        let nonce = Bytes.zeros(8)
        let twoBlocks = try ChaCha20.keystreamOriginal(key: key, nonce: nonce, counter: 0xffff_ffff, length: 128)
        let second = try ChaCha20.keystreamOriginal(key: key, nonce: nonce, counter: 0x1_0000_0000, length: 64)
        let blockZero = try ChaCha20.keystreamOriginal(key: key, nonce: nonce, counter: 0, length: 64)
        #expect(Bytes(twoBlocks[64...]) == second)
        #expect(second != blockZero)
    }

    /// RFC 8439 §2.4.2, the "sunscreen" encryption example: key 00…1f, nonce
    /// 000000000000004a00000000, initial counter 1.
    @Test func rfc8439Section2_4_2() throws {
        let key = Bytes(0...31)
        let nonce = try hex("000000000000004a00000000")
        let plaintext = ascii(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
        )
        let ciphertext = try ChaCha20.applyIETF(key: key, nonce: nonce, counter: 1, to: plaintext)
        #expect(
            ciphertext.hex == """
                6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b\
                f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8\
                07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736\
                5af90bbf74a35be6b40b8eedf2785e42874d
                """)
        #expect(try ChaCha20.applyIETF(key: key, nonce: nonce, counter: 1, to: ciphertext) == plaintext)
    }

    struct IETFBlockCase: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: Bytes
        let nonce: Bytes
        let counter: UInt32
        let block: String
        var testDescription: String { "RFC 8439 A.1 test vector #\(number)" }
    }

    /// RFC 8439 Appendix A.1, the ChaCha20 block function test vectors #1–#5 (the serialized
    /// block). The same words are in rand_chacha's tests `test_chacha_true_values_a/_b/_c` and
    /// `test_chacha_nonce` (from draft-nir-cfrg-chacha20-poly1305-04).
    static let ietfBlockCases: [IETFBlockCase] = [
        IETFBlockCase(
            number: 1, key: Bytes.zeros(32), nonce: Bytes.zeros(12), counter: 0,
            block: "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"),
        IETFBlockCase(
            number: 2, key: Bytes.zeros(32), nonce: Bytes.zeros(12), counter: 1,
            block: "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
                + "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"),
        IETFBlockCase(
            number: 3, key: Bytes.zeros(31) + [1], nonce: Bytes.zeros(12), counter: 1,
            block: "3aeb5224ecf849929b9d828db1ced4dd832025e8018b8160b82284f3c949aa5a"
                + "8eca00bbb4a73bdad192b5c42f73f2fd4e273644c8b36125a64addeb006c13a0"),
        IETFBlockCase(
            number: 4, key: [0, 0xff] + Bytes.zeros(30), nonce: Bytes.zeros(12), counter: 2,
            block: "72d54dfbf12ec44b362692df94137f328fea8da73990265ec1bbbea1ae9af0ca"
                + "13b25aa26cb4a648cb9b9d1be65b2c0924a66c54d545ec1b7374f4872e99f096"),
        IETFBlockCase(
            number: 5, key: Bytes.zeros(32), nonce: Bytes.zeros(11) + [2], counter: 0,
            block: "c2c64d378cd536374ae204b9ef933fcd1a8b2288b3dfa49672ab765b54ee27c7"
                + "8a970e0e955c14f3a88e741b97c286f75f8fc299e8148362fa198a39531bed6d"),
    ]

    @Test(arguments: ietfBlockCases)
    func rfc8439AppendixA1(_ c: IETFBlockCase) throws {
        #expect(try ChaCha20.keystreamIETF(key: c.key, nonce: c.nonce, counter: c.counter, length: 64).hex == c.block)
        #expect(
            try ChaCha20.applyIETF(key: c.key, nonce: c.nonce, counter: c.counter, to: Bytes.zeros(64)).hex == c.block)
    }

    /// RFC 8439 A.2 test vector #1: encrypting 64 zero bytes with the all-zero key and nonce,
    /// counter 0, gives A.1 #1's block.
    @Test func rfc8439AppendixA2Vector1() throws {
        let out = try ChaCha20.applyIETF(key: Bytes.zeros(32), nonce: Bytes.zeros(12), counter: 0, to: Bytes.zeros(64))
        #expect(out.hex == Self.ietfBlockCases[0].block)
    }

    /// The two variants agree when the IETF nonce is the 4-byte little-endian high counter
    /// word followed by the 8-byte original nonce (RFC 8439 §2.3: state words 12–15).
    @Test func variantsShareTheBlockFunction() throws {
        let key = Bytes(0...31)
        let original = try ChaCha20.keystreamOriginal(
            key: key, nonce: [1, 2, 3, 4, 5, 6, 7, 8], counter: 5, length: 100)
        let ietf = try ChaCha20.keystreamIETF(
            key: key, nonce: [0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8], counter: 5, length: 100)
        #expect(original == ietf)
    }

    /// The IETF counter is 32 bits; a request that would pass block 2^32 − 1 is refused with a
    /// typed error (libsodium itself would abort the process). The last block is allowed.
    @Test func ietfCounterOverflowIsATypedError() throws {
        let key = Bytes.zeros(32)
        let nonce = Bytes.zeros(12)
        #expect(try ChaCha20.applyIETF(key: key, nonce: nonce, counter: .max, to: Bytes.zeros(64)).count == 64)
        #expect(try ChaCha20.applyIETF(key: key, nonce: nonce, counter: .max - 1, to: Bytes.zeros(128)).count == 128)
        #expect(
            throws: PrimitiveError.invalidOutputLength(
                what: "ChaCha20 (IETF) keystream past block 2^32 - 1", requested: 65)
        ) {
            try ChaCha20.applyIETF(key: key, nonce: nonce, counter: .max, to: Bytes.zeros(65))
        }
        #expect(
            throws: PrimitiveError.invalidOutputLength(
                what: "ChaCha20 (IETF) keystream past block 2^32 - 1", requested: 129)
        ) {
            try ChaCha20.keystreamIETF(key: key, nonce: nonce, counter: .max - 1, length: 129)
        }
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        #expect(try ChaCha20.applyOriginal(key: Bytes.zeros(32), nonce: Bytes.zeros(8), to: []) == [])
        #expect(try ChaCha20.applyIETF(key: Bytes.zeros(32), nonce: Bytes.zeros(12), to: []) == [])
    }

    @Test(arguments: [0, 16, 31, 33, 64])
    func wrongKeyLengthIsATypedError(length: Int) {
        let key = Bytes(repeating: 1, count: length)
        let error = PrimitiveError.invalidLength(what: "ChaCha20 key", expected: 32, actual: length)
        #expect(throws: error) { try ChaCha20.applyOriginal(key: key, nonce: Bytes.zeros(8), to: [1]) }
        #expect(throws: error) { try ChaCha20.applyIETF(key: key, nonce: Bytes.zeros(12), to: [1]) }
        #expect(throws: error) { try ChaCha20.keystreamOriginal(key: key, length: 10) }
    }

    @Test(arguments: [0, 7, 9, 12, 16])
    func wrongOriginalNonceLengthIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "ChaCha20 (original) nonce", expected: 8, actual: length)) {
            try ChaCha20.applyOriginal(key: Bytes.zeros(32), nonce: Bytes(repeating: 0, count: length), to: [1])
        }
    }

    @Test(arguments: [0, 8, 11, 13, 24])
    func wrongIETFNonceLengthIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "ChaCha20 (IETF) nonce", expected: 12, actual: length)) {
            try ChaCha20.applyIETF(key: Bytes.zeros(32), nonce: Bytes(repeating: 0, count: length), to: [1])
        }
    }

    @Test func negativeKeystreamLengthIsATypedError() {
        #expect(throws: PrimitiveError.invalidOutputLength(what: "ChaCha20 keystream", requested: -5)) {
            try ChaCha20.keystreamOriginal(key: Bytes.zeros(32), length: -5)
        }
        #expect(throws: PrimitiveError.invalidOutputLength(what: "ChaCha20 keystream", requested: -5)) {
            try ChaCha20.keystreamIETF(key: Bytes.zeros(32), nonce: Bytes.zeros(12), length: -5)
        }
    }
}

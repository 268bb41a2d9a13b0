import Testing
import SphinxSpec

/// AES-128-CTR known answers. Source: NIST SP 800-38A (Dworkin, 2001), Appendix F.5.1
/// (CTR-AES128.Encrypt) and F.5.2 (CTR-AES128.Decrypt).
@Suite("AES-128-CTR (NIST SP 800-38A)")
struct AESCTRTests {
    static let key = "2b7e151628aed2a6abf7158809cf4f3c"
    static let initialCounter = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
    static let plaintext = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """
    static let ciphertext = """
        874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff
        5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee
        """

    @Test func sp800_38A_F5_1Encrypt() throws {
        let out = try AES128CTR.apply(key: hex(Self.key), iv: hex(Self.initialCounter), to: hex(Self.plaintext))
        #expect(out == (try hex(Self.ciphertext)))
    }

    @Test func sp800_38A_F5_2Decrypt() throws {
        let out = try AES128CTR.apply(key: hex(Self.key), iv: hex(Self.initialCounter), to: hex(Self.ciphertext))
        #expect(out == (try hex(Self.plaintext)))
    }

    /// A partial last block uses a prefix of the keystream block (SP 800-38A §6.5: the last
    /// block may be partial, only the needed most significant bits of the output block are used).
    @Test func partialBlockIsAPrefix() throws {
        let full = try AES128CTR.apply(key: hex(Self.key), iv: hex(Self.initialCounter), to: hex(Self.plaintext))
        let partial = try AES128CTR.apply(
            key: hex(Self.key), iv: hex(Self.initialCounter),
            to: Bytes(try hex(Self.plaintext).prefix(37)))
        #expect(partial == Bytes(full.prefix(37)))
        #expect(try AES128CTR.apply(key: hex(Self.key), iv: hex(Self.initialCounter), to: []) == [])
    }

    /// The counter is the whole 16-byte block read as one 128-bit big-endian integer (SP 800-38A
    /// Appendix B.1, standard incrementing function with m = 128), so the increment carries from
    /// byte 8 into byte 7. Expected values: AES-128-ECB of the counter blocks
    /// 0001020304050607ffffffffffffffff and 00010203040506080000000000000000 under the F.5.1
    /// key, computed independently with `openssl enc -aes-128-ecb -nopad` (OpenSSL 3).
    @Test func counterCarriesAcross64BitBoundary() throws {
        let keystream = try AES128CTR.keystream(
            key: hex(Self.key), iv: hex("0001020304050607ffffffffffffffff"), length: 32)
        #expect(keystream.hex == "3d88a68db0f3e3c66e7fd8c1b1cb797a2a8891d239949bea3ea4f6c17f7ea957")
    }

    /// The same, at the top: ff…ff is followed by 00…00 (the increment is modulo 2^128).
    @Test func counterWrapsModulo2To128() throws {
        let keystream = try AES128CTR.keystream(key: hex(Self.key), iv: Bytes(repeating: 0xff, count: 16), length: 32)
        #expect(keystream.hex == "8af2860142f786f409307c1a3f7eaaac7df76b0c1ab899b33e42f047b91b546f")
    }

    @Test(arguments: [0, 15, 17, 24, 32])
    func wrongKeyLengthIsATypedError(length: Int) throws {
        let iv = try hex(Self.initialCounter)
        #expect(throws: PrimitiveError.invalidLength(what: "AES-128 key", expected: 16, actual: length)) {
            try AES128CTR.apply(key: Bytes(repeating: 1, count: length), iv: iv, to: [1, 2, 3])
        }
    }

    @Test(arguments: [0, 8, 12, 15, 17])
    func wrongIVLengthIsATypedError(length: Int) throws {
        let key = try hex(Self.key)
        #expect(
            throws: PrimitiveError.invalidLength(what: "AES-CTR initial counter block", expected: 16, actual: length)
        ) {
            try AES128CTR.apply(key: key, iv: Bytes(repeating: 1, count: length), to: [1, 2, 3])
        }
    }

    @Test func negativeKeystreamLengthIsATypedError() throws {
        #expect(throws: PrimitiveError.invalidOutputLength(what: "AES-CTR keystream", requested: -1)) {
            try AES128CTR.keystream(key: hex(Self.key), iv: hex(Self.initialCounter), length: -1)
        }
    }
}

import Testing
import SphinxSpec

/// HKDF-SHA-256 known answers. Source: RFC 5869 (Krawczyk, Eronen, 2010), Appendix A.1–A.3
/// (the SHA-256 cases), both PRK and OKM.
@Suite("HKDF-SHA-256 (RFC 5869)")
struct HKDFTests {
    /// A.1 Test Case 1: basic test case with SHA-256.
    @Test func rfc5869A1() throws {
        let ikm = Bytes(repeating: 0x0b, count: 22)
        let salt = try hex("000102030405060708090a0b0c")
        let info = try hex("f0f1f2f3f4f5f6f7f8f9")
        let prk = HKDFSHA256.extract(salt: salt, ikm: ikm)
        #expect(prk.hex == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let okm = try HKDFSHA256.expand(prk: prk, info: info, length: 42)
        #expect(okm.hex == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        #expect(try HKDFSHA256.deriveKey(salt: salt, ikm: ikm, info: info, length: 42) == okm)
    }

    /// A.2 Test Case 2: longer inputs and outputs (80-byte IKM, salt and info; L = 82).
    @Test func rfc5869A2() throws {
        let ikm = Bytes(0x00...0x4f)
        let salt = Bytes(0x60...0xaf)
        let info = Bytes(0xb0...0xff)
        let prk = HKDFSHA256.extract(salt: salt, ikm: ikm)
        #expect(prk.hex == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244")
        let okm = try HKDFSHA256.expand(prk: prk, info: info, length: 82)
        #expect(
            okm.hex == """
                b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c\
                59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71\
                cc30c58179ec3e87c14c01d5c1f3434f1d87
                """)
    }

    /// A.3 Test Case 3: zero-length salt and info (an absent salt is HashLen zero bytes).
    @Test func rfc5869A3() throws {
        let ikm = Bytes(repeating: 0x0b, count: 22)
        let prk = HKDFSHA256.extract(salt: [], ikm: ikm)
        #expect(prk.hex == "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04")
        #expect(HKDFSHA256.extract(salt: Bytes.zeros(32), ikm: ikm) == prk)
        let okm = try HKDFSHA256.expand(prk: prk, info: [], length: 42)
        #expect(okm.hex == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    /// RFC 5869 §2.3: L ≤ 255·HashLen = 8160; the boundary itself is allowed, and a shorter
    /// output is a prefix of a longer one.
    @Test func outputLengthBounds() throws {
        let prk = Bytes(repeating: 7, count: 32)
        #expect(HKDFSHA256.maxOutputLength == 8160)
        let longest = try HKDFSHA256.expand(prk: prk, info: [1], length: 8160)
        #expect(longest.count == 8160)
        #expect(try HKDFSHA256.expand(prk: prk, info: [1], length: 33) == Bytes(longest.prefix(33)))
        #expect(try HKDFSHA256.expand(prk: prk, info: [1], length: 0) == [])
    }

    @Test(arguments: [8161, 10_000, -1, Int.min])
    func outputLengthOutOfRangeIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidOutputLength(what: "HKDF-Expand L", requested: length)) {
            try HKDFSHA256.expand(prk: Bytes(repeating: 7, count: 32), info: [], length: length)
        }
        #expect(throws: PrimitiveError.invalidOutputLength(what: "HKDF-Expand L", requested: length)) {
            try HKDFSHA256.deriveKey(salt: [], ikm: [1], info: [], length: length)
        }
    }
}

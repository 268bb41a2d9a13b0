import Testing
import SphinxSpec

/// BLAKE2b known answers.
///
/// Keyed: the BLAKE2 reference known-answer file `testvectors/blake2b-kat.txt` in
/// github.com/BLAKE2/BLAKE2 (keyed BLAKE2b-512, key = 00 01 … 3f, input = 00 01 … (n−1) for
/// n = 0 … 255); the lines for the input lengths below are copied verbatim.
/// Unkeyed: RFC 7693 (Saarinen, Aumasson, 2015), Appendix A, BLAKE2b-512("abc").
@Suite("BLAKE2b (RFC 7693, BLAKE2 KAT)")
struct BLAKE2bTests {
    static let katKey = Bytes(0...63)

    struct KATCase: Sendable, CustomTestStringConvertible {
        let inputLength: Int
        let hash: String
        var testDescription: String { "blake2b-kat.txt, in = \(inputLength) bytes" }
    }

    static let katCases: [KATCase] = [
        KATCase(
            inputLength: 0,
            hash:
                "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"
        ),
        KATCase(
            inputLength: 1,
            hash:
                "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd"
        ),
        KATCase(
            inputLength: 2,
            hash:
                "da2cfbe2d8409a0f38026113884f84b50156371ae304c4430173d08a99d9fb1b983164a3770706d537f49e0c916d9f32b95cc37a95b99d857436f0232c88a965"
        ),
        KATCase(
            inputLength: 63,
            hash:
                "bd965bf31e87d70327536f2a341cebc4768eca275fa05ef98f7f1b71a0351298de006fba73fe6733ed01d75801b4a928e54231b38e38c562b2e33ea1284992fa"
        ),
        KATCase(
            inputLength: 64,
            hash:
                "65676d800617972fbd87e4b9514e1c67402b7a331096d3bfac22f1abb95374abc942f16e9ab0ead33b87c91968a6e509e119ff07787b3ef483e1dcdccf6e3022"
        ),
        KATCase(
            inputLength: 65,
            hash:
                "939fa189699c5d2c81ddd1ffc1fa207c970b6a3685bb29ce1d3e99d42f2f7442da53e95a72907314f4588399a3ff5b0a92beb3f6be2694f9f86ecf2952d5b41c"
        ),
        KATCase(
            inputLength: 127,
            hash:
                "76d2d819c92bce55fa8e092ab1bf9b9eab237a25267986cacf2b8ee14d214d730dc9a5aa2d7b596e86a1fd8fa0804c77402d2fcd45083688b218b1cdfa0dcbcb"
        ),
        KATCase(
            inputLength: 128,
            hash:
                "72065ee4dd91c2d8509fa1fc28a37c7fc9fa7d5b3f8ad3d0d7a25626b57b1b44788d4caf806290425f9890a3a2a35a905ab4b37acfd0da6e4517b2525c9651e4"
        ),
        KATCase(
            inputLength: 129,
            hash:
                "64475dfe7600d7171bea0b394e27c9b00d8e74dd1e416a79473682ad3dfdbb706631558055cfc8a40e07bd015a4540dcdea15883cbbf31412df1de1cd4152b91"
        ),
        KATCase(
            inputLength: 255,
            hash:
                "142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"
        ),
    ]

    @Test(arguments: katCases)
    func blake2bKeyedKAT(_ c: KATCase) throws {
        let input = Bytes((0..<c.inputLength).map { UInt8($0) })
        #expect(try BLAKE2b.hash(input, key: Self.katKey, outputLength: 64).hex == c.hash)
    }

    /// RFC 7693 Appendix A: BLAKE2b-512("abc"), unkeyed.
    @Test func rfc7693AppendixA() throws {
        #expect(
            try BLAKE2b.hash(ascii("abc"), outputLength: 64).hex == """
                ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1\
                7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923
                """)
    }

    /// The output length is a parameter of BLAKE2b (RFC 7693 §2.5, parameter block byte 0), not
    /// a truncation: a 32-byte digest is not the prefix of the 64-byte one.
    @Test func outputLengthIsAParameterNotATruncation() throws {
        let long = try BLAKE2b.hash(ascii("abc"), outputLength: 64)
        let short = try BLAKE2b.hash(ascii("abc"), outputLength: 32)
        #expect(short.count == 32)
        #expect(short != Bytes(long.prefix(32)))
        #expect(try BLAKE2b.hash(ascii("abc"), outputLength: 16).count == 16)
    }

    /// An empty key means unkeyed (RFC 7693 §2.5: key length 0).
    @Test func emptyKeyIsUnkeyed() throws {
        #expect(
            try BLAKE2b.hash(ascii("abc"), key: [], outputLength: 64) == BLAKE2b.hash(ascii("abc"), outputLength: 64))
    }

    @Test(arguments: [0, 1, 15, 65, 128, -1])
    func outputLengthOutOfRangeIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidOutputLength(what: "BLAKE2b output", requested: length)) {
            try BLAKE2b.hash(ascii("abc"), outputLength: length)
        }
    }

    @Test(arguments: [65, 100])
    func keyTooLongIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "BLAKE2b key", expected: 64, actual: length)) {
            try BLAKE2b.hash(ascii("abc"), key: Bytes(repeating: 1, count: length), outputLength: 32)
        }
    }
}

import Testing
import SphinxSpec

/// X25519 known answers. Source: RFC 7748 (Langley, Hamburg, Turner, 2016), §5.2 and §6.1.
@Suite("X25519 (RFC 7748)")
struct X25519Tests {
    /// RFC 7748 §5.2, first single-step test vector.
    @Test func rfc7748Section5_2Vector1() throws {
        let k = try hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
        let u = try hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
        #expect(
            try X25519.scalarMult(scalar: k, point: u).hex
                == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
    }

    /// RFC 7748 §5.2, second single-step test vector. Its u-coordinate has the top bit set,
    /// which X25519 must ignore (RFC 7748 §5: "mask the most significant bit").
    @Test func rfc7748Section5_2Vector2() throws {
        let k = try hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")
        let u = try hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")
        #expect(
            try X25519.scalarMult(scalar: k, point: u).hex
                == "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")
    }

    /// RFC 7748 §5.2, the iterated test: k = u = 9; repeat (k, u) ← (X25519(k, u), k).
    /// The RFC gives k after 1, 1,000 and 1,000,000 iterations; the last is skipped (too slow
    /// for every test run).
    @Test func rfc7748Section5_2Iterated() throws {
        var k = X25519.basePoint
        var u = X25519.basePoint
        for iteration in 1...1000 {
            let next = try X25519.scalarMult(scalar: k, point: u)
            u = k
            k = next
            if iteration == 1 {
                #expect(k.hex == "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")
            }
        }
        #expect(k.hex == "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
    }

    /// RFC 7748 §6.1, the Diffie–Hellman example with Alice's and Bob's keys.
    @Test func rfc7748Section6_1DiffieHellman() throws {
        let a = try hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        let b = try hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
        let alicePublic = try X25519.publicKey(secret: a)
        let bobPublic = try X25519.publicKey(secret: b)
        #expect(alicePublic.hex == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        #expect(bobPublic.hex == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        let shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"
        #expect(try X25519.scalarMult(scalar: a, point: bobPublic).hex == shared)
        #expect(try X25519.scalarMult(scalar: b, point: alicePublic).hex == shared)
    }

    /// The u-coordinates of small order (the curve's and twist's points of order 1, 2, 4 and
    /// 8, and the non-canonical encodings p − 1, p, p + 1), as listed in D. J. Bernstein,
    /// "Curve25519: high-speed elliptic-curve cryptography", https://cr.yp.to/ecdh.html#validate,
    /// and in libsodium 1.0.18 `crypto_scalarmult/curve25519/ref10/x25519_ref10.c`
    /// (`has_small_order`). X25519 with any scalar gives 0 on them; RFC 7748 §6.1 lets a
    /// protocol reject that, and PRIM-X25519 always does.
    static let smallOrderPoints: [String] = [
        "0000000000000000000000000000000000000000000000000000000000000000",  // 0
        "0100000000000000000000000000000000000000000000000000000000000000",  // 1
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",  // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",  // order 8
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p - 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p + 1
    ]

    @Test(arguments: smallOrderPoints)
    func smallOrderPointIsRejected(point: String) throws {
        let u = try hex(point)
        for scalar in [
            try hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
            Bytes(repeating: 0xff, count: 32),
        ] {
            #expect(throws: PrimitiveError.x25519AllZeroSharedSecret) {
                try X25519.scalarMult(scalar: scalar, point: u)
            }
        }
    }

    /// The same points with the top bit of the last byte set: X25519 masks that bit (RFC 7748
    /// §5), so they are the same u and must be rejected too.
    @Test(arguments: smallOrderPoints)
    func smallOrderPointWithTopBitSetIsRejected(point: String) throws {
        var u = try hex(point)
        u[31] |= 0x80
        #expect(throws: PrimitiveError.x25519AllZeroSharedSecret) {
            try X25519.scalarMult(scalar: X25519.basePoint, point: u)
        }
    }

    /// RFC 7748 §5: clamping clears bits 0, 1, 2 and 255 and sets bit 254. Multiplying by the
    /// clamped scalar gives the same result as by the raw one.
    @Test func clampingFollowsRfc7748Section5() throws {
        let raw = Bytes(repeating: 0xff, count: 32)
        let clamped = try X25519.clamp(raw)
        #expect(clamped.hex == "f8" + String(repeating: "ff", count: 30) + "7f")
        #expect(try X25519.clamp(Bytes.zeros(32)).hex == String(repeating: "00", count: 31) + "40")
        #expect(try X25519.publicKey(secret: raw) == X25519.publicKey(secret: clamped))
    }

    /// PRIM-X25519-BASE: the fixed-base route (Edwards table, then the birational map) gives
    /// the ladder's X25519(k, 9) on edge scalars (the all-zero scalar, which libsodium's Edwards
    /// function alone would refuse; all ones; bits 254 and 255 alone) and on 600 pseudo-random
    /// ones. The RFC 7748 §6.1 keys above also go through it.
    @Test func fixedBaseRouteIsTheLadder() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
        var scalars: [Bytes] = [
            Bytes.zeros(32), Bytes(repeating: 0xff, count: 32), [8] + Bytes.zeros(31),
            Bytes.zeros(31) + [0x80], Bytes.zeros(31) + [0x40],
        ]
        for _ in 0..<600 { scalars.append((0..<32).map { _ in next() }) }
        for k in scalars {
            #expect(try X25519.publicKey(secret: k) == X25519.scalarMult(scalar: k, point: X25519.basePoint))
        }
    }

    @Test(arguments: [0, 1, 31, 33, 64])
    func wrongScalarLengthIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "X25519 scalar", expected: 32, actual: length)) {
            try X25519.scalarMult(scalar: Bytes(repeating: 1, count: length), point: X25519.basePoint)
        }
        #expect(throws: PrimitiveError.invalidLength(what: "X25519 scalar", expected: 32, actual: length)) {
            try X25519.publicKey(secret: Bytes(repeating: 1, count: length))
        }
        #expect(throws: PrimitiveError.invalidLength(what: "X25519 scalar", expected: 32, actual: length)) {
            try X25519.clamp(Bytes(repeating: 1, count: length))
        }
    }

    @Test(arguments: [0, 1, 31, 33, 64])
    func wrongPointLengthIsATypedError(length: Int) {
        #expect(throws: PrimitiveError.invalidLength(what: "X25519 u-coordinate", expected: 32, actual: length)) {
            try X25519.scalarMult(scalar: X25519.basePoint, point: Bytes(repeating: 9, count: length))
        }
    }
}

/// X25519 cases selected from Project Wycheproof, `testvectors_v1/x25519_test.json` in
/// github.com/C2SP/wycheproof (commit dac1dd4729fd1f8dd9e1e9f3dce51d783da6c166), by flag:
/// - `ZeroSharedSecret` (all 31 cases): the public key has small order, the RFC 7748 result is 0;
///   Wycheproof rates them "acceptable" and notes that some libraries reject them
///   (RFC 7748 §6.1). PRIM-X25519-ZERO requires the rejection.
/// - `NonCanonicalPublic` (the 13 cases without a zero result): u ≥ p or the top bit set; RFC 7748
///   §5 defines the value (reduce mod p, mask bit 255) and these must give Wycheproof's `shared`.
/// - `Normal` and `Ktv` (known test vectors): ordinary exchanges.
/// Only tcId, comment, keys and shared secret are taken over; the values are verbatim.
@Suite("X25519 (Wycheproof)")
struct X25519WycheproofTests {
    struct WycheproofCase: Sendable, CustomTestStringConvertible {
        let tcId: Int
        let comment: String
        let privateKey: String
        let publicKey: String
        /// nil: the shared secret is all-zero and must be refused.
        let shared: String?
        var testDescription: String { "Wycheproof x25519 tcId \(tcId): \(comment)" }
    }

    static let zeroSharedSecretCases: [WycheproofCase] = [
        WycheproofCase(
            tcId: 32, comment: "public key = 0",
            privateKey: "88227494038f2bb811d47805bcdf04a2ac585ada7f2f23389bfd4658f9ddd45e",
            publicKey: "0000000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 33, comment: "public key = 1",
            privateKey: "48232e8972b61c7e61930eb9450b5070eae1c670475685541f0476217e48184f",
            publicKey: "0100000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 63, comment: "public key with low order",
            privateKey: "e0f978dfcd3a8f1a5093418de54136a584c20b7b349afdf6c0520886f95b1272",
            publicKey: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            shared: nil),
        WycheproofCase(
            tcId: 64, comment: "public key with low order",
            privateKey: "387355d995616090503aafad49da01fb3dc3eda962704eaee6b86f9e20c92579",
            publicKey: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            shared: nil),
        WycheproofCase(
            tcId: 65, comment: "public key with low order",
            privateKey: "c8fe0df92ae68a03023fc0c9adb9557d31be7feed0d3ab36c558143daf4dbb40",
            publicKey: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 66, comment: "public key with low order",
            privateKey: "c8d74acde5934e64b9895d5ff7afbffd7f704f7dfccff7ac28fa62a1e6410347",
            publicKey: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
            shared: nil),
        WycheproofCase(
            tcId: 67, comment: "public key with low order",
            privateKey: "b85649d5120e01e8ccaf7b2fb8d81b62e8ad6f3d5c0553fdde1906cb9d79c050",
            publicKey: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
            shared: nil),
        WycheproofCase(
            tcId: 68, comment: "public key with low order",
            privateKey: "2064b2f4c9dc97ec7cf58932fdfa3265ba6ea4d11f0259b8efc8afb35db88c48",
            publicKey: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: nil),
        WycheproofCase(
            tcId: 69, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "0000000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 70, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "0100000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 71, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 72, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            shared: nil),
        WycheproofCase(
            tcId: 73, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            shared: nil),
        WycheproofCase(
            tcId: 74, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 75, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 76, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "0000000000000000000000000000000000000000000000000000000000000080",
            shared: nil),
        WycheproofCase(
            tcId: 77, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "0100000000000000000000000000000000000000000000000000000000000080",
            shared: nil),
        WycheproofCase(
            tcId: 78, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: nil),
        WycheproofCase(
            tcId: 79, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
            shared: nil),
        WycheproofCase(
            tcId: 80, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
            shared: nil),
        WycheproofCase(
            tcId: 81, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: nil),
        WycheproofCase(
            tcId: 82, comment: "public key with low order",
            privateKey: "786a33a4f7af297a20e7642925932bf509e7070fa1bc36986af1eb13f4f50b55",
            publicKey: "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: nil),
        WycheproofCase(
            tcId: 83, comment: "public key == 0",
            privateKey: "40ff586e73d61f0960dc2d763ac19e98225f1194f6fe43d5dd97ad55b3d35961",
            publicKey: "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 84, comment: "public key == 0",
            privateKey: "7887889bac4c629a101d3724f2ed8b98d936fde79e1a1f77d86779626bf8f263",
            publicKey: "0000000000000000000000000000000000000000000000000000000000000080",
            shared: nil),
        WycheproofCase(
            tcId: 85, comment: "public key == 1",
            privateKey: "584fceaebae944bfe93b2e0d0a575f706ce5ada1da2b1311c3b421f9186c7a6f",
            publicKey: "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 86, comment: "public key == 1",
            privateKey: "e07971ee820e48b0b266d8be3cdbbb5e900a43f59ee8535c6572418615de4962",
            publicKey: "0100000000000000000000000000000000000000000000000000000000000080",
            shared: nil),
        WycheproofCase(
            tcId: 117, comment: "special case public key",
            privateKey: "c8d07c46bbfb827753b92c70e49583ce8bfa44641a7382258ea903d6a832c96b",
            publicKey: "0000000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 118, comment: "special case public key",
            privateKey: "90b7ef237a055f348dcb4c4364a59d7d31edc7ab78f2ca254e2c810975c3f543",
            publicKey: "0100000000000000000000000000000000000000000000000000000000000000",
            shared: nil),
        WycheproofCase(
            tcId: 154, comment: "special case public key",
            privateKey: "18630f93598637c35da623a74559cf944374a559114c7937811041fc8605564a",
            publicKey: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: nil),
        WycheproofCase(
            tcId: 165, comment: "D = 0 in multiplication by 2",
            privateKey: "5891c9272cf9a197735b701e5715268d36d7436b7e351a3e997a0862e4807d4d",
            publicKey: "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            shared: nil),
        WycheproofCase(
            tcId: 166, comment: "D = 0 in multiplication by 2",
            privateKey: "c0f9c60aea73731d92ab5ed9f4cea122f9a6eb2577bda72f94948fea4d4cc65d",
            publicKey: "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            shared: nil),
    ]

    static let computedCases: [WycheproofCase] = [
        WycheproofCase(
            tcId: 1, comment: "normal case",
            privateKey: "c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475",
            publicKey: "504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829",
            shared: "436a2c040cf45fea9b29a0cb81b1f41458f863d0d61b453d0a982720d6d61320"),
        WycheproofCase(
            tcId: 100, comment: "RFC 7748",
            privateKey: "a046e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449a44",
            publicKey: "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
            shared: "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
        WycheproofCase(
            tcId: 101, comment: "RFC 7748",
            privateKey: "4866e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba4d",
            publicKey: "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a413",
            shared: "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
        WycheproofCase(
            tcId: 102, comment: "RFC 8037, Section A.6",
            privateKey: "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
            publicKey: "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
            shared: "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"),
        WycheproofCase(
            tcId: 87, comment: "non-canonical public key",
            privateKey: "0016b62af5cabde8c40938ebf2108e05d27fa0533ed85d70015ad4ad39762d54",
            publicKey: "efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: "b4d10e832714972f96bd3382e4d082a21a8333a16315b3ffb536061d2482360d"),
        WycheproofCase(
            tcId: 88, comment: "non-canonical public key",
            privateKey: "d83650ba7cec115881916255e3fa5fa0d6b8dcf968731bd2c9d2aec3f561f649",
            publicKey: "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: "515eac8f1ed0b00c70762322c3ef86716cd2c51fe77cec3d31b6388bc6eea336"),
        WycheproofCase(
            tcId: 89, comment: "non-canonical public key",
            privateKey: "88dd14e2711ebd0b0026c651264ca965e7e3da5082789fbab7e24425e7b4377e",
            publicKey: "f1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: "6919992d6a591e77b3f2bacbd74caf3aea4be4802b18b2bc07eb09ade3ad6662"),
        WycheproofCase(
            tcId: 90, comment: "non-canonical public key",
            privateKey: "98c2b08cbac14e15953154e3b558d42bb1268a365b0ef2f22725129d8ac5cb7f",
            publicKey: "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            shared: "9c034fcd8d3bf69964958c0105161fcb5d1ea5b8f8abb371491e42a7684c2322"),
        WycheproofCase(
            tcId: 91, comment: "non-canonical public key",
            privateKey: "c0697b6f05e0f3433b44ea352f20508eb0623098a7770853af5ca09727340c4e",
            publicKey: "0200000000000000000000000000000000000000000000000000000000000080",
            shared: "ed18b06da512cab63f22d2d51d77d99facd3c4502e4abf4e97b094c20a9ddf10"),
        WycheproofCase(
            tcId: 92, comment: "non-canonical public key",
            privateKey: "18422b58a18e0f4519b7a887b8cfb649e0bfe4b34d75963350a9944e5b7f5b7e",
            publicKey: "0300000000000000000000000000000000000000000000000000000000000080",
            shared: "448ce410fffc7e6149c5abec0ad5f3607dfde8a34e2ac3243c3009176168b432"),
        WycheproofCase(
            tcId: 93, comment: "non-canonical public key",
            privateKey: "20620d82487707bedf9ee3549e95cb9390d2618f50cf6acba47ffaa103224a6f",
            publicKey: "0400000000000000000000000000000000000000000000000000000000000080",
            shared: "03a633df01480d0d5048d92f51b20dc1d11f73e9515c699429b90a4f6903122a"),
        WycheproofCase(
            tcId: 94, comment: "non-canonical public key",
            privateKey: "285a6a7ceeb7122f2c78d99c53b2a902b490892f7dff326f89d12673c3101b53",
            publicKey: "daffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "9b01287717d72f4cfb583ec85f8f936849b17d978dbae7b837db56a62f100a68"),
        WycheproofCase(
            tcId: 95, comment: "non-canonical public key",
            privateKey: "c8e0330ae9dceeff887fba761225879a4bd2e0db08799244136e4721b2c88970",
            publicKey: "dbffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "dfe60831c9f4f96c816e51048804dbdc27795d760eced75ef575cbe3b464054b"),
        WycheproofCase(
            tcId: 96, comment: "non-canonical public key",
            privateKey: "10db6210fc1fb13382472fa1787b004b5d11868ab3a79510e0cee30f4a6df26b",
            publicKey: "dcffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "50bfa826ca77036dd2bbfd092c3f78e2e4a1f980d7c8e78f2f14dca3cce5cc3c"),
        WycheproofCase(
            tcId: 97, comment: "non-canonical public key",
            privateKey: "9041c6e044a277df8466275ca8b5ee0da7bc028648054ade5c592add3057474e",
            publicKey: "eaffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "13da5695a4c206115409b5277a934782fe985fa050bc902cba5616f9156fe277"),
        WycheproofCase(
            tcId: 98, comment: "non-canonical public key",
            privateKey: "b8d499041a6713c0f6f876db7406587fdb44582f9542356ae89cfa958a34d266",
            publicKey: "ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "63483b5d69236c63cddbed33d8e22baecc2b0ccf886598e863c844d2bf256704"),
        WycheproofCase(
            tcId: 99, comment: "non-canonical public key",
            privateKey: "c85f08e60c845f82099141a66dc4583d2b1040462c544d33d0453b20b1a6377e",
            publicKey: "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            shared: "e9db74bc88d0d9bf046ddd13f943bccbe6dbb47d49323f8dfeedc4a694991a3c"),
    ]

    @Test(arguments: zeroSharedSecretCases)
    func zeroSharedSecretIsRefused(_ c: WycheproofCase) throws {
        let k = try hex(c.privateKey)
        let u = try hex(c.publicKey)
        #expect(throws: PrimitiveError.x25519AllZeroSharedSecret) {
            try X25519.scalarMult(scalar: k, point: u)
        }
    }

    @Test(arguments: computedCases)
    func sharedSecretMatches(_ c: WycheproofCase) throws {
        let k = try hex(c.privateKey)
        let u = try hex(c.publicKey)
        #expect(try X25519.scalarMult(scalar: k, point: u).hex == c.shared)
    }
}

import Testing
import SphinxSpec

/// X25519 known answers. Source: RFC 7748 (Langley, Hamburg, Turner, 2016), §5.2 and §6.1.
@Suite("X25519 (RFC 7748)")
struct X25519Tests {
    /// RFC 7748 §5.2, first single-step test vector.
    @Test func rfc7748Section5_2Vector1() throws {
        let k = try hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
        let u = try hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")
        #expect(try X25519.scalarMult(scalar: k, point: u).hex
            == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
    }

    /// RFC 7748 §5.2, second single-step test vector. Its u-coordinate has the top bit set,
    /// which X25519 must ignore (RFC 7748 §5: "mask the most significant bit").
    @Test func rfc7748Section5_2Vector2() throws {
        let k = try hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d")
        let u = try hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")
        #expect(try X25519.scalarMult(scalar: k, point: u).hex
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
        "0000000000000000000000000000000000000000000000000000000000000000", // 0
        "0100000000000000000000000000000000000000000000000000000000000000", // 1
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", // order 8
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p - 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1
    ]

    @Test(arguments: smallOrderPoints)
    func smallOrderPointIsRejected(point: String) throws {
        let u = try hex(point)
        for scalar in [try hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
                       Bytes(repeating: 0xff, count: 32)] {
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

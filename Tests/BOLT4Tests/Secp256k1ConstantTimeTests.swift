import Testing

@testable import SphinxSpec

/// The constant-time secp256k1 arithmetic (Secp256k1FieldElement.swift, Secp256k1Jacobian.swift,
/// Secp256k1ScalarMultiplication.swift, WeierstrassScalarArithmetic.swift) against the readable
/// GMP reference (Secp256k1Reference.swift and GMP's own `mpz` arithmetic), on edge values and
/// on values drawn from a seeded source. Secp256k1Tests.swift checks against published data.
@Suite("secp256k1 constant-time arithmetic vs the GMP reference")
struct Secp256k1ConstantTimeTests {
    static let p = Secp256k1Reference.p
    static let n = Secp256k1Reference.n

    /// Field values that stress the reduction: 0, 1, 2, p − 1, p − 2, c₀ = 2³² + 977 and its
    /// neighbours, 2²⁵⁵, 2²⁵⁶ − 1 − p's gap, word patterns.
    static let edgeFieldValues: [GMPInteger] = {
        let hexes = [
            "0", "1", "2", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e",
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2d", "1000003d1", "1000003d0",
            "8000000000000000000000000000000000000000000000000000000000000000",
            "ffffffff00000000ffffffff00000000ffffffff00000000ffffffff00000000",
            "00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff00000000",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        ]
        return hexes.compactMap { GMPInteger(hex: $0) }.map { $0.mod(p) }
    }()

    static func randomBytes(_ count: Int, length: Int, seed: UInt8) throws -> [Bytes] {
        var random = try DeterministicRandom(seed: Bytes(repeating: seed, count: 32))
        return (0..<count).map { _ in random.bytes(length) }
    }

    static func element(_ value: GMPInteger) throws -> Secp256k1FieldElement {
        let bytes = try #require(value.bigEndianBytes(width: 32))
        return try #require(Secp256k1FieldElement(bigEndian: bytes))
    }

    static func integer(_ element: Secp256k1FieldElement) -> GMPInteger {
        GMPInteger(bigEndian: element.bigEndianBytes)
    }

    @Test func fieldOperationsMatchGMP() throws {
        let random = try Self.randomBytes(20, length: 32, seed: 0x24).map { GMPInteger(bigEndian: $0).mod(Self.p) }
        let values = Self.edgeFieldValues + random
        for a in values {
            let fa = try Self.element(a)
            #expect(Self.integer(fa) == a)
            for b in values {
                let fb = try Self.element(b)
                #expect(Self.integer(fa + fb) == (a + b).mod(Self.p))
                #expect(Self.integer(fa - fb) == (a - b).mod(Self.p))
                #expect(Self.integer(fa * fb) == (a * b).mod(Self.p))
            }
            #expect(Self.integer(fa.negated) == (GMPInteger() - a).mod(Self.p))
            let inverse = Self.integer(fa.inverted)
            #expect(inverse == (a.isZero ? GMPInteger() : (a.inverse(mod: Self.p) ?? GMPInteger(1))))
            let root = Self.integer(fa.squareRootCandidate)
            #expect(root == Secp256k1Reference.power(a, Secp256k1Reference.sqrtExponent))
        }
        // p itself and anything above are not field elements.
        let pBytes = try #require(Self.p.bigEndianBytes(width: 32))
        #expect(Secp256k1FieldElement(bigEndian: pBytes) == nil)
        #expect(Secp256k1FieldElement(bigEndian: Bytes(repeating: 0xff, count: 32)) == nil)
    }

    /// Edge scalars: 1, 2, the window boundaries, n − 1, n − 2, (n − 1)/2, nibble patterns
    /// (reduced mod n) and powers of two.
    static let edgeScalars: [Bytes] = {
        var hexes = [
            "1", "2", "f", "10", "11", "ff", "100", "fff", "1000",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd036413f",
            "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f",
            "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0",
        ]
        hexes += (0..<9).map { "1" + String(repeating: "0", count: 7 * $0 + 3) }
        return hexes.compactMap { GMPInteger(hex: $0) }.map {
            Secp256k1.Scalar(reducing: $0.bigEndianBytes(width: 33) ?? []).bytes
        }
    }()

    static func randomScalars(_ count: Int, seed: UInt8 = 0x5c) throws -> [Bytes] {
        try randomBytes(count, length: 32, seed: seed).map { Secp256k1.Scalar(reducing: $0).bytes }
    }

    /// The reference's k·P, compressed; nil for 𝒪.
    static func reference(_ scalar: Bytes, _ point: Bytes) -> Bytes? {
        guard let base = Secp256k1Reference.decode(point) else { return nil }
        return Secp256k1Reference.ladder(GMPInteger(bigEndian: scalar), base).finitePoint.map(
            Secp256k1Reference.compressed)
    }

    @Test func generatorMultiplesMatchReference() throws {
        let g = Secp256k1.generator.compressed
        #expect(g == Secp256k1Reference.compressed(Secp256k1Reference.generator))
        for bytes in Self.edgeScalars + (try Self.randomScalars(10)) {
            let scalar = Secp256k1.Scalar(reducing: bytes)
            let expected = try #require(Self.reference(bytes, g))
            #expect(try scalar.publicKey().compressed == expected, "k = \(bytes.hex)")
            #expect(try Secp256k1.generator.multiplied(by: scalar).compressed == expected, "k = \(bytes.hex)")
        }
    }

    @Test func multiplesOfOtherPointsMatchReference() throws {
        let points = try (try Self.randomScalars(3, seed: 0x71)).map { try Secp256k1.Scalar(reducing: $0).publicKey() }
        let scalars = Array(Self.edgeScalars.prefix(12)) + (try Self.randomScalars(4, seed: 0x72))
        for point in points {
            // Decoding agrees with the reference on both parities.
            #expect(Secp256k1Reference.decode(point.compressed).map(Secp256k1Reference.compressed) == point.compressed)
            for bytes in scalars {
                let expected = try #require(Self.reference(bytes, point.compressed))
                let product = try point.multiplied(by: Secp256k1.Scalar(reducing: bytes))
                #expect(product.compressed == expected, "k = \(bytes.hex)")
                #expect(try Secp256k1.Point(compressed: expected) == product)
            }
        }
    }

    /// Negative control: the comparison notices (k + 1)·G against the reference's k·G.
    @Test func comparisonNoticesAnOffByOneScalar() throws {
        let k = try Self.randomScalars(1, seed: 0x99)[0]
        let next = (GMPInteger(bigEndian: k) + GMPInteger(1)).bigEndianBytes(width: 33) ?? []
        let expected = try #require(Self.reference(k, Secp256k1.generator.compressed))
        #expect(try Secp256k1.Scalar(reducing: next).publicKey().compressed != expected)
        #expect(try Secp256k1.Scalar(reducing: k).publicKey().compressed == expected)
    }

    @Test func zeroScalarGivesThePointAtInfinity() throws {
        let zero = Secp256k1.Scalar(reducing: Self.n.bigEndianBytes(width: 32) ?? [])
        #expect(zero.isZero)
        #expect(throws: PrimitiveError.pointAtInfinity) { try zero.publicKey() }
        #expect(throws: PrimitiveError.pointAtInfinity) { try Secp256k1.generator.multiplied(by: zero) }
    }

    /// Scalars mod n on `mpn_sec_*` against GMP `mpz`: reduction of strings of 0 to 64 bytes,
    /// products, and the canonical-form checks.
    @Test func scalarArithmeticMatchesGMP() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x6e, count: 32))
        for length in [0, 1, 8, 31, 32, 33, 40, 64] {
            let bytes = random.bytes(length)
            let expected = GMPInteger(bigEndian: bytes).mod(Self.n)
            #expect(GMPInteger(bigEndian: Secp256k1.Scalar(reducing: bytes).bytes) == expected, "length \(length)")
        }
        let all = Self.edgeScalars + (try Self.randomScalars(6))
        for a in all {
            for b in all.prefix(8) {
                let product = Secp256k1.Scalar(reducing: a).times(Secp256k1.Scalar(reducing: b))
                let expected = (GMPInteger(bigEndian: a) * GMPInteger(bigEndian: b)).mod(Self.n)
                #expect(GMPInteger(bigEndian: product.bytes) == expected)
            }
        }
        let nMinusOne = try #require((Self.n - GMPInteger(1)).bigEndianBytes(width: 32))
        #expect(try Secp256k1.Scalar(canonical: nMinusOne).bytes == nMinusOne)
        #expect(throws: PrimitiveError.invalidScalar) {
            try Secp256k1.Scalar(canonical: Bytes(repeating: 0xff, count: 32))
        }
    }
}

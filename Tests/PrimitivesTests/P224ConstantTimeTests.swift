import Testing

@testable import SphinxSpec

/// The constant-time P-224 arithmetic (P224FieldElement.swift, P224Jacobian.swift,
/// P224ScalarMultiplication.swift) against the readable GMP reference (P224Reference.swift and
/// GMP's own `mpz` arithmetic), on edge values and on values drawn from a seeded source.
/// The Wycheproof vectors in P224Tests.swift check both against published data.
@Suite("P-224 constant-time arithmetic vs the GMP reference")
struct P224ConstantTimeTests {
    static let p = P224.p

    /// Field values that stress the reduction: 0, 1, 2, p − 1, p − 3 (= a), 2⁹⁶ and its neighbours
    /// (the middle term of p), 2²²³, patterns of all-ones words, and 2³² − 1 in every word.
    static let edgeFieldValues: [GMPInteger] = {
        let hexes = [
            "0", "1", "2", "ffffffffffffffffffffffffffffffff000000000000000000000000",
            "fffffffffffffffffffffffffffffffefffffffffffffffffffffffe",
            "1000000000000000000000000", "ffffffffffffffffffffffff", "1000000000000000000000001",
            "80000000000000000000000000000000000000000000000000000000",
            "ffffffff00000000ffffffff00000000ffffffff00000000ffffffff",
            "00000000ffffffff00000000ffffffff00000000ffffffff00000000",
            "fffffffffffffffffffffffffffffffeffffffffffffffffffffffff",
        ]
        return hexes.compactMap { GMPInteger(hex: $0) }.map { $0.mod(p) }
    }()

    static func randomFieldValues(_ count: Int) throws -> [GMPInteger] {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x24, count: 32))
        return (0..<count).map { _ in GMPInteger(bigEndian: random.bytes(P224.coordinateLength)).mod(p) }
    }

    static func element(_ value: GMPInteger) throws -> P224FieldElement {
        let bytes = try #require(value.bigEndianBytes(width: 28))
        return try #require(P224FieldElement(bigEndian: bytes))
    }

    static func integer(_ element: P224FieldElement) -> GMPInteger {
        GMPInteger(bigEndian: element.bigEndianBytes)
    }

    @Test func fieldOperationsMatchGMP() throws {
        let values = Self.edgeFieldValues + (try Self.randomFieldValues(24))
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
            #expect(Self.integer(fa.squared) == (a * a).mod(Self.p))
            let inverse = Self.integer(fa.inverted)
            if a.isZero {
                #expect(inverse.isZero)
            } else {
                #expect(inverse == (a.inverse(mod: Self.p) ?? GMPInteger()))
            }
        }
    }

    /// The reduction alone (PRIM-P224-FIELD-REDUCE) on any 448-bit input, not only on products
    /// of reduced values: 0, all ones (the largest input, where every fold carries), values whose
    /// part above 2²²⁴ is all ones or 1, values in [p, 2p) where the final masked subtraction
    /// of p is taken (p, p + 1, 2²²⁴ − 1, 2²²⁴, 2p − 1), the largest product of two reduced
    /// values (p − 1)², and 300 seeded random inputs.
    @Test func reductionMatchesGMPOnAny448BitValue() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x48, count: 32))
        var inputs: [Bytes] = [
            Bytes(repeating: 0, count: 56), Bytes(repeating: 0xff, count: 56),
            Bytes(repeating: 0xff, count: 28) + Bytes(repeating: 0, count: 28),
            Bytes(repeating: 0, count: 27) + [1] + Bytes(repeating: 0xff, count: 28),
        ]
        let one = GMPInteger(1)
        let twoTo224 = GMPInteger(bigEndian: [1] + Bytes(repeating: 0, count: 28))
        for value in [
            Self.p, Self.p + one, twoTo224 - one, twoTo224, Self.p + Self.p - one,
            (Self.p - one) * (Self.p - one),
        ] {
            inputs.append(try #require(value.bigEndianBytes(width: 56)))
        }
        for _ in 0..<300 { inputs.append(random.bytes(56)) }
        for bytes in inputs {
            // Seven 64-bit limbs, least significant first, from the big-endian bytes.
            let limbs = (0..<7).map { i in bytes[(48 - 8 * i)..<(56 - 8 * i)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
            let reduced = P224FieldElement.reduce(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5], limbs[6])
            #expect(Self.integer(reduced) == GMPInteger(bigEndian: bytes).mod(Self.p), "input \(bytes)")
        }
    }

    @Test func fieldDecodingRejectsValuesNotBelowP() throws {
        let pBytes = try #require(Self.p.bigEndianBytes(width: 28))
        #expect(P224FieldElement(bigEndian: pBytes) == nil)
        #expect(P224FieldElement(bigEndian: Bytes(repeating: 0xff, count: 28)) == nil)
        #expect(P224FieldElement(bigEndian: Bytes(repeating: 0, count: 27)) == nil)
        let pMinusOne = try #require((Self.p - GMPInteger(1)).bigEndianBytes(width: 28))
        #expect(P224FieldElement(bigEndian: pMinusOne) != nil)
    }

    /// Edge scalars: 1, 2, the window boundaries 15, 16, 17, 255, 256, n − 1, n − 2, (n − 1)/2,
    /// all-ones and alternating nibble patterns (reduced mod n), and powers of two.
    static let edgeScalars: [Bytes] = {
        var hexes = [
            "1", "2", "f", "10", "11", "ff", "100", "fff", "1000",
            "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3c",
            "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3b",
            "7fffffffffffffffffffffffffff8b51705c781f09ee94a2ae2e151e",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f",
            "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0",
            "80000000000000000000000000000000000000000000000000000000",
            "100000000000000000000000000000000",
        ]
        hexes += (0..<8).map { "1" + String(repeating: "0", count: 7 * $0 + 3) }
        return hexes.compactMap { GMPInteger(hex: $0) }.map { P224.Scalar(value: $0).bytes }
    }()

    static func randomScalars(_ count: Int) throws -> [Bytes] {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x5c, count: 32))
        return try (0..<count).map { _ in try P224.Scalar.random(using: &random).bytes }
    }

    static func reference(_ scalar: Bytes, _ point: P224.Point) -> P224.Point? {
        P224Reference.multiply(GMPInteger(bigEndian: scalar), .finite(point)).finitePoint
    }

    @Test func generatorMultiplesMatchReference() throws {
        for bytes in Self.edgeScalars + (try Self.randomScalars(12)) {
            let scalar = P224.Scalar(reducing: bytes)
            let expected = try #require(Self.reference(bytes, P224.generator))
            #expect(try scalar.timesGenerator() == expected, "k = \(bytes.hex)")
            #expect(try P224.generator.multiplied(by: scalar) == expected, "k = \(bytes.hex)")
        }
    }

    @Test func multiplesOfOtherPointsMatchReference() throws {
        let pointScalars = try Self.randomScalars(3) + [P224.Scalar(value: P224.n - GMPInteger(1)).bytes]
        let points = try pointScalars.map { try P224.Scalar(reducing: $0).timesGenerator() }
        let scalars = Array(Self.edgeScalars.prefix(12)) + (try Self.randomScalars(4))
        for point in points {
            for bytes in scalars {
                let expected = try #require(Self.reference(bytes, point))
                #expect(try point.multiplied(by: P224.Scalar(reducing: bytes)) == expected, "k = \(bytes.hex)")
            }
        }
    }

    @Test func zeroScalarGivesThePointAtInfinity() throws {
        let zero = P224.Scalar(reducing: P224.n.bigEndianBytes(width: 28) ?? [])
        #expect(zero.isZero)
        #expect(throws: PrimitiveError.pointAtInfinity) { try zero.timesGenerator() }
        #expect(throws: PrimitiveError.pointAtInfinity) { try P224.generator.multiplied(by: zero) }
    }

    /// Scalars mod n on `mpn_sec_*` (WeierstrassScalarArithmetic.swift) against GMP `mpz`: reduction of
    /// strings of 0 to 64 bytes, products, and the canonical-form checks.
    @Test func scalarArithmeticMatchesGMP() throws {
        var random = try DeterministicRandom(seed: Bytes(repeating: 0x6e, count: 32))
        let n = P224.n
        for length in [0, 1, 8, 27, 28, 29, 40, 56, 64] {
            let bytes = random.bytes(length)
            let expected = GMPInteger(bigEndian: bytes).mod(n)
            #expect(P224.Scalar(reducing: bytes).value == expected, "length \(length)")
        }
        let all = Self.edgeScalars + (try Self.randomScalars(6))
        for a in all {
            for b in all.prefix(8) {
                let product = P224.Scalar(reducing: a).times(P224.Scalar(reducing: b))
                #expect(product.value == (GMPInteger(bigEndian: a) * GMPInteger(bigEndian: b)).mod(n))
            }
        }
        // Canonical form: leading zero bytes are allowed, anything else at or above n is not.
        let one = try P224.Scalar(canonical: Bytes(repeating: 0, count: 35) + [1])
        #expect(one.bytes == Bytes(repeating: 0, count: 27) + [1])
        let nMinusOne = try #require((n - GMPInteger(1)).bigEndianBytes(width: 28))
        #expect(try P224.Scalar(canonical: nMinusOne).bytes == nMinusOne)
        #expect(throws: PrimitiveError.invalidScalar) {
            try P224.Scalar(canonical: [1] + Bytes(repeating: 0, count: 28))
        }
        #expect(throws: PrimitiveError.invalidScalar) { try P224.Scalar(canonical: []) }
        #expect(throws: PrimitiveError.invalidScalar) {
            try P224.Scalar(canonical: Bytes(repeating: 0xff, count: 28))
        }
        #expect(P224.Scalar(reducing: nMinusOne) != P224.Scalar(reducing: [1]))
        // (n − 1)·256 mod n = n − 256: equality of scalars made by different routes.
        let nMinus256 = try #require((n - GMPInteger(256)).bigEndianBytes(width: 28))
        #expect(P224.Scalar(reducing: nMinusOne + [0]) == P224.Scalar(reducing: nMinus256))
    }

    /// Negative control: the comparison notices a product that is off by one multiple of P.
    @Test func comparisonDetectsAWrongProduct() throws {
        let k = try Self.randomScalars(1)[0]
        let kPlusOne = P224.Scalar(value: GMPInteger(bigEndian: k) + GMPInteger(1)).bytes
        let wrong = try P224.Scalar(reducing: kPlusOne).timesGenerator()
        #expect(wrong != (try #require(Self.reference(k, P224.generator))))
    }

    @Test func generatorTableRowsAreMultiplesOfSixteen() throws {
        let table = P224Curve.generatorTable
        #expect(table.count == 15 * 56)
        // Row 1, entry 1 is 16·G; row 55, entry 15 is 15·16⁵⁵·G.
        let sixteen = try #require(Self.reference([16], P224.generator))
        #expect(P224.Point(table[15]) == sixteen)
        let top = try #require(GMPInteger(hex: "f" + String(repeating: "0", count: 55)))
        let topBytes = try #require(top.bigEndianBytes(width: 28))
        let topPoint = try #require(Self.reference(topBytes, P224.generator))
        #expect(P224.Point(table[15 * 55 + 14]) == topPoint)
    }
}

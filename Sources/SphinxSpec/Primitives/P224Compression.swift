/// The compressed encoding of P-224 points (SEC 1 v2, §2.3.3 and §2.3.4), the form petlib's
/// `EcPt.export()` produces by default (POINT_CONVERSION_COMPRESSED in petlib/ec.py) and so the
/// form α takes in sphinxmix's `pack_message` (SPEC.md SMX-WIRE).
///
/// Decoding needs a square root modulo p. P-224's p = 2²²⁴ − 2⁹⁶ + 1 is ≡ 1 (mod 4), so the
/// shortcut y = v^((p+1)/4) does not apply; we use the Tonelli–Shanks algorithm (Cohen, "A
/// Course in Computational Algebraic Number Theory", Algorithm 1.5.1). Like the other point
/// encodings this is not constant-time (see GMPInteger.swift): α is public data.
extension P224.Point {
    /// Length of a compressed P-224 point: one prefix byte and the 28-byte x-coordinate.
    public static let compressedLength = 1 + P224.coordinateLength

    /// The compressed encoding (0x02 + (y mod 2)) ‖ X. SPEC.md [PRIM-P224-COMPRESS].
    /// ```text
    /// prefix = 0x02 if Y is even, 0x03 if Y is odd ; out = prefix ‖ X (28 bytes, big-endian)
    /// ```
    public var compressed: Bytes {
        // Branch-free on the parity of Y (the field element's lowest bit).
        [0x02 | UInt8(truncatingIfNeeded: affine.y.limbs[0] & 1)] + xCoordinate
    }

    /// Decodes a compressed point and recovers y. SPEC.md PRIM-P224-COMPRESS (decoding half).
    /// ```text
    /// require len = 29 and byte 0 ∈ {0x02, 0x03}     ([0x00] is the point at infinity: rejected)
    /// X = bytes[1,29) as a big-endian integer; require X < p
    /// v = X³ − 3·X + b mod p ; require v is a square mod p (else X is not on the curve)
    /// Y = the square root of v whose lowest bit equals byte 0 − 0x02 (Y = p − root if needed)
    /// ```
    /// - Throws: `PrimitiveError.pointAtInfinity`, `.invalidPointEncoding` (length, prefix,
    ///   X ≥ p, or Y = 0 with prefix 0x03), `.pointNotOnCurve` (v has no square root).
    public init(compressed encoded: Bytes) throws(PrimitiveError) {
        // Step 1: shape and prefix.
        if encoded == [0x00] { throw .pointAtInfinity }
        guard encoded.count == Self.compressedLength, encoded[0] == 0x02 || encoded[0] == 0x03 else {
            throw .invalidPointEncoding
        }
        let wantOddY = encoded[0] == 0x03

        // Step 2: X must be a field element.
        let x = GMPInteger(bigEndian: Bytes(encoded[1...]))
        guard x.compare(P224.p) < 0 else { throw .invalidPointEncoding }

        // Step 3: the right-hand side of the curve equation, and its square root.
        let v = (x * x * x + P224.a * x + P224.b).mod(P224.p)
        guard let root = P224Field.squareRoot(v) else { throw .pointNotOnCurve }

        // Step 4: pick the root whose parity the prefix names.
        var y = root
        if y.bit(0) != wantOddY {
            guard !y.isZero else { throw .invalidPointEncoding }  // −0 = 0 has no odd twin
            y = (P224.p - y).mod(P224.p)
        }
        guard P224.isOnCurve(x: x, y: y) else { throw .pointNotOnCurve }  // defensive re-check
        self.init(x: x, y: y)
    }

    /// Decodes either encoding petlib's `EcPt.from_binary` accepts for a sphinxmix α: the
    /// compressed (0x02/0x03, 29 bytes) or the uncompressed (0x04, 57 bytes) form.
    /// - Throws: the errors of `init(compressed:)` and `init(encoded:)`.
    public init(compressedOrUncompressed encoded: Bytes) throws(PrimitiveError) {
        if let first = encoded.first, first == 0x02 || first == 0x03 {
            try self.init(compressed: encoded)
        } else {
            try self.init(encoded: encoded)
        }
    }
}

/// Arithmetic in the P-224 base field GF(p) that only point decompression needs.
enum P224Field {
    /// p − 1 = Q · 2^S with Q odd. For p = 2²²⁴ − 2⁹⁶ + 1: p − 1 = 2⁹⁶ · (2¹²⁸ − 1), so
    /// S = 96 and Q = 2¹²⁸ − 1. (A test checks Q · 2^S = p − 1.)
    static let twoAdicity = 96
    static let oddPart = hexConstant("ffffffffffffffffffffffffffffffff")
    /// (p − 1) / 2, the exponent of Euler's criterion.
    static let eulerExponent = hexConstant("7fffffffffffffffffffffffffffffff800000000000000000000000")
    /// (Q + 1) / 2 = 2¹²⁷.
    static let halfOddPartPlusOne = hexConstant("80000000000000000000000000000000")

    private static func hexConstant(_ hex: String) -> GMPInteger {
        GMPInteger(hex: hex) ?? GMPInteger()
    }

    /// base^exponent mod p by left-to-right square-and-multiply.
    static func power(_ base: GMPInteger, _ exponent: GMPInteger) -> GMPInteger {
        var result = GMPInteger(1)
        var index = exponent.bitWidth - 1
        while index >= 0 {
            result = (result * result).mod(P224.p)
            if exponent.bit(index) { result = (result * base).mod(P224.p) }
            index -= 1
        }
        return result
    }

    /// Euler's criterion: v is a non-zero square mod p iff v^((p−1)/2) = 1.
    static func isNonZeroSquare(_ v: GMPInteger) -> Bool {
        power(v, eulerExponent) == GMPInteger(1)
    }

    /// The smallest quadratic non-residue z ≥ 2 (found by trial, as Tonelli–Shanks prescribes).
    static let nonResidue: GMPInteger = {
        var candidate: UInt = 2
        while isNonZeroSquare(GMPInteger(candidate)) { candidate += 1 }
        return GMPInteger(candidate)
    }()

    /// A square root of v mod p, or nil when v is not a square (Tonelli–Shanks).
    static func squareRoot(_ v: GMPInteger) -> GMPInteger? {
        // Step 1: 0 is its own root; a non-square has none.
        if v.isZero { return v }
        guard isNonZeroSquare(v) else { return nil }
        let one = GMPInteger(1)

        // Step 2: initial values: M = S, c = z^Q, t = v^Q, R = v^((Q+1)/2).
        var m = twoAdicity
        var c = power(nonResidue, oddPart)
        var t = power(v, oddPart)
        var r = power(v, halfOddPartPlusOne)

        // Step 3: loop invariant R² = v·t; t's order 2^i shrinks each round until t = 1.
        while !(t == one) {
            // Find the least i in (0, M) with t^(2^i) = 1.
            var i = 0
            var t2i = t
            while !(t2i == one) {
                t2i = (t2i * t2i).mod(P224.p)
                i += 1
                if i == m { return nil }  // cannot happen for a square; kept as a guard
            }
            // b = c^(2^(M−i−1)); M = i; c = b²; t = t·b²; R = R·b.
            var b = c
            for _ in 0..<(m - i - 1) { b = (b * b).mod(P224.p) }
            m = i
            c = (b * b).mod(P224.p)
            t = (t * c).mod(P224.p)
            r = (r * b).mod(P224.p)
        }
        return r
    }
}

import CGMP

/// The NIST P-224 elliptic-curve group (secp224r1), the default group of sphinxmix 0.0.7
/// (`Group_ECC(gid=713)` in SphinxParams.py; 713 is OpenSSL's NID for secp224r1).
///
/// Curve parameters: FIPS 186-4 §D.1.2.2 (also SEC 2 v2 §2.6.2, "secp224r1"):
/// ```text
/// E: y² = x³ + a·x + b  over GF(p),  p = 2²²⁴ − 2⁹⁶ + 1,  a = p − 3
/// G = (Gx, Gy) of prime order n; cofactor 1
/// ```
/// SPEC.md [PRIM-P224-PARAMS].
///
/// **Constant-time for secret scalars.** Scalar multiplication runs on fixed-size field
/// elements with a fixed window and masked table look-ups (P224FieldElement.swift,
/// P224Jacobian.swift, P224ScalarMultiplication.swift), and scalars mod n on GMP's `mpn_sec_*`
/// functions (WeierstrassScalarArithmetic.swift). Points are public values: decoding, the on-curve
/// check and the encodings below use GMP `mpz` integers, which are not constant-time. The
/// readable affine double-and-add is kept as the test oracle in P224Reference.swift.
public enum P224 {
    /// Length of one field element or scalar in bytes: ⌈224 / 8⌉.
    public static let coordinateLength = 28
    /// Length of a scalar encoding in bytes (same as a coordinate).
    public static let scalarLength = 28
    /// Constant-time arithmetic on scalars mod n (WeierstrassScalarArithmetic.swift).
    static let scalars = WeierstrassScalarArithmetic.p224
    /// Length of an uncompressed point encoding: 0x04 ‖ X ‖ Y.
    public static let pointLength = 1 + 2 * coordinateLength

    // Published values (FIPS 186-4 §D.1.2.2), parsed once from hexadecimal. A wrong digit makes
    // the Wycheproof ECDH tests and the petlib multiple of G in P224Tests fail.
    static let p = constant("ffffffffffffffffffffffffffffffff000000000000000000000001")
    static let a = constant("fffffffffffffffffffffffffffffffefffffffffffffffffffffffe")
    static let b = constant("b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4")
    static let n = constant("ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d")
    static let gx = constant("b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21")
    static let gy = constant("bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34")

    private static func constant(_ hex: String) -> GMPInteger {
        // The strings above are fixed, valid hex; a nil here could only come from editing them,
        // and the tests would fail at once. Zero keeps this path crash-free.
        GMPInteger(hex: hex) ?? GMPInteger()
    }

    /// The base point G.
    public static let generator = Point(x: gx, y: gy)

    // MARK: - Points

    /// A point of the group other than the point at infinity. Every public way to obtain a
    /// `Point` checks that it lies on the curve, so a `Point` value is always valid.
    ///
    /// Stored as fixed-size field elements (P224FieldElement.swift), so a point computed from a
    /// secret (the shared secret s) is encoded and re-read without GMP `mpz`. The GMP views `x`
    /// and `y` serve the reference arithmetic and decompression, which only see public points.
    public struct Point: Equatable, Sendable {
        let affine: P224AffinePoint

        /// A point computed by the constant-time arithmetic, which only produces curve points.
        init(_ fieldPoint: P224AffinePoint) { self.affine = fieldPoint }

        /// A point from GMP coordinates below p (public data: constants, the reference
        /// arithmetic, decompression).
        init(x: GMPInteger, y: GMPInteger) {
            let width = P224.coordinateLength
            guard
                let fx = P224FieldElement(bigEndian: x.bigEndianBytes(width: width) ?? []),
                let fy = P224FieldElement(bigEndian: y.bigEndianBytes(width: width) ?? [])
            else { preconditionFailure("coordinates below p") }
            self.init(P224AffinePoint(x: fx, y: fy))
        }

        /// The coordinates as GMP integers (public points only: `mpz` is not constant-time).
        var x: GMPInteger { GMPInteger(bigEndian: affine.x.bigEndianBytes) }
        var y: GMPInteger { GMPInteger(bigEndian: affine.y.bigEndianBytes) }

        /// Decodes an uncompressed point (SEC 1 v2 §2.3.4, uncompressed form only) and checks it.
        /// SPEC.md [PRIM-P224-DECODE].
        /// ```text
        /// require len = 57 and byte 0 = 0x04      (0x00 alone is the point at infinity: rejected)
        /// X = bytes[1,29), Y = bytes[29,57) as big-endian integers; require X < p and Y < p
        /// require Y² ≡ X³ + a·X + b (mod p)
        /// ```
        /// Compressed encodings (0x02/0x03), which petlib would also accept, are rejected: a
        /// sphinxmix packet always carries the uncompressed form. The shape (length, prefix) is
        /// public; the range and curve checks run on field elements as masks, and only their
        /// verdict is declassified, because the profile re-reads its secret s this way
        /// [CT-DECLASSIFY-P224-POINT] (for s, computed by the group law, it is always "valid").
        /// - Throws: `PrimitiveError.pointAtInfinity`, `.invalidPointEncoding`, `.pointNotOnCurve`.
        public init(encoded: Bytes) throws(PrimitiveError) {
            if encoded == [0x00] { throw .pointAtInfinity }
            guard encoded.count == P224.pointLength, encoded[0] == 0x04 else {
                throw .invalidPointEncoding
            }
            let (x, xValid) = P224FieldElement.parse(bigEndian: Bytes(encoded[1..<29]))
            let (y, yValid) = P224FieldElement.parse(bigEndian: Bytes(encoded[29..<57]))
            let right = x.squared * x - (x + x + x) + P224.curveB
            let verdict = Declassify.publish((xValid & yValid, (y.squared - right).isZeroMask))
            guard verdict.0 != 0 else { throw .invalidPointEncoding }
            guard verdict.1 != 0 else { throw .pointNotOnCurve }
            self.init(P224AffinePoint(x: x, y: y))
        }

        /// The uncompressed encoding 0x04 ‖ X ‖ Y, each coordinate 28 bytes big-endian (petlib's
        /// `export(POINT_CONVERSION_UNCOMPRESSED)`). SPEC.md [PRIM-P224-ENCODE]. Branch-free.
        public var encoded: Bytes { [0x04] + affine.x.bigEndianBytes + affine.y.bigEndianBytes }

        /// The x-coordinate as 28 big-endian bytes: the ECDH shared secret of SEC 1 §3.3.1,
        /// which is what the Wycheproof ECDH vectors record.
        public var xCoordinate: Bytes { affine.x.bigEndianBytes }

        /// The y-coordinate as 28 big-endian bytes.
        var yCoordinate: Bytes { affine.y.bigEndianBytes }

        /// The same point over fixed-size field elements (P224FieldElement.swift).
        var fieldPoint: P224AffinePoint { affine }

        /// `scalar · self` by the constant-time fixed window of PRIM-P224-MUL.
        /// - Throws: `PrimitiveError.pointAtInfinity` if the product is the point at infinity,
        ///   which for a group of prime order happens only when the scalar is 0 mod n.
        public func multiplied(by scalar: Scalar) throws(PrimitiveError) -> Point {
            guard let result = P224ScalarMultiplication.multiply(scalar.bytes, fieldPoint) else {
                throw .pointAtInfinity
            }
            return Point(result)
        }

        /// Equality of the fully reduced coordinates, without an early exit.
        public static func == (l: Point, r: Point) -> Bool { l.affine == r.affine }
    }

    /// b as a field element.
    static let curveB: P224FieldElement = {
        guard let value = P224FieldElement(bigEndian: b.bigEndianBytes(width: coordinateLength) ?? []) else {
            preconditionFailure("the published b is below p")
        }
        return value
    }()

    /// Checks the curve equation y² ≡ x³ + a·x + b (mod p).
    static func isOnCurve(x: GMPInteger, y: GMPInteger) -> Bool {
        let left = (y * y).mod(p)
        let right = (x * x * x + a * x + b).mod(p)
        return left == right
    }

    // MARK: - Scalars

    /// An integer modulo the group order n. SPEC.md [PRIM-P224-SCALAR]: scalars are reduced mod
    /// n on creation and multiplied mod n (`Bn.mod_mul` in sphinxmix's `Group_ECC.expon`).
    /// The arithmetic is constant-time (WeierstrassScalarArithmetic.swift, GMP's `mpn_sec_*`).
    public struct Scalar: Equatable, Sendable {
        /// Four limbs, least significant first, below n.
        let limbs: WeierstrassScalarArithmetic.Limbs

        private init(limbs: WeierstrassScalarArithmetic.Limbs) { self.limbs = limbs }

        /// `value mod n`, for tests and the reference arithmetic (not constant-time: GMP `mpz`).
        init(value: GMPInteger) {
            let reduced = value.mod(P224.n)
            self.init(reducing: reduced.bigEndianBytes(width: P224.scalarLength) ?? [])
        }

        /// The value as a GMP integer, for tests and the reference arithmetic.
        var value: GMPInteger { GMPInteger(bigEndian: bytes) }

        /// The big-endian integer `bytes` encodes, reduced mod n: sphinxmix's `makeexp`
        /// (`Bn.from_binary(data) % order`). Any length is accepted, the empty string is 0.
        public init(reducing bytes: Bytes) {
            self.init(limbs: P224.scalars.reduce(P224.scalars.limbs(bigEndian: bytes)))
        }

        /// A scalar given in canonical form: big-endian, any length (leading zeros allowed),
        /// value in [1, n). Used for node private keys and the sender's secret x.
        /// - Throws: `PrimitiveError.invalidScalar` if the value is 0 or not below n.
        public init(canonical bytes: Bytes) throws(PrimitiveError) {
            // Bytes before the last 28 must all be zero; their count is public.
            let extra = bytes.count > P224.scalarLength ? bytes.prefix(bytes.count - P224.scalarLength) : []
            var extraBits: UInt8 = 0
            for byte in extra { extraBits |= byte }
            let candidate = P224.scalars.limbs(bigEndian: Bytes(bytes.suffix(P224.scalarLength)))
            let valid =
                P224.scalars.isBelowOrderMask(candidate) & ~P224.scalars.isZeroMask(candidate)
                & P224.scalars.isZeroMask([mp_limb_t(extraBits)])
            guard Self.publicVerdict(valid) else { throw .invalidScalar }
            self.init(limbs: candidate)
        }

        /// Draws a uniform scalar in [1, n) by rejection sampling 28-byte big-endian strings,
        /// as OpenSSL's `BN_rand_range` (behind petlib's `order.random()`) draws one in [0, n).
        /// SPEC.md [PRIM-P224-RANDOM]. Zero is also rejected: it would make every α the
        /// point at infinity. With n ≈ 2²²⁴ − 2¹¹², a draw is rejected with probability ≈ 2⁻¹¹².
        ///
        /// A broken source (one that keeps returning zeros or values ≥ n) would loop forever;
        /// after 64 rejections, which an honest source reaches with probability ≈ 2⁻⁷¹⁶⁸, this
        /// gives up with `PrimitiveError.invalidScalar`.
        public static func random(using source: inout some RandomSource) throws(PrimitiveError) -> Scalar {
            for _ in 0..<64 {
                let candidate = P224.scalars.limbs(bigEndian: source.bytes(P224.scalarLength))
                let accepted =
                    P224.scalars.isBelowOrderMask(candidate) & ~P224.scalars.isZeroMask(candidate)
                if Self.publicVerdict(accepted) { return Scalar(limbs: candidate) }
            }
            throw .invalidScalar
        }

        /// `self · other mod n`.
        public func times(_ other: Scalar) -> Scalar {
            Scalar(limbs: P224.scalars.multiply(limbs, other.limbs))
        }

        /// 28 big-endian bytes.
        public var bytes: Bytes { P224.scalars.bytes(limbs) }

        /// Whether the scalar is 0. Declassifies that one fact (a zero exponent is refused).
        public var isZero: Bool { Self.publicVerdict(P224.scalars.isZeroMask(limbs)) }

        /// A verdict on a secret scalar that the protocol makes public [CT-DECLASSIFY-P224-SCALAR]:
        /// whether a key is valid (an invalid one is refused), whether a random draw was
        /// rejected (it is drawn again), whether a product of exponents is zero (it fails).
        private static func publicVerdict(_ mask: UInt64) -> Bool { Declassify.publish(mask) != 0 }

        /// `self · G` with the precomputed generator table (PRIM-P224-MUL-BASE).
        /// - Throws: `PrimitiveError.pointAtInfinity` when the scalar is zero.
        public func timesGenerator() throws(PrimitiveError) -> Point {
            guard let result = P224ScalarMultiplication.multiplyGenerator(bytes) else { throw .pointAtInfinity }
            return Point(result)
        }

        /// Equality without an early exit.
        public static func == (l: Scalar, r: Scalar) -> Bool {
            P224.scalars.equalMask(l.limbs, r.limbs) != 0
        }
    }
}

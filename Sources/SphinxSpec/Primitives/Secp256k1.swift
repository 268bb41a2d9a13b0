/// The secp256k1 elliptic-curve group, the group of the bolt4 profile (Lightning's onion,
/// BOLT #4 "Shared Secret" and "Blinding Ephemeral Onion Keys").
///
/// Curve parameters: SEC 2 v2 §2.4.1 ("Recommended Parameters secp256k1"):
/// ```text
/// E: y² = x³ + 7  over GF(p),  p = 2²⁵⁶ − 2³² − 977   (a = 0, b = 7)
/// G = (Gx, Gy) of prime order n; cofactor 1
/// ```
/// SPEC.md [PRIM-SECP256K1-PARAMS].
///
/// **Constant-time for secrets.** Points are held as fixed-limb field elements
/// (Secp256k1FieldElement.swift); scalar multiplication is a fixed window (signed 5-bit digits) with masked
/// table look-ups over Jacobian coordinates (Secp256k1Jacobian.swift,
/// Secp256k1ScalarMultiplication.swift); scalars mod n use GMP's `mpn_sec_*` functions
/// (WeierstrassScalarArithmetic.swift); compression of a (possibly secret) product is
/// branch-free. Decoding a received point branches on its validity: its input is public. The
/// readable GMP `mpz` ladder is kept as the test oracle in Secp256k1Reference.swift.
public enum Secp256k1 {
    /// Length of one field element or scalar in bytes.
    public static let coordinateLength = 32
    /// Length of a scalar encoding in bytes.
    public static let scalarLength = 32
    /// Constant-time arithmetic on scalars mod n (WeierstrassScalarArithmetic.swift).
    static let scalars = WeierstrassScalarArithmetic.secp256k1
    /// Length of a compressed point: (0x02 | 0x03) ‖ X (SEC 1 v2 §2.3.3).
    public static let compressedPointLength = 1 + coordinateLength

    /// b = 7, the curve's constant term.
    static let curveB = Secp256k1FieldElement(limbs: [7, 0, 0, 0])

    /// The base point G (SEC 2 v2 §2.4.1). A wrong digit makes the known-answer tests
    /// (multiples of G, the BOLT #4 node keys) fail.
    public static let generator = Point(
        affine: Secp256k1AffinePoint(
            x: Secp256k1FieldElement(limbs: [
                0x59f2_815b_16f8_1798, 0x029b_fcdb_2dce_28d9, 0x55a0_6295_ce87_0b07, 0x79be_667e_f9dc_bbac,
            ]),
            y: Secp256k1FieldElement(limbs: [
                0x9c47_d08f_fb10_d4b8, 0xfd17_b448_a685_5419, 0x5da4_fbfc_0e11_08a8, 0x483a_da77_26a3_c465,
            ])))

    // MARK: - Points

    /// A point of the group other than the point at infinity. Every public way to obtain a
    /// `Point` checks it or computes it by the group law, so a `Point` always lies on the curve.
    public struct Point: Equatable, Sendable {
        let affine: Secp256k1AffinePoint

        init(affine: Secp256k1AffinePoint) { self.affine = affine }

        /// Decodes a compressed point (SEC 1 v2 §2.3.4, steps 2.1–2.4 for a prime field).
        /// SPEC.md [PRIM-SECP256K1-DECODE].
        /// ```text
        /// require len = 33 and P[0] ∈ {0x02, 0x03}   (the one byte 0x00 is 𝒪: rejected)
        /// X = P[1,33) big-endian; require X < p
        /// c = X³ + 7 mod p ; Y = c^((p+1)/4) mod p ; require Y² ≡ c   (else not on the curve)
        /// if Y mod 2 ≠ P[0] − 2 then Y = p − Y
        /// ```
        /// Uncompressed (0x04) and hybrid (0x06/0x07) forms are rejected: BOLT #4 carries a
        /// 33-byte `point`. The input is public (α, a node ID), so the verdicts branch. Y is
        /// never 0: x³ = −7 has no solution in GF(p), the group having odd order.
        /// - Throws: `PrimitiveError.pointAtInfinity`, `.invalidPointEncoding`, `.pointNotOnCurve`.
        public init(compressed encoded: Bytes) throws(PrimitiveError) {
            if encoded == [0x00] { throw .pointAtInfinity }
            guard encoded.count == Secp256k1.compressedPointLength, encoded[0] == 0x02 || encoded[0] == 0x03 else {
                throw .invalidPointEncoding
            }
            guard let x = Secp256k1FieldElement(bigEndian: Bytes(encoded[1...])) else { throw .invalidPointEncoding }
            let c = x.squared * x + Secp256k1.curveB
            let root = c.squareRootCandidate
            guard root.squared == c else { throw .pointNotOnCurve }
            let wantParity = UInt64(encoded[0] & 1)
            let y = root.parity == wantParity ? root : Secp256k1FieldElement.zero - root
            self.init(affine: Secp256k1AffinePoint(x: x, y: y))
        }

        /// The compressed encoding (0x02 + (Y mod 2)) ‖ X, X as 32 big-endian bytes (SEC 1 v2
        /// §2.3.3 with point compression). SPEC.md [PRIM-SECP256K1-ENCODE]. Branch-free: the
        /// ECDH point a hop computes is secret until it is hashed.
        public var compressed: Bytes {
            [0x02 | UInt8(truncatingIfNeeded: affine.y.parity)] + affine.x.bigEndianBytes
        }

        /// `scalar · self` by the constant-time fixed window of PRIM-SECP256K1-MUL.
        /// - Throws: `PrimitiveError.pointAtInfinity` when the product is 𝒪 (scalar ≡ 0 mod n).
        public func multiplied(by scalar: Scalar) throws(PrimitiveError) -> Point {
            guard let result = Secp256k1ScalarMultiplication.multiply(scalar.bytes, affine) else {
                throw .pointAtInfinity
            }
            return Point(affine: result)
        }

        /// Equality of the fully reduced coordinates, without an early exit.
        public static func == (l: Point, r: Point) -> Bool { l.affine.x == r.affine.x && l.affine.y == r.affine.y }
    }

    // MARK: - Scalars

    /// An integer modulo the group order n. SPEC.md [PRIM-SECP256K1-SCALAR]. The arithmetic
    /// is constant-time (WeierstrassScalarArithmetic.swift, GMP's `mpn_sec_*`).
    public struct Scalar: Equatable, Sendable {
        /// Four limbs, least significant first, below n.
        let limbs: WeierstrassScalarArithmetic.Limbs

        private init(limbs: WeierstrassScalarArithmetic.Limbs) { self.limbs = limbs }

        /// The big-endian integer `bytes` encodes, reduced mod n. Used for blinding factors
        /// (a SHA-256 output, BOLT #4 "Blinding Ephemeral Onion Keys"), as libsecp256k1's
        /// tweak functions read them after checking them below n (a SHA-256 output is ≥ n
        /// with probability ≈ 2⁻¹²⁸). Any length is accepted; the empty string is 0.
        public init(reducing bytes: Bytes) {
            self.init(limbs: Secp256k1.scalars.reduce(Secp256k1.scalars.limbs(bigEndian: bytes)))
        }

        /// A private key: exactly 32 big-endian bytes with value in [1, n) (libsecp256k1's
        /// `secp256k1_ec_seckey_verify`). Whether the key is valid is declassified.
        /// - Throws: `PrimitiveError.invalidLength` for another length, `.invalidScalar` for
        ///   zero or a value not below n.
        public init(canonical bytes: Bytes) throws(PrimitiveError) {
            try requireLength(bytes, Secp256k1.scalarLength, "secp256k1 private key")
            let candidate = Secp256k1.scalars.limbs(bigEndian: bytes)
            let valid =
                Secp256k1.scalars.isBelowOrderMask(candidate) & ~Secp256k1.scalars.isZeroMask(candidate)
            guard Self.publicVerdict(valid) else { throw .invalidScalar }
            self.init(limbs: candidate)
        }

        /// A verdict on a secret scalar that the protocol makes public [CT-DECLASSIFY-SCALAR]:
        /// whether a private key is valid (an invalid one is refused) and whether a product of
        /// exponents is zero (the operation fails). Only the one bit leaves.
        private static func publicVerdict(_ mask: UInt64) -> Bool { Declassify.publish(mask) != 0 }

        /// `self · other mod n`.
        public func times(_ other: Scalar) -> Scalar {
            Scalar(limbs: Secp256k1.scalars.multiply(limbs, other.limbs))
        }

        /// Whether the scalar is 0 (declassified, as `publicVerdict` says).
        public var isZero: Bool { Self.publicVerdict(Secp256k1.scalars.isZeroMask(limbs)) }

        /// 32 big-endian bytes.
        public var bytes: Bytes { Secp256k1.scalars.bytes(limbs) }

        /// `self · G` with the precomputed generator table (PRIM-SECP256K1-MUL-BASE): the
        /// public key of a private key.
        /// - Throws: `PrimitiveError.pointAtInfinity` for the zero scalar.
        public func publicKey() throws(PrimitiveError) -> Point {
            guard let result = Secp256k1ScalarMultiplication.multiplyGenerator(bytes) else { throw .pointAtInfinity }
            return Point(affine: result)
        }

        /// Equality without an early exit.
        public static func == (l: Scalar, r: Scalar) -> Bool {
            Secp256k1.scalars.equalMask(l.limbs, r.limbs) != 0
        }
    }
}

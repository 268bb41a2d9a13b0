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
/// **Not constant-time.** Scalar multiplication is a Montgomery ladder, so the sequence of
/// group operations (one addition and one doubling per scalar bit, over all 256 bits) does
/// not depend on the scalar; but the field arithmetic is GMP's `mpz_*`, whose running time
/// and memory use depend on the values, and the affine formulas branch on special cases.
/// SPEC.md §10 says the same. This is a reference for reading and for vectors, not a wallet.
public enum Secp256k1 {
    /// Length of one field element or scalar in bytes.
    public static let coordinateLength = 32
    /// Length of a scalar encoding in bytes.
    public static let scalarLength = 32
    /// Length of a compressed point: (0x02 | 0x03) ‖ X (SEC 1 v2 §2.3.3).
    public static let compressedPointLength = 1 + coordinateLength

    // Published values (SEC 2 v2 §2.4.1), parsed once. A wrong digit makes the known-answer
    // tests (BIP-340/SEC multiples of G, the BOLT #4 node keys) fail.
    static let p = constant("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")
    static let b = GMPInteger(7)
    static let n = constant("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
    static let gx = constant("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
    static let gy = constant("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")
    /// (p + 1) / 4: since p ≡ 3 (mod 4), a square root of a square c is c^((p+1)/4).
    static let sqrtExponent = constant("3fffffffffffffffffffffffffffffffffffffffffffffffffffffffbfffff0c")

    private static func constant(_ hex: String) -> GMPInteger {
        // Fixed, valid hex; nil could only come from editing the strings, which the tests catch.
        GMPInteger(hex: hex) ?? GMPInteger()
    }

    /// The base point G.
    public static let generator = Point(x: gx, y: gy)

    // MARK: - Points

    /// A point of the group other than the point at infinity. Every public way to obtain a
    /// `Point` checks it, so a `Point` value always lies on the curve.
    public struct Point: Equatable, Sendable {
        let x: GMPInteger
        let y: GMPInteger

        init(x: GMPInteger, y: GMPInteger) {
            self.x = x
            self.y = y
        }

        /// Decodes a compressed point (SEC 1 v2 §2.3.4, steps 2.1–2.4 for a prime field).
        /// SPEC.md [PRIM-SECP256K1-DECODE].
        /// ```text
        /// require len = 33 and P[0] ∈ {0x02, 0x03}   (the one byte 0x00 is 𝒪: rejected)
        /// X = P[1,33) big-endian; require X < p
        /// c = X³ + 7 mod p ; Y = c^((p+1)/4) mod p ; require Y² ≡ c   (else not on the curve)
        /// if Y mod 2 ≠ P[0] − 2 then Y = p − Y
        /// ```
        /// Uncompressed (0x04) and hybrid (0x06/0x07) forms are rejected: BOLT #4 carries a
        /// 33-byte `point`.
        /// - Throws: `PrimitiveError.pointAtInfinity`, `.invalidPointEncoding`, `.pointNotOnCurve`.
        public init(compressed encoded: Bytes) throws(PrimitiveError) {
            if encoded == [0x00] { throw .pointAtInfinity }
            guard encoded.count == Secp256k1.compressedPointLength, encoded[0] == 0x02 || encoded[0] == 0x03 else {
                throw .invalidPointEncoding
            }
            let x = GMPInteger(bigEndian: Bytes(encoded[1...]))
            guard x.compare(Secp256k1.p) < 0 else { throw .invalidPointEncoding }
            let c = (x * x * x + Secp256k1.b).mod(Secp256k1.p)
            let root = Secp256k1.power(c, Secp256k1.sqrtExponent)
            guard (root * root).mod(Secp256k1.p) == c else { throw .pointNotOnCurve }
            let wantOdd = encoded[0] == 0x03
            let y = root.bit(0) == wantOdd ? root : (Secp256k1.p - root).mod(Secp256k1.p)
            self.init(x: x, y: y)
        }

        /// The compressed encoding (0x02 + (Y mod 2)) ‖ X, X as 32 big-endian bytes (SEC 1 v2
        /// §2.3.3 with point compression). SPEC.md [PRIM-SECP256K1-ENCODE].
        public var compressed: Bytes {
            // Coordinates are reduced mod p < 2²⁵⁶, so 32 bytes always suffice.
            let xBytes = x.bigEndianBytes(width: Secp256k1.coordinateLength) ?? Bytes.zeros(Secp256k1.coordinateLength)
            return [y.bit(0) ? 0x03 : 0x02] + xBytes
        }

        /// `scalar · self`. SPEC.md see PRIM-SECP256K1-MUL.
        /// - Throws: `PrimitiveError.pointAtInfinity` when the product is 𝒪 (scalar ≡ 0 mod n).
        public func multiplied(by scalar: Scalar) throws(PrimitiveError) -> Point {
            guard let result = Secp256k1.ladder(scalar.value, self).finitePoint else { throw .pointAtInfinity }
            return result
        }

        public static func == (l: Point, r: Point) -> Bool { l.x == r.x && l.y == r.y }
    }

    /// `base^exponent mod p` by left-to-right square-and-multiply (only used with the public
    /// exponent (p+1)/4 on public values).
    static func power(_ base: GMPInteger, _ exponent: GMPInteger) -> GMPInteger {
        var result = GMPInteger(1)
        var i = exponent.bitWidth - 1
        while i >= 0 {
            result = (result * result).mod(p)
            if exponent.bit(i) { result = (result * base).mod(p) }
            i -= 1
        }
        return result
    }

    /// A point or the point at infinity 𝒪; 𝒪 only appears inside the arithmetic.
    enum GroupElement {
        case infinity
        case finite(Point)

        var finitePoint: Point? {
            if case .finite(let point) = self { return point }
            return nil
        }
    }

    /// Affine addition (Hankerson, Menezes, Vanstone, "Guide to Elliptic Curve Cryptography",
    /// §3.1.2). SPEC.md [PRIM-SECP256K1-ADD].
    /// ```text
    /// 𝒪 + Q = Q ; P + 𝒪 = P ; P + (−P) = 𝒪 ; P + P = 2P
    /// λ = (y₂ − y₁) / (x₂ − x₁) ; x₃ = λ² − x₁ − x₂ ; y₃ = λ(x₁ − x₃) − y₁
    /// ```
    static func add(_ lhs: GroupElement, _ rhs: GroupElement) -> GroupElement {
        guard case .finite(let p1) = lhs else { return rhs }
        guard case .finite(let p2) = rhs else { return lhs }
        if p1.x == p2.x { return p1.y == p2.y ? double(lhs) : .infinity }
        guard let inverse = (p2.x - p1.x).mod(p).inverse(mod: p) else { return .infinity }
        let lambda = ((p2.y - p1.y) * inverse).mod(p)
        let x3 = (lambda * lambda - p1.x - p2.x).mod(p)
        let y3 = (lambda * (p1.x - x3) - p1.y).mod(p)
        return .finite(Point(x: x3, y: y3))
    }

    /// Affine doubling with a = 0 (same source, §3.1.2). SPEC.md [PRIM-SECP256K1-DOUBLE].
    /// ```text
    /// 2𝒪 = 𝒪 ; if y = 0 then 2P = 𝒪
    /// λ = 3x² / (2y) ; x₃ = λ² − 2x ; y₃ = λ(x − x₃) − y
    /// ```
    static func double(_ value: GroupElement) -> GroupElement {
        guard case .finite(let point) = value, !point.y.isZero else { return .infinity }
        guard let inverse = (GMPInteger(2) * point.y).mod(p).inverse(mod: p) else { return .infinity }
        let lambda = (GMPInteger(3) * point.x * point.x * inverse).mod(p)
        let x3 = (lambda * lambda - GMPInteger(2) * point.x).mod(p)
        let y3 = (lambda * (point.x - x3) - point.y).mod(p)
        return .finite(Point(x: x3, y: y3))
    }

    /// k·P by the Montgomery ladder over all 256 bit positions. SPEC.md [PRIM-SECP256K1-MUL].
    /// ```text
    /// R0 = 𝒪 ; R1 = P           (invariant: R1 − R0 = P)
    /// for i from 255 down to 0:
    ///   if bit i of k = 0: R1 = R0 + R1 ; R0 = 2·R0
    ///   else:              R0 = R0 + R1 ; R1 = 2·R1
    /// return R0
    /// ```
    /// The same two operations run for every bit; which register receives which result
    /// still branches on the bit, and GMP's timing depends on the values (see the type's note).
    static func ladder(_ k: GMPInteger, _ point: Point) -> GroupElement {
        var r0 = GroupElement.infinity
        var r1 = GroupElement.finite(point)
        for i in stride(from: 8 * scalarLength - 1, through: 0, by: -1) {
            if k.bit(i) {
                r0 = add(r0, r1)
                r1 = double(r1)
            } else {
                r1 = add(r0, r1)
                r0 = double(r0)
            }
        }
        return r0
    }

    // MARK: - Scalars

    /// An integer modulo the group order n. SPEC.md [PRIM-SECP256K1-SCALAR].
    public struct Scalar: Equatable, Sendable {
        let value: GMPInteger

        init(value: GMPInteger) { self.value = value.mod(Secp256k1.n) }

        /// The big-endian integer `bytes` encodes, reduced mod n. Used for blinding factors
        /// (a SHA-256 output, BOLT #4 "Blinding Ephemeral Onion Keys"), as libsecp256k1's
        /// tweak functions read them after checking them below n (a SHA-256 output is ≥ n
        /// with probability ≈ 2⁻¹²⁸).
        public init(reducing bytes: Bytes) {
            self.init(value: GMPInteger(bigEndian: bytes))
        }

        /// A private key: exactly 32 big-endian bytes with value in [1, n) (libsecp256k1's
        /// `secp256k1_ec_seckey_verify`).
        /// - Throws: `PrimitiveError.invalidLength` for another length, `.invalidScalar` for
        ///   zero or a value not below n.
        public init(canonical bytes: Bytes) throws(PrimitiveError) {
            try requireLength(bytes, Secp256k1.scalarLength, "secp256k1 private key")
            let v = GMPInteger(bigEndian: bytes)
            guard !v.isZero, v.compare(Secp256k1.n) < 0 else { throw .invalidScalar }
            self.value = v
        }

        /// `self · other mod n`.
        public func times(_ other: Scalar) -> Scalar { Scalar(value: value * other.value) }

        public var isZero: Bool { value.isZero }

        /// 32 big-endian bytes.
        public var bytes: Bytes {
            value.bigEndianBytes(width: Secp256k1.scalarLength) ?? Bytes.zeros(Secp256k1.scalarLength)
        }

        /// `self · G`: the public key of a private key.
        /// - Throws: `PrimitiveError.pointAtInfinity` for the zero scalar.
        public func publicKey() throws(PrimitiveError) -> Point {
            try Secp256k1.generator.multiplied(by: self)
        }

        public static func == (l: Scalar, r: Scalar) -> Bool { l.value == r.value }
    }
}

/// The readable secp256k1 group law over GMP integers: affine formulas and a Montgomery ladder,
/// as in a textbook. It was the bolt4 profile's arithmetic before the constant-time rewrite
/// (Secp256k1FieldElement.swift, Secp256k1Jacobian.swift, Secp256k1ScalarMultiplication.swift)
/// and is now its test oracle: the property tests compare the two on random and edge scalars.
/// SPEC.md §4.3.2, "Reference arithmetic".
///
/// **Not constant-time**: the ladder chooses its registers by a branch on each bit, the affine
/// formulas branch on special cases, and GMP's `mpz_*` functions take value-dependent time.
/// No library path calls it; only tests and reading do.
enum Secp256k1Reference {
    // Published values (SEC 2 v2 §2.4.1), parsed once.
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

    /// A finite point with GMP coordinates below p.
    struct Point: Equatable {
        let x: GMPInteger
        let y: GMPInteger
    }

    static let generator = Point(x: gx, y: gy)

    /// A point or the point at infinity 𝒪.
    enum GroupElement {
        case infinity
        case finite(Point)

        var finitePoint: Point? {
            if case .finite(let point) = self { return point }
            return nil
        }
    }

    /// PRIM-SECP256K1-DECODE over GMP integers; nil for anything the constant-time decoder
    /// refuses.
    static func decode(_ encoded: Bytes) -> Point? {
        guard encoded.count == 33, encoded[0] == 0x02 || encoded[0] == 0x03 else { return nil }
        let x = GMPInteger(bigEndian: Bytes(encoded[1...]))
        guard x.compare(p) < 0 else { return nil }
        let c = (x * x * x + b).mod(p)
        let root = power(c, sqrtExponent)
        guard (root * root).mod(p) == c else { return nil }
        let y = root.bit(0) == (encoded[0] == 0x03) ? root : (p - root).mod(p)
        return Point(x: x, y: y)
    }

    /// PRIM-SECP256K1-ENCODE over GMP integers.
    static func compressed(_ point: Point) -> Bytes {
        let xBytes = point.x.bigEndianBytes(width: 32) ?? Bytes.zeros(32)
        return [point.y.bit(0) ? 0x03 : 0x02] + xBytes
    }

    /// `base^exponent mod p` by left-to-right square-and-multiply.
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

    /// Affine addition (Hankerson, Menezes, Vanstone, "Guide to Elliptic Curve Cryptography",
    /// §3.1.2). SPEC.md [PRIM-SECP256K1-REF-ADD].
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

    /// Affine doubling with a = 0 (same source, §3.1.2). SPEC.md [PRIM-SECP256K1-REF-DOUBLE].
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

    /// k·P by the Montgomery ladder over all 256 bit positions. SPEC.md [PRIM-SECP256K1-REF-MUL].
    /// ```text
    /// R0 = 𝒪 ; R1 = P           (invariant: R1 − R0 = P)
    /// for i from 255 down to 0:
    ///   if bit i of k = 0: R1 = R0 + R1 ; R0 = 2·R0
    ///   else:              R0 = R0 + R1 ; R1 = 2·R1
    /// return R0
    /// ```
    /// k is used as given (not reduced mod n), so k = n gives 𝒪.
    static func ladder(_ k: GMPInteger, _ point: Point) -> GroupElement {
        var r0 = GroupElement.infinity
        var r1 = GroupElement.finite(point)
        for i in stride(from: 255, through: 0, by: -1) {
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
}

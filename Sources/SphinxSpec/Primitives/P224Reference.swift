/// The readable P-224 group law over GMP integers: affine double-and-add, as in a textbook.
/// It is the test oracle for the constant-time arithmetic (P224Jacobian.swift,
/// P224ScalarMultiplication.swift): the property tests compare the two on random and edge
/// scalars. SPEC.md §2.11, "Reference arithmetic".
///
/// **Not constant-time**: the additions follow the scalar's bits and GMP's `mpz_*` functions
/// branch on the values. No library path calls it; only tests and reading do.
enum P224Reference {
    static let p = P224.p
    static let a = P224.a

    /// A point or the point at infinity 𝒪 (the neutral element). 𝒪 only appears inside the
    /// arithmetic below; a public `Point` is never 𝒪.
    enum GroupElement {
        case infinity
        case finite(P224.Point)

        var finitePoint: P224.Point? {
            if case .finite(let point) = self { return point }
            return nil
        }
    }

    /// Point addition in affine coordinates (any textbook, e.g. Hankerson, Menezes, Vanstone,
    /// "Guide to Elliptic Curve Cryptography", §3.1.2). SPEC.md [PRIM-P224-REF-ADD].
    /// ```text
    /// 𝒪 + Q = Q ; P + 𝒪 = P ; P + (−P) = 𝒪 ; P + P = 2P
    /// λ = (y₂ − y₁) / (x₂ − x₁) ; x₃ = λ² − x₁ − x₂ ; y₃ = λ(x₁ − x₃) − y₁
    /// ```
    static func add(_ lhs: GroupElement, _ rhs: GroupElement) -> GroupElement {
        guard case .finite(let p1) = lhs else { return rhs }
        guard case .finite(let p2) = rhs else { return lhs }
        if p1.x == p2.x {
            // Same x: either the same point (double) or mirror images (sum is 𝒪).
            return p1.y == p2.y ? double(lhs) : .infinity
        }
        let numerator = (p2.y - p1.y).mod(p)
        guard let denominatorInverse = (p2.x - p1.x).mod(p).inverse(mod: p) else { return .infinity }
        let lambda = (numerator * denominatorInverse).mod(p)
        let x3 = (lambda * lambda - p1.x - p2.x).mod(p)
        let y3 = (lambda * (p1.x - x3) - p1.y).mod(p)
        return .finite(P224.Point(x: x3, y: y3))
    }

    /// Point doubling in affine coordinates (same source, §3.1.2). SPEC.md [PRIM-P224-REF-DOUBLE].
    /// ```text
    /// 2𝒪 = 𝒪 ; if y = 0 then 2P = 𝒪
    /// λ = (3x² + a) / (2y) ; x₃ = λ² − 2x ; y₃ = λ(x − x₃) − y
    /// ```
    static func double(_ value: GroupElement) -> GroupElement {
        guard case .finite(let point) = value, !point.y.isZero else { return .infinity }
        let three = GMPInteger(3)
        let two = GMPInteger(2)
        let numerator = (three * point.x * point.x + a).mod(p)
        guard let denominatorInverse = (two * point.y).mod(p).inverse(mod: p) else { return .infinity }
        let lambda = (numerator * denominatorInverse).mod(p)
        let x3 = (lambda * lambda - two * point.x).mod(p)
        let y3 = (lambda * (point.x - x3) - point.y).mod(p)
        return .finite(P224.Point(x: x3, y: y3))
    }

    /// Scalar multiplication k·P by left-to-right double-and-add. SPEC.md [PRIM-P224-REF-MUL].
    /// ```text
    /// R = 𝒪 ; for i from bitlen(k) − 1 down to 0: R = 2R ; if bit i of k is 1: R = R + P
    /// ```
    /// Not constant-time: the additions follow the scalar's bits.
    static func multiply(_ k: GMPInteger, _ point: GroupElement) -> GroupElement {
        var result = GroupElement.infinity
        var i = k.bitWidth - 1
        while i >= 0 {
            result = double(result)
            if k.bit(i) { result = add(result, point) }
            i -= 1
        }
        return result
    }
}

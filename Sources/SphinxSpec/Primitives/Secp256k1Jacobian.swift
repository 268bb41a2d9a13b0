/// A secp256k1 point in Jacobian coordinates over `Secp256k1FieldElement`: (X : Y : Z) stands
/// for the affine point (X/Z², Y/Z³), and Z = 0 for the point at infinity 𝒪.
/// SPEC.md [PRIM-SECP256K1-JACOBIAN].
///
/// The formulas are the Explicit-Formulas Database's for short Weierstrass curves with a = 0
/// in Jacobian coordinates (Bernstein–Lange, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html):
/// "dbl-2009-l" (Lange 2009) for doubling, "add-2007-bl" and "madd-2007-bl" (Bernstein–Lange
/// 2007) for addition. Addition is not complete: it gives a wrong result when both inputs are
/// the same finite point and does not treat 𝒪 as an input. The scalar multiplications in
/// Secp256k1ScalarMultiplication.swift never add a point to itself or to its negative (SPEC.md
/// gives the argument) and settle the cases involving 𝒪 by masked selection, so no branch
/// depends on secret data. (Renes–Costello–Batina's complete formulas would need no such
/// argument, at about twice the cost per addition.)
struct Secp256k1JacobianPoint: Sendable {
    var x: Secp256k1FieldElement
    var y: Secp256k1FieldElement
    var z: Secp256k1FieldElement

    /// 𝒪 as (1 : 1 : 0).
    static let infinity = Secp256k1JacobianPoint(x: .one, y: .one, z: .zero)

    init(x: Secp256k1FieldElement, y: Secp256k1FieldElement, z: Secp256k1FieldElement) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The affine point (x, y) as (x : y : 1).
    init(_ affine: Secp256k1AffinePoint) {
        self.init(x: affine.x, y: affine.y, z: .one)
    }

    /// All ones when this is 𝒪 (Z = 0).
    var isInfinityMask: UInt64 { z.isZeroMask }

    /// Masked choice between two points (all-ones mask selects `ifSet`).
    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self {
        Self(
            x: .select(mask, ifSet.x, ifClear.x), y: .select(mask, ifSet.y, ifClear.y),
            z: .select(mask, ifSet.z, ifClear.z))
    }

    /// 2P by EFD "dbl-2009-l" (a = 0; 2M + 5S). For Z = 0 the result has Z3 = 2·Y1·Z1 = 0
    /// again, so 2𝒪 = 𝒪 needs no special case; a point with Y = 0 does not exist on this curve
    /// (x³ = −7 has no solution in GF(p): the group has odd order n). SPEC.md [PRIM-SECP256K1-DOUBLE].
    /// ```text
    /// A = X1² ; B = Y1² ; C = B² ; D = 2·((X1 + B)² − A − C) ; E = 3·A ; F = E²
    /// X3 = F − 2·D ; Y3 = E·(D − X3) − 8·C ; Z3 = 2·Y1·Z1
    /// ```
    func doubled() -> Self {
        let a = x.squared
        let b = y.squared
        let c = b.squared
        let dHalf = (x + b).squared - a - c
        let d = dHalf + dHalf
        let e = a + a + a
        let f = e.squared
        let x3 = f - (d + d)
        let c2 = c + c
        let c4 = c2 + c2
        let c8 = c4 + c4
        let y3 = e * (d - x3) - c8
        let yz = y * z
        let z3 = yz + yz
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for Jacobian P, Q by EFD "add-2007-bl" (11M + 5S). Valid when P ≠ Q and neither
    /// is 𝒪; P = −Q gives Z3 = 0, that is 𝒪, as it should. SPEC.md [PRIM-SECP256K1-ADD].
    /// ```text
    /// Z1Z1 = Z1² ; Z2Z2 = Z2² ; U1 = X1·Z2Z2 ; U2 = X2·Z1Z1 ; S1 = Y1·Z2·Z2Z2 ; S2 = Y2·Z1·Z1Z1
    /// H = U2 − U1 ; I = (2·H)² ; J = H·I ; r = 2·(S2 − S1) ; V = U1·I
    /// X3 = r² − J − 2·V ; Y3 = r·(V − X3) − 2·S1·J ; Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
    /// ```
    func adding(_ other: Self) -> Self {
        let z1z1 = z.squared
        let z2z2 = other.z.squared
        let u1 = x * z2z2
        let u2 = other.x * z1z1
        let s1 = y * other.z * z2z2
        let s2 = other.y * z * z1z1
        let h = u2 - u1
        let i = (h + h).squared
        let j = h * i
        let rHalf = s2 - s1
        let r = rHalf + rHalf
        let v = u1 * i
        let x3 = r.squared - j - (v + v)
        let s1j = s1 * j
        let y3 = r * (v - x3) - (s1j + s1j)
        let z3 = ((z + other.z).squared - z1z1 - z2z2) * h
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for Jacobian P and affine Q (Z2 = 1) by EFD "madd-2007-bl" (7M + 4S), with the
    /// same exceptions as `adding`. SPEC.md [PRIM-SECP256K1-ADD-MIXED].
    /// ```text
    /// Z1Z1 = Z1² ; U2 = X2·Z1Z1 ; S2 = Y2·Z1·Z1Z1 ; H = U2 − X1 ; HH = H² ; I = 4·HH ; J = H·I
    /// r = 2·(S2 − Y1) ; V = X1·I ; X3 = r² − J − 2·V ; Y3 = r·(V − X3) − 2·Y1·J
    /// Z3 = (Z1 + H)² − Z1Z1 − HH
    /// ```
    func adding(_ other: Secp256k1AffinePoint) -> Self {
        let z1z1 = z.squared
        let u2 = other.x * z1z1
        let s2 = other.y * z * z1z1
        let h = u2 - x
        let hh = h.squared
        let hh2 = hh + hh
        let i = hh2 + hh2
        let j = h * i
        let rHalf = s2 - y
        let r = rHalf + rHalf
        let v = x * i
        let x3 = r.squared - j - (v + v)
        let y1j = y * j
        let y3 = r * (v - x3) - (y1j + y1j)
        let z3 = (z + h).squared - z1z1 - hh
        return Self(x: x3, y: y3, z: z3)
    }

    /// The affine coordinates (X/Z², Y/Z³), or nil for 𝒪. Whether the result is 𝒪 is
    /// declassified [CT-DECLASSIFY-INFINITY]: the operation then fails with an error, which
    /// the caller sees; for a scalar in [1, n) and a finite point it never happens. The
    /// inversion itself is constant-time.
    var affine: Secp256k1AffinePoint? {
        if Declassify.publish(isInfinityMask) != 0 { return nil }
        let zInverse = z.inverted
        let zInverse2 = zInverse.squared
        return Secp256k1AffinePoint(x: x * zInverse2, y: y * zInverse2 * zInverse)
    }
}

/// A finite secp256k1 point in affine coordinates over `Secp256k1FieldElement`: the storage
/// of `Secp256k1.Point` and the entries of the precomputed generator table.
struct Secp256k1AffinePoint: Sendable, Equatable {
    var x: Secp256k1FieldElement
    var y: Secp256k1FieldElement

    static let zero = Secp256k1AffinePoint(x: .zero, y: .zero)

    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self {
        Self(x: .select(mask, ifSet.x, ifClear.x), y: .select(mask, ifSet.y, ifClear.y))
    }
}

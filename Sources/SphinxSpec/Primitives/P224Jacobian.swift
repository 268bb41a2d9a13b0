/// A P-224 point in Jacobian coordinates over `P224FieldElement`: (X : Y : Z) stands for the
/// affine point (X/Z², Y/Z³), and Z = 0 for the point at infinity 𝒪. SPEC.md [PRIM-P224-JACOBIAN].
///
/// The formulas are the Explicit-Formulas Database's for short Weierstrass curves with a = −3
/// in Jacobian coordinates (Bernstein–Lange, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-3.html):
/// "dbl-2001-b" (Bernstein 2001), "add-2007-bl" and "madd-2007-bl" (Bernstein–Lange 2007).
/// They are not complete: addition gives a wrong result when both inputs are the same point
/// and does not treat 𝒪 as an input. The scalar multiplications in P224ScalarMultiplication.swift
/// never add a point to itself (SPEC.md gives the argument) and replace the results that involve
/// 𝒪 by masked selection, so no branch depends on secret data.
struct P224JacobianPoint: Sendable {
    var x: P224FieldElement
    var y: P224FieldElement
    var z: P224FieldElement

    /// 𝒪 as (1 : 1 : 0).
    static let infinity = P224JacobianPoint(x: .one, y: .one, z: .zero)

    init(x: P224FieldElement, y: P224FieldElement, z: P224FieldElement) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The affine point (x, y) as (x : y : 1).
    init(_ affine: P224AffinePoint) {
        self.init(x: affine.x, y: affine.y, z: .one)
    }

    /// All ones when this is 𝒪 (Z = 0).
    var isInfinityMask: UInt64 { z.isZeroMask }

    /// Masked choice between two points (all-ones mask selects `ifSet`).
    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: P224JacobianPoint, _ ifClear: P224JacobianPoint) -> P224JacobianPoint {
        P224JacobianPoint(
            x: .select(mask, ifSet.x, ifClear.x),
            y: .select(mask, ifSet.y, ifClear.y),
            z: .select(mask, ifSet.z, ifClear.z))
    }

    /// 2P by EFD "dbl-2001-b" (a = −3; 3M + 5S). For Z = 0 the result has Z = 0 again, so
    /// 2𝒪 = 𝒪 needs no special case. SPEC.md [PRIM-P224-DOUBLE].
    /// ```text
    /// delta = Z1² ; gamma = Y1² ; beta = X1·gamma ; alpha = 3·(X1 − delta)·(X1 + delta)
    /// X3 = alpha² − 8·beta ; Z3 = (Y1 + Z1)² − gamma − delta ; Y3 = alpha·(4·beta − X3) − 8·gamma²
    /// ```
    func doubled() -> P224JacobianPoint {
        let delta = z.squared
        let gamma = y.squared
        let beta = x * gamma
        let t = (x - delta) * (x + delta)
        let alpha = t + t + t
        let beta2 = beta + beta
        let beta4 = beta2 + beta2
        let beta8 = beta4 + beta4
        let x3 = alpha.squared - beta8
        let z3 = (y + z).squared - gamma - delta
        let gammaSquared = gamma.squared
        let gamma2 = gammaSquared + gammaSquared
        let gamma4 = gamma2 + gamma2
        let gamma8 = gamma4 + gamma4
        let y3 = alpha * (beta4 - x3) - gamma8
        return P224JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q for Jacobian P, Q by EFD "add-2007-bl" (11M + 5S). Valid when P ≠ Q and neither
    /// is 𝒪; P = −Q gives Z3 = 0, that is 𝒪, as it should. SPEC.md [PRIM-P224-ADD].
    /// ```text
    /// Z1Z1 = Z1² ; Z2Z2 = Z2² ; U1 = X1·Z2Z2 ; U2 = X2·Z1Z1 ; S1 = Y1·Z2·Z2Z2 ; S2 = Y2·Z1·Z1Z1
    /// H = U2 − U1 ; I = (2·H)² ; J = H·I ; r = 2·(S2 − S1) ; V = U1·I
    /// X3 = r² − J − 2·V ; Y3 = r·(V − X3) − 2·S1·J ; Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
    /// ```
    func adding(_ other: P224JacobianPoint) -> P224JacobianPoint {
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
        return P224JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q for Jacobian P and affine Q (Z2 = 1) by EFD "madd-2007-bl" (7M + 4S), with the
    /// same exceptions as `adding`. SPEC.md [PRIM-P224-ADD-MIXED].
    /// ```text
    /// Z1Z1 = Z1² ; U2 = X2·Z1Z1 ; S2 = Y2·Z1·Z1Z1 ; H = U2 − X1 ; HH = H² ; I = 4·HH ; J = H·I
    /// r = 2·(S2 − Y1) ; V = X1·I ; X3 = r² − J − 2·V ; Y3 = r·(V − X3) − 2·Y1·J
    /// Z3 = (Z1 + H)² − Z1Z1 − HH
    /// ```
    func adding(_ other: P224AffinePoint) -> P224JacobianPoint {
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
        return P224JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// The affine coordinates (X/Z², Y/Z³), or nil for 𝒪. Whether the result is 𝒪 is public
    /// (the caller reports it as an error) and declassified [CT-DECLASSIFY-P224-INFINITY]; the
    /// inversion itself is constant-time.
    var affine: P224AffinePoint? {
        if Declassify.publish(isInfinityMask) != 0 { return nil }
        let zInverse = z.inverted
        let zInverse2 = zInverse.squared
        return P224AffinePoint(x: x * zInverse2, y: y * zInverse2 * zInverse)
    }
}

/// A finite P-224 point in affine coordinates over `P224FieldElement` (entries of the
/// precomputed tables, and the input and output of a scalar multiplication).
struct P224AffinePoint: Sendable, Equatable {
    var x: P224FieldElement
    var y: P224FieldElement

    static let zero = P224AffinePoint(x: .zero, y: .zero)

    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: P224AffinePoint, _ ifClear: P224AffinePoint) -> P224AffinePoint {
        P224AffinePoint(x: .select(mask, ifSet.x, ifClear.x), y: .select(mask, ifSet.y, ifClear.y))
    }
}

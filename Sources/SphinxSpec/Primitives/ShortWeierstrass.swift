/// The constant-time group law and scalar multiplication shared by the two short-Weierstrass
/// curves of the project, P-224 (sphinxmix, §2.11) and secp256k1 (bolt4): Jacobian points, the
/// addition formulas, and fixed windows (signed 5-bit digits for any point, 4-bit rows of a table
/// for the generator). Each curve supplies its field (`P224FieldElement`,
/// `Secp256k1FieldElement`), its doubling formula (the one place the curves differ: a = −3
/// against a = 0) and its generator table (`P224Curve`, `Secp256k1Curve`). SPEC.md §2.11 and §5
/// name the steps.
///
/// Constant time: no branch and no memory index depends on a secret. Table entries are found by
/// reading every entry with masks (`lookup`), the addition is always computed, and the cases
/// involving 𝒪 (a zero digit, or the running sum still 𝒪) are settled by masked selection.

/// What the group law needs of a field element: arithmetic, inversion, a zero test as a mask,
/// and a masked choice, all without branches on the value.
protocol ConstantTimeFieldElement: Sendable, Equatable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    /// −a mod p (0 for 0).
    var negated: Self { get }
    var squared: Self { get }
    var inverted: Self { get }
    /// All ones when the value is 0.
    var isZeroMask: UInt64 { get }
    /// `ifSet` when every bit of the mask is set, `ifClear` when none is.
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self
}

/// A short-Weierstrass curve as the constant-time code sees it.
protocol ConstantTimeCurve {
    associatedtype Field: ConstantTimeFieldElement
    /// Bytes of a scalar, big-endian (twice as many 4-bit digits).
    static var scalarLength: Int { get }
    /// 2P by the formula for this curve's a.
    static func double(_ point: JacobianPoint<Self>) -> JacobianPoint<Self>
    /// The affine multiples d·16^w·G, d = 1 … 15, row after row (`FixedWindow.table(from:)`).
    static var generatorTable: [AffinePoint<Self>] { get }
}

/// A point in Jacobian coordinates: (X : Y : Z) stands for the affine point (X/Z², Y/Z³), and
/// Z = 0 for the point at infinity 𝒪. SPEC.md [PRIM-P224-JACOBIAN], [PRIM-SECP256K1-JACOBIAN].
///
/// The addition formulas are the Explicit-Formulas Database's "add-2007-bl" and "madd-2007-bl"
/// (Bernstein–Lange 2007, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian.html), which do not
/// involve a. They are not complete: addition gives a wrong result when both inputs are the same
/// finite point and does not treat 𝒪 as an input. The scalar multiplications below add a point
/// to itself only at the last signed digit, where they call `addingOrDoubling` (SPEC.md
/// PRIM-P224-MUL gives the argument), and settle the cases involving 𝒪 by masked selection. (Renes–Costello–Batina's complete formulas would need
/// no such argument, at about twice the cost per addition.)
struct JacobianPoint<C: ConstantTimeCurve>: Sendable {
    var x: C.Field
    var y: C.Field
    var z: C.Field

    init(x: C.Field, y: C.Field, z: C.Field) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The affine point (x, y) as (x : y : 1).
    init(_ affine: AffinePoint<C>) {
        self.init(x: affine.x, y: affine.y, z: .one)
    }

    /// 𝒪 as (1 : 1 : 0).
    static var infinity: Self { Self(x: .one, y: .one, z: .zero) }

    /// All ones when this is 𝒪 (Z = 0).
    var isInfinityMask: UInt64 { z.isZeroMask }

    /// Masked choice between two points (all-ones mask selects `ifSet`).
    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self {
        Self(
            x: .select(mask, ifSet.x, ifClear.x), y: .select(mask, ifSet.y, ifClear.y),
            z: .select(mask, ifSet.z, ifClear.z))
    }

    /// 2P, by the curve's own formula.
    func doubled() -> Self { C.double(self) }

    /// P + Q for Jacobian P, Q by EFD "add-2007-bl" (11M + 5S). Valid when P ≠ Q and neither
    /// is 𝒪; P = −Q gives Z3 = 0, that is 𝒪, as it should. SPEC.md [PRIM-P224-ADD],
    /// [PRIM-SECP256K1-ADD].
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

    /// P + Q for finite Jacobian P and Q, also when P = Q, where `adding` is wrong: both are
    /// computed, and 2Q is selected when U1 = U2 and S1 = S2 (the same point), by masks. Costs
    /// a doubling and 6M + 2S more than `adding`; the multiplication of any point calls it for
    /// its last digit only (SPEC.md PRIM-P224-MUL).
    func addingOrDoubling(_ other: Self) -> Self {
        let z1z1 = z.squared
        let z2z2 = other.z.squared
        let sameX = (x * z2z2 - other.x * z1z1).isZeroMask
        let sameY = (y * other.z * z2z2 - other.y * z * z1z1).isZeroMask
        return .select(sameX & sameY, other.doubled(), adding(other))
    }

    /// P + Q for Jacobian P and affine Q (Z2 = 1) by EFD "madd-2007-bl" (7M + 4S), with the
    /// same exceptions as `adding`. SPEC.md [PRIM-P224-ADD-MIXED], [PRIM-SECP256K1-ADD-MIXED].
    /// ```text
    /// Z1Z1 = Z1² ; U2 = X2·Z1Z1 ; S2 = Y2·Z1·Z1Z1 ; H = U2 − X1 ; HH = H² ; I = 4·HH ; J = H·I
    /// r = 2·(S2 − Y1) ; V = X1·I ; X3 = r² − J − 2·V ; Y3 = r·(V − X3) − 2·Y1·J
    /// Z3 = (Z1 + H)² − Z1Z1 − HH
    /// ```
    func adding(_ other: AffinePoint<C>) -> Self {
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

    /// The affine coordinates (X/Z², Y/Z³), or nil for 𝒪. Whether the result is 𝒪 is public
    /// (the caller reports it as an error; for a scalar in [1, n) and a finite point it never
    /// happens) and declassified [CT-DECLASSIFY-P224-INFINITY], [CT-DECLASSIFY-INFINITY]; the
    /// inversion itself is constant-time.
    var affine: AffinePoint<C>? {
        if Declassify.publish(isInfinityMask) != 0 { return nil }
        let zInverse = z.inverted
        let zInverse2 = zInverse.squared
        return AffinePoint(x: x * zInverse2, y: y * zInverse2 * zInverse)
    }
}

/// A finite point in affine coordinates: the input and output of a scalar multiplication, and
/// the entries of the generator table.
struct AffinePoint<C: ConstantTimeCurve>: Sendable, Equatable {
    var x: C.Field
    var y: C.Field

    /// The all-zero pair (not a point): what a look-up for digit 0 returns, then discarded.
    static var zero: Self { Self(x: .zero, y: .zero) }

    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self {
        Self(x: .select(mask, ifSet.x, ifClear.x), y: .select(mask, ifSet.y, ifClear.y))
    }
}

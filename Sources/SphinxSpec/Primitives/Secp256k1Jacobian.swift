/// secp256k1 for the constant-time group law of ShortWeierstrass.swift: its field, its doubling
/// (a = 0) and its generator table. SPEC.md §5 (the bolt4 profile's curve).
enum Secp256k1Curve: ConstantTimeCurve {
    typealias Field = Secp256k1FieldElement

    static var scalarLength: Int { Secp256k1.scalarLength }

    /// 2P by EFD "dbl-2009-l" (a = 0; 2M + 5S; Lange 2009, Explicit-Formulas Database,
    /// hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html). For Z = 0 the result has
    /// Z3 = 2·Y1·Z1 = 0 again, so 2𝒪 = 𝒪 needs no special case; a point with Y = 0 does not
    /// exist on this curve (x³ = −7 has no solution in GF(p): the group has odd order n).
    /// SPEC.md [PRIM-SECP256K1-DOUBLE].
    /// ```text
    /// A = X1² ; B = Y1² ; C = B² ; D = 2·((X1 + B)² − A − C) ; E = 3·A ; F = E²
    /// X3 = F − 2·D ; Y3 = E·(D − X3) − 8·C ; Z3 = 2·Y1·Z1
    /// ```
    static func double(_ p: Secp256k1JacobianPoint) -> Secp256k1JacobianPoint {
        let a = p.x.squared
        let b = p.y.squared
        let c = b.squared
        let dHalf = (p.x + b).squared - a - c
        let d = dHalf + dHalf
        let e = a + a + a
        let f = e.squared
        let x3 = f - (d + d)
        let c2 = c + c
        let c4 = c2 + c2
        let c8 = c4 + c4
        let y3 = e * (d - x3) - c8
        let yz = p.y * p.z
        let z3 = yz + yz
        return Secp256k1JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// The 64 × 15 multiples d·16^w·G (PRIM-SECP256K1-MUL-BASE).
    static let generatorTable: [Secp256k1AffinePoint] = FixedWindow<Secp256k1Curve>.table(
        from: Secp256k1.generator.affine)
}

/// A secp256k1 point in Jacobian coordinates over `Secp256k1FieldElement`.
typealias Secp256k1JacobianPoint = JacobianPoint<Secp256k1Curve>
/// A finite secp256k1 point in affine coordinates over `Secp256k1FieldElement`: the storage of
/// `Secp256k1.Point` and the entries of the generator table.
typealias Secp256k1AffinePoint = AffinePoint<Secp256k1Curve>
/// k·P and k·G on secp256k1 (PRIM-SECP256K1-MUL, PRIM-SECP256K1-MUL-BASE): 52 signed digits of
/// 5 bits for k·P, 64 digits of 4 bits for k·G.
typealias Secp256k1ScalarMultiplication = FixedWindow<Secp256k1Curve>

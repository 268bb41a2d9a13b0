/// P-224 for the constant-time group law of ShortWeierstrass.swift: its field, its doubling
/// (a = −3) and its generator table. SPEC.md §2.11.
enum P224Curve: ConstantTimeCurve {
    typealias Field = P224FieldElement

    static var scalarLength: Int { P224.scalarLength }

    /// 2P by EFD "dbl-2001-b" (a = −3; 3M + 5S; Bernstein 2001, Explicit-Formulas Database,
    /// hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-3.html). For Z = 0 the result has Z = 0
    /// again, so 2𝒪 = 𝒪 needs no special case. SPEC.md [PRIM-P224-DOUBLE].
    /// ```text
    /// delta = Z1² ; gamma = Y1² ; beta = X1·gamma ; alpha = 3·(X1 − delta)·(X1 + delta)
    /// X3 = alpha² − 8·beta ; Z3 = (Y1 + Z1)² − gamma − delta ; Y3 = alpha·(4·beta − X3) − 8·gamma²
    /// ```
    static func double(_ p: P224JacobianPoint) -> P224JacobianPoint {
        let delta = p.z.squared
        let gamma = p.y.squared
        let beta = p.x * gamma
        let t = (p.x - delta) * (p.x + delta)
        let alpha = t + t + t
        let beta2 = beta + beta
        let beta4 = beta2 + beta2
        let beta8 = beta4 + beta4
        let x3 = alpha.squared - beta8
        let z3 = (p.y + p.z).squared - gamma - delta
        let gammaSquared = gamma.squared
        let gamma2 = gammaSquared + gammaSquared
        let gamma4 = gamma2 + gamma2
        let gamma8 = gamma4 + gamma4
        let y3 = alpha * (beta4 - x3) - gamma8
        return P224JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// The 56 × 15 multiples d·16^w·G (PRIM-P224-MUL-BASE), from the published generator.
    static let generatorTable: [P224AffinePoint] = {
        guard
            let gx = P224FieldElement(bigEndian: P224.generator.xCoordinate),
            let gy = P224FieldElement(bigEndian: P224.generator.yCoordinate)
        else { preconditionFailure("the published generator is a field element") }
        return FixedWindow<P224Curve>.table(from: P224AffinePoint(x: gx, y: gy))
    }()
}

/// A P-224 point in Jacobian coordinates over `P224FieldElement`.
typealias P224JacobianPoint = JacobianPoint<P224Curve>
/// A finite P-224 point in affine coordinates over `P224FieldElement`.
typealias P224AffinePoint = AffinePoint<P224Curve>
/// k·P and k·G on P-224 (PRIM-P224-MUL, PRIM-P224-MUL-BASE): 45 signed digits of 5 bits for k·P,
/// 56 digits of 4 bits for k·G.
typealias P224ScalarMultiplication = FixedWindow<P224Curve>

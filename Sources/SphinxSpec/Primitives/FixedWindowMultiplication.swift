/// Constant-time scalar multiplication on a short-Weierstrass curve (`ConstantTimeCurve`): a
/// fixed 4-bit window for any point, and a precomputed table for the generator.
/// `P224ScalarMultiplication` and `Secp256k1ScalarMultiplication` are this for their curves.
///
/// A scalar k in [0, n) of L bytes is read as 2L digits of 4 bits, k = Σ d_w·16^w (56 for P-224,
/// 64 for secp256k1). Every digit costs the same work whatever its value: the table entry is
/// found by scanning the whole table with masks (`lookup`), the addition is always computed, and
/// the cases involving 𝒪 (a zero digit, or the running sum still 𝒪) are settled by masked
/// selection, not by branches.
enum FixedWindow<C: ConstantTimeCurve> {
    /// Bits per digit.
    static var windowBits: Int { 4 }
    /// Number of digits of a scalar.
    static var windowCount: Int { 2 * C.scalarLength }

    /// The 4-bit digit d_w of a scalar given as big-endian bytes. The byte index depends only on
    /// w, which is public.
    static func digit(_ scalar: Bytes, _ w: Int) -> UInt64 {
        let byte = UInt64(scalar[C.scalarLength - 1 - w / 2])
        return (byte &>> UInt64(4 * (w % 2))) & 0xf
    }

    /// All ones when a == b, else zero; no branch on the values. Never inlined: where the
    /// optimizer sees that a mask is all ones or all zeros, it may turn the masked selections
    /// that use it into conditional moves or branches on the secret (scripts/ct-check found
    /// such moves in `select` when this was inlined into the generic multiplications).
    @inline(never)
    static func equalMask(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let difference = a ^ b
        return ((difference | (0 &- difference)) &>> 63) &- 1
    }

    /// The entry `table[d]`, read by touching every entry (constant-time look-up).
    static func lookup(_ table: [JacobianPoint<C>], _ d: UInt64) -> JacobianPoint<C> {
        var found = JacobianPoint<C>.infinity
        for i in 0..<table.count {
            found = .select(equalMask(UInt64(i), d), table[i], found)
        }
        return found
    }

    /// The entry for digit d ∈ [1, 16) of one row of the generator table (row[d − 1]); for
    /// d = 0 the result is the all-zero pair, which the caller discards by selection.
    static func lookup(_ row: ArraySlice<AffinePoint<C>>, _ d: UInt64) -> AffinePoint<C> {
        var found = AffinePoint<C>.zero
        for (offset, index) in row.indices.enumerated() {
            found = .select(equalMask(UInt64(offset + 1), d), row[index], found)
        }
        return found
    }

    /// k·P by a fixed 4-bit window, most significant digit first. SPEC.md [PRIM-P224-MUL],
    /// [PRIM-SECP256K1-MUL].
    /// ```text
    /// T[d] = d·P for d = 0 … 15                      (T[0] = 𝒪, T[1] = P, T[2] = 2P, T[d] = T[d−1] + P)
    /// R = 𝒪
    /// for w = 2L − 1 down to 0:
    ///     R = 16·R                                     (four doublings; skipped for the first digit)
    ///     E = T[d_w]                                   (constant-time look-up)
    ///     R = d_w = 0 ? R : (R = 𝒪 ? E : R + E)        (masked selection)
    /// ```
    /// For 0 ≤ k < n the addition R + E never meets R = E or R = −E with both finite (SPEC.md
    /// gives the argument for each curve), so the incomplete Jacobian addition is enough.
    /// - Returns: nil when k·P = 𝒪, i.e. k = 0.
    static func multiply(_ scalar: Bytes, _ point: AffinePoint<C>) -> AffinePoint<C>? {
        precondition(scalar.count == C.scalarLength)
        var table = [JacobianPoint<C>](repeating: .infinity, count: 16)
        let base = JacobianPoint<C>(point)
        table[1] = base
        table[2] = base.doubled()
        for d in 3..<16 { table[d] = table[d - 1].adding(point) }

        var result = JacobianPoint<C>.infinity
        for w in stride(from: windowCount - 1, through: 0, by: -1) {
            if w != windowCount - 1 {
                for _ in 0..<windowBits { result = result.doubled() }
            }
            let d = digit(scalar, w)
            let entry = lookup(table, d)
            let sum = result.adding(entry)
            let chosen = JacobianPoint<C>.select(result.isInfinityMask, entry, sum)
            result = .select(equalMask(d, 0), result, chosen)
        }
        return result.affine
    }

    /// k·G with the precomputed table: no doublings, one mixed addition per digit.
    /// SPEC.md [PRIM-P224-MUL-BASE], [PRIM-SECP256K1-MUL-BASE].
    /// ```text
    /// table row w, entry d = d·16^w·G (affine) for w = 0 … 2L − 1, d = 1 … 15
    /// R = 𝒪 ; for w = 0 … 2L − 1: E = row_w[d_w] ; R = d_w = 0 ? R : (R = 𝒪 ? E : R + E)
    /// ```
    /// - Returns: nil when k = 0.
    static func multiplyGenerator(_ scalar: Bytes) -> AffinePoint<C>? {
        precondition(scalar.count == C.scalarLength)
        let table = C.generatorTable
        var result = JacobianPoint<C>.infinity
        for w in 0..<windowCount {
            let d = digit(scalar, w)
            let entry = lookup(table[(15 * w)..<(15 * w + 15)], d)
            let sum = result.adding(entry)
            let chosen = JacobianPoint<C>.select(result.isInfinityMask, JacobianPoint<C>(entry), sum)
            result = .select(equalMask(d, 0), result, chosen)
        }
        return result.affine
    }

    /// The 2L × 15 multiples d·16^w·G in affine form, row after row (about 15 group operations
    /// per row and one field inversion shared by all entries through Montgomery's
    /// simultaneous-inversion trick: Montgomery 1987, "Speeding the Pollard and elliptic curve
    /// methods of factorization", §10.3.1). Public data: the generator is public.
    static func table(from generator: AffinePoint<C>) -> [AffinePoint<C>] {
        var jacobian: [JacobianPoint<C>] = []
        jacobian.reserveCapacity(15 * windowCount)
        var rowBase = JacobianPoint<C>(generator)  // 16^w·G
        for _ in 0..<windowCount {
            var entry = rowBase
            jacobian.append(entry)
            entry = rowBase.doubled()
            jacobian.append(entry)
            for _ in 3...15 {
                entry = entry.adding(rowBase)
                jacobian.append(entry)
            }
            rowBase = jacobian[jacobian.count - 8].doubled()  // 2·(8·16^w·G) = 16^(w+1)·G
        }
        return normalised(jacobian)
    }

    /// Converts finite Jacobian points to affine with one inversion (Montgomery's trick):
    /// prefix products of the Z's, one inverse of the whole product, then back to front.
    static func normalised(_ points: [JacobianPoint<C>]) -> [AffinePoint<C>] {
        var prefix: [C.Field] = []
        prefix.reserveCapacity(points.count)
        var running = C.Field.one
        for point in points {
            running = running * point.z
            prefix.append(running)
        }
        var inverse = running.inverted  // (Z_0 ⋯ Z_last)⁻¹
        var out = [AffinePoint<C>](repeating: .zero, count: points.count)
        for index in stride(from: points.count - 1, through: 0, by: -1) {
            let zInverse = index > 0 ? inverse * prefix[index - 1] : inverse
            inverse = inverse * points[index].z
            let zInverse2 = zInverse.squared
            out[index] = AffinePoint(x: points[index].x * zInverse2, y: points[index].y * zInverse2 * zInverse)
        }
        return out
    }
}

/// Constant-time scalar multiplication on a short-Weierstrass curve (`ConstantTimeCurve`): a
/// fixed window of signed 5-bit digits for any point, and a precomputed table of 4-bit digits
/// for the generator. `P224ScalarMultiplication` and `Secp256k1ScalarMultiplication` are this for
/// their curves.
///
/// For any point a scalar k in [0, n) of L bytes is recoded as signed digits in [−15, 16],
/// k = Σ s_w·32^w (45 for P-224, 52 for secp256k1); for the generator it is read as 2L digits of
/// 4 bits, k = Σ d_w·16^w (56 and 64). Every digit costs the same work whatever its value: the
/// table entry is found by scanning the whole table with masks (`lookup`), a negative digit's
/// entry is negated by masked selection, the addition is always computed, and the cases
/// involving 𝒪 (a zero digit, or the running sum still 𝒪) are settled by masked selection, not
/// by branches.
enum FixedWindow<C: ConstantTimeCurve> {
    /// Bits per digit of the generator table's rows.
    static var windowBits: Int { 4 }
    /// Number of 4-bit digits of a scalar (rows of the generator table).
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

    /// Bits per signed digit of the multiplication of any point.
    static var signedWindowBits: Int { 5 }
    /// Number of signed digits: enough for the 8L bits of a scalar and the carry out of the
    /// top bit (45 for P-224, 52 for secp256k1). The top window holds at most 4 of the scalar's
    /// bits (bits 220…223 for P-224, bit 255 for secp256k1), so with the carry into it its value
    /// is at most 16 and nothing carries out of it.
    static var signedWindowCount: Int { (8 * C.scalarLength + signedWindowBits) / signedWindowBits }

    /// Five bits of a scalar given as big-endian bytes, starting at bit `position` (bit 0 the
    /// least significant; bits beyond the scalar read as 0). The byte indices depend only on
    /// the position, which is public.
    static func fiveBits(_ scalar: Bytes, at position: Int) -> UInt64 {
        func byte(_ index: Int) -> UInt64 {
            index < C.scalarLength ? UInt64(scalar[C.scalarLength - 1 - index]) : 0
        }
        let pair = byte(position / 8) | (byte(position / 8 + 1) &<< 8)
        return (pair &>> UInt64(position % 8)) & 0x1f
    }

    /// The signed digits of k, least significant first: k = Σ s_w·32^w with s_w ∈ [−15, 16],
    /// each given as its magnitude |s_w| and a mask, all ones when s_w < 0. No branch on k.
    /// SPEC.md PRIM-P224-MUL.
    /// ```text
    /// c = 0
    /// for w = 0 … count − 1:
    ///     v = (five bits of k at 5w) + c                 (0 ≤ v ≤ 32)
    ///     if v > 16: s_w = v − 32, c = 1   else: s_w = v, c = 0
    /// ```
    static func signedDigits(_ scalar: Bytes) -> [(magnitude: UInt64, negative: UInt64)] {
        var digits: [(magnitude: UInt64, negative: UInt64)] = []
        digits.reserveCapacity(signedWindowCount)
        var carry: UInt64 = 0
        for w in 0..<signedWindowCount {
            let v = fiveBits(scalar, at: signedWindowBits * w) &+ carry
            carry = (16 &- v) &>> 63  // 1 exactly when v > 16 (then 16 − v wraps around)
            let negative = 0 &- carry
            digits.append((magnitude: (v & ~negative) | ((32 &- v) & negative), negative: negative))
        }
        return digits
    }

    /// k·P by a fixed window of signed 5-bit digits, most significant digit first.
    /// SPEC.md [PRIM-P224-MUL], [PRIM-SECP256K1-MUL].
    /// ```text
    /// T[0] = 𝒪, T[1] = P, T[2] = 2P, T[d] = T[d−1] + P for d = 3 … 16
    /// R = 𝒪
    /// for w = count − 1 down to 0:
    ///     R = 32·R                                     (five doublings; skipped for the first digit)
    ///     E = T[|s_w|], negated when s_w < 0           (constant-time look-up and negation)
    ///     S = R + E, or 2E when R = E (checked at w = 0 only, the one step where it can happen)
    ///     R = s_w = 0 ? R : (R = 𝒪 ? E : S)            (masked selection)
    /// ```
    /// SPEC.md gives the argument that R = E (where the incomplete addition is wrong) can only
    /// meet the last digit; R = −E gives 𝒪, as it should.
    /// - Returns: nil when k·P = 𝒪, i.e. k = 0.
    static func multiply(_ scalar: Bytes, _ point: AffinePoint<C>) -> AffinePoint<C>? {
        precondition(scalar.count == C.scalarLength)
        var table = [JacobianPoint<C>](repeating: .infinity, count: 17)
        let base = JacobianPoint<C>(point)
        table[1] = base
        table[2] = base.doubled()
        for d in 3...16 { table[d] = table[d - 1].adding(point) }

        let digits = signedDigits(scalar)
        var result = JacobianPoint<C>.infinity
        for w in stride(from: signedWindowCount - 1, through: 0, by: -1) {
            if w != signedWindowCount - 1 {
                for _ in 0..<signedWindowBits { result = result.doubled() }
            }
            let (magnitude, negative) = digits[w]
            var entry = lookup(table, magnitude)
            entry.y = .select(negative, entry.y.negated, entry.y)
            let sum = w == 0 ? result.addingOrDoubling(entry) : result.adding(entry)
            let chosen = JacobianPoint<C>.select(result.isInfinityMask, entry, sum)
            result = .select(equalMask(magnitude, 0), result, chosen)
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

/// Constant-time scalar multiplication on secp256k1: a fixed 4-bit window for any point, and a
/// precomputed table for the generator. SPEC.md PRIM-SECP256K1-MUL, PRIM-SECP256K1-MUL-BASE.
///
/// A scalar k in [0, n) is read as 64 digits of 4 bits, k = Σ d_w·16^w. Every digit costs the
/// same work whatever its value: the table entry is found by scanning the whole table with
/// masks (`lookup`), the addition is always computed, and the cases involving 𝒪 (a zero digit,
/// or the running sum still 𝒪) are settled by masked selection, not by branches. The same
/// shape as P224ScalarMultiplication.swift.
enum Secp256k1ScalarMultiplication {
    /// Bits per digit.
    static let windowBits = 4
    /// Number of digits of a 256-bit scalar.
    static let windowCount = 64

    /// The 4-bit digit d_w of a scalar given as 32 big-endian bytes. The byte index depends
    /// only on w, which is public.
    static func digit(_ scalar: Bytes, _ w: Int) -> UInt64 {
        let byte = UInt64(scalar[Secp256k1.scalarLength - 1 - w / 2])
        return (byte &>> UInt64(4 * (w % 2))) & 0xf
    }

    /// All ones when a == b, else zero; no branch on the values.
    static func equalMask(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let difference = a ^ b
        return ((difference | (0 &- difference)) &>> 63) &- 1
    }

    /// The entry `table[d]`, read by touching every entry (constant-time look-up).
    static func lookup(_ table: [Secp256k1JacobianPoint], _ d: UInt64) -> Secp256k1JacobianPoint {
        var found = Secp256k1JacobianPoint.infinity
        for i in 0..<table.count {
            found = .select(equalMask(UInt64(i), d), table[i], found)
        }
        return found
    }

    /// The entry for digit d ∈ [1, 16) of one row of the generator table (row[d − 1]); for
    /// d = 0 the result is the all-zero point, which the caller discards by selection.
    static func lookup(_ row: ArraySlice<Secp256k1AffinePoint>, _ d: UInt64) -> Secp256k1AffinePoint {
        var found = Secp256k1AffinePoint.zero
        for (offset, index) in row.indices.enumerated() {
            found = .select(equalMask(UInt64(offset + 1), d), row[index], found)
        }
        return found
    }

    /// k·P by a fixed 4-bit window, most significant digit first. SPEC.md [PRIM-SECP256K1-MUL].
    /// ```text
    /// T[d] = d·P for d = 0 … 15                      (T[0] = 𝒪, T[1] = P, T[2] = 2P, T[d] = T[d−1] + P)
    /// R = 𝒪
    /// for w = 63 down to 0:
    ///     R = 16·R                                     (four doublings; skipped for w = 63)
    ///     E = T[d_w]                                   (constant-time look-up)
    ///     R = d_w = 0 ? R : (R = 𝒪 ? E : R + E)        (masked selection)
    /// ```
    /// For 0 ≤ k < n the addition R + E never meets R = ±E with both finite (SPEC.md gives the
    /// argument), so the incomplete Jacobian addition is enough.
    /// - Returns: nil when k·P = 𝒪, i.e. k = 0 (declassified, CT-DECLASSIFY-INFINITY).
    static func multiply(_ scalar: Bytes, _ point: Secp256k1AffinePoint) -> Secp256k1AffinePoint? {
        precondition(scalar.count == Secp256k1.scalarLength)
        var table = [Secp256k1JacobianPoint](repeating: .infinity, count: 16)
        let base = Secp256k1JacobianPoint(point)
        table[1] = base
        table[2] = base.doubled()
        for d in 3..<16 { table[d] = table[d - 1].adding(point) }

        var result = Secp256k1JacobianPoint.infinity
        for w in stride(from: windowCount - 1, through: 0, by: -1) {
            if w != windowCount - 1 {
                for _ in 0..<windowBits { result = result.doubled() }
            }
            let d = digit(scalar, w)
            let entry = lookup(table, d)
            let sum = result.adding(entry)
            let chosen = Secp256k1JacobianPoint.select(result.isInfinityMask, entry, sum)
            result = .select(equalMask(d, 0), result, chosen)
        }
        return result.affine
    }

    /// k·G with the precomputed table: no doublings, one mixed addition per digit.
    /// SPEC.md [PRIM-SECP256K1-MUL-BASE].
    /// ```text
    /// table row w, entry d = d·16^w·G (affine) for w = 0 … 63, d = 1 … 15
    /// R = 𝒪 ; for w = 0 … 63: E = row_w[d_w] ; R = d_w = 0 ? R : (R = 𝒪 ? E : R + E)
    /// ```
    /// - Returns: nil when k = 0 (declassified, CT-DECLASSIFY-INFINITY).
    static func multiplyGenerator(_ scalar: Bytes) -> Secp256k1AffinePoint? {
        precondition(scalar.count == Secp256k1.scalarLength)
        let table = generatorTable
        var result = Secp256k1JacobianPoint.infinity
        for w in 0..<windowCount {
            let d = digit(scalar, w)
            let entry = lookup(table[(15 * w)..<(15 * w + 15)], d)
            let sum = result.adding(entry)
            let chosen = Secp256k1JacobianPoint.select(result.isInfinityMask, Secp256k1JacobianPoint(entry), sum)
            result = .select(equalMask(d, 0), result, chosen)
        }
        return result.affine
    }

    /// The 64 × 15 multiples d·16^w·G in affine form, row after row, built once on first use
    /// (960 group operations and one field inversion shared by all entries through Montgomery's
    /// simultaneous-inversion trick: Montgomery 1987, "Speeding the Pollard and elliptic curve
    /// methods of factorization", §10.3.1). Public data: the generator is public.
    static let generatorTable: [Secp256k1AffinePoint] = {
        var jacobian: [Secp256k1JacobianPoint] = []
        jacobian.reserveCapacity(15 * windowCount)
        var rowBase = Secp256k1JacobianPoint(Secp256k1.generator.affine)  // 16^w·G
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
    }()

    /// Converts finite Jacobian points to affine with one inversion (Montgomery's trick):
    /// prefix products of the Z's, one inverse of the whole product, then back to front.
    static func normalised(_ points: [Secp256k1JacobianPoint]) -> [Secp256k1AffinePoint] {
        var prefix: [Secp256k1FieldElement] = []
        prefix.reserveCapacity(points.count)
        var running = Secp256k1FieldElement.one
        for point in points {
            running = running * point.z
            prefix.append(running)
        }
        var inverse = running.inverted  // (Z_0 ⋯ Z_last)⁻¹
        var out = [Secp256k1AffinePoint](repeating: .zero, count: points.count)
        for index in stride(from: points.count - 1, through: 0, by: -1) {
            let zInverse = index > 0 ? inverse * prefix[index - 1] : inverse
            inverse = inverse * points[index].z
            let zInverse2 = zInverse.squared
            out[index] = Secp256k1AffinePoint(
                x: points[index].x * zInverse2, y: points[index].y * zInverse2 * zInverse)
        }
        return out
    }
}

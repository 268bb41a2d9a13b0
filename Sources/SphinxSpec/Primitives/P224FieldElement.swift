/// An element of the P-224 base field GF(p), p = 2²²⁴ − 2⁹⁶ + 1, in fixed-size limbs, with
/// arithmetic whose running time and memory accesses do not depend on the values.
/// SPEC.md [PRIM-P224-FIELD].
///
/// Representation: four 64-bit limbs, least significant first, always fully reduced (< p), so
/// equality of values is equality of limbs:
/// ```text
/// value = limbs[0] + limbs[1]·2⁶⁴ + limbs[2]·2¹²⁸ + limbs[3]·2¹⁹²     (limbs[3] < 2³²)
/// ```
/// Why Swift limbs and not GMP's `mpn_sec_*` layer: a product here is 16 `multipliedFullWidth`
/// calls that the compiler inlines, and the reduction uses the special shape of p (below); the
/// `mpn_sec_*` functions are generic (any modulus, through a division with scratch memory, one
/// C call per operation), which costs more than the whole multiplication here. The same code
/// also reads as the arithmetic it is.
///
/// Constant time: no branch and no memory index depends on a limb's value. Carries are taken
/// from `addingReportingOverflow` and turned into 0/1 or all-zero/all-one masks by arithmetic;
/// choices between two values are masked selections (`select`). Addition, subtraction and the
/// reduction are inlined into their callers (`@inline(__always)`: a multiplication k·P runs
/// about 8 % fewer instructions); scripts/ct-check, run on the release build, is what shows
/// that the optimiser turned none of their masks into a branch (it did for `.zero − a`, hence
/// `negated`).
struct P224FieldElement: ConstantTimeFieldElement {
    var limbs: InlineArray<4, UInt64>

    init(limbs: InlineArray<4, UInt64>) { self.limbs = limbs }

    static let zero = P224FieldElement(limbs: [0, 0, 0, 0])
    static let one = P224FieldElement(limbs: [1, 0, 0, 0])
    /// p = 2²²⁴ − 2⁹⁶ + 1 in limbs (FIPS 186-4 §D.1.2.2).
    static let modulus = P224FieldElement(limbs: [1, 0xffff_ffff_0000_0000, 0xffff_ffff_ffff_ffff, 0xffff_ffff])

    // MARK: Conversion (public data: points enter and leave as bytes)

    /// The field element encoded by 28 big-endian bytes, or nil when the value is not below p.
    init?(bigEndian bytes: Bytes) {
        guard bytes.count == P224.coordinateLength else { return nil }
        let (candidate, valid) = Self.parse(bigEndian: bytes)
        guard valid != 0 else { return nil }  // public data: a coordinate ≥ p is rejected
        self = candidate
    }

    /// The value of 28 big-endian bytes and a mask, all ones when it is below p; no branch on
    /// the bytes (a shared secret is re-read this way, PRIM-P224-DECODE).
    static func parse(bigEndian bytes: Bytes) -> (Self, UInt64) {
        precondition(bytes.count == P224.coordinateLength)
        var limbs: InlineArray<4, UInt64> = [0, 0, 0, 0]
        for (index, byte) in bytes.reversed().enumerated() {
            limbs[index / 8] |= UInt64(byte) &<< UInt64(8 * (index % 8))
        }
        let candidate = P224FieldElement(limbs: limbs)
        let (_, borrow) = candidate.subtractingModulus()
        return (candidate, 0 &- borrow)
    }

    /// The 28 big-endian bytes of the value.
    var bigEndianBytes: Bytes {
        var out = Bytes(repeating: 0, count: P224.coordinateLength)
        for index in 0..<P224.coordinateLength {
            out[P224.coordinateLength - 1 - index] = UInt8(
                truncatingIfNeeded: limbs[index / 8] &>> UInt64(8 * (index % 8)))
        }
        return out
    }

    // MARK: Masks and selection

    /// All ones when `self` is zero, else zero; no branch on the value.
    var isZeroMask: UInt64 {
        let any = limbs[0] | limbs[1] | limbs[2] | limbs[3]
        // (any | −any) has its top bit set exactly when any ≠ 0.
        return ((any | (0 &- any)) &>> 63) &- 1
    }

    /// `mask` all ones selects `ifSet`, all zeros selects `ifClear`; any other mask is a bug.
    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: P224FieldElement, _ ifClear: P224FieldElement) -> P224FieldElement {
        P224FieldElement(limbs: [
            (ifSet.limbs[0] & mask) | (ifClear.limbs[0] & ~mask),
            (ifSet.limbs[1] & mask) | (ifClear.limbs[1] & ~mask),
            (ifSet.limbs[2] & mask) | (ifClear.limbs[2] & ~mask),
            (ifSet.limbs[3] & mask) | (ifClear.limbs[3] & ~mask),
        ])
    }

    // MARK: Addition and subtraction

    /// `self − p` as limbs and the borrow out (1 when self < p).
    @inline(__always)
    private func subtractingModulus() -> (InlineArray<4, UInt64>, UInt64) {
        var borrow: UInt64
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64
        (d0, borrow) = Self.subtractWithBorrow(limbs[0], Self.modulus.limbs[0], 0)
        (d1, borrow) = Self.subtractWithBorrow(limbs[1], Self.modulus.limbs[1], borrow)
        (d2, borrow) = Self.subtractWithBorrow(limbs[2], Self.modulus.limbs[2], borrow)
        (d3, borrow) = Self.subtractWithBorrow(limbs[3], Self.modulus.limbs[3], borrow)
        return ([d0, d1, d2, d3], borrow)
    }

    /// `self − p` when that is not negative, else `self`: brings a value in [0, 2p) into [0, p).
    @inline(__always)
    private func reducedOnce() -> P224FieldElement {
        let (difference, borrow) = subtractingModulus()
        // borrow = 1 (self < p) keeps self: mask all ones.
        return Self.select(0 &- borrow, self, P224FieldElement(limbs: difference))
    }

    /// (a + b) mod p. Both are < p, so the sum is < 2p < 2²²⁵ and fits in four limbs.
    @inline(__always)
    static func + (a: P224FieldElement, b: P224FieldElement) -> P224FieldElement {
        var carry: UInt64
        let s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
        (s0, carry) = addWithCarry(a.limbs[0], b.limbs[0], 0)
        (s1, carry) = addWithCarry(a.limbs[1], b.limbs[1], carry)
        (s2, carry) = addWithCarry(a.limbs[2], b.limbs[2], carry)
        (s3, _) = addWithCarry(a.limbs[3], b.limbs[3], carry)
        return P224FieldElement(limbs: [s0, s1, s2, s3]).reducedOnce()
    }

    /// (a − b) mod p: subtract, then add p back under the mask of the final borrow.
    @inline(__always)
    static func - (a: P224FieldElement, b: P224FieldElement) -> P224FieldElement {
        var borrow: UInt64
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64
        (d0, borrow) = subtractWithBorrow(a.limbs[0], b.limbs[0], 0)
        (d1, borrow) = subtractWithBorrow(a.limbs[1], b.limbs[1], borrow)
        (d2, borrow) = subtractWithBorrow(a.limbs[2], b.limbs[2], borrow)
        (d3, borrow) = subtractWithBorrow(a.limbs[3], b.limbs[3], borrow)
        let mask = 0 &- borrow  // all ones when a < b: add p back
        var carry: UInt64
        let s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
        (s0, carry) = addWithCarry(d0, modulus.limbs[0] & mask, 0)
        (s1, carry) = addWithCarry(d1, modulus.limbs[1] & mask, carry)
        (s2, carry) = addWithCarry(d2, modulus.limbs[2] & mask, carry)
        (s3, _) = addWithCarry(d3, modulus.limbs[3] & mask, carry)
        return P224FieldElement(limbs: [s0, s1, s2, s3])
    }

    /// −a mod p = p − a, and 0 for a = 0 (by masked selection). Never inlined: `.zero − a`
    /// inlined where the optimiser knew the zero became a branch on a (scripts/ct-check found
    /// it in the signed-digit multiplication, which negates table entries).
    @inline(never)
    var negated: P224FieldElement {
        var borrow: UInt64
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64
        (d0, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[0], limbs[0], 0)
        (d1, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[1], limbs[1], borrow)
        (d2, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[2], limbs[2], borrow)
        (d3, _) = Self.subtractWithBorrow(Self.modulus.limbs[3], limbs[3], borrow)  // a < p: no borrow
        return Self.select(isZeroMask, Self.zero, P224FieldElement(limbs: [d0, d1, d2, d3]))
    }

    /// x − y − borrow as (difference, borrow out), borrows being 0 or 1.
    @inline(__always)
    private static func subtractWithBorrow(_ x: UInt64, _ y: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let (d1, b1) = x.subtractingReportingOverflow(y)
        let (d2, b2) = d1.subtractingReportingOverflow(borrow)
        return (d2, UInt64(truncatingIfNeeded: b1.bit | b2.bit))
    }

    // MARK: Multiplication

    /// (a · b) mod p: a schoolbook product into seven 64-bit limbs r0 … r6 (operand scanning,
    /// one row per limb of a), then the reduction of PRIM-P224-FIELD-REDUCE. Written out
    /// limb by limb so that every value stays in a register.
    static func * (a: P224FieldElement, b: P224FieldElement) -> P224FieldElement {
        let (a0, a1, a2, a3) = (a.limbs[0], a.limbs[1], a.limbs[2], a.limbs[3])
        let (b0, b1, b2, b3) = (b.limbs[0], b.limbs[1], b.limbs[2], b.limbs[3])
        var carry: UInt64
        // Row 0: a0 · b.
        var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64
        (carry, r0) = multiplyAdd(a0, b0, 0, 0)
        (carry, r1) = multiplyAdd(a0, b1, 0, carry)
        (carry, r2) = multiplyAdd(a0, b2, 0, carry)
        (r4, r3) = multiplyAdd(a0, b3, 0, carry)
        // Row 1: a1 · b, shifted one limb.
        (carry, r1) = multiplyAdd(a1, b0, r1, 0)
        (carry, r2) = multiplyAdd(a1, b1, r2, carry)
        (carry, r3) = multiplyAdd(a1, b2, r3, carry)
        (r5, r4) = multiplyAdd(a1, b3, r4, carry)
        // Row 2.
        (carry, r2) = multiplyAdd(a2, b0, r2, 0)
        (carry, r3) = multiplyAdd(a2, b1, r3, carry)
        (carry, r4) = multiplyAdd(a2, b2, r4, carry)
        (r6, r5) = multiplyAdd(a2, b3, r5, carry)
        // Row 3 (a3, b3 < 2³², so the product is below 2⁴⁴⁸ and no eighth limb is needed).
        (carry, r3) = multiplyAdd(a3, b0, r3, 0)
        (carry, r4) = multiplyAdd(a3, b1, r4, carry)
        (carry, r5) = multiplyAdd(a3, b2, r5, carry)
        (_, r6) = multiplyAdd(a3, b3, r6, carry)
        return reduce(r0, r1, r2, r3, r4, r5, r6)
    }

    /// x·y + addend + carry as (high, low) 64-bit halves; it never exceeds 2¹²⁸ − 1.
    @inline(__always)
    private static func multiplyAdd(_ x: UInt64, _ y: UInt64, _ addend: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (high, low) = x.multipliedFullWidth(by: y)
        let (s1, c1) = low.addingReportingOverflow(addend)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (high &+ UInt64(truncatingIfNeeded: c1.bit) &+ UInt64(truncatingIfNeeded: c2.bit), s2)
    }

    /// x + y + carry as (sum, carry out), carry in and out being 0 or 1.
    @inline(__always)
    private static func addWithCarry(_ x: UInt64, _ y: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (s1, c1) = x.addingReportingOverflow(y)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (s2, UInt64(truncatingIfNeeded: c1.bit | c2.bit))
    }

    /// a² mod p with 10 limb products instead of 16: the six products a_i·a_j (i < j) once,
    /// doubled by a one-bit shift, plus the four squares a_i² on the diagonal (Hankerson–
    /// Menezes–Vanstone, *Guide to ECC*, Algorithm 2.13's idea in 64-bit limbs).
    var squared: P224FieldElement {
        let (a0, a1, a2, a3) = (limbs[0], limbs[1], limbs[2], limbs[3])
        var carry: UInt64
        // Off-diagonal products t1 … t6 (weights 2⁶⁴ … 2³⁸⁴).
        var t1: UInt64, t2: UInt64, t3: UInt64, t4: UInt64, t5: UInt64, t6: UInt64
        (carry, t1) = Self.multiplyAdd(a0, a1, 0, 0)
        (carry, t2) = Self.multiplyAdd(a0, a2, 0, carry)
        (t4, t3) = Self.multiplyAdd(a0, a3, 0, carry)
        (carry, t3) = Self.multiplyAdd(a1, a2, t3, 0)
        (t5, t4) = Self.multiplyAdd(a1, a3, t4, carry)
        (t6, t5) = Self.multiplyAdd(a2, a3, t5, 0)
        // Doubled (the sum stays below 2⁴⁴⁸, so no bit leaves t6).
        t6 = (t6 &<< 1) | (t5 &>> 63)
        t5 = (t5 &<< 1) | (t4 &>> 63)
        t4 = (t4 &<< 1) | (t3 &>> 63)
        t3 = (t3 &<< 1) | (t2 &>> 63)
        t2 = (t2 &<< 1) | (t1 &>> 63)
        t1 = t1 &<< 1
        // Plus the diagonal a_i² at weights 2^(128·i).
        let (h0, r0) = a0.multipliedFullWidth(by: a0)
        let (h1, l1) = a1.multipliedFullWidth(by: a1)
        let (h2, l2) = a2.multipliedFullWidth(by: a2)
        let (_, l3) = a3.multipliedFullWidth(by: a3)  // a3 < 2³², so a3² < 2⁶⁴
        let r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64
        (r1, carry) = Self.addWithCarry(t1, h0, 0)
        (r2, carry) = Self.addWithCarry(t2, l1, carry)
        (r3, carry) = Self.addWithCarry(t3, h1, carry)
        (r4, carry) = Self.addWithCarry(t4, l2, carry)
        (r5, carry) = Self.addWithCarry(t5, h2, carry)
        (r6, _) = Self.addWithCarry(t6, l3, carry)
        return Self.reduce(r0, r1, r2, r3, r4, r5, r6)
    }

    /// Reduces a product c < 2⁴⁴⁸ (given as seven 64-bit limbs) modulo p by folding the part
    /// above 2²²⁴ back with 2²²⁴ ≡ 2⁹⁶ − 1 (mod p), the identity behind the NIST fast reduction
    /// (FIPS 186-4 Appendix D.2.2; Hankerson–Menezes–Vanstone, *Guide to ECC*, Algorithm 2.28),
    /// here in 64-bit limbs. SPEC.md [PRIM-P224-FIELD-REDUCE].
    /// ```text
    /// fold(x) = (x mod 2²²⁴) + (x div 2²²⁴)·(2⁹⁶ − 1)       ≡ x (mod p), and ≥ 0
    /// c < 2⁴⁴⁸          → S = fold(c) < 2²²⁴ + 2³²⁰
    /// S                 → T = fold(S) < 2²²⁴ + 2¹⁹³ < 2p
    /// c mod p = T − p if T ≥ p, else T                    (one masked subtraction)
    /// ```
    /// Each fold adds (x div 2²²⁴)·2⁹⁶ − (x div 2²²⁴), which is never negative, to the low 224
    /// bits with a carry chain. The same steps run for every input.
    @inline(__always)
    static func reduce(
        _ r0: UInt64, _ r1: UInt64, _ r2: UInt64, _ r3: UInt64, _ r4: UInt64, _ r5: UInt64, _ r6: UInt64
    ) -> P224FieldElement {
        let low32: UInt64 = 0xffff_ffff
        var borrow: UInt64, carry: UInt64
        // Step 1: S = fold(c). H = c div 2²²⁴ = (h3, h2, h1, h0), h3 < 2³²; H·2⁹⁶ − H has five
        // limbs (d4 … d0); S = (c mod 2²²⁴) + that, with a carry out s5 ∈ {0, 1}.
        let h0 = (r3 &>> 32) | (r4 &<< 32), h1 = (r4 &>> 32) | (r5 &<< 32)
        let h2 = (r5 &>> 32) | (r6 &<< 32), h3 = r6 &>> 32
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64, d4: UInt64
        (d0, borrow) = subtractWithBorrow(0, h0, 0)
        (d1, borrow) = subtractWithBorrow(h0 &<< 32, h1, borrow)
        (d2, borrow) = subtractWithBorrow((h0 &>> 32) | (h1 &<< 32), h2, borrow)
        (d3, borrow) = subtractWithBorrow((h1 &>> 32) | (h2 &<< 32), h3, borrow)
        (d4, _) = subtractWithBorrow((h2 &>> 32) | (h3 &<< 32), 0, borrow)  // H·2⁹⁶ ≥ H: no borrow
        let s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64, s4: UInt64, s5: UInt64
        (s0, carry) = addWithCarry(r0, d0, 0)
        (s1, carry) = addWithCarry(r1, d1, carry)
        (s2, carry) = addWithCarry(r2, d2, carry)
        (s3, carry) = addWithCarry(r3 & low32, d3, carry)
        (s4, s5) = addWithCarry(0, d4, carry)
        // Step 2: T = fold(S). G = S div 2²²⁴ = (g1, g0) < 2⁹⁷; G·2⁹⁶ − G has four limbs.
        let g0 = (s3 &>> 32) | (s4 &<< 32), g1 = (s4 &>> 32) | (s5 &<< 32)
        let e0: UInt64, e1: UInt64, e2: UInt64, e3: UInt64
        (e0, borrow) = subtractWithBorrow(0, g0, 0)
        (e1, borrow) = subtractWithBorrow(g0 &<< 32, g1, borrow)
        (e2, borrow) = subtractWithBorrow((g0 &>> 32) | (g1 &<< 32), 0, borrow)
        (e3, _) = subtractWithBorrow(g1 &>> 32, 0, borrow)
        let t0: UInt64, t1: UInt64, t2: UInt64, t3: UInt64
        (t0, carry) = addWithCarry(s0, e0, 0)
        (t1, carry) = addWithCarry(s1, e1, carry)
        (t2, carry) = addWithCarry(s2, e2, carry)
        (t3, _) = addWithCarry(s3 & low32, e3, carry)  // T < 2²²⁵: no carry out
        // Step 3: T < 2²²⁴ + 2¹⁹³ < 2p (= 2²²⁵ − 2⁹⁷ + 2), so one masked subtraction of p
        // leaves c mod p. The four limbs hold T: t3 < 2³³.
        return P224FieldElement(limbs: [t0, t1, t2, t3]).reducedOnce()
    }

    // MARK: Inversion

    /// a⁻¹ = a^(p−2) mod p (Fermat's little theorem), by a fixed addition chain, so the sequence
    /// of squarings and multiplications is the same for every a. SPEC.md [PRIM-P224-FIELD-INVERT].
    /// ```text
    /// p − 2 = 2²²⁴ − 2⁹⁶ − 1 = (2¹²⁷ − 1)·2⁹⁷ + (2⁹⁶ − 1)
    /// with x_k = a^(2^k − 1):  x_(j+k) = x_j^(2^k) · x_k
    /// x2, x3, x6, x12, x24, x48, x96, x120, x126, x127 ; a^(p−2) = x127^(2^97) · x96
    /// ```
    /// 223 squarings and 11 multiplications. The inverse of 0 comes out as 0.
    var inverted: P224FieldElement {
        func squaredRepeatedly(_ x: P224FieldElement, _ times: Int) -> P224FieldElement {
            var y = x
            for _ in 0..<times { y = y.squared }
            return y
        }
        let x1 = self
        let x2 = x1.squared * x1
        let x3 = x2.squared * x1
        let x6 = squaredRepeatedly(x3, 3) * x3
        let x12 = squaredRepeatedly(x6, 6) * x6
        let x24 = squaredRepeatedly(x12, 12) * x12
        let x48 = squaredRepeatedly(x24, 24) * x24
        let x96 = squaredRepeatedly(x48, 48) * x48
        let x120 = squaredRepeatedly(x96, 24) * x24
        let x126 = squaredRepeatedly(x120, 6) * x6
        let x127 = x126.squared * x1
        return squaredRepeatedly(x127, 97) * x96
    }
}

extension P224FieldElement: Equatable {
    /// Equality of fully reduced values; constant-time (no early exit).
    static func == (a: P224FieldElement, b: P224FieldElement) -> Bool {
        (a - b).isZeroMask != 0
    }
}

extension Bool {
    /// 0 or 1, without a branch (a Bool is stored as one bit).
    @inline(__always) fileprivate var bit: UInt8 { unsafeBitCast(self, to: UInt8.self) }
}

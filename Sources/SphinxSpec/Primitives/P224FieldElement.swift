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
/// choices between two values are masked selections (`select`).
struct P224FieldElement: Sendable {
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
    private func reducedOnce() -> P224FieldElement {
        let (difference, borrow) = subtractingModulus()
        // borrow = 1 (self < p) keeps self: mask all ones.
        return Self.select(0 &- borrow, self, P224FieldElement(limbs: difference))
    }

    /// (a + b) mod p. Both are < p, so the sum is < 2p < 2²²⁵ and fits in four limbs.
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

    /// Reduces a product c < p² (448 bits, given as seven 64-bit limbs) modulo p by the NIST
    /// fast reduction for P-224: FIPS 186-4 Appendix D.2.2 (Solinas; also Hankerson–Menezes–
    /// Vanstone, *Guide to ECC*, Algorithm 2.28). SPEC.md [PRIM-P224-FIELD-REDUCE].
    /// ```text
    /// c = (c13, …, c0) in 32-bit words
    /// T  = ( c6,  c5,  c4,  c3,  c2,  c1,  c0)
    /// S1 = (c10,  c9,  c8,  c7,   0,   0,   0)      S2 = (  0, c13, c12, c11,   0,   0,   0)
    /// D1 = (c13, c12, c11, c10,  c9,  c8,  c7)      D2 = (  0,   0,   0,   0, c13, c12, c11)
    /// c mod p = T + S1 + S2 − D1 − D2 mod p
    /// ```
    /// Each word sum is formed in a signed 64-bit integer; carries are propagated with
    /// arithmetic shifts. What is left above 2²²⁴ is a small signed k, folded back twice with
    /// 2²²⁴ ≡ 2⁹⁶ − 1 (mod p) (two folds always suffice; SPEC.md says why), and one masked
    /// subtraction of p brings the result below p. The same steps run for every input.
    static func reduce(
        _ r0: UInt64, _ r1: UInt64, _ r2: UInt64, _ r3: UInt64, _ r4: UInt64, _ r5: UInt64, _ r6: UInt64
    ) -> P224FieldElement {
        @inline(__always) func low(_ limb: UInt64) -> Int64 { Int64(truncatingIfNeeded: limb & 0xffff_ffff) }
        @inline(__always) func high(_ limb: UInt64) -> Int64 { Int64(truncatingIfNeeded: limb &>> 32) }
        let (c0, c1, c2, c3, c4, c5, c6) = (low(r0), high(r0), low(r1), high(r1), low(r2), high(r2), low(r3))
        let (c7, c8, c9, c10, c11, c12, c13) = (high(r3), low(r4), high(r4), low(r5), high(r5), low(r6), high(r6))
        // T + S1 + S2 − D1 − D2, word by word.
        var w0 = c0 &- c7 &- c11
        var w1 = c1 &- c8 &- c12
        var w2 = c2 &- c9 &- c13
        var w3 = c3 &+ c7 &+ c11 &- c10
        var w4 = c4 &+ c8 &+ c12 &- c11
        var w5 = c5 &+ c9 &+ c13 &- c12
        var w6 = c6 &+ c10 &- c13
        // Carry, fold k·2²²⁴ ≡ k·2⁹⁶ − k, twice; then a last carry pass leaves 0 ≤ w < 2²²⁴.
        for _ in 0..<2 {
            let k = propagateCarries(&w0, &w1, &w2, &w3, &w4, &w5, &w6)
            w0 &-= k
            w3 &+= k
        }
        _ = propagateCarries(&w0, &w1, &w2, &w3, &w4, &w5, &w6)
        @inline(__always) func limb(_ lowWord: Int64, _ highWord: Int64) -> UInt64 {
            UInt64(bitPattern: lowWord) | (UInt64(bitPattern: highWord) &<< 32)
        }
        let result = P224FieldElement(limbs: [limb(w0, w1), limb(w2, w3), limb(w4, w5), UInt64(bitPattern: w6)])
        return result.reducedOnce()
    }

    /// Leaves every word in [0, 2³²) and returns the signed carry out of word 6.
    @inline(__always)
    private static func propagateCarries(
        _ w0: inout Int64, _ w1: inout Int64, _ w2: inout Int64, _ w3: inout Int64,
        _ w4: inout Int64, _ w5: inout Int64, _ w6: inout Int64
    ) -> Int64 {
        // >> on Int64 is an arithmetic shift: the floor of w / 2³², also for w < 0. The wrapping
        // operators (&+, &-) never wrap here; they only keep overflow checks (branches) out.
        w1 &+= w0 >> 32
        w0 &= 0xffff_ffff
        w2 &+= w1 >> 32
        w1 &= 0xffff_ffff
        w3 &+= w2 >> 32
        w2 &= 0xffff_ffff
        w4 &+= w3 >> 32
        w3 &= 0xffff_ffff
        w5 &+= w4 >> 32
        w4 &= 0xffff_ffff
        w6 &+= w5 >> 32
        w5 &= 0xffff_ffff
        let k = w6 >> 32
        w6 &= 0xffff_ffff
        return k
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

/// An element of the secp256k1 base field GF(p), p = 2²⁵⁶ − 2³² − 977, in fixed-size limbs,
/// with arithmetic whose running time and memory accesses do not depend on the values.
/// SPEC.md [PRIM-SECP256K1-FIELD].
///
/// Representation: four 64-bit limbs, least significant first, always fully reduced (< p), so
/// equality of values is equality of limbs:
/// ```text
/// value = limbs[0] + limbs[1]·2⁶⁴ + limbs[2]·2¹²⁸ + limbs[3]·2¹⁹²
/// ```
/// The same layout and habits as P224FieldElement.swift: no branch and no memory index depends
/// on a limb's value; carries come from `addingReportingOverflow` and become 0/1 or all-zero/
/// all-one masks by arithmetic; choices are masked selections (`select`).
struct Secp256k1FieldElement: ConstantTimeFieldElement {
    var limbs: InlineArray<4, UInt64>

    init(limbs: InlineArray<4, UInt64>) { self.limbs = limbs }

    static let zero = Secp256k1FieldElement(limbs: [0, 0, 0, 0])
    static let one = Secp256k1FieldElement(limbs: [1, 0, 0, 0])
    /// p = 2²⁵⁶ − 2³² − 977 in limbs (SEC 2 v2 §2.4.1).
    static let modulus = Secp256k1FieldElement(limbs: [
        0xffff_fffe_ffff_fc2f, 0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_ffff,
    ])
    /// c = 2²⁵⁶ − p = 2³² + 977: the multiple of 2²⁵⁶ that the reduction folds back.
    static let foldConstant: UInt64 = 0x1_0000_03d1

    // MARK: Conversion (points enter and leave as bytes)

    /// The field element encoded by 32 big-endian bytes, or nil when the value is not below p.
    /// The verdict is a branch: only public coordinates (a received point) are read this way.
    init?(bigEndian bytes: Bytes) {
        guard bytes.count == Secp256k1.coordinateLength else { return nil }
        var limbs: InlineArray<4, UInt64> = [0, 0, 0, 0]
        for (index, byte) in bytes.reversed().enumerated() {
            limbs[index / 8] |= UInt64(byte) &<< UInt64(8 * (index % 8))
        }
        let candidate = Secp256k1FieldElement(limbs: limbs)
        let (_, borrow) = candidate.subtractingModulus()
        guard borrow == 1 else { return nil }
        self = candidate
    }

    /// The 32 big-endian bytes of the value.
    var bigEndianBytes: Bytes {
        var out = Bytes(repeating: 0, count: Secp256k1.coordinateLength)
        for index in 0..<Secp256k1.coordinateLength {
            out[Secp256k1.coordinateLength - 1 - index] = UInt8(
                truncatingIfNeeded: limbs[index / 8] &>> UInt64(8 * (index % 8)))
        }
        return out
    }

    /// The lowest bit of the value (0 or 1), the parity that point compression records.
    var parity: UInt64 { limbs[0] & 1 }

    // MARK: Masks and selection

    /// All ones when `self` is zero, else zero; no branch on the value.
    var isZeroMask: UInt64 {
        let any = limbs[0] | limbs[1] | limbs[2] | limbs[3]
        // (any | −any) has its top bit set exactly when any ≠ 0.
        return ((any | (0 &- any)) &>> 63) &- 1
    }

    /// `mask` all ones selects `ifSet`, all zeros selects `ifClear`; any other mask is a bug.
    @inline(__always)
    static func select(_ mask: UInt64, _ ifSet: Self, _ ifClear: Self) -> Self {
        Self(limbs: [
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

    /// The value of `self + carry·2²⁵⁶` (carry 0 or 1) reduced below p, when that value is
    /// below 2p: subtract p unless the subtraction borrows and nothing was carried out.
    private func reducedOnce(carry: UInt64 = 0) -> Self {
        let (difference, borrow) = subtractingModulus()
        // Keep self only when self < p (borrow 1) and no carry: mask all ones.
        let keep = (0 &- borrow) & (carry &- 1)
        return Self.select(keep, self, Self(limbs: difference))
    }

    /// (a + b) mod p. The sum is below 2p < 2²⁵⁷: four limbs and a carry bit.
    static func + (a: Self, b: Self) -> Self {
        var carry: UInt64
        let s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
        (s0, carry) = addWithCarry(a.limbs[0], b.limbs[0], 0)
        (s1, carry) = addWithCarry(a.limbs[1], b.limbs[1], carry)
        (s2, carry) = addWithCarry(a.limbs[2], b.limbs[2], carry)
        (s3, carry) = addWithCarry(a.limbs[3], b.limbs[3], carry)
        return Self(limbs: [s0, s1, s2, s3]).reducedOnce(carry: carry)
    }

    /// (a − b) mod p: subtract, then add p back under the mask of the final borrow.
    static func - (a: Self, b: Self) -> Self {
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
        return Self(limbs: [s0, s1, s2, s3])
    }

    /// −a mod p = p − a, and 0 for a = 0 (by masked selection). Never inlined: `.zero − a`
    /// inlined where the optimiser knew the zero became a branch on a (scripts/ct-check found
    /// it in the signed-digit multiplication, which negates table entries).
    @inline(never)
    var negated: Self {
        var borrow: UInt64
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64
        (d0, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[0], limbs[0], 0)
        (d1, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[1], limbs[1], borrow)
        (d2, borrow) = Self.subtractWithBorrow(Self.modulus.limbs[2], limbs[2], borrow)
        (d3, _) = Self.subtractWithBorrow(Self.modulus.limbs[3], limbs[3], borrow)  // a < p: no borrow
        return Self.select(isZeroMask, Self.zero, Self(limbs: [d0, d1, d2, d3]))
    }

    /// x − y − borrow as (difference, borrow out), borrows being 0 or 1.
    @inline(__always)
    private static func subtractWithBorrow(_ x: UInt64, _ y: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let (d1, b1) = x.subtractingReportingOverflow(y)
        let (d2, b2) = d1.subtractingReportingOverflow(borrow)
        return (d2, UInt64(truncatingIfNeeded: b1.bit | b2.bit))
    }

    /// x + y + carry as (sum, carry out), carry in and out being 0 or 1.
    @inline(__always)
    private static func addWithCarry(_ x: UInt64, _ y: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (s1, c1) = x.addingReportingOverflow(y)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (s2, UInt64(truncatingIfNeeded: c1.bit | c2.bit))
    }

    /// x·y + addend + carry as (high, low) 64-bit halves; it never exceeds 2¹²⁸ − 1.
    @inline(__always)
    private static func multiplyAdd(_ x: UInt64, _ y: UInt64, _ addend: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (high, low) = x.multipliedFullWidth(by: y)
        let (s1, c1) = low.addingReportingOverflow(addend)
        let (s2, c2) = s1.addingReportingOverflow(carry)
        return (high &+ UInt64(truncatingIfNeeded: c1.bit) &+ UInt64(truncatingIfNeeded: c2.bit), s2)
    }

    // MARK: Multiplication

    /// (a · b) mod p: a schoolbook product into eight 64-bit limbs r0 … r7 (one row per limb
    /// of a), then the reduction of PRIM-SECP256K1-FIELD-REDUCE.
    static func * (a: Self, b: Self) -> Self {
        let (a0, a1, a2, a3) = (a.limbs[0], a.limbs[1], a.limbs[2], a.limbs[3])
        let (b0, b1, b2, b3) = (b.limbs[0], b.limbs[1], b.limbs[2], b.limbs[3])
        var carry: UInt64
        var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64, r7: UInt64
        // Row 0: a0 · b.
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
        // Row 3.
        (carry, r3) = multiplyAdd(a3, b0, r3, 0)
        (carry, r4) = multiplyAdd(a3, b1, r4, carry)
        (carry, r5) = multiplyAdd(a3, b2, r5, carry)
        (r7, r6) = multiplyAdd(a3, b3, r6, carry)
        return reduce(r0, r1, r2, r3, r4, r5, r6, r7)
    }

    /// a² mod p, as a · a. (A dedicated squaring would save six of the sixteen limb products;
    /// the plain product keeps the file shorter, and the group law is not this profile's cost.)
    var squared: Self { self * self }

    /// Reduces a product c < p² (512 bits, eight 64-bit limbs) modulo p using the shape of p:
    /// 2²⁵⁶ ≡ 2³² + 977 = c₀ (mod p) (the special form of SEC 2 §2.4.1; the method of
    /// Hankerson–Menezes–Vanstone, *Guide to ECC*, §2.2.6, for a pseudo-Mersenne prime).
    /// SPEC.md [PRIM-SECP256K1-FIELD-REDUCE].
    /// ```text
    /// c = H·2²⁵⁶ + L                         (H, L < 2²⁵⁶)
    /// t = L + c₀·H                           (< 2²⁹⁰: four limbs and t4 < 2³⁴)
    /// u = (t mod 2²⁵⁶) + c₀·t4               (< 2²⁵⁶ + 2⁶⁸: four limbs and a carry k ∈ {0, 1})
    /// v = (u mod 2²⁵⁶) + c₀·k                (k = 1 only when u mod 2²⁵⁶ < 2⁶⁸: no carry out)
    /// result = v − p if v ≥ p, else v         (masked selection)
    /// ```
    /// The same steps run for every input.
    static func reduce(
        _ r0: UInt64, _ r1: UInt64, _ r2: UInt64, _ r3: UInt64,
        _ r4: UInt64, _ r5: UInt64, _ r6: UInt64, _ r7: UInt64
    ) -> Self {
        let c0 = foldConstant
        var carry: UInt64
        // t = L + c₀·H.
        let t0: UInt64, t1: UInt64, t2: UInt64, t3: UInt64, t4: UInt64
        (carry, t0) = multiplyAdd(r4, c0, r0, 0)
        (carry, t1) = multiplyAdd(r5, c0, r1, carry)
        (carry, t2) = multiplyAdd(r6, c0, r2, carry)
        (t4, t3) = multiplyAdd(r7, c0, r3, carry)
        // u = (t mod 2²⁵⁶) + c₀·t4.
        let (high, low) = t4.multipliedFullWidth(by: c0)
        let u0: UInt64, u1: UInt64, u2: UInt64, u3: UInt64
        (u0, carry) = addWithCarry(t0, low, 0)
        (u1, carry) = addWithCarry(t1, high, carry)
        (u2, carry) = addWithCarry(t2, 0, carry)
        (u3, carry) = addWithCarry(t3, 0, carry)
        // v = (u mod 2²⁵⁶) + c₀·k.
        let v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64
        (v0, carry) = addWithCarry(u0, c0 & (0 &- carry), 0)
        (v1, carry) = addWithCarry(u1, 0, carry)
        (v2, carry) = addWithCarry(u2, 0, carry)
        (v3, _) = addWithCarry(u3, 0, carry)
        return Self(limbs: [v0, v1, v2, v3]).reducedOnce()
    }

    // MARK: Exponentiation by fixed chains

    /// `self` squared `times` times; `times` is a constant of the chain, never secret.
    func squaredRepeatedly(_ times: Int) -> Self {
        var y = self
        for _ in 0..<times { y = y.squared }
        return y
    }

    /// The powers x_k = a^(2^k − 1) that both chains below share (libsecp256k1's
    /// `secp256k1_fe_inv` and `secp256k1_fe_sqrt` use the same blocks, src/field_impl.h):
    /// x_(j+k) = x_j^(2^k) · x_k.
    private var sharedChain: (x1: Self, x2: Self, x3: Self, x22: Self, x223: Self) {
        let x1 = self
        let x2 = x1.squared * x1
        let x3 = x2.squared * x1
        let x6 = x3.squaredRepeatedly(3) * x3
        let x9 = x6.squaredRepeatedly(3) * x3
        let x11 = x9.squaredRepeatedly(2) * x2
        let x22 = x11.squaredRepeatedly(11) * x11
        let x44 = x22.squaredRepeatedly(22) * x22
        let x88 = x44.squaredRepeatedly(44) * x44
        let x176 = x88.squaredRepeatedly(88) * x88
        let x220 = x176.squaredRepeatedly(44) * x44
        let x223 = x220.squaredRepeatedly(3) * x3
        return (x1, x2, x3, x22, x223)
    }

    /// a⁻¹ = a^(p−2) mod p (Fermat's little theorem) by a fixed addition chain, so the sequence
    /// of squarings and multiplications is the same for every a. SPEC.md [PRIM-SECP256K1-FIELD-INVERT].
    /// ```text
    /// p − 2 = 2²⁵⁶ − 2³² − 979: in binary, blocks of 223, 22, 1, 2 and 1 ones
    /// a^(p−2) = (((x223^(2^23) · x22)^(2^5) · a)^(2^3) · x2)^(2^2) · a
    /// ```
    /// 255 squarings and 15 multiplications. The inverse of 0 comes out as 0.
    var inverted: Self {
        let x = sharedChain
        let t1 = x.x223.squaredRepeatedly(23) * x.x22
        let t2 = t1.squaredRepeatedly(5) * x.x1
        let t3 = t2.squaredRepeatedly(3) * x.x2
        return t3.squaredRepeatedly(2) * x.x1
    }

    /// c^((p+1)/4) mod p: since p ≡ 3 (mod 4), a square root of c whenever c is a square (the
    /// caller checks by squaring). SPEC.md [PRIM-SECP256K1-FIELD-SQRT].
    /// ```text
    /// (p + 1)/4 = 2²⁵⁴ − 2³⁰ − 244: c^((p+1)/4) = ((x223^(2^23) · x22)^(2^6) · x2)^(2^2)
    /// ```
    var squareRootCandidate: Self {
        let x = sharedChain
        let t1 = x.x223.squaredRepeatedly(23) * x.x22
        let t2 = t1.squaredRepeatedly(6) * x.x2
        return t2.squaredRepeatedly(2)
    }
}

extension Secp256k1FieldElement: Equatable {
    /// Equality of fully reduced values; constant-time (no early exit).
    static func == (a: Self, b: Self) -> Bool {
        (a - b).isZeroMask != 0
    }
}

extension Bool {
    /// 0 or 1, without a branch (a Bool is stored as one bit).
    @inline(__always) fileprivate var bit: UInt8 { unsafeBitCast(self, to: UInt8.self) }
}

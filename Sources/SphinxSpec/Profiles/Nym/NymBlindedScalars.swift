import CGMP
import CSodium

/// How a nym sender computes every hop's α_i and s_i (SPHINX-CREATE-2). Both give the same
/// bytes and the same errors; the test vectors, the crate's known answers and a property test
/// over random routes (including keys of small order and on the twist) hold them to it.
public enum NymKeySchedule: String, Sendable, CaseIterable {
    /// SPHINX-CREATE-2 as written: α_{i+1} = X25519(b_i, α_i) and s_i folds X25519 over
    /// [x, b_0, …, b_{i−1}] from y_i, ν(ν+3)/2 X25519s in all.
    case readable
    /// NYM-FAST: the clamped scalars are multiplied modulo ℓ first, then one base-point and one
    /// variable-base X25519 per hop (2ν in all); a route with a key off the curve falls back to
    /// `readable`.
    case blindedScalarsFirst
}

/// The O(ν) sender key schedule: multiply the blinding scalars first. SPEC.md §4.1.10.
///
/// Each X25519 in the readable method multiplies by a clamped scalar
/// c(k) = 2^254 + 8·⌊(k mod 2^254)/8⌋ (RFC 7748 §5), so s_i = [c(x)·c(b_0)⋯c(b_{i−1})]·Y_i and α_i is the same product
/// times the base point. Curve25519 has order 8ℓ; every c(k) is a multiple of 8, so for a point
/// on the curve only the product modulo ℓ matters. X25519 cannot multiply by an arbitrary
/// scalar (it clamps), but every residue e modulo ℓ has, for e or for −e, a clamped
/// representative, and [−e]·P has the same u-coordinate as [e]·P. On the twist (order 4ℓ′)
/// the product modulo ℓ means nothing, which is why such a route takes the readable method.
enum NymBlindedScalars {
    /// The sender's α_i, s_i and keys by the blinded-scalars method. SPEC.md [NYM-FAST-1].
    /// ```text
    /// fall back to SPHINX-CREATE-2 unless every y_i is on the curve (NYM-FAST-2)
    /// e_0 = c(x) mod ℓ
    /// for i = 0 … ν−1:
    ///   k_i = the clamped representative of ±e_i (NYM-FAST-3)
    ///   α_i = X25519(k_i, 9) ;  s_i = X25519(k_i, y_i) ;  keys_i = NYM-KEYS-1(s_i)
    ///   e_{i+1} = e_i · c(b_i) mod ℓ
    /// ```
    /// Any failure (an input of the wrong length, an all-zero X25519, the 2^−125 chance that
    /// neither ±e_i has a representative) hands the whole route to the readable method, which
    /// then gives the same result or throws the same error as it always does.
    static func hopMaterial(
        profile: NymProfile, initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [Sphinx.HopMaterial<NymProfile>] {
        // Step 1: every public key must be a point of the curve, not of its twist (NYM-FAST-2).
        if publicKeys.allSatisfy(isOnCurve),
            let material = try? fastHopMaterial(profile: profile, initialSecret: x, publicKeys: publicKeys)
        {
            return material
        }
        return try Sphinx.hopKeyMaterial(profile: profile, initialSecret: x, publicKeys: publicKeys)
    }

    /// The fast path without the curve check (internal so that a test can show what the check
    /// prevents); nil where the readable method must decide.
    static func fastHopMaterial(
        profile: NymProfile, initialSecret x: Bytes, publicKeys: [Bytes]
    ) throws(SphinxError) -> [Sphinx.HopMaterial<NymProfile>]? {
        guard x.count == X25519.scalarLength else { return nil }
        // Step 2: e_0 = c(x) mod ℓ.
        var e = try reducedClamped(x)
        var out: [Sphinx.HopMaterial<NymProfile>] = []
        for y in publicKeys {
            // Step 3: one representative k_i serves both α_i and s_i.
            guard var k = clampedRepresentative(of: e) else { return nil }
            let alpha = try profile.exponentiate(X25519.basePoint, by: [k])
            var s = try profile.exponentiate(y, by: [k])
            ByteOps.wipe(&k)
            let keys = try profile.deriveHopKeys(alpha: alpha, sharedSecret: s)
            out.append(Sphinx.HopMaterial(alpha: alpha, sharedSecret: SecretBytes(wiping: &s), keys: keys))
            // Step 4: e_{i+1} = e_i · c(b_i) mod ℓ.
            e = multiply(e, try reducedClamped(keys.blindingFactor))
        }
        ByteOps.wipe(&e)
        return out
    }

    // MARK: The curve or its twist

    /// Whether u (as X25519 reads it: bit 255 ignored, reduced mod p) is the u-coordinate of a
    /// point of Curve25519 other than (0, 0). SPEC.md [NYM-FAST-2].
    /// ```text
    /// on the curve  ⇔  u³ + 486662·u² + u is a non-zero square mod p   (Legendre symbol = 1)
    /// ```
    /// Otherwise u is on the quadratic twist (symbol −1) or is 0 (symbol 0, the point of
    /// order 2). Public keys are public, so this check may take variable time.
    static func isOnCurve(_ u: Bytes) -> Bool {
        guard u.count == X25519.pointLength else { return false }
        var masked = u
        masked[31] &= 0x7f
        // Three mpz_t values in one allocation: u, p, and the right-hand side.
        let mpz = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 3)
        let (value, prime, rhs) = (mpz, mpz + 1, mpz + 2)
        for i in 0..<3 { __gmpz_init(mpz + i) }
        defer {
            for i in 0..<3 { __gmpz_clear(mpz + i) }
            mpz.deallocate()
        }
        // order −1: least significant byte first, as RFC 7748 encodes u.
        masked.withUnsafeBytes { __gmpz_import(value, 32, -1, 1, 0, 0, $0.baseAddress) }
        X25519.fieldPrime.withUnsafeBytes { __gmpz_import(prime, 32, -1, 1, 0, 0, $0.baseAddress) }
        __gmpz_mod(value, value, prime)
        // rhs = ((u + A)·u + 1)·u
        __gmpz_add_ui(rhs, value, 486_662)
        __gmpz_mul(rhs, rhs, value)
        __gmpz_add_ui(rhs, rhs, 1)
        __gmpz_mul(rhs, rhs, value)
        __gmpz_mod(rhs, rhs, prime)
        return __gmpz_jacobi(rhs, prime) == 1
    }

    // MARK: Scalars modulo ℓ (libsodium's crypto_core_ed25519_scalar_*)

    /// c(k) mod ℓ: the clamped scalar X25519 multiplies by, reduced modulo the prime order ℓ.
    static func reducedClamped(_ k: Bytes) throws(SphinxError) -> Bytes {
        let clamped = try SphinxError.wrap { () throws(PrimitiveError) -> Bytes in try X25519.clamp(k) }
        return reduce(clamped)
    }

    /// n mod ℓ for a 32-byte little-endian n.
    static func reduce(_ n: Bytes) -> Bytes {
        Sodium.ensureInitialised()
        let wide = n + Bytes(repeating: 0, count: 64 - n.count)
        var out = Bytes(repeating: 0, count: 32)
        crypto_core_ed25519_scalar_reduce(&out, wide)
        return out
    }

    static func multiply(_ a: Bytes, _ b: Bytes) -> Bytes {
        var out = Bytes(repeating: 0, count: 32)
        crypto_core_ed25519_scalar_mul(&out, a, b)
        return out
    }

    static func subtract(_ a: Bytes, _ b: Bytes) -> Bytes {
        var out = Bytes(repeating: 0, count: 32)
        crypto_core_ed25519_scalar_sub(&out, a, b)
        return out
    }

    static func negate(_ a: Bytes) -> Bytes {
        var out = Bytes(repeating: 0, count: 32)
        crypto_core_ed25519_scalar_negate(&out, a)
        return out
    }

    /// 2^254 mod ℓ.
    static let twoTo254 = reduce(Bytes(repeating: 0, count: 31) + [0x40])
    /// 8^−1 mod ℓ.
    static let inverseOfEight: Bytes = {
        var out = Bytes(repeating: 0, count: 32)
        _ = crypto_core_ed25519_scalar_invert(&out, [8] + Bytes(repeating: 0, count: 31))
        return out
    }()

    /// The clamped scalar k with k ≡ e or k ≡ −e (mod ℓ), or nil. SPEC.md [NYM-FAST-3].
    /// ```text
    /// clamped scalars are k = 2^254 + 8m, 0 ≤ m < 2^251
    /// m_± = (±e − 2^254) · 8^−1 mod ℓ ;  use m_+ if m_+ < 2^251, else m_− if m_− < 2^251
    /// ```
    /// m_+ + m_− ≡ −2^252 ≡ ℓ − 2^252 (mod ℓ), a 125-bit number, so when m_+ ≥ 2^251 then
    /// m_− < 2^251 unless m_+ lies within 2^126 of 2^251: nil has probability about 2^−125.
    /// Both candidates are computed and one is selected without a branch on e (a secret).
    static func clampedRepresentative(of e: Bytes) -> Bytes? {
        let plus = multiply(subtract(e, twoTo254), inverseOfEight)
        let minus = multiply(subtract(negate(e), twoTo254), inverseOfEight)
        let plusFits = fitsMask(plus)
        let minusFits = fitsMask(minus)
        // Whether neither candidate fits (probability ≈ 2^−125) decides whether the sender
        // falls back to the readable schedule; that one bit is declassified [CT-DECLASSIFY-NYM-FALLBACK].
        guard Declassify.publish(plusFits | minusFits) == 0xff else { return nil }
        var m = Bytes(repeating: 0, count: 32)
        for i in 0..<32 { m[i] = (plus[i] & plusFits) | (minus[i] & ~plusFits) }
        // k = 8m + 2^254: shift left by three bits, then set bit 254.
        var k = Bytes(repeating: 0, count: 32)
        var carry: UInt8 = 0
        for i in 0..<32 {
            k[i] = (m[i] << 3) | carry
            carry = m[i] >> 5
        }
        k[31] |= 0x40
        return k
    }

    /// 0xff when m < 2^251 (no bit above bit 2 in its top byte), else 0x00, without a branch.
    private static func fitsMask(_ m: Bytes) -> UInt8 {
        // &-: a checked subtraction would branch (on overflow) on the secret byte.
        UInt8(truncatingIfNeeded: (Int(m[31] & 0xf8) &- 1) >> 8)
    }
}

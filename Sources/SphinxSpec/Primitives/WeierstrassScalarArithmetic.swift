import CGMP
import CSodium

/// Integers modulo a curve's group order n, for secret scalars (private keys, blinding factors
/// and their products), on GMP's low-level functions for cryptography: `mpn_sec_mul` and
/// `mpn_sec_div_r` (GMP manual §8.12, "Low-level functions for cryptography": same operations
/// and memory access pattern for any two inputs of the same size) and `mpn_sub_n`, which the
/// same section lists as side-channel silent. One value of this type per curve: `p224` and
/// `secp256k1` below; only n and the scalar length differ.
///
/// A value is four 64-bit limbs (n has four limbs on both curves), least significant first,
/// below n. Only sizes (which are public: a scalar is always four limbs; a string to reduce has
/// its public length) decide what runs. The verdicts "is zero" and "is below n" are computed as
/// masks without branches; the callers in P224.swift and Secp256k1.swift turn them into a Bool
/// where the result is public (an invalid key is refused, a rejected random draw is drawn
/// again), which SPEC.md names as declassifications.
///
/// GMP's `mpn_*` names are C macros that Swift does not import; the functions behind them are
/// called by their exported names (`__gmpn_*`). `mp_limb_t` is 64 bits on every platform this
/// package builds for (Linux x86-64 and arm64).
struct WeierstrassScalarArithmetic: Sendable {
    typealias Limbs = [mp_limb_t]

    /// The group order n in limbs, least significant first.
    let order: Limbs
    /// Bytes of an encoded scalar (big-endian, fixed length).
    let byteLength: Int

    /// Scalars mod the P-224 order, n from FIPS 186-4 §D.1.2.2, 28-byte encodings.
    /// SPEC.md [PRIM-P224-SCALAR-CT].
    static let p224 = WeierstrassScalarArithmetic(
        order: [0x13dd_2945_5c5c_2a3d, 0xffff_16a2_e0b8_f03e, 0xffff_ffff_ffff_ffff, 0xffff_ffff],
        byteLength: 28)

    /// Scalars mod the secp256k1 order, n from SEC 2 v2 §2.4.1 (four full limbs), 32-byte
    /// encodings. SPEC.md [PRIM-SECP256K1-SCALAR-CT].
    static let secp256k1 = WeierstrassScalarArithmetic(
        order: [
            0xbfd2_5e8c_d036_4141, 0xbaae_dce6_af48_a03b, 0xffff_ffff_ffff_fffe, 0xffff_ffff_ffff_ffff,
        ],
        byteLength: 32)

    /// The limbs of a big-endian byte string, least significant first, at least as many as n
    /// has (leading zero limbs added). The count depends only on the length.
    func limbs(bigEndian bytes: Bytes) -> Limbs {
        var out = Limbs(repeating: 0, count: max(order.count, (bytes.count + 7) / 8))
        for (index, byte) in bytes.reversed().enumerated() {
            out[index / 8] |= mp_limb_t(byte) &<< mp_limb_t(8 * (index % 8))
        }
        return out
    }

    /// The `byteLength` big-endian bytes of a value below n.
    func bytes(_ value: Limbs) -> Bytes {
        var out = Bytes(repeating: 0, count: byteLength)
        for index in 0..<byteLength {
            out[byteLength - 1 - index] = UInt8(
                truncatingIfNeeded: value[index / 8] &>> mp_limb_t(8 * (index % 8)))
        }
        return out
    }

    /// `value mod n` by `mpn_sec_div_r`, for any number of limbs (at least four).
    func reduce(_ value: Limbs) -> Limbs {
        precondition(value.count >= order.count)
        var remainder = value
        let count = mp_size_t(value.count)
        var scratch = Limbs(repeating: 0, count: Int(__gmpn_sec_div_r_itch(count, mp_size_t(order.count))))
        remainder.withUnsafeMutableBufferPointer { r in
            scratch.withUnsafeMutableBufferPointer { s in
                __gmpn_sec_div_r(r.baseAddress, count, order, mp_size_t(order.count), s.baseAddress)
            }
        }
        return Array(remainder.prefix(order.count))
    }

    /// `a · b mod n`: the full product by `mpn_sec_mul`, then `reduce`.
    func multiply(_ a: Limbs, _ b: Limbs) -> Limbs {
        var product = Limbs(repeating: 0, count: 2 * order.count)
        var scratch = Limbs(
            repeating: 0, count: Int(__gmpn_sec_mul_itch(mp_size_t(a.count), mp_size_t(b.count))))
        product.withUnsafeMutableBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { s in
                __gmpn_sec_mul(p.baseAddress, a, mp_size_t(a.count), b, mp_size_t(b.count), s.baseAddress)
            }
        }
        return reduce(product)
    }

    /// All ones when every limb is zero, else zero; no branch on the value. The test is
    /// libsodium's `sodium_is_zero` (constant time, and opaque to the optimiser): the same test
    /// written in Swift, ((x | −x) >> 63) − 1, was recognised by LLVM in a release build as a
    /// comparison and, combined with the other masks of a key check, compiled into a branch on
    /// the key (found by `scripts/ct-check --release`, SPEC.md §2.9).
    func isZeroMask(_ value: Limbs) -> UInt64 {
        let zero = value.withUnsafeBytes { raw in
            sodium_is_zero(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        return 0 &- UInt64(truncatingIfNeeded: zero)
    }

    /// All ones when a four-limb value is below n (the borrow of value − n), else zero.
    func isBelowOrderMask(_ value: Limbs) -> UInt64 {
        precondition(value.count == order.count)
        var difference = Limbs(repeating: 0, count: order.count)
        let borrow = difference.withUnsafeMutableBufferPointer { d in
            __gmpn_sub_n(d.baseAddress, value, order, mp_size_t(order.count))
        }
        return 0 &- UInt64(truncatingIfNeeded: borrow)
    }

    /// All ones when a == b (same length), else zero; no early exit.
    func equalMask(_ a: Limbs, _ b: Limbs) -> UInt64 {
        precondition(a.count == b.count)
        var difference: UInt64 = 0
        for index in a.indices { difference |= UInt64(truncatingIfNeeded: a[index] ^ b[index]) }
        return ((difference | (0 &- difference)) &>> 63) &- 1
    }
}

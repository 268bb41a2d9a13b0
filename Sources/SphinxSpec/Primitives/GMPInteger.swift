import CGMP

/// A non-negative or negative arbitrary-precision integer over GMP's `mpz_t`, used by the P-224
/// group for public values (point decoding, the on-curve check, encodings, decompression) and by
/// the reference arithmetic that the tests compare the constant-time code with (P224Reference.swift).
///
/// The value is immutable: every operation returns a new `GMPInteger`, so an instance can be
/// shared freely. Each instance owns one heap-allocated `mpz_t`, initialised in `init` and
/// released in `deinit` (`mpz_clear`), so no GMP memory outlives its Swift owner.
///
/// Not constant-time: GMP's `mpz_*` functions branch and allocate depending on the values they
/// handle. No secret scalar passes through it in the library (SPEC.md §2.11, §10.1).
///
/// GMP's `mpz_*` names are C macros that Swift does not import; the functions behind them are
/// called by their exported names (`__gmpz_*`).
final class GMPInteger: @unchecked Sendable {
    // @unchecked Sendable: `storage` is written only inside initialisers, before the instance
    // is visible to anyone else, and is read-only afterwards.
    private let storage: UnsafeMutablePointer<__mpz_struct>

    /// Zero.
    init() {
        storage = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        __gmpz_init(storage)
    }

    /// A small non-negative value.
    convenience init(_ value: UInt) {
        self.init()
        __gmpz_set_ui(storage, value)
    }

    /// The unsigned big-endian integer that `bytes` encodes (`Bn.from_binary` in petlib).
    /// The empty string is zero.
    convenience init(bigEndian bytes: Bytes) {
        self.init()
        if bytes.isEmpty { return }
        bytes.withUnsafeBytes { raw in
            // order 1: most significant word first; size 1: words are bytes; endian 1: big;
            // nails 0.
            __gmpz_import(storage, bytes.count, 1, 1, 1, 0, raw.baseAddress)
        }
    }

    /// A hexadecimal constant written in source. Returns nil on a malformed string.
    convenience init?(hex: String) {
        self.init()
        let ok = hex.withCString { __gmpz_set_str(storage, $0, 16) }
        if ok != 0 { return nil }
    }

    deinit {
        __gmpz_clear(storage)
        storage.deallocate()
    }

    /// Builds a new integer by running a GMP function that writes into it.
    private static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> GMPInteger {
        let result = GMPInteger()
        body(result.storage)
        return result
    }

    // MARK: Arithmetic (each returns a new value)

    static func + (a: GMPInteger, b: GMPInteger) -> GMPInteger {
        make { __gmpz_add($0, a.storage, b.storage) }
    }

    static func - (a: GMPInteger, b: GMPInteger) -> GMPInteger {
        make { __gmpz_sub($0, a.storage, b.storage) }
    }

    static func * (a: GMPInteger, b: GMPInteger) -> GMPInteger {
        make { __gmpz_mul($0, a.storage, b.storage) }
    }

    /// `a mod m` in [0, m) for a positive modulus (GMP `mpz_mod` ignores the sign of m).
    func mod(_ m: GMPInteger) -> GMPInteger {
        GMPInteger.make { __gmpz_mod($0, storage, m.storage) }
    }

    /// The inverse of `self` modulo `m`, or nil when none exists (gcd ≠ 1, or self ≡ 0).
    func inverse(mod m: GMPInteger) -> GMPInteger? {
        let result = GMPInteger()
        let exists = __gmpz_invert(result.storage, storage, m.storage)
        return exists != 0 ? result : nil
    }

    // MARK: Inspection

    /// -1, 0 or 1 (GMP's `mpz_sgn`, a macro over the size field).
    var signum: Int {
        let size = storage.pointee._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }

    var isZero: Bool { signum == 0 }

    /// Bit `index` of the value (bit 0 is the least significant).
    func bit(_ index: Int) -> Bool {
        __gmpz_tstbit(storage, mp_bitcnt_t(index)) != 0
    }

    /// The number of significant bits (0 for zero).
    var bitWidth: Int {
        isZero ? 0 : Int(__gmpz_sizeinbase(storage, 2))
    }

    /// Three-way comparison: negative, zero or positive like `mpz_cmp`.
    func compare(_ other: GMPInteger) -> Int {
        Int(__gmpz_cmp(storage, other.storage))
    }

    /// The absolute value as exactly `width` big-endian bytes, left-padded with zeros. Returns
    /// nil when the value needs more than `width` bytes.
    func bigEndianBytes(width: Int) -> Bytes? {
        if isZero { return Bytes.zeros(width) }
        let needed = (bitWidth + 7) / 8
        guard needed <= width else { return nil }
        var out = Bytes.zeros(needed)
        var written = 0
        out.withUnsafeMutableBytes { raw in
            _ = __gmpz_export(raw.baseAddress, &written, 1, 1, 1, 0, storage)
        }
        return Bytes.zeros(width - written) + out.prefix(written)
    }
}

extension GMPInteger: Equatable {
    static func == (a: GMPInteger, b: GMPInteger) -> Bool { a.compare(b) == 0 }
}

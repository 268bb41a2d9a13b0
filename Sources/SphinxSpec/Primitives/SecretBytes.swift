import CSodium

/// A secret byte string that owns its storage and overwrites it with zeros when it is released.
/// SPEC.md [PRIM-SECRET-BYTES].
///
/// Node secrets, shared secrets, derived keys and the sender's initial secret are held in this
/// type wherever they outlive one function call (key material, traces, the randomness of a
/// packet). The bytes sit in one heap buffer that only this object points to; when the last
/// reference goes, `deinit` wipes the buffer with libsodium's `sodium_memzero` (which the
/// optimiser may not remove) before freeing it. Equality is constant time (`sodium_memcmp`),
/// and neither `description` nor a debugger's mirror shows the bytes.
///
/// What this cannot do (SPEC.md §10.1): wipe the ordinary `Bytes` arrays that `init(_:)` copies
/// from or that `exposedCopy` hands out, nor the copies a primitive makes inside (CryptoKit,
/// BoringSSL, GMP). A primitive that takes a pointer reads this buffer in place
/// (`withUnsafeBytes`).
///
/// A class rather than a `~Copyable` struct: the values live inside `Equatable`, `Sendable`
/// structs (key material, traces) that the generic algorithm copies freely, and a class gives
/// exactly one buffer however often the holder is copied.
public final class SecretBytes: @unchecked Sendable {
    // @unchecked: the buffer is written only in `init` and in `deinit`, when no other reference
    // exists; in between it is only read. `onRelease` is set only by a test, before sharing.
    private let storage: UnsafeMutableRawBufferPointer

    /// Test-only hook: called from `deinit` with the buffer after it was wiped and before it is
    /// freed, so a test can show that the bytes are zero (Tests/PrimitivesTests/SecretBytesTests).
    /// Set by a test on its own object, before the object is shared; nil otherwise.
    var onRelease: ((UnsafeRawBufferPointer) -> Void)?

    /// Copies `bytes` into owned storage. The argument itself is not wiped; use `init(wiping:)`
    /// when the caller holds the only copy.
    public convenience init(_ bytes: Bytes) {
        self.init(zeros: bytes.count)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
    }

    /// `count` zero bytes, to be filled by the caller (`slice`).
    private init(zeros count: Int) {
        storage = .allocate(byteCount: count, alignment: 1)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
    }

    /// Copies a slice (a key cut out of a longer expansion) into owned storage.
    public convenience init(_ bytes: ArraySlice<UInt8>) {
        self.init(Bytes(bytes))
    }

    /// Moves `bytes` into owned storage and wipes the array it came from (PRIM-WIPE).
    public convenience init(wiping bytes: inout Bytes) {
        self.init(bytes)
        ByteOps.wipe(&bytes)
    }

    /// Takes over an array that nobody else needs, typically a function's result: its bytes are
    /// copied into owned storage and the array's buffer is wiped when this object holds the only
    /// reference to it (otherwise Swift's copy-on-write wipes a private copy and the other
    /// holders keep theirs).
    public convenience init(taking bytes: consuming Bytes) {
        var owned = bytes
        self.init(wiping: &owned)
    }

    deinit {
        if storage.count > 0 {
            Sodium.ensureInitialised()
            sodium_memzero(storage.baseAddress, storage.count)
        }
        onRelease?(UnsafeRawBufferPointer(storage))
        storage.deallocate()
    }

    /// The length in bytes (public in every use: fixed by the profile).
    public var count: Int { storage.count }

    /// Reads the secret in place, without a copy.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(storage))
    }

    /// An ordinary array with the same bytes, for code that takes `Bytes` (the profile
    /// primitives, traces, vectors). The copy is not wiped when it is released (§10.1); every
    /// call site says why it needs one.
    public var exposedCopy: Bytes { Bytes(UnsafeRawBufferPointer(storage)) }

    /// The bytes in `range` as an ordinary array (a key cut out of a longer expansion, handed to
    /// a primitive). Not wiped when released, like `exposedCopy`.
    public func exposedCopy(_ range: Range<Int>) -> Bytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "SecretBytes range out of bounds")
        return Bytes(UnsafeRawBufferPointer(rebasing: storage[range]))
    }

    /// Lends the secret to code that takes `Bytes` (a profile primitive): a temporary copy,
    /// wiped when `body` returns. Copies `body` keeps or makes inside are not wiped (§10.1).
    public func withTemporaryCopy<R, E: Error>(_ body: (Bytes) throws(E) -> R) throws(E) -> R {
        var copy = exposedCopy
        defer { ByteOps.wipe(&copy) }
        return try body(copy)
    }

    /// The bytes in `range`, in storage of their own (a key cut out of a longer expansion).
    public func slice(_ range: Range<Int>) -> SecretBytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "SecretBytes range out of bounds")
        let part = SecretBytes(zeros: range.count)
        part.storage.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[range]))
        return part
    }

    /// Constant-time equality (`sodium_memcmp`, PRIM-CT-EQUAL): the running time depends only on
    /// the length, which is public. Different lengths compare unequal.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        if count == 0 { return true }
        Sodium.ensureInitialised()
        return other.withUnsafeBytes { theirs in sodium_memcmp(storage.baseAddress, theirs.baseAddress, count) == 0 }
    }

    /// Constant-time equality with an ordinary array (a vector's expected value, say).
    public func constantTimeEquals(_ other: Bytes) -> Bool {
        guard count == other.count else { return false }
        if count == 0 { return true }
        Sodium.ensureInitialised()
        return sodium_memcmp(storage.baseAddress, other, count) == 0
    }
}

extension SecretBytes: Equatable {
    /// Constant time, as `constantTimeEquals`.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool { lhs.constantTimeEquals(rhs) }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The length only, never the bytes.
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
    /// No children: a debugger or `dump` shows the length only.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}

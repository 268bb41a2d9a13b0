/// The points where a value computed from a secret becomes public because the protocol makes it
/// so, and the hook through which a timing checker learns about them. SPEC.md §2.9.
///
/// `scripts/ct-check` runs the library under valgrind's memcheck with every secret marked
/// undefined (the ctgrind technique, Langley 2010): each branch or memory index that depends on
/// a secret is then reported. A value the protocol publishes anyway (a MAC check's verdict, the
/// routing command after a good MAC, an outgoing packet) may be branched on; the library says so
/// by calling `publish`, and the checker's hook marks that memory defined again. Each call site
/// names its SPEC.md ID (CT-DECLASSIFY-…), so an auditor can list everything declassified.
///
/// Outside the checker `hook` is nil and `publish` returns its argument unchanged.
public enum Declassify {
    /// The checker's callback (`VALGRIND_MAKE_MEM_DEFINED` on the given bytes); nil otherwise.
    /// Set once, before any packet is processed, by the ct-check harness only.
    nonisolated(unsafe) public static var hook: (@convention(c) (UnsafeMutableRawPointer?, Int) -> Void)? = nil

    /// A verdict or small value the protocol makes public, returned after the hook has seen it.
    /// The value goes through memory so that the hook's marking reaches the returned copy.
    static func publish<T: BitwiseCopyable>(_ value: T) -> T {
        guard let hook else { return value }
        var copy = value
        withUnsafeMutableBytes(of: &copy) { hook($0.baseAddress, $0.count) }
        return copy
    }

    /// Bytes the protocol makes public (marked in place; the array is made unique first).
    static func publish(_ bytes: inout Bytes) {
        guard let hook, !bytes.isEmpty else { return }
        bytes.withUnsafeMutableBytes { hook($0.baseAddress, $0.count) }
    }
}

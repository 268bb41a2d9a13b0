// libFuzzer driver for FuzzEntry.bolt4 (Tests/VectorTests/Fuzz/FuzzEntries.swift, linked here as
// FuzzEntries.swift): see ../../README.md. Errors are the expected outcome; only a crash is a
// finding.
import SphinxSpec

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = FuzzEntry.bolt4(Bytes(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}

// SwiftPM links an executable target with main = FuzzBOLT4_main (its testable-executable
// renaming), and -parse-as-library leaves no Swift main: this entry hands control to libFuzzer's
// driver (LLVMFuzzerRunDriver, compiler-rt FuzzerInterface.h, LLVM ≥ 12).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzBOLT4_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, { fuzz($0, $1) })
}

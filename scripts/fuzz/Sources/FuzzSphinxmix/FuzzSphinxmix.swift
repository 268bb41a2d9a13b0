// libFuzzer entry for the sphinxmix profile (see ../../README.md). The first input byte picks a
// mode:
//   0 mod 3: the rest is α ‖ γ ‖ β ‖ δ (the oracle's layout), checked by SphinxmixPacket and
//            processed, and also processed unchecked; δ goes to receive_forward and receive_surb;
//   1 mod 3: the rest goes to MsgPack.decode, SphinxmixRouting(decoding:) and P224.Point;
//   2 mod 3: the rest is a routing block B (160 bytes, zero-extended); the harness builds the
//            header whose γ is the correct MAC over β = B ⊕ ρ, so that the fuzzer's bytes reach
//            the routing parser from inside processing (see PROP-ROBUST-1).
// Errors are the expected outcome; only a crash is a finding.
import SphinxSpec

let parameters = SphinxmixParameters.defaults
let key = try? SphinxmixNodeKey(privateKey: [0x01] + Bytes(repeating: 0x5a, count: 27))

func split(_ b: Bytes) -> (Bytes, Bytes, Bytes, Bytes) {
    let a = min(b.count, 57), g = min(b.count, a + 16), be = min(b.count, g + parameters.betaLength)
    return (Array(b[0..<a]), Array(b[a..<g]), Array(b[g..<be]), Array(b[be...]))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Bytes(UnsafeRawBufferPointer(start: start, count: count))
    guard let mode = input.first, let key else { return 0 }
    let rest = Bytes(input.dropFirst())
    switch mode % 3 {
    case 0:
        let (alpha, gamma, beta, delta) = split(rest)
        if let packet = try? SphinxmixPacket(
            alpha: alpha, beta: beta, gamma: gamma, delta: delta, parameters: parameters)
        {
            _ = try? Sphinxmix.process(parameters: parameters, privateKey: key.privateKey, packet: packet)
        }
        let unchecked = SphinxmixPacket(header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma), delta: delta)
        _ = try? Sphinxmix.process(parameters: parameters, privateKey: key.privateKey, packet: unchecked)
        _ = try? Sphinxmix.receiveForward(parameters: parameters, macKey: gamma, body: delta)
        _ = try? Sphinxmix.receiveSURB(parameters: parameters, keys: [gamma, Array(beta.prefix(16))], body: delta)
    case 1:
        _ = try? MsgPack.decode(rest)
        _ = try? SphinxmixRouting(decoding: rest)
        _ = try? P224.Point(encoded: rest)
    default:
        let profile = SphinxmixProfile(parameters: parameters)
        var block = Array(rest.prefix(parameters.betaLength))
        block += Bytes(repeating: 0, count: parameters.betaLength - block.count)
        let alpha = key.publicKey.encoded
        guard let s = try? profile.exponentiate(alpha, by: [key.privateKey.bytes]),
            let keys = try? profile.deriveHopKeys(alpha: alpha, sharedSecret: s),
            let stream = try? profile.rho(key: keys.hRho, length: block.count)
        else { return 0 }
        let beta = ByteOps.xor(block, stream)
        guard let gamma = try? profile.mu(key: keys.hMu, data: beta) else { return 0 }
        let packet = SphinxmixPacket(
            header: SphinxHeader(alpha: alpha, beta: beta, gamma: gamma),
            delta: Bytes(repeating: 0x33, count: parameters.bodyLength))
        _ = try? Sphinxmix.process(parameters: parameters, privateKey: key.privateKey, packet: packet)
    }
    return 0
}

// SwiftPM links an executable target with main = FuzzSphinxmix_main (its testable-executable renaming),
// and -parse-as-library leaves no Swift main: this entry hands control to libFuzzer's driver
// (LLVMFuzzerRunDriver, compiler-rt FuzzerInterface.h, LLVM ≥ 12).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzSphinxmix_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, { fuzz($0, $1) })
}

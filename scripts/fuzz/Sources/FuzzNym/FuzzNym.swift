// libFuzzer entry for the nym profile (see ../../README.md). The first input byte picks a mode:
//   even: the rest is packet bytes, processed with and without a replay cache, and also parsed
//         as a SURB (and used, if it parses) and decoded as a final payload and a routing block;
//   odd:  the rest is a routing block B (300 bytes, zero-extended) and a payload; the harness
//         builds the header whose γ is the correct MAC over β = B ⊕ ρ, so that the fuzzer's
//         bytes reach the routing-entry parser from inside processing (see PROP-ROBUST-1).
// Errors are the expected outcome; only a crash is a finding.
import SphinxSpec

let nodeSecret = Bytes(repeating: 0x42, count: 32)
let alpha = (try? X25519.publicKey(secret: Bytes(repeating: 0x17, count: 32))) ?? X25519.basePoint
nonisolated(unsafe) var cache = try? ReplayCache(capacityPerEpoch: 1 << 16, hashKey: Bytes(repeating: 0, count: 32))

func craft(block: Bytes, payload: Bytes) -> Bytes? {
    let profile = NymProfile()
    guard let s = try? profile.exponentiate(alpha, by: [nodeSecret]),
        let keys = try? profile.deriveHopKeys(alpha: alpha, sharedSecret: s),
        let stream = try? profile.rho(key: keys.hRho, length: block.count)
    else { return nil }
    let beta = ByteOps.xor(block, stream)
    guard let gamma = try? profile.mu(key: keys.hMu, data: beta) else { return nil }
    return alpha + gamma + beta + payload
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Bytes(UnsafeRawBufferPointer(start: start, count: count))
    guard let mode = input.first else { return 0 }
    let rest = Bytes(input.dropFirst())
    if mode & 1 == 0 {
        _ = try? NymSphinx.processPacket(rest, nodeSecret: nodeSecret)
        if var c = cache {
            _ = try? NymSphinx.processPacket(rest, nodeSecret: nodeSecret, replayCache: &c)
            cache = c
        }
        _ = try? NymSphinx.recoverMessage(finalPayload: rest)
        _ = try? NymProfile().decodeRoutingEntry(rest)
        if let surb = try? NymSURB(bytes: rest) {
            _ = try? NymSphinx.useSURB(surb, message: Array(rest.prefix(Int(mode))), payloadLength: 33 + Int(mode) * 4)
        }
    } else {
        var block = Array(rest.prefix(NymConstants.routingInfoLength))
        block += Bytes(repeating: 0, count: NymConstants.routingInfoLength - block.count)
        var payload = Array(rest.dropFirst(NymConstants.routingInfoLength))
        if payload.count < NymConstants.minimumPayloadLength { payload += Bytes(repeating: 0, count: 33) }
        if let packet = craft(block: block, payload: payload) {
            _ = try? NymSphinx.processPacket(packet, nodeSecret: nodeSecret)
        }
    }
    return 0
}

// SwiftPM links an executable target with main = FuzzNym_main (its testable-executable renaming),
// and -parse-as-library leaves no Swift main: this entry hands control to libFuzzer's driver
// (LLVMFuzzerRunDriver, compiler-rt FuzzerInterface.h, LLVM ≥ 12).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzNym_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, { fuzz($0, $1) })
}

import Foundation
import SphinxSpec

/// Builds and checks the primitives files.
enum PrimitiveVectors {

    /// Writes the file of one primitive: its known answers, then its generated cases, then its
    /// invalid cases.
    static func file(_ kind: PrimitiveKind) throws -> PrimitiveFile {
        var tests: [PrimitiveTest] = []
        for answer in kind.knownAnswers {
            tests.append(
                PrimitiveTest(
                    tcId: tests.count + 1, comment: answer.comment, source: answer.source,
                    seedLabel: nil, seed: nil, flags: ["KnownAnswer"] + answer.flags, result: answer.result,
                    inputs: answer.inputs, outputs: answer.outputs))
        }
        for (comment, label, inputs) in try generatedInputs(kind) {
            let outputs = try compute(kind, inputs).get()
            tests.append(
                PrimitiveTest(
                    tcId: tests.count + 1, comment: comment, source: "generated", seedLabel: label,
                    seed: Hex(Seeds.seed(for: label)), flags: ["Generated"], result: .valid,
                    inputs: inputs, outputs: outputs))
        }
        for (comment, flags, result, inputs) in invalidInputs(kind) {
            let outputs: PrimitiveOutputs
            switch compute(kind, inputs) {
            case .success(let values):
                // Only reachable if the implementation accepted an input we list as rejected;
                // record what happened so that verify reports it.
                outputs = values
            case .failure(let error):
                outputs = PrimitiveOutputs(
                    shared: kind == .x25519 && flags.contains("SmallOrderPoint") ? Hex(Bytes.zeros(32)) : nil,
                    error: ErrorNames.name(of: error))
            }
            tests.append(
                PrimitiveTest(
                    tcId: tests.count + 1, comment: comment, source: invalidCaseSource(comment: comment, flags: flags),
                    seedLabel: nil, seed: nil, flags: flags, result: result, inputs: inputs, outputs: outputs))
        }
        let group = PrimitiveGroup(type: kind.rawValue, parameters: kind.groupParameters, tests: tests)
        return PrimitiveFile(
            algorithm: kind.rawValue, schema: "primitives.schema.json",
            header: kind.header, notes: PrimitiveFlags.all, testGroups: [group])
    }

    /// Where an invalid primitive case comes from: a published list where there is one.
    static func invalidCaseSource(comment: String, flags: [String]) -> String {
        if flags.contains("SmallOrderPoint") { return "cr.yp.to/ecdh.html (small-order points); RFC 7748 §6.1" }
        if comment.hasPrefix("NIST PKV.rsp") {
            return "NIST CAVS FIPS 186-3 ECDSA PKV.rsp, section P-224, keys marked F (point not on curve)"
        }
        return "this project"
    }

    /// Inputs in the shapes the profiles use, drawn from labelled deterministic seeds.
    static func generatedInputs(_ kind: PrimitiveKind) throws -> [(String, String, PrimitiveInputs)] {
        func draw(_ label: String, _ counts: [Int]) throws -> [Bytes] {
            var random = try Seeds.random(for: label)
            return counts.map { random.bytes($0) }
        }
        let prefix = "primitives/" + kind.rawValue + "/"
        switch kind {
        case .x25519:
            let l1 = prefix + "public-key", l2 = prefix + "shared-secret"
            let a = try draw(l1, [32])
            let b = try draw(l2, [32, 32])
            let peer = (try? X25519.publicKey(secret: b[1])) ?? []
            return [
                (
                    "a public key X25519(x, 9), as alpha_0 is computed", l1,
                    PrimitiveInputs(scalar: Hex(a[0]), u: Hex(X25519.basePoint))
                ),
                (
                    "a shared secret with a peer's public key X25519(y, 9)", l2,
                    PrimitiveInputs(scalar: Hex(b[0]), u: Hex(peer))
                ),
            ]
        case .hmacSHA256:
            let l = prefix + "nym-header-mac"
            let d = try draw(l, [16, 300])
            return [
                (
                    "the nym header MAC: 16-byte key, 300-byte beta, 16-byte tag", l,
                    PrimitiveInputs(key: Hex(d[0]), message: Hex(d[1]), tagLength: 16)
                )
            ]
        case .hkdfSHA256:
            let l1 = prefix + "nym-ess", l2 = prefix + "nym-payload-key-v259"
            let d1 = try draw(l1, [32]), d2 = try draw(l2, [16])
            return [
                (
                    "the nym expanded shared secret: empty salt, 32-byte secret, the 97-byte info string, 288 bytes",
                    l1,
                    PrimitiveInputs(salt: Hex([]), ikm: Hex(d1[0]), info: ascii(NymStrings.essInfo), length: 288)
                ),
                (
                    "the nym version-259 payload key: 16-byte seed, 192 bytes", l2,
                    PrimitiveInputs(
                        salt: ascii(NymStrings.payloadKeySalt), ikm: Hex(d2[0]),
                        info: ascii(NymStrings.payloadKeyInfo), length: 192)
                ),
            ]
        case .aes128CTR:
            let l = prefix + "nym-rho"
            let d = try draw(l, [16])
            return [
                (
                    "the nym stream cipher rho: 360 bytes of keystream under a zero IV", l,
                    PrimitiveInputs(key: Hex(d[0]), iv: Hex(Bytes.zeros(16)), plaintext: Hex(Bytes.zeros(360)))
                )
            ]
        case .chacha20Original:
            let l = prefix + "lioness-round"
            let d = try draw(l, [32, 200])
            return [
                (
                    "a LIONESS stream round: 32-byte key, zero nonce, 200 bytes", l,
                    PrimitiveInputs(key: Hex(d[0]), nonce: Hex(Bytes.zeros(8)), counter: 0, plaintext: Hex(d[1]))
                )
            ]
        case .chacha20IETF:
            let l = prefix + "counter-7"
            let d = try draw(l, [32, 12, 100])
            return [
                (
                    "random key and nonce, counter 7", l,
                    PrimitiveInputs(key: Hex(d[0]), nonce: Hex(d[1]), counter: 7, plaintext: Hex(d[2]))
                )
            ]
        case .blake2b:
            let l = prefix + "lioness-hash-round"
            let d = try draw(l, [64, 200])
            return [
                (
                    "a LIONESS hash round: 64-byte key, 32-byte output", l,
                    PrimitiveInputs(key: Hex(d[0]), message: Hex(d[1]), outputLength: 32)
                )
            ]
        case .sha256:
            let l = prefix + "sphinxmix-key"
            let d = try draw(l, [57])
            return [
                (
                    "a 57-byte input, the length of \"aes_key:\" followed by a P-224 point", l,
                    PrimitiveInputs(message: Hex(d[0]))
                )
            ]
        case .lionessChaCha20BLAKE2b:
            let l1 = prefix + "nym-payload", l2 = prefix + "minimum-block"
            let d1 = try draw(l1, [192, 1024]), d2 = try draw(l2, [192, 33])
            return [
                (
                    "a 1024-byte nym payload under a 192-byte payload key", l1,
                    PrimitiveInputs(key: Hex(d1[0]), plaintext: Hex(d1[1]))
                ),
                ("the shortest block, 33 bytes", l2, PrimitiveInputs(key: Hex(d2[0]), plaintext: Hex(d2[1]))),
            ]
        case .lionessAES128SHA256:
            let l = prefix + "sphinxmix-body"
            let d = try draw(l, [16, 1024])
            return [("a 1024-byte sphinxmix body", l, PrimitiveInputs(key: Hex(d[0]), plaintext: Hex(d[1])))]
        case .p224:
            let l = prefix + "shared-secret"
            var random = try Seeds.random(for: l)
            let a = try P224.Scalar.random(using: &random)
            let b = try P224.Scalar.random(using: &random)
            return [
                (
                    "s = a·(b·G), as a sphinxmix shared secret (a and b by PRIM-P224-RANDOM)", l,
                    PrimitiveInputs(scalar: Hex(a.bytes), point: Hex(try b.timesGenerator().encoded))
                )
            ]
        case .deterministicRandom:
            return [
                (
                    "the seed of the nym crate's tests (32 bytes 0x01), 100 bytes", prefix + "nym-test-seed",
                    PrimitiveInputs(randomSeed: Hex(Bytes(repeating: 1, count: 32)), count: 100)
                ),
                (
                    "the seed SHA-256(\"nym/forward_v258/tc1\"), 64 bytes", prefix + "label-seed",
                    PrimitiveInputs(randomSeed: Hex(Seeds.seed(for: "nym/forward_v258/tc1")), count: 64)
                ),
            ]
        }
    }

    /// Inputs our implementation must reject (or may reject: `acceptable`).
    static func invalidInputs(_ kind: PrimitiveKind) -> [(String, [String], TestResult, PrimitiveInputs)] {
        let key32 = Hex(Bytes(repeating: 0x42, count: 32))
        switch kind {
        case .x25519:
            var cases: [(String, [String], TestResult, PrimitiveInputs)] = KnownAnswers.smallOrderPoints.map {
                ("u = \($0.name)", ["SmallOrderPoint"], .acceptable, PrimitiveInputs(scalar: key32, u: $0.u))
            }
            cases.append(
                (
                    "a 31-byte scalar", ["WrongLength"], .invalid,
                    PrimitiveInputs(scalar: Hex(Bytes(repeating: 0x42, count: 31)), u: Hex(X25519.basePoint))
                ))
            cases.append(
                (
                    "a 33-byte u-coordinate", ["WrongLength"], .invalid,
                    PrimitiveInputs(scalar: key32, u: Hex(X25519.basePoint + [0]))
                ))
            return cases
        case .hkdfSHA256:
            return [
                (
                    "length 8161 = 255·32 + 1, above the RFC 5869 §2.3 limit", ["OutputTooLong"], .invalid,
                    PrimitiveInputs(salt: Hex([]), ikm: key32, info: Hex([]), length: 8161)
                )
            ]
        case .aes128CTR:
            return [
                (
                    "a 15-byte key", ["WrongLength"], .invalid,
                    PrimitiveInputs(
                        key: Hex(Bytes(repeating: 1, count: 15)), iv: Hex(Bytes.zeros(16)),
                        plaintext: Hex(Bytes.zeros(16)))
                ),
                (
                    "a 12-byte IV", ["WrongLength"], .invalid,
                    PrimitiveInputs(
                        key: Hex(Bytes(repeating: 1, count: 16)), iv: Hex(Bytes.zeros(12)),
                        plaintext: Hex(Bytes.zeros(16)))
                ),
            ]
        case .chacha20Original:
            return [
                (
                    "a 12-byte nonce given to the original variant", ["WrongLength"], .invalid,
                    PrimitiveInputs(
                        key: key32, nonce: Hex(Bytes.zeros(12)), counter: 0, plaintext: Hex(Bytes.zeros(64)))
                )
            ]
        case .chacha20IETF:
            return [
                (
                    "an 8-byte nonce given to the RFC 8439 variant", ["WrongLength"], .invalid,
                    PrimitiveInputs(key: key32, nonce: Hex(Bytes.zeros(8)), counter: 0, plaintext: Hex(Bytes.zeros(64)))
                )
            ]
        case .blake2b:
            return [
                (
                    "a 65-byte key", ["WrongLength"], .invalid,
                    PrimitiveInputs(key: Hex(Bytes(repeating: 7, count: 65)), message: ascii("abc"), outputLength: 32)
                ),
                (
                    "a 65-byte output", ["OutputTooLong"], .invalid,
                    PrimitiveInputs(key: Hex([]), message: ascii("abc"), outputLength: 65)
                ),
                (
                    "an 8-byte output: allowed by RFC 7693, not supported here", ["ShortOutput"], .acceptable,
                    PrimitiveInputs(key: Hex([]), message: ascii("abc"), outputLength: 8)
                ),
            ]
        case .lionessChaCha20BLAKE2b:
            return [
                (
                    "a 32-byte block: no right half", ["WrongLength"], .invalid,
                    PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 192)), plaintext: Hex(Bytes.zeros(32)))
                ),
                (
                    "a 191-byte key", ["WrongLength"], .invalid,
                    PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 191)), plaintext: Hex(Bytes.zeros(64)))
                ),
            ]
        case .lionessAES128SHA256:
            return [
                (
                    "a 31-byte block", ["WrongLength"], .invalid,
                    PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 16)), plaintext: Hex(Bytes.zeros(31)))
                )
            ]
        case .p224:
            let one = Hex(Bytes.zeros(27) + [1])
            var cases: [(String, [String], TestResult, PrimitiveInputs)] = KnownAnswers.p224NotOnCurve.enumerated().map
            {
                (
                    "NIST PKV.rsp P-224 key \($0.offset + 1) not on the curve", ["PointNotOnCurve"], .invalid,
                    PrimitiveInputs(scalar: one, point: $0.element)
                )
            }
            let g = KnownAnswers.p224Generator.bytes
            cases.append(
                (
                    "the generator in compressed form (0x02 prefix, 29 bytes)", ["InvalidEncoding"], .invalid,
                    PrimitiveInputs(scalar: one, point: Hex([2] + Array(g[1..<29])))
                ))
            cases.append(
                (
                    "the generator with prefix 0x05", ["InvalidEncoding"], .invalid,
                    PrimitiveInputs(scalar: one, point: Hex([5] + Array(g[1...])))
                ))
            cases.append(
                ("scalar 0", ["InvalidScalar"], .invalid, PrimitiveInputs(scalar: Hex(Bytes.zeros(28)), point: Hex(g))))
            cases.append(
                (
                    "scalar n, the group order", ["InvalidScalar"], .invalid,
                    PrimitiveInputs(
                        scalar: Hex(Bytes(hex: "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d") ?? []),
                        point: Hex(g))
                ))
            return cases
        case .hmacSHA256, .sha256, .deterministicRandom:
            return []
        }
    }
}

/// The fixed strings of the nym profile used by generated primitive cases (REFERENCES §2;
/// nymtech/sphinx 0.6.0 src/constants.rs and src/payload/key.rs).
enum NymStrings {
    static let essInfo =
        "Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh."
    static let payloadKeySalt = "sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT"
    static let payloadKeyInfo = "sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO"
}

import Foundation
import SphinxSpec

/// The primitives this project tests, one vector file each.
enum PrimitiveKind: String, CaseIterable, Sendable {
    case x25519 = "X25519"
    case hmacSHA256 = "HMAC-SHA256"
    case hkdfSHA256 = "HKDF-SHA256"
    case aes128CTR = "AES-128-CTR"
    case chacha20Original = "ChaCha20-original"
    case chacha20IETF = "ChaCha20-IETF"
    case blake2b = "BLAKE2b"
    case sha256 = "SHA-256"
    case deterministicRandom = "DeterministicRandom"
    case lionessChaCha20BLAKE2b = "LIONESS-ChaCha20-BLAKE2b"
    case lionessAES128SHA256 = "LIONESS-AES128-SHA256"
    case p224 = "P-224"

    /// The file, relative to TestVectors/.
    var path: String {
        switch self {
        case .x25519: "primitives/x25519.json"
        case .hmacSHA256: "primitives/hmac_sha256.json"
        case .hkdfSHA256: "primitives/hkdf_sha256.json"
        case .aes128CTR: "primitives/aes128_ctr.json"
        case .chacha20Original: "primitives/chacha20_original.json"
        case .chacha20IETF: "primitives/chacha20_ietf.json"
        case .blake2b: "primitives/blake2b.json"
        case .sha256: "primitives/sha256.json"
        case .deterministicRandom: "primitives/deterministic_random.json"
        case .lionessChaCha20BLAKE2b: "primitives/lioness_chacha20_blake2b.json"
        case .lionessAES128SHA256: "primitives/lioness_aes128_sha256.json"
        case .p224: "primitives/p224.json"
        }
    }

    var header: [String] {
        switch self {
        case .x25519:
            ["X25519 (RFC 7748 §5) with the scalar clamped at use and bit 255 of u masked.",
             "`iterations`, when present, runs the RFC 7748 §5.2 iteration: (k, u) = (X25519(k, u), k), output k.",
             "Points of small order give the all-zero value; this project rejects it (RFC 7748 §6.1 allows either), so those tests are `acceptable`.",
             "SPEC.md PRIM-X25519."]
        case .hmacSHA256:
            ["HMAC-SHA256 (RFC 2104, FIPS 180-4); `tag_length` bytes of the output are compared (16 in the nym profile's header MAC).",
             "SPEC.md PRIM-HMAC."]
        case .hkdfSHA256:
            ["HKDF-SHA256 (RFC 5869): PRK = HKDF-Extract(salt, IKM), OKM = HKDF-Expand(PRK, info, length). An empty salt means 32 zero bytes.",
             "SPEC.md PRIM-HKDF."]
        case .aes128CTR:
            ["AES-128 in counter mode (NIST SP 800-38A §6.5): `iv` is the initial 16-byte counter block, incremented as one 128-bit big-endian integer.",
             "The nym and sphinxmix profiles use it with a zero IV as the stream cipher rho. SPEC.md PRIM-AES-CTR."]
        case .chacha20Original:
            ["ChaCha20 as D. J. Bernstein defined it: 8-byte nonce, 64-bit block counter `counter`.",
             "This is the variant the nym profile's LIONESS uses (with a zero nonce). Do not confuse it with RFC 8439's. SPEC.md PRIM-CHACHA20."]
        case .chacha20IETF:
            ["ChaCha20 as RFC 8439 defines it: 12-byte nonce, 32-bit block counter `counter`. SPEC.md PRIM-CHACHA20."]
        case .blake2b:
            ["BLAKE2b (RFC 7693) with an optional key of up to 64 bytes and an `output_length`-byte digest.",
             "The nym profile's LIONESS uses it keyed with 64 bytes and a 32-byte output. SPEC.md PRIM-BLAKE2B."]
        case .sha256:
            ["SHA-256 (FIPS 180-4). The sphinxmix profile derives its keys with it. SPEC.md PRIM-SHA256."]
        case .deterministicRandom:
            ["The deterministic random source every generated vector draws from (SPEC.md PRIM-RANDOM-DET):",
             "the ChaCha20 (original variant) keystream under the 32-byte seed, zero nonce, from block 0; `count` bytes are drawn."]
        case .lionessChaCha20BLAKE2b:
            ["LIONESS with ChaCha20 (original variant, zero nonce) and keyed BLAKE2b-256, as crate lioness 0.1.2 builds it: the nym profile's payload PRP.",
             "key (192 bytes) = K1 (32) ‖ K2 (64) ‖ K3 (32) ‖ K4 (64); `ciphertext` is the encryption of `plaintext`; decryption must give it back. SPEC.md PRIM-LIONESS-CB-ENC."]
        case .lionessAES128SHA256:
            ["LIONESS as sphinxmix 0.0.7 builds it from AES-128-CTR and SHA-256 (SphinxParams.lioness_enc): the sphinxmix profile's payload PRP.",
             "16-byte key; `ciphertext` is the encryption of `plaintext`; decryption must give it back. SPEC.md PRIM-LIONESS-AES-ENC."]
        case .p224:
            ["Point multiplication on NIST P-224, the sphinxmix profile's group: `product` = `scalar` · `point`.",
             "Scalars are 28-byte big-endian integers in [1, n); points are uncompressed (0x04 ‖ X ‖ Y, 57 bytes) and must be on the curve. SPEC.md PRIM-P224-MUL."]
        }
    }

    var groupParameters: [String: String] {
        switch self {
        case .x25519: ["curve": "curve25519", "encoding": "little-endian u-coordinate, 32 bytes"]
        case .hmacSHA256: ["hash": "SHA-256"]
        case .hkdfSHA256: ["hash": "SHA-256"]
        case .aes128CTR: ["keySize": "128", "counter": "128-bit big-endian increment of the whole block"]
        case .chacha20Original: ["nonceSize": "64", "counterSize": "64"]
        case .chacha20IETF: ["nonceSize": "96", "counterSize": "32"]
        case .blake2b: ["maxKeySize": "64 bytes", "outputSize": "1 to 64 bytes; this implementation supports 16 to 64"]
        case .sha256: ["outputSize": "32 bytes"]
        case .deterministicRandom: ["stream": "ChaCha20-original(key = seed, nonce = 0^8), from block 0"]
        case .lionessChaCha20BLAKE2b: ["keySize": "192 bytes", "minimumBlock": "33 bytes", "left": "32 bytes"]
        case .lionessAES128SHA256: ["keySize": "16 bytes", "minimumBlock": "32 bytes", "left": "16 bytes"]
        case .p224: ["curve": "NIST P-224 (secp224r1)", "encoding": "uncompressed points, 57 bytes; big-endian scalars, 28 bytes"]
        }
    }

    var knownAnswers: [KnownAnswer] {
        switch self {
        case .x25519: KnownAnswers.x25519
        case .hmacSHA256: KnownAnswers.hmacSHA256
        case .hkdfSHA256: KnownAnswers.hkdfSHA256
        case .aes128CTR: KnownAnswers.aes128CTR
        case .chacha20Original: KnownAnswers.chacha20Original
        case .chacha20IETF: KnownAnswers.chacha20IETF
        case .blake2b: KnownAnswers.blake2b
        case .sha256: KnownAnswers.sha256
        case .deterministicRandom: KnownAnswers.deterministicRandom
        case .lionessChaCha20BLAKE2b: KnownAnswers.lionessChaCha20BLAKE2b
        case .lionessAES128SHA256: KnownAnswers.lionessAES128SHA256
        case .p224: KnownAnswers.p224
        }
    }
}

/// Every flag the primitives files use, explained once.
enum PrimitiveFlags {
    static let all: [String: FlagNote] = [
        "KnownAnswer": FlagNote(bugType: .basic, description: "A known answer copied from the published document named in `source`."),
        "Generated": FlagNote(bugType: .basic, description: "Inputs drawn from DeterministicRandom(SHA-256(seedLabel)) in the shape a profile uses; the output was computed by this implementation and cross-checks no other source."),
        "HighBitSetInU": FlagNote(bugType: .defined, description: "The u-coordinate has bit 255 set; RFC 7748 §5 masks it, so the result equals that of the masked value."),
        "SmallOrderPoint": FlagNote(bugType: .edgeCase, description: "A point of small order gives the all-zero shared value. RFC 7748 §6.1 lets a protocol either check for it or not: this project rejects it (error x25519AllZeroSharedSecret); an implementation returning 32 zero bytes is also conforming at this level."),
        "TruncatedMac": FlagNote(bugType: .basic, description: "Only the first `tag_length` bytes of the MAC are compared."),
        "LongKey": FlagNote(bugType: .defined, description: "A key longer than the 64-byte block must be hashed first (RFC 2104 §2)."),
        "EmptySalt": FlagNote(bugType: .defined, description: "An empty salt stands for HashLen zero bytes (RFC 5869 §2.2)."),
        "CounterCarry": FlagNote(bugType: .edgeCase, description: "The counter block's low bytes wrap; the increment must carry over the whole 128-bit block."),
        "NonceByteOrder": FlagNote(bugType: .defined, description: "Checks where the nonce bytes go in the ChaCha20 state."),
        "Keyed": FlagNote(bugType: .basic, description: "Keyed BLAKE2b (the key is padded to a block and hashed first, RFC 7693 §3.3)."),
        "BlockBoundary": FlagNote(bugType: .edgeCase, description: "The output crosses a 64-byte keystream block."),
        "WrongLength": FlagNote(bugType: .functionality, description: "An input of the wrong length must be rejected (error invalidLength), not truncated or padded."),
        "OutputTooLong": FlagNote(bugType: .functionality, description: "A requested output length above the primitive's maximum must be rejected (error invalidOutputLength)."),
        "PointNotOnCurve": FlagNote(bugType: .edgeCase, description: "A point from NIST's public-key validation vectors that is not on the curve: it must be rejected (pointNotOnCurve) before any multiplication (invalid-curve attacks)."),
        "InvalidEncoding": FlagNote(bugType: .functionality, description: "A point encoding that is not 0x04 ‖ X ‖ Y of 57 bytes: invalidPointEncoding."),
        "InvalidScalar": FlagNote(bugType: .functionality, description: "A scalar outside [1, n): invalidScalar."),
        "NymKeySchedule": FlagNote(bugType: .basic, description: "The nym profile's key expansion (salt empty, the 97-byte info string), checked against the values the nym crate's own test publishes; only the OKM is compared."),
        "MinimumBlock": FlagNote(bugType: .edgeCase, description: "The shortest block the cipher takes: the right half is as long as the left."),
        "ShortOutput": FlagNote(bugType: .edgeCase, description: "RFC 7693 allows BLAKE2b outputs of 1 to 15 bytes; this implementation (libsodium) does not and rejects them with invalidOutputLength. Either behaviour is conforming: no profile uses such lengths."),
    ]
}

/// Builds and checks the primitives files.
enum PrimitiveVectors {

    /// Writes the file of one primitive: its known answers, then its generated cases, then its
    /// invalid cases.
    static func file(_ kind: PrimitiveKind) throws -> PrimitiveFile {
        var tests: [PrimitiveTest] = []
        for answer in kind.knownAnswers {
            tests.append(PrimitiveTest(
                tcId: tests.count + 1, comment: answer.comment, source: answer.source,
                seedLabel: nil, seed: nil, flags: ["KnownAnswer"] + answer.flags, result: answer.result,
                inputs: answer.inputs, outputs: answer.outputs))
        }
        for (comment, label, inputs) in try generatedInputs(kind) {
            let outputs = try compute(kind, inputs).get()
            tests.append(PrimitiveTest(
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
                outputs = PrimitiveOutputs(shared: kind == .x25519 && flags.contains("SmallOrderPoint") ? Hex(Bytes.zeros(32)) : nil,
                                           error: ErrorNames.name(of: error))
            }
            tests.append(PrimitiveTest(
                tcId: tests.count + 1, comment: comment, source: invalidCaseSource(comment: comment, flags: flags),
                seedLabel: nil, seed: nil, flags: flags, result: result, inputs: inputs, outputs: outputs))
        }
        let used = Set(tests.flatMap(\.flags))
        let notes = PrimitiveFlags.all.filter { used.contains($0.key) }
        let group = PrimitiveGroup(type: kind.rawValue, parameters: kind.groupParameters, tests: tests)
        return PrimitiveFile(algorithm: kind.rawValue, schema: "primitives.schema.json",
                             header: kind.header, notes: notes, testGroups: [group])
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
                ("a public key X25519(x, 9), as alpha_0 is computed", l1,
                 PrimitiveInputs(scalar: Hex(a[0]), u: Hex(X25519.basePoint))),
                ("a shared secret with a peer's public key X25519(y, 9)", l2,
                 PrimitiveInputs(scalar: Hex(b[0]), u: Hex(peer))),
            ]
        case .hmacSHA256:
            let l = prefix + "nym-header-mac"
            let d = try draw(l, [16, 300])
            return [("the nym header MAC: 16-byte key, 300-byte beta, 16-byte tag", l,
                     PrimitiveInputs(key: Hex(d[0]), message: Hex(d[1]), tagLength: 16))]
        case .hkdfSHA256:
            let l1 = prefix + "nym-ess", l2 = prefix + "nym-payload-key-v259"
            let d1 = try draw(l1, [32]), d2 = try draw(l2, [16])
            return [
                ("the nym expanded shared secret: empty salt, 32-byte secret, the 97-byte info string, 288 bytes", l1,
                 PrimitiveInputs(salt: Hex([]), ikm: Hex(d1[0]), info: ascii(NymStrings.essInfo), length: 288)),
                ("the nym version-259 payload key: 16-byte seed, 192 bytes", l2,
                 PrimitiveInputs(salt: ascii(NymStrings.payloadKeySalt), ikm: Hex(d2[0]),
                                 info: ascii(NymStrings.payloadKeyInfo), length: 192)),
            ]
        case .aes128CTR:
            let l = prefix + "nym-rho"
            let d = try draw(l, [16])
            return [("the nym stream cipher rho: 360 bytes of keystream under a zero IV", l,
                     PrimitiveInputs(key: Hex(d[0]), iv: Hex(Bytes.zeros(16)), plaintext: Hex(Bytes.zeros(360))))]
        case .chacha20Original:
            let l = prefix + "lioness-round"
            let d = try draw(l, [32, 200])
            return [("a LIONESS stream round: 32-byte key, zero nonce, 200 bytes", l,
                     PrimitiveInputs(key: Hex(d[0]), nonce: Hex(Bytes.zeros(8)), counter: 0, plaintext: Hex(d[1])))]
        case .chacha20IETF:
            let l = prefix + "counter-7"
            let d = try draw(l, [32, 12, 100])
            return [("random key and nonce, counter 7", l,
                     PrimitiveInputs(key: Hex(d[0]), nonce: Hex(d[1]), counter: 7, plaintext: Hex(d[2])))]
        case .blake2b:
            let l = prefix + "lioness-hash-round"
            let d = try draw(l, [64, 200])
            return [("a LIONESS hash round: 64-byte key, 32-byte output", l,
                     PrimitiveInputs(key: Hex(d[0]), message: Hex(d[1]), outputLength: 32))]
        case .sha256:
            let l = prefix + "sphinxmix-key"
            let d = try draw(l, [57])
            return [("a 57-byte input, the length of \"aes_key:\" followed by a P-224 point", l,
                     PrimitiveInputs(message: Hex(d[0])))]
        case .lionessChaCha20BLAKE2b:
            let l1 = prefix + "nym-payload", l2 = prefix + "minimum-block"
            let d1 = try draw(l1, [192, 1024]), d2 = try draw(l2, [192, 33])
            return [("a 1024-byte nym payload under a 192-byte payload key", l1, PrimitiveInputs(key: Hex(d1[0]), plaintext: Hex(d1[1]))),
                    ("the shortest block, 33 bytes", l2, PrimitiveInputs(key: Hex(d2[0]), plaintext: Hex(d2[1])))]
        case .lionessAES128SHA256:
            let l = prefix + "sphinxmix-body"
            let d = try draw(l, [16, 1024])
            return [("a 1024-byte sphinxmix body", l, PrimitiveInputs(key: Hex(d[0]), plaintext: Hex(d[1])))]
        case .p224:
            let l = prefix + "shared-secret"
            var random = try Seeds.random(for: l)
            let a = try P224.Scalar.random(using: &random)
            let b = try P224.Scalar.random(using: &random)
            return [("s = a·(b·G), as a sphinxmix shared secret (a and b by PRIM-P224-RANDOM)", l,
                     PrimitiveInputs(scalar: Hex(a.bytes), point: Hex(try b.timesGenerator().encoded)))]
        case .deterministicRandom:
            return [
                ("the seed of the nym crate's tests (32 bytes 0x01), 100 bytes", prefix + "nym-test-seed",
                 PrimitiveInputs(randomSeed: Hex(Bytes(repeating: 1, count: 32)), count: 100)),
                ("the seed SHA-256(\"nym/forward_v258/tc1\"), 64 bytes", prefix + "label-seed",
                 PrimitiveInputs(randomSeed: Hex(Seeds.seed(for: "nym/forward_v258/tc1")), count: 64)),
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
            cases.append(("a 31-byte scalar", ["WrongLength"], .invalid,
                          PrimitiveInputs(scalar: Hex(Bytes(repeating: 0x42, count: 31)), u: Hex(X25519.basePoint))))
            cases.append(("a 33-byte u-coordinate", ["WrongLength"], .invalid,
                          PrimitiveInputs(scalar: key32, u: Hex(X25519.basePoint + [0]))))
            return cases
        case .hkdfSHA256:
            return [("length 8161 = 255·32 + 1, above the RFC 5869 §2.3 limit", ["OutputTooLong"], .invalid,
                     PrimitiveInputs(salt: Hex([]), ikm: key32, info: Hex([]), length: 8161))]
        case .aes128CTR:
            return [("a 15-byte key", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 1, count: 15)), iv: Hex(Bytes.zeros(16)), plaintext: Hex(Bytes.zeros(16)))),
                    ("a 12-byte IV", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 1, count: 16)), iv: Hex(Bytes.zeros(12)), plaintext: Hex(Bytes.zeros(16))))]
        case .chacha20Original:
            return [("a 12-byte nonce given to the original variant", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: key32, nonce: Hex(Bytes.zeros(12)), counter: 0, plaintext: Hex(Bytes.zeros(64))))]
        case .chacha20IETF:
            return [("an 8-byte nonce given to the RFC 8439 variant", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: key32, nonce: Hex(Bytes.zeros(8)), counter: 0, plaintext: Hex(Bytes.zeros(64))))]
        case .blake2b:
            return [("a 65-byte key", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 7, count: 65)), message: ascii("abc"), outputLength: 32)),
                    ("a 65-byte output", ["OutputTooLong"], .invalid,
                     PrimitiveInputs(key: Hex([]), message: ascii("abc"), outputLength: 65)),
                    ("an 8-byte output: allowed by RFC 7693, not supported here", ["ShortOutput"], .acceptable,
                     PrimitiveInputs(key: Hex([]), message: ascii("abc"), outputLength: 8))]
        case .lionessChaCha20BLAKE2b:
            return [("a 32-byte block: no right half", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 192)), plaintext: Hex(Bytes.zeros(32)))),
                    ("a 191-byte key", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 191)), plaintext: Hex(Bytes.zeros(64))))]
        case .lionessAES128SHA256:
            return [("a 31-byte block", ["WrongLength"], .invalid,
                     PrimitiveInputs(key: Hex(Bytes(repeating: 3, count: 16)), plaintext: Hex(Bytes.zeros(31))))]
        case .p224:
            let one = Hex(Bytes.zeros(27) + [1])
            var cases: [(String, [String], TestResult, PrimitiveInputs)] = KnownAnswers.p224NotOnCurve.enumerated().map {
                ("NIST PKV.rsp P-224 key \($0.offset + 1) not on the curve", ["PointNotOnCurve"], .invalid,
                 PrimitiveInputs(scalar: one, point: $0.element))
            }
            let g = KnownAnswers.p224Generator.bytes
            cases.append(("the generator in compressed form (0x02 prefix, 29 bytes)", ["InvalidEncoding"], .invalid,
                          PrimitiveInputs(scalar: one, point: Hex([2] + Array(g[1..<29])))))
            cases.append(("the generator with prefix 0x05", ["InvalidEncoding"], .invalid,
                          PrimitiveInputs(scalar: one, point: Hex([5] + Array(g[1...])))))
            cases.append(("scalar 0", ["InvalidScalar"], .invalid, PrimitiveInputs(scalar: Hex(Bytes.zeros(28)), point: Hex(g))))
            cases.append(("scalar n, the group order", ["InvalidScalar"], .invalid,
                          PrimitiveInputs(scalar: Hex(Bytes(hex: "ffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3d") ?? []), point: Hex(g))))
            return cases
        case .hmacSHA256, .sha256, .deterministicRandom:
            return []
        }
    }

    static func describeDifference(_ expected: PrimitiveOutputs, _ actual: PrimitiveOutputs) -> String {
        guard let a = try? JSONValue.from(expected), let b = try? JSONValue.from(actual) else { return "(unencodable)" }
        return JSONDiff.firstDifference(a, b) ?? "(equal as JSON)"
    }

    /// A primitive failure as the files name it, or a missing input.
    enum ComputeError: Error, Equatable {
        case primitive(PrimitiveError)
        case missingInput(String)
        /// An error named by an external oracle.
        case named(String)
    }

    /// Runs one primitive on a test's inputs.
    static func compute(_ kind: PrimitiveKind, _ inputs: PrimitiveInputs) -> Result<PrimitiveOutputs, ComputeError> {
        do {
            return .success(try computeThrowing(kind, inputs))
        } catch let error as PrimitiveError {
            return .failure(.primitive(error))
        } catch let error as ComputeError {
            return .failure(error)
        } catch {
            return .failure(.missingInput("unexpected error \(error)"))
        }
    }

    private static func need<T>(_ value: T?, _ name: String) throws(ComputeError) -> T {
        guard let value else { throw .missingInput(name) }
        return value
    }

    private static func computeThrowing(_ kind: PrimitiveKind, _ inputs: PrimitiveInputs) throws -> PrimitiveOutputs {
        switch kind {
        case .x25519:
            var k = try need(inputs.scalar, "scalar").bytes
            var u = try need(inputs.u, "u").bytes
            guard let iterations = inputs.iterations else {
                return PrimitiveOutputs(shared: Hex(try X25519.scalarMult(scalar: k, point: u)))
            }
            for _ in 0..<iterations {
                let next = try X25519.scalarMult(scalar: k, point: u)
                u = k
                k = next
            }
            return PrimitiveOutputs(shared: Hex(k))
        case .hmacSHA256:
            let mac = HMACSHA256.mac(key: try need(inputs.key, "key").bytes, message: try need(inputs.message, "message").bytes)
            let tagLength = inputs.tagLength ?? HMACSHA256.outputLength
            guard tagLength >= 1, tagLength <= HMACSHA256.outputLength else {
                throw PrimitiveError.invalidOutputLength(what: "HMAC tag", requested: tagLength)
            }
            return PrimitiveOutputs(mac: Hex(Array(mac.prefix(tagLength))))
        case .hkdfSHA256:
            let prk = HKDFSHA256.extract(salt: try need(inputs.salt, "salt").bytes, ikm: try need(inputs.ikm, "ikm").bytes)
            let okm = try HKDFSHA256.expand(prk: prk, info: try need(inputs.info, "info").bytes, length: try need(inputs.length, "length"))
            return PrimitiveOutputs(prk: Hex(prk), okm: Hex(okm))
        case .aes128CTR:
            let out = try AES128CTR.apply(key: try need(inputs.key, "key").bytes, iv: try need(inputs.iv, "iv").bytes,
                                          to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .chacha20Original:
            let out = try ChaCha20.applyOriginal(key: try need(inputs.key, "key").bytes, nonce: try need(inputs.nonce, "nonce").bytes,
                                                 counter: inputs.counter ?? 0, to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .chacha20IETF:
            let counter = inputs.counter ?? 0
            guard counter <= UInt64(UInt32.max) else {
                throw PrimitiveError.invalidOutputLength(what: "ChaCha20 (IETF) counter", requested: Int(clamping: counter))
            }
            let out = try ChaCha20.applyIETF(key: try need(inputs.key, "key").bytes, nonce: try need(inputs.nonce, "nonce").bytes,
                                             counter: UInt32(counter), to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .blake2b:
            let out = try BLAKE2b.hash(try need(inputs.message, "message").bytes, key: inputs.key?.bytes ?? [],
                                       outputLength: try need(inputs.outputLength, "output_length"))
            return PrimitiveOutputs(digest: Hex(out))
        case .sha256:
            return PrimitiveOutputs(digest: Hex(SHA256.hash(try need(inputs.message, "message").bytes)))
        case .deterministicRandom:
            var random = try DeterministicRandom(seed: try need(inputs.randomSeed, "random_seed").bytes)
            return PrimitiveOutputs(bytes: Hex(random.bytes(try need(inputs.count, "count"))))
        case .p224:
            let scalar = try P224.Scalar(canonical: try need(inputs.scalar, "scalar").bytes)
            let point = try P224.Point(encoded: try need(inputs.point, "point").bytes)
            return PrimitiveOutputs(product: Hex(try point.multiplied(by: scalar).encoded))
        case .lionessChaCha20BLAKE2b, .lionessAES128SHA256:
            let key = try need(inputs.key, "key").bytes
            let plaintext = try need(inputs.plaintext, "plaintext").bytes
            let encrypt = kind == .lionessAES128SHA256 ? LionessAES128SHA256.encrypt : LionessChaCha20BLAKE2b.encrypt
            let decrypt = kind == .lionessAES128SHA256 ? LionessAES128SHA256.decrypt : LionessChaCha20BLAKE2b.decrypt
            let ciphertext = try encrypt(key, plaintext)
            // π⁻¹(π(m)) = m is part of what a file checks.
            guard try decrypt(key, ciphertext) == plaintext else {
                throw ComputeError.named("decryptionMismatch")
            }
            return PrimitiveOutputs(ciphertext: Hex(ciphertext))
        }
    }

    /// Checks every test of a primitives file against the implementation, or against an
    /// external oracle (ORACLE-EXTERNAL-1), which may name errors its own way and decide
    /// acceptable cases either way.
    static func verify(_ file: PrimitiveFile, oracle: ExternalOracle? = nil) -> VerifyReport {
        guard let oracle else { return verify(file, strictNames: true, compute: compute) }
        return verify(file, strictNames: false) { kind, inputs in
            do throws(OracleError) {
                var object = try RequestFields.from(try RequestDecoding.encode(inputs), what: "inputs").object
                object["op"] = .string(PrimitivesOracle.op(kind))
                object["profile"] = .string("primitives")
                let response = try oracle.call(.object(object))
                do {
                    return .success(try response.decode(PrimitiveOutputs.self))
                } catch {
                    return .failure(.named("oracleMalformedResponse"))
                }
            } catch {
                return .failure(.named(error.name))
            }
        }
    }

    static func verify(_ file: PrimitiveFile, strictNames: Bool,
                       compute: (PrimitiveKind, PrimitiveInputs) -> Result<PrimitiveOutputs, ComputeError>) -> VerifyReport {
        var report = VerifyReport()
        guard let kind = PrimitiveKind(rawValue: file.algorithm) else {
            report.fail("file", "unknown primitive \(file.algorithm)")
            return report
        }
        report.checkEnvelope(file)
        for group in file.testGroups {
            for test in group.tests {
                let id = "tcId \(test.tcId)"
                switch (test.result, compute(kind, test.inputs)) {
                case (.valid, .success(var outputs)):
                    // A known answer without a PRK (the nym crate publishes none) checks the OKM only.
                    if kind == .hkdfSHA256 && test.outputs.prk == nil { outputs.prk = nil }
                    if outputs == test.outputs { report.pass() } else { report.fail(id, "outputs differ: \(describeDifference(test.outputs, outputs))") }
                case (.valid, .failure(let error)):
                    report.fail(id, "valid test rejected: \(ErrorNames.name(of: error))")
                case (.invalid, .success):
                    report.fail(id, "invalid test accepted")
                case (.invalid, .failure(let error)), (.acceptable, .failure(let error)):
                    let name = ErrorNames.name(of: error)
                    if !strictNames {
                        if name.hasPrefix("oracle") { report.fail(id, "the oracle failed: \(name)") } else { report.pass() }
                    } else if test.outputs.error == nil || test.outputs.error == name { report.pass() } else {
                        report.fail(id, "rejected with \(name), the file records \(test.outputs.error ?? "none")")
                    }
                case (.acceptable, .success(let outputs)):
                    // Accepting is conforming; we record our own behaviour, so it must match it.
                    if !strictNames || (test.outputs.error == nil && outputs == test.outputs) { report.pass() } else {
                        report.fail(id, "accepted, but the file records that this implementation rejects it")
                    }
                }
            }
        }
        return report
    }
}

/// The fixed strings of the nym profile used by generated primitive cases (REFERENCES §2;
/// nymtech/sphinx 0.6.0 src/constants.rs and src/payload/key.rs).
enum NymStrings {
    static let essInfo = "Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw kai tha kinisw thn gh."
    static let payloadKeySalt = "sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT"
    static let payloadKeyInfo = "sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO"
}

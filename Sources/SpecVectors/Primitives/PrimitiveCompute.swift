import Foundation
import SphinxSpec

/// Computing one primitive from a test's inputs, and checking a primitives file with it
/// (directly, or through an external oracle).
extension PrimitiveVectors {
    static func describeDifference(_ expected: PrimitiveOutputs, _ actual: PrimitiveOutputs) -> String {
        JSONDiff.firstDifference(expected, actual) ?? "(equal as JSON)"
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

    /// The largest `count` a DeterministicRandom test may ask for, 1 MiB.
    static let maximumDraw = 1 << 20

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
            let mac = HMACSHA256.mac(
                key: try need(inputs.key, "key").bytes, message: try need(inputs.message, "message").bytes)
            let tagLength = inputs.tagLength ?? HMACSHA256.outputLength
            guard tagLength >= 1, tagLength <= HMACSHA256.outputLength else {
                throw PrimitiveError.invalidOutputLength(what: "HMAC tag", requested: tagLength)
            }
            return PrimitiveOutputs(mac: Hex(Array(mac.prefix(tagLength))))
        case .hkdfSHA256:
            let prk = HKDFSHA256.extract(
                salt: try need(inputs.salt, "salt").bytes, ikm: try need(inputs.ikm, "ikm").bytes)
            let okm = try HKDFSHA256.expand(
                prk: prk, info: try need(inputs.info, "info").bytes, length: try need(inputs.length, "length"))
            return PrimitiveOutputs(prk: Hex(prk), okm: Hex(okm))
        case .aes128CTR:
            let out = try AES128CTR.apply(
                key: try need(inputs.key, "key").bytes, iv: try need(inputs.iv, "iv").bytes,
                to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .chacha20Original:
            let out = try ChaCha20.applyOriginal(
                key: try need(inputs.key, "key").bytes, nonce: try need(inputs.nonce, "nonce").bytes,
                counter: inputs.counter ?? 0, to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .chacha20IETF:
            let counter = inputs.counter ?? 0
            guard counter <= UInt64(UInt32.max) else {
                throw PrimitiveError.invalidOutputLength(
                    what: "ChaCha20 (IETF) counter", requested: Int(clamping: counter))
            }
            let out = try ChaCha20.applyIETF(
                key: try need(inputs.key, "key").bytes, nonce: try need(inputs.nonce, "nonce").bytes,
                counter: UInt32(counter), to: try need(inputs.plaintext, "plaintext").bytes)
            return PrimitiveOutputs(ciphertext: Hex(out))
        case .blake2b:
            let out = try BLAKE2b.hash(
                try need(inputs.message, "message").bytes, key: inputs.key?.bytes ?? [],
                outputLength: try need(inputs.outputLength, "output_length"))
            return PrimitiveOutputs(digest: Hex(out))
        case .sha256:
            return PrimitiveOutputs(digest: Hex(SHA256.hash(try need(inputs.message, "message").bytes)))
        case .deterministicRandom:
            var random = try DeterministicRandom(seed: try need(inputs.randomSeed, "random_seed").bytes)
            // A number in a file must not choose the memory: at most 1 MiB per test (the
            // fuzzer's FuzzVectorFile drew 1.2 GB with "count": 12e8 before this bound).
            let count = try need(inputs.count, "count")
            guard (0...Self.maximumDraw).contains(count) else {
                throw PrimitiveError.invalidOutputLength(what: "DeterministicRandom count", requested: count)
            }
            return PrimitiveOutputs(bytes: Hex(random.bytes(count)))
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
                return .success(
                    try oracle.call(
                        profile: "primitives", op: PrimitivesOracle.op(kind), inputs, as: PrimitiveOutputs.self))
            } catch {
                return .failure(.named(error.name))
            }
        }
    }

    static func verify(
        _ file: PrimitiveFile, strictNames: Bool,
        compute: (PrimitiveKind, PrimitiveInputs) -> Result<PrimitiveOutputs, ComputeError>
    ) -> VerifyReport {
        guard let kind = PrimitiveKind(rawValue: file.algorithm) else {
            var report = VerifyReport()
            report.fail("file", "unknown primitive \(file.algorithm)")
            return report
        }
        return VerifyReport.checking(file) { _, test, report in
            let id = "tcId \(test.tcId)"
            switch (test.result, compute(kind, test.inputs)) {
            case (.valid, .success(var outputs)):
                // A known answer without a PRK (the nym crate publishes none) checks the OKM only.
                if kind == .hkdfSHA256 && test.outputs.prk == nil { outputs.prk = nil }
                if outputs == test.outputs {
                    report.pass()
                } else {
                    report.fail(id, "outputs differ: \(describeDifference(test.outputs, outputs))")
                }
            case (.valid, .failure(let error)):
                report.fail(id, "valid test rejected: \(ErrorNames.name(of: error))")
            case (.invalid, .success):
                report.fail(id, "invalid test accepted")
            case (.invalid, .failure(let error)), (.acceptable, .failure(let error)):
                let name = ErrorNames.name(of: error)
                if !strictNames {
                    if name.hasPrefix("oracle") {
                        report.fail(id, "the oracle failed: \(name)")
                    } else {
                        report.pass()
                    }
                } else if test.outputs.error == nil || test.outputs.error == name {
                    report.pass()
                } else {
                    report.fail(id, "rejected with \(name), the file records \(test.outputs.error ?? "none")")
                }
            case (.acceptable, .success(let outputs)):
                // Accepting is conforming; we record our own behaviour, so it must match it.
                if !strictNames || (test.outputs.error == nil && outputs == test.outputs) {
                    report.pass()
                } else {
                    report.fail(id, "accepted, but the file records that this implementation rejects it")
                }
            }
        }
    }
}

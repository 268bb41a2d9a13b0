import Foundation
import SphinxSpec

/// The envelope every vector file shares, modelled on Project Wycheproof's files
/// (C2SP/wycheproof doc/formats.md): what is tested, by which generator, against which SPEC.md
/// revision, the flags explained once, and the test groups.
///
/// SPEC.md [VEC-ENVELOPE-1]: every file is one JSON object with exactly the keys `algorithm`,
/// `schema`, `generator` {name, version}, `spec`, `numberOfTests`, `header`, `notes`
/// {flag: {bugType, description}} and `testGroups`; `numberOfTests` is the number of tests over
/// all groups; every flag a test carries is explained in `notes`, and every note is used.
struct VectorFile<Group: Codable & Sendable & TestGroup>: Codable, Sendable {
    var algorithm: String
    var schema: String
    var generator: GeneratorInfo
    var spec: String
    var numberOfTests: Int
    var header: [String]
    var notes: [String: FlagNote]
    var testGroups: [Group]

    /// - Parameter notes: a table of flag notes that may explain more flags than the tests use;
    ///   the file keeps the notes of the flags its tests carry, so that every note is used.
    init(algorithm: String, schema: String, header: [String], notes: [String: FlagNote], testGroups: [Group]) {
        self.algorithm = algorithm
        self.schema = schema
        self.generator = GeneratorInfo.current
        self.spec = GeneratorInfo.specRevision
        self.numberOfTests = testGroups.reduce(0) { $0 + $1.testCount }
        self.header = header
        let used = testGroups.reduce(into: Set<String>()) { $0.formUnion($1.usedFlags) }
        self.notes = notes.filter { used.contains($0.key) }
        self.testGroups = testGroups
    }
}

/// A group of tests: what it tells the envelope (how many tests, which flags) follows from its
/// `tests`.
protocol TestGroup {
    associatedtype Test: FlaggedTest
    var tests: [Test] { get }
}

extension TestGroup {
    var testCount: Int { tests.count }
    /// Every flag used by the group's tests (for the notes check).
    var usedFlags: Set<String> { Set(tests.flatMap(\.flags)) }
}

/// A test that carries flags (for the envelope's notes check).
protocol FlaggedTest {
    var flags: [String] { get }
}

/// The generator that wrote a file.
struct GeneratorInfo: Codable, Sendable, Equatable {
    var name: String
    var version: String

    static let current = GeneratorInfo(name: "sphinx-spec vectors-gen", version: "1.0.0")
    /// The SPEC.md revision the files follow. Bumped by hand whenever a change to SPEC.md changes
    /// what a vector means (not at every commit, so that regeneration stays byte-identical).
    static let specRevision = "sphinx-spec SPEC.md r1 (2026-11-27)"
}

/// A flag's explanation, as in Wycheproof's `notes`.
struct FlagNote: Codable, Sendable, Equatable {
    var bugType: BugType
    var description: String
}

/// Wycheproof's bug classes (doc/formats.md, "bugType"), the subset these files use.
enum BugType: String, Codable, Sendable, CaseIterable {
    /// A well-formed input every implementation must handle the same way.
    case basic = "BASIC"
    /// An input that checks a defined but easily missed behaviour.
    case defined = "DEFINED"
    /// An edge case of a length, count or value.
    case edgeCase = "EDGE_CASE"
    /// Accepting the input would let an attacker bypass authentication.
    case authBypass = "AUTH_BYPASS"
    /// A step of the algorithm skipped (replay check, small-order check).
    case missingStep = "MISSING_STEP"
    /// A parameter changed in transit.
    case modifiedParameter = "MODIFIED_PARAMETER"
    /// The input is malformed or of the wrong size; a correct implementation rejects it
    /// without crashing.
    case functionality = "FUNCTIONALITY"
    /// A changed ciphertext or packet that must not pass as a valid one.
    case malleability = "MALLEABILITY"
    /// Accepting a value that a weaker variant of the primitive allows.
    case weakParams = "WEAK_PARAMS"
}

/// The verdict a test expects.
///
/// SPEC.md [VEC-RESULT-1]: `valid` means an implementation must produce exactly the outputs;
/// `invalid` means it must reject the input (the `error` names what ours returns; another
/// implementation's error names may differ); `acceptable` means rejecting and accepting are both
/// conforming, and the test's flags say why (our outputs show what we do).
enum TestResult: String, Codable, Sendable {
    case valid
    case invalid
    case acceptable
}

/// A byte string written as lowercase hex in JSON (SPEC.md CONV-BYTES).
struct Hex: Codable, Sendable, Equatable, Hashable {
    var bytes: Bytes
    init(_ bytes: Bytes) { self.bytes = bytes }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let bytes = Bytes(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an even-length hex string")
        }
        self.bytes = bytes
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes.hex)
    }
}

extension Bytes {
    var asHex: Hex { Hex(self) }
}

/// The deterministic JSON writer.
///
/// SPEC.md [VEC-DETERMINISM-1]: files are written by JSONEncoder with sorted keys, two-space
/// pretty printing and unescaped slashes, and end with one newline; the same generator on the same
/// inputs writes byte-identical files.
enum DeterministicJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0a)
        return data
    }

    /// One line, for the oracle.
    static func encodeLine<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0a)
        return data
    }
}

/// Seeds for generated cases.
///
/// SPEC.md [VEC-SEED-1]: a generated case draws its random inputs from
/// `DeterministicRandom(seed: SHA-256(label))`, where `label` is the ASCII string recorded in the
/// case as `seedLabel` (for example `nym/forward_v258/tc3`); the case records the seed and the
/// bytes drawn, so nobody needs our random source to reproduce it.
enum Seeds {
    static func seed(for label: String) -> Bytes { SHA256.hash(Bytes(label.utf8)) }

    static func random(for label: String) throws(PrimitiveError) -> DeterministicRandom {
        try DeterministicRandom(seed: seed(for: label))
    }
}

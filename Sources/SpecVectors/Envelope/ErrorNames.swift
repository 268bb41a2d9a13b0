import SphinxSpec

/// The stable names under which errors appear in vector files and oracle responses.
///
/// SPEC.md [VEC-ERRORS-1]: an error is named after the case of the typed error enum that carries
/// it, without associated values (for example `x25519AllZeroSharedSecret` for
/// `PrimitiveError.x25519AllZeroSharedSecret`, `headerMACMismatch` for
/// `SphinxError.headerMACMismatch`); the oracle's own request errors use the same style
/// (`malformedJSON`, `unknownOp`). A `SphinxError.primitive(e)` is named after `e`. The names are
/// listed in SPEC.md's error table.
enum ErrorNames {
    static func name(of error: PrimitiveError) -> String {
        switch error {
        case .invalidLength: "invalidLength"
        case .invalidOutputLength: "invalidOutputLength"
        case .x25519AllZeroSharedSecret: "x25519AllZeroSharedSecret"
        case .invalidPointEncoding: "invalidPointEncoding"
        case .pointNotOnCurve: "pointNotOnCurve"
        case .pointAtInfinity: "pointAtInfinity"
        case .invalidScalar: "invalidScalar"
        case .libraryFailure: "libraryFailure"
        case .invalidHex: "invalidHex"
        }
    }

    static func name(of error: PrimitiveVectors.ComputeError) -> String {
        switch error {
        case .primitive(let inner): name(of: inner)
        case .missingInput: "missingInput"
        case .named(let name): name
        }
    }
}

/// What checking one file found.
public struct VerifyReport: Sendable {
    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var failures: [String] = []

    public init() {}

    mutating func pass() { passed += 1 }

    mutating func fail(_ where_: String, _ what: String) {
        failed += 1
        failures.append("\(where_): \(what)")
    }

    public mutating func merge(_ other: VerifyReport) {
        passed += other.passed
        failed += other.failed
        failures += other.failures
    }

    /// Checks a file: the envelope first, then each test, given with its group, by `check`.
    static func checking<G>(_ file: VectorFile<G>, each check: (G, G.Test, inout VerifyReport) -> Void) -> VerifyReport
    {
        var report = VerifyReport()
        report.checkEnvelope(file)
        for group in file.testGroups {
            for test in group.tests { check(group, test, &report) }
        }
        return report
    }

    /// The envelope rules of VEC-ENVELOPE-1 that the schema cannot express.
    mutating func checkEnvelope<G>(_ file: VectorFile<G>) {
        let count = file.testGroups.reduce(0) { $0 + $1.testCount }
        if count != file.numberOfTests {
            fail("envelope", "numberOfTests is \(file.numberOfTests) but the groups hold \(count) tests")
        }
        let used = file.testGroups.reduce(into: Set<String>()) { $0.formUnion($1.usedFlags) }
        let explained = Set(file.notes.keys)
        for flag in used.subtracting(explained).sorted() { fail("envelope", "flag \(flag) has no note") }
        for flag in explained.subtracting(used).sorted() { fail("envelope", "note \(flag) is not used by any test") }
    }
}

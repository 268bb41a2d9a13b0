// The robustness suite's bookkeeping (SPEC.md chapter properties, see PROP-ROBUST-1): every call
// of a public entry point on hostile input is recorded as "ok" or as the name of the error it
// threw, and checked against the errors that entry point documents. A crash cannot be caught in
// the process: it ends the test run, which is the failure it must be.
import SphinxSpec

/// The stable name of a thrown error: its type and case ("SphinxError.headerMACMismatch",
/// "SphinxError.primitive.invalidScalar", "MsgPackError.truncated"). An error of any other type
/// is named "unexpected type …" and is never allowed.
enum ErrorName {
    static func of(_ error: any Error) -> String {
        switch error {
        case let e as SphinxError:
            if case .primitive(let p) = e { return "SphinxError.primitive.\(primitive(p))" }
            return "SphinxError.\(e.name)"
        case let e as PrimitiveError:
            return "PrimitiveError.\(primitive(e))"
        case let e as MsgPackError:
            switch e {
            case .truncated: return "MsgPackError.truncated"
            case .unsupportedFormat: return "MsgPackError.unsupportedFormat"
            case .trailingBytes: return "MsgPackError.trailingBytes"
            case .valueTooLarge: return "MsgPackError.valueTooLarge"
            }
        default:
            return "unexpected type \(type(of: error))"
        }
    }

    static func primitive(_ e: PrimitiveError) -> String {
        switch e {
        case .invalidLength: return "invalidLength"
        case .invalidOutputLength: return "invalidOutputLength"
        case .x25519AllZeroSharedSecret: return "x25519AllZeroSharedSecret"
        case .invalidPointEncoding: return "invalidPointEncoding"
        case .pointNotOnCurve: return "pointNotOnCurve"
        case .pointAtInfinity: return "pointAtInfinity"
        case .invalidScalar: return "invalidScalar"
        case .invalidHex: return "invalidHex"
        case .libraryFailure: return "libraryFailure"
        }
    }
}

/// One entry point under test and the outcomes its documentation allows.
struct EntryPoint: Sendable {
    let name: String
    /// Error names (see `ErrorName`) the entry point documents; "ok" is always allowed.
    let allowed: Set<String>

    init(_ name: String, sphinx: [String] = [], other: [String] = []) {
        self.name = name
        allowed = Set(sphinx.map { "SphinxError.\($0)" } + other)
    }
}

/// The outcome distribution of a run: entry point → outcome → count, and every call whose
/// outcome its entry point does not document.
struct OutcomeTally: Sendable {
    private(set) var counts: [String: [String: Int]] = [:]
    private(set) var unexpected: [String] = []
    private(set) var calls = 0

    /// Runs `body` on one input. `body` returns nil for a plain success, or a label that refines
    /// it ("ok final payloadMarkerMissing"), which is recorded instead of "ok".
    mutating func call(_ entry: EntryPoint, _ input: @autoclosure () -> String, _ body: () throws -> String?) {
        calls += 1
        let outcome: String
        do {
            outcome = try body() ?? "ok"
        } catch {
            outcome = ErrorName.of(error)
            if !entry.allowed.contains(outcome), unexpected.count < 50 {
                unexpected.append("\(entry.name): \(outcome) (\(error)) on \(input())")
            }
        }
        counts[entry.name, default: [:]][outcome, default: 0] += 1
    }

    /// Counts how many times `outcome` was recorded for an entry point.
    func count(_ entry: EntryPoint, _ outcome: String) -> Int { counts[entry.name]?[outcome] ?? 0 }

    /// The distribution, one line per entry point, for the test log.
    var summary: String {
        counts.keys.sorted().map { name in
            let parts = (counts[name] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }
            return "  \(name): " + parts.joined(separator: ", ")
        }.joined(separator: "\n")
    }
}

extension Bytes {
    /// A short description of an input for a failure message: length and the first bytes.
    var probeDescription: String {
        "\(count) bytes " + Array(prefix(24)).hex + (count > 24 ? "…" : "")
    }
}

import SphinxSpec

/// The profiles a walkthrough can follow.
public enum ExplainProfile: String, CaseIterable, Sendable {
    case nym
    case sphinxmix
    case bolt4

    /// The journeys this profile has: bolt4 has no SURB, and only bolt4 has an error return.
    public var flows: [ExplainFlow] {
        switch self {
        case .nym, .sphinxmix: return [.forward, .surb]
        case .bolt4: return [.forward, .error]
        }
    }
}

/// The journeys: a forward packet; a SURB made by its receiver and used by a replier; or (bolt4)
/// an onion that a hop answers with an error return, which travels back to the origin.
public enum ExplainFlow: String, CaseIterable, Sendable {
    case forward
    case surb
    case error
}

/// `vectors-gen explain`: builds the walkthrough of one packet. SPEC.md [VEC-EXPLAIN-1].
///
/// Everything random is drawn from DeterministicRandom(SHA-256(label)) with the label
/// "explain/<profile>/<seed>", in the order the profile's vector files use, so the same
/// arguments give the same bytes, and the forward and SURB walkthroughs of one seed share
/// their route.
public enum Explain {
    /// The JSON format's name.
    public static let format = "sphinx-spec-explain/1"

    ///
    /// `associatedData` and `failingHop` are bolt4's (the onion's associated data, and the hop
    /// that answers with an error, the last when nil); the other profiles refuse them.
    public static func walkthrough(
        profile: ExplainProfile, flow: ExplainFlow, hops: Int, seed: String, message: String,
        associatedData: Bytes = [], failingHop: Int? = nil
    ) throws(ExplainError) -> Walkthrough {
        guard profile.flows.contains(flow) else {
            throw .unsupportedFlow(profile: profile.rawValue, flow: flow.rawValue)
        }
        guard profile == .bolt4 || (associatedData.isEmpty && failingHop == nil) else {
            throw .unsupportedOption(profile: profile.rawValue, option: "associated data or a failing hop")
        }
        switch profile {
        case .nym: return try NymWalkthrough.build(flow: flow, hops: hops, seed: seed, message: message)
        case .sphinxmix: return try SphinxmixWalkthrough.build(flow: flow, hops: hops, seed: seed, message: message)
        case .bolt4:
            return try Bolt4Walkthrough.build(
                flow: flow, hops: hops, seed: seed, message: message, associatedData: associatedData,
                failingHop: failingHop)
        }
    }

    /// Bytes from hex (the command line's --associated-data), or nil when it is not hex.
    public static func bytes(hex: String) -> [UInt8]? { Bytes(hex: hex) }

    static func seedLabel(profile: ExplainProfile, seed: String) -> String { "explain/\(profile.rawValue)/\(seed)" }

    /// The error a walkthrough's draw of random inputs ends in: an ExplainError as it is, a
    /// PrimitiveError wrapped, anything else an unexpected outcome (shared by the nym and
    /// sphinxmix draws).
    static func drawFailure(_ error: any Error) -> ExplainError {
        switch error {
        case let error as ExplainError: error
        case let error as PrimitiveError: .primitive(error)
        default: .unexpectedOutcome(hop: 0, detail: "\(error)")
        }
    }

    /// Runs a profile call and reports its error as an `ExplainError`.
    static func sphinx<T>(_ body: () throws(SphinxError) -> T) throws(ExplainError) -> T {
        do {
            return try body()
        } catch {
            throw .sphinx(error)
        }
    }

    /// The first `head` and last `tail` bytes in hex with "…" between; up to `whole` bytes
    /// (16: a MAC, a key, an identifier) are shown whole.
    public static func shortHex(_ bytes: Bytes, head: Int = 8, tail: Int = 4, whole: Int = 16) -> String {
        guard bytes.count > whole else { return bytes.hex }
        return Array(bytes.prefix(head)).hex + "…" + Array(bytes.suffix(tail)).hex
    }

    /// The exponent of hop i's α_i and s_i: x·b_0·…·b_{i−1}, written out.
    static func exponent(hop i: Int) -> String {
        (["x"] + (0..<i).map { "b_\($0)" }).joined(separator: "·")
    }

    /// Bytes as a quoted UTF-8 string, or a note when they are not text.
    static func quoted(_ bytes: Bytes) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { return "(not UTF-8 text)" }
        return "\"" + text + "\""
    }
}

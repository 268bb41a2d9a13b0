import Foundation
import SphinxSpec

/// A packet's journey told step by step: what `vectors-gen explain` prints. SPEC.md §9.7
/// (VEC-EXPLAIN-1 has the JSON form).
///
/// A walkthrough is a list of sections (inputs, creation, the bytes on the wire, one section per
/// hop, delivery); a section is a list of steps, each named by the SPEC.md ID of the step it
/// shows; a step is a list of values, each with the paper's symbol, what it is, and either bytes
/// or a sentence. Every value comes out of the traces the profiles already return
/// (`PacketCreation`, `ProcessingTrace`): nothing is recomputed here, so the walkthrough shows
/// exactly what the implementation did.
public struct Walkthrough: Sendable, Equatable, Encodable {
    /// The JSON format's name and version.
    public let format: String
    /// "nym", "sphinxmix" or "bolt4".
    public let profile: String
    /// "forward", "surb" (nym, sphinxmix) or "error" (bolt4).
    public let flow: String
    public let hops: Int
    /// The seed as given on the command line, and the label the random bytes come from.
    public let seed: String
    public let seedLabel: String
    /// The message as text, as given.
    public let message: String
    public let sections: [WalkthroughSection]

    enum CodingKeys: String, CodingKey {
        case format, profile, flow, hops, seed, message, sections
        case seedLabel = "seed_label"
    }

    /// Every SPEC.md ID the walkthrough names, in order of first appearance.
    public var stepIDs: [String] {
        var seen = Set<String>()
        return sections.flatMap(\.steps).map(\.id).filter { seen.insert($0).inserted }
    }
}

/// A group of steps: "Inputs", "Creation", "On the wire", "Hop 1 of 3", "Delivery".
public struct WalkthroughSection: Sendable, Equatable, Encodable {
    public let title: String
    public let steps: [WalkthroughStep]
}

/// One SPEC.md step as it ran for this packet.
public struct WalkthroughStep: Sendable, Equatable, Encodable {
    /// The SPEC.md ID, without brackets (e.g. "SPHINX-CREATE-2").
    public let id: String
    /// What the step does, in SPEC.md's words.
    public let title: String
    public let values: [WalkthroughValue]
}

/// One value of a step: the paper's symbol, what it is, and the bytes or a sentence.
public struct WalkthroughValue: Sendable, Equatable, Encodable {
    /// The paper's notation where there is one (α_0, s_1, γ_2, φ, δ_0), otherwise a short name.
    public let symbol: String
    /// What it is or how it was computed.
    public let meaning: String
    /// The bytes, when the value is bytes.
    public let bytes: Bytes?
    /// A sentence, when the value is not bytes (a decoded command, the result of a check).
    public let text: String?

    static func bytes(_ symbol: String, _ meaning: String, _ bytes: Bytes) -> WalkthroughValue {
        WalkthroughValue(symbol: symbol, meaning: meaning, bytes: bytes, text: nil)
    }

    static func text(_ symbol: String, _ meaning: String, _ text: String) -> WalkthroughValue {
        WalkthroughValue(symbol: symbol, meaning: meaning, bytes: nil, text: text)
    }

    enum CodingKeys: String, CodingKey { case symbol, meaning, hex, length, text }

    /// Bytes are written in full as lowercase hex with their length; texts as they are.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(meaning, forKey: .meaning)
        if let bytes {
            try container.encode(bytes.hex, forKey: .hex)
            try container.encode(bytes.count, forKey: .length)
        }
        if let text { try container.encode(text, forKey: .text) }
    }
}

/// What can go wrong before a walkthrough exists: the inputs, or the profile refusing them.
public enum ExplainError: Error, Equatable, CustomStringConvertible {
    /// The route length is outside what the profile allows.
    case unsupportedHops(profile: String, hops: Int, allowed: ClosedRange<Int>)
    /// The profile has no such journey (a SURB in bolt4, an error return in nym or sphinxmix).
    case unsupportedFlow(profile: String, flow: String)
    /// An option the profile does not take (associated data, a failing hop).
    case unsupportedOption(profile: String, option: String)
    /// The failing hop is not on the route.
    case failingHopOutOfRange(hop: Int, hops: Int)
    /// The profile threw while building or processing the packet.
    case sphinx(SphinxError)
    /// bolt4's error return threw while building, wrapping or decoding the failure.
    case errorReturn(BOLT4ReturnError)
    /// The random source could not be seeded, or a drawn key was unusable.
    case primitive(PrimitiveError)
    /// A hop did not do what the route said (an internal inconsistency, reported, not trapped).
    case unexpectedOutcome(hop: Int, detail: String)

    public var description: String {
        switch self {
        case let .unsupportedHops(profile, hops, allowed):
            return "profile \(profile) takes \(allowed.lowerBound) to \(allowed.upperBound) hops, not \(hops)"
        case let .unsupportedFlow(profile, flow): return "profile \(profile) has no \(flow) walkthrough"
        case let .unsupportedOption(profile, option): return "profile \(profile) takes no \(option)"
        case let .failingHopOutOfRange(hop, hops): return "the failing hop \(hop) is not one of hops 0 to \(hops - 1)"
        case .sphinx(let error): return "the profile refused the inputs: \(error)"
        case .errorReturn(let error): return "the error return failed: \(error.name)"
        case .primitive(let error): return "a primitive failed: \(error)"
        case let .unexpectedOutcome(hop, detail): return "hop \(hop): \(detail)"
        }
    }
}

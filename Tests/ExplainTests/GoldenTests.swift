import Foundation
import SpecVectors
import Testing

/// The walkthrough of `vectors-gen explain` for a fixed seed, compared byte for byte with the
/// golden files under Golden/ (SPEC.md §9.7). To regenerate after an intended change, run
///
///     EXPLAIN_UPDATE_GOLDEN=1 swift test --filter ExplainTests
///
/// and review the diff; the same files come out of `vectors-gen explain --profile P [--surb]
/// --hops 3 --seed golden --message "hello, mix network" --color never [--json]` (bolt4: with
/// `[--error] --associated-data` and 32 bytes 0x42 in hex, onion-test.json's associated data).
@Suite struct GoldenTests {
    static let seed = "golden"
    static let message = "hello, mix network"
    static let bolt4AssociatedData = [UInt8](repeating: 0x42, count: 32)
    static let cases: [(ExplainProfile, ExplainFlow)] = [
        (.nym, .forward), (.nym, .surb), (.sphinxmix, .forward), (.sphinxmix, .surb), (.bolt4, .forward),
        (.bolt4, .error),
    ]

    static func walkthrough(_ profile: ExplainProfile, _ flow: ExplainFlow) throws -> Walkthrough {
        try Explain.walkthrough(
            profile: profile, flow: flow, hops: 3, seed: seed, message: message,
            associatedData: profile == .bolt4 ? bolt4AssociatedData : [])
    }

    static func compare(_ produced: String, file name: String) throws {
        let url = ExplainSupport.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EXPLAIN_UPDATE_GOLDEN"] == "1" {
            try Data(produced.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(golden == produced, "\(name) differs from the walkthrough: see the comment on GoldenTests")
    }

    @Test(arguments: cases)
    func textMatchesGolden(profile: ExplainProfile, flow: ExplainFlow) throws {
        let text = try Self.walkthrough(profile, flow).text(full: false, color: false)
        try Self.compare(text, file: "\(profile.rawValue)-\(flow.rawValue).txt")
    }

    @Test(arguments: cases)
    func jsonMatchesGolden(profile: ExplainProfile, flow: ExplainFlow) throws {
        let json = try Self.walkthrough(profile, flow).json()
        try Self.compare(json, file: "\(profile.rawValue)-\(flow.rawValue).json")
    }

    /// Negative control: another seed or another message changes the walkthrough, so the golden
    /// comparison does look at the values.
    @Test func otherInputsGiveOtherOutput() throws {
        let base = try Self.walkthrough(.nym, .forward).text()
        let otherSeed = try Explain.walkthrough(
            profile: .nym, flow: .forward, hops: 3, seed: "other", message: Self.message)
        let otherMessage = try Explain.walkthrough(
            profile: .nym, flow: .forward, hops: 3, seed: Self.seed, message: "bye")
        #expect(otherSeed.text() != base)
        #expect(otherMessage.text() != base)
    }

    /// The walkthrough ends with the message it started with, for every profile, flow and length.
    @Test(arguments: [ExplainProfile.nym, .sphinxmix], [ExplainFlow.forward, .surb])
    func deliveryRecoversTheMessage(profile: ExplainProfile, flow: ExplainFlow) throws {
        for hops in 1...3 {
            let walkthrough = try Explain.walkthrough(
                profile: profile, flow: flow, hops: hops, seed: "delivery", message: "m")
            let delivered = try #require(walkthrough.sections.last?.steps.last?.values.last?.text)
            #expect(delivered == "\"m\"")
            #expect(walkthrough.sections.filter { $0.title.hasPrefix("Hop ") }.count == hops)
        }
    }

    @Test func fullAndColourRendering() throws {
        let walkthrough = try Self.walkthrough(.nym, .forward)
        let plain = walkthrough.text()
        let full = walkthrough.text(full: true)
        let coloured = walkthrough.text(color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[36m[SPHINX-CREATE-2]\u{1B}[0m"))
        #expect(plain.contains("…"))
        // With --full the packet's bytes appear whole (in 64-character lines).
        let packet = try #require(
            walkthrough.sections.first { $0.title == "On the wire" }?.steps[0].values.last?.bytes)
        #expect(
            full.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains(packet.hex))
        #expect(!plain.contains(packet.hex))
    }

    @Test func refusesRoutesTheProfileCannotTake() {
        #expect(throws: ExplainError.self) {
            try Explain.walkthrough(profile: .bolt4, flow: .forward, hops: 38, seed: "x", message: "mm")
        }
        #expect(throws: ExplainError.self) {
            try Explain.walkthrough(profile: .nym, flow: .forward, hops: 6, seed: "x", message: "m")
        }
        #expect(throws: ExplainError.self) {
            try Explain.walkthrough(profile: .sphinxmix, flow: .forward, hops: 0, seed: "x", message: "m")
        }
    }
}

import Foundation
import SpecVectors
import Testing

/// Every step ID the walkthrough prints is an ID SPEC.md defines (SPEC.md §9.7).
@Suite struct StepIDTests {
    /// The IDs SPEC.md defines: bracketed tags outside code blocks and inline code, with the
    /// pattern scripts/spec-trace uses.
    static func specIDs() throws -> Set<String> {
        let spec = try String(
            contentsOf: ExplainSupport.packageRoot.appendingPathComponent("SPEC.md"), encoding: .utf8)
        var ids = Set<String>()
        var inFence = false
        // Swift's Regex has no lookbehind; NSRegularExpression (ICU) has. Letters are written
        // \x41-\x5A so that scripts/spec-trace does not read the pattern as an ID.
        let pattern = try NSRegularExpression(
            pattern: #"(?<![A-Za-z0-9_\])])\[([\x41-\x5A][\x41-\x5A\d]*(?:-[\x41-\x5A\d]+)+)\](?!\()"#)
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            let withoutCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            let range = NSRange(withoutCode.startIndex..., in: withoutCode)
            for match in pattern.matches(in: withoutCode, range: range) {
                if let id = Range(match.range(at: 1), in: withoutCode) { ids.insert(String(withoutCode[id])) }
            }
        }
        return ids
    }

    static func missing(_ ids: [String], from spec: Set<String>) -> [String] { ids.filter { !spec.contains($0) } }

    /// Every profile with each of its journeys (bolt4: forward and error; the others: forward and SURB).
    static let journeys = ExplainProfile.allCases.flatMap { profile in profile.flows.map { (profile, $0) } }

    @Test(arguments: journeys)
    func everyPrintedIDIsInSPEC(profile: ExplainProfile, flow: ExplainFlow) throws {
        let spec = try Self.specIDs()
        // Two bytes: bolt4's smallest hop payload.
        let walkthrough = try Explain.walkthrough(profile: profile, flow: flow, hops: 3, seed: "ids", message: "mm")
        #expect(walkthrough.stepIDs.count > 20)
        #expect(Self.missing(walkthrough.stepIDs, from: spec) == [])
        // The text shows exactly those IDs, each as "[ID]" at the start of a line.
        let printed = walkthrough.text().split(separator: "\n").filter { $0.hasPrefix("[") }
            .compactMap { $0.split(separator: "]").first.map { String($0.dropFirst()) } }
        #expect(Set(printed) == Set(walkthrough.stepIDs))
    }

    /// Negative control: the check finds an ID SPEC.md lacks, and the parser finds known IDs.
    @Test func theCheckCanFail() throws {
        let spec = try Self.specIDs()
        #expect(spec.contains("SPHINX-CREATE-4"))
        #expect(spec.contains("NYM-SURB-4"))
        #expect(spec.contains("VEC-EXPLAIN-1"))
        #expect(spec.contains("BOLT4-ERROR-DECODE-2"))
        #expect(Self.journeys.count == 6)
        #expect(Self.missing(["SPHINX-CREATE-4", "SPHINX-CREATE-99"], from: spec) == ["SPHINX-CREATE-99"])
    }
}

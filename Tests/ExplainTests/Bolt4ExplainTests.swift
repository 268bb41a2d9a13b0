import Foundation
import SphinxSpec
import Testing

@testable import SpecVectors

/// The bolt4 walkthrough (SPEC.md VEC-EXPLAIN-2) against the BOLT's own published files, and its
/// journeys end to end. The files are the ones Tests/BOLT4Tests reads
/// (TestVectors/external/bolt4, commits in the README there).
@Suite struct Bolt4ExplainTests {
    static func official(_ name: String) throws -> [String: Any] {
        let url = ExplainSupport.packageRoot.appendingPathComponent("TestVectors/external/bolt4/\(name)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    static func hex(_ value: Any?) -> Bytes { Bytes(hex: value as? String ?? "") ?? [] }

    /// onion-test.json's route: its session key, the `decode` node secrets, the payloads
    /// without the BigSize prefix the file gives them with, and its associated data.
    static func officialRoute(associatedData: Bytes? = nil) throws -> Bolt4Walkthrough.Route {
        let file = try official("onion-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        let payloads = (generate["hops"] as? [[String: Any]] ?? []).map { hop -> Bytes in
            let prefixed = hex(hop["payload"])
            guard let (_, width) = BigSize.decode(prefixed) else { return [] }
            return Bytes(prefixed[width...])
        }
        return try Bolt4Walkthrough.Route(
            sessionKey: hex(generate["session_key"]), nodeSecrets: (file["decode"] as? [String] ?? []).map(hex),
            payloads: payloads, associatedData: associatedData ?? hex(generate["associated_data"]))
    }

    static func value(_ sections: [WalkthroughSection], section: String, symbol: String) -> Bytes? {
        sections.first { $0.title == section }?.steps.flatMap(\.values).last { $0.symbol == symbol }?.bytes
    }

    /// The walkthrough's onion on the wire is onion-test.json's `onion`, and the five hops
    /// read the file's payloads, the last one as final.
    @Test func officialOnionIsTheWalkthroughsOnion() throws {
        let expected = Self.hex(try Self.official("onion-test.json")["onion"])
        #expect(expected.count == 1366)
        let route = try Self.officialRoute()
        let sections = try Bolt4Walkthrough.sections(route, failingHop: nil)
        #expect(Self.value(sections, section: "On the wire", symbol: "onion") == expected)
        for i in 0..<5 {
            let hop = try #require(sections.first { $0.title.hasPrefix("Hop \(i) of 5") })
            let parse = try #require(hop.steps.first { $0.id == "BOLT4-PARSE" })
            #expect(parse.values.first { $0.symbol == "payload" }?.bytes == route.payloads[i])
            #expect(parse.values.last?.text?.hasPrefix(i == 4 ? "yes" : "no") == true)
        }
        // Negative control: other associated data gives another onion.
        let other = try Bolt4Walkthrough.sections(try Self.officialRoute(associatedData: [0x43]), failingHop: nil)
        #expect(Self.value(other, section: "On the wire", symbol: "onion") != expected)
    }

    /// With hop 4 failing, what reaches the origin is onion-error-test.json's `errorpacket`
    /// (same keys, failure message 0x2002), and the origin names hop 4.
    @Test func officialErrorPacketIsTheWalkthroughsReturn() throws {
        let file = try Self.official("onion-error-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        #expect(Self.hex(generate["failure_message"]) == Bolt4Walkthrough.failureMessage)
        let sections = try Bolt4Walkthrough.sections(try Self.officialRoute(), failingHop: 4)
        #expect(Self.value(sections, section: "Back at hop 0", symbol: "packet_0") == Self.hex(file["errorpacket"]))
        #expect(sections.last?.steps.last?.values.last?.text == "hop 4 returned failuremsg 0x2002")
    }

    /// Every failing hop is named by the origin, after one decode attempt per hop up to it.
    @Test(arguments: 1...3)
    func originNamesTheFailingHop(hops: Int) throws {
        for failing in 0..<hops {
            let walkthrough = try Explain.walkthrough(
                profile: .bolt4, flow: .error, hops: hops, seed: "errors", message: "mm", failingHop: failing)
            let origin = try #require(walkthrough.sections.last)
            #expect(origin.title == "At the origin")
            #expect(origin.steps.filter { $0.id == "BOLT4-ERROR-DECODE-1" }.count == failing + 1)
            #expect(origin.steps.last?.values.last?.text == "hop \(failing) returned failuremsg 0x2002")
            #expect(walkthrough.sections.filter { $0.title.hasPrefix("Back at hop") }.count == failing)
        }
    }

    /// The forward journey ends with the payload it started with, for one to three hops.
    @Test func deliveryRecoversThePayload() throws {
        for hops in 1...3 {
            let walkthrough = try Explain.walkthrough(
                profile: .bolt4, flow: .forward, hops: hops, seed: "delivery", message: "mm")
            #expect(walkthrough.sections.last?.steps.last?.values.last?.text == "\"mm\"")
            #expect(walkthrough.sections.filter { $0.title.hasPrefix("Hop ") }.count == hops)
        }
    }

    @Test func refusesWhatTheProfilesDoNotHave() {
        #expect(throws: ExplainError.unsupportedFlow(profile: "bolt4", flow: "surb")) {
            try Explain.walkthrough(profile: .bolt4, flow: .surb, hops: 3, seed: "x", message: "mm")
        }
        #expect(throws: ExplainError.unsupportedFlow(profile: "nym", flow: "error")) {
            try Explain.walkthrough(profile: .nym, flow: .error, hops: 3, seed: "x", message: "mm")
        }
        #expect(throws: ExplainError.self) {
            try Explain.walkthrough(
                profile: .sphinxmix, flow: .forward, hops: 3, seed: "x", message: "mm", associatedData: [1])
        }
        #expect(throws: ExplainError.failingHopOutOfRange(hop: 3, hops: 3)) {
            try Explain.walkthrough(profile: .bolt4, flow: .error, hops: 3, seed: "x", message: "mm", failingHop: 3)
        }
        // A one-byte payload is one of the reserved lengths.
        #expect(throws: ExplainError.self) {
            try Explain.walkthrough(profile: .bolt4, flow: .forward, hops: 3, seed: "x", message: "m")
        }
    }
}

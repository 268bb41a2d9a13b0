import Foundation
import Testing

@testable import SpecVectors

/// The node vector files (SPEC.md §9.6): the committed files verify, and a file with one
/// changed value is caught — an output time, a forwarded packet, an input packet that is no
/// longer what its source makes, a link's hash.
@Suite struct NodeVectorFileTests {
    static let files = [
        "loopix/node_mix.json", "loopix/node_gateway.json", "loopix/node_client.json", "loopix/node_network.json",
    ]

    static func verify(_ name: String, _ data: Data) -> VerifyReport { Catalog.verify(name: name, contents: data) }

    static func committed(_ name: String) throws -> Data {
        try Data(contentsOf: TestSupport.vectorsRoot.appendingPathComponent(name))
    }

    @Test func committedFilesVerify() throws {
        for name in Self.files {
            let report = Self.verify(name, try Self.committed(name))
            #expect(report.failed == 0, "\(report.failures.prefix(3))")
            #expect(report.passed >= 3 || name.hasSuffix("network.json"), "\(name)")
        }
    }

    /// Replaces the first occurrence of `old` after `anchor` and verifies.
    static func tampered(_ name: String, after anchor: String, _ old: String, _ new: String) throws -> VerifyReport {
        var text = String(decoding: try committed(name), as: UTF8.self)
        let start = try #require(text.range(of: anchor)).upperBound
        let range = try #require(text.range(of: old, range: start..<text.endIndex))
        text.replaceSubrange(range, with: new)
        return verify(name, Data(text.utf8))
    }

    @Test func oneChangedValueIsCaught() throws {
        // An output time one nanosecond off.
        var report = try Self.tampered(
            "loopix/node_mix.json", after: "\"events\" : [", "\"time_ns\" : 10000000", "\"time_ns\" : 10000001")
        #expect(report.failed == 1)
        #expect(report.failures.first?.contains("time_ns") == true)
        // A forwarded packet's first byte.
        report = try Self.tampered(
            "loopix/node_mix.json", after: "\"kind\" : \"forward\"", "\"packet\" : \"", "\"packet\" : \"ff")
        #expect(report.failed >= 1)
        // An input packet that its create_forward request no longer makes.
        report = try Self.tampered(
            "loopix/node_mix.json", after: "\"inputs\" : [", "\"packet\" : \"", "\"packet\" : \"00")
        #expect(report.failed >= 1)
        // A drop reason at the gateway.
        report = try Self.tampered(
            "loopix/node_gateway.json", after: "\"events\" : [", "\"dropCover\"", "\"replayedTag\"")
        #expect(report.failed == 1)
        // A link's hash in the network run.
        report = try Self.tampered(
            "loopix/node_network.json", after: "\"links\" : [", "\"sha256\" : \"", "\"sha256\" : \"0")
        #expect(report.failed >= 1)
    }
}

import Foundation
import Testing
@testable import SpecVectors

/// The node files through `verify --oracle` (SPEC.md ORACLE-EXTERNAL-1, §9.6): the real
/// `vectors-gen oracle` executable answers every mix, gateway and client test as another
/// implementation would; a program that only echoes its input fails them; the network file is
/// skipped (no op runs a whole network).
@Suite struct NodeOracleProcessTests {
    @Test func verifyDrivesTheNodeOpsOfAnExternalOracle() throws {
        let binary = try #require(TestSupport.vectorsGenBinary())
        let names = ["node_mix", "node_gateway", "node_client", "node_network"].map { "loopix/\($0).json" }
        let files = names.map { TestSupport.vectorsRoot.appendingPathComponent($0).path }
        let (status, out, _) = try TestSupport.run(binary, ["verify", "--oracle", "'\(binary.path)' oracle"] + files)
        let text = String(decoding: out, as: UTF8.self)
        #expect(status == 0, "\(text)")
        #expect(text.split(separator: "\n").last == "15 passed, 0 failed", "\(text)")

        let (badStatus, badOut, _) = try TestSupport.run(binary, ["verify", "--oracle", "cat"] + files.prefix(1))
        #expect(badStatus != 0)
        #expect(String(decoding: badOut, as: UTF8.self).contains("0 passed, 9 failed"))
    }
}

import Foundation
import Testing
@testable import SpecVectors

/// The invalid files cover every kind of bad input the vectors promise (SPEC.md §9.5), and
/// the valid files carry every intermediate value.
@Suite struct CoverageTests {
    static func invalidFiles() throws -> [String: InvalidFile] {
        var out: [String: InvalidFile] = [:]
        for (path, data) in try TestSupport.committedFiles()
        where path.hasSuffix("/invalid.json") && !path.hasPrefix("bolt4/") {
            out[path] = try JSONDecoder().decode(InvalidFile.self, from: data)
        }
        return out
    }

    @Test func atLeastFortyInvalidCasesAcrossTheProfiles() throws {
        let files = try Self.invalidFiles()
        #expect(Set(files.keys) == ["nym/invalid.json", "sphinxmix/invalid.json"])
        #expect(files.values.reduce(0) { $0 + $1.numberOfTests } >= 40)
    }

    @Test func everyPromisedKindOfBadInputIsThere() throws {
        let files = try Self.invalidFiles()
        let nym = Set(try #require(files["nym/invalid.json"]).testGroups.flatMap { $0.tests.flatMap(\.flags) })
        let sphinxmix = Set(
            try #require(files["sphinxmix/invalid.json"]).testGroups.flatMap { $0.tests.flatMap(\.flags) })
        for flag in [
            "ModifiedMac", "ModifiedRoutingInfo", "ModifiedAlpha", "ModifiedPayload", "Truncated", "OversizedPacket",
            "UnknownFlag", "UnknownVersion", "SmallOrderAlpha", "Replay", "TamperedSURB", "TamperedReply",
            "MalformedSURB",
        ] {
            #expect(nym.contains(flag), "nym/invalid.json has no \(flag) case")
        }
        for flag in [
            "ModifiedMac", "ModifiedRoutingInfo", "ModifiedAlpha", "ModifiedPayload", "Truncated", "Replay",
            "WrongAssociatedData", "UnknownFlag", "TamperedSURB", "TamperedReply", "MalformedSURB",
        ] {
            #expect(sphinxmix.contains(flag), "sphinxmix/invalid.json has no \(flag) case")
        }
        // Every one of the fourteen small-order encodings appears as α.
        let smallOrder = try #require(files["nym/invalid.json"]).testGroups[0].tests.filter {
            $0.flags.contains("SmallOrderAlpha")
        }
        #expect(smallOrder.count >= KnownAnswers.smallOrderPoints.count)
    }

    /// bolt4/invalid.json (its own schema, VEC-BOLT4-1) has every kind of bad input issue 16
    /// lists: wrong version, bad HMAC, flipped hop_payloads bit, wrong associated data, invalid
    /// point, length prefix past the end, truncated onion; and a corrupted error return.
    @Test func bolt4HasEveryPromisedKindOfBadInput() throws {
        let data = try #require(TestSupport.committedFiles()["bolt4/invalid.json"])
        let file = try JSONDecoder().decode(BOLT4File.self, from: data)
        let flags = Set(file.testGroups.flatMap { $0.tests.flatMap(\.flags) })
        for flag in [
            "WrongVersion", "ModifiedHmac", "ModifiedHopPayloads", "WrongAssociatedData", "InvalidPoint",
            "LengthPastEnd", "Truncated", "CorruptedReturn",
        ] {
            #expect(flags.contains(flag), "bolt4/invalid.json has no \(flag) case")
        }
        #expect(file.testGroups.flatMap(\.tests).allSatisfy { $0.result == .invalid })
    }

    @Test func everyAcceptableCaseSaysWhy() throws {
        for (path, file) in try Self.invalidFiles() {
            for test in file.testGroups.flatMap(\.tests) where test.result == .acceptable {
                #expect(
                    test.flags.contains { file.notes[$0]?.description.contains("cceptable") == true },
                    "\(path) tcId \(test.tcId): an acceptable case needs a note saying why")
            }
        }
    }

    @Test func validCasesRecordEveryIntermediate() throws {
        for (path, data) in try TestSupport.committedFiles() where path.contains("/forward") {
            let file = try JSONDecoder().decode(ForwardFile.self, from: data)
            for test in file.testGroups.flatMap(\.tests) {
                let creation = test.outputs.create_forward.intermediates
                #expect(creation.hops.count == test.inputs.node_secrets.count, "\(path) tcId \(test.tcId)")
                #expect(creation.deltas?.count == creation.hops.count + 1, "\(path) tcId \(test.tcId): deltas")
                #expect(test.outputs.hops.count == creation.hops.count, "\(path) tcId \(test.tcId): one record per hop")
                for hop in creation.hops {
                    #expect(Set(["h_rho", "h_mu", "b", "h_tau"]).isSubset(of: Set(hop.keys.keys)))
                }
                #expect(!test.inputs.create_forward.randomness.initial_secret.bytes.isEmpty)
                #expect(test.seed.bytes == Seeds.seed(for: test.seedLabel))
            }
        }
    }
}

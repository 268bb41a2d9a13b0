import Foundation
import Testing
@testable import SpecVectors

/// The oracle's one dispatch table (Sources/SpecVectors/Oracle/OracleTable.swift) against the
/// op lists SPEC.md gives (ORACLE-PRIMITIVES-1, ORACLE-NYM-1, ORACLE-SPHINXMIX-1, ORACLE-BOLT4-1, and the node ops
/// of §9.6), which are
/// written out here from SPEC.md rather than taken from the code.
@Suite struct OracleTableTests {
    static let sphinxOps = ["create_forward", "process", "create_surb", "use_surb"]
    static let specOps: [String: [String]] = [
        "primitives": [
            "x25519", "hmac_sha256", "hkdf_sha256", "aes128_ctr", "chacha20_original", "chacha20_ietf",
            "blake2b", "sha256", "deterministic_random", "lioness_chacha20_blake2b",
            "lioness_aes128_sha256", "p224",
        ],
        "nym": sphinxOps + ["mix_node", "gateway_node", "client_node"],
        "sphinxmix": sphinxOps + ["open_reply"],
        "bolt4": ["create_forward", "process", "create_error", "wrap_error", "decode_error"],
    ]

    @Test func everyProfileAndOpIsListedOnce() {
        var seen = Set<String>()
        for entry in OracleTable.ops {
            let key = entry.profile + "/" + entry.name
            #expect(!seen.contains(key), "\(key) is in the table twice")
            seen.insert(key)
        }
    }

    @Test func theTableHoldsExactlyTheOpsOfSpec() {
        #expect(OracleTable.profiles == Self.specOps.keys.sorted())
        for (profile, ops) in Self.specOps {
            #expect(Set(OracleTable.opNames(of: profile)) == Set(ops), "profile \(profile)")
        }
    }

    @Test func describeListsTheTableInOrder() throws {
        guard case .object(let response) = Oracle().respond(to: #"{"op":"describe"}"#),
            case .object(let profiles)? = response["profiles"]
        else {
            Issue.record("describe did not answer an object with \"profiles\"")
            return
        }
        #expect(profiles.keys.sorted() == OracleTable.profiles)
        for name in OracleTable.profiles {
            #expect(profiles[name] == .array(OracleTable.opNames(of: name).map { .string($0) }), "profile \(name)")
        }
    }

    @Test func anOpOfAnotherProfileIsUnknown() {
        let response = Oracle().respond(to: #"{"op":"open_reply","profile":"nym"}"#)
        guard case .object(let object) = response else {
            Issue.record("not an object: \(response)")
            return
        }
        #expect(object["error"] == .string("unknownOp"))
    }
}

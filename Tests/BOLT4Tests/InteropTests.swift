import Foundation
import Testing
@testable import SphinxSpec

/// Live interop with core-lightning's pyln-proto (SPEC.md §4.3.9): our onions unwrapped by it
/// hop by hop, its onions processed by us, routes of 1–20 hops, payloads of many sizes (both
/// BigSize forms), with and without associated data; and its recorded disagreement.
@Suite(
    .serialized,
    .enabled(
        if: PylnPeer.shouldRun,
        "bolt4 interop skipped: no .venv-interop/bin/python (run scripts/setup-interop); on CI these tests run"))
struct InteropTests {
    static let candidates = [2, 17, 252, 253, 256, 300, 40, 3, 1000]
    static let associatedData: [Bytes] = [[], Bytes(repeating: 0x42, count: 32)]

    func peer() throws -> PylnPeer { try PylnPeer.shared.get() }

    /// Payload lengths for ν hops, mixed, each fitting with room for the hops after it.
    static func mixedLengths(_ nu: Int, offset: Int) -> [Int] {
        var used = 0
        var lengths: [Int] = []
        for i in 0..<nu {
            let reserve = (nu - i - 1) * InteropNetwork.shift(2)
            let wanted = candidates[(i + offset) % candidates.count]
            let length = used + InteropNetwork.shift(wanted) + reserve <= 1300 ? wanted : 2
            lengths.append(length)
            used += InteropNetwork.shift(length)
        }
        return lengths
    }

    /// Swift creates; pyln unwraps every hop and agrees with our processing byte for byte.
    @Test func pylnUnwrapsOurOnions() throws {
        let pyln = try peer()
        var checked = 0
        for nu in 1...20 {
            for (adIndex, ad) in Self.associatedData.enumerated() {
                let route = InteropNetwork.route(Self.mixedLengths(nu, offset: nu + adIndex))
                let session = SHA256.hash(Bytes("session \(nu) \(adIndex)".utf8))
                var packet = try BOLT4.createOnion(route: route, associatedData: ad, sessionKey: session).packet.bytes
                for index in 0..<nu {
                    let theirs = try pyln.unwrap(packet, nodeSecret: InteropNetwork.secrets[index], associatedData: ad)
                    let ours = try BOLT4.processOnion(
                        packet, nodeSecret: InteropNetwork.secrets[index], associatedData: ad)
                    try #require(theirs["ok"] as? Bool == true, "pyln refused hop \(index) of \(nu): \(theirs)")
                    #expect(hex(theirs, "payload") == route[index].payload.bytes, "payload at hop \(index) of \(nu)")
                    switch ours.outcome {
                    case .forward(_, let next):
                        #expect(hex(theirs, "next_packet") == next.bytes, "next onion at hop \(index) of \(nu)")
                        packet = next.bytes
                    case .final:
                        #expect(index == nu - 1)
                        #expect(theirs["next_packet"] is NSNull, "pyln must see the final hop at \(index) of \(nu)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 2 * (1...20).reduce(0, +))
    }

    /// pyln creates (payloads of one length per route, see the disagreement below); its
    /// onion is byte-equal to ours and we process every hop.
    @Test func weProcessPylnOnions() throws {
        let pyln = try peer()
        var routes = 0
        for nu in 1...20 {
            let largest = (1300 / nu) - 32 - 3
            let lengths = Set([2, 33, 252, 253, largest].filter { $0 >= 2 && nu * InteropNetwork.shift($0) <= 1300 })
            // With and without associated data in turn, to keep the suite fast.
            for (turn, length) in lengths.sorted().enumerated() {
                do {
                    let ad = Self.associatedData[(nu + turn) % 2]
                    let route = InteropNetwork.route(Array(repeating: length, count: nu))
                    let session = SHA256.hash(Bytes("pyln session \(nu) \(length) \(ad.count)".utf8))
                    let made = try pyln.create(route, associatedData: ad, sessionKey: session)
                    var packet = try #require(hex(made, "packet"), "pyln refused \(nu) hops of \(length): \(made)")
                    let ours = try BOLT4.createOnion(route: route, associatedData: ad, sessionKey: session)
                    #expect(packet == ours.packet.bytes, "\(nu) hops of \(length) bytes, ad \(ad.count)")
                    for index in 0..<nu {
                        let processed = try BOLT4.processOnion(
                            packet, nodeSecret: InteropNetwork.secrets[index], associatedData: ad)
                        switch processed.outcome {
                        case .forward(let payload, let next):
                            #expect(payload == route[index].payload.bytes && index < nu - 1)
                            packet = next.bytes
                        case .final(let payload):
                            #expect(payload == route[index].payload.bytes && index == nu - 1)
                        }
                    }
                    routes += 1
                }
            }
        }
        #expect(routes >= 60)
    }

    /// The recorded disagreement (SPEC.md §4.3.9): pyln-proto v26.06.9's `SphinxPath.compile`
    /// sizes the filler from hops 1 … ν−1 instead of 0 … ν−2 (`get_filler`), which is only
    /// right when every hop's payload has the same length. Smallest case: two hops with
    /// payloads of 2 and 3 bytes: its onion fails the last hop's HMAC in pyln's own unwrap and
    /// in ours; with 3 and 2 bytes, compile raises AssertionError. Our onions for both routes
    /// are unwrapped by pyln. BOLT #4's onion-test.json has unequal payloads: we reproduce its
    /// onion, pyln does not (it unwraps the BOLT's onion at all five hops, checked here too).
    /// If pyln fixes this, these expectations fail: then update SPEC.md and this test.
    @Test func recordedDisagreementOnUnequalPayloads() throws {
        let pyln = try peer()
        #expect(pyln.version == PylnPeer.expectedVersion, "the disagreement was recorded with pyln-proto v26.06.9")
        let session = Bytes(repeating: 0x41, count: 32)
        let growing = InteropNetwork.route([2, 3])
        let made = try pyln.create(growing, associatedData: [], sessionKey: session)
        let theirs = try #require(hex(made, "packet"))
        let ours = try BOLT4.createOnion(route: growing, associatedData: [], sessionKey: session).packet.bytes
        #expect(theirs != ours)
        guard
            case .forward(_, let next) = try BOLT4.processOnion(
                theirs, nodeSecret: InteropNetwork.secrets[0], associatedData: []
            ).outcome
        else {
            Issue.record("hop 0 of pyln's onion should forward")
            return
        }
        #expect(throws: SphinxError.headerMACMismatch) {
            try BOLT4.processOnion(next.bytes, nodeSecret: InteropNetwork.secrets[1], associatedData: [])
        }
        let first = try pyln.unwrap(theirs, nodeSecret: InteropNetwork.secrets[0], associatedData: [])
        let second = try pyln.unwrap(
            try #require(hex(first, "next_packet")), nodeSecret: InteropNetwork.secrets[1], associatedData: [])
        #expect(second["ok"] as? Bool == false && (second["error"] as? String ?? "").contains("HMAC does not match"))

        let shrinking = InteropNetwork.route([3, 2])
        let refused = try pyln.create(shrinking, associatedData: [], sessionKey: session)
        #expect((refused["error"] as? String ?? "").hasPrefix("AssertionError"))
        // Negative control: our onions for both routes pass pyln at both hops.
        for route in [growing, shrinking] {
            var packet = try BOLT4.createOnion(route: route, associatedData: [], sessionKey: session).packet.bytes
            for index in 0..<2 {
                let answer = try pyln.unwrap(packet, nodeSecret: InteropNetwork.secrets[index], associatedData: [])
                #expect(answer["ok"] as? Bool == true)
                packet = hex(answer, "next_packet") ?? []
            }
        }

        // onion-test.json: whose bytes match the BOLT's.
        let file = try Official.load("onion-test.json")
        let generate = file["generate"] as? [String: Any] ?? [:]
        let hops = generate["hops"] as? [[String: Any]] ?? []
        let ad = Official.hex(generate["associated_data"])
        let route = Official.route(hops)
        let official = Official.hex(file["onion"])
        let pylnOnion = try pyln.create(route, associatedData: ad, sessionKey: Official.hex(generate["session_key"]))
        #expect(hex(pylnOnion, "packet") != official, "pyln now reproduces onion-test.json: update SPEC.md §4.3.9")
        #expect(
            try BOLT4.createOnion(route: route, associatedData: ad, sessionKey: Official.hex(generate["session_key"]))
                .packet.bytes == official)
        var packet = official
        for (index, secret) in (file["decode"] as? [String] ?? []).enumerated() {
            let answer = try pyln.unwrap(packet, nodeSecret: Official.hex(secret), associatedData: ad)
            #expect(answer["ok"] as? Bool == true, "pyln refused the BOLT's onion at hop \(index)")
            packet = hex(answer, "next_packet") ?? []
        }
    }
}

import Foundation
import InteropSupport
import Testing
@testable import SphinxSpec

/// A running `Interop/bolt4/peer.py` (core-lightning's pyln-proto): one JSON request per line
/// in, one response out. The interpreter is `$BOLT4_PYTHON`, or `.venv-interop/bin/python`
/// (scripts/setup-interop). On CI (`CI=true`) the interop tests always run, so a missing
/// interpreter fails them; elsewhere they are skipped with a message.
final class PylnPeer: Sendable {
    static let python: String = LinePeer.python(overriddenBy: "BOLT4_PYTHON")
    static let isCI = LinePeer.isCI
    static var shouldRun: Bool { isCI || FileManager.default.isExecutableFile(atPath: python) }
    /// The version the expected disagreements (SPEC.md §4.3.9) were found with.
    static let expectedVersion = "v26.06.9"

    /// One peer for the whole suite (starting Python and importing pyln costs about a second).
    static let shared: Result<PylnPeer, PeerError> = {
        do {
            return .success(try PylnPeer())
        } catch let error as PeerError {
            return .failure(error)
        } catch {
            return .failure(PeerError(description: "\(error)"))
        }
    }()

    struct PeerError: Error, CustomStringConvertible {
        let description: String
    }

    private let line: LinePeer
    let version: String

    init() throws {
        do {
            line = try LinePeer(python: Self.python, script: LinePeer.path("Interop/bolt4/peer.py"))
        } catch {
            throw PeerError(description: "pyln peer cannot start (\(Self.python)): \(error); run scripts/setup-interop")
        }
        let pong = try line.send(["op": "ping"])
        guard let found = pong["version"] as? String else { throw PeerError(description: "no version: \(pong)") }
        version = found
    }

    /// Sends a request; the response, whether the peer accepted it or not.
    func send(_ request: [String: Any]) throws -> [String: Any] {
        try line.send(request)
    }

    /// pyln's onion for a route (payloads without their prefix).
    func create(_ route: [BOLT4RouteHop], associatedData: Bytes, sessionKey: Bytes) throws -> [String: Any] {
        try send([
            "op": "create", "session_key": sessionKey.hex, "associated_data": associatedData.hex,
            "route": route.map { ["public_key": $0.publicKey.hex, "payload": $0.payload.bytes.hex] },
        ])
    }

    /// pyln's unwrap at one hop.
    func unwrap(_ packet: Bytes, nodeSecret: Bytes, associatedData: Bytes) throws -> [String: Any] {
        try send([
            "op": "unwrap", "packet": packet.hex, "node_secret": nodeSecret.hex,
            "associated_data": associatedData.hex,
        ])
    }
}

/// The test network: node i's secret is SHA-256("bolt4 interop node i").
enum InteropNetwork {
    static let secrets: [Bytes] = (0..<20).map { SHA256.hash(Bytes("bolt4 interop node \($0)".utf8)) }
    static let publicKeys: [Bytes] = secrets.map {
        (try? Secp256k1.Scalar(canonical: $0).publicKey().compressed) ?? []
    }

    /// A TLV stream of exactly `length` bytes (≥ 2): records of the unknown type 0x21 holding
    /// 0x2a…; pyln parses payloads as TLV and re-serialises them, so they must be well formed.
    static func tlv(_ length: Int, fill: UInt8 = 0x2a) -> Bytes {
        if length - 2 < 0xfd { return [0x21, UInt8(length - 2)] + Bytes(repeating: fill, count: length - 2) }
        if length - 4 >= 0xfd {
            let value = length - 4
            return [0x21, 0xfd, UInt8(value >> 8), UInt8(value & 0xff)] + Bytes(repeating: fill, count: value)
        }
        // 255 and 256 bytes: an empty record first.
        return [0x21, 0x00] + tlv(length - 2, fill: fill)
    }

    static func route(_ lengths: [Int]) -> [BOLT4RouteHop] {
        lengths.enumerated().map {
            BOLT4RouteHop(publicKey: publicKeys[$0.offset], payload: tlv($0.element, fill: UInt8(0x30 + $0.offset)))
        }
    }

    /// Bytes of hop_payloads a payload of `length` takes: BigSize prefix, payload, HMAC.
    static func shift(_ length: Int) -> Int { BigSize.encode(UInt64(length)).count + length + 32 }
}

func hex(_ object: [String: Any], _ key: String) -> Bytes? {
    (object[key] as? String).flatMap { Bytes(hex: $0) }
}

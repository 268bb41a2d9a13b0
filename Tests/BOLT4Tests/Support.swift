import Foundation
@testable import SphinxSpec

/// The official BOLT #4 vector files (TestVectors/external/bolt4, see the README there).
enum Official {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TestVectors/external/bolt4", isDirectory: true)

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func hex(_ value: Any?) -> Bytes { Bytes(hex: value as? String ?? "") ?? [] }

    /// A payload as the files give it, with its BigSize prefix ("All the payloads already
    /// have the variable length encoded"), split into the payload itself.
    static func strippingPrefix(_ prefixed: Bytes) -> Bytes {
        guard let (length, width) = BigSize.decode(prefixed), width + Int(length) == prefixed.count else { return [] }
        return Bytes(prefixed[width...])
    }

    /// A route as the files list it: each hop's `pubkey` and its `payload` (prefix removed).
    static func route(_ hops: [[String: Any]]) -> [BOLT4RouteHop] {
        hops.map { BOLT4RouteHop(publicKey: hex($0["pubkey"]), payload: strippingPrefix(hex($0["payload"]))) }
    }

    /// The public key of a private key, compressed.
    static func publicKey(_ secret: Bytes) throws -> Bytes {
        try Secp256k1.Scalar(canonical: secret).publicKey().compressed
    }
}

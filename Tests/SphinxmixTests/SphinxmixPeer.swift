import Foundation
import InteropSupport
import Testing
@testable import SphinxSpec

/// Where the interop peer lives and whether it can run.
///
/// The interpreter is `$SPHINXMIX_PYTHON`, or `.venv-interop/bin/python` under the package root
/// (made by scripts/setup-interop). On CI (`CI=true`) the interop tests always run, so a
/// missing interpreter fails them; on a developer machine without it they are skipped with
/// a message naming the script to run.
enum PeerLocation {
    static let python: String = LinePeer.python(overriddenBy: "SPHINXMIX_PYTHON")

    static let script: String = LinePeer.path("Interop/sphinxmix/peer.py")

    static let isCI: Bool = LinePeer.isCI

    static var interpreterExists: Bool { FileManager.default.isExecutableFile(atPath: python) }

    /// Enabled when the interpreter exists, and always on CI (where a missing one must fail).
    static var shouldRun: Bool { isCI || interpreterExists }

    static let skipMessage: Comment = """
        sphinxmix interop skipped: no Python interpreter at .venv-interop/bin/python (or \
        $SPHINXMIX_PYTHON). Run scripts/setup-interop to create it. On CI (CI=true) these tests \
        run and fail instead.
        """
}

struct PeerFailure: Error, CustomStringConvertible {
    let description: String
}

/// A test's handle on the interop peer: `Interop/sphinxmix/peer.py`, one JSON request per line
/// in, one response line out.
///
/// The Python processes are shared by the whole test run (`PeerPool`): starting the
/// interpreter and importing petlib costs far more than a request, and every request is
/// independent (peer.py keeps no state between lines), so any process can answer any request.
struct SphinxmixPeer {
    init() throws {
        _ = try PeerPool.shared.process()  // start one now, so a missing interpreter fails here
    }

    /// Sends a request; returns the response, or throws if the peer reported an error.
    @discardableResult
    func call(_ request: [String: Any]) throws -> [String: Any] {
        let response = try PeerPool.shared.process().send(request)
        guard response["ok"] as? Bool == true else {
            throw PeerFailure(description: "sphinxmix refused \(request["op"] ?? "?"): \(response["error"] ?? "?")")
        }
        return response
    }

    /// Sends a request that sphinxmix is expected to refuse; returns its error text.
    func expectFailure(_ request: [String: Any]) throws -> String {
        let response = try PeerPool.shared.process().send(request)
        guard response["ok"] as? Bool == false else {
            throw PeerFailure(description: "sphinxmix accepted \(request["op"] ?? "?") that should fail")
        }
        return response["error"] as? String ?? ""
    }
}

/// The long-lived peer processes of one test run: at most one per processor (tests run in
/// parallel), each started on first need and restarted if it has exited. Requests go to a
/// process that is free, else to the next in turn, which answers after its current request.
final class PeerPool: @unchecked Sendable {
    // @unchecked Sendable: `processes` and `next` are only touched while holding `lock`.
    static let shared = PeerPool(size: min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)))

    private let lock = NSLock()
    private var processes: [LinePeer?]
    private var next = 0

    init(size: Int) { processes = Array(repeating: nil, count: size) }

    func process() throws -> LinePeer {
        lock.lock()
        defer { lock.unlock() }
        // A running process that is not answering anyone, if there is one.
        for case let running? in processes where running.isAlive && !running.isBusy {
            return running
        }
        let slot = next
        next = (next + 1) % processes.count
        if let running = processes[slot], running.isAlive { return running }
        let started = try startPeerProcess()
        processes[slot] = started
        return started
    }
}

/// Starts one peer.py and checks that it is sphinxmix 0.0.7.
func startPeerProcess() throws -> LinePeer {
    guard PeerLocation.interpreterExists else {
        throw PeerFailure(
            description:
                "interop peer cannot start: no interpreter at \(PeerLocation.python); run scripts/setup-interop")
    }
    let peer = try LinePeer(python: PeerLocation.python, script: PeerLocation.script)
    let pong = try peer.send(["op": "ping"])
    guard pong["version"] as? String == "0.0.7" else {
        throw PeerFailure(description: "interop peer is not sphinxmix 0.0.7: \(pong)")
    }
    return peer
}

// MARK: - Converting between the Swift API and the peer's JSON

extension SphinxmixParameters {
    var json: [String: Any] {
        ["header_len": headerLength, "body_len": bodyLength, "assoc_len": associatedLength]
    }
}

extension SphinxHeader {
    var json: [String: Any] { ["alpha": alpha.hex, "beta": beta.hex, "gamma": gamma.hex] }
}

extension SphinxmixPacket {
    var json: [String: Any] { header.json.merging(["delta": delta.hex]) { a, _ in a } }
}

func hexField(_ object: [String: Any], _ key: String) throws -> Bytes {
    guard let s = object[key] as? String, let b = Bytes(hex: s) else {
        throw PeerFailure(description: "peer response lacks hex field \(key)")
    }
    return b
}

func packet(from object: [String: Any], parameters: SphinxmixParameters) throws -> SphinxmixPacket {
    try SphinxmixPacket(
        alpha: hexField(object, "alpha"), beta: hexField(object, "beta"),
        gamma: hexField(object, "gamma"), delta: hexField(object, "delta"), parameters: parameters)
}

func header(from object: [String: Any]) throws -> SphinxHeader {
    SphinxHeader(
        alpha: try hexField(object, "alpha"), beta: try hexField(object, "beta"), gamma: try hexField(object, "gamma"))
}

/// A test network of nodes with fixed private keys.
struct TestNetwork {
    let keys: [SphinxmixNodeKey]
    let ids: [Bytes]

    init(size: Int, seed: UInt8) throws {
        var k: [SphinxmixNodeKey] = []
        var i: [Bytes] = []
        for n in 0..<size {
            // A fixed 28-byte private key per node, below n because its first byte is 0x01.
            let secret = Bytes(SHA256.hash([seed, UInt8(n)]).prefix(27))
            k.append(try SphinxmixNodeKey(privateKey: [0x01] + secret))
            i.append([UInt8(n)])
        }
        keys = k
        ids = i
    }

    func path(_ length: Int) -> [SphinxmixPathHop] {
        (0..<length).map { SphinxmixPathHop(nodeID: ids[$0], publicKey: keys[$0].publicKey) }
    }

    func pathJSON(_ length: Int) -> [[String: Any]] {
        (0..<length).map { ["id": ids[$0].hex, "public_key": keys[$0].publicKey.encoded.hex] }
    }

    func index(of id: Bytes) -> Int? { ids.firstIndex(of: id) }
}

/// How many hops fit in β for a final routing command (SMX-CREATE-HEADER, step 4).
func maximumPathLength(_ parameters: SphinxmixParameters, final: SphinxmixRouting) throws -> Int {
    let relay = try SphinxmixRouting.relay(nodeID: [0]).entry().count + parameters.k
    let finalEntry = try final.entry().count
    return (parameters.betaLength - finalEntry) / relay + 1
}

/// The length of the random padding sphinxmix draws for the final routing entry.
func paddingLength(_ parameters: SphinxmixParameters, pathLength: Int, final: SphinxmixRouting) throws -> Int {
    let relay = try SphinxmixRouting.relay(nodeID: [0]).entry().count + parameters.k
    return parameters.betaLength - (pathLength - 1) * relay - (try final.entry().count)
}

import Foundation

/// A running Python interop peer (Interop/*/peer.py): one JSON request per line on its standard
/// input, one JSON object per line on its standard output. Shared by the sphinxmix and bolt4
/// interop suites, which differ only in the script, the interpreter's environment variable and
/// what they check in the answer to `{"op":"ping"}`.
///
/// `send` holds a lock for the whole request and response, so tests that share one process
/// never interleave their lines.
public final class LinePeer: @unchecked Sendable {
    // @unchecked Sendable: the pipes and `buffer` are only used while holding `lock`, and
    // `busyCount` only while holding `busyLock`.

    /// What went wrong with the peer process (not a refusal by the peer: that is an answer).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The package root: three levels above this file (Tests/InteropSupport/LinePeer.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// True on CI (`CI=true`), where the interop tests always run, so a missing interpreter fails.
    public static let isCI: Bool = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The interpreter: `$variable` if set and not empty, else `.venv-interop/bin/python` under
    /// the package root (made by scripts/setup-interop).
    public static func python(overriddenBy variable: String) -> String {
        if let chosen = ProcessInfo.processInfo.environment[variable], !chosen.isEmpty { return chosen }
        return packageRoot.appendingPathComponent(".venv-interop/bin/python").path
    }

    /// A path under the package root, e.g. "Interop/bolt4/peer.py".
    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    private let lock = NSLock()
    private let busyLock = NSLock()
    private var busyCount = 0

    /// Starts `python script`; the caller checks the peer with a ping of its own.
    public init(python: String, script: String) throws(Failure) {
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script]
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        input = stdinPipe.fileHandleForWriting
        output = stdoutPipe.fileHandleForReading
        do {
            try process.run()
        } catch {
            throw Failure(description: "interop peer cannot start (\(python) \(script)): \(error)")
        }
    }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    public var isAlive: Bool { process.isRunning }

    /// True while a request is waiting for or holding this process.
    public var isBusy: Bool {
        busyLock.lock()
        defer { busyLock.unlock() }
        return busyCount > 0
    }

    /// Writes one request line and reads one response line.
    public func send(_ request: [String: Any]) throws -> [String: Any] {
        busyLock.lock()
        busyCount += 1
        busyLock.unlock()
        lock.lock()
        defer {
            lock.unlock()
            busyLock.lock()
            busyCount -= 1
            busyLock.unlock()
        }
        var line = try JSONSerialization.data(withJSONObject: request)
        line.append(0x0a)
        try input.write(contentsOf: line)
        while true {
            if let newline = buffer.firstIndex(of: 0x0a) {
                let lineData = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                guard let object = try JSONSerialization.jsonObject(with: lineData) as? [String: Any] else {
                    throw Failure(description: "interop peer sent a non-object")
                }
                return object
            }
            let chunk = output.availableData
            if chunk.isEmpty { throw Failure(description: "interop peer exited") }
            buffer.append(chunk)
        }
    }
}

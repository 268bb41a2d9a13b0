import Foundation

/// Paths and processes the teaching tests share.
enum ExplainSupport {
    /// The package root, found from this file's path (Tests/ExplainTests/Support.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenFolder = packageRoot.appendingPathComponent("Tests/ExplainTests/Golden", isDirectory: true)

    /// Whether the suite runs on CI, where a skipped prerequisite is a failure.
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// A built executable of this package: next to the test binary, or in .build/debug.
    static func builtBinary(_ name: String) -> URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            let testBinary = URL(fileURLWithPath: first)
            candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent(name))
            // macOS: the .xctest bundle sits next to the products.
            candidates.append(
                testBinary.deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(name))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a program; returns (status, stdout and stderr together).
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

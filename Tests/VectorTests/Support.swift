import Foundation
@testable import SpecVectors

/// Paths and tools the vector tests share.
enum TestSupport {
    /// The package root, found from this file's path (Tests/VectorTests/Support.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let vectorsRoot = packageRoot.appendingPathComponent("TestVectors", isDirectory: true)

    /// Every committed vector file (relative path → contents), schemas and the published files under
    /// external/ (not in the envelope) excluded.
    static func committedFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = vectorsRoot.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let relative as String in enumerator
        where relative.hasSuffix(".json") && !relative.hasPrefix("schemas/") && !relative.hasPrefix("external/") {
            files[relative] = try Data(contentsOf: vectorsRoot.appendingPathComponent(relative))
        }
        return files
    }

    /// The built `vectors-gen` executable: next to the test bundle, or in .build/debug.
    static func vectorsGenBinary() -> URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            let testBinary = URL(fileURLWithPath: first)
            candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("vectors-gen"))
            // macOS: the .xctest bundle sits next to the products.
            candidates.append(
                testBinary.deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("vectors-gen"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("vectors-gen"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vectors-gen"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/vectors-gen"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a program with the given standard input; returns (status, stdout, stderr).
    static func run(
        _ executable: URL, _ arguments: [String], stdin: Data = Data(),
        currentDirectory: URL? = nil
    ) throws -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Write in the background so a large output cannot deadlock against a full input pipe.
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }
}

import Foundation

/// File-system helpers for `vectors-gen generate` and `verify`.
public enum VectorSummary {
    static func numberOfTests(in data: Data) -> Int {
        struct Count: Decodable { var numberOfTests: Int }
        return (try? JSONDecoder().decode(Count.self, from: data))?.numberOfTests ?? 0
    }

    /// Every .json file under `dir`, sorted; schemas and external/ (published files of other
    /// projects, not in the envelope, checked by their own tests) excluded.
    public static func allFiles(under dir: String) throws -> [String] {
        let root = URL(fileURLWithPath: dir, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        for case let relative as String in enumerator {
            guard relative.hasSuffix(".json"), !relative.hasPrefix("schemas/"), !relative.hasPrefix("external/") else {
                continue
            }
            found.append((dir.hasSuffix("/") ? dir : dir + "/") + relative)
        }
        return found.sorted()
    }

    /// `TestVectors/nym/invalid.json` → `nym/invalid.json` when under `dir`.
    public static func relativeName(_ path: String, under dir: String) -> String {
        let root = URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        if full.hasPrefix(root + "/") { return String(full.dropFirst(root.count + 1)) }
        return URL(fileURLWithPath: path).lastPathComponent
    }

    /// Checks one vector file on disk (read, then `Catalog.verify` by its `schema`); a file
    /// that cannot be read is one failure.
    public static func verify(path: String, under dir: String, oracle: ExternalOracle?) -> VerifyReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            var unreadable = VerifyReport()
            unreadable.fail(path, "cannot be read")
            return unreadable
        }
        return Catalog.verify(name: relativeName(path, under: dir), contents: data, oracle: oracle)
    }
}

extension CatalogEntry {
    /// Generates the file and writes it under `root` (creating folders); returns its number of
    /// tests.
    public func write(under root: URL) throws -> Int {
        let data = try generate()
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return VectorSummary.numberOfTests(in: data)
    }
}

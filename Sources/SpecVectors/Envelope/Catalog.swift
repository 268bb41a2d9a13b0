import Foundation
import SphinxSpec

/// One vector file the generator writes: where it goes and how it is made.
public struct CatalogEntry: Sendable {
    /// Relative to the output folder (TestVectors/).
    public var path: String
    var generate: @Sendable () throws -> Data
}

/// Every file `vectors-gen generate` writes, and how `verify` checks a file.
public enum Catalog {
    public static func entries() -> [CatalogEntry] {
        var list: [CatalogEntry] = []
        for kind in PrimitiveKind.allCases {
            list.append(CatalogEntry(path: kind.path) { try DeterministicJSON.encode(PrimitiveVectors.file(kind)) })
        }
        list += ProfileCatalog.entries()
        return list
    }

    /// The two top-level fields verify dispatches on.
    private struct Probe: Decodable {
        var schema: String
        var algorithm: String
    }

    /// Checks one file's contents against the implementation, choosing the checker by the file's
    /// `schema` field. A file that does not decode is one failure.
    public static func verify(name: String, contents: Data, oracle: ExternalOracle? = nil) -> VerifyReport {
        var report = VerifyReport()
        let decoder = JSONDecoder()
        guard let probe = try? decoder.decode(Probe.self, from: contents) else {
            report.fail(name, "not a vector file (no schema/algorithm fields)")
            return report
        }
        do {
            switch probe.schema {
            case "primitives.schema.json":
                return PrimitiveVectors.verify(try decoder.decode(PrimitiveFile.self, from: contents), oracle: oracle)
            default:
                if let other = try ProfileCatalog.verify(
                    schema: probe.schema, name: name, contents: contents, oracle: oracle)
                {
                    return other
                }
                report.fail(name, "no checker for schema \(probe.schema)")
            }
        } catch {
            report.fail(name, "does not decode as \(probe.schema): \(error)")
        }
        return report
    }
}

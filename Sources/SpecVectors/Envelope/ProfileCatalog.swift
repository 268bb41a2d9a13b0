import Foundation
import SphinxSpec
import LoopixSpec

/// The Sphinx profiles' and Loopix's files.
enum ProfileCatalog {
    static func entries() -> [CatalogEntry] {
        var list: [CatalogEntry] = []
        for version in NymVersion.allCases {
            list.append(
                CatalogEntry(path: "nym/forward_v\(version.rawValue).json") {
                    try DeterministicJSON.encode(NymVectors.forwardFile(version: version))
                })
        }
        for version in NymVersion.allCases {
            list.append(
                CatalogEntry(path: "nym/surb_v\(version.rawValue).json") {
                    try DeterministicJSON.encode(NymVectors.surbFile(version: version))
                })
        }
        list.append(CatalogEntry(path: "nym/invalid.json") { try DeterministicJSON.encode(NymInvalid.file()) })
        list.append(
            CatalogEntry(path: "sphinxmix/forward.json") {
                try DeterministicJSON.encode(SphinxmixVectors.forwardFile())
            })
        list.append(
            CatalogEntry(path: "sphinxmix/surb.json") { try DeterministicJSON.encode(SphinxmixVectors.surbFile()) })
        list.append(
            CatalogEntry(path: "sphinxmix/invalid.json") { try DeterministicJSON.encode(SphinxmixInvalid.file()) })
        list += BOLT4Catalog.entries()
        list += NodeCatalog.entries()
        // Loopix's files are written by LoopixSpec itself (chapter 8); generate and verify only
        // route to it.
        do {
            for file in try LoopixVectors.files() {
                list.append(CatalogEntry(path: "loopix/" + file.name) { Data(file.contents.utf8) })
            }
        } catch {
            let failure = "\(error)"
            list.append(
                CatalogEntry(path: "loopix/") {
                    throw OracleError("internal", "LoopixVectors.files() failed: \(failure)")
                })
        }
        return list
    }

    /// The Sphinx profile a group names.
    static func sphinxProfile(_ name: String) -> (any SphinxOracleProfile)? {
        switch name {
        case "nym": return NymOracle()
        case "sphinxmix": return SphinxmixOracle()
        default: return nil
        }
    }

    /// A checker for one of the profiles' schemas, or nil when the schema is not theirs.
    static func verify(schema: String, name: String, contents: Data, oracle: ExternalOracle? = nil) throws
        -> VerifyReport?
    {
        let decoder = JSONDecoder()
        var report = VerifyReport()
        func profile(_ parameters: ProfileParameters?) -> (any SphinxOracleProfile)? {
            if let oracle, let parameters { return ExternalSphinxProfile(name: parameters.profile, oracle: oracle) }
            guard let parameters, let found = sphinxProfile(parameters.profile) else {
                report.fail(name, "unknown profile \(parameters?.profile ?? "(none)")")
                return nil
            }
            return found
        }
        switch schema {
        case "sphinx-forward.schema.json":
            let file = try decoder.decode(ForwardFile.self, from: contents)
            guard let p = profile(file.testGroups.first?.parameters) else { return report }
            return SphinxVectorCheck.verifyForward(file, profile: p)
        case "sphinx-surb.schema.json":
            let file = try decoder.decode(SURBFile.self, from: contents)
            guard let p = profile(file.testGroups.first?.parameters) else { return report }
            return SphinxVectorCheck.verifySURB(file, profile: p)
        case "loopix.schema.json":
            // Loopix's vectors are formulas and sampling, not oracle ops: checked here only.
            if oracle != nil { return VerifyReport() }
            let outcome = LoopixVectors.verify(
                name: (name as NSString).lastPathComponent, contents: String(decoding: contents, as: UTF8.self))
            var loopixReport = VerifyReport()
            for _ in 0..<outcome.passed { loopixReport.pass() }
            for failure in outcome.failures { loopixReport.fail(name, failure) }
            return loopixReport
        case "bolt4.schema.json":
            return BOLT4Check.verify(try decoder.decode(BOLT4File.self, from: contents), oracle: oracle)
        case "sphinx-invalid.schema.json":
            let file = try decoder.decode(InvalidFile.self, from: contents)
            guard let p = profile(file.testGroups.first?.parameters) else { return report }
            return SphinxVectorCheck.verifyInvalid(file, profile: p, strictNames: oracle == nil)
        default:
            return try NodeCatalog.verify(schema: schema, name: name, contents: contents, oracle: oracle)
        }
    }
}

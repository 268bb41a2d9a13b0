import Foundation
import SphinxSpec

/// The Sphinx profiles' and Loopix's files, added as their implementations land.
enum ProfileCatalog {
    static func entries() -> [CatalogEntry] {
        []
    }

    /// A checker for one of the profiles' schemas, or nil when the schema is not theirs.
    static func verify(schema: String, name: String, contents: Data) throws -> VerifyReport? {
        nil
    }

    /// Files without our envelope's probe fields (none yet).
    static func verifyExternal(name: String, contents: Data) -> VerifyReport? {
        nil
    }
}

/// The profiles the oracle answers for.
enum OracleProfiles {
    static var all: [any OracleProfile] { [PrimitivesOracle()] }
}

/// The test vectors and the oracle of sphinx-spec: everything that turns the two models
/// (SphinxSpec, LoopixSpec) into JSON files another implementation can check itself against.
/// See SPEC.md, chapter 9 (and §8.9 for the Loopix files).
///
/// Where things are:
/// - `Envelope/`: the envelope every file shares (`VectorFile`, flags and their notes,
///   `TestResult`, `Hex`, the seeds), the one `JSONValue` with its Codable form and the
///   deterministic writers, the error names, the catalog of files (`Catalog`, `ProfileCatalog`)
///   and the file-system helpers of generate and verify (`VectorSummary`); the check of every
///   file with this envelope walks it with `VerifyReport.checking` and reports the first
///   difference found by `JSONDiff` (the Loopix files compare numbers with a tolerance instead).
/// - `Primitives/`: one file per primitive: the kinds and flags, the published known answers
///   (`KnownAnswers`, a data table), the generated and invalid cases, and their check.
/// - `Sphinx/`: the nym and sphinxmix forward, SURB and invalid-case files, their JSON records
///   (`SphinxFormat`, and the oracle's requests and responses in `SphinxWire`) and their check.
/// - `Loopix/`: the Loopix files (generator, paths, closed forms) and their verifier.
/// - `Nodes/`: the packet-level nodes' files (mix, gateway, client, whole network), the
///   oracle's node ops (`NodeOracle`: mix_node, gateway_node, client_node), their JSON shapes
///   (`NodeWire`, `NodeFormat`), the minimal network driver (`NodeDriver`) and the check.
/// - `Oracle/`: the JSON-lines oracle (`Oracle`), its one dispatch table from profile and op to
///   a handler (`OracleTable`), the profiles' typed ops (`NymOracle`, `SphinxmixOracle`,
///   `PrimitivesOracle`), the request fields, and the driver of another implementation's oracle
///   (`ExternalOracle`).
/// - `Bench/`: the benchmark (ratios to one X25519 operation) and its cases.
///
/// The command line over this library is `vectors-gen` (Sources/vectors-gen), the one tool that
/// writes `TestVectors/`.
public enum SpecVectors {
    /// The chapter of SPEC.md this library carries out.
    public static let specChapter = "SPEC.md chapter 9, Test vectors and the oracle interface"
}

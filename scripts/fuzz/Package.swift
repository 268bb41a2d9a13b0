// swift-tools-version:6.1
// libFuzzer harnesses for every entry point a packet, a file or a request reaches (see
// README.md). Not part of the main package or of CI: built by scripts/fuzz/run with
// -sanitize=fuzzer,address. Each harness compiles Tests/VectorTests/Fuzz/FuzzEntries.swift (a
// symbolic link in its folder), the same entry functions the test suite replays the corpora with.
import PackageDescription

let libraries: [Target.Dependency] = [
    .product(name: "SphinxSpec", package: "sphinx-spec"),
    .product(name: "LoopixSpec", package: "sphinx-spec"),
    .product(name: "SpecVectors", package: "sphinx-spec"),
]

let package = Package(
    name: "sphinx-spec-fuzz",
    dependencies: [.package(name: "sphinx-spec", path: "../..")],
    targets: ["FuzzNym", "FuzzSphinxmix", "FuzzOracle", "FuzzVectorFile", "FuzzMixNode", "FuzzBOLT4"].map {
        .executableTarget(name: $0, dependencies: libraries)
    },
    swiftLanguageModes: [.v6]
)

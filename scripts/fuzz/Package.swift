// swift-tools-version:6.1
// libFuzzer harnesses for the packet-processing entry points (see README.md). Not part of the
// main package or of CI: built by scripts/fuzz/run with -sanitize=fuzzer.
import PackageDescription

let package = Package(
    name: "sphinx-spec-fuzz",
    dependencies: [.package(name: "sphinx-spec", path: "../..")],
    targets: [
        .executableTarget(name: "FuzzNym", dependencies: [.product(name: "SphinxSpec", package: "sphinx-spec")]),
        .executableTarget(name: "FuzzSphinxmix", dependencies: [.product(name: "SphinxSpec", package: "sphinx-spec")]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
// The package manifest. Dependencies and the reason for each:
// - swift-crypto (CryptoExtras): AES-128-CTR, which libsodium 1.0.18 does not provide.
// - swift-argument-parser: the command-line tools vectors-gen and loopix-sim.
// - swift-collections (HeapModule): the Loopix simulator's event queue.
// - swift-property-based: the property tests (generators, shrinking, fixed seeds).
// - swift-docc-plugin: only the `generate-documentation` command that scripts/docs runs to build
//   the DocC catalogs of SphinxSpec and LoopixSpec; no target links it, so it adds no code.
// libsodium and GMP come from the system (Debian: libsodium-dev, libgmp-dev).
// macOS 15 is the first with the Synchronization module (Mutex), which the packet-level run's
// worker threads use (Sources/LoopixSpec/Simulation/PacketRun/WorkerPool.swift); on Linux the
// Swift 6 toolchain ships it.
import PackageDescription

let package = Package(
    name: "sphinx-spec",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SphinxSpec", targets: ["SphinxSpec"]),
        .library(name: "LoopixSpec", targets: ["LoopixSpec"]),
        .library(name: "SpecVectors", targets: ["SpecVectors"]),
        .executable(name: "vectors-gen", targets: ["vectors-gen"]),
        .executable(name: "loopix-sim", targets: ["loopix-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        // SHA-256's compression function on the x86 SHA extensions (the fast route of
        // PRIM-SHA256; the readable Swift route is the definition and the fallback).
        .target(name: "CSHA256Extensions"),
        .target(
            name: "SphinxSpec",
            dependencies: [
                "CSodium",
                "CGMP",
                "CSHA256Extensions",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LoopixSpec",
            dependencies: [
                "SphinxSpec",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // All vector and oracle code: the envelope, the builders and verifiers of every vector
        // file, the oracle and the benchmark. vectors-gen is a thin command line over it.
        .target(
            name: "SpecVectors",
            dependencies: ["SphinxSpec", "LoopixSpec"]
        ),
        .executableTarget(
            name: "vectors-gen",
            dependencies: [
                "SpecVectors",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "loopix-sim",
            dependencies: [
                "LoopixSpec",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PrimitivesTests", dependencies: ["SphinxSpec", "CSodium"]),
        .testTarget(name: "NymTests", dependencies: ["SphinxSpec"]),
        .testTarget(name: "SphinxmixTests", dependencies: ["SphinxSpec", "InteropSupport"]),
        // The bolt4 profile (SPEC.md §4.3): secp256k1, the official BOLT #4 files, error returns.
        .testTarget(name: "BOLT4Tests", dependencies: ["SphinxSpec", "InteropSupport"]),
        // The long-lived Python interop peer (one JSON line in, one out) that the sphinxmix and
        // bolt4 interop suites share; a plain target under Tests/, no product.
        .target(name: "InteropSupport", path: "Tests/InteropSupport"),
        // VectorTests links the library; the oracle process tests run the built vectors-gen
        // executable (found next to the test binary), which `swift test` builds with the rest.
        .testTarget(name: "VectorTests", dependencies: ["SphinxSpec", "LoopixSpec", "SpecVectors"]),
        // The statistics shared by the property suite and the packet-level property tests
        // (significance levels, χ² and normal tests); a plain target under Tests/, no product.
        .target(name: "StatisticsSupport", path: "Tests/StatisticsSupport"),
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "SphinxSpec",
                "StatisticsSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "LoopixTests", dependencies: ["LoopixSpec", "SpecVectors"]),
        .testTarget(name: "LoopixNodeTests", dependencies: ["LoopixSpec", "SphinxSpec"]),
        // The packet-level run (SPEC.md §8.12): agreement with the timing model and the closed
        // forms, and packet properties measured at mix inputs inside a run.
        .testTarget(name: "LoopixPacketTests", dependencies: ["LoopixSpec", "SphinxSpec", "StatisticsSupport"]),
        // The adversaries of SPEC.md §8.13: each attack against its closed form or bound, with a
        // negative control.
        .testTarget(name: "AdversaryTests", dependencies: ["LoopixSpec", "StatisticsSupport"]),
        // Teaching (SPEC.md §9.7): the explain walkthrough against its golden files (Golden/, data
        // read by path, so excluded from the sources), the DocC tutorial's code (Tutorial/), and
        // scripts/figures run on the built loopix-sim.
        .testTarget(name: "ExplainTests", dependencies: ["SpecVectors", "SphinxSpec"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

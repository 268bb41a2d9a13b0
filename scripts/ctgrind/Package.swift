// swift-tools-version:6.1
// The constant-time checker's harness (see README.md): the library's operations with their
// secrets marked undefined for valgrind's memcheck (the ctgrind technique). Not part of the main
// package, so the main build needs no valgrind headers; built and run by scripts/ct-check.
import PackageDescription

let package = Package(
    name: "sphinx-spec-ctgrind",
    dependencies: [.package(name: "sphinx-spec", path: "../..")],
    targets: [
        // The two valgrind client requests, behind plain C functions (Debian package valgrind).
        .target(name: "CTGrind"),
        .executableTarget(
            name: "CTCheck",
            dependencies: ["CTGrind", .product(name: "SphinxSpec", package: "sphinx-spec")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

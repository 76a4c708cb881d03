// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Spiegel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "spiegel", targets: ["spiegel"]),
        .executable(name: "spiegel-bench", targets: ["spiegel-bench"]),
        .library(name: "SpiegelCore", targets: ["SpiegelCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libedit, linked through pkg-config, with a small C shim for its variadic functions.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The system SQLite (with FTS5) for the journal's derived index, through pkg-config.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The Snowball stemmers (Debian's libstemmer-dev ships no pkg-config file: the module map links it).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // The content model, the YAML reader and the validator, shared by the build-time compiler
        // and by run-time packs.
        .target(
            name: "SpiegelContent",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Build-time tool: validates knowledge/ and prompts/ and writes them out as Swift source.
        .executableTarget(
            name: "ContentCompiler",
            dependencies: ["SpiegelContent"]
        ),
        .plugin(
            name: "EmbedContent",
            capability: .buildTool(),
            dependencies: ["ContentCompiler"]
        ),
        // Build-time tool: checks the message catalogs against each other and writes them out as Swift.
        .executableTarget(name: "MessageCompiler"),
        .plugin(
            name: "EmbedMessages",
            capability: .buildTool(),
            dependencies: ["MessageCompiler"]
        ),
        // Everything that is not a terminal: knowledge, exercises, journal, recommendation, exchange, review.
        .target(
            name: "SpiegelCore",
            dependencies: [
                "SpiegelContent",
                "CSQLite",
                "CStemmer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["Privacy/PersonNames-SOURCE.md"],
            plugins: ["EmbedContent"]
        ),
        // Commands, the shell, line readers, completion, output.
        .target(
            name: "SpiegelCLI",
            dependencies: [
                "SpiegelCore",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Localization/Catalogs"],
            plugins: ["EmbedMessages"]
        ),
        .executableTarget(name: "spiegel", dependencies: ["SpiegelCLI"]),
        // Synthetic journals, the recommender's learner simulation, whole-process benchmarks.
        .executableTarget(
            name: "spiegel-bench",
            dependencies: ["SpiegelCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "SpiegelContentTests",
            dependencies: ["SpiegelContent"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SpiegelCoreTests",
            dependencies: ["SpiegelCore"]
        ),
        .testTarget(
            name: "SpiegelCLITests",
            dependencies: ["SpiegelCore"]
        ),
        // Mutation fuzzing of the content loader, the script reader and the bundle importer (bounded in CI).
        .testTarget(
            name: "SpiegelFuzzTests",
            dependencies: ["SpiegelContent", "SpiegelCore", "SpiegelCLI"],
            resources: [.copy("Corpus")]
        ),
    ]
)

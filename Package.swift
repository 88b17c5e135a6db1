// swift-tools-version:6.0
// RewardKit: rewards, verifiers, group methods and a compact GRPO trainer for RL post-training.
// Targets and their one-way arrows are described in DESIGN.md (shared/); keep them that way.
import PackageDescription

let package = Package(
    name: "RewardKit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rewardkit", targets: ["rewardkit"]),
        .library(name: "Verify", targets: ["Verify"]),
        .library(name: "Rewards", targets: ["Rewards"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "ThinkingRM", targets: ["ThinkingRM"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries: module maps only.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // Libraries.
        .target(name: "Verify", dependencies: ["CPCRE2"]),
        .target(name: "Rewards", dependencies: ["Verify", .product(name: "Yams", package: "Yams")]),
        .target(name: "NN", dependencies: ["CBLAS"]),
        .target(name: "Store", dependencies: ["Rewards", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ThinkingRM", dependencies: ["Rewards", "Verify", "NN"]),

        // The command line: thin, parses flags and calls the libraries.
        .executableTarget(
            name: "rewardkit",
            dependencies: [
                "Verify", "Rewards", "Store", "ThinkingRM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests (Swift Testing); shared cases live in Fixtures/.
        .testTarget(name: "VerifyTests", dependencies: ["Verify"]),
        .testTarget(name: "RewardsTests", dependencies: ["Rewards", "Verify"]),
        .testTarget(name: "NNTests", dependencies: ["NN"]),
        .testTarget(name: "ThinkingRMTests", dependencies: ["ThinkingRM", "Rewards"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Rewards", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RewardKitCLITests", dependencies: ["rewardkit"]),
    ]
)

// swift-tools-version:6.0
// RewardKit: rewards, verifiers, group methods and a compact GRPO trainer for RL post-training.
// Targets and their one-way arrows are described in docs/architecture.md; keep them that way.
import PackageDescription

let package = Package(
    name: "RewardKit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rewardkit", targets: ["rewardkit"]),
        .library(name: "JSONLines", targets: ["JSONLines"]),
        .library(name: "Verify", targets: ["Verify"]),
        .library(name: "Rewards", targets: ["Rewards"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Regression", targets: ["Regression"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "ThinkingRM", targets: ["ThinkingRM"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "GRPO", targets: ["GRPO"]),
        // The C ABI behind the Python package (python/): `@_cdecl` entry points, JSON and text across.
        .library(name: "RewardKitC", type: .dynamic, targets: ["RewardKitC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // NIOHTTPTypes: the request and response parts the server's connection timeouts watch.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // System libraries: module maps only.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),

        // Libraries.
        // The leaf under every row-reading target: the JSON codec (a validating byte scanner, values, a
        // writer) and the byte files JSONL goes through. It knows no reward type.
        .target(name: "JSONLines"),
        .target(name: "Verify", dependencies: ["CPCRE2", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "Rewards", dependencies: ["JSONLines", "Verify", .product(name: "Yams", package: "Yams")]),
        .target(name: "NN", dependencies: ["CBLAS"]),
        // Share-GRPO's image transforms (rotations, flips, noise) through libvips; no RewardKit arrows.
        .target(name: "Images", dependencies: ["CVips"]),
        // Golden cases (verifier verdicts, reward components): parsing, running, reports, baselines.
        .target(name: "Regression", dependencies: ["JSONLines", "Rewards", "Verify"]),
        .target(name: "Store", dependencies: ["Regression", "Rewards", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ThinkingRM", dependencies: ["JSONLines", "Rewards", "Verify", "NN"]),
        // The compact GRPO trainer: policy, tasks, the clipped surrogate with k3 KL, SFT and GRPO loops.
        .target(name: "GRPO", dependencies: ["JSONLines", "Rewards", "NN", "ThinkingRM"]),
        // The HTTP front door over a Pipeline. It needs no ThinkingRM arrow: `serve` builds the
        // pipeline with RewardRegistry.withThinkingModel, so {name: thinking, model:} works there.
        .target(
            name: "Server",
            dependencies: [
                "JSONLines", "Rewards", "Verify",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The C ABI (`rk_*` entry points) the Python package loads with ctypes; no logic of its own.
        .target(name: "RewardKitC", dependencies: ["JSONLines", "Verify", "Rewards", "ThinkingRM", "ModelClient"]),
        // Rewards that call served models over OpenAI-compatible HTTP (docs/model-judges.md); registers into RewardRegistry.
        .target(
            name: "ModelClient",
            dependencies: [
                "JSONLines", "Rewards", "Verify", "Store",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),

        // The command line: thin, parses flags and calls the libraries.
        .executableTarget(
            name: "rewardkit",
            dependencies: [
                "JSONLines", "Verify", "Rewards", "Regression", "Store", "Server", "ThinkingRM", "GRPO", "NN", "Images",
                "ModelClient",
                "RewardsBenchmarks", "VerifyBenchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (Benchmarks/): drivers and synthetic data, kept out of the library products.
        // The verifier's timing pass and its random-input fuzzer.
        .target(name: "VerifyBenchmarks", dependencies: ["Verify"], path: "Benchmarks/VerifyBenchmarks"),
        // NN throughput: a transformer training step, cached decoding, sparse-MLP scoring.
        .target(name: "NNBenchmarks", dependencies: ["NN"], path: "Benchmarks/NNBenchmarks"),
        // Synthetic R1-style rollouts for `rewardkit bench score`.
        .target(
            name: "RewardsBenchmarks", dependencies: ["JSONLines", "Rewards"], path: "Benchmarks/RewardsBenchmarks"),
        // NN training-step throughput (release build): `swift run -c release nn-bench`; its PyTorch peer is beside it.
        .executableTarget(
            name: "nn-bench", dependencies: ["NN", "NNBenchmarks"], path: "Benchmarks/nn-bench",
            exclude: ["torch_reference.py", "compare_with_torch.sh"]
        ),
        // Drives VerifierBenchmark (scripts/bench_verify.sh) and VerifierFuzzer (--fuzz N); no logic of its own.
        .executableTarget(
            name: "verify-bench", dependencies: ["Verify", "VerifyBenchmarks"], path: "Benchmarks/verify-bench"),

        // Tests (Swift Testing); shared cases live in Fixtures/, read through TestSupport.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // VerifyTests reads its Fixtures/ through #filePath, so they are not resources.
        .testTarget(
            name: "VerifyTests", dependencies: ["TestSupport", "Verify", "VerifyBenchmarks"], exclude: ["Fixtures"]),
        .testTarget(name: "RewardsTests", dependencies: ["TestSupport", "JSONLines", "Rewards", "Verify"]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression", "Rewards", "Verify"]),
        .testTarget(name: "NNTests", dependencies: ["NN"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images"]),
        .testTarget(name: "GRPOTests", dependencies: ["GRPO", "NN", "Rewards"]),
        .testTarget(name: "ThinkingRMTests", dependencies: ["TestSupport", "ThinkingRM", "Rewards", "NN"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Regression", "Rewards", .product(name: "GRDB", package: "GRDB.swift")]),
        // rewardkit: the cache and error-row tests run `rewardkit score` against the stub server (openai_stub.py).
        .testTarget(
            name: "ModelClientTests",
            dependencies: ["TestSupport", "ModelClient", "Rewards", "Store", "Server", "rewardkit"],
            exclude: ["openai_stub.py"]),
        .testTarget(name: "RewardKitCLITests", dependencies: ["TestSupport", "rewardkit", "Images"]),
        .testTarget(
            name: "ServerTests",
            // rewardkit: the graceful-shutdown test runs the built binary and sends it SIGTERM.
            dependencies: [
                "TestSupport", "Server", "Rewards", "Verify", "rewardkit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

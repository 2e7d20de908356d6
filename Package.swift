// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "reach",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ReachStore", targets: ["ReachStore"]),
        .library(name: "ReachCore", targets: ["ReachCore"]),
        .library(name: "ReachTesting", targets: ["ReachTesting"]),
        .executable(name: "reach", targets: ["reach"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "ReachStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            // Migrations are embedded in the binary; `Migrations` links to schema/sqlite.
            resources: [.embedInCode("Migrations")]
        ),
        .target(
            name: "ReachCore",
            dependencies: [
                "ReachStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Demo data and the offline provider's corpus; `Fixtures` links to fixtures/.
            resources: [.embedInCode("Fixtures")]
        ),
        .target(
            name: "ReachProviders",
            dependencies: [
                "ReachCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ReachJobs",
            dependencies: [
                "ReachCore", "ReachProviders",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ReachHTTP",
            dependencies: [
                "ReachCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.embedInCode("Templates"), .embedInCode("Assets")]
        ),
        .target(
            name: "ReachExport",
            dependencies: ["ReachCore"],
            resources: [.embedInCode("Schema")]
        ),
        .target(
            name: "ReachTesting",
            dependencies: [
                "ReachCore", "ReachProviders", "ReachJobs", "ReachHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "reach",
            dependencies: [
                "ReachStore", "ReachCore", "ReachProviders", "ReachJobs", "ReachHTTP", "ReachExport", "ReachTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Release: the Swift runtime and Foundation are the toolchain's shared libraries (linked
            // statically, GRDB's DateFormatter pulls in ICU's 34 MB of data), no symbols or debug
            // information kept, relocations packed and identical code folded (README, "Footprint").
            linkerSettings: [.unsafeFlags(
                ["-use-ld=lld", "-Xlinker", "--strip-all", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--icf=safe"],
                .when(configuration: .release))]
        ),
        // Fuzz targets (Scripts/fuzz builds reach-fuzz with libFuzzer; tests replay the corpus).
        .target(name: "ReachFuzzing", dependencies: ["ReachStore", "ReachCore", "ReachExport"]),
        .executableTarget(name: "reach-fuzz", dependencies: ["ReachFuzzing"], path: "Sources/reach-fuzz"),
        .executableTarget(
            name: "reach-bench",
            dependencies: ["ReachStore", "ReachCore", "ReachProviders", "ReachJobs"],
            path: "Sources/ReachBench"
        ),
        .testTarget(name: "ReachStoreTests", dependencies: ["ReachStore", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ReachCoreTests", dependencies: ["ReachCore"]),
        .testTarget(
            name: "ReachProvidersTests",
            dependencies: ["ReachProviders", "ReachJobs", .product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(
            name: "ReachJobsTests",
            dependencies: [
                "ReachJobs", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "ReachHTTPTests",
            dependencies: [
                "ReachHTTP", "ReachJobs", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"), .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]),  // read from the source tree by path (#filePath), not as resources
        .testTarget(name: "ReachExportTests", dependencies: ["ReachExport"]),
        .testTarget(name: "ReachTestingTests", dependencies: ["ReachTesting", "ReachJobs"]),
        .testTarget(name: "ReachFuzzingTests", dependencies: ["ReachFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)

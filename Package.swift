// swift-tools-version:6.1
//
// shoprec: a recommendation engine microservice for online shops.
//
// Targets, each beside its test target:
// - ShopRecCore: catalog, product graph, co-purchase matrix, strategies, filters (no networking).
// - ShopRecIngestion: feed and order parsers, snapshot builder, binary snapshot format.
// - GRPCNGHTTP2: a generic gRPC server over libnghttp2 driven by SwiftNIO (knows nothing of
//   recommendations).
// - ShopRecAPI: Swift code generated from proto/ (committed; see scripts/generate-protos.sh).
// - ShopRecService: RPC handlers, error mapping, snapshot store and reload.
// - shoprec: the thin command-line executable.
//
// Separate packages depending on this one: Benchmarks/ (package-benchmark) and Interop/ (tests
// with grpc-swift-2 as an independent client, kept out of here so the main build stays light).

import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The query path's targets additionally drop dynamic exclusivity checks in release builds:
/// profiles showed `swift_beginAccess` and its thread-local access set at ~10% of a request's
/// CPU (scratch arrays and per-connection state are class properties). Debug builds and tests
/// keep the checks, so a violation still shows up there.
let hotPathSwiftSettings: [SwiftSetting] =
  swiftSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "shoprec",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "shoprec", targets: ["shoprec"]),
    .library(name: "ShopRecCore", targets: ["ShopRecCore"]),
    .library(name: "ShopRecIngestion", targets: ["ShopRecIngestion"]),
    .library(name: "GRPCNGHTTP2", targets: ["GRPCNGHTTP2"]),
    .library(name: "ShopRecAPI", targets: ["ShopRecAPI"]),
    .library(name: "ShopRecService", targets: ["ShopRecService"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
  ],
  targets: [
    // MARK: C libraries from Debian (libnghttp2-dev, zlib1g-dev)
    .systemLibrary(
      name: "CNGHTTP2",
      pkgConfig: "libnghttp2",
      providers: [.apt(["libnghttp2-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // Header only: a software prefetch hint for the query path and the build's hot loops.
    .systemLibrary(name: "CPrefetch"),

    // MARK: Core
    .target(
      name: "ShopRecCore",
      dependencies: [
        "CPrefetch",
        .product(name: "Collections", package: "swift-collections"),
      ],
      swiftSettings: hotPathSwiftSettings
    ),
    .testTarget(
      name: "ShopRecCoreTests",
      dependencies: ["ShopRecCore", "ShopRecIngestion"],
      swiftSettings: swiftSettings
    ),

    // MARK: Ingestion
    .target(
      name: "ShopRecIngestion",
      dependencies: [
        "CPrefetch",
        "ShopRecCore",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ShopRecIngestionTests",
      dependencies: ["ShopRecIngestion", "ShopRecCore"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings
    ),

    // MARK: gRPC over nghttp2 (generic)
    .target(
      name: "GRPCNGHTTP2",
      dependencies: [
        "CNGHTTP2",
        "CZlib",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: hotPathSwiftSettings
    ),
    // A raw HTTP/2 gRPC client over libnghttp2 for the transport and service tests.
    .target(
      name: "GRPCTestClient",
      dependencies: ["CNGHTTP2", "GRPCNGHTTP2"],
      path: "Tests/GRPCTestClient",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "GRPCNGHTTP2Tests",
      dependencies: [
        "GRPCNGHTTP2",
        "GRPCTestClient",
        "CNGHTTP2",
        "CZlib",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),

    // MARK: Generated API
    .target(
      name: "ShopRecAPI",
      dependencies: [
        .product(name: "SwiftProtobuf", package: "swift-protobuf")
      ],
      exclude: ["Generated/proto.sha256"],
      swiftSettings: [.swiftLanguageMode(.v6)]
    ),

    // MARK: Service
    .target(
      name: "ShopRecService",
      dependencies: [
        "CPrefetch",
        "ShopRecCore",
        "ShopRecIngestion",
        "ShopRecAPI",
        "GRPCNGHTTP2",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: hotPathSwiftSettings
    ),
    .testTarget(
      name: "ShopRecServiceTests",
      dependencies: [
        "GRPCTestClient",
        "ShopRecService",
        "ShopRecCore",
        "ShopRecIngestion",
        "ShopRecAPI",
        "GRPCNGHTTP2",
        "CNGHTTP2",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),

    // MARK: Executable
    .executableTarget(
      name: "shoprec",
      dependencies: [
        "ShopRecCore",
        "ShopRecIngestion",
        "ShopRecService",
        "ShopRecAPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)

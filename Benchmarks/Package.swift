// swift-tools-version:6.1
//
// shoprec's benchmarks (ordo-one/package-benchmark), a separate package depending on `../` like
// swift-nio's Benchmarks/. Run from this folder:
//   swift package benchmark                      # run everything
//   swift package benchmark thresholds check     # fail on a regression against Thresholds/
// See README.md for the shop size knobs and the recorded figures.

import PackageDescription

let package = Package(
  name: "benchmarks",
  platforms: [.macOS("15")],
  dependencies: [
    .package(name: "shoprec", path: "../"),
    .package(
      url: "https://github.com/ordo-one/package-benchmark.git",
      from: "1.38.1",
      traits: ["MallocInterposer"]
    ),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
  ],
  targets: [
    .executableTarget(
      name: "QueryBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "ShopRecCore", package: "shoprec"),
        .product(name: "ShopRecIngestion", package: "shoprec"),
        .product(name: "ShopRecService", package: "shoprec"),
        .product(name: "ShopRecAPI", package: "shoprec"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "Benchmarks/QueryBenchmarks",
      swiftSettings: [.swiftLanguageMode(.v6)],
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    ),
    .executableTarget(
      name: "SnapshotBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "ShopRecCore", package: "shoprec"),
        .product(name: "ShopRecIngestion", package: "shoprec"),
      ],
      path: "Benchmarks/SnapshotBenchmarks",
      swiftSettings: [.swiftLanguageMode(.v6)],
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    ),
  ]
)

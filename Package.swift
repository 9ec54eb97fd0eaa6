// swift-tools-version: 6.0
// The gateways package: a graph library, a domain library for school gateway teams, and the
// `gateways` command-line tool. It depends on the Swift toolchain alone.

import PackageDescription

let package = Package(
  name: "gateways",
  products: [
    .library(name: "MembershipGraph", targets: ["MembershipGraph"]),
    .library(name: "GatewaysKit", targets: ["GatewaysKit"]),
    .executable(name: "gateways", targets: ["gateways"]),
  ],
  targets: [
    // Layer 1: bipartite membership graphs and their algorithms. No school vocabulary.
    .target(name: "MembershipGraph"),
    // Layer 2: rosters, analysis, suggestions and reports for gateway teams.
    .target(name: "GatewaysKit", dependencies: ["MembershipGraph"]),
    // Layer 3: argument parsing and output, as a library so tests can call it in-process.
    .target(name: "GatewaysCLI", dependencies: ["GatewaysKit"]),
    .executableTarget(name: "gateways", dependencies: ["GatewaysCLI"]),
    .executableTarget(
      name: "gateways-bench",
      dependencies: ["MembershipGraph", "GatewaysKit"],
      path: "Benchmarks/GatewaysBenchmarks"
    ),
    .testTarget(name: "MembershipGraphTests", dependencies: ["MembershipGraph"]),
    .testTarget(name: "GatewaysKitTests", dependencies: ["GatewaysKit", "MembershipGraph"]),
    .testTarget(name: "GatewaysCLITests", dependencies: ["GatewaysCLI", "GatewaysKit"]),
    .testTarget(name: "EndToEndTests", dependencies: ["gateways"]),
    .testTarget(
      name: "BenchmarkTests", dependencies: ["gateways-bench", "GatewaysKit", "MembershipGraph"]),
  ],
  swiftLanguageModes: [.v6]
)

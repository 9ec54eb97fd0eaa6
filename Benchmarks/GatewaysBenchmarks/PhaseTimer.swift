import Foundation

/// Times named phases run one after another in one process, keeping for each name the best wall
/// and CPU time (user + system, all threads) over repeated runs, in the order the names were
/// first seen; `gateways-bench phases` and `gateways-bench plan` print it as a markdown table.
struct PhaseTimer {
  private(set) var phases: [(name: String, wall: Double, cpu: Double)] = []

  /// Runs `body` and records its wall and CPU time under `name`, keeping the smaller of this
  /// and any earlier time of the same name.
  /// - Complexity: O(p) beside `body`, for p phase names so far.
  mutating func time<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
    let cpuBefore = processCPUSeconds()
    let start = ContinuousClock.now
    let result = try body()
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    let wall = Double(seconds) + Double(attoseconds) / 1e18
    let cpu = processCPUSeconds() - cpuBefore
    if let i = phases.firstIndex(where: { $0.name == name }) {
      phases[i].wall = min(phases[i].wall, wall)
      phases[i].cpu = min(phases[i].cpu, cpu)
    } else {
      phases.append((name, wall, cpu))
    }
    return result
  }

  /// Prints `| phase | wall | CPU |` and one row per phase, in seconds to three decimal places.
  /// - Complexity: O(p).
  func printTable() {
    print("| phase | wall | CPU |")
    print("|---|---:|---:|")
    for phase in phases {
      print(
        "| \(phase.name) | \(String(format: "%.3f s", phase.wall)) "
          + "| \(String(format: "%.3f s", phase.cpu)) |")
    }
  }
}

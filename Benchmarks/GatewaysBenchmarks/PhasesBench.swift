import Foundation
import GatewaysKit

/// `gateways-bench phases --file FILE.csv [--repeats R]`: times, in one process, each phase of
/// `analyse` and `export --format graphml` after the roster is read: the read, the graph, the
/// analysis, the JSON document, the text report and the GraphML document (the documents are
/// written to nowhere): wall and CPU time (user + system, all threads) of the best of R runs.
func runPhases(options: [String: String]) throws {
  let file = try options["file"].orThrow("--file FILE.csv is required")
  let repeats = try Int(options["repeats"] ?? "1").orThrow("--repeats must be a number")
  let url = URL(fileURLWithPath: file)
  var best: [(name: String, wall: Double, cpu: Double)] = []
  func time<R>(_ name: String, _ body: () throws -> R) rethrows -> R {
    let cpuBefore = processCPUSeconds()
    let start = ContinuousClock.now
    let result = try body()
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    let wall = Double(seconds) + Double(attoseconds) / 1e18
    let cpu = processCPUSeconds() - cpuBefore
    if let i = best.firstIndex(where: { $0.name == name }) {
      best[i].wall = min(best[i].wall, wall)
      best[i].cpu = min(best[i].cpu, cpu)
    } else {
      best.append((name, wall, cpu))
    }
    return result
  }
  var bytes = 0
  for _ in 0..<max(1, repeats) {
    let roster = try time("read") {
      try RosterReader().read(contentsOf: url, displayName: file, format: nil)
    }
    let network = time("graph") { RosterGraph(roster) }
    let analysis = time("analyse") { Analyser().analyse(network) }
    bytes = 0
    time("json") { analysis.writeJSON { bytes &+= $0.count } }
    time("text") { bytes &+= analysis.text(roster: roster, source: file).utf8.count }
    time("graphml") {
      GraphMLExport(roster: roster, analysis: analysis).write { bytes &+= $0.count }
    }
    withExtendedLifetime((roster, network, analysis)) {}
  }
  print("| phase | wall | CPU |")
  print("|---|---:|---:|")
  for phase in best {
    print(
      "| \(phase.name) | \(String(format: "%.3f s", phase.wall)) "
        + "| \(String(format: "%.3f s", phase.cpu)) |")
  }
  print("(\(bytes) bytes written)")
}

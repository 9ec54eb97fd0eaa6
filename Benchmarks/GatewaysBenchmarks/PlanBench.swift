import Foundation
import GatewaysKit

/// `gateways-bench plan --file FILE.csv [--repeats R]`: times, in one process, the suggestion
/// engine of `suggest` and `suggest --robust` after the roster is read and its graph built:
/// the engine alone (the plan with the "before" figures given and no "after" figures), the
/// "after" figures, and the whole plan as `suggest` makes it; wall and CPU time (user + system,
/// all threads) of the best of R runs.
func runPlanPhases(options: [String: String]) throws {
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
  var additions = 0
  for _ in 0..<max(1, repeats) {
    let roster = try time("read") {
      try RosterReader().read(contentsOf: url, displayName: file, format: nil)
    }
    let network = time("graph") { RosterGraph(roster) }
    let before = time("before") { PlanSnapshot(roster) }
    additions = 0
    for robust in [false, true] {
      let name = robust ? "suggest --robust" : "suggest"
      let suggester = Suggester(options: SuggestionOptions(robust: robust))
      let (plan, _) = time("\(name): engine") {
        suggester.plan(for: network, alongside: {}, before: { _ in before }, computingAfter: false)
      }
      if let applied = plan.appliedNetwork {
        _ = time("\(name): after") { PlanSnapshot(applied.roster) }
      }
      let (whole, _) = time("\(name): whole plan") { suggester.plan(for: network, alongside: {}) }
      additions += whole.additions.count
      withExtendedLifetime((plan, whole)) {}
    }
    withExtendedLifetime((roster, network)) {}
  }
  print("| phase | wall | CPU |")
  print("|---|---:|---:|")
  for phase in best {
    print(
      "| \(phase.name) | \(String(format: "%.3f s", phase.wall)) "
        + "| \(String(format: "%.3f s", phase.cpu)) |")
  }
  print("(\(additions) additions)")
}

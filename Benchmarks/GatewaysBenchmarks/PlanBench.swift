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
  var timer = PhaseTimer()
  var additions = 0
  for _ in 0..<max(1, repeats) {
    let roster = try timer.time("read") {
      try RosterReader().read(contentsOf: url, displayName: file, format: nil)
    }
    let network = timer.time("graph") { RosterGraph(roster) }
    let before = timer.time("before") { PlanSnapshot(roster) }
    additions = 0
    for robust in [false, true] {
      let name = robust ? "suggest --robust" : "suggest"
      let suggester = Suggester(options: SuggestionOptions(robust: robust))
      let (plan, _) = timer.time("\(name): engine") {
        suggester.plan(for: network, alongside: {}, before: { _ in before }, computingAfter: false)
      }
      if let applied = plan.appliedNetwork {
        _ = timer.time("\(name): after") { PlanSnapshot(applied.roster) }
      }
      let (whole, _) = timer.time("\(name): whole plan") {
        suggester.plan(for: network, alongside: {})
      }
      additions += whole.additions.count
      withExtendedLifetime((plan, whole)) {}
    }
    withExtendedLifetime((roster, network)) {}
  }
  timer.printTable()
  print("(\(additions) additions)")
}

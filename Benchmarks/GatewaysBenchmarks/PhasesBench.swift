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
  var timer = PhaseTimer()
  var bytes = 0
  for _ in 0..<max(1, repeats) {
    let roster = try timer.time("read") {
      try RosterReader().read(contentsOf: url, displayName: file, format: nil)
    }
    let network = timer.time("graph") { RosterGraph(roster) }
    let analysis = timer.time("analyse") { Analyser().analyse(network) }
    bytes = 0
    timer.time("json") { analysis.writeJSON { bytes &+= $0.count } }
    timer.time("text") { bytes &+= analysis.text(roster: roster, source: file).utf8.count }
    timer.time("graphml") {
      GraphMLExport(roster: roster, analysis: analysis).write { bytes &+= $0.count }
    }
    withExtendedLifetime((roster, network, analysis)) {}
  }
  timer.printTable()
  print("(\(bytes) bytes written)")
}

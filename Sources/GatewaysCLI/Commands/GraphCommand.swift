import Foundation
import MembershipGraph

extension CommandSpec {
  /// `gateways graph`: a temporary placeholder removed when the roster reader lands.
  static let graph = CommandSpec(
    name: "graph", abstract: "Print the size of a membership graph read from a two-column CSV.",
    usage: "graph FILE", options: [], positionalCount: 1...1
  ) { parsed, io in
    let text =
      (try? String(contentsOf: io.url(forPath: parsed.positionals[0]), encoding: .utf8)) ?? ""
    var builder = BipartiteGraphBuilder<Substring, Substring>()
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      if cells.count >= 2 { builder.addMembership(person: cells[0], group: cells[1]) }
    }
    let graph = builder.build()
    let components = graph.connectedComponents()
    io.print(
      "people: \(graph.personCount)\ngroups: \(graph.groupCount)\nmemberships: \(graph.membershipCount)\ncomponents: \(components.count)\n"
    )
    return ExitCode.success
  }
}

import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways report`: a self-contained HTML report with the network drawn.
  static let report = CommandSpec(
    name: "report",
    abstract: "Write a self-contained HTML report with the team network drawn.",
    usage: "report [OPTIONS] ROSTER [-o report.html]",
    discussion: """
      The page has the headline findings, the team network (teams coloured by deep, sized by \
      members, silos and islands marked, key people's links in red), the four deeps as a heat \
      map, the coupling quadrant, and the suggested additions with the network before and after \
      them. It needs no network and no JavaScript, and prints on A4. Without -o it is written to \
      standard output. See Documentation/Reports.md.
      """,
    options: rosterOptions + [
      OptionSpec("output", short: "o", value: "FILE", help: "Write the report to FILE.")
    ],
    positionalCount: 1...1
  ) { parsed, io in
    let roster = try loadRoster(parsed, io: io)
    let analysis = Analyser().analyse(roster)
    let after: HTMLReport.After? = nil
    let source = parsed.positionals[0] == "-" ? "<stdin>" : parsed.positionals[0]
    let html = HTMLReport(roster: roster, analysis: analysis, source: source, after: after)
      .render()
    if let path = parsed.value("output") {
      try OutputFile.write(html, toPath: path, io: io, inputs: parsed.positionals)
    } else {
      io.print(html)
    }
    return ExitCode.success
  }
}

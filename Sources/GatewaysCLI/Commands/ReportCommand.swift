import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways report`: a self-contained HTML report with the team network drawn.
  static let report = CommandSpec(
    name: "report",
    abstract: "Write a self-contained HTML report with the team network drawn.",
    usage: "report [OPTIONS] ROSTER [-o report.html]",
    discussion: """
      The page has the headline findings, the team network (teams coloured by deep, sized by
      members, silos and islands marked, key people's links in red), the four deeps as a heat
      map, the coupling quadrant, and the additions the suggestion engine proposes with the
      network before and after them (leave them out with --no-suggestions). It needs no network
      access and no JavaScript, and prints on A4. Without -o it is written to standard output.
      See Documentation/Reports.md.
      """,
    options: rosterOptions + [
      OptionSpec(
        "output", short: "o", value: "FILE",
        help: "Write the report to FILE (atomically) instead of standard output."),
      OptionSpec(
        "target", value: "P,I",
        help: "The coupling aimed for, professional,institutional in 0...1 (default 1,0)."),
      OptionSpec(
        "no-suggestions", help: "Leave out the suggested additions and the after view."),
      listLimitOption,
    ],
    positionalCount: 1...1
  ) { parsed, io in
    // The page shows no brokers, so no betweenness is computed for it.
    var analyser = Analyser(brokerCount: 0)
    if let target = parsed.value("target") { analyser.target = try couplingTarget(target) }
    analyser.listLimit = try listLimit(parsed)
    let (realRoster, pseudonymiser) = try loadRosterAndPseudonymiser(parsed, io: io)
    let roster = pseudonymiser?.apply(to: realRoster) ?? realRoster
    let analysis = analyser.analyse(roster)
    let source = parsed.positionals[0] == "-" ? "standard input" : parsed.positionals[0]
    var after: HTMLReport.After?
    if !parsed.has("no-suggestions") {
      // Worked out on the real roster, so pseudonymising changes only the names.
      var options = SuggestionOptions()
      if let pseudonymiser {
        reportInPseudonyms(&options, roster: realRoster, pseudonymiser: pseudonymiser)
      }
      let plan = Suggester(options: options).plan(for: realRoster)
      let changed = plan.applied(to: roster)
      // Only what the page shows of the school after is computed, not a whole analysis.
      after = HTMLReport.After(
        roster: changed,
        additions: plan.additions.map {
          HTMLReport.Addition(staff: $0.staff, team: $0.team, reason: $0.reason)
        })
    }
    let html = HTMLReport(roster: roster, analysis: analysis, source: source, after: after)
      .render()
    try emit(html, parsed: parsed, io: io)
    return ExitCode.success
  }
}

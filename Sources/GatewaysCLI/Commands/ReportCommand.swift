import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways report`: a self-contained HTML report with the team network drawn.
  static let report = CommandSpec(
    name: "report",
    abstract: "Write a self-contained HTML report with the team network drawn.",
    usage: "report [OPTIONS] ROSTER [ROSTER...] [-o report.html]",
    discussion: """
      The page has the headline findings, the team network (teams coloured by deep, sized by
      members, silos and islands marked, key people's links in red), the four deeps as a heat
      map, the coupling quadrant, and the additions the suggestion engine proposes with the
      network before and after them (leave them out with --no-suggestions). It needs no network
      access and no JavaScript, and prints on A4. Without -o it is written to standard output.
      --title and --subtitle head the page (the school, the term); without them the title names
      the roster file, except when pseudonymising. The suggestions take the options of
      suggest (--robust, --involve, --develop, --fit, --max-teams, --exclude).
      A trust's roster (a school column, several files, or a folder) gives the trust's page:
      the schools in a table, the four deeps by school, the network of schools drawn, and the
      first schools' own sections (suggestions within each school); --school NAME gives one
      school's report. See Documentation/Reports.md and Documentation/Trusts.md.
      """,
    options: rosterOptions + [
      OptionSpec(
        "output", short: "o", value: "FILE",
        help: "Write the report to FILE (atomically) instead of standard output."),
      OptionSpec(
        "target", value: "P,I",
        help: "The coupling aimed for, professional,institutional in 0...1 (default 1,0)."),
      OptionSpec("title", value: "TEXT", help: "The page's title, such as the school's name."),
      OptionSpec("subtitle", value: "TEXT", help: "A line under the title, such as the term."),
      OptionSpec(
        "no-suggestions", help: "Leave out the suggested additions and the after view."),
      listLimitOption,
    ] + suggestionOptionSpecs,
    positionalCount: 1...Int.max
  ) { parsed, io in
    // Before the read: what comes after it reuses the memory the read frees.
    io.keepFreedMemory()
    // The page shows no brokers, so no betweenness is computed for it.
    var analyser = Analyser(brokerCount: 0)
    if let target = parsed.value("target") { analyser.target = try couplingTarget(target) }
    analyser.listLimit = try listLimit(parsed)
    // A trust (without --school) gives the trust's page (ReportCommand+Trust.swift).
    let (realRoster, pseudonymiser): (Roster, Pseudonymiser?)
    switch try readReportInput(parsed, io: io) {
    case .trust(let trust):
      return try reportTrust(trust, analyser: analyser, parsed: parsed, io: io)
    case .school(let roster, let hiding): (realRoster, pseudonymiser) = (roster, hiding)
    }
    let roster = pseudonymiser?.apply(to: realRoster) ?? realRoster
    let source = parsed.positionals[0] == "-" ? "standard input" : parsed.positionals[0]
    let analysis: SchoolAnalysis
    var after: HTMLReport.After?
    // Without pseudonyms, the page's "after" is worked out from the plan's own graph after,
    // beside the rest of the page.
    var afterNetwork: (RosterGraph, [HTMLReport.Addition])?
    if !parsed.has("no-suggestions") {
      let suggester = try suggester(
        parsed, command: "report", roster: realRoster, shown: roster,
        pseudonymiser: pseudonymiser, io: io)
      // The analysis is independent of the plan: both are worked out at once. The plan's
      // "before" figures are the analysis's, and its "after" is left to the page, which works
      // out only what it shows. Without pseudonyms, both work on one graph of the roster.
      let shownAnalyser = analyser
      let network = RosterGraph(realRoster)
      let shownNetwork = pseudonymiser == nil ? network : nil
      let (plan, analysed) = suggester.plan(
        for: network,
        alongside: {
          shownNetwork.map { shownAnalyser.analyse($0) } ?? shownAnalyser.analyse(roster)
        },
        before: { PlanSnapshot(analysis: $0) }, computingAfter: false)
      analysis = analysed
      io.keepUntilExit(plan)
      let additions = plan.additions.map {
        HTMLReport.Addition(staff: $0.staff, team: $0.team, reason: $0.reason)
      }
      if pseudonymiser == nil, let network = plan.appliedNetwork {
        afterNetwork = (network, additions)
      } else {
        after = HTMLReport.After(roster: plan.applied(to: roster), additions: additions)
      }
    } else {
      analysis = analyser.analyse(roster)
    }
    let report = HTMLReport(
      roster: roster, analysis: analysis, source: source, title: parsed.value("title"),
      subtitle: parsed.value("subtitle"), showsSource: pseudonymiser == nil, after: after)
    let html: String
    if let pending = afterNetwork {
      html = report.render(computingAfter: {
        HTMLReport.After(network: pending.0, additions: pending.1)
      })
    } else {
      html = report.render()
    }
    try emit(html, parsed: parsed, io: io)
    io.keepUntilExit(analysis)
    io.keepUntilExit(realRoster)
    io.keepUntilExit(roster)
    return ExitCode.success
  }
}

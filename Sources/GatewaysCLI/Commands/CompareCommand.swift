import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways compare OLD NEW [NEWER...]`: what changed from term to term, and whether last
  /// term's plan was carried out.
  static let compare = CommandSpec(
    name: "compare",
    abstract: "Compare rosters term by term: what changed, and whether the plan was carried out.",
    usage: "compare [OPTIONS] OLD NEW [NEWER...]",
    discussion: """
      Reads two or more rosters of one school, oldest first (CSV or JSON, one of them may be
      '-' for standard input), matches them by staff id and team id, and reports for each step
      what changed: teams added and removed, who joined or left each team and the school, silos
      linked, new and still there, islands merged, split and new, key people and leader-only
      links gained and lost, staff on no team who got a team, and every score before and after.
      --label names the rosters (one per roster, in order; else their file names).
      --plan PLAN.json (what `suggest --format json` wrote for OLD) says which suggested
      additions NEW carried out, which not, and which other changes did their job.
      --format html writes one self-contained page (no scripts, prints on A4): the scores over
      the terms as a chart and each term's team network drawn with the same layout, changes
      marked. See Documentation/Compare.md.
      Trusts' rosters (a school column, or a folder of school files: each argument is one term)
      compare school by school, matched by name: a trust table of changes, the network's
      changes, then the first schools' comparisons; --school NAME compares one school.
      """,
    options: rosterOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "text (default), json or html."),
      OptionSpec(
        "output", short: "o", value: "FILE",
        help: "Write to FILE (atomically) instead of standard output."),
      OptionSpec(
        "label", value: "L", repeatable: true,
        help: "The name of a roster's term, once per roster in order (default: file names)."),
      OptionSpec(
        "plan", value: "PLAN.json",
        help: "Last term's plan (suggest --format json): which additions were carried out."),
      OptionSpec(
        "target", value: "P,I",
        help: "The coupling aimed for, professional,institutional in 0...1 (default 1,0)."),
    ],
    positionalCount: 2...Int.max
  ) { parsed, io in
    let format = try outputFormat(parsed, allowed: ["text", "json", "html"])
    let paths = parsed.positionals
    var labels = parsed.all("label")
    if !labels.isEmpty, labels.count != paths.count {
      throw CommandFailure.usage(
        command: "compare",
        message:
          "--label is given \(labels.count) time\(labels.count == 1 ? "" : "s") for "
          + "\(paths.count) rosters; give one per roster, in order, or none")
    }
    if paths.count(where: { $0 == "-" }) > 1 {
      throw CommandFailure.usage(
        command: "compare", message: "only one roster can be read from standard input ('-')")
    }
    if labels.isEmpty {
      labels = paths.map { $0 == "-" ? "stdin" : URL(fileURLWithPath: $0).lastPathComponent }
    }
    var analyser = RosterComparison.analyser()
    if let target = parsed.value("target") { analyser.target = try couplingTarget(target) }
    let pseudonymiser = try pseudonymiser(parsed, io: io)

    // The plan first: a bad plan file stops the run before the rosters are read (a trust's
    // plan, one per school, is read in CompareCommand+Trust.swift).
    let (givenPlan, schoolPlans) = try comparePlans(parsed, io: io)
    var plan = givenPlan

    // Every roster read with the same options; pseudonyms worked out over all of them at once.
    // Trusts' rosters (without --school) are compared school by school.
    let readings = try readCompareTerms(paths, parsed: parsed, io: io)
    if let trusts = try trustTerms(readings, paths: paths, parsed: parsed) {
      if givenPlan != nil {
        throw CommandFailure.usage(
          command: "compare",
          message:
            "the --plan is one school's; give --school NAME, or the trust's plan (suggest "
            + "TRUST --format json)")
      }
      return try compareTrusts(
        trusts, labels: labels, analyser: analyser, plans: schoolPlans, parsed: parsed, io: io)
    }
    if schoolPlans != nil {
      throw CommandFailure.usage(
        command: "compare",
        message: "the --plan is a trust's (one plan per school); compare the trust's rosters")
    }
    var rosters: [Roster] = []
    for (path, reading) in zip(paths, readings) {
      var single = parsed
      single.positionals = [path]
      // Pseudonymised below, all rosters together (one key, one renaming).
      single.values["pseudonymise"] = nil
      single.values["pseudonymise-teams"] = nil
      single.values["pseudonym-key"] = nil
      single.values["pseudonym-key-file"] = nil
      rosters.append(try loadRosterAndPseudonymiser(single, io: io, reading: reading).0)
    }
    var renaming: (staff: [String: String], teams: [String: String]) = ([:], [:])
    if let pseudonymiser {
      renaming = pseudonymiser.renaming(for: rosters)
      rosters = pseudonymiser.apply(to: rosters, renaming: renaming)
    }

    // A plan written with real ids is read in the comparison's pseudonyms.
    if pseudonymiser != nil { plan = plan?.renamed(staff: renaming.staff, teams: renaming.teams) }

    let terms = RosterComparison.Term.analysed(labels: labels, rosters: rosters, analyser: analyser)
    let comparison = RosterComparison(terms: terms, plan: plan)
    if let followUp = comparison.plan, followUp.unfitting > 0 {
      io.printError(
        "gateways: warning: \(followUp.file): \(followUp.unfitting) of its suggestions do not fit "
          + "\(labels[0]) (the person or team is not in it, or the person is already on the "
          + "team); was the plan made for this roster?\n")
    }
    let inputs = OutputFile.inputs(of: parsed)
    let output: String
    switch format {
    case "json": output = comparison.json()
    case "html": output = ComparisonPage(comparison: comparison).render()
    default: output = comparison.text(color: parsed.value("output") == nil && io.colorEnabled)
    }
    if let path = parsed.value("output"), path != "-" {
      try OutputFile.write(output, toPath: path, io: io, inputs: inputs)
    } else {
      io.print(output)
    }
    io.keepUntilExit(comparison)
    return ExitCode.success
  }
}

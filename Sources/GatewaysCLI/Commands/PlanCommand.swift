import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways plan ROSTER --gateway ID`: a new team for a gateway with its links built in.
  static let plan = CommandSpec(
    name: "plan",
    abstract: "Design a new team for a gateway, with cross-membership built in.",
    usage:
      "plan --gateway ID [--size N] [--name NAME] [--format text|json] [--max-teams N] [--exclude ID]... [--develop] [--fit FILE] [--write NEW.csv] [--output FILE] ROSTER",
    discussion: """
      Designs a new team for the gateway: a leader (a middle leader or teacher who leads no
      team yet and has room under their cap; never a senior leader), one or two members who
      are not the leader shared with teams of the same deep (so the team is linked from the
      start), and the rest drawn across departments and year groups, up to --size members
      (default 6), everyone within their cap (max_teams, else --max-teams, default 3), the fit
      table (--fit FILE) and the roster's suggestable column; --exclude keeps people out.
      Each choice is explained, with the figures before and after.
      --write saves the whole roster with the new team's rows as CSV.
      """,
    options: rosterOptions + [
      OptionSpec("gateway", short: "g", value: "ID", help: "The gateway of the new team."),
      OptionSpec("size", value: "N", help: "The most members, leader included (default 6)."),
      OptionSpec("name", value: "NAME", help: "The new team's name."),
      OptionSpec("format", short: "f", value: "FORMAT", help: "text (default) or json."),
      OptionSpec("output", short: "o", value: "FILE", help: "Write the plan to FILE."),
      OptionSpec(
        "write", value: "NEW.csv", help: "Write the roster with the new team as CSV."),
      OptionSpec(
        "max-teams", value: "N", help: "The cap for people with no max_teams (default 3)."),
      OptionSpec(
        "exclude", value: "ID", repeatable: true, help: "Never choose this person (repeatable)."),
      OptionSpec(
        "develop", help: "Prefer people who lead no team and are not senior leaders."),
      OptionSpec(
        "fit", value: "FILE",
        help: "Which staff each gateway draws on (CSV gateway,staff; see Suggest.md)."),
    ],
    positionalCount: 1...1
  ) { parsed, io in
    let format = parsed.value("format") ?? "text"
    guard format == "text" || format == "json" else {
      throw CommandFailure.usage(
        command: "plan", message: "--format must be text or json, not '\(format)'")
    }
    func count(_ name: String, minimum: Int) throws -> Int? {
      guard let text = parsed.value(name) else { return nil }
      guard let value = Int(text), value >= minimum else {
        throw CommandFailure.usage(
          command: "plan",
          message: "--\(name) must be a whole number >= \(minimum), not '\(text)'")
      }
      return value
    }
    guard let gatewayName = parsed.value("gateway") else {
      throw CommandFailure.usage(command: "plan", message: "--gateway ID is required")
    }
    let normalized = GatewayCatalog.normalize(gatewayName)
    guard
      let gateway = GatewayCatalog.resolve(gatewayName)
        ?? (normalized.isEmpty ? nil : Gateway(id: normalized))
    else {
      throw CommandFailure.usage(
        command: "plan", message: "--gateway '\(gatewayName)' has no letters or digits")
    }
    let size = try count("size", minimum: 1) ?? 6
    var options = SuggestionOptions()
    if let maxTeams = try count("max-teams", minimum: 0) { options.defaultMaxTeams = maxTeams }
    options.excluded = Set(parsed.all("exclude"))
    options.develop = parsed.has("develop")
    if let fit = try fitTable(parsed, io: io) { options.fit = fit }
    let (realRoster, pseudonymiser) = try loadRosterAndPseudonymiser(parsed, io: io)
    let roster = pseudonymiser?.apply(to: realRoster) ?? realRoster
    // Only with --exclude: a set of every id costs a hash of each on a large roster.
    let known = options.excluded.isEmpty ? [] : Set(roster.staff.map(\.id))
    for id in options.excluded.sortedByBytes() where !known.contains(id) {
      io.printError("gateways: warning: --exclude \(id): no member of staff has this id\n")
    }
    // Worked out on the real roster, so pseudonymising changes only the names.
    var plan: TeamPlan
    if let pseudonymiser {
      let renaming = pseudonymiser.renaming(for: realRoster)
      var realID: [String: String] = [:]
      for (real, pseudonym) in renaming.staff { realID[pseudonym] = real }
      options.excluded = Set(options.excluded.map { realID[$0] ?? $0 })
      plan = TeamPlanner(options: options).plan(
        for: realRoster, gateway: gateway, size: size, name: parsed.value("name"))
      plan.rename(staff: renaming.staff, teams: renaming.teams)
    } else {
      plan = TeamPlanner(options: options).plan(
        for: roster, gateway: gateway, size: size, name: parsed.value("name"))
    }
    let inputs = OutputFile.inputs(of: parsed)
    if let path = parsed.value("write") {
      let csv = RosterCSVWriter.csv(for: plan.applied(to: roster))
      if path == "-" {
        io.print(csv)
      } else {
        try OutputFile.write(csv, toPath: path, io: io, inputs: inputs)
      }
    }
    let input = parsed.positionals[0]
    let source = input == "-" ? "<stdin>" : input
    let output = parsed.value("output")
    let text =
      format == "json"
      ? plan.json()
      : plan.text(roster: roster, source: source, color: output == nil && io.colorEnabled)
    if let output, output != "-" {
      try OutputFile.write(text, toPath: output, io: io, inputs: inputs)
    } else {
      io.print(text)
    }
    return ExitCode.success
  }
}

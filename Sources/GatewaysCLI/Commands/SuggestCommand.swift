import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways suggest ROSTER`: who to add to which team to end the silos, and why.
  static let suggest = CommandSpec(
    name: "suggest",
    abstract: "Suggest the fewest cross-memberships that end the silos, and why each one.",
    usage:
      "suggest [--format text|json] [--robust] [--involve] [--develop] [--fit FILE] [--max-teams N] [--exclude ID]... [--limit N] [--list-limit N] [--across-schools] [--write NEW.csv] [--output FILE] ROSTER",
    discussion: """
      Suggests who should join which team (as a member, not a leader) so that no silo and no
      island remain, with the fewest additions possible: one per group of teams after the
      main group. Nobody goes over their cap (max_teams in the roster, else --max-teams,
      default 3) or onto a team they are on; --exclude keeps people out. Preferred: people who
      lead no team, then people on the fewest teams, then links that raise the complementarity
      of the deeps most, then ids.
      --robust chooses every addition together, connecting and strengthening, to reach one
      group of teams where no single person's departure splits them, in the fewest additions:
      it reports a lower bound beside the count, and on a school-sized roster proves the plan
      optimal by an exact search. --involve finds a team for each teaching member of staff on
      none, and says whom it left out (--involve-all includes support staff). Nobody joins a
      team whose gateway does not draw on their kind of staff (--fit FILE overrides the table,
      see Documentation/Suggest.md). --develop prefers people who lead no team and are not
      senior leaders.
      When caps make a link impossible, the plan says which teams stay apart and whose caps
      stop it (at most --list-limit teams each); the rest of the plan still comes out
      (feasible: false in JSON), exit 0. A suggestable column saying no keeps a person out of
      every plan.
      --write saves the whole roster with the additions applied as CSV, to edit and run again
      (written with the standard column names and gateway ids, whatever the input used).
      On a trust's roster (a school column, several files or a folder) without --school, plans
      every school within itself (nobody joins another school's team): a table of schools, then
      the first schools' plans; --exclude SCHOOL/ID keeps one school's person out.
      --across-schools adds a trust-level plan: people join trust-wide teams so that every
      school is linked to the others and no single connector holds the network together.
      """,
    options: rosterOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "text (default) or json."),
      OptionSpec("output", short: "o", value: "FILE", help: "Write the plan to FILE."),
      OptionSpec(
        "write", value: "NEW.csv", help: "Write the roster with the additions applied as CSV."),
      OptionSpec("limit", value: "N", help: "Show only the first N suggestions."),
      listLimitOption,
      OptionSpec(
        "across-schools",
        help: "For a trust: also link the schools through trust-wide teams (see Suggest.md)."),
    ] + suggestionOptionSpecs,
    positionalCount: 1...1
  ) { parsed, io in
    // Before the read: what comes after it reuses the memory the read frees.
    io.keepFreedMemory()
    let format = parsed.value("format") ?? "text"
    guard format == "text" || format == "json" else {
      throw CommandFailure.usage(
        command: "suggest", message: "--format must be text or json, not '\(format)'")
    }
    let limit = try wholeNumber(parsed, "limit", minimum: 0, command: "suggest")
    // A trust without --school: every school's plan (SuggestCommand+Trust.swift).
    let reading = try readSuggestionRoster(parsed, io: io)
    if case .trust(let trust) = reading, parsed.value("school") == nil {
      return try suggestTrust(trust, format: format, limit: limit, parsed: parsed, io: io)
    }
    let (realRoster, pseudonymiser) = try loadRosterAndPseudonymiser(
      parsed, io: io, reading: reading)
    let roster = pseudonymiser?.apply(to: realRoster) ?? realRoster
    let input = parsed.positionals[0]
    let source = input == "-" ? "<stdin>" : input
    // The plan's text is written while the roster after it is built and its figures worked
    // out: the text reads them only at its end.
    let draft = try suggester(
      parsed, command: "suggest", roster: realRoster, shown: roster, pseudonymiser: pseudonymiser,
      io: io
    ).draft(for: realRoster)

    if let path = parsed.value("write") {
      try writeSuggestion(
        RosterCSVWriter.csv(for: draft.plan.applied(to: roster)), toPath: path, io: io,
        inputs: OutputFile.inputs(of: parsed))
    }
    let output = parsed.value("output")
    let text: String
    if format == "json" {
      text = draft.completed().json(limit: limit)
    } else {
      let color = output == nil && io.colorEnabled
      let (plan, body) = draft.completed(alongside: { plan in
        plan.textBeforeFigures(roster: roster, source: source, limit: limit, color: color)
      })
      text = body + plan.figuresText(color: color)
    }
    if let output, output != "-" {
      try writeSuggestion(
        text, toPath: output, io: io, inputs: OutputFile.inputs(of: parsed))
    } else {
      io.print(text)
    }
    return ExitCode.success
  }
}

/// The options that choose the suggestions, shared by `suggest` and `report`.
let suggestionOptionSpecs: [OptionSpec] = [
  OptionSpec(
    "max-teams", value: "N", help: "The cap for people with no max_teams (default 3)."),
  OptionSpec(
    "exclude", value: "ID", repeatable: true, help: "Never suggest this person (repeatable)."),
  OptionSpec("robust", help: "Also link so no single departure splits the teams."),
  OptionSpec("involve", help: "Also find a team for teaching staff on no team."),
  OptionSpec("involve-all", help: "Like --involve, support staff included."),
  OptionSpec(
    "develop", help: "Prefer people who lead no team and are not senior leaders."),
  OptionSpec(
    "fit", value: "FILE",
    help: "Which staff each gateway draws on (CSV gateway,staff; see Suggest.md)."),
]

/// The value of `--NAME` as a whole number of at least `minimum`, or `nil` when not given.
func wholeNumber(
  _ parsed: ParsedArguments, _ name: String, minimum: Int, command: String
) throws -> Int? {
  guard let text = parsed.value(name) else { return nil }
  guard let value = Int(text), value >= minimum else {
    throw CommandFailure.usage(
      command: command, message: "--\(name) must be a whole number >= \(minimum), not '\(text)'")
  }
  return value
}

/// The suggestion options `suggestionOptionSpecs` give, as written (ids as the output shows
/// them).
func suggestionOptions(
  _ parsed: ParsedArguments, command: String, io: CommandIO
) throws -> SuggestionOptions {
  var options = SuggestionOptions()
  if let maxTeams = try wholeNumber(parsed, "max-teams", minimum: 0, command: command) {
    options.defaultMaxTeams = maxTeams
  }
  options.excluded = Set(parsed.all("exclude"))
  options.robust = parsed.has("robust")
  options.involve = parsed.has("involve") || parsed.has("involve-all")
  options.involveSupportStaff = parsed.has("involve-all")
  options.develop = parsed.has("develop")
  options.listLimit = try listLimit(parsed)
  if let fit = try fitTable(parsed, io: io) { options.fit = fit }
  return options
}

/// The suggester the suggestion options ask for, to be run on the real roster, so
/// pseudonymising changes only the names; `--exclude` takes ids as `shown` (the output's
/// roster) gives them, and an id no one has is warned about.
func suggester(
  _ parsed: ParsedArguments, command: String, roster realRoster: Roster, shown roster: Roster,
  pseudonymiser: Pseudonymiser?, io: CommandIO
) throws -> Suggester {
  var options = try suggestionOptions(parsed, command: command, io: io)
  // Only with --exclude: a set of every id costs a hash of each on a large roster.
  let known = options.excluded.isEmpty ? [] : Set(roster.staff.map(\.id))
  for id in options.excluded.sortedByBytes() where !known.contains(id) {
    io.printError("gateways: warning: --exclude \(id): no member of staff has this id\n")
  }
  if let pseudonymiser {
    reportInPseudonyms(&options, roster: realRoster, pseudonymiser: pseudonymiser)
  }
  return Suggester(options: options)
}

/// Writes `text` to `path` (atomically, never over the input roster), or to standard output
/// for `-`.
private func writeSuggestion(
  _ text: String, toPath path: String, io: CommandIO, inputs: [String]
)
  throws
{
  if path == "-" {
    io.print(text)
  } else {
    try OutputFile.write(text, toPath: path, io: io, inputs: inputs)
  }
}

/// The fit table `--fit FILE` names, if any; a file that cannot be read is an input error.
func fitTable(_ parsed: ParsedArguments, io: CommandIO) throws -> FitTable? {
  guard let path = parsed.value("fit") else { return nil }
  do throws(RosterError) {
    let data = try RosterReader.contents(
      of: io.url(forPath: path), displayName: path, limit: 16 << 20)
    return try FitTable.read(data, fileName: path)
  } catch {
    throw CommandFailure.input(error.diagnostics.map(\.description))
  }
}

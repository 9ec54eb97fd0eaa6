import GatewaysKit

/// Reads `suggest`'s roster once: one school, or a trust (which `--school` then narrows to one
/// school, in ``loadRosterAndPseudonymiser(_:io:printWarnings:reading:)``).
func readSuggestionRoster(_ parsed: ParsedArguments, io: CommandIO) throws -> SchoolsReading {
  io.enterPhase("reading", fraction: 0)
  let (reader, format) = try rosterReader(parsed, io: io)
  guard let path = parsed.positionals.first else {
    throw CommandFailure.usage(command: nil, message: "missing ROSTER argument")
  }
  let reading = try readSchools([path], reader: reader, format: format, io: io)
  if parsed.has("across-schools") {
    guard case .trust = reading, parsed.value("school") == nil else {
      throw CommandFailure.usage(
        command: "suggest",
        message:
          "--across-schools plans a whole trust (a school column, several files or a folder); "
          + (parsed.value("school") == nil ? "this roster is one school's" : "drop --school"))
    }
  }
  return reading
}

/// `gateways suggest` on a trust without `--school`: every school's plan, made within the
/// school, in parallel; with `--across-schools`, the trust-level plan too.
func suggestTrust(
  _ trust: TrustRoster, format: String, limit: Int?, parsed: ParsedArguments, io: CommandIO
) throws -> Int32 {
  guard
    !(parsed.has("pseudonymise") || parsed.has("pseudonymise-teams")
      || parsed.value("pseudonym-key") != nil || parsed.value("pseudonym-key-file") != nil)
  else {
    throw CommandFailure.usage(
      command: "suggest", message: "--pseudonymise reads one school; give --school NAME")
  }
  var seen = Set<String>()
  let warnings = (trust.schools.flatMap(\.roster.warnings) + trust.warnings).filter {
    seen.insert($0.description).inserted
  }
  printReadingWarnings(warnings, io: io, printWarnings: true)
  io.enterPhase("analysing", fraction: 0.4)

  // --exclude ID keeps ID out in every school; --exclude SCHOOL/ID in that school alone.
  var options = try suggestionOptions(parsed, command: "suggest", io: io)
  var everywhere = Set<String>()
  var bySchool: [String: Set<String>] = [:]
  let names = Set(trust.schools.map(\.name))
  for value in parsed.all("exclude") {
    if let slash = value.lastIndex(of: "/"), names.contains(String(value[..<slash])) {
      let school = String(value[..<slash])
      let id = String(value[value.index(after: slash)...])
      bySchool[school, default: []].insert(id)
      if let entry = trust.schools.first(where: { $0.name == school }),
        sortedPosition(of: id, in: entry.roster.staff, by: \.id) == nil
      {
        io.printError(
          "gateways: warning: --exclude \(value): \(school) has no member of staff \(id)\n")
      }
    } else {
      everywhere.insert(value)
      if !trust.schools.contains(where: {
        sortedPosition(of: value, in: $0.roster.staff, by: \.id) != nil
      }) {
        io.printError(
          "gateways: warning: --exclude \(value): no school has a member of staff with this id\n")
      }
    }
  }
  options.excluded = everywhere
  var suggestions = TrustSuggestions(trust, options: options, excludedBySchool: bySchool)
  if parsed.has("across-schools") {
    let planned = suggestions.applied(to: trust)
    suggestions.across = TrustLinkPlan(planned, options: options, excludedBySchool: bySchool)
  }
  let inputs = OutputFile.inputs(of: parsed)
  if let path = parsed.value("write") {
    let csv = TrustRosterCSVWriter.csv(for: suggestions.applied(to: trust))
    if path == "-" {
      io.print(csv)
    } else {
      try OutputFile.write(csv, toPath: path, io: io, inputs: inputs)
    }
  }
  let output = parsed.value("output")
  let source = parsed.positionals[0] == "-" ? "<stdin>" : parsed.positionals[0]
  let text =
    format == "json"
    ? suggestions.json(limit: limit)
    : suggestions.text(
      trust: trust, source: source, limit: limit,
      tableRows: options.listLimit ?? Int.max, color: output == nil && io.colorEnabled)
  if let output, output != "-" {
    try OutputFile.write(text, toPath: output, io: io, inputs: inputs)
  } else {
    io.print(text)
  }
  io.keepUntilExit(trust)
  return ExitCode.success
}

import GatewaysKit

/// What `gateways report` reads: one school (with the pseudonymiser the options ask for), or a
/// whole trust.
enum ReportInput {
  case school(Roster, Pseudonymiser?)
  case trust(TrustRoster)
}

/// Reads every roster argument as ``loadRosterAndPseudonymiser(_:io:printWarnings:)`` reads
/// one, and keeps a trust (a school column, several files, a folder) whole unless `--school`
/// names one of its schools. A trust's warnings are printed once each.
func readReportInput(_ parsed: ParsedArguments, io: CommandIO) throws -> ReportInput {
  try readSchoolOrTrust(
    parsed, io: io, printWarnings: true, command: "report",
    aggregateHint: "`gateways analyse --aggregate` for a summary of the trust that names no one")
}

/// `gateways report` on a trust: the trust's page (``TrustReport``), each detailed school's
/// suggestions a single-school plan on that school's roster.
func reportTrust(
  _ trust: TrustRoster, analyser: Analyser, parsed: ParsedArguments, io: CommandIO
) throws -> Int32 {
  let analysis = analyser.analyse(trust)
  var after: [String: HTMLReport.After] = [:]
  if !parsed.has("no-suggestions") {
    let options = try suggestionOptions(parsed, command: "report", io: io)
    let candidates = TrustReport.detailCandidates(analysis).map { trust.schools[$0] }
    // Staff ids are per school: --exclude S01 keeps S01 of every school out of its plan.
    let known = Set(candidates.flatMap { $0.roster.staff.map(\.id) })
    for id in options.excluded.sortedByBytes() where !known.contains(id) {
      io.printError(
        "gateways: warning: --exclude \(id): no member of staff of the schools detailed has "
          + "this id\n")
    }
    let suggester = Suggester(options: options)
    for school in candidates {
      let plan = suggester.plan(for: school.roster)
      after[school.name] = HTMLReport.After(
        roster: plan.applied(to: school.roster),
        additions: plan.additions.map {
          HTMLReport.Addition(staff: $0.staff, team: $0.team, reason: $0.reason)
        })
    }
  }
  let source = parsed.positionals.map { $0 == "-" ? "standard input" : $0 }.joined(
    separator: ", ")
  let html = TrustReport(
    trust: trust, analysis: analysis, source: source, title: parsed.value("title"),
    subtitle: parsed.value("subtitle"), after: after,
    schoolCommand: "gateways report " + parsed.positionals.map(shellQuoted).joined(separator: " ")
  ).render()
  try emit(html, parsed: parsed, io: io)
  io.keepUntilExit(analysis)
  io.keepUntilExit(trust)
  return ExitCode.success
}

/// A path as a shell would need it typed: as it is when it has only safe characters, else in
/// single quotes.
func shellQuoted(_ path: String) -> String {
  let safe = path.unicodeScalars.allSatisfy {
    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
      || "-_./+,:@%".unicodeScalars.contains($0)
  }
  return safe && !path.isEmpty
    ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

import GatewaysKit

extension CommandSpec {
  /// `gateways check ROSTER`: validates a roster and prints a short summary.
  static let check = CommandSpec(
    name: "check", aliases: ["validate"],
    abstract: "Check that a roster reads, and summarise it.",
    usage: "check [--format text|json] [OPTIONS] ROSTER [ROSTER...]",
    discussion: """
      Reads ROSTER (CSV, JSON or .xlsx; '-' for standard input) and prints the number of staff,
      teams and memberships, the gateways present and missing, and the people on no team. Warnings
      go to standard error. Every problem in the file is reported with FILE:LINE[:COLUMN];
      the exit code is 0 when the roster reads, 2 when it does not.
      The formats are described in Documentation/RosterFormat.md. With --format json the
      summary is one JSON object on standard output (every list in full, the warnings
      included); a roster that does not read gives {"reads": false, "errors": [...]} there too,
      besides the errors on standard error, and exit 2.
      A trust's roster (a school column, several files or a folder) gives a line per school.
      """,
    options: rosterOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "text (default) or json.")
    ],
    positionalCount: 1...Int.max
  ) { parsed, io in
    let format = try outputFormat(parsed, allowed: ["text", "json"])
    let source = parsed.positionals[0] == "-" ? "<stdin>" : parsed.positionals[0]
    let roster: Roster
    do {
      switch try loadSchools(parsed, io: io, printWarnings: true) {
      case .school(let one): roster = one
      case .trust(let trust):
        // A trust: a line (or an entry) per school.
        let sources = parsed.positionals.map { $0 == "-" ? "<stdin>" : $0 }
        let shown = sources.joined(separator: ", ")
        io.print(
          format == "json" ? trust.summaryJSON(source: shown) : trust.summaryText(source: shown))
        return ExitCode.success
      }
    } catch CommandFailure.input(let lines) where format == "json" {
      io.print(RosterSummary.failureJSON(source: source, errors: lines))
      throw CommandFailure.input(lines)
    }
    let summary = RosterSummary(roster)
    switch format {
    case "json": io.print(summary.json(source: source, warnings: roster.warnings))
    default: io.print(summary.text(source: source))
    }
    io.keepUntilExit(roster)
    return ExitCode.success
  }
}

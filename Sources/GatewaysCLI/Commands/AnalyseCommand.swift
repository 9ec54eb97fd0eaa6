import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways analyse ROSTER`: silos, islands, key people, the four deeps and coupling.
  static let analyse = CommandSpec(
    name: "analyse", aliases: ["analyze"],
    abstract: "Find silos, islands and key people; score the deeps and coupling.",
    usage: "analyse [OPTIONS] ROSTER [ROSTER...]",
    discussion: """
      Reads ROSTER (CSV or JSON, '-' for standard input) and reports which gateway teams work in
      silos, which groups of teams are cut off (islands), who holds the teams together (key
      people), how well the four deeps complement each other, and the coupling balance.
      A trust's roster (a school column, several files, or a folder of them, a school each)
      gives a table of its schools and the network that joins them; --school NAME gives one
      school's full report.
      Exit status: 0 done; 1 a --fail-on finding was found; 2 bad usage or input; 3 output not
      written.
      """,
    options: rosterOptions + csvExportOptions + [
      OptionSpec(
        "format", short: "f", value: "FORMAT",
        help: "text (default), json, or an export: dot, mermaid, graphml, csv."),
      OptionSpec(
        "output", short: "o", value: "FILE",
        help: "Write to FILE (atomically) instead of standard output."),
      OptionSpec(
        "fail-on", value: "FINDINGS", repeatable: true,
        help: "Exit 1 when silos, islands or key-people are found (a comma list, or repeat it)."),
      OptionSpec(
        "target", value: "P,I",
        help: "The coupling aimed for, professional,institutional in 0...1 (default 1,0)."),
      listLimitOption,
      OptionSpec(
        "aggregate",
        help: "For a trust: a summary that names no one, counts and scores per school only."),
      OptionSpec(
        "min-group-size", value: "N",
        help: "With --aggregate: hide every figure about fewer than N people (default 5)."),
    ],
    positionalCount: 1...Int.max
  ) { parsed, io in
    let format = try outputFormat(
      parsed, allowed: ["text", "json"] + ExportFormat.allCases.map(\.rawValue))
    // Before the read: the analysis then reuses the memory the read frees.
    io.keepFreedMemory()
    let failOn = try failOnFindings(parsed)
    var analyser = Analyser()
    if let target = parsed.value("target") { analyser.target = try couplingTarget(target) }
    analyser.listLimit = try listLimit(parsed)
    // The text report lists the warnings itself: on standard output, say them only there.
    let textToStandardOutput = format == "text" && (parsed.value("output") ?? "-") == "-"
    let roster: Roster
    switch try loadSchools(parsed, io: io, printWarnings: !textToStandardOutput) {
    case .school(let one):
      if parsed.has("aggregate") {
        throw CommandFailure.usage(
          command: "analyse",
          message: "--aggregate summarises a trust (a school column, several files or a folder)")
      }
      roster = one
    case .trust(let trust):
      return try analyseTrust(
        trust, analyser: analyser, format: format, failOn: failOn, parsed: parsed, io: io)
    }
    // The text report reads neither the teams' listed links nor their E-I indices.
    analyser.listsTeamDetail = format != "text"
    // The exports (every format but the JSON document) read the links but no E-I index.
    analyser.measuresEIIndices = format == "json"
    let analysis = analyser.analyse(roster)
    let source = parsed.positionals[0] == "-" ? "standard input" : parsed.positionals[0]
    switch format {
    case "json": try emitJSON(analysis, parsed: parsed, io: io)
    case "text":
      let text = analysis.text(
        roster: roster, source: source, color: parsed.value("output") == nil && io.colorEnabled)
      try emit(text, parsed: parsed, io: io)
    default:
      // dot, mermaid, graphml, csv: the same files as `gateways export`.
      if let export = ExportFormat(rawValue: format) {
        try writeExport(export, roster: roster, analysis: analysis, parsed: parsed, io: io)
      }
    }
    let found = failOn.compactMap { finding in finding.found(in: analysis.summary) }
    if !found.isEmpty {
      io.printError("gateways: --fail-on: found \(found.joined(separator: ", "))\n")
    }
    io.keepUntilExit(analysis)
    io.keepUntilExit(roster)
    return found.isEmpty ? ExitCode.success : ExitCode.findings
  }
}

/// A finding `--fail-on` can ask for.
enum FailOnFinding: String, CaseIterable {
  case silos
  case islands
  case keyPeople = "key-people"

  /// What was found, in words (`2 silos`), or `nil` when the summary has none of it.
  func found(in summary: SchoolAnalysis.Summary) -> String? {
    let count: Int
    let noun: (singular: String, plural: String)
    switch self {
    case .silos: (count, noun) = (summary.silos, ("silo", "silos"))
    case .islands: (count, noun) = (summary.islands, ("island", "islands"))
    case .keyPeople: (count, noun) = (summary.keyPeople, ("key person", "key people"))
    }
    guard count > 0 else { return nil }
    return "\(count) \(count == 1 ? noun.singular : noun.plural)"
  }
}

/// The findings `--fail-on` names, from comma lists and repeats (`silos,islands`,
/// `--fail-on silos --fail-on islands`), each once, in the order of ``FailOnFinding``.
func failOnFindings(_ parsed: ParsedArguments) throws -> [FailOnFinding] {
  var named = Set<FailOnFinding>()
  for value in parsed.all("fail-on") {
    for part in value.split(separator: ",", omittingEmptySubsequences: false) {
      let word = part.trimmingCharacters(in: .whitespaces)
      guard let finding = FailOnFinding(rawValue: word) else {
        throw CommandFailure.usage(
          command: "analyse",
          message: "--fail-on takes silos, islands or key-people (a comma list), not '\(word)'")
      }
      named.insert(finding)
    }
  }
  return FailOnFinding.allCases.filter(named.contains)
}

/// The value of `--format`, checked against the formats a command writes.
func outputFormat(_ parsed: ParsedArguments, allowed: [String]) throws -> String {
  let format = parsed.value("format") ?? allowed[0]
  guard allowed.contains(format) else {
    throw CommandFailure.usage(
      command: nil, message: "--format takes \(allowed.joined(separator: ", ")), not '\(format)'")
  }
  return format
}

/// `--list-limit N`: how many items each list that could grow faster than the roster shows.
let listLimitOption = OptionSpec(
  "list-limit", value: "N",
  help:
    "List at most N items per list: teams per part a key person separates, links per team, items per text section (default \(SchoolAnalysis.defaultListLimit); 0 for all)."
)

/// Parses `--list-limit N` (0 for no limit; the default when absent).
func listLimit(_ parsed: ParsedArguments) throws -> Int? {
  guard let text = parsed.value("list-limit") else { return SchoolAnalysis.defaultListLimit }
  guard let value = Int(text), value >= 0 else {
    throw CommandFailure.usage(
      command: nil, message: "--list-limit takes a whole number >= 0, not '\(text)'")
  }
  return value == 0 ? nil : value
}

/// Parses `--target P,I`.
func couplingTarget(_ text: String) throws -> CouplingTarget {
  let parts = text.split(separator: ",", omittingEmptySubsequences: false)
  guard parts.count == 2,
    let professional = Double(parts[0].trimmingCharacters(in: .whitespaces)),
    let institutional = Double(parts[1].trimmingCharacters(in: .whitespaces)),
    (0...1).contains(professional), (0...1).contains(institutional)
  else {
    throw CommandFailure.usage(
      command: nil,
      message:
        "--target takes two numbers from 0 to 1, professional,institutional (e.g. 1,0), not '\(text)'"
    )
  }
  return CouplingTarget(professional: professional, institutional: institutional)
}

/// Writes a command's result to `--output` (atomically) or standard output.
func emit(_ text: String, parsed: ParsedArguments, io: CommandIO) throws {
  if let path = parsed.value("output"), path != "-" {
    try OutputFile.write(text, toPath: path, io: io, inputs: OutputFile.inputs(of: parsed))
  } else {
    io.print(text)
  }
}

/// Writes an analysis as JSON to `--output` or standard output; a large document goes to its
/// file piece by piece as the pieces are made, never joined or made a `String`.
func emitJSON(_ analysis: SchoolAnalysis, parsed: ParsedArguments, io: CommandIO) throws {
  if let path = parsed.value("output"), path != "-" {
    try OutputFile.write(toPath: path, io: io, inputs: OutputFile.inputs(of: parsed)) { write in
      try analysis.writeJSON(write)
    }
  } else {
    analysis.writeJSON { io.print(String(decoding: $0, as: UTF8.self)) }
  }
}

import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways export`: the network for Graphviz, Mermaid, Gephi or a spreadsheet.
  static let export = CommandSpec(
    name: "export",
    abstract: "Export the network as DOT, Mermaid, GraphML or CSV tables.",
    usage: "export --format dot|mermaid|graphml|csv [OPTIONS] ROSTER [-o FILE]",
    discussion: """
      dot: the team network for Graphviz. mermaid: a flowchart for Markdown pages. graphml:
      people and teams as two node types with their attributes, for Gephi, yEd or Cytoscape.
      csv: two tables, team links and people; on standard output they are separated by an
      empty line, with -o FILE.csv they go to FILE.csv and FILE-people.csv. Cells that start
      with =, +, - or @ are neutralised with a leading '. --excel starts each CSV table with a
      UTF-8 byte order mark, so Excel on Windows shows accented names correctly; --sep-line
      also puts Excel's 'sep=,' line first (only for old Excel versions that need it: Excel
      then ignores the mark). Team-to-team links: each team's --list-limit with the most
      shared people (0 for all). See Documentation/Reports.md.
      """,
    options: rosterOptions + csvExportOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "dot, mermaid, graphml or csv."),
      OptionSpec("output", short: "o", value: "FILE", help: "Write to FILE instead of stdout."),
      listLimitOption,
    ],
    positionalCount: 1...1
  ) { parsed, io in
    // Before the read: what comes after it reuses the memory the read frees.
    io.keepFreedMemory()
    guard parsed.has("format") else {
      throw CommandFailure.usage(
        command: "export", message: "missing --format (dot, mermaid, graphml or csv)")
    }
    let name = try outputFormat(parsed, allowed: ExportFormat.allCases.map(\.rawValue))
    guard let format = ExportFormat(rawValue: name) else {
      throw CommandFailure.usage(command: "export", message: "unknown --format '\(name)'")
    }
    var analyser = Analyser(listLimit: try listLimit(parsed))
    // No export reads the teams' E-I indices.
    analyser.measuresEIIndices = false
    let roster = try loadRoster(parsed, io: io)
    let analysis = analyser.analyse(roster)
    try writeExport(format, roster: roster, analysis: analysis, parsed: parsed, io: io)
    io.keepUntilExit(analysis)
    io.keepUntilExit(roster)
    return ExitCode.success
  }
}

/// The options of CSV tables for spreadsheets, on `export` and `analyse`.
let csvExportOptions: [OptionSpec] = [
  OptionSpec("excel", help: "CSV: start each table with a UTF-8 byte order mark, for Excel."),
  OptionSpec("sep-line", help: "CSV: put Excel's 'sep=,' line first (implies --excel)."),
]

/// What starts each CSV table for `--excel` and `--sep-line`: a UTF-8 byte order mark, then
/// Excel's `sep=,` line when asked; nothing otherwise.
func csvTablePrefix(_ parsed: ParsedArguments) -> String {
  var prefix = ""
  if parsed.has("excel") || parsed.has("sep-line") { prefix += "\u{FEFF}" }
  if parsed.has("sep-line") { prefix += "sep=,\r\n" }
  return prefix
}

/// Writes an export to `--output` or standard output; shared by `export` and `analyse --format`.
///
/// CSV to a file writes two files: `NAME.csv` (links) and `NAME-people.csv` (people); to a
/// device, FIFO or socket, the two tables one after the other, as on standard output.
func writeExport(
  _ format: ExportFormat, roster: Roster, analysis: SchoolAnalysis, parsed: ParsedArguments,
  io: CommandIO
) throws {
  let prefix = format == .csv ? csvTablePrefix(parsed) : ""
  if format == .graphml {
    // Hundreds of megabytes for a large roster: written piece by piece, never one String.
    let export = GraphMLExport(roster: roster, analysis: analysis)
    if let path = parsed.value("output"), path != "-" {
      try OutputFile.write(toPath: path, io: io, inputs: OutputFile.inputs(of: parsed)) {
        write in try export.write(write)
      }
    } else {
      export.write { io.print(String(decoding: $0, as: UTF8.self)) }
    }
    return
  }
  guard let path = parsed.value("output"), path != "-" else {
    io.print(prefix + format.render(roster: roster, analysis: analysis))
    return
  }
  // A device, FIFO or socket gets one stream, both tables as on standard output.
  if format == .csv && !OutputFile.isStream(path, io: io) {
    let csv = CSVExport(roster: roster, analysis: analysis)
    try OutputFile.write(
      prefix + csv.links(), toPath: path, io: io, inputs: OutputFile.inputs(of: parsed))
    try OutputFile.write(
      prefix + csv.people(), toPath: peopleTablePath(for: path), io: io,
      inputs: OutputFile.inputs(of: parsed))
  } else {
    try OutputFile.write(
      prefix + format.render(roster: roster, analysis: analysis), toPath: path, io: io,
      inputs: OutputFile.inputs(of: parsed))
  }
}

/// `links.csv` → `links-people.csv`; `out` → `out-people.csv`.
func peopleTablePath(for path: String) -> String {
  let url = URL(fileURLWithPath: path)
  let ext = url.pathExtension
  guard !ext.isEmpty else { return path + "-people.csv" }
  let stem = String(path.dropLast(ext.count + 1))
  return stem + "-people." + ext
}

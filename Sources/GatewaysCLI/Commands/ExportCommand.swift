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
      with =, +, - or @ are neutralised with a leading '. See Documentation/Reports.md.
      """,
    options: rosterOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "dot, mermaid, graphml or csv."),
      OptionSpec("output", short: "o", value: "FILE", help: "Write to FILE instead of stdout."),
    ],
    positionalCount: 1...1
  ) { parsed, io in
    guard parsed.has("format") else {
      throw CommandFailure.usage(
        command: "export", message: "missing --format (dot, mermaid, graphml or csv)")
    }
    let name = try outputFormat(parsed, allowed: ExportFormat.allCases.map(\.rawValue))
    guard let format = ExportFormat(rawValue: name) else {
      throw CommandFailure.usage(command: "export", message: "unknown --format '\(name)'")
    }
    let roster = try loadRoster(parsed, io: io)
    try writeExport(
      format, roster: roster, analysis: Analyser().analyse(roster), parsed: parsed, io: io)
    return ExitCode.success
  }
}

/// Writes an export to `--output` or standard output; shared by `export` and `analyse --format`.
///
/// CSV to a file writes two files: `NAME.csv` (links) and `NAME-people.csv` (people); to a
/// device, FIFO or socket, the two tables one after the other, as on standard output.
func writeExport(
  _ format: ExportFormat, roster: Roster, analysis: SchoolAnalysis, parsed: ParsedArguments,
  io: CommandIO
) throws {
  guard let path = parsed.value("output"), path != "-" else {
    io.print(format.render(roster: roster, analysis: analysis))
    return
  }
  // A device, FIFO or socket gets one stream, both tables as on standard output.
  if format == .csv && !OutputFile.isStream(path, io: io) {
    let csv = CSVExport(roster: roster, analysis: analysis)
    try OutputFile.write(csv.links(), toPath: path, io: io, inputs: OutputFile.inputs(of: parsed))
    try OutputFile.write(
      csv.people(), toPath: peopleTablePath(for: path), io: io,
      inputs: OutputFile.inputs(of: parsed))
  } else {
    try OutputFile.write(
      format.render(roster: roster, analysis: analysis), toPath: path, io: io,
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

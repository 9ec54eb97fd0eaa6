import Foundation
import GatewaysKit

extension CommandSpec {
  /// `gateways export`: the network for Graphviz, Mermaid, Gephi or a spreadsheet.
  static let export = CommandSpec(
    name: "export",
    abstract: "Export the network as DOT, Mermaid, GraphML or CSV tables.",
    usage: "export --format dot|mermaid|graphml|csv [OPTIONS] ROSTER [-o FILE]",
    discussion: """
      dot: the team network for Graphviz. mermaid: a flowchart for Markdown pages. graphml: \
      people and teams as two node types with their attributes, for Gephi, yEd or Cytoscape. \
      csv: two tables, team links and people; on standard output they are separated by an \
      empty line, with -o FILE.csv they go to FILE.csv and FILE-people.csv. Cells that start \
      with =, +, - or @ are neutralised with a leading '. See Documentation/Reports.md.
      """,
    options: rosterOptions + [
      OptionSpec("format", short: "f", value: "FORMAT", help: "dot, mermaid, graphml or csv."),
      OptionSpec("output", short: "o", value: "FILE", help: "Write to FILE instead of stdout."),
    ],
    positionalCount: 1...1
  ) { parsed, io in
    guard let name = parsed.value("format") else {
      throw CommandFailure.usage(
        command: "export", message: "missing --format (dot, mermaid, graphml or csv)")
    }
    guard let format = ExportFormat(rawValue: name.lowercased()) else {
      throw CommandFailure.usage(
        command: "export", message: "--format must be dot, mermaid, graphml or csv, not '\(name)'")
    }
    let roster = try loadRoster(parsed, io: io)
    try writeExport(format, roster: roster, parsed: parsed, io: io)
    return ExitCode.success
  }
}

/// Writes an export to `--output` or standard output; shared by `export` and `analyse --format`.
///
/// CSV to a file writes two files: `NAME.csv` (links) and `NAME-people.csv` (people).
func writeExport(
  _ format: ExportFormat, roster: Roster, parsed: ParsedArguments, io: CommandIO
) throws {
  let analysis = Analyser().analyse(roster)
  guard let path = parsed.value("output"), path != "-" else {
    io.print(format.render(roster: roster, analysis: analysis))
    return
  }
  if format == .csv {
    let csv = CSVExport(roster: roster, analysis: analysis)
    try writeOutputFile(csv.links(), toPath: path, io: io, inputs: parsed.positionals)
    try writeOutputFile(
      csv.people(), toPath: peopleTablePath(for: path), io: io, inputs: parsed.positionals)
  } else {
    try writeOutputFile(
      format.render(roster: roster, analysis: analysis), toPath: path, io: io,
      inputs: parsed.positionals)
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

/// Writes text to a file atomically (a temporary file beside it, then renamed), refusing to
/// overwrite one of the command's inputs.
///
/// - Throws: ``CommandFailure/usage(command:message:)`` when `path` is an input,
///   ``CommandFailure/write(_:)`` when the file cannot be written.
func writeOutputFile(_ text: String, toPath path: String, io: CommandIO, inputs: [String]) throws {
  let url = io.url(forPath: path).standardizedFileURL.resolvingSymlinksInPath()
  for input in inputs where input != "-" {
    if io.url(forPath: input).standardizedFileURL.resolvingSymlinksInPath() == url {
      throw CommandFailure.usage(
        command: nil, message: "refusing to overwrite the input \(input) with the output")
    }
  }
  do {
    try Data(text.utf8).write(to: url, options: .atomic)
  } catch {
    throw CommandFailure.write("cannot write \(path): \(error.localizedDescription)")
  }
}

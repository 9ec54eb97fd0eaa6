import Foundation
import GatewaysKit

/// The options every command that reads a roster accepts.
let rosterOptions: [OptionSpec] = [
  OptionSpec(
    "input-format", value: "FORMAT",
    help: "csv or json (default: from the extension; for '-', json if it starts with '{')."),
  OptionSpec(
    "deeps", value: "FILE",
    help: "Group the gateways into deeps as FILE says (CSV gateway,deep or a JSON object)."),
]

/// Reads the roster named by the first positional argument (`-` for standard input), with the
/// `--input-format` and `--deeps` options.
///
/// Warnings are printed to standard error as `gateways: warning: ...`. When the roster (or the
/// deeps file) has errors, throws ``CommandFailure/input(_:)`` with every diagnostic line, so the
/// dispatcher prints them and exits 2.
func loadRoster(_ parsed: ParsedArguments, io: CommandIO) throws -> Roster {
  var format: RosterFormat?
  if let name = parsed.value("input-format") {
    guard let given = RosterFormat(rawValue: name.lowercased()) else {
      throw CommandFailure.usage(
        command: nil, message: "--input-format must be csv or json, not '\(name)'")
    }
    format = given
  }
  var deeps: DeepMapping?
  if let path = parsed.value("deeps") {
    let data: Data
    do {
      data = try Data(contentsOf: io.url(forPath: path))
    } catch {
      throw CommandFailure.input([
        Diagnostic(.error, file: path, message: "cannot read the --deeps file; check the path")
          .description
      ])
    }
    do {
      deeps = try DeepMappingFile.read(data, fileName: path)
    } catch {
      throw CommandFailure.input(error.diagnostics.map(\.description))
    }
  }
  guard let path = parsed.positionals.first else {
    throw CommandFailure.usage(command: nil, message: "missing ROSTER argument")
  }
  let reader = RosterReader(deepsOverride: deeps)
  let roster: Roster
  do {
    if path == "-" {
      let data = io.readStandardInput()
      let sniffed: RosterFormat =
        data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
          == UInt8(ascii: "{") ? .json : .csv
      roster = try reader.read(data, fileName: "<stdin>", format: format ?? sniffed)
    } else {
      roster = try reader.read(contentsOf: io.url(forPath: path), displayName: path, format: format)
    }
  } catch {
    throw CommandFailure.input(error.diagnostics.map(\.description))
  }
  let limit = RosterError.maximumErrors
  for warning in roster.warnings.prefix(limit) { io.printError("gateways: \(warning)\n") }
  if roster.warnings.count > limit {
    io.printError("gateways: warning: \(roster.warnings.count - limit) more warnings not shown\n")
  }
  return roster
}

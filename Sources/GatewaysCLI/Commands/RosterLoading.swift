import Foundation
import GatewaysKit

/// The options every command that reads a roster accepts.
let rosterOptions: [OptionSpec] = [
  OptionSpec(
    "input-format", value: "FORMAT",
    help:
      "csv, json or xlsx (default: from the extension; for '-', from the first bytes)."),
  OptionSpec(
    "sheet", value: "NAME",
    help: "For an .xlsx workbook: read the sheet NAME (default: the first)."),
  OptionSpec(
    "deeps", value: "FILE",
    help: "Group the gateways into deeps as FILE says (CSV gateway,deep or a JSON object)."),
  OptionSpec(
    "pseudonymise", help: "Replace staff ids and names by pseudonyms (Staff-7F3A2C); empty roles."),
  OptionSpec(
    "pseudonym-key", value: "KEY",
    help: "The secret that makes pseudonyms the same in every run (implies --pseudonymise)."),
  OptionSpec(
    "pseudonym-key-file", value: "FILE",
    help: "Read the pseudonym key from FILE (kept out of the shell history and process list)."),
  OptionSpec(
    "pseudonymise-teams", help: "Replace team ids and names too (implies --pseudonymise)."),
  OptionSpec(
    "max-file-size", value: "BYTES",
    help: "Refuse a larger input (default 1G; K, M and G suffixes)."),
  OptionSpec(
    "max-line-length", value: "BYTES",
    help: "Refuse a CSV line or field longer than this (default 64K)."),
  OptionSpec("max-fields", value: "N", help: "Refuse a CSV row with more fields (default 1000)."),
  OptionSpec(
    "columns", value: "MAP",
    help: "Name the headers of columns: \"staff_id=Staff Code,role=Post\" (others by synonym)."),
  OptionSpec(
    "columns-file", value: "FILE", help: "Read such a mapping from FILE (one column=Header a line)."
  ),
  OptionSpec("layout", value: "LAYOUT", help: "long, list or grid (default: detected)."),
  OptionSpec(
    "delimiter", value: "SEP", help: "comma, semicolon or tab between columns (default: detected)."
  ),
  OptionSpec(
    "encoding", value: "ENC", help: "utf-8, utf-16 or windows-1252 (default: detected)."),
  OptionSpec("exact-ids", help: "Keep ids that differ only in case apart (default: one id)."),
  OptionSpec(
    "school", value: "NAME",
    help: "For a trust's roster (a school column, or several files): use the school NAME alone."),
]

/// Reads the roster named by the first positional argument (`-` for standard input), with the
/// options in ``rosterOptions``, and pseudonymises it when asked.
///
/// Warnings are printed to standard error as `gateways: warning: ...`. When the roster (or the
/// deeps file) has errors, throws ``CommandFailure/input(_:)`` with every diagnostic line, so the
/// dispatcher prints them and exits 2.
///
/// `printWarnings: false` is for a command whose own output lists the warnings and goes to
/// standard output (the text of `analyse`), so each warning is said once a run.
func loadRoster(_ parsed: ParsedArguments, io: CommandIO, printWarnings: Bool = true) throws
  -> Roster
{
  let (roster, pseudonymiser) = try loadRosterAndPseudonymiser(
    parsed, io: io, printWarnings: printWarnings)
  return pseudonymiser?.apply(to: roster) ?? roster
}

/// Reads the roster as ``loadRoster(_:io:)`` does, but returns it with its real ids, together
/// with the pseudonymiser the options ask for: for commands that must work on the real roster
/// (so that hiding names changes nothing but the names) and pseudonymise what they print.
///
/// `reading` is the roster already read (``readSchools(_:reader:format:io:)``), if it was.
func loadRosterAndPseudonymiser(
  _ parsed: ParsedArguments, io: CommandIO, printWarnings: Bool = true,
  reading: SchoolsReading? = nil
) throws -> (Roster, Pseudonymiser?) {
  io.enterPhase("reading", fraction: 0)
  defer { io.enterPhase("analysing", fraction: 0.4) }
  let (reader, format) = try rosterReader(parsed, io: io)
  let pseudonymiser = try pseudonymiser(parsed, io: io)
  guard let path = parsed.positionals.first else {
    throw CommandFailure.usage(command: nil, message: "missing ROSTER argument")
  }
  // A trust's roster gives the school --school names (see TrustLoading.swift).
  let roster = try oneSchool(
    of: reading ?? readSchools([path], reader: reader, format: format, io: io), parsed: parsed)
  printReadingWarnings(roster.warnings, io: io, printWarnings: printWarnings)
  return (roster, pseudonymiser)
}

/// Prints a roster's warnings to standard error (at most ``RosterError/maximumErrors``), or
/// none when the command's own output lists them.
func printReadingWarnings(_ warnings: [Diagnostic], io: CommandIO, printWarnings: Bool) {
  let limit = printWarnings ? RosterError.maximumErrors : 0
  for warning in warnings.prefix(limit) { io.printError("gateways: \(warning)\n") }
  if printWarnings && warnings.count > limit {
    io.printError("gateways: warning: \(warnings.count - limit) more warnings not shown\n")
  }
}

/// The reader the options ask for (limits, deeps, columns, layout, sheet), and the format
/// `--input-format` gives.
func rosterReader(_ parsed: ParsedArguments, io: CommandIO) throws -> (
  RosterReader, RosterFormat?
) {
  var format: RosterFormat?
  if let name = parsed.value("input-format") {
    guard let given = RosterFormat(rawValue: name.lowercased()) else {
      throw CommandFailure.usage(
        command: nil, message: "--input-format must be csv, json or xlsx, not '\(name)'")
    }
    format = given
  }
  let limits = try rosterLimits(parsed)
  var deeps: DeepMapping?
  if let path = parsed.value("deeps") {
    do {
      let data = try RosterReader.contents(
        of: io.url(forPath: path), displayName: path, limit: limits.maximumFileBytes)
      deeps = try DeepMappingFile.read(data, fileName: path)
    } catch {
      throw CommandFailure.input(error.diagnostics.map(\.description))
    }
  }
  var reader = RosterReader(
    deepsOverride: deeps, limits: limits, options: try readOptions(parsed, io: io))
  reader.sheetName = parsed.value("sheet")
  return (reader, format)
}

/// The suggestion options' ids for a pseudonymised run: the plan is worked out on the real
/// roster and reported in pseudonyms; `--exclude` ids given as pseudonyms are mapped back.
func reportInPseudonyms(
  _ options: inout SuggestionOptions, roster: Roster, pseudonymiser: Pseudonymiser
) {
  let renaming = pseudonymiser.renaming(for: roster)
  options.reportedIDs = renaming
  var realID: [String: String] = [:]
  for (real, pseudonym) in renaming.staff { realID[pseudonym] = real }
  options.excluded = Set(options.excluded.map { realID[$0] ?? $0 })
}

/// The pseudonymiser the options ask for, or `nil` when the output names people as they are.
///
/// `--pseudonym-key` or `--pseudonym-key-file` gives the key (and implies `--pseudonymise`);
/// without either, a random key is drawn for this run alone.
func pseudonymiser(_ parsed: ParsedArguments, io: CommandIO) throws -> Pseudonymiser? {
  let teams = parsed.has("pseudonymise-teams")
  var key: [UInt8]?
  if let text = parsed.value("pseudonym-key") {
    key = Array(text.utf8)
  }
  if let path = parsed.value("pseudonym-key-file") {
    guard key == nil else {
      throw CommandFailure.usage(
        command: nil, message: "give --pseudonym-key or --pseudonym-key-file, not both")
    }
    guard
      let data = try? RosterReader.contents(
        of: io.url(forPath: path), displayName: path, limit: 1 << 20)
    else {
      throw CommandFailure.input([
        Diagnostic(.error, file: path, message: "cannot read the --pseudonym-key-file")
          .description
      ])
    }
    var bytes = Array(data)
    while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    key = bytes
  }
  if let given = key, given.isEmpty {
    throw CommandFailure.usage(command: nil, message: "the pseudonym key is empty; give a secret")
  }
  guard parsed.has("pseudonymise") || teams || key != nil else { return nil }
  return Pseudonymiser(key: key ?? Pseudonymiser.randomKey(), pseudonymiseTeams: teams)
}

/// The reading choices given by `--columns`, `--columns-file`, `--layout`, `--delimiter`,
/// `--encoding` and `--exact-ids`.
func readOptions(_ parsed: ParsedArguments, io: CommandIO) throws -> RosterReadOptions {
  var options = RosterReadOptions()
  options.exactIDs = parsed.has("exact-ids")
  do throws(RosterError) {
    if let path = parsed.value("columns-file") {
      let data = try RosterReader.contents(
        of: io.url(forPath: path), displayName: path, limit: 1 << 20)
      try options.addColumns(String(decoding: data, as: UTF8.self), source: path)
    }
    if let text = parsed.value("columns") { try options.addColumns(text) }
  } catch {
    throw CommandFailure.input(error.diagnostics.map(\.description))
  }
  if let name = parsed.value("layout") {
    guard let layout = RosterLayout(rawValue: name.lowercased()) else {
      throw CommandFailure.usage(
        command: nil, message: "--layout must be long, list or grid, not '\(name)'")
    }
    options.layout = layout
  }
  if let name = parsed.value("delimiter") {
    guard let delimiter = RosterDelimiter(name: name) else {
      throw CommandFailure.usage(
        command: nil, message: "--delimiter must be comma, semicolon or tab, not '\(name)'")
    }
    options.delimiter = delimiter
  }
  if let name = parsed.value("encoding") {
    guard let encoding = TextEncoding(name: name) else {
      throw CommandFailure.usage(
        command: nil, message: "--encoding must be utf-8, utf-16 or windows-1252, not '\(name)'")
    }
    options.encoding = encoding
  }
  return options
}

/// The limits given by `--max-file-size`, `--max-line-length` and `--max-fields`.
func rosterLimits(_ parsed: ParsedArguments) throws -> RosterLimits {
  var limits = RosterLimits()
  if let text = parsed.value("max-file-size") {
    limits.maximumFileBytes = try byteCount(text, option: "max-file-size")
  }
  if let text = parsed.value("max-line-length") {
    limits.maximumLineBytes = try byteCount(text, option: "max-line-length")
  }
  if let text = parsed.value("max-fields") {
    guard let count = Int(text), count >= 1 else {
      throw CommandFailure.usage(
        command: nil, message: "--max-fields takes a whole number of at least 1, not '\(text)'")
    }
    limits.maximumFields = count
  }
  return limits
}

/// A byte count such as `4096`, `64K`, `8M` or `1G` (powers of 1024).
func byteCount(_ text: String, option: String) throws -> Int {
  let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
  var digits = Substring(text.trimmingCharacters(in: .whitespaces))
  var multiplier = 1
  if let last = digits.last?.uppercased().first, let factor = multipliers[last] {
    multiplier = factor
    digits = digits.dropLast()
  }
  guard let number = Int(digits), number >= 1,
    case (let bytes, let overflow) = number.multipliedReportingOverflow(by: multiplier), !overflow
  else {
    throw CommandFailure.usage(
      command: nil,
      message:
        "--\(option) takes a size in bytes of at least 1 (e.g. 65536, 64K, 8M), not '\(text)'"
    )
  }
  return bytes
}

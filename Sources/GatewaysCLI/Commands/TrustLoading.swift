import Foundation
import GatewaysKit

/// Reads the rosters the paths name (`-` for standard input, a folder for every roster file in
/// it), as one school or as a trust (``RosterReader/readSchools(_:)``).
func readSchools(
  _ paths: [String], reader: RosterReader, format: RosterFormat?, io: CommandIO
) throws -> SchoolsReading {
  let limit = reader.limits.maximumFileBytes
  var files: [(bytes: RosterBytes, fileName: String, format: RosterFormat)] = []
  var sawFolder = false
  do throws(RosterError) {
    for path in paths {
      if path == "-" {
        guard let data = try io.readStandardInput(limit: limit) else {
          throw RosterReader.tooLarge("<stdin>", limit: limit)
        }
        let sniffed: RosterFormat =
          Workbook.looksLikeWorkbook(data)
          ? .xlsx
          : data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            == UInt8(ascii: "{") ? .json : .csv
        files.append((RosterBytes(data), "<stdin>", format ?? sniffed))
        continue
      }
      let url = io.url(forPath: path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        isFolder.boolValue
      {
        sawFolder = true
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let rosters = names.filter {
          !$0.hasPrefix(".") && RosterFormat(fileExtension: ($0 as NSString).pathExtension) != nil
        }.sorted { $0.precedesInBytes($1) }
        if rosters.isEmpty {
          throw RosterError(diagnostics: [
            Diagnostic(
              .error, file: path,
              message: "the folder has no roster files (.csv, .txt, .tsv, .json or .xlsx)")
          ])
        }
        for name in rosters {
          let shown = (path as NSString).appendingPathComponent(name)
          let data = try RosterReader.bytes(
            of: url.appendingPathComponent(name), displayName: shown, limit: limit)
          files.append(
            (
              data, shown,
              format ?? RosterFormat(fileExtension: (name as NSString).pathExtension) ?? .csv
            ))
        }
        continue
      }
      guard let fileFormat = format ?? RosterFormat(fileExtension: url.pathExtension) else {
        // The reader words this error (no extension, or an unknown one).
        _ = try reader.read(contentsOf: url, displayName: path, format: nil)
        continue
      }
      files.append(
        (try RosterReader.bytes(of: url, displayName: path, limit: limit), path, fileFormat))
    }
    // The files of a folder are schools, even one alone. The bytes are handed over, so the
    // reader lets each file's go once its rows are read.
    let namedByFile = files.count > 1 || sawFolder
    return try reader.readSchools(bytes: consume files, namedByFile: namedByFile)
  } catch {
    throw CommandFailure.input(error.diagnostics.map(\.description))
  }
}

/// One school's roster: the roster itself, or the school `--school` names in a trust.
func oneSchool(of reading: SchoolsReading, parsed: ParsedArguments) throws -> Roster {
  switch reading {
  case .school(let roster):
    if let name = parsed.value("school") {
      throw CommandFailure.usage(
        command: nil,
        message: "--school '\(name)' is for a trust's roster, but this roster has no school column")
    }
    return roster
  case .trust(let trust):
    guard let name = parsed.value("school") else {
      throw CommandFailure.usage(
        command: nil,
        message:
          "the roster holds \(trust.schools.count) schools (a school column, or several files); "
          + "give --school NAME to use one of them (`gateways analyse`, `check`, `suggest` and "
          + "`compare` work on every school)")
    }
    return try school(named: name, in: trust).roster
  }
}

/// The school of a trust that `name` names (ignoring case when no school has it exactly).
func school(named name: String, in trust: TrustRoster) throws -> TrustRoster.School {
  if let school = trust.schools.first(where: { $0.name == name })
    ?? trust.schools.first(where: { $0.name.lowercased() == name.lowercased() })
  {
    return school
  }
  let names = trust.schools.prefix(10).map(\.name).joined(separator: ", ")
  throw CommandFailure.usage(
    command: nil,
    message:
      "--school '\(name)' names no school of the roster; its schools: \(names)"
      + (trust.schools.count > 10 ? " and \(trust.schools.count - 10) more" : ""))
}

/// Reads every roster argument (files, folders, `-`) as ``loadRoster(_:io:printWarnings:)``
/// reads one: a single school (pseudonymised when asked), the school `--school` names, or the
/// whole trust. Prints the warnings unless `printWarnings` is false (for a single school whose
/// report lists them); a trust's are always printed, each once.
func loadSchools(_ parsed: ParsedArguments, io: CommandIO, printWarnings: Bool) throws
  -> SchoolsReading
{
  let read = try readSchoolOrTrust(
    parsed, io: io, printWarnings: printWarnings, command: nil,
    aggregateHint: "--aggregate for a summary that names no one")
  switch read {
  case .trust(let trust): return .trust(trust)
  case .school(let roster, let pseudonymiser):
    return .school(pseudonymiser?.apply(to: roster) ?? roster)
  }
}

/// The roster arguments read as one school, with the pseudonymiser the options ask for (not
/// yet applied), or as a whole trust (a school column, several files, a folder) unless
/// `--school` names one of its schools; `command` and `aggregateHint` word the usage error for
/// `--pseudonymise` on a trust. A single school's warnings are printed unless `printWarnings`
/// is false; a trust's are always printed, each once.
func readSchoolOrTrust(
  _ parsed: ParsedArguments, io: CommandIO, printWarnings: Bool, command: String?,
  aggregateHint: String
) throws -> ReportInput {
  io.enterPhase("reading", fraction: 0)
  defer { io.enterPhase("analysing", fraction: 0.4) }
  let (reader, format) = try rosterReader(parsed, io: io)
  let pseudonymiser = try pseudonymiser(parsed, io: io)
  let reading = try readSchools(parsed.positionals, reader: reader, format: format, io: io)
  if case .trust(let trust) = reading, parsed.value("school") == nil {
    guard pseudonymiser == nil else {
      throw CommandFailure.usage(
        command: command,
        message: "--pseudonymise reads one school; give --school NAME (or \(aggregateHint))")
    }
    printTrustWarnings(trust, io: io)
    return .trust(trust)
  }
  let roster = try oneSchool(of: reading, parsed: parsed)
  printReadingWarnings(roster.warnings, io: io, printWarnings: printWarnings)
  return .school(roster, pseudonymiser)
}

/// Prints a trust's reading warnings, each once: its schools' warnings, then the trust's own.
func printTrustWarnings(_ trust: TrustRoster, io: CommandIO) {
  var seen = Set<String>()
  let warnings = (trust.schools.flatMap(\.roster.warnings) + trust.warnings).filter {
    seen.insert($0.description).inserted
  }
  printReadingWarnings(warnings, io: io, printWarnings: true)
}

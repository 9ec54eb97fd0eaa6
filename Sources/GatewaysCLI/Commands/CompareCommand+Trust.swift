import Foundation
import GatewaysKit

/// Every term's roster of `compare` (each a roster file, a folder of school files, or `-`), in
/// order: the files loaded one after another, then read at the same time on the cores
/// (``RosterComparison/readTerms(_:reader:)``). The error is the one reading them in order
/// would give first: a term's own, or else that of the first file that could not be loaded.
func readCompareTerms(_ paths: [String], parsed: ParsedArguments, io: CommandIO) throws
  -> [SchoolsReading]
{
  let (reader, format) = try rosterReader(parsed, io: io)
  var loaded: [RosterFiles] = []
  var loadFailure: (any Error)?
  for path in paths {
    do {
      loaded.append(try rosterFiles([path], reader: reader, format: format, io: io))
    } catch {
      loadFailure = error
      break
    }
  }
  let readings = RosterComparison.readTerms(
    loaded.map { ($0.files, $0.namedByFile) }, reader: reader)
  var result: [SchoolsReading] = []
  for reading in readings {
    switch reading {
    case .success(let reading): result.append(reading)
    case .failure(let error): throw CommandFailure.input(error.diagnostics.map(\.description))
    }
  }
  if let loadFailure { throw loadFailure }
  return result
}

/// The terms as trusts, when they are trusts' rosters and `--school` does not pick one school;
/// `nil` when they are single schools. A mix is a usage error.
func trustTerms(_ readings: [SchoolsReading], paths: [String], parsed: ParsedArguments) throws
  -> [TrustRoster]?
{
  guard parsed.value("school") == nil else { return nil }
  let trusts = readings.compactMap { reading -> TrustRoster? in
    if case .trust(let trust) = reading { return trust }
    return nil
  }
  if trusts.isEmpty { return nil }
  guard trusts.count == readings.count else {
    let single =
      zip(paths, readings).first { _, reading in
        if case .school = reading { return true }
        return false
      }?.0 ?? "?"
    throw CommandFailure.usage(
      command: "compare",
      message:
        "\(single) is one school's roster (no school column) but the others are a trust's; give "
        + "every term as a trust (a school column, or a folder of school files), or --school NAME")
  }
  return trusts
}

/// The `--plan` file: one school's plan, or a trust's (`suggest TRUST --format json`, one plan
/// per school), read into a plan per school name.
func comparePlans(_ parsed: ParsedArguments, io: CommandIO) throws -> (
  SuggestedPlan?, [String: SuggestedPlan]?
) {
  guard let path = parsed.value("plan") else { return (nil, nil) }
  do {
    let limits = try rosterLimits(parsed)
    let data = try RosterReader.contents(
      of: io.url(forPath: path), displayName: path, limit: limits.maximumFileBytes)
    guard
      let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let schools = document["schools"] as? [[String: Any]]
    else {
      return (try SuggestedPlan.read(data, fileName: path), nil)
    }
    var plans: [String: SuggestedPlan] = [:]
    for var entry in schools {
      guard let name = entry.removeValue(forKey: "school") as? String else { continue }
      let own = try JSONSerialization.data(withJSONObject: entry)
      plans[name] = try SuggestedPlan.read(own, fileName: "\(path) (school \(name))")
    }
    return (nil, plans)
  } catch let error as RosterError {
    throw CommandFailure.input(error.diagnostics.map(\.description))
  }
}

/// `gateways compare` on trusts' rosters: school by school, with the trust table of changes.
func compareTrusts(
  _ trusts: [TrustRoster], labels: [String], analyser: Analyser,
  plans: [String: SuggestedPlan]?, parsed: ParsedArguments, io: CommandIO
) throws -> Int32 {
  let format = try outputFormat(parsed, allowed: ["text", "json", "html"])
  guard
    !(parsed.has("pseudonymise") || parsed.has("pseudonymise-teams")
      || parsed.value("pseudonym-key") != nil || parsed.value("pseudonym-key-file") != nil)
  else {
    throw CommandFailure.usage(
      command: "compare", message: "--pseudonymise reads one school; give --school NAME")
  }
  var seen = Set<String>()
  for trust in trusts {
    let warnings = (trust.schools.flatMap(\.roster.warnings) + trust.warnings).filter {
      seen.insert($0.description).inserted
    }
    printReadingWarnings(warnings, io: io, printWarnings: true)
  }
  let comparison = TrustComparison(
    terms: Array(zip(labels, trusts)).map { (label: $0, trust: $1) }, target: analyser.target,
    plans: plans ?? [:])
  if let plans {
    let known = Set(trusts[0].schools.map(\.name))
    let unknown = plans.keys.filter { !known.contains($0) }.sorted()
    if !unknown.isEmpty {
      io.printError(
        "gateways: warning: the plan has schools \(labels[0]) does not have: "
          + unknown.prefix(10).joined(separator: ", ") + "\n")
    }
  }
  let output: String
  switch format {
  case "json": output = comparison.json()
  case "html": output = TrustComparisonPage(comparison: comparison).render()
  default:
    output = comparison.text(color: parsed.value("output") == nil && io.colorEnabled)
  }
  if let path = parsed.value("output"), path != "-" {
    try OutputFile.write(output, toPath: path, io: io, inputs: OutputFile.inputs(of: parsed))
  } else {
    io.print(output)
  }
  io.keepUntilExit(comparison)
  return ExitCode.success
}

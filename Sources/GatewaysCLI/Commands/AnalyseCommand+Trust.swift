import GatewaysKit

/// `gateways analyse` on a trust: the table of schools and the network, as text or JSON.
func analyseTrust(
  _ trust: TrustRoster, analyser: Analyser, format: String, failOn: [FailOnFinding],
  parsed: ParsedArguments, io: CommandIO
) throws -> Int32 {
  guard format == "text" || format == "json" else {
    throw CommandFailure.usage(
      command: "analyse",
      message:
        "--format \(format) draws one school's network; give --school NAME (a trust gives text "
        + "or json)")
  }
  let analysis = analyser.analyse(trust)
  if parsed.has("aggregate") {
    var size = TrustAggregate.defaultMinimumGroupSize
    if let text = parsed.value("min-group-size") {
      guard let value = Int(text), value >= 1 else {
        throw CommandFailure.usage(
          command: "analyse", message: "--min-group-size takes a whole number >= 1, not '\(text)'")
      }
      size = value
    }
    let summary = TrustAggregate(analysis, minimumGroupSize: size)
    try emit(format == "json" ? summary.json() : summary.text(), parsed: parsed, io: io)
    return ExitCode.success
  }
  let source = parsed.positionals.map { $0 == "-" ? "standard input" : $0 }.joined(
    separator: ", ")
  switch format {
  case "json":
    if let path = parsed.value("output"), path != "-" {
      try OutputFile.write(toPath: path, io: io, inputs: OutputFile.inputs(of: parsed)) {
        write in try analysis.writeJSON(write)
      }
    } else {
      analysis.writeJSON { io.print(String(decoding: $0, as: UTF8.self)) }
    }
  default:
    try emit(
      analysis.text(source: source, color: parsed.value("output") == nil && io.colorEnabled),
      parsed: parsed, io: io)
  }
  var found: [String] = []
  if var total = analysis.schools.first?.analysis.summary {
    (total.silos, total.islands, total.keyPeople) = (0, 0, 0)
    for school in analysis.schools {
      total.silos += school.analysis.summary.silos
      total.islands += school.analysis.summary.islands
      total.keyPeople += school.analysis.summary.keyPeople
    }
    found = failOn.compactMap { $0.found(in: total) }
  }
  if !found.isEmpty {
    io.printError("gateways: --fail-on: found \(found.joined(separator: ", ")) in the schools\n")
  }
  io.keepUntilExit(analysis)
  io.keepUntilExit(trust)
  return found.isEmpty ? ExitCode.success : ExitCode.findings
}

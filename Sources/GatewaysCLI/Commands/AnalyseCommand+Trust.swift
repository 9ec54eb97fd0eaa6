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
  if parsed.has("aggregate") {
    let analysis = analyser.analyse(trust)
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
  // JSON is written while the schools are analysed (each run of schools once it is done).
  var made: TrustAnalysis?
  switch format {
  case "json":
    if let path = parsed.value("output"), path != "-" {
      try OutputFile.write(toPath: path, io: io, inputs: OutputFile.inputs(of: parsed)) {
        write in made = try analyser.analyse(trust, writingJSON: write)
      }
    } else {
      made = analyser.analyse(trust) { io.print(String(decoding: $0, as: UTF8.self)) }
    }
  default:
    let analysis = analyser.analyse(trust)
    made = analysis
    try emit(
      analysis.text(source: source, color: parsed.value("output") == nil && io.colorEnabled),
      parsed: parsed, io: io)
  }
  guard let analysis = made else { preconditionFailure("the trust was not analysed") }
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

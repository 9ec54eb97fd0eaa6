import Foundation
import MembershipGraph

/// The usage text of `gateways-bench`.
let usage = """
  usage: gateways-bench generate --memberships N [--seed S] [--shape schools|network|trust]
                                  [--columns all|ids] --output FILE.csv
         gateways-bench run [--memberships N,N,...] [--file FILE.csv] [--seed S] [--repeats R]
         gateways-bench pipeline [--memberships N,N,...] [--shape schools,network,trust] [--seed S]
                                  [--commands analyse,report,...] [--repeats R]
                                  [--gateways PATH] [--time-limit S] [--memory-limit-mb MB]
         gateways-bench workbook --file FILE.xlsx [--repeats R]
         gateways-bench read --file FILE.csv [--halves on|off|both] [--repeats R]
         gateways-bench phases --file FILE.csv [--repeats R]
         gateways-bench plan --file FILE.csv [--repeats R]

  generate  writes a seeded roster as CSV: --shape schools (the default: many small separate
            schools) or network (one large connected group of teams with islands and silos
            around it) or trust (a national-like roster of many schools in one file, about
            125 memberships a school, with school, person_id and team_school columns);
            --columns all (the default: every column of the roster format
            filled) or ids (staff_id,team only).
  run       times parse, build, components, projection, articulation points + bridges,
            E-I and sampled betweenness (k = 64 pivots) and prints a markdown table.
            Default sizes: 1000,10000,100000,1000000 memberships. Each phase keeps the best
            of R runs (default 3 below 4 MB of CSV, else 1). Build with -c release.
  pipeline  times the whole product, one gateways process per command (analyse --format
            json, analyse, suggest, suggest --robust, report, export --format graphml,
            check) on each shape and size (default 10000,100000,1000000) with every column
            filled: wall time and peak RSS, against the targets. Uses the gateways binary
            beside this one (build both with -c release).
  workbook  times reading an .xlsx roster: the archive, inflating the first sheet, its cells,
            and the whole roster read (best of R runs, default 3).
  read      times the roster read alone, with the two-halves parallel read on, off or
            both (the default): wall and CPU time, best of R runs (default 3).
  phases    times, in one process, the read, the graph, the analysis, and the JSON, text
            and GraphML documents (written to nowhere): wall and CPU time of each, best of
            R runs (default 1).
  plan      times, in one process, the engine of suggest and suggest --robust (without the
            "before" and "after" figures), the "after" figures and the whole plan, best of R
            runs.
  """

/// The benchmark tool: returns the exit status.
func runBenchmarks(arguments: [String]) -> Int32 {
  do {
    guard let command = arguments.first else { throw BenchError.usage("missing command") }
    if command == "-h" || command == "--help" {
      print(usage)
      return 0
    }
    let options = try parseOptions(Array(arguments.dropFirst()))
    let seed = try UInt64(options["seed"] ?? "42").orThrow("--seed must be a number")
    switch command {
    case "generate":
      let count = try Int(options["memberships"] ?? "").orThrow("--memberships N is required")
      let output = try (options["output"]).orThrow("--output FILE is required")
      let shape = try RosterGenerator.Shape(rawValue: options["shape"] ?? "schools")
        .orThrow("--shape must be schools, network or trust")
      let columnsName = options["columns"] ?? "all"
      guard columnsName == "all" || columnsName == "ids" else {
        throw BenchError.usage("--columns must be all or ids")
      }
      let bytes = RosterGenerator.csv(
        memberships: count, seed: seed, shape: shape, columns: columnsName == "all" ? .all : .ids)
      if output == "-" {
        FileHandle.standardOutput.write(Data(bytes))
      } else {
        try Data(bytes).write(to: URL(fileURLWithPath: output))
      }
      return 0
    case "run":
      try runTable(options: options, seed: seed)
      return 0
    case "pipeline":
      try runPipeline(options: options, seed: seed)
      return 0
    case "workbook":
      try runWorkbook(options: options)
      return 0
    case "read":
      try runRead(options: options)
      return 0
    case "phases":
      try runPhases(options: options)
      return 0
    case "plan":
      try runPlanPhases(options: options)
      return 0
    default:
      throw BenchError.usage("unknown command '\(command)'")
    }
  } catch let error as BenchError {
    FileHandle.standardError.write(Data("gateways-bench: error: \(error)\n\(usage)\n".utf8))
    return 2
  } catch {
    FileHandle.standardError.write(Data("gateways-bench: error: \(error)\n".utf8))
    return 1
  }
}

/// `--name value` and `--name=value` options into a dictionary.
func parseOptions(_ arguments: [String]) throws -> [String: String] {
  var options: [String: String] = [:]
  var i = 0
  while i < arguments.count {
    let argument = arguments[i]
    guard argument.hasPrefix("--") else { throw BenchError.usage("unexpected '\(argument)'") }
    let body = argument.dropFirst(2)
    if let equals = body.firstIndex(of: "=") {
      options[String(body[..<equals])] = String(body[body.index(after: equals)...])
    } else if body == "robust" {
      options["robust"] = ""
    } else {
      guard i + 1 < arguments.count else { throw BenchError.usage("\(argument) needs a value") }
      options[String(body)] = arguments[i + 1]
      i += 1
    }
    i += 1
  }
  return options
}

extension Optional {
  /// The wrapped value, or a usage error.
  func orThrow(_ message: String) throws -> Wrapped {
    guard let value = self else { throw BenchError.usage(message) }
    return value
  }
}

/// Generates (or reads) each roster, measures it, and prints the table.
func runTable(options: [String: String], seed: UInt64) throws {
  var files: [String] = []
  if let file = options["file"] { files.append(file) }
  if options["file"] == nil || options["memberships"] != nil {
    let sizes = try (options["memberships"] ?? "1000,10000,100000,1000000")
      .split(separator: ",").map { try Int($0).orThrow("bad size '\($0)'") }
    let directory = FileManager.default.temporaryDirectory
    for size in sizes {
      let path = directory.appendingPathComponent("gateways-bench-\(size)-\(seed).csv").path
      let bytes = RosterGenerator.csv(memberships: size, seed: seed, columns: .ids)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
  }
  print(
    "| memberships | people | groups | parse | build | components | projection "
      + "| art. points + bridges | E-I | betweenness k=64 | core total | peak RSS |")
  print("|" + String(repeating: "---:|", count: 12))
  for file in files {
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    let repeats =
      try options["repeats"].map { try Int($0).orThrow("bad --repeats '\($0)'") }
      ?? (size < 4_000_000 ? 3 : 1)
    let m = try measure(file: file, repeats: repeats, pivots: 64, seed: seed)
    let peak = m.peakBytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "n/a"
    print(
      "| \(m.memberships) | \(m.people) | \(m.groups) | \(ms(m.parse)) | \(ms(m.build)) "
        + "| \(ms(m.components)) | \(ms(m.projection)) | \(ms(m.cuts)) | \(ms(m.eiIndex)) "
        + "| \(ms(m.betweenness)) | \(ms(m.core)) | \(peak) |")
    FileHandle.standardError.write(
      Data(
        ("  checks: components \(m.componentCount), links \(m.linkCount), "
          + "articulation points \(m.articulationPoints), bridges \(m.bridges)\n").utf8))
  }
}

/// A duration in milliseconds, two decimals.
func ms(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
  return String(format: "%.2f ms", value)
}

import Foundation
import GatewaysKit

/// `gateways-bench pipeline`: times the whole product on one roster file, phase by phase, as
/// `gateways analyse --format json` and `gateways suggest` run it: read (RosterReader), analyse
/// (Analyser, betweenness included), JSON (the analysis serialised), suggest (Suggester, the
/// connect step; `--robust` adds the strengthen step).
func runPipeline(options: [String: String], seed: UInt64) throws {
  var files: [String] = []
  if let file = options["file"] { files.append(file) }
  if options["file"] == nil || options["memberships"] != nil {
    let sizes = try (options["memberships"] ?? "1000,10000,100000,1000000")
      .split(separator: ",").map { try Int($0).orThrow("bad size '\($0)'") }
    for size in sizes {
      let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("gateways-pipeline-\(size)-\(seed).csv").path
      let bytes = RosterGenerator.csv(memberships: size, seed: seed)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
  }
  let robust = options["robust"] != nil
  // `--halves off` reads every file row by row (`--halves on`, the default, lets files of 1 MB
  // or more be read in two halves), to measure what the parallel read buys.
  var reader = RosterReader(limits: RosterLimits(maximumFileBytes: 1 << 30))
  if options["halves"] == "off" { reader.halvesThreshold = .max }
  print(
    "| memberships | staff | teams | components | read | analyse | JSON | analyse total "
      + "| suggest\(robust ? " --robust" : "") | additions | peak RSS |")
  print("|" + String(repeating: "---:|", count: 11))
  for file in files {
    resetPeakResident()
    let url = URL(fileURLWithPath: file)
    var readError: RosterError?
    let (roster, read) = timed { () -> Roster? in
      do {
        return try reader.read(contentsOf: url, displayName: file, format: .csv)
      } catch let error as RosterError {
        readError = error
        return nil
      } catch {
        return nil
      }
    }
    guard let roster else {
      throw BenchError.usage("\(file) did not read: \(readError?.diagnostics.first?.message ?? "")")
    }
    let (analysis, analyse) = timed { Analyser().analyse(roster) }
    // As `analyse --format json` makes it: in pieces, never joined (counted here, not written).
    let (jsonBytes, serialise) = timed { () -> Int in
      var count = 0
      analysis.writeJSON { count += $0.count }
      return count
    }
    var options = SuggestionOptions()
    options.robust = robust
    let (plan, suggest) = timed { Suggester(options: options).plan(for: roster) }
    let peak =
      peakResidentBytes().map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "n/a"
    let cells: [String] = [
      "\(roster.membershipCount)", "\(roster.staff.count)", "\(roster.teams.count)",
      "\(analysis.components.count)", ms(read), ms(analyse), ms(serialise),
      ms(read + analyse + serialise), ms(suggest), "\(plan.additions.count)", peak,
    ]
    print("| " + cells.joined(separator: " | ") + " |")
    if jsonBytes == 0 { print("(empty JSON)") }
  }
}

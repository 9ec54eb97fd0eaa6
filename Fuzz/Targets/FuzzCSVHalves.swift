// libFuzzer target, differential: a CSV roster read in two halves (the path large files take)
// must give exactly what reading it row by row gives. Built by Scripts/fuzz.sh.
import Foundation
import GatewaysKit

/// Everything a read gives: the roster's content, or every diagnostic.
func outcome(_ data: Data, halvesThreshold: Int) -> String {
  var reader = RosterReader()
  reader.halvesThreshold = halvesThreshold
  do {
    let roster = try reader.read(data, fileName: "fuzz.csv", format: .csv)
    return "\(roster.staff)\n\(roster.teams)\n\(roster.memberPositions)\n"
      + "\(roster.warnings.map(\.description))"
  } catch {
    return "\(error.diagnostics.map(\.description))"
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVHalves(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let halves = outcome(data, halvesThreshold: 0)
  let rows = outcome(data, halvesThreshold: .max)
  if halves != rows {
    fatalError("the halves and the row-by-row reader disagree:\n\(halves)\n---\n\(rows)")
  }
  return 0
}

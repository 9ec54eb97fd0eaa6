// libFuzzer target: the layouts (long, list, grid) and the header map, each forced and
// detected, with and without --exact-ids; for each, reading in two halves must give what reading
// row by row gives. Built by Scripts/fuzz.sh, not by `swift build`.
import Foundation
import GatewaysKit

/// Everything a read gives: the roster's content and how it was read, or every diagnostic.
func outcome(_ data: Data, options: RosterReadOptions, halvesThreshold: Int) -> String {
  var reader = RosterReader(options: options)
  reader.halvesThreshold = halvesThreshold
  do {
    let roster = try reader.read(data, fileName: "fuzz.csv", format: .csv)
    return "\(roster.staff)\n\(roster.teams)\n\(roster.memberPositions)\n"
      + "\(String(describing: roster.reading))\n\(roster.warnings.map(\.description))"
  } catch {
    return "\(error.diagnostics.map(\.description))"
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayouts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  // The first byte picks the options, so the fuzzer can explore each.
  let choice = data.first ?? 0
  var options = RosterReadOptions()
  options.layout = [nil, .long, .list, .grid][Int(choice & 3)]
  options.exactIDs = choice & 4 != 0
  if choice & 8 != 0 { try? options.addColumns("staff_id=Code,team=Club") }
  let halves = outcome(data, options: options, halvesThreshold: 0)
  let rows = outcome(data, options: options, halvesThreshold: .max)
  if halves != rows {
    fatalError("the halves and the row-by-row reader disagree:\n\(halves)\n---\n\(rows)")
  }
  return 0
}

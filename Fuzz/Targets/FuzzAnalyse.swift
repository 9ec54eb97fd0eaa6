// libFuzzer target: the whole analyse pipeline (read, analyse, JSON and text output, and the
// pseudonymised roster). Built by Scripts/fuzz.sh.
import Foundation
import GatewaysKit

/// Reads the bytes as a roster (JSON when the first byte is `{`, CSV otherwise), analyses it
/// and renders both reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyse(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let format: RosterFormat = data.first == UInt8(ascii: "{") ? .json : .csv
  guard let roster = try? RosterReader().read(data, fileName: "fuzz", format: format) else {
    return 0
  }
  let analysis = Analyser().analyse(roster)
  _ = analysis.json()
  _ = analysis.text(roster: roster, source: "fuzz", color: false)
  return 0
}

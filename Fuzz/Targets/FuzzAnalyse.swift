// libFuzzer target: the whole analyse pipeline (read, pseudonymise, analyse, the JSON and text
// reports, and every export). Built by Scripts/fuzz.sh.
import Foundation
import GatewaysKit

/// Reads the bytes as a roster (JSON when the first byte is `{`, CSV otherwise), analyses it
/// and its pseudonymised copy, and renders the reports and every export.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyse(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let format: RosterFormat = data.first == UInt8(ascii: "{") ? .json : .csv
  guard let roster = try? RosterReader().read(data, fileName: "fuzz", format: format) else {
    return 0
  }
  let pseudonymised = Pseudonymiser(key: "fuzz", pseudonymiseTeams: count % 2 == 0)
    .apply(to: roster)
  for subject in [roster, pseudonymised] {
    let analysis = Analyser().analyse(subject)
    _ = analysis.json()
    _ = analysis.text(roster: subject, source: "fuzz", color: count % 3 == 0)
    for export in ExportFormat.allCases {
      _ = export.render(roster: subject, analysis: analysis)
    }
  }
  return 0
}

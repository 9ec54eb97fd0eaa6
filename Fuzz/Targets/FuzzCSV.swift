// libFuzzer target: the CSV roster reader. Built by Scripts/fuzz.sh, not by `swift build`.
import Foundation
import GatewaysKit

/// Reads the fuzzer's bytes as a CSV roster; any outcome but a crash or a hang is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  _ = try? RosterReader().read(data, fileName: "fuzz.csv", format: .csv)
  return 0
}

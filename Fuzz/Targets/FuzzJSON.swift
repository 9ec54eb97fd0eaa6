// libFuzzer target: the JSON roster reader and the deeps file reader. Built by Scripts/fuzz.sh.
import Foundation
import GatewaysKit

/// Reads the fuzzer's bytes as a JSON roster and as a `--deeps` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  _ = try? RosterReader().read(data, fileName: "fuzz.json", format: .json)
  _ = try? DeepMappingFile.read(data, fileName: "deeps")
  return 0
}

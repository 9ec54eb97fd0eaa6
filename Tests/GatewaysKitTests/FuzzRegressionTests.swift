import Foundation
import Testing

@testable import GatewaysKit

/// Every crash or hang the fuzzers found (`Fuzz/Regressions/TARGET/`), run through what its
/// target runs: each must now end, with a roster or a ``RosterError``.
struct FuzzRegressionTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `target/file` for every saved input.
  static let inputs: [String] = ["csv", "json", "analyse"].flatMap { target in
    let folder = root.appendingPathComponent("Fuzz/Regressions/\(target)")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
  }

  @Test(arguments: inputs)
  func aFuzzFindingNoLongerCrashesOrHangs(input: String) throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent("Fuzz/Regressions/\(input)"))
    let reader = RosterReader()
    switch input.split(separator: "/").first {
    case "csv":
      _ = try? reader.read(data, fileName: "fuzz.csv", format: .csv)
    case "json":
      _ = try? reader.read(data, fileName: "fuzz.json", format: .json)
      _ = try? DeepMappingFile.read(data, fileName: "deeps")
    default:
      let format: RosterFormat = data.first == UInt8(ascii: "{") ? .json : .csv
      if let roster = try? reader.read(data, fileName: "fuzz", format: format) {
        let analysis = Analyser().analyse(roster)
        _ = analysis.json()
        _ = analysis.text(roster: roster, source: "fuzz", color: false)
      }
    }
  }

  @Test(arguments: [#"{"a\"#, #"{"staff": [{"id": "a\"#, "\"\\"])
  func aBackslashAtTheEndOfTheInputIsAnUnterminatedString(text: String) {
    do {
      _ = try RosterReader().read(Data(text.utf8), fileName: "r.json", format: .json)
      Issue.record("read a roster from \(text)")
    } catch {
      #expect(error.diagnostics.first?.message.contains("unterminated string") == true)
    }
  }
}

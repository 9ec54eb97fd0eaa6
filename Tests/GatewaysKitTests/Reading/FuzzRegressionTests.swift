import Foundation
import Testing

@testable import GatewaysKit

/// Every crash or hang the fuzzers found (`Fuzz/Regressions/TARGET/`), run through what its
/// target runs: each must now end, with the outcome recorded for it in
/// `Fuzz/Regressions/outcomes.tsv` (a roster that reads, or its first diagnostic).
struct FuzzRegressionTests {
  static let root = packageRoot

  /// `target/file` for every saved input.
  static let inputs: [String] = ["csv", "json", "analyse"].flatMap { target in
    let folder = root.appendingPathComponent("Fuzz/Regressions/\(target)")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
  }

  /// The outcome recorded for each input: `target/file` to the outcome's line.
  static let outcomes: [String: String] = {
    let url = root.appendingPathComponent("Fuzz/Regressions/outcomes.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    var outcomes: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let columns = line.split(separator: "\t", maxSplits: 1).map(String.init)
      if columns.count == 2 { outcomes[columns[0]] = columns[1] }
    }
    return outcomes
  }()

  @Test func theCorpusIsNotEmptyAndEveryInputHasItsOutcome() {
    #expect(!Self.inputs.isEmpty, "no saved fuzz finding was found in Fuzz/Regressions")
    #expect(Set(Self.inputs) == Set(Self.outcomes.keys))
  }

  @Test(arguments: inputs)
  func aFuzzFindingEndsWithItsRecordedOutcome(input: String) throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent("Fuzz/Regressions/\(input)"))
    #expect(
      Self.outcome(of: data, target: String(input.prefix { $0 != "/" })) == Self.outcomes[input])
  }

  /// What the fuzz target `target` makes of `data`, in one line: `roster: ...` (and, for
  /// `json`, `; deeps: ...`), each `reads, S staff, T teams` or the first diagnostic.
  static func outcome(of data: Data, target: String) -> String {
    let reader = RosterReader()
    func describe(_ read: () throws(RosterError) -> Roster) -> String {
      do {
        let roster = try read()
        return "reads, \(roster.staff.count) staff, \(roster.teams.count) teams"
      } catch {
        return error.diagnostics.first?.description ?? "an error without a diagnostic"
      }
    }
    switch target {
    case "csv":
      return "roster: "
        + describe { () throws(RosterError) in
          try reader.read(data, fileName: "fuzz.csv", format: .csv)
        }
    case "json":
      let roster = describe { () throws(RosterError) in
        try reader.read(data, fileName: "fuzz.json", format: .json)
      }
      let deeps: String
      do {
        deeps =
          "reads, \(try DeepMappingFile.read(data, fileName: "deeps").deepOfGateway.count) gateways"
      } catch {
        deeps = error.diagnostics.first?.description ?? "an error without a diagnostic"
      }
      return "roster: \(roster); deeps: \(deeps)"
    default:
      let format: RosterFormat = data.first == UInt8(ascii: "{") ? .json : .csv
      guard let roster = try? reader.read(data, fileName: "fuzz", format: format) else {
        return "roster: "
          + describe { () throws(RosterError) in
            try reader.read(data, fileName: "fuzz", format: format)
          }
      }
      let analysis = Analyser().analyse(roster)
      let json = analysis.json()
      let text = analysis.text(roster: roster, source: "fuzz", color: false)
      return "analysed, \(json.utf8.count) bytes of JSON, \(text.utf8.count) of text"
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

import Foundation
import GatewaysKit
import Testing

@testable import GatewaysCLI

struct SuggestCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], input: String = "", directory: URL? = nil)
    -> (Int32, CapturedOutput)
  {
    let (io, output) = CommandIO.capturing(
      standardInput: Data(input.utf8), currentDirectory: directory ?? root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-suggest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: ["vacher.csv", "primary.csv", "secondary.csv", "junior.json"])
  func everySampleEndsWithNoSilosAndExactlyComponentsMinusOne(name: String) throws {
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent("Samples/\(name)"), displayName: name, format: nil)
    let before = Analyser().analyse(roster)
    let plan = Suggester().plan(for: roster)
    #expect(plan.feasible)
    #expect(plan.additions.count == before.components.count - 1)
    let after = Analyser().analyse(plan.applied(to: roster))
    #expect(after.silos.isEmpty)
    #expect(after.islands.isEmpty)
    let robust = Suggester(options: SuggestionOptions(robust: true)).plan(for: roster)
    #expect(robust.after.keyPeople == 0)
    #expect(robust.additions.count >= robust.lowerBound ?? .max)
    #expect(robust.optimal == true)
    let robustAfter = Analyser().analyse(robust.applied(to: roster))
    #expect(robustAfter.components.count <= 1 && robustAfter.keyPeople.isEmpty)
  }

  @Test func secondaryRobustUsesFourAdditionsAndSaysItIsOptimal() {
    let (status, output) = run(["suggest", "--robust", "--format", "json", "Samples/secondary.csv"])
    #expect(status == 0)
    #expect(output.standardOutput.contains("\"total\": 4,"))
    #expect(output.standardOutput.contains("\"lowerBound\": 4,"))
    #expect(output.standardOutput.contains("\"optimal\": true,"))
    let (_, text) = run(["suggest", "--robust", "Samples/secondary.csv"])
    #expect(text.standardOutput.contains("4 additions connect every team with no key people left"))
    #expect(text.standardOutput.contains("Optimal: "))
  }

  @Test func textPlanNumbersTheAdditionsAndShowsBeforeAndAfter() {
    let (status, output) = run(["suggest", "Samples/secondary.csv"])
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    #expect(output.standardOutput.hasPrefix("gateways suggestions for Samples/secondary.csv\n"))
    #expect(output.standardOutput.contains("  1. Add "))
    #expect(output.standardOutput.contains("Before -> after"))
  }

  @Test func jsonHasTheSchemaAndHonoursLimit() {
    let (status, output) = run([
      "suggest", "--format", "json", "--limit", "1", "--robust", "Samples/secondary.csv",
    ])
    #expect(status == 0)
    let text = output.standardOutput
    #expect(text.hasPrefix("{\n  \"schemaVersion\": 3,\n  \"suggestions\": ["))
    #expect(text.ranges(of: "\"reason\"").count == 1)
    #expect(text.contains("\"feasible\": true"))
    #expect(text.contains("\"before\": {"))
    #expect(text.contains("\"after\": {"))
    #expect(!text.contains("\"lowerBound\": null"))
  }

  @Test func writeRoundTripsThroughTheReaderWithNoSilos() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try String(
      contentsOf: root.appendingPathComponent("Samples/secondary.csv"), encoding: .utf8)
    try Data(source.utf8).write(to: directory.appendingPathComponent("roster.csv"))
    let (status, output) = run(
      ["suggest", "--write", "new.csv", "roster.csv"], directory: directory)
    #expect(status == 0, "\(output.standardError)")
    let written = try RosterReader().read(
      contentsOf: directory.appendingPathComponent("new.csv"), displayName: "new.csv",
      format: nil)
    let analysis = Analyser().analyse(written)
    #expect(analysis.silos.isEmpty)
    #expect(analysis.islands.isEmpty)
    // Running again on the new roster suggests nothing to connect.
    let (again, rerun) = run(["suggest", "new.csv"], directory: directory)
    #expect(again == 0)
    #expect(rerun.standardOutput.contains("nothing to link"))
  }

  @Test func writeRefusesToOverwriteTheInput() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = try String(
      contentsOf: root.appendingPathComponent("Samples/vacher.csv"), encoding: .utf8)
    try Data(source.utf8).write(to: directory.appendingPathComponent("roster.csv"))
    let (status, output) = run(
      ["suggest", "--write", "./roster.csv", "roster.csv"], directory: directory)
    #expect(status == 2)
    #expect(output.standardError.contains("refusing to write over the input file"))
    let after = try String(
      contentsOf: directory.appendingPathComponent("roster.csv"), encoding: .utf8)
    #expect(after == source)
  }

  @Test func infeasibleCapsAreReportedWithExitZero() {
    let csv = """
      staff_id,team,max_teams
      a,t1,1
      b,t2,1
      c,t3,1

      """
    let (status, output) = run(["suggest", "--format", "json", "-"], input: csv)
    #expect(status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("\"feasible\": false"))
    #expect(output.standardOutput.contains("\"kind\": \"connect\""))
    let (textStatus, text) = run(["suggest", "-"], input: csv)
    #expect(textStatus == 0)
    #expect(text.standardOutput.contains("Could not be done within the caps (2)"))
  }

  @Test func excludeAndMaxTeamsAreHonoured() {
    let csv = """
      staff_id,team
      a,t1
      b,t2

      """
    let (status, output) = run(
      ["suggest", "--format", "json", "--exclude", "a", "-"], input: csv)
    #expect(status == 0)
    #expect(output.standardOutput.contains("\"staff\": \"b\""))
    let (capped, none) = run(["suggest", "--format", "json", "--max-teams", "1", "-"], input: csv)
    #expect(capped == 0)
    #expect(none.standardOutput.contains("\"feasible\": false"))
    let (bad, usage) = run(["suggest", "--limit", "x", "-"], input: csv)
    #expect(bad == 2)
    #expect(usage.standardError.contains("--limit must be a whole number"))
  }
}

struct PseudonymisedSuggestionTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func additions(_ arguments: [String]) throws -> [[String]] {
    let (io, output) = CommandIO.capturing(currentDirectory: root)
    #expect(GatewaysCommand.run(arguments: arguments, io: io) == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let list = try #require(object["suggestions"] as? [[String: Any]])
    return list.map { [($0["staff"] as? String) ?? "", ($0["team"] as? String) ?? ""] }
  }

  @Test func hidingNamesChangesOnlyTheNamesNotWhoIsSuggested() throws {
    let named = try additions(["suggest", "-f", "json", "--robust", "Samples/secondary.csv"])
    let hidden = try additions([
      "suggest", "-f", "json", "--robust", "--pseudonym-key", "k", "Samples/secondary.csv",
    ])
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent("Samples/secondary.csv"),
      displayName: "secondary.csv", format: nil)
    let renaming = Pseudonymiser(key: "k").renaming(for: roster)
    #expect(!named.isEmpty)
    #expect(hidden == named.map { [renaming.staff[$0[0]] ?? "?", $0[1]] })
  }

  @Test func excludeTakesThePseudonymShown() throws {
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent("Samples/secondary.csv"),
      displayName: "secondary.csv", format: nil)
    let named = try additions(["suggest", "-f", "json", "Samples/secondary.csv"])
    let first = try #require(named.first?.first)
    let pseudonym = try #require(Pseudonymiser(key: "k").renaming(for: roster).staff[first])
    let hidden = try additions([
      "suggest", "-f", "json", "--pseudonym-key", "k", "--exclude", pseudonym,
      "Samples/secondary.csv",
    ])
    #expect(!hidden.map { $0[0] }.contains(pseudonym))
  }
}

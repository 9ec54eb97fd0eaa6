import Foundation
import Testing

@testable import GatewaysCLI

struct AnalyseCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    terminal: Bool = false, in directory: URL? = nil
  ) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(
      standardInput: Data(input.utf8), environment: environment, isTerminal: terminal,
      currentDirectory: directory ?? root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  @Test func textReportNamesSilosIslandsAndTheKeyPerson() {
    let (status, output) = run(["analyse", "Samples/secondary.csv"])
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    let text = output.standardOutput
    #expect(text.hasPrefix("gateways analysis of Samples/secondary.csv\n"))
    #expect(text.contains("2 silos, 1 island, 1 key person."))
    #expect(text.contains("  - ks3-reading (gateway curriculum, deep experience): 4 members\n"))
    #expect(text.contains("  - 2 teams: design-and-organisation and workforce-development\n"))
    #expect(
      text.contains(
        "  - Without Uma Bookworth (S021, Head of Year 11), the 3 teams advice-and-guidance,"
          + " mentoring-and-coaching and new-technologies (12 people) would lose their link to"
          + " the other 4 teams (16 people).\n"))
    #expect(text.contains("Run 'gateways suggest Samples/secondary.csv'"))
    #expect(!text.contains("\u{1B}["))
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
    let (_, coloured) = run(["analyse", "Samples/vacher.csv"], terminal: true)
    #expect(coloured.standardOutput.contains("\u{1B}[1m"))
    let (_, plain) = run(
      ["analyse", "Samples/vacher.csv"], environment: ["NO_COLOR": "1"], terminal: true)
    #expect(!plain.standardOutput.contains("\u{1B}["))
  }

  @Test func jsonFollowsTheSchemaAndIsTheSameBytesEveryRun() throws {
    let (status, first) = run(["analyse", "--format", "json", "Samples/secondary.csv"])
    let (_, second) = run(["analyse", "--format=json", "Samples/secondary.csv"])
    #expect(status == 0)
    #expect(first.standardOutput == second.standardOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 2)
    for key in [
      "summary", "teams", "silos", "components", "islands", "keyPeople", "leaderOnlyLinks",
      "brokers", "deeps", "coupling", "uninvolved", "warnings",
    ] {
      #expect(object[key] != nil, "missing key \(key)")
    }
    #expect(object["silos"] as? [String] == ["ks3-reading", "sixth-form-council"])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(
      summary == [
        "staff": 90, "teams": 11, "memberships": 60, "silos": 2, "islands": 1, "keyPeople": 1,
        "links": 9, "leaderOnlyLinks": 0,
      ])
    #expect(object["listLimit"] as? Int == 20)
    let key = try #require((object["keyPeople"] as? [[String: Any]])?.first)
    #expect(key["staff"] as? String == "S021")
    #expect(key["component"] as? Int == 0)
    let parts = try #require(key["separates"] as? [[String: Any]])
    #expect(parts.map { $0["teams"] as? Int } == [3, 4])
    #expect(parts.map { $0["people"] as? Int } == [12, 16])
    #expect(
      parts.map { $0["listed"] as? [String] } == [
        ["advice-and-guidance", "mentoring-and-coaching", "new-technologies"], [],
      ])
  }

  @Test func listLimitCutsEveryPartAndZeroListsAll() throws {
    func parts(_ extra: [String]) throws -> [[String: Any]] {
      let (status, output) = run(
        ["analyse", "--format", "json"] + extra + ["Samples/secondary.csv"])
      #expect(status == 0)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
      let key = try #require((object["keyPeople"] as? [[String: Any]])?.first)
      return try #require(key["separates"] as? [[String: Any]])
    }
    #expect(
      try parts(["--list-limit", "2"]).first?["listed"] as? [String] == [
        "advice-and-guidance", "mentoring-and-coaching",
      ])
    #expect(
      try parts(["--list-limit=0"]).first?["listed"] as? [String] == [
        "advice-and-guidance", "mentoring-and-coaching", "new-technologies",
      ])
    let (status, output) = run(["analyse", "--list-limit", "-1", "Samples/secondary.csv"])
    #expect(status == 2)
    #expect(output.standardError.hasPrefix("gateways: error: --list-limit takes a whole number"))
    #expect(
      run(["export", "--format", "dot", "--list-limit", "1", "Samples/secondary.csv"]).0 == 0)
    #expect(run(["report", "--list-limit", "1", "Samples/secondary.csv"]).0 == 0)
  }

  @Test func failOnExitsOneOnlyWhenTheFindingIsThere() {
    #expect(run(["analyse", "--fail-on", "silos", "Samples/secondary.csv"]).0 == 1)
    #expect(run(["analyse", "--fail-on", "key-people", "Samples/secondary.csv"]).0 == 1)
    #expect(
      run(["analyse", "--fail-on", "silos", "--fail-on", "islands", "Samples/vacher.csv"]).0 == 0)
    let (status, output) = run(["analyse", "--fail-on", "everything", "Samples/vacher.csv"])
    #expect(status == 2)
    #expect(
      output.standardError.hasPrefix(
        "gateways: error: --fail-on takes silos, islands or key-people"))
  }

  @Test func failOnTakesCommaListsAndSaysWhatItFound() {
    let (status, output) = run(
      ["analyse", "--fail-on", "silos,islands", "--fail-on", "silos", "Samples/secondary.csv"])
    #expect(status == 1)
    #expect(output.standardError == "gateways: --fail-on: found 2 silos, 1 island\n")
    let (keyStatus, keyOutput) = run(
      ["analyse", "--fail-on", "key-people, islands", "-o", "-", "Samples/secondary.csv"])
    #expect(keyStatus == 1)
    #expect(keyOutput.standardError == "gateways: --fail-on: found 1 island, 1 key person\n")
    let (clean, cleanOutput) = run(
      ["analyse", "--fail-on=silos,islands,key-people", "Samples/vacher.csv"])
    #expect(clean == 0)
    #expect(cleanOutput.standardError.isEmpty)
    let (bad, badOutput) = run(["analyse", "--fail-on", "silos,", "Samples/vacher.csv"])
    #expect(bad == 2)
    #expect(
      badOutput.standardError.hasPrefix(
        "gateways: error: --fail-on takes silos, islands or key-people (a comma list), not ''"))
  }

  @Test func warningsAreSaidOnceARun() {
    let roster = "staff_id,team,colour\ns1,t,\n"
    let (status, text) = run(["analyse", "-"], input: roster)
    #expect(status == 0)
    #expect(text.standardError.isEmpty)
    #expect(text.standardOutput.contains("Warnings (2)"))
    #expect(text.standardOutput.contains("unknown column 'colour'"))
    let (_, json) = run(["analyse", "--format", "json", "-"], input: roster)
    #expect(json.standardError.components(separatedBy: "unknown column 'colour'").count == 2)
  }

  @Test func outputIsWrittenToAFileAndNeverOverTheInput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gateways-analyse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let roster = folder.appendingPathComponent("roster.csv")
    try Data("staff_id,team,team_role\na,t1,leader\nb,t1,member\n".utf8).write(to: roster)

    let (status, output) = run(
      ["analyse", "-f", "json", "-o", "out.json", "roster.csv"], in: folder)
    #expect(status == 0)
    #expect(output.standardOutput.isEmpty)
    let written = try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(written.hasPrefix("{\n  \"schemaVersion\": 2,"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)

    let (refused, refusal) = run(["analyse", "-o", "roster.csv", "roster.csv"], in: folder)
    #expect(refused == 2)
    #expect(refusal.standardError.contains("refusing to write over the input file 'roster.csv'"))
    #expect(try String(contentsOf: roster, encoding: .utf8).hasPrefix("staff_id,team"))

    let (failed, failure) = run(
      ["analyse", "-o", "no/such/folder/out.txt", "roster.csv"], in: folder)
    #expect(failed == 3)
    #expect(
      failure.standardError.hasPrefix("gateways: error: no/such/folder/out.txt: cannot write"))
  }

  @Test func badInputAndBadUsageExitTwoWithTheFileAndLine() {
    let (status, output) = run(["analyse", "-"], input: "staff_id,team,max_teams\na,t1,lots\n")
    #expect(status == 2)
    #expect(output.standardOutput.isEmpty)
    #expect(output.standardError.hasPrefix("gateways: error: <stdin>:2:"))
    #expect(run(["analyse"]).0 == 2)
    #expect(run(["analyse", "--format", "yaml", "Samples/vacher.csv"]).0 == 2)
    #expect(run(["analyse", "--target", "2,0", "Samples/vacher.csv"]).0 == 2)
    #expect(run(["analyse", "Samples/does-not-exist.csv"]).0 == 2)
  }

  @Test func targetMovesTheBalance() throws {
    let (_, defaultRun) = run(["analyse", "-f", "json", "Samples/secondary.csv"])
    let (_, moved) = run(["analyse", "-f", "json", "--target", "0.5,0.5", "Samples/secondary.csv"])
    #expect(defaultRun.standardOutput != moved.standardOutput)
    #expect(moved.standardOutput.contains("\"professional\": 0.5,\n      \"institutional\": 0.5"))
  }
}

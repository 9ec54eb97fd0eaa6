import Foundation
import GatewaysKit
import Testing

@testable import GatewaysCLI

struct CompareCommandTests {
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
      .appendingPathComponent("gateways-compare-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A folder with `autumn.csv` (the secondary sample), `plan.json` (its plan) and `spring.csv`
  /// (the sample with the plan's first addition and a new team).
  func autumnAndSpring() throws -> URL {
    let directory = try temporaryDirectory()
    let autumn = try String(
      contentsOf: root.appendingPathComponent("Samples/secondary.csv"), encoding: .utf8)
    try autumn.write(
      to: directory.appendingPathComponent("autumn.csv"), atomically: true, encoding: .utf8)
    let (status, plan) = run(["suggest", "--format", "json", "autumn.csv"], directory: directory)
    #expect(status == 0)
    try plan.standardOutput.write(
      to: directory.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
    let roster = try RosterReader().read(
      contentsOf: directory.appendingPathComponent("autumn.csv"), displayName: "autumn.csv",
      format: nil)
    let first = Suggester().plan(for: roster).additions[0]
    var teams = roster.teams.map { team -> Team in
      team.id == first.team
        ? Team(
          id: team.id, name: team.name, gateway: team.gateway,
          members: team.members + [first.staff],
          leaders: team.leaders) : team
    }
    teams.append(
      Team(
        id: "wellbeing-hub", gateway: .mentoringAndCoaching, members: ["S001"], leaders: ["S001"]))
    let spring = Roster(staff: roster.staff, teams: teams)
    try RosterCSVWriter.csv(for: spring).write(
      to: directory.appendingPathComponent("spring.csv"), atomically: true, encoding: .utf8)
    return directory
  }

  @Test func fewerThanTwoRostersIsAUsageError() {
    let (status, output) = run(["compare", "Samples/vacher.csv"])
    #expect(status == 2)
    #expect(output.standardError.hasPrefix("gateways: error: missing argument"))
    #expect(output.standardOutput.isEmpty)
  }

  @Test func aLabelCountThatDoesNotMatchIsAUsageError() {
    let (status, output) = run([
      "compare", "--label", "autumn", "Samples/vacher.csv", "Samples/vacher.csv",
    ])
    #expect(status == 2)
    #expect(
      output.standardError.contains("--label is given 1 time for 2 rosters; give one per roster"))
    #expect(output.standardError.contains("Run 'gateways compare --help'"))
  }

  @Test func standardInputOnlyOnce() {
    let (status, output) = run(["compare", "-", "-"], input: "staff_id,team\na,t\n")
    #expect(status == 2)
    #expect(output.standardError.contains("only one roster can be read from standard input"))
  }

  @Test func aBadRosterIsAnInputErrorWithItsFile() throws {
    let directory = try temporaryDirectory()
    try "staff_id,team\n,\n\"a,b\n".write(
      to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let (status, output) = run(
      ["compare", root.appendingPathComponent("Samples/vacher.csv").path, "bad.csv"],
      directory: directory)
    #expect(status == 2)
    #expect(output.standardError.hasPrefix("gateways: error: bad.csv:"))
    #expect(output.standardOutput.isEmpty)
  }

  @Test func textNamesTheTermsAndTheChanges() throws {
    let directory = try autumnAndSpring()
    let (status, output) = run(
      [
        "compare", "--label", "autumn", "--label", "spring", "--plan", "plan.json", "autumn.csv",
        "spring.csv",
      ], directory: directory)
    #expect(status == 0, "\(output.standardError)")
    let text = output.standardOutput
    #expect(text.hasPrefix("gateways compare: autumn -> spring\n"))
    #expect(text.contains("Teams: 1 added, 0 removed\n  added: wellbeing-hub\n"))
    #expect(text.contains("1 island merged"))
    #expect(text.contains("1 carried out, 0 done otherwise, 2 not done, 0 moot"))
    #expect(!text.contains("\u{1B}["))
  }

  @Test func jsonHasTheDocumentedKeysAndIsTheSameEveryRun() throws {
    let directory = try autumnAndSpring()
    let arguments = [
      "compare", "--format", "json", "--plan", "plan.json", "autumn.csv", "spring.csv",
    ]
    let (status, output) = run(arguments, directory: directory)
    #expect(status == 0)
    let (_, again) = run(arguments, directory: directory)
    #expect(output.standardOutput == again.standardOutput)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 1)
    #expect(object["terms"] as? [String] == ["autumn.csv", "spring.csv"])
    let teams = try #require(object["teams"] as? [String: [String]])
    #expect(teams["added"] == ["wellbeing-hub"])
    let memberships = try #require(object["memberships"] as? [String: [[String: String]]])
    #expect(
      memberships["joined"]?.contains { $0["staff"] == "S001" && $0["team"] == "wellbeing-hub" }
        == true)
    for key in [
      "staff", "silos", "islands", "keyPeople", "leaderOnlyLinks", "uninvolved", "scores",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let scores = try #require(object["scores"] as? [String: Any])
    for key in [
      "coverage", "complementarity", "interDeep", "professional", "institutional", "balance",
    ] {
      let score = try #require(scores[key] as? [String: Any], "missing \(key)")
      #expect(score.keys.sorted() == ["after", "before", "change"])
    }
    let plan = try #require(object["plan"] as? [String: Any])
    #expect(plan["carriedOut"] as? Int == 1)
    #expect((plan["suggestions"] as? [Any])?.count == 3)
  }

  @Test func moreThanTwoRostersGiveSteps() throws {
    let directory = try autumnAndSpring()
    let (status, output) = run(
      ["compare", "-f", "json", "autumn.csv", "spring.csv", "autumn.csv"], directory: directory)
    #expect(status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let steps = try #require(object["steps"] as? [[String: Any]])
    #expect(steps.count == 2)
    #expect((steps[1]["teams"] as? [String: [String]])?["removed"] == ["wellbeing-hub"])
    #expect(object["teams"] == nil)
  }

  @Test func pseudonymisedRostersWithTheSameKeyCompareAsTheOriginalsPseudonymised() throws {
    let directory = try autumnAndSpring()
    // Each roster pseudonymised on its own with the key, as another run would write it.
    for name in ["autumn", "spring"] {
      let roster = try RosterReader().read(
        contentsOf: directory.appendingPathComponent("\(name).csv"), displayName: name,
        format: nil)
      let hidden = Pseudonymiser(key: "our secret").apply(to: roster)
      try RosterCSVWriter.csv(for: hidden).write(
        to: directory.appendingPathComponent("\(name)-hidden.csv"), atomically: true,
        encoding: .utf8)
    }
    let labels = ["--label", "autumn", "--label", "spring", "--format", "json"]
    let (status, hidden) = run(
      ["compare"] + labels + ["autumn-hidden.csv", "spring-hidden.csv"], directory: directory)
    let (keyed, original) = run(
      ["compare"] + labels + ["--pseudonym-key", "our secret", "autumn.csv", "spring.csv"],
      directory: directory)
    #expect(status == 0)
    #expect(keyed == 0)
    #expect(hidden.standardOutput == original.standardOutput)
    #expect(hidden.standardOutput.contains("\"Staff-"))
    #expect(!original.standardOutput.contains("\"S001\""))
  }

  @Test func htmlKeepsEveryTeamInItsPlaceAcrossTerms() throws {
    let directory = try autumnAndSpring()
    let (status, output) = run(
      ["compare", "--format", "html", "-o", "compare.html", "autumn.csv", "spring.csv"],
      directory: directory)
    #expect(status == 0, "\(output.standardError)")
    #expect(output.standardOutput.isEmpty)
    let html = try String(
      contentsOf: directory.appendingPathComponent("compare.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.lowercased().contains("<script"))
    let places = Self.teamPlaces(html)
    let autumn = places.filter { $0.term == "0" }
    let spring = places.filter { $0.term == "1" }
    #expect(autumn.count == 11)
    #expect(spring.count == 12)
    for team in autumn {
      let later = try #require(spring.first { $0.team == team.team })
      #expect(later.x == team.x && later.y == team.y, "\(team.team) moved")
    }
    #expect(html.contains("class=\"team added\" data-term=\"1\" data-team=\"wellbeing-hub\""))
    #expect(html.contains("class=\"link gained\""))
    #expect(html.contains("class=\"score-chart\""))
  }

  /// Every drawn team's term, id and centre, from `data-term`, `data-team` and the node circle.
  static func teamPlaces(_ html: String) -> [(term: String, team: String, x: String, y: String)] {
    var places: [(String, String, String, String)] = []
    for piece in html.components(separatedBy: "data-term=\"").dropFirst() {
      guard piece.contains("data-team=\"") else { continue }
      let term = String(piece.prefix { $0 != "\"" })
      guard let teamStart = piece.range(of: "data-team=\""),
        let node = piece.range(of: "<circle class=\"node\" cx=\"")
      else { continue }
      let team = String(piece[teamStart.upperBound...].prefix { $0 != "\"" })
      let x = String(piece[node.upperBound...].prefix { $0 != "\"" })
      guard let cy = piece[node.upperBound...].range(of: "cy=\"") else { continue }
      let y = String(piece[cy.upperBound...].prefix { $0 != "\"" })
      places.append((term, team, x, y))
    }
    return places
  }

  @Test func aBadPlanIsAnInputError() throws {
    let directory = try autumnAndSpring()
    try "{\"suggestions\": 3}".write(
      to: directory.appendingPathComponent("bad-plan.json"), atomically: true, encoding: .utf8)
    let (status, output) = run(
      ["compare", "--plan", "bad-plan.json", "autumn.csv", "spring.csv"], directory: directory)
    #expect(status == 2)
    #expect(
      output.standardError
        == "gateways: error: bad-plan.json:1: \"suggestions\" must be an array, not a number\n")
    #expect(output.standardOutput.isEmpty)
  }

  @Test func refusesToWriteOverAnInput() throws {
    let directory = try autumnAndSpring()
    let (status, output) = run(
      ["compare", "-o", "spring.csv", "autumn.csv", "spring.csv"], directory: directory)
    #expect(status == 2)
    #expect(output.standardError.contains("refusing to write over the input file"))
  }

  @Test(arguments: ["text", "json", "html"])
  func pseudonymisedOutputNamesNobody(format: String) throws {
    let hostile = "Tests/Fixtures/hostile-names.csv"
    let (status, output) = run([
      "compare", "--format", format, "--pseudonym-key", "k", "Samples/vacher.csv", hostile,
    ])
    #expect(status == 0)
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent(hostile), displayName: "h", format: nil)
    let everything = output.standardOutput + output.standardError
    for person in roster.staff {
      for secret in [person.id, person.name, person.role] where secret.count >= 3 {
        #expect(!everything.contains(secret), "\(format): '\(secret)' in the output")
      }
    }
    // The page lists teams and counts; text and JSON list people, by pseudonym.
    if format != "html" { #expect(everything.contains("Staff-")) }
  }
}

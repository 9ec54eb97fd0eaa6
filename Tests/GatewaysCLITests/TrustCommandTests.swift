import Foundation
import Testing

@testable import GatewaysCLI

/// `analyse` and `check` on a trust: a school column, several files, a folder, `--school`.
struct TrustCommandTests {
  static let trust = """
    staff_id,name,team,team_role,school,person_id,team_school
    T01,Ann Alpha,voice,leader,Oak Academy,P100,
    T02,Ben Beta,voice,member,Oak Academy,,
    T02,Ben Beta,afl,leader,Oak Academy,,
    T01,Eve Eps,voice,leader,Elm Primary,,
    T02,Fay Zeta,voice,member,Elm Primary,P100,
    T03,Gus Eta,maths-hub,member,Elm Primary,,trust
    T01,Hal Theta,mentor,leader,Ash School,,
    T03,Ida Iota,afl,member,Ash School,,Oak Academy
    T09,Jo Kappa,maths-hub,leader,Ash School,,trust
    T07,Kit Lambda,solo,leader,Birch School,,
    """

  func run(_ arguments: [String], in directory: URL) -> (Int32, CapturedOutput) {
    runInProcess(arguments, in: directory)
  }

  func folder() throws -> URL {
    let url = try trustFolder("trust", trust: Self.trust)
    let rosters = url.appendingPathComponent("rosters")
    try FileManager.default.createDirectory(at: rosters, withIntermediateDirectories: true)
    try "staff_id,team\nS1,voice\nS2,voice\n".write(
      to: rosters.appendingPathComponent("oak.csv"), atomically: true, encoding: .utf8)
    try "staff_id,team\nS1,afl\n".write(
      to: rosters.appendingPathComponent("elm.csv"), atomically: true, encoding: .utf8)
    return url
  }

  @Test func analyseGivesATableOfSchoolsAndTheNetwork() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["analyse", "trust.csv"], in: directory)
    #expect(status == 0)
    let text = output.standardOutput
    #expect(text.hasPrefix("gateways trust analysis of trust.csv\n4 schools, "))
    #expect(text.contains("Isolated schools, linked to no other (1): Birch School."))
    #expect(text.contains("  - trust-wide maths-hub: 2 schools\n"))
    // Ash (a silo, two staff on no team) needs most attention; Oak (no silo) least.
    let rows = text.components(separatedBy: "\n").filter {
      $0.hasPrefix("  Oak") || $0.hasPrefix("  Ash")
    }
    #expect(rows.first?.hasPrefix("  Ash School") == true)
    #expect(rows.last?.hasPrefix("  Oak Academy") == true)
  }

  @Test func jsonHasEverySchoolAndTheNetwork() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["analyse", "-f", "json", "trust.csv"], in: directory)
    #expect(status == 0)
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(document["schemaVersion"] as? Int == 3)
    let schools = try #require(document["schools"] as? [[String: Any]])
    #expect(
      schools.map { $0["school"] as? String } == [
        "Ash School", "Birch School", "Elm Primary", "Oak Academy",
      ])
    #expect(schools.allSatisfy { $0["schemaVersion"] as? Int == 2 })
    let network = try #require(document["network"] as? [String: Any])
    #expect(network["isolated"] as? [String] == ["Birch School"])
    #expect(network["peopleInSeveralSchools"] as? Int == 2)
  }

  @Test func schoolGivesOneSchoolsFullReportAndOtherCommandsNeedIt() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["analyse", "trust.csv", "--school", "Oak Academy"], in: directory)
    #expect(status == 0)
    #expect(output.standardOutput.contains("2 members of staff, 2 teams, 3 memberships"))
    let (missing, error) = run(["export", "-f", "dot", "trust.csv"], in: directory)
    #expect(missing == 2)
    #expect(error.standardError.contains("give --school NAME"))
    let (unknown, named) = run(["analyse", "trust.csv", "--school", "Pine"], in: directory)
    #expect(unknown == 2)
    #expect(named.standardError.contains("--school 'Pine' names no school of the roster"))
    let (suggested, _) = run(["suggest", "trust.csv", "--school", "oak academy"], in: directory)
    #expect(suggested == 0)
  }

  @Test func aFolderAndSeveralFilesAreSchoolsNamedByTheirFiles() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["check", "rosters"], in: directory)
    #expect(status == 0)
    #expect(output.standardOutput.hasPrefix("rosters reads: a trust of 2 schools\n"))
    #expect(output.standardOutput.contains("  elm  "))
    let (both, files) = run(
      ["analyse", "-f", "json", "rosters/oak.csv", "rosters/elm.csv"], in: directory)
    #expect(both == 0)
    #expect(files.standardOutput.contains("\"school\": \"oak\""))
    let (exports, usage) = run(["analyse", "-f", "dot", "rosters"], in: directory)
    #expect(exports == 2)
    #expect(usage.standardError.contains("give --school NAME"))
  }
}

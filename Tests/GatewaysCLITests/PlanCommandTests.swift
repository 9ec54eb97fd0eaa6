import Foundation
import GatewaysKit
import Testing

@testable import GatewaysCLI

struct PlanCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], directory: URL? = nil) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(
      standardInput: Data(), currentDirectory: directory ?? root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  /// The gateway a sample's new team is planned for: one of a team whose gateway has a deep.
  static let gateways = [
    "vacher.csv": "assessment-for-learning", "primary.csv": "student-voice",
    "secondary.csv": "student-voice", "junior.json": "student-voice",
  ]

  @Test(arguments: ["vacher.csv", "primary.csv", "secondary.csv", "junior.json"])
  func writeAddsTheTeamAndTheAnalysisAfterShowsNoNewSilo(name: String) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = root.appendingPathComponent("Samples/\(name)")
    let gateway = try #require(Self.gateways[name])
    let (status, output) = run(
      [
        "plan", input.path, "--gateway", gateway, "--size", "5", "--write", "new.csv",
        "--format", "json",
      ], directory: directory)
    #expect(status == 0, "\(output.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == 1)
    let team = try #require(json["team"] as? [String: Any])
    let teamID = try #require(team["id"] as? String)
    let leader = try #require(team["leader"] as? String)
    let members = try #require(json["members"] as? [[String: Any]])
    let shared = members.filter { $0["role"] as? String == "shared" }
    #expect(!shared.isEmpty)
    #expect(!shared.contains { $0["staff"] as? String == leader })

    let before = try RosterReader().read(contentsOf: input, displayName: name, format: nil)
    let written = try RosterReader().read(
      contentsOf: directory.appendingPathComponent("new.csv"), displayName: "new.csv",
      format: nil)
    let newTeam = try #require(written.teams.first { $0.id == teamID })
    #expect(newTeam.leaders == [leader])
    #expect(newTeam.members.count == members.count)
    // The leader leads nothing else; a non-leader links the team to a team of the same deep.
    #expect(written.teams.filter { $0.leaders.contains(leader) }.map(\.id) == [teamID])
    let deep = written.deeps.deep(of: try #require(newTeam.gateway))
    #expect(deep != nil)
    let linked = written.teams.contains { other in
      other.id != teamID && other.gateway.flatMap { written.deeps.deep(of: $0) } == deep
        && other.members.contains { $0 != leader && newTeam.members.contains($0) }
    }
    #expect(linked)
    let analysisBefore = Analyser().analyse(before)
    let analysisAfter = Analyser().analyse(written)
    #expect(analysisAfter.silos.count <= analysisBefore.silos.count)
    #expect(!analysisAfter.silos.contains(teamID))
  }

  @Test func textExplainsEachChoiceAndShowsBeforeAndAfter() {
    let (status, output) = run([
      "plan", "Samples/secondary.csv", "--gateway", "AfL", "--name", "Marking group",
    ])
    #expect(status == 0, "\(output.standardError)")
    let text = output.standardOutput
    #expect(text.hasPrefix("gateways team plan for Samples/secondary.csv\n"))
    #expect(text.contains("A new team, Marking group (new-assessment-for-learning)"))
    #expect(text.contains("Leader\n  1. "))
    #expect(text.contains("Why: "))
    #expect(text.contains("Before -> after"))
  }

  @Test func theGatewayIsRequiredAndBadSizesAreUsageErrors() {
    let (missing, output) = run(["plan", "Samples/secondary.csv"])
    #expect(missing == 2)
    #expect(output.standardError.contains("--gateway ID is required"))
    let (bad, badOutput) = run(["plan", "Samples/secondary.csv", "--gateway", "afl", "--size", "0"])
    #expect(bad == 2)
    #expect(badOutput.standardError.contains("--size must be a whole number >= 1"))
  }

  @Test func helpListsThePlanCommand() {
    let (status, output) = run(["--help"])
    #expect(status == 0)
    #expect(output.standardOutput.contains("plan"))
    #expect(output.standardOutput.contains("Design a new team for a gateway"))
  }
}

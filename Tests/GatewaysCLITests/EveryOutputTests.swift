import Foundation
import GatewaysKit
import Testing

@testable import GatewaysCLI

/// The hostile-names roster through every command and format that prints or writes: each
/// runs, and with `--pseudonymise` none of them names a person.
struct EveryOutputTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let hostile = "Tests/Fixtures/hostile-names.csv"

  /// Every command line that prints a result, without the roster.
  static let commands: [[String]] = [
    ["analyse"], ["analyse", "-f", "json"], ["check"], ["suggest"], ["suggest", "-f", "json"],
    ["suggest", "--robust", "--involve"], ["report"], ["export", "-f", "dot"],
    ["export", "-f", "mermaid"], ["export", "-f", "graphml"], ["export", "-f", "csv"],
  ]

  func run(_ arguments: [String]) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(currentDirectory: root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  @Test(arguments: commands)
  func everyOutputOfAHostileRosterRunsAndNamesNobodyWhenPseudonymised(command: [String]) throws {
    let (plain, _) = run(command + [Self.hostile])
    #expect(plain == 0)
    let (status, output) = run(command + ["--pseudonym-key", "k", Self.hostile])
    #expect(status == 0)
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent(Self.hostile), displayName: "h", format: nil)
    let everything = output.standardOutput + output.standardError
    for person in roster.staff {
      for secret in [person.id, person.name, person.role] where secret.count >= 3 {
        #expect(!everything.contains(secret), "\(command): '\(secret)' in the output")
      }
    }
    // Every output that lists people lists them by pseudonym (Mermaid draws teams alone;
    // check lists only the people on no team, and here there are none).
    if !["check", "mermaid"].contains(command.last ?? "") {
      #expect(everything.contains("Staff-"), "\(command): no pseudonym")
    }
  }

  @Test func theSuggestedRosterIsWrittenWithPseudonymsToo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gateways-every-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = folder.appendingPathComponent("new.csv")
    let (status, _) = run([
      "suggest", "--pseudonym-key", "k", "--write", written.path, Self.hostile,
    ])
    #expect(status == 0)
    let text = try String(contentsOf: written, encoding: .utf8)
    #expect(text.contains(Pseudonymiser(key: "k").pseudonym(forStaffID: "h01")))
    for secret in ["h01", "alert", "O'Brien", "Zoë", "Override"] { #expect(!text.contains(secret)) }
  }
}

import Foundation
import Testing

/// Runs the built binary on every sample and on broken rosters.
struct RosterBinaryTests {
  @Test(arguments: ["vacher.csv", "primary.csv", "secondary.csv", "junior.json"])
  func everySampleChecks(name: String) throws {
    let result = try runGateways(["check", "Samples/\(name)"])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.hasPrefix("Samples/\(name): the roster reads.\n"))
  }

  @Test func aBrokenRosterExitsTwoWithFileAndLine() throws {
    let broken = "staff_id,team,name\ns1,voice,\"Ada Teacher\ns2,voice,Staff Two\n"
    let result = try runGateways(["check", "-"], input: Data(broken.utf8))
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix("gateways: error: <stdin>:2:10: unterminated quote"))
  }

  @Test func theSampleCommandPrintsARosterThatChecks() throws {
    let sample = try runGateways(["sample", "secondary"])
    #expect(sample.status == 0)
    let check = try runGateways(["check", "-"], input: Data(sample.standardOutput.utf8))
    #expect(check.status == 0)
    #expect(check.standardOutput.contains("staff: 90\n"))
  }
}

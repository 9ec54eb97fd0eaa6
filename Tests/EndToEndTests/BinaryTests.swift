import Foundation
import Testing

/// Runs the built `gateways` binary as a user would.
struct BinaryTests {
  @Test func versionPrintsAndExitsZero() throws {
    let result = try runGateways(["--version"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("gateways "))
  }

  @Test func unknownCommandIsAUsageError() throws {
    let result = try runGateways(["frobnicate"])
    #expect(result.status == 2)
    #expect(result.standardError.hasPrefix("gateways: error: unknown command 'frobnicate'"))
    #expect(result.standardOutput.isEmpty)
  }
}

/// The README's main command, run as a user would.
struct AnalyseBinaryTests {
  @Test func analysingTheBundledSampleWorks() throws {
    let result = try runGateways(["analyse", "Samples/secondary.csv"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("2 silos, 1 island, 1 key person."))
    #expect(result.standardError.isEmpty)
  }

  @Test func analysingFromStandardInputAsJSONWorks() throws {
    let input = Data("staff_id,team,team_role\na,t1,leader\nb,t1,member\nb,t2,member\n".utf8)
    let result = try runGateways(["analyse", "--format", "json", "-"], input: input)
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("\"silos\": [],"))
  }
}

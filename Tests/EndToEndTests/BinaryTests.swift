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

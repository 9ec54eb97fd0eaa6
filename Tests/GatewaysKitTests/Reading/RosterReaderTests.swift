import Foundation
import Testing

@testable import GatewaysKit

struct RosterReaderTests {
  @Test func formatsComeFromExtensions() {
    #expect(RosterFormat(fileExtension: "CSV") == .csv)
    #expect(RosterFormat(fileExtension: "json") == .json)
    #expect(RosterFormat(fileExtension: "XLSX") == .xlsx)
    #expect(RosterFormat(fileExtension: "xls") == .xlsx)
    #expect(RosterFormat(fileExtension: "ods") == nil)
  }

  @Test func aMissingFileIsADiagnosticNotACrash() {
    do {
      _ = try RosterReader().read(
        contentsOf: URL(fileURLWithPath: "/nonexistent/roster.csv"), displayName: "roster.csv",
        format: nil)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "error: roster.csv: no such file; check the path and the spelling of the file name"
        ])
    }
  }

  @Test func anUnknownExtensionAsksForTheFormat() {
    do {
      _ = try RosterReader().read(
        contentsOf: URL(fileURLWithPath: "/tmp/roster.ods"), displayName: "roster.ods",
        format: nil)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.first?.message.hasPrefix(
          "cannot tell the roster's format from extension '.ods'; name the file .csv (or .txt, "
            + ".tsv), .json or .xlsx") == true)
    }
  }

  @Test func aDeepsOverrideReplacesTheRostersOwn() throws {
    let override = DeepMapping([.curriculum: .learning])
    let roster = try RosterReader(deepsOverride: override).read(
      Data("{\"staff\": [], \"teams\": [], \"deeps\": {\"curriculum\": \"support\"}}".utf8),
      fileName: "r.json", format: .json)
    #expect(roster.deeps == override)
  }
}

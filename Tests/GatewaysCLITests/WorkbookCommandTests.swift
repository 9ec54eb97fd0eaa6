import Foundation
import Testing

@testable import GatewaysCLI

/// `.xlsx` rosters from the command line: by extension, by `--input-format`, from standard
/// input by their first bytes, and `--sheet` on every command that reads a roster.
struct WorkbookCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let workbook = "Tests/Fixtures/Workbooks/xlsxwriter-inline-strings.xlsx"

  func run(_ arguments: [String], input: Data = Data()) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(standardInput: input, currentDirectory: root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  @Test(arguments: ["check", "analyse", "suggest", "export"])
  func everyRosterCommandTakesASheet(_ command: String) {
    let format = command == "export" ? ["--format", "csv"] : []
    let (status, output) = run([command] + format + ["--sheet", "Roster", workbook])
    #expect(status == 0, "\(output.standardError)")
    #expect(!output.standardOutput.isEmpty)
    let (wrong, wrongOutput) = run([command] + format + ["--sheet", "Teams", workbook])
    #expect(wrong == 2)
    #expect(
      wrongOutput.standardError.hasPrefix(
        "gateways: error: \(workbook): there is no sheet named 'Teams'"))
  }

  @Test func aWorkbookOnStandardInputIsToldByItsFirstBytes() throws {
    let bytes = try Data(contentsOf: root.appendingPathComponent(workbook))
    let (status, output) = run(["check", "--sheet", "Roster", "-"], input: bytes)
    #expect(status == 0)
    #expect(output.standardOutput.hasPrefix("<stdin>: the roster reads.\n"))
    #expect(output.standardOutput.contains("\nstaff: 6\n"))
    #expect(
      output.standardError.hasPrefix("gateways: warning: <stdin>: Roster!I1: unknown column"))
  }

  @Test func theInputFormatCanBeGiven() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-workbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("roster.data")
    try FileManager.default.copyItem(at: root.appendingPathComponent(workbook), to: copy)
    let (status, _) = run(["check", "--input-format", "xlsx", "--sheet", "Roster", copy.path])
    #expect(status == 0)
    let (unknown, output) = run(["check", copy.path])
    #expect(unknown == 2)
    #expect(output.standardError.contains("name the file .csv (or .txt, .tsv), .json or .xlsx"))
  }

  @Test func theSheetOptionIsInTheHelp() {
    let (status, output) = run(["check", "--help"])
    #expect(status == 0)
    #expect(output.standardOutput.contains("--sheet NAME"))
    #expect(output.standardOutput.contains("csv, json or xlsx"))
  }
}

import Foundation
import Testing

@testable import GatewaysCLI

#if canImport(FoundationXML)
  import FoundationXML
#endif

struct ReportAndExportCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], in directory: URL? = nil) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(currentDirectory: directory ?? root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func reportWritesOneSelfContainedPageToStandardOutput() {
    let (status, output) = run(["report", "Samples/vacher.csv"])
    #expect(status == 0)
    let html = output.standardOutput
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "data-team=\"").count - 1 == 3)
    #expect(!html.contains("<script"))
    #expect(html.contains("Samples/vacher.csv"))
  }

  @Test func reportOfTheHostileSampleShowsNamesAsText() {
    let (status, output) = run(["report", "Tests/Fixtures/hostile-names.csv"])
    #expect(status == 0)
    let html = output.standardOutput
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test func reportWritesAFileAndRefusesToOverwriteTheInput() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let roster = directory.appendingPathComponent("roster.csv")
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("Samples/vacher.csv"), to: roster)
    let (status, output) = run(["report", "roster.csv", "-o", "report.html"], in: directory)
    #expect(status == 0)
    #expect(output.standardOutput.isEmpty)
    let html = try String(
      contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.hasSuffix("</html>\n"))
    let (refused, refusal) = run(["report", "roster.csv", "-o", "roster.csv"], in: directory)
    #expect(refused == 2)
    #expect(refusal.standardError.contains("refusing to write over"))
  }

  @Test(arguments: ["dot", "mermaid", "graphml", "csv"])
  func exportWritesEachFormat(format: String) {
    let (status, output) = run(["export", "--format", format, "Tests/Fixtures/hostile-names.csv"])
    #expect(status == 0)
    #expect(!output.standardOutput.isEmpty)
    switch format {
    case "dot": #expect(output.standardOutput.hasPrefix("graph gateways {"))
    case "mermaid": #expect(output.standardOutput.hasPrefix("flowchart LR\n"))
    case "graphml":
      let parser = XMLParser(data: Data(output.standardOutput.utf8))
      #expect(parser.parse())
    default:
      #expect(output.standardOutput.hasPrefix("team_a,team_b,"))
      #expect(output.standardOutput.contains("\r\n\r\nstaff_id,name,"))
      #expect(output.standardOutput.contains("'=cmd|' /C calc'!A0"))
    }
  }

  @Test func csvExportToAFileWritesTwoTables() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let samples = root.appendingPathComponent("Samples/vacher.csv").path
    let (status, _) = run(["export", "--format=csv", samples, "-o", "links.csv"], in: directory)
    #expect(status == 0)
    let links = try String(
      contentsOf: directory.appendingPathComponent("links.csv"), encoding: .utf8)
    let people = try String(
      contentsOf: directory.appendingPathComponent("links-people.csv"), encoding: .utf8)
    #expect(links.hasPrefix("team_a,"))
    #expect(people.hasPrefix("staff_id,"))
    #expect(peopleTablePath(for: "out") == "out-people.csv")
    #expect(peopleTablePath(for: "dir/a.b.csv") == "dir/a.b-people.csv")
  }

  @Test func excelCSVStartsEachTableWithAByteOrderMarkAndSepOnlyWhenAsked() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let sample = root.appendingPathComponent("Samples/vacher.csv").path
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    func bytes(_ name: String) throws -> [UInt8] {
      [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
    #expect(
      run(["export", "--format=csv", "--excel", sample, "-o", "x.csv"], in: directory).0 == 0)
    for name in ["x.csv", "x-people.csv"] {
      let file = try bytes(name)
      #expect(Array(file.prefix(3)) == bom, "\(name) starts with a BOM")
      #expect(!file.dropFirst(3).starts(with: Array("sep=".utf8)))
    }
    #expect(
      run(["export", "--format=csv", "--sep-line", sample, "-o", "y.csv"], in: directory).0 == 0)
    #expect(try bytes("y.csv").starts(with: bom + Array("sep=,\r\nteam_a,".utf8)))
    #expect(run(["export", "--format=csv", sample, "-o", "z.csv"], in: directory).0 == 0)
    #expect(try bytes("z.csv").starts(with: Array("team_a,".utf8)))
    let (status, output) = run(["export", "--format=csv", "--excel", sample])
    #expect(status == 0)
    #expect(output.standardOutput.hasPrefix("\u{FEFF}team_a,"))
    #expect(!output.standardOutput.dropFirst().contains("\u{FEFF}"))
  }

  @Test func exportNeedsAKnownFormat() {
    let (missing, missingOutput) = run(["export", "Samples/vacher.csv"])
    #expect(missing == 2)
    #expect(missingOutput.standardError.contains("missing --format"))
    let (unknown, unknownOutput) = run(["export", "--format", "png", "Samples/vacher.csv"])
    #expect(unknown == 2)
    #expect(unknownOutput.standardError.contains("not 'png'"))
  }

  @Test(arguments: ["dot", "mermaid", "graphml", "csv"])
  func analyseWritesTheSameExports(format: String) {
    let (status, output) = run(["analyse", "--format", format, "Samples/vacher.csv"])
    let (_, exported) = run(["export", "--format", format, "Samples/vacher.csv"])
    #expect(status == 0)
    #expect(output.standardOutput == exported.standardOutput)
  }

  @Test func reportShowsSuggestionsBeforeAndAfterUnlessAskedNot() {
    let (status, output) = run(["report", "Samples/secondary.csv"])
    #expect(status == 0)
    let html = output.standardOutput
    #expect(html.contains("Suggested additions"))
    let teams = html.components(separatedBy: "data-team=\"").count - 1
    #expect(html.components(separatedBy: "data-team-before=\"").count - 1 == teams)
    #expect(html.components(separatedBy: "data-team-after=\"").count - 1 == teams)
    let (_, without) = run(["report", "--no-suggestions", "Samples/secondary.csv"])
    #expect(!without.standardOutput.contains("Suggested additions"))
    #expect(!without.standardOutput.contains("data-team-after"))
  }

  @Test func reportTakesATitleAndASubtitleInPlaceOfTheFileName() {
    let (status, output) = run([
      "report", "--title", "Hillside <Academy>", "--subtitle", "Autumn term 2026",
      "Samples/vacher.csv",
    ])
    #expect(status == 0)
    let html = output.standardOutput
    #expect(html.contains("<h1>Hillside &lt;Academy&gt;</h1>"))
    #expect(html.contains("<p class=\"subtitle\">Autumn term 2026</p>"))
    #expect(html.contains("<title>Hillside &lt;Academy&gt; — Autumn term 2026</title>"))
    #expect(!html.contains("vacher.csv"))
    // Without either, the file name is the title's.
    let (_, plain) = run(["report", "Samples/vacher.csv"])
    #expect(plain.standardOutput.contains("<title>Gateway teams: Samples/vacher.csv</title>"))
  }

  @Test func aPseudonymisedReportNeverShowsTheFileName() {
    let (status, output) = run(["report", "--pseudonymise", "Samples/vacher.csv"])
    #expect(status == 0)
    #expect(!output.standardOutput.contains("vacher"))
    #expect(output.standardOutput.contains("<title>Gateway teams</title>"))
  }

  @Test func reportTakesTheSuggestionOptionsOfSuggest() {
    let (_, plain) = run(["report", "Samples/secondary.csv"])
    let (status, robust) = run(["report", "--robust", "Samples/secondary.csv"])
    #expect(status == 0, "\(robust.standardError)")
    let additions = { (html: String) in
      html.components(separatedBy: "<tr class=\"addition\">").count - 1
    }
    #expect(additions(robust.standardOutput) > additions(plain.standardOutput))
    // The suggestions are those suggest makes with the same options.
    for options in [["--robust"], ["--involve", "--max-teams", "4"], ["--develop"]] {
      let (_, report) = run(["report"] + options + ["Samples/secondary.csv"])
      let (_, plan) = run(["suggest", "--format", "json"] + options + ["Samples/secondary.csv"])
      let object = try? JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8))
      let suggestions = (object as? [String: Any])?["suggestions"] as? [[String: Any]] ?? []
      #expect(!suggestions.isEmpty)
      #expect(additions(report.standardOutput) == suggestions.count, "\(options)")
      for suggestion in suggestions {
        let staff = suggestion["staff"] as? String ?? "?"
        #expect(report.standardOutput.contains("<td><bdi>\(staff)</bdi></td>"), "\(options)")
      }
    }
    // --exclude keeps the person out, and an unknown id is warned about as in suggest.
    let first =
      plain.standardOutput.components(separatedBy: "<tr class=\"addition\">")
      .dropFirst().first?.components(separatedBy: "<td><bdi>").dropFirst(2).first?
      .components(separatedBy: "<").first ?? ""
    #expect(!first.isEmpty)
    let (_, excluded) = run([
      "report", "--exclude", first, "--exclude", "nobody", "Samples/secondary.csv",
    ])
    #expect(!excluded.standardOutput.contains("<td><bdi>\(first)</bdi></td>"))
    #expect(excluded.standardError.contains("--exclude nobody: no member of staff has this id"))
    let (bad, refusal) = run(["report", "--max-teams", "x", "Samples/secondary.csv"])
    #expect(bad == 2)
    #expect(refusal.standardError.contains("--max-teams must be a whole number"))
  }
}

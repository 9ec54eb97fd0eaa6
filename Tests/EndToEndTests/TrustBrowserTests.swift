import Foundation
import Testing

/// Renders trusts' reports in headless Chromium (as ``BrowserTests`` does: a missing Chromium
/// fails under CI): one row of the school table, one row of the heat map and one node of the
/// drawing per school of `analyse --format json`, the detailed schools' sections, no console
/// message, and a screenshot that is not blank.
struct TrustBrowserTests {
  /// A generated trust of `schools` schools of four staff, each joined to the next by a
  /// person_id, every tenth alone, and a trust-wide team.
  static func generated(schools: Int) -> String {
    var csv = "school,staff_id,name,role,team,gateway,team_role,person_id,team_school\n"
    for school in 0..<schools {
      let name = "School \(school)"
      csv += "\(name),S1,Person \(school) One,Teacher,voice,Student voice,leader,,\n"
      csv += "\(name),S2,Person \(school) Two,Teacher,voice,,member,,\n"
      csv += "\(name),S2,,,afl,AfL,member,,\n"
      csv += "\(name),S3,Person \(school) Three,Teacher,afl,,leader,,\n"
      if school % 10 != 9 {
        csv += "\(name),S4,Shared \(school),Teacher,afl,,member,P\(school),\n"
        csv += "\(name),S5,Shared \(school - 1),Teacher,,,,P\(school - 1),\n"
      }
      if school % 7 == 0 { csv += "\(name),S1,,,hub,,member,,trust\n" }
    }
    return csv
  }

  @Test(arguments: ["Samples/trust.csv", "generated"])
  func theTrustReportRendersWithOneRowPerSchool(input: String) throws {
    guard let chromium = Browser.find() else { return }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-trust-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var roster = input
    if input == "generated" {
      let file = directory.appendingPathComponent("trust.csv")
      try Data(Self.generated(schools: 40).utf8).write(to: file)
      roster = file.path
    }
    let page = directory.appendingPathComponent("trust.html")
    let report = try runGateways(["report", roster, "-o", page.path])
    #expect(report.status == 0, "report failed: \(report.standardError)")
    let json = try runGateways(["analyse", "--format", "json", roster])
    let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let schools = try #require((object as? [String: Any])?["schools"] as? [Any]).count
    #expect(schools >= 4)

    let dump = try Browser.run(
      chromium, ["--dump-dom", "--enable-logging=stderr", "--v=0", page.absoluteString],
      profile: directory.appendingPathComponent("profile-dom"))
    #expect(dump.status == 0)
    let dom = dump.standardOutput
    #expect(dom.contains("</html>"), "Chromium dumped no DOM: \(dump.standardError)")
    #expect(BrowserTests.count("<tr class=\"school-row", in: dom) == schools)
    #expect(BrowserTests.count("<tr class=\"heat-row\">", in: dom) == schools)
    #expect(BrowserTests.count(" data-school-node=\"", in: dom) == schools)
    #expect(BrowserTests.count(" data-school-report=\"", in: dom) == min(schools, 20))
    #expect(!dom.lowercased().contains("<script"))
    let console = dump.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")

    let screenshot = directory.appendingPathComponent("trust.png")
    let shot = try Browser.run(
      chromium,
      [
        "--screenshot=\(screenshot.path)", "--window-size=1000,1400", "--hide-scrollbars",
        page.absoluteString,
      ], profile: directory.appendingPathComponent("profile-shot"))
    #expect(shot.status == 0)
    let size = (try? Data(contentsOf: screenshot).count) ?? 0
    #expect(size > 20_000, "screenshot looks blank: \(size) bytes")
  }
}

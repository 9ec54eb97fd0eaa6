import Foundation
import Testing

/// Renders sample reports in a real browser (headless Chromium) when one is installed.
///
/// `.ci/run` installs Chromium with `Scripts/ci-install-report-tools.sh`. Elsewhere a missing
/// Chromium makes these tests print a note and pass; when the `CI` environment variable is set
/// it makes them fail (``RequiredTool``). For each sample the test writes the report with the built binary, then
/// asks Chromium for the DOM after parsing (`--dump-dom`), the console log
/// (`--enable-logging=stderr`) and a screenshot, and checks: one `data-team` element per team,
/// no console messages (a Content-Security-Policy violation or a script error would log one),
/// no element created from a hostile name, and a screenshot that is not blank.
struct BrowserTests {
  static let samples = ["Samples/secondary.csv", "Tests/Fixtures/hostile-names.csv"]

  @Test(arguments: samples)
  func reportRendersInChromium(sample: String) throws {
    guard let chromium = Browser.find() else { return }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("report.html")
    let report = try runGateways(["report", sample, "-o", page.path])
    #expect(report.status == 0, "report failed: \(report.standardError)")
    let graphml = try runGateways(["export", "--format", "graphml", sample])
    let teams =
      graphml.standardOutput.components(separatedBy: "<data key=\"type\">team</data>")
      .count - 1
    #expect(teams > 0)

    let dump = try Browser.run(
      chromium, ["--dump-dom", "--enable-logging=stderr", "--v=0", page.absoluteString],
      profile: directory.appendingPathComponent("profile-dom"))
    #expect(dump.status == 0)
    let dom = dump.standardOutput
    #expect(dom.contains("</html>"), "Chromium dumped no DOM: \(dump.standardError)")
    #expect(Self.count("data-team=\"", in: dom) == teams)
    #expect(!dom.lowercased().contains("<script"))
    #expect(!dom.contains("<img"))
    #expect(!dom.contains("<b>"))
    let console = dump.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")
    if sample.contains("hostile") {
      #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    let screenshot = directory.appendingPathComponent("report.png")
    let shot = try Browser.run(
      chromium,
      [
        "--screenshot=\(screenshot.path)", "--window-size=1000,1400", "--hide-scrollbars",
        page.absoluteString,
      ], profile: directory.appendingPathComponent("profile-shot"))
    #expect(shot.status == 0)
    let blank = directory.appendingPathComponent("blank.html")
    try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blank)
    let blankShot = directory.appendingPathComponent("blank.png")
    _ = try Browser.run(
      chromium,
      [
        "--screenshot=\(blankShot.path)", "--window-size=1000,1400", "--hide-scrollbars",
        blank.absoluteString,
      ],
      profile: directory.appendingPathComponent("profile-blank"))
    let size = (try? Data(contentsOf: screenshot).count) ?? 0
    let blankSize = (try? Data(contentsOf: blankShot).count) ?? 0
    #expect(
      size > 20_000 && size > 4 * blankSize, "screenshot looks blank: \(size) bytes vs \(blankSize)"
    )
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}

/// Finds and runs headless Chromium.
enum Browser {
  /// Chromium, or `nil` after a note (or, when `CI` is set, a failure): see ``RequiredTool``.
  static func find() -> URL? {
    RequiredTool.find(
      ["chromium", "chromium-browser", "google-chrome"],
      purpose: "the HTML report's rendering in a browser")
  }

  /// Runs Chromium headless with its own profile folder, killed after two minutes.
  static func run(_ chromium: URL, _ arguments: [String], profile: URL) throws -> ProcessResult {
    try runProcess(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)",
      ] + arguments, timeout: 120)
  }
}

/// The report of a large connected network (10⁵ memberships) renders in Chromium.
struct LargeReportBrowserTests {
  /// A roster of about `memberships` memberships: one network of teams in a ring where each team
  /// shares one person with the next and one with the one after (so no one person holds it
  /// together), fifty islands of four teams and a hundred silos; every column filled.
  static func networkRoster(memberships: Int) -> String {
    let teams = memberships / 6
    var csv = "staff_id,name,role,department,year_group,team,gateway,team_role\n"
    let gateways = ["student voice", "curriculum", "afl", "coaching", "new technologies"]
    var staff = 0
    func row(_ person: Int, _ team: Int, leader: Bool) {
      csv += "s\(person),\"Ñame \(person), Synthetic\",Teacher,Dept \(person % 7),"
      csv += "Year \(7 + person % 5),t\(team),\(gateways[team % gateways.count]),"
      csv += leader ? "leader\n" : "member\n"
    }
    let ring = teams - 300
    for t in 0..<ring {
      row(staff, t, leader: true)
      row(staff, (t + 1) % ring, leader: false)
      row(staff + 1, t, leader: false)
      row(staff + 1, (t + 2) % ring, leader: false)
      row(staff + 2, t, leader: false)
      row(staff + 3, t, leader: false)
      staff += 4
    }
    for island in 0..<50 {
      for t in 0..<4 {
        row(staff, ring + island * 4 + t, leader: true)
        row(staff, ring + island * 4 + (t + 1) % 4, leader: false)
        staff += 1
      }
    }
    for silo in 0..<100 {
      row(staff, ring + 200 + silo, leader: true)
      row(staff + 1, ring + 200 + silo, leader: false)
      staff += 2
    }
    return csv
  }

  @Test func reportOfALargeNetworkRendersInChromium() throws {
    guard let chromium = Browser.find() else {
      print("note: Chromium is not installed; the large report was not rendered in a browser")
      return
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-large-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let roster = directory.appendingPathComponent("network.csv")
    try Data(Self.networkRoster(memberships: 100_000).utf8).write(to: roster)
    let page = directory.appendingPathComponent("report.html")
    let report = try runGateways(["report", roster.path, "-o", page.path])
    #expect(report.status == 0, "report failed: \(report.standardError)")
    let size = (try? Data(contentsOf: page).count) ?? 0
    #expect(size > 0 && size < 5_000_000, "\(size) bytes")

    let dump = try Browser.run(
      chromium, ["--dump-dom", "--enable-logging=stderr", "--v=0", page.absoluteString],
      profile: directory.appendingPathComponent("profile"))
    #expect(dump.status == 0)
    let dom = dump.standardOutput
    #expect(dom.contains("</html>"), "Chromium dumped no DOM: \(dump.standardError)")
    // The groups are drawn: the main group, the 24 largest islands, the other islands, the silos.
    #expect(BrowserTests.count("data-group=\"", in: dom) == 27)
    #expect(BrowserTests.count("data-group-after=\"", in: dom) == 27)
    #expect(dom.contains("too many to draw one by one"))
    #expect(!dom.lowercased().contains("<script"))
    let console = dump.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")
  }
}

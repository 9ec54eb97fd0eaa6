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
/// no element created from a hostile name, one row of the team table per team and one entry
/// per person on no team, and a screenshot that is not blank. The secondary sample's report,
/// printed to PDF, fits on four A4 pages.
struct BrowserTests {
  /// Every bundled sample of one school, and the hostile names.
  static let samples: [String] =
    ((try? FileManager.default.contentsOfDirectory(
      atPath: packageRoot.appendingPathComponent("Samples").path)) ?? [])
    .filter { ($0.hasSuffix(".csv") || $0.hasSuffix(".json")) && !trustSamples.contains($0) }
    .sorted().map { "Samples/\($0)" }
    + ["Tests/Fixtures/hostile-names.csv"]

  /// The bundled samples that are a trust's roster (``TrustBrowserTests`` renders them).
  static let trustSamples: Set<String> = ["trust.csv"]

  /// The number of teams and of staff on no team, from `analyse --format json`.
  static func counts(of sample: String) throws -> (teams: Int, uninvolved: Int) {
    let result = try runGateways(["analyse", "--format", "json", sample])
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    let json = try #require(object as? [String: Any])
    let teams = try #require(json["teams"] as? [Any])
    let uninvolved = try #require(json["uninvolved"] as? [Any])
    return (teams.count, uninvolved.count)
  }

  @Test func everySampleIsRendered() {
    #expect(Self.samples.count >= 5)
    #expect(Self.samples.contains("Samples/secondary.csv"))
  }

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
    // The team table has one row per team, the staff on no team one entry each.
    let expected = try Self.counts(of: sample)
    #expect(expected.teams == teams)
    #expect(Self.count("<tr class=\"team-row", in: dom) == expected.teams)
    #expect(Self.count("class=\"no-team-person\"", in: dom) == expected.uninvolved)
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

  @Test func theSecondaryReportPrintsOnAtMostFourA4Pages() throws {
    guard let chromium = Browser.find() else { return }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("report.html")
    let report = try runGateways(["report", "Samples/secondary.csv", "-o", page.path])
    #expect(report.status == 0, "report failed: \(report.standardError)")
    let pdf = directory.appendingPathComponent("report.pdf")
    let print = try Browser.run(
      chromium, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString],
      profile: directory.appendingPathComponent("profile-pdf"))
    #expect(print.status == 0)
    let data = try Data(contentsOf: pdf)
    let pages = PDFPages.count(in: data)
    #expect((1...4).contains(pages), "\(pages) pages")
    // Every page is A4: 595 × 842 points (210 × 297 mm).
    let boxes = PDFPages.mediaBoxes(in: data)
    #expect(boxes.count == pages)
    for box in boxes {
      #expect(abs(box.width - 595.3) < 1.5 && abs(box.height - 841.9) < 1.5, "\(box)")
    }
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}

/// Pages of a PDF as Chromium writes it (page objects uncompressed), read without a PDF tool.
enum PDFPages {
  /// The `/Type /Page` objects (not `/Pages`).
  static func count(in data: Data) -> Int {
    let text = String(decoding: data, as: UTF8.self)
    var count = 0
    var rest = text[...]
    while let range = rest.range(of: "/Type /Page") {
      rest = rest[range.upperBound...]
      if rest.first != "s" { count += 1 }
    }
    return count
  }

  /// The width and height of each `/MediaBox [x0 y0 x1 y1]`.
  static func mediaBoxes(in data: Data) -> [(width: Double, height: Double)] {
    let text = String(decoding: data, as: UTF8.self)
    var boxes: [(width: Double, height: Double)] = []
    for piece in text.components(separatedBy: "/MediaBox [").dropFirst() {
      let numbers = piece.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
      guard numbers.count == 4 else { continue }
      boxes.append((numbers[2] - numbers[0], numbers[3] - numbers[1]))
    }
    return boxes
  }
}

struct PDFPagesTests {
  @Test func pagesAndBoxesAreReadFromThePageObjects() {
    let pdf = """
      %PDF-1.4
      1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj
      2 0 obj << /Type /Page /MediaBox [0 0 594.96 841.92] >> endobj
      3 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj
      """
    #expect(PDFPages.count(in: Data(pdf.utf8)) == 2)
    let boxes = PDFPages.mediaBoxes(in: Data(pdf.utf8))
    #expect(boxes.map(\.width) == [594.96, 612])
    #expect(boxes.map(\.height) == [841.92, 792])
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

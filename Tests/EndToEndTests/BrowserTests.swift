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

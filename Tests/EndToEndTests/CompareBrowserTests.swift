import Foundation
import Testing

/// Renders the page of `gateways compare --format html` in headless Chromium (when installed,
/// as ``BrowserTests`` does) and checks each term's drawing in the DOM the browser built.
struct CompareBrowserTests {
  @Test func comparePageRendersInChromiumWithTeamsInPlace() throws {
    guard let chromium = Browser.find() else {
      print("note: Chromium is not installed; the compare page was not rendered in a browser")
      return
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-compare-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let spring = directory.appendingPathComponent("spring.csv")
    let write = try runGateways(["suggest", "--write", spring.path, "Samples/secondary.csv"])
    #expect(write.status == 0, "suggest failed: \(write.standardError)")
    let page = directory.appendingPathComponent("compare.html")
    let compare = try runGateways([
      "compare", "--format", "html", "-o", page.path, "--label", "autumn", "--label", "spring",
      "Samples/secondary.csv", spring.path, "Tests/Fixtures/hostile-names.csv",
      "--label", "hostile",
    ])
    #expect(compare.status == 0, "compare failed: \(compare.standardError)")

    let dump = try Browser.run(
      chromium, ["--dump-dom", "--enable-logging=stderr", "--v=0", page.absoluteString],
      profile: directory.appendingPathComponent("profile-dom"))
    #expect(dump.status == 0)
    let dom = dump.standardOutput
    #expect(dom.contains("</html>"), "Chromium dumped no DOM: \(dump.standardError)")
    #expect(!dom.lowercased().contains("<script"))
    #expect(!dom.contains("<b>"))
    #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !dom.contains("alert(1)"))
    let console = dump.standardError.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")
    // 11 teams in both sample terms, drawn at the same places.
    func centres(term: Int) -> [String: String] {
      var result: [String: String] = [:]
      for piece in dom.components(separatedBy: "data-term=\"\(term)\" data-team=\"").dropFirst() {
        let team = String(piece.prefix { $0 != "\"" })
        guard let node = piece.range(of: "class=\"node\" cx=\"") else { continue }
        result[team] = String(piece[node.upperBound...].prefix { $0 != "r" })
      }
      return result
    }
    let autumn = centres(term: 0)
    let later = centres(term: 1)
    #expect(autumn.count == 11)
    #expect(autumn == later)

    let screenshot = directory.appendingPathComponent("compare.png")
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

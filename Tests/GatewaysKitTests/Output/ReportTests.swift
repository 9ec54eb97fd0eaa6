import Foundation
import Testing

@testable import GatewaysKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

struct HTMLReportTests {
  static func report(_ roster: Roster, after: HTMLReport.After? = nil) -> String {
    HTMLReport(
      roster: roster, analysis: Analyser().analyse(roster), source: "test.csv", after: after
    )
    .render()
  }

  @Test func escapingTurnsMarkupIntoText() {
    #expect(
      HTMLEscaping.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    #expect(HTMLEscaping.text("O'Brien & \"x\"") == "O&#39;Brien &amp; &quot;x&quot;")
    #expect(HTMLEscaping.text("a\u{0}b\u{7F}c\nd") == "abc\nd")
    #expect(HTMLEscaping.shortened("abcdef", limit: 4) == "abc…")
    #expect(HTMLEscaping.shortened("a\nb", limit: 4) == "a b")
  }

  @Test func hostileNamesAppearOnlyAsText() {
    let html = Self.report(ReportFixtures.hostile)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("<i>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;"))
    #expect(!html.contains("\u{0}"))
    // Every tag in the page is one the report writes itself.
    let allowed: Set<String> = [
      "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p",
      "section", "div", "span", "ul", "li", "strong", "bdi", "figure", "figcaption", "svg", "g",
      "line", "text", "circle", "rect", "table", "thead", "tbody", "tr", "th", "td", "footer",
    ]
    for tag in Self.tagNames(in: html) { #expect(allowed.contains(tag), "unexpected <\(tag)>") }
  }

  @Test func oneTeamNodePerTeamAndNoScript() {
    let roster = ReportFixtures.school
    let html = Self.report(roster)
    #expect(Self.count("data-team=\"", in: html) == roster.teams.count)
    for team in roster.teams { #expect(html.contains("data-team=\"\(team.id)\"")) }
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("@media print"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(html.contains("class=\"team silo\""))
    #expect(html.contains("island"))
  }

  @Test func reportIsDeterministic() {
    #expect(Self.report(ReportFixtures.school) == Self.report(ReportFixtures.school))
  }

  @Test func afterViewDrawsBothNetworksAndTheAdditions() {
    let roster = ReportFixtures.school
    var teams = roster.teams
    if let index = teams.firstIndex(where: { $0.id == "wellbeing" }) {
      teams[index] = Team(
        id: "wellbeing", name: "Wellbeing", gateway: Gateway(id: "wellbeing"),
        members: teams[index].members + ["020"])
    }
    let afterRoster = Roster(staff: roster.staff, teams: teams)
    let after = HTMLReport.After(
      roster: afterRoster,
      additions: [.init(staff: "020", team: "wellbeing", reason: "links a silo <now>")])
    let html = Self.report(roster, after: after)
    #expect(Self.count("data-team=\"", in: html) == roster.teams.count)
    #expect(Self.count("data-team-before=\"", in: html) == roster.teams.count)
    #expect(Self.count("data-team-after=\"", in: html) == afterRoster.teams.count)
    #expect(html.contains("links a silo &lt;now&gt;"))
    #expect(html.contains("team changed"))
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  static func tagNames(in html: String) -> Set<String> {
    var names = Set<String>()
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      if rest.hasPrefix("/") { rest = rest.dropFirst() }
      let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      names.insert(String(name))
    }
    return names
  }
}

struct TeamNetworkLayoutTests {
  @Test(arguments: [3, 5, 14, 40, 90, 150])
  func nodesDoNotOverlapAndStayInside(teams: Int) {
    let roster = ReportFixtures.random(teams: teams, seed: UInt64(teams))
    let layout = TeamNetworkLayout(analysis: Analyser().analyse(roster))
    #expect(layout.nodes.count == teams)
    for (i, a) in layout.nodes.enumerated() {
      #expect(a.x - a.radius >= 0 && a.x + a.radius <= layout.width)
      #expect(a.y - a.radius >= 0 && a.y + a.radius <= layout.height)
      for b in layout.nodes[(i + 1)...] {
        let distance = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        #expect(distance >= a.radius + b.radius, "\(a.team) overlaps \(b.team)")
      }
    }
  }

  @Test func layoutIsDeterministic() {
    let analysis = Analyser().analyse(ReportFixtures.random(teams: 60, seed: 7))
    #expect(TeamNetworkLayout(analysis: analysis) == TeamNetworkLayout(analysis: analysis))
    let a = SVGNetworkDrawing(
      roster: ReportFixtures.school, analysis: Analyser().analyse(ReportFixtures.school),
      layout: TeamNetworkLayout(analysis: Analyser().analyse(ReportFixtures.school)))
    #expect(a.svg() == a.svg())
  }

  @Test func emptyRosterHasAnEmptyLayout() {
    let layout = TeamNetworkLayout(analysis: Analyser().analyse(Roster(staff: [], teams: [])))
    #expect(layout.nodes.isEmpty)
    let html = HTMLReportTests.report(Roster(staff: [], teams: []))
    #expect(html.contains("</html>"))
  }

  @Test func largeNetworksAreDrawnWithoutLabels() {
    let roster = ReportFixtures.random(teams: 160, seed: 3)
    let html = HTMLReportTests.report(roster)
    #expect(html.contains("too many to label"))
    #expect(HTMLReportTests.count("data-team=\"", in: html) == 160)
    #expect(!html.contains("<text class=\"label\""))
  }
}

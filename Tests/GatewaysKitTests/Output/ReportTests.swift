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
      "h3", "br", "em", "code", "defs", "pattern", "path",
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

  @Test func theTeamTableHasOneRowPerTeamWithItsPeopleAndTheirRoles() {
    let roster = ReportFixtures.school
    let analysis = Analyser().analyse(roster)
    let html = Self.report(roster)
    #expect(Self.count("<tr class=\"team-row", in: html) == roster.teams.count)
    for team in roster.teams { #expect(html.contains("data-team-row=\"\(team.id)\"")) }
    // A leader and a member, each with the role.
    #expect(html.contains("<bdi>Staff 0</bdi> <span class=\"who\">(<bdi>Assistant head</bdi>)"))
    #expect(html.contains("<bdi>Staff 7</bdi> <span class=\"who\">(<bdi>Teacher</bdi>)"))
    // Every silo row says so, with the E-I verdict of every team.
    #expect(Self.count("<tr class=\"team-row silo", in: html) == analysis.silos.count)
    for team in analysis.teams {
      #expect(html.contains("\(formatScore(team.eiIndex)) \(Verdict.eiIndex(team.eiIndex).band)"))
    }
    // Staff on no team: one entry each, with id and role.
    #expect(Self.count("class=\"no-team-person\"", in: html) == analysis.uninvolved.count)
    #expect(!analysis.uninvolved.isEmpty)
    // Key people as sentences with their role.
    #expect(Self.count("<li class=\"key-person\">", in: html) == analysis.keyPeople.count)
    #expect(html.contains("<li class=\"key-person\">Without <bdi>Staff "))
    for item in html.components(separatedBy: "<li class=\"key-person\">").dropFirst() {
      let sentence = item.components(separatedBy: "</li>")[0]
      #expect(!sentence.contains("{") && sentence.contains(" the other "), "\(sentence)")
    }
    // Every verdict next to its score.
    for band in ["Coverage", "Inter-deep", "Complementarity", "Professional coupling", "Balance"] {
      #expect(html.contains("<tr><th scope=\"row\">\(band)</th>"), "\(band)")
    }
    let complementarity = Verdict.complementarity(analysis.deeps.complementarity.map(asShown))
    #expect(html.contains("<strong>\(complementarity.band)</strong>: \(complementarity.reading)"))
  }

  @Test func leaderOnlyLinksAndAdditionsNameEachPersonWithIdAndRole() {
    let roster = Roster(
      staff: [
        StaffMember(id: "a", name: "Sam Clarke", role: "Head of Maths"),
        StaffMember(id: "b", name: "Sam Clarke", role: "Teacher of Art"),
        StaffMember(id: "c", name: "Kit Doe", role: "Teacher"),
      ],
      teams: [
        Team(id: "t1", name: "One", members: ["a", "c"], leaders: ["a"]),
        Team(id: "t2", name: "Two", members: ["a", "b"], leaders: ["b"]),
        Team(id: "t3", name: "Three", members: ["c"], leaders: ["c"]),
      ])
    var teams = roster.teams
    teams[2].members = ["b", "c"]
    let after = HTMLReport.After(
      roster: Roster(staff: roster.staff, teams: teams),
      additions: [.init(staff: "b", team: "t3", reason: "links a silo")])
    let html = Self.report(roster, after: after)
    // t1–t2 rest on a, who leads t1.
    #expect(
      html.contains(
        "<li class=\"leader-only-link\"><bdi>One</bdi> – <bdi>Two</bdi>, via <bdi>Sam Clarke</bdi> <span class=\"who\">(<bdi>a, Head of Maths</bdi>)"
      ))
    #expect(
      html.contains(
        "<tr class=\"addition\"><td><bdi>Sam Clarke</bdi></td><td><bdi>b</bdi></td><td><bdi>Teacher of Art</bdi></td>"
      ))
    #expect(html.contains("<li class=\"key-person\">Without <bdi>Sam Clarke</bdi>"))
  }

  @Test func theTitleReplacesTheFileNameWhichPseudonymisedReportsNeverShow() {
    let roster = ReportFixtures.school
    let analysis = Analyser().analyse(roster)
    func page(_ title: String?, _ subtitle: String?, shows: Bool) -> String {
      HTMLReport(
        roster: roster, analysis: analysis, source: "st-marys-2026.csv", title: title,
        subtitle: subtitle, showsSource: shows
      ).render()
    }
    #expect(page(nil, nil, shows: true).contains("<title>Gateway teams: st-marys-2026.csv</title>"))
    #expect(!page(nil, nil, shows: false).contains("st-marys"))
    #expect(!page("St Mary's", nil, shows: true).contains("st-marys"))
    #expect(page("St Mary's", nil, shows: true).contains("<h1>St Mary&#39;s</h1>"))
    let both = page(nil, "Spring term", shows: true)
    #expect(!both.contains("st-marys"))
    #expect(both.contains("<p class=\"subtitle\">Spring term</p>"))
  }

  /// Every mark of the drawing is in its legend, and the deeps differ by pattern as well as
  /// colour, so they stay apart in greyscale.
  @Test func everyMarkHasALegendAndTheDeepsHavePatterns() {
    let roster = ReportFixtures.school
    let html = Self.report(roster, after: HTMLReport.After(roster: roster, additions: []))
    for deep in [Deep?](Deep.allCases) + [nil] {
      guard let pattern = deepPattern(deep) else { continue }
      #expect(html.contains("<pattern id=\"\(pattern)\""))
      #expect(html.contains("fill=\"url(#\(pattern))\""), "legend of \(pattern)")
      #expect(html.contains("fill=\"url(#\(pattern)) none\""), "drawing of \(pattern)")
    }
    #expect(Set(Deep.allCases.map(deepPattern)).count == Deep.allCases.count)
    for label in [
      "silo</li>", "island</li>", "team (the number: its members)", "link: shared people",
      "link through a key person", "new link (dashed)", "team that gains members",
      "the target</li>", "this school</li>", "the way to the target</li>",
    ] {
      #expect(html.contains(label), "no legend for \(label)")
    }
  }

  /// At scale the tables stay bounded: the team table and the staff on no team are cut and
  /// counted.
  @Test func theTablesAreBoundedAtScale() {
    let roster = ReportShapes.roster("chain of islands", teams: 600)
    var staff = roster.staff
    staff += (0..<300).map { StaffMember(id: "idle-\($0)", name: "Idle \($0)", role: "Teacher") }
    let html = Self.report(Roster(staff: staff, teams: roster.teams))
    #expect(Self.count("<tr class=\"team-row", in: html) == HTMLReport.maximumListedTeams)
    #expect(html.contains("and \(600 - HTMLReport.maximumListedTeams) more teams"))
    #expect(Self.count("class=\"no-team-person\"", in: html) == HTMLReport.maximumListedUninvolved)
    #expect(html.contains("and \(300 - HTMLReport.maximumListedUninvolved) more"))
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

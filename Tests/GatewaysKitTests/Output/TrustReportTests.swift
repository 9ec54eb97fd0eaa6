import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// The trust's HTML page: the table of schools, the heat map by deep, the network of schools,
/// the schools' own sections, and its size at any number of schools.
struct TrustReportTests {
  /// Four schools: Ash (a silo and staff on no team), Birch (isolated), Elm and Oak (joined by
  /// a person_id and the trust-wide team maths-hub).
  static let csv = """
    staff_id,name,team,gateway,team_role,school,person_id,team_school
    T01,Ann Alpha,voice,Student voice,leader,Oak Academy,P100,
    T02,Ben Beta,voice,,member,Oak Academy,,
    T02,Ben Beta,afl,AfL,leader,Oak Academy,,
    T03,Cy Gamma,afl,,member,Oak Academy,,
    T03,Cy Gamma,l2l,Learning to learn,member,Oak Academy,,
    T04,Di Delta,l2l,,leader,Oak Academy,,
    T04,Di Delta,voice,,member,Oak Academy,,
    T01,Eve Eps,voice,Student voice,leader,Elm Primary,,
    T02,Fay Zeta,voice,,member,Elm Primary,P100,
    T03,Gus Eta,maths-hub,Curriculum,member,Elm Primary,,trust
    T01,Hal Theta,mentor,Mentoring and coaching,leader,Ash School,,
    T02,Ida Iota,,,,Ash School,,
    T03,Jo Kappa,maths-hub,,leader,Ash School,,trust
    T07,Kit Lambda,solo,,leader,Birch School,,
    """

  static func trust(_ text: String = csv) throws -> TrustRoster {
    let reading = try RosterReader().readSchools([(Data(text.utf8), "trust.csv", .csv)])
    guard case .trust(let trust) = reading else {
      Issue.record("not read as a trust")
      return TrustRoster(schools: [])
    }
    return trust
  }

  static func page(_ trust: TrustRoster, title: String? = nil) -> String {
    TrustReport(
      trust: trust, analysis: Analyser().analyse(trust), source: "trust.csv", title: title
    )
    .render()
  }

  /// The values of the attribute `name` in the order they appear.
  static func values(of name: String, in html: String) -> [String] {
    html.components(separatedBy: " \(name)=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test func theTableHasARowPerSchoolInAttentionOrder() throws {
    let trust = try Self.trust()
    let analysis = Analyser().analyse(trust)
    let html = TrustReport(trust: trust, analysis: analysis, source: "trust.csv").render()
    let rows = html.components(separatedBy: "<tr class=\"school-row").dropFirst()
    #expect(rows.count == 4)
    let names = rows.map { row in
      String(row.components(separatedBy: "data-school=\"")[1].prefix { $0 != "\"" })
    }
    #expect(names == analysis.attentionOrder.map { analysis.schools[$0].name })
    // Ash: a silo (mentor) and the isolated Birch's silo come before Oak, which has none.
    #expect(names.last == "Oak Academy")
    // Ash's row: 3 staff, 1 team, 1 silo, 0 islands, 0 key people, 2 on no team, with a bar
    // per number (Ash has the most staff on no team, so that bar is full).
    let ash = try #require(rows.first { $0.contains("data-school=\"Ash School\"") })
    let cells = ash.components(separatedBy: "<td class=\"num\">").dropFirst().map {
      String($0.components(separatedBy: "</td>")[0].split(separator: ">").last ?? "")
    }
    #expect(cells == ["3", "1", "1", "0", "0", "2", "0.11"])
    #expect(ash.contains("width:100%\"></span></span>2</td>"))
    #expect(ash.contains(" cut-off\""))
  }

  @Test func theHeatMapHasACellPerSchoolAndDeepWithItsNumber() throws {
    let trust = try Self.trust()
    let analysis = Analyser().analyse(trust)
    let html = TrustReport(trust: trust, analysis: analysis, source: "trust.csv").render()
    let heat = try #require(
      html.components(separatedBy: "<table class=\"heat school-heat\">").last?
        .components(separatedBy: "</table>").first)
    let rows = heat.components(separatedBy: "<tr class=\"heat-row\">").dropFirst()
    #expect(rows.count == 4)
    for row in rows {
      #expect(Self.values(of: "data-deep", in: row) == Deep.allCases.map(\.rawValue))
    }
    // Oak has all three gateways of deep learning, every pair linked: cohesion 1.
    let oak = try #require(rows.first { $0.contains(">Oak Academy<") })
    let position = try #require(analysis.schools.firstIndex { $0.name == "Oak Academy" })
    #expect(analysis.schools[position].analysis.deeps.perDeep[.learning]?.cohesion == 1)
    #expect(oak.contains("data-deep=\"learning\" style=\"background:rgba(78,121,167,1);"))
    #expect(oak.contains(">1.00<small>3 of 3</small></td>"))
    // Fewer than two gateways: a dash and how many there are, readable without colour.
    #expect(oak.contains("unknown\" data-deep=\"leadership\">—<small>0 gateways</small>"))
  }

  @Test func theNetworkDrawsEverySchoolTheTrustWideTeamAndTheIsolatedSchool() throws {
    let html = Self.page(try Self.trust())
    #expect(
      Self.values(of: "data-school-node", in: html) == [
        "Ash School", "Birch School", "Elm Primary", "Oak Academy",
      ])
    #expect(Self.values(of: "data-trust-team", in: html) == ["maths-hub"])
    #expect(html.contains("<g class=\"school isolated\" data-school-node=\"Birch School\">"))
    // Elm and Oak share one person; maths-hub reaches Ash and Elm with dashed lines.
    #expect(html.contains("<title>Elm Primary – Oak Academy: 1 person shared</title>"))
    #expect(Self.count("class=\"link trust-link", in: html) == 2 + 1)  // two lines, one legend
  }

  @Test func thePageIsTheTrustsAndEachSectionIsTheSchoolsOwnReport() throws {
    let trust = try Self.trust()
    let html = Self.page(trust, title: "Hill Trust")
    #expect(html.contains("<title>Hill Trust</title>"))
    #expect(html.contains("<h1>Hill Trust</h1>"))
    let untitled = Self.page(trust)
    #expect(untitled.contains("<h1>Gateway teams across the schools</h1>"))
    #expect(untitled.contains("<title>Gateway teams across the schools: trust.csv</title>"))
    let beforeSections = try #require(
      untitled.components(separatedBy: "<section class=\"school-report\"").first)
    #expect(!beforeSections.contains("this school"))
    #expect(!untitled.lowercased().contains("<script"))
    // Every school has its section (4 < the limit), with the single school's team table.
    #expect(
      Self.values(of: "data-school-report", in: untitled).sorted() == trust.schools.map(\.name))
    let oak = try #require(
      untitled.components(separatedBy: "data-school-report=\"Oak Academy\"").last?
        .components(separatedBy: "</section>\n<section class=\"school-report\"").first)
    #expect(Self.count("<tr class=\"team-row", in: oak) == 3)
    #expect(oak.contains("<h3>Headline findings</h3>"))
    // The school's report with its h2 and h3 one level down is the section's body.
    let position = try #require(trust.schools.firstIndex { $0.name == "Oak Academy" })
    let single = HTMLReport(
      roster: trust.schools[position].roster,
      analysis: Analyser().analyse(trust.schools[position].roster), source: "Oak Academy"
    ).sections()
    #expect(
      untitled.contains(
        single.replacingOccurrences(of: "<h3>", with: "<h4>")
          .replacingOccurrences(of: "</h3>", with: "</h4>")
          .replacingOccurrences(of: "<h2>", with: "<h3>")
          .replacingOccurrences(of: "</h2>", with: "</h3>")))
    #expect(Self.page(trust) == untitled, "the same trust gives the same bytes")
  }

  @Test func aSchoolsSuggestionsAreThoseGiven() throws {
    let trust = try Self.trust()
    let position = try #require(trust.schools.firstIndex { $0.name == "Ash School" })
    let roster = trust.schools[position].roster
    let plan = Suggester().plan(for: roster)
    let after = HTMLReport.After(
      roster: plan.applied(to: roster),
      additions: plan.additions.map { HTMLReport.Addition(staff: $0.staff, team: $0.team) })
    let html = TrustReport(
      trust: trust, analysis: Analyser().analyse(trust), source: "trust.csv",
      after: ["Ash School": after]
    ).render()
    #expect(Self.count("<h3>Suggested additions</h3>", in: html) == 1)
    let ash = try #require(
      html.components(separatedBy: "data-school-report=\"Ash School\"").last?
        .components(separatedBy: "</section>\n<section class=\"school-report\"").first)
    #expect(ash.contains("<h3>Suggested additions</h3>"))
    // Only Ash's own staff and teams are suggested.
    let staff = Set(roster.staff.map(\.id))
    #expect(plan.additions.allSatisfy { staff.contains($0.staff) })
  }

  /// Generated trusts: every school a row and a drawn node up to the drawing's limit, the
  /// groups of schools above it, and the page's bytes growing at most linearly.
  @Test func thePageGrowsAtMostLinearlyWithTheSchools() throws {
    var bytes: [Int: Int] = [:]
    for schools in [2, 20, 80, 160, 320] {
      let trust = try Self.trust(RandomTrust(seed: UInt64(schools), schools: schools).csv)
      let html = Self.page(trust)
      bytes[schools] = html.utf8.count
      #expect(Self.count("<tr class=\"school-row", in: html) == schools)
      #expect(Self.count("<tr class=\"heat-row\">", in: html) == schools)
      if schools <= TrustReport.maximumDrawnSchools {
        #expect(Self.count(" data-school-node=\"", in: html) == schools)
      } else {
        #expect(Self.count(" data-school-node=\"", in: html) == 0)
        #expect(html.contains("data-school-group=\"0\""))
      }
      #expect(
        Self.count("data-school-report=\"", in: html)
          == min(schools, TrustReport.maximumDetailedSchools))
    }
    // Beyond the detailed sections, each school adds about the same.
    let perSchool = Double(bytes[160, default: 0] - bytes[80, default: 0]) / 80
    #expect(perSchool > 0)
    #expect(Double(bytes[320, default: 0] - bytes[160, default: 0]) / 160 <= perSchool * 1.2)
    #expect(bytes[320, default: 0] < 5_000_000)
  }

  @Test func aBigTrustStaysUnderFiveMegabytes() throws {
    // 700 schools: 500 rows, the groups drawn, 20 sections.
    let big = try Self.trust(RandomTrust(seed: 9, schools: 700).csv)
    let html = Self.page(big)
    #expect(html.utf8.count < 5_000_000)
    #expect(Self.count("<tr class=\"school-row", in: html) == TrustReport.maximumListedSchools)
    #expect(html.contains("… and 200 more schools"))
    #expect(html.contains("--school NAME</code> gives one school's report"))
  }

  @Test func theSectionsStayWithinTheBudget() throws {
    let trust = try Self.trust()
    let analysis = Analyser().analyse(trust)
    var report = TrustReport(trust: trust, analysis: analysis, source: "trust.csv")
    let whole = report.render()
    let first = analysis.schools[analysis.attentionOrder[0]].name
    let second = analysis.schools[analysis.attentionOrder[1]].name
    let sizes = [first, second].map { name in
      whole.components(separatedBy: "<section class=\"school-report\"").first {
        $0.contains(" data-school-report=\"\(name)\"")
      }.map { ("<section class=\"school-report\"" + $0).utf8.count } ?? 0
    }
    // Room for the first two sections (less the footer after the last): the first two fit.
    report.sectionsBudget = sizes[0] + sizes[1] + 10
    let html = report.render()
    #expect(Self.values(of: "data-school-report", in: html) == [first, second])
    #expect(html.contains("<p class=\"other-schools\">The other 2 schools: "))
    #expect(html.contains("<code>gateways report trust.csv --school NAME</code>"))
    report.sectionsBudget = sizes[0] - 1
    #expect(Self.count("data-school-report=\"", in: report.render()) == 0)
  }

  @Test func atMostAHundredTrustWideTeamsAreDrawn() throws {
    var csv = "staff_id,name,team,team_role,school,team_school\n"
    for team in 0..<120 {
      for school in ["Oak", "Elm"] {
        csv += "S\(team),Person \(school) \(team),hub-\(team),member,\(school),trust\n"
      }
    }
    let html = Self.page(try Self.trust(csv))
    #expect(
      Self.count(" data-trust-team=\"", in: html) == TrustNetworkDrawing.maximumDrawnTrustTeams)
    #expect(html.contains("120 trust-wide teams: the 100 joining the most schools are drawn."))
  }
}

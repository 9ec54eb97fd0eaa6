/// A self-contained HTML report of a trust (or any network of schools): the schools in one
/// table with small bars, a heat map of the schools by the four deeps, the network of schools
/// drawn, and the first schools' own sections as ``HTMLReport`` gives them.
///
/// The page follows the single school's report: one file with inline CSS and SVG and no
/// script, under the same Content-Security-Policy, every roster name escaped, the same inputs
/// giving the same bytes. It is titled for the trust (``title``, or "Gateway teams across the
/// schools"), never "this school".
///
/// It stays under 5 MB whatever the trust: the table and the heat map list at most
/// ``maximumListedSchools`` schools (those needing most attention first, as
/// ``TrustAnalysis/attentionOrder``), the network draws every school up to
/// ``maximumDrawnSchools`` and the groups of schools above, and at most
/// ``maximumDetailedSchools`` schools get their own section, while the sections stay within
/// ``detailedSectionsBudget`` bytes; the other schools are named, with the command that gives
/// each one's report.
///
/// ```swift
/// let analysis = Analyser().analyse(trust)
/// let html = TrustReport(trust: trust, analysis: analysis, source: "trust.csv").render()
/// ```
public struct TrustReport: Sendable {
  /// The most schools listed in the table and the heat map; the rest are counted.
  public static let maximumListedSchools = 500
  /// The schools up to which every school is drawn; above, the groups of schools.
  public static let maximumDrawnSchools = 300
  /// The most schools given their own section, in attention order.
  public static let maximumDetailedSchools = 20
  /// The most bytes the schools' own sections take together: a section that would pass it is
  /// left out, with the schools after it.
  public static let detailedSectionsBudget = 3_000_000
  /// The most names in a list of schools, key connectors or teams; the rest are counted.
  public static let maximumNamed = 30

  /// The trust read.
  public var trust: TrustRoster
  /// Its analysis.
  public var analysis: TrustAnalysis
  /// The input's name (or names), shown when no ``title`` or ``subtitle`` is given.
  public var source: String
  /// The page's title (the trust, say), or `nil` for "Gateway teams across the schools".
  public var title: String?
  /// A line under the title (the term, say), or `nil`.
  public var subtitle: String?
  /// The suggested additions of each school that has its own section, by school name: a
  /// single-school plan on that school's roster (``HTMLReport/After``). A school missing here
  /// has no suggestions section.
  public var after: [String: HTMLReport.After]
  /// The command shown for one school's report, `gateways report FILE`; `--school NAME` is
  /// added to it.
  public var schoolCommand: String
  /// The bytes the schools' own sections may take (``detailedSectionsBudget``; smaller in
  /// tests).
  var sectionsBudget = TrustReport.detailedSectionsBudget

  /// Creates a trust's report.
  public init(
    trust: TrustRoster, analysis: TrustAnalysis, source: String, title: String? = nil,
    subtitle: String? = nil, after: [String: HTMLReport.After] = [:],
    schoolCommand: String? = nil
  ) {
    self.trust = trust
    self.analysis = analysis
    self.source = source
    self.title = title
    self.subtitle = subtitle
    self.after = after
    self.schoolCommand = schoolCommand ?? "gateways report \(source)"
  }

  /// The positions in the trust's schools of those that may get their own section: the first
  /// ``maximumDetailedSchools`` in attention order (the budget may leave out the last).
  /// - Complexity: O(n log n) in the schools.
  public static func detailCandidates(_ analysis: TrustAnalysis) -> [Int] {
    Array(analysis.attentionOrder.prefix(maximumDetailedSchools))
  }

  /// The HTML document.
  /// - Complexity: the attention order, O(n log n) in the schools; the network drawing (the
  ///   layout's, ``TeamNetworkLayout``, on at most ``maximumDrawnSchools`` schools); and the
  ///   single-school reports of the detailed schools.
  public func render() -> String {
    let e = HTMLEscaping.text
    let net = analysis.network
    let namesSource = title == nil && subtitle == nil
    let heading = title ?? "Gateway teams across the schools"
    var pageTitle = heading
    if let subtitle { pageTitle += " — " + subtitle }
    if namesSource { pageTitle += ": " + source }
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLReport.contentSecurityPolicy)\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(e(pageTitle))</title>\n<style>\n\(HTMLReport.css)\(Self.css)</style>\n"
    out += "</head>\n<body class=\"trust\">\n"
    out += HTMLReport.patternDefinitions
    out += "<header><h1>\(e(heading))</h1>"
    if let subtitle { out += "<p class=\"subtitle\">\(e(subtitle))</p>" }
    out += "<p class=\"source\">"
    if namesSource { out += "\(e(source)): " }
    out += "\(plural(net.schoolCount, "school")), \(plural(net.peopleCount, "member")) of staff, "
    out += "\(plural(net.teamCount, "team")), \(plural(net.membershipCount, "membership"))</p>"
    out += "</header>\n"

    let order = analysis.attentionOrder
    let detailed = detailedSections(order)
    let anchors = Dictionary(
      detailed.map { ($0.school, "school-\($0.school)") }, uniquingKeysWith: { a, _ in a })
    out += headline()
    out += schoolTable(order, anchors: anchors)
    out += deepsHeatMap(order, anchors: anchors)
    out += networkSection()
    out += schoolsSection(order, detailed: detailed)
    out += "<footer>Made with gateways. Each school's figures are of its own rows alone; the "
    out += "network joins them. Layout: force-directed, deterministic; the same rosters give the "
    out += "same picture.</footer>\n</body>\n</html>\n"
    return out
  }

  // MARK: Sections

  private func card(_ value: String, _ label: String, bad: Bool) -> String {
    "<div class=\"card\(bad ? " bad" : "")\"><span class=\"value\">\(HTMLEscaping.text(value))"
      + "</span><span class=\"label\">\(HTMLEscaping.text(label))</span></div>"
  }

  private func headline() -> String {
    let net = analysis.network
    var cutOff = 0
    for school in analysis.schools
    where school.analysis.summary.silos > 0
      || school.analysis.summary.islands > 0
    {
      cutOff += 1
    }
    var out = "<section class=\"headline\"><h2>Headline findings</h2>\n<div class=\"cards\">"
    out += card(grouped(net.schoolCount), net.schoolCount == 1 ? "school" : "schools", bad: false)
    out += card(grouped(cutOff), "with teams cut off", bad: cutOff > 0)
    out += card(
      grouped(net.isolated.count), net.isolated.count == 1 ? "isolated school" : "isolated schools",
      bad: !net.isolated.isEmpty)
    out += card(
      grouped(net.keyConnectors.count),
      net.keyConnectors.count == 1 ? "key connector" : "key connectors", bad: false)
    let band = Verdict.complementarity(net.deeps.complementarity.map(asShown)).band
    out += card(
      formatScore(net.deeps.complementarity), "trust complementarity: \(band)", bad: false)
    out += card(
      net.coupling.quadrant.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }
        ?? "unknown", "trust coupling", bad: net.coupling.quadrant != .learningCommunity)
    out += "</div>\n<ul>\n"
    out += "<li>\(plural(cutOff, "school")) of \(grouped(net.schoolCount)) "
    out += "\(cutOff == 1 ? "has" : "have") teams cut off (silos or islands): the table puts "
    out += "the schools needing most attention first.</li>\n"
    out += "<li>\(plural(net.peopleInSeveralSchools, "person", "people")) in several schools, "
    out += "\(plural(net.trustTeamCount, "trust-wide team")) and "
    out += "\(plural(net.otherSchoolMemberships, "membership")) of another school's team join "
    out += "the schools.</li>\n"
    if !net.isolated.isEmpty {
      out += "<li><strong>Isolated</strong>, linked to no other school: "
      out += names(net.isolated, total: net.isolated.count) + ".</li>\n"
    }
    out += "</ul></section>\n"
    return out
  }

  /// At most ``maximumNamed`` names, "a, b and c" or "a, b, … and 25 more".
  private func names(_ list: [String], total: Int) -> String {
    let shown = list.prefix(Self.maximumNamed).map { "<bdi>\(HTMLEscaping.text($0))</bdi>" }
    let hidden = total - shown.count
    if hidden > 0 { return shown.joined(separator: ", ") + " and \(grouped(hidden)) more" }
    guard let last = shown.last else { return "none" }
    return shown.count == 1 ? last : shown.dropLast().joined(separator: ", ") + " and " + last
  }

  /// A school's name, linked to its section when it has one.
  private func schoolName(_ position: Int, anchors: [Int: String]) -> String {
    let name = "<bdi>\(HTMLEscaping.text(analysis.schools[position].name))</bdi>"
    guard let anchor = anchors[position] else { return name }
    return "<a href=\"#\(anchor)\">\(name)</a>"
  }

  /// A number with a bar as long as its share of `largest` (dark on light, so it reads in
  /// greyscale; the number is written beside it).
  private func bar(_ value: Double, of largest: Double, text: String) -> String {
    let share = largest > 0 ? max(0, min(1, value / largest)) : 0
    return "<td class=\"num\"><span class=\"bar\"><span style=\"width:"
      + "\(formatCoordinate(share * 100))%\"></span></span>\(text)</td>"
  }

  private func schoolTable(_ order: [Int], anchors: [Int: String]) -> String {
    let shown = Array(order.prefix(Self.maximumListedSchools))
    var out = "<section class=\"schools\" id=\"schools\"><h2>The schools</h2>\n"
    out += "<p class=\"note\">Those needing most attention first: most teams cut off (silos and "
    out += "islands together), then most key people, then most staff on no team, then the lowest "
    out += "complementarity, then by name. Each bar is the value against the largest in its "
    out += "column (complementarity against 1).</p>\n"
    out += "<table class=\"school-table\"><thead><tr><th scope=\"col\">School</th>"
    for header in [
      "Staff", "Teams", "Silos", "Islands", "Key people", "No team", "Complementarity",
    ] {
      out += "<th scope=\"col\" class=\"num\">\(header)</th>"
    }
    out += "<th scope=\"col\">Coupling</th></tr></thead><tbody>\n"
    func values(_ position: Int) -> [Int] {
      let school = analysis.schools[position].analysis
      let s = school.summary
      return [s.staff, s.teams, s.silos, s.islands, s.keyPeople, school.uninvolved.count]
    }
    var largest = [Int](repeating: 0, count: 6)
    for position in shown {
      for (column, value) in values(position).enumerated() {
        largest[column] = max(largest[column], value)
      }
    }
    for position in shown {
      let school = analysis.schools[position].analysis
      let cutOff = school.summary.silos + school.summary.islands > 0
      out += "<tr class=\"school-row\(cutOff ? " cut-off" : "")\" data-school=\""
      out += "\(HTMLEscaping.text(analysis.schools[position].name))\">"
      out += "<th scope=\"row\">\(schoolName(position, anchors: anchors))</th>"
      for (column, value) in values(position).enumerated() {
        out += bar(Double(value), of: Double(largest[column]), text: grouped(value))
      }
      let complementarity = school.deeps.complementarity
      out += bar(complementarity ?? 0, of: 1, text: formatScore(complementarity))
      let quadrant = school.coupling.quadrant
      out += "<td class=\"quadrant-cell\(quadrant == .learningCommunity ? "" : " off-target")\">"
      out += "\(quadrant.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "unknown")"
      out += "</td></tr>\n"
    }
    out += "</tbody></table>\n"
    if order.count > shown.count {
      out += "<p class=\"note\">… and \(grouped(order.count - shown.count)) more schools "
      out += "(<code>gateways analyse --format json</code> lists them all).</p>\n"
    }
    return out + "</section>\n"
  }

  private func deepsHeatMap(_ order: [Int], anchors: [Int: String]) -> String {
    let shown = order.prefix(Self.maximumListedSchools)
    var out = "<section class=\"deeps\"><h2>The four deeps, school by school</h2>\n"
    out += "<p class=\"note\">Each cell is the cohesion of a deep in a school: of the pairs of "
    out += "the deep's gateways that have a team there, the share whose teams share a person "
    out += "(0 to 1; the small figure is linked pairs of pairs). Darker is more cohesive; "
    out += "<em>—</em>: fewer than two of the deep's gateways have a team (the small figure: "
    out += "how many do).</p>\n"
    out += "<ul class=\"legend heat-legend\">"
    for value in [0.0, 0.25, 0.5, 0.75, 1.0] {
      out += "<li><span class=\"heat-swatch\" style=\"\(Self.heatStyle(value))\">"
      out += "\(formatScore(value))</span></li>"
    }
    out += "<li><span class=\"heat-swatch unknown\">—</span>unknown</li></ul>\n"
    out += "<table class=\"heat school-heat\"><thead><tr><th scope=\"col\">School</th>"
    for deep in Deep.allCases { out += "<th scope=\"col\">\(deep.displayName)</th>" }
    out += "</tr></thead><tbody>\n"
    for position in shown {
      let entry = analysis.schools[position]
      out += "<tr class=\"heat-row\"><th scope=\"row\">\(schoolName(position, anchors: anchors))"
      out += "</th>"
      for deep in Deep.allCases {
        let cohesion = entry.analysis.deeps.perDeep[deep]
        out += "<td class=\"heat-cell"
        if let cohesion, let value = cohesion.cohesion {
          out += "\" data-deep=\"\(deep.rawValue)\" style=\"\(Self.heatStyle(value))\">"
          out += "\(formatScore(value))<small>\(cohesion.linkedPairs) of "
          out += "\(cohesion.possiblePairs)</small></td>"
        } else {
          let present = cohesion?.gatewaysPresent.count ?? 0
          out += " unknown\" data-deep=\"\(deep.rawValue)\">—<small>"
          out += "\(present) gateway\(present == 1 ? "" : "s")</small></td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    if order.count > shown.count {
      out += "<p class=\"note\">… and \(grouped(order.count - shown.count)) more schools.</p>\n"
    }
    return out + "</section>\n"
  }

  /// The background and ink of a heat-map cell of value 0...1.
  static func heatStyle(_ value: Double) -> String {
    let alpha = max(0, min(1, value))
    return "background:rgba(78,121,167,\(formatDecimal(0.08 + 0.92 * alpha)));color:"
      + (alpha > 0.55 ? "#fff" : "#222")
  }

  private func networkSection() -> String {
    let net = analysis.network
    var out = "<section class=\"network-section\"><h2>The network of schools</h2>\n"
    if net.schoolCount <= Self.maximumDrawnSchools {
      let drawing = TrustNetworkDrawing(trust: trust, network: net)
      out += "<p class=\"note\">Each circle is a school, sized by its staff (the number inside). "
      out += "A line joins two schools that share people: people in both (by "
      out += "<code>person_id</code>) or serving on the other's team; the number on it is how "
      out += "many. Each square is a trust-wide team, joined by dashed lines to the schools of "
      out += "its members. Isolated schools, linked to no other, have a dashed ring.</p>\n"
      if drawing.trustTeamCount > TrustNetworkDrawing.maximumDrawnTrustTeams {
        out += "<p class=\"note warn\">\(grouped(drawing.trustTeamCount)) trust-wide teams: the "
        out += "\(TrustNetworkDrawing.maximumDrawnTrustTeams) joining the most schools are "
        out += "drawn.</p>\n"
      }
      if drawing.drawnLinkCount < drawing.linkCount {
        out += "<p class=\"note warn\">\(grouped(drawing.linkCount)) links: the "
        out += "\(grouped(drawing.drawnLinkCount)) that share the most people are drawn.</p>\n"
      }
      out += "<figure class=\"network\">" + drawing.svg() + "</figure>\n"
      out += legend()
    } else {
      let sizes = net.groups.map(\.count) + net.isolated.map { _ in 1 }
      let groups = TeamGroupsDrawing(
        componentSizes: sizes,
        words: .init(
          unit: ("school", "schools"), main: "largest group", group: ("group", "groups"),
          single: ("isolated school", "isolated schools")))
      out += "<p class=\"note\">\(grouped(net.schoolCount)) schools: too many to draw one by one "
      out += "(the report draws every school up to \(Self.maximumDrawnSchools)), so each circle "
      out += "is a group of linked schools, sized by its number of schools (the number inside): "
      out += "the largest group, the \(TeamGroupsDrawing.maximumDrawnIslands) next largest, the "
      out += "other groups together and the isolated schools together.</p>\n"
      out += "<figure class=\"network\">"
      out += groups.svg(title: "The groups of linked schools", attribute: "data-school-group")
      out += "</figure>\n"
    }
    out += findings()
    return out + "</section>\n"
  }

  private func legend() -> String {
    var out = "<ul class=\"legend\">"
    func swatch(_ body: String, wide: Bool = false) -> String {
      "<li><svg viewBox=\"0 0 \(wide ? 24 : 14) 14\" class=\"swatch\(wide ? " wide" : "")\">"
        + body + "</svg>"
    }
    out += swatch("<circle cx=\"7\" cy=\"7\" r=\"6\" class=\"school-fill\"/>")
    out += "school (the number: its staff)</li>"
    out += swatch("<circle cx=\"7\" cy=\"7\" r=\"5.5\" class=\"silo-ring\"/>")
    out += "isolated school</li>"
    out += swatch("<rect x=\"2\" y=\"2\" width=\"10\" height=\"10\" class=\"trust-team-fill\"/>")
    out += "trust-wide team</li>"
    out += swatch(
      "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link\" stroke-width=\"2.4\"/>",
      wide: true)
    out += "people shared (the number: how many)</li>"
    out += swatch(
      "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link trust-link\" "
        + "stroke-width=\"1.5\"/>", wide: true)
    out += "member of a trust-wide team</li>"
    out += swatch(
      "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link key\" stroke-width=\"3\"/>",
      wide: true)
    out += "through a key connector (dark red)</li></ul>\n"
    return out
  }

  /// The network findings: groups, isolated schools, key connectors, cross-school teams, and
  /// the whole trust's deeps and coupling.
  private func findings() -> String {
    let net = analysis.network
    let e = HTMLEscaping.text
    var out = "<ul class=\"network-findings\">\n"
    if net.groups.isEmpty {
      out += "<li>No two schools are linked.</li>\n"
    } else {
      out += "<li>\(plural(net.groups.count, "group")) of linked schools; the largest: "
      out += names(net.groups[0], total: net.groups[0].count) + ".</li>\n"
    }
    out += "<li>Isolated schools (\(grouped(net.isolated.count))): "
    out += names(net.isolated, total: net.isolated.count) + ".</li>\n"
    out += "</ul>\n<h3>Key connectors (\(grouped(net.keyConnectors.count)))</h3>\n"
    if net.keyConnectors.isEmpty {
      out += "<p>None: no single person or trust-wide team holds schools together alone.</p>\n"
    } else {
      out += "<p class=\"note\">People and trust-wide teams whose departure would split the "
      out += "network of schools.</p>\n<ul class=\"key-connectors\">\n"
      for key in net.keyConnectors.prefix(Self.maximumNamed) {
        let what = key.kind == .person ? "a person" : "a trust-wide team"
        let parts = key.parts.map(String.init)
        out += "<li class=\"key-connector\"><bdi>\(e(key.id))</bdi> (\(what) in "
        out += "\(plural(key.schoolCount, "school"))): without it the schools would split into "
        out += "parts of \(parts.dropLast().joined(separator: ", "))"
        out += "\(parts.count > 1 ? " and " : "")\(parts.last ?? "") schools.</li>\n"
      }
      out += "</ul>\n"
      if net.keyConnectors.count > Self.maximumNamed {
        out += "<p class=\"note\">… and \(grouped(net.keyConnectors.count - Self.maximumNamed)) "
        out += "more (<code>gateways analyse --format json</code> lists them).</p>\n"
      }
    }
    out += "<h3>Teams reaching across schools (\(grouped(net.crossSchoolTeamCount)))</h3>\n"
    if net.crossSchoolTeams.isEmpty {
      out += "<p>None.</p>\n"
    } else {
      out += "<ul class=\"cross-school-teams\">\n"
      for team in net.crossSchoolTeams.prefix(Self.maximumNamed) {
        let owner = team.school.map { "<bdi>\(e($0))</bdi>: " } ?? "trust-wide: "
        out += "<li>\(owner)<bdi>\(e(team.team))</bdi>, \(plural(team.reach, "school"))</li>\n"
      }
      out += "</ul>\n"
      let listed = min(net.crossSchoolTeams.count, Self.maximumNamed)
      if net.crossSchoolTeamCount > listed {
        out += "<p class=\"note\">… and \(grouped(net.crossSchoolTeamCount - listed)) more "
        out += "(<code>gateways analyse --format json --list-limit 0</code> lists them).</p>\n"
      }
    }
    let complementarity = Verdict.complementarity(net.deeps.complementarity.map(asShown))
    out += "<h3>The whole trust</h3>\n<p>Every school's teams and the trust-wide ones, with "
    out += "every membership: complementarity of the four deeps "
    out += "\(formatScore(net.deeps.complementarity)) (<strong>\(complementarity.band)</strong>), "
    out += "coverage \(formatScore(net.deeps.coverage)); coupling professional "
    out += "\(formatScore(net.coupling.professional)), institutional "
    out += "\(formatScore(net.coupling.institutional)), "
    out +=
      net.coupling.quadrant.map {
        "<strong>\($0.rawValue.replacingOccurrences(of: "-", with: " "))</strong>"
      }
      ?? "quadrant unknown (no departments or year groups given)"
    out += ".</p>\n"
    return out
  }

  /// One school's own section, rendered.
  private struct Detailed {
    var school: Int
    var html: String
  }

  /// The sections of the first schools in attention order, within the budget.
  private func detailedSections(_ order: [Int]) -> [Detailed] {
    var sections: [Detailed] = []
    var bytes = 0
    for position in order.prefix(Self.maximumDetailedSchools) {
      let html = schoolSection(position)
      guard bytes + html.utf8.count <= sectionsBudget else { break }
      bytes += html.utf8.count
      sections.append(Detailed(school: position, html: html))
    }
    return sections
  }

  /// A school's section: its name and counts, then the single school's report, its headings
  /// one level down.
  private func schoolSection(_ position: Int) -> String {
    let entry = analysis.schools[position]
    let school = trust.schools[position]
    let e = HTMLEscaping.text
    let report = HTMLReport(
      roster: school.roster, analysis: entry.analysis, source: entry.name,
      after: after[entry.name])
    // The report's own headings are h2 and h3, and no escaped name can hold a tag.
    let body = report.sections()
      .replacingOccurrences(of: "<h3>", with: "<h4>")
      .replacingOccurrences(of: "</h3>", with: "</h4>")
      .replacingOccurrences(of: "<h2>", with: "<h3>")
      .replacingOccurrences(of: "</h2>", with: "</h3>")
    let s = entry.analysis.summary
    var out = "<section class=\"school-report\" id=\"school-\(position)\" data-school-report=\""
    out += "\(e(entry.name))\"><h2><bdi>\(e(entry.name))</bdi></h2>\n<p class=\"source\">"
    out += "\(plural(s.staff, "member")) of staff, \(plural(s.teams, "team")), "
    out += "\(plural(s.memberships, "membership")) of the school's own; "
    out += "<a href=\"#schools\">back to the schools</a></p>\n"
    out += body
    return out + "</section>\n"
  }

  private func schoolsSection(_ order: [Int], detailed: [Detailed]) -> String {
    var out = "<section class=\"each-school\"><h2>Each school</h2>\n"
    out += "<p class=\"note\">The first \(plural(detailed.count, "school")) in attention order "
    out += "have their own section below, as the report of one school gives it (at most "
    out += "\(Self.maximumDetailedSchools), and no more than the page can hold); a school's "
    out += "suggestions stay within that school.</p>\n"
    let rest = order.dropFirst(detailed.count)
    if !rest.isEmpty {
      out += "<p class=\"other-schools\">The other \(plural(rest.count, "school")): "
      out += names(rest.map { analysis.schools[$0].name }, total: rest.count)
      out += ". <code>\(HTMLEscaping.text(schoolCommand)) --school NAME</code> gives one "
      out += "school's report.</p>\n"
    }
    out += "</section>\n"
    for section in detailed { out += section.html }
    return out
  }

  // MARK: Style

  /// What the trust's page adds to the single school's style.
  static let css = """
    h4 { font-size: 14px; margin: 10px 0 4px; }
    .school-table { font-size: 12px; width: 100%; }
    .school-table th, .school-table td { border-bottom: 1px solid #e4e4e4; padding: 3px 6px;
      text-align: left; vertical-align: middle; white-space: nowrap; }
    .school-table th[scope=row] { font-weight: 600; white-space: normal; }
    .school-table .num { text-align: right; font-variant-numeric: tabular-nums; }
    .school-table tr.cut-off th { border-left: 3px dashed #c62828; }
    .school-table .off-target { color: #8a5a00; }
    .bar { display: inline-block; width: 44px; height: 8px; margin-right: 5px;
      background: #eee; border: 1px solid #999; vertical-align: middle; }
    .bar span { display: block; height: 100%; background: #444; }
    .school-heat td { min-width: 76px; font-variant-numeric: tabular-nums; }
    .school-heat th[scope=row] { text-align: left; font-size: 12px; }
    .school-heat td small, .heat-swatch small { display: block; font-size: 10px;
      font-weight: 400; }
    .school-heat td.unknown, .heat-swatch.unknown { background: #fff; color: #555;
      outline: 1px dashed #999; outline-offset: -3px; }
    .heat-swatch { display: inline-block; min-width: 46px; padding: 2px 6px;
      text-align: center; font-size: 11px; font-weight: 600; }
    .school .node, .school-fill { fill: #4e79a7; stroke: #fff; stroke-width: 1.5; }
    .school.isolated .node { fill: #8fa3b8; }
    .trust-team .node, .trust-team-fill { fill: #333; stroke: #fff; stroke-width: 1.5; }
    .trust-team.key .node { fill: #8e0000; }
    .link.trust-link { stroke: #555; stroke-dasharray: 4 3; }
    .school .size { font-size: 10px; fill: #fff; text-anchor: middle; font-weight: 700;
      paint-order: stroke; stroke: rgba(0,0,0,.55); stroke-width: 2px; }
    .school .label, .trust-team .label { font-size: 11px; fill: #222; text-anchor: middle;
      paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .trust-team .label { font-style: italic; }
    .network-findings, .key-connectors, .cross-school-teams { margin: 4px 0;
      padding-left: 20px; }
    .school-report { border-top: 3px solid #4e79a7; margin-top: 30px; }
    .school-report > h2 { border-bottom: none; }
    @media print {
      .school-report { break-before: page; }
      .school-table { font-size: 7.5pt; }
      .school-heat td { min-width: 50px; }
    }

    """
}

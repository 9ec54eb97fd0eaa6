import MembershipGraph

/// A self-contained HTML report of an analysis: headline findings, the team network drawn, the
/// deeps as a heat map, the coupling quadrant, and, when given, the suggested additions with the
/// network before and after them.
///
/// The page is one file with inline CSS and SVG and no script, so it opens offline, survives
/// e-mail, renders under the strict Content-Security-Policy it declares
/// (`default-src 'none'; style-src 'unsafe-inline'; img-src data:`) and prints on A4. Every name
/// from the roster is escaped with `HTMLEscaping.text(_:)`. The same inputs give the same
/// bytes: no date or time is written.
///
/// ```swift
/// let analysis = Analyser().analyse(roster)
/// let html = HTMLReport(roster: roster, analysis: analysis, source: "school.csv").render()
/// ```
public struct HTMLReport: Sendable {
  /// One person suggested for one team, as the report lists it.
  public struct Addition: Sendable, Hashable {
    /// The person's staff id.
    public var staff: String
    /// The team's id.
    public var team: String
    /// Why, in a few words; may be empty.
    public var reason: String

    /// Creates an addition.
    ///
    /// ```swift
    /// let addition = HTMLReport.Addition(staff: "s4", team: "voice", reason: "links voice")
    /// ```
    ///
    /// - Complexity: O(1).
    public init(staff: String, team: String, reason: String = "") {
      self.staff = staff
      self.team = team
      self.reason = reason
    }
  }

  /// The school after the suggested additions: shown beside the current network.
  ///
  /// Only what the page shows of it is computed: the counts of silos, islands and key people,
  /// complementarity, and which teams are silos or in an island and which people are key people
  /// (for the drawing); not the parts each key person would separate, nor brokers.
  public struct After: Sendable {
    /// The roster with the additions applied.
    public let roster: Roster
    /// The additions, in the order the report lists them.
    public let additions: [Addition]
    /// Teams linked to no other team.
    public let silos: Int
    /// Groups of two or more linked teams cut off from the main group.
    public let islands: Int
    /// People whose departure would split a group of teams.
    public let keyPeople: Int
    /// Complementarity of the four deeps.
    public let complementarity: Double?
    /// The roster's graph, for the links of the drawing.
    let network: RosterGraph
    /// Per team position: silo, and in an island.
    let isSilo: [Bool]
    let isIsland: [Bool]
    /// Per staff position: a key person.
    let isKeyPerson: [Bool]

    /// Creates the after view of a roster with the additions applied.
    ///
    /// ```swift
    /// let after = HTMLReport.After(roster: roster, additions: [addition])
    /// after.silos   // silos left once the additions are made
    /// ```
    ///
    /// - Complexity: linear in staff, teams and memberships, plus the deep analysis.
    public init(roster: Roster, additions: [Addition]) {
      self.init(network: RosterGraph(roster), additions: additions)
    }

    /// Creates the after view of a roster with the additions applied, from its graph.
    /// - Complexity: linear in staff, teams and memberships, plus the deep analysis.
    package init(network: RosterGraph, additions: [Addition]) {
      roster = network.roster
      self.additions = additions
      let graph = network.graph
      self.network = network
      // The components and the deeps on one core, the key people and the silos on the other.
      let ((structure, complementarity), (cuts, isSilo)) = Parallel.both(
        {
          (
            TeamStructure(network: network),
            DeepAnalysis(network: network).findings.complementarity
          )
        },
        {
          (
            graph.cutStructure(),
            // A team is a silo when none of its members is on another team.
            graph.groups.map { group in
              !graph.members(of: group).contains { graph.degree(of: $0) >= 2 }
            }
          )
        })
      self.isSilo = isSilo
      self.complementarity = complementarity
      silos = isSilo.filter { $0 }.count
      let components = structure.components
      isIsland = structure.componentRank.map { $0 > 0 && components[$0].count >= 2 }
      islands = components.dropFirst().filter { $0.count >= 2 }.count
      var isKeyPerson = [Bool](repeating: false, count: graph.personCount)
      var keyPeople = 0
      for node in cuts.articulationPoints {
        guard case .person(let person) = node else { continue }
        isKeyPerson[person.position] = true
        keyPeople += 1
      }
      self.isKeyPerson = isKeyPerson
      self.keyPeople = keyPeople
    }

    /// The picture of the network after, its links marked new where `before` has none.
    /// - Complexity: the group projections of both rosters, O(Σ k²) for people on k teams.
    func picture(before: Roster) -> NetworkPicture {
      let teams = roster.teams
      var positionOf: [String: Int] = [:]
      positionOf.reserveCapacity(teams.count)
      for (position, team) in teams.enumerated() { positionOf[team.id] = position }
      let old = RosterGraph(before).graph.groupProjection()
      var oldLinks = Set<Int>()
      for link in 0..<old.linkCount {
        let (first, second) = old.groups(ofLinkAt: link)
        if let a = positionOf[before.teams[first.position].id],
          let b = positionOf[before.teams[second.position].id]
        {
          oldLinks.insert(min(a, b) * teams.count + max(a, b))
        }
      }
      return NetworkPicture(
        network: network, isSilo: isSilo, isIsland: isIsland, isKeyPerson: isKeyPerson,
        oldLinks: oldLinks)
    }
  }

  /// The most additions listed in the table; the rest are counted.
  public static let maximumListedAdditions = 40
  /// The most team names given for one island or one part a key person separates.
  public static let maximumNamedTeams = 8
  /// The most rows of the team table; the rest are counted (the exports list every team).
  public static let maximumListedTeams = 150
  /// The most people named in one cell of the team table; the rest are counted.
  public static let maximumNamedMembers = 12
  /// The most staff on no team named, in all types together; the rest are counted.
  public static let maximumListedUninvolved = 200
  /// The most key people, and the most leader-only links, listed.
  public static let maximumListedKeyPeople = 12

  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis
  /// The input's name, shown in the title when neither ``title`` nor ``subtitle`` is given and
  /// ``showsSource`` is true.
  public var source: String
  /// The page's title (the school, say), or `nil` for "Gateway teams".
  public var title: String?
  /// A line under the title (the term, say), or `nil`.
  public var subtitle: String?
  /// Whether the file name may be shown: `false` when the report is pseudonymised, since a
  /// file name often names the school or a person.
  public var showsSource: Bool
  /// The school after suggested additions, or `nil` to leave that section out.
  public var after: After?

  /// The Content-Security-Policy the page declares.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// Creates a report.
  ///
  /// ```swift
  /// let report = HTMLReport(
  ///   roster: roster, analysis: Analyser().analyse(roster), source: "staff.csv")
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    roster: Roster, analysis: SchoolAnalysis, source: String, title: String? = nil,
    subtitle: String? = nil, showsSource: Bool = true, after: After? = nil
  ) {
    self.roster = roster
    self.analysis = analysis
    self.source = source
    self.title = title
    self.subtitle = subtitle
    self.showsSource = showsSource
    self.after = after
  }

  /// The HTML document, under 5 MB whatever the roster: up to
  /// ``TeamNetworkLayout/maximumDrawnTeams`` teams every team is drawn (the layout computed once
  /// for "before" and "after"), above that the groups of teams (`TeamGroupsDrawing`); every
  /// list and table is bounded.
  ///
  /// ```swift
  /// let html = report.render()   // "<!DOCTYPE html>..."
  /// ```
  ///
  /// - Complexity: O(M + T + L) for M memberships, T teams and L links, plus the layout's
  ///   O(I·T log T) when teams are drawn.
  public func render() -> String { page(sections()) }

  /// The HTML document, with ``after`` worked out by `makeAfter` on one core while the sections
  /// before the suggestions are written on the other: the same bytes as ``render()`` with
  /// ``after`` set to what `makeAfter` returns.
  ///
  /// ```swift
  /// let html = report.render(computingAfter: { HTMLReport.After(network: applied, additions: []) })
  /// ```
  ///
  /// - Complexity: as ``render()`` plus `makeAfter`'s.
  package func render(computingAfter makeAfter: @Sendable () -> After?) -> String {
    var report = self
    report.after = nil
    let shown = report
    let (after, (facts, drawing, body)) = Parallel.both(
      makeAfter,
      { () -> (PageFacts, Drawing, String) in
        let facts = PageFacts(roster: shown.roster, analysis: shown.analysis)
        let drawing = shown.drawing(facts)
        return (facts, drawing, shown.sectionsBeforeSuggestions(facts, drawing))
      })
    report.after = after
    return report.page(body + report.suggestionsSection(facts, drawing))
  }

  /// The document around a body of sections: the head, the title and the footer.
  private func page(_ body: String) -> String {
    let e = HTMLEscaping.text
    let namesSource = showsSource && title == nil && subtitle == nil
    let heading = title ?? "Gateway teams"
    var pageTitle = heading
    if let subtitle { pageTitle += " — " + subtitle }
    if namesSource { pageTitle += ": " + source }
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out +=
      "<title>\(e(pageTitle))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
    out += Self.patternDefinitions
    out += "<header><h1>\(e(heading))</h1>"
    if let subtitle { out += "<p class=\"subtitle\">\(e(subtitle))</p>" }
    out += "<p class=\"source\">"
    if namesSource { out += "\(e(source)): " }
    out += "\(plural(analysis.summary.staff, "member")) of staff, "
    out += "\(plural(analysis.summary.teams, "team")), "
    out += "\(plural(analysis.summary.memberships, "membership"))</p></header>\n"
    out += body
    out += "<footer>Made with gateways. Layout: deep-sectored, force-directed, deterministic; "
    out += "the same roster gives the same picture.</footer>\n</body>\n</html>\n"
    return out
  }

  /// The page's sections, from the headline findings to the suggestions: the page's body
  /// without its header and footer (a trust's report gives each school's this way).
  /// - Complexity: as ``render()``.
  func sections() -> String {
    let facts = PageFacts(roster: roster, analysis: analysis)
    let drawing = self.drawing(facts)
    return sectionsBeforeSuggestions(facts, drawing) + suggestionsSection(facts, drawing)
  }

  /// Every team drawn, laid out once for "before" and "after", or the groups of teams.
  private func drawing(_ facts: PageFacts) -> Drawing {
    if analysis.teams.count <= TeamNetworkLayout.maximumDrawnTeams {
      return .teams(
        TeamNetworkLayout(analysis: analysis), NetworkPicture(roster: roster, facts: facts))
    }
    return .groups(TeamGroupsDrawing(analysis: analysis))
  }

  /// The sections from the headline findings to the coupling: all that does not depend on
  /// ``after``.
  private func sectionsBeforeSuggestions(_ facts: PageFacts, _ drawing: Drawing) -> String {
    headline(facts) + networkSection(facts, drawing) + teamTable(facts)
      + peopleSection(facts) + uninvolvedSection(facts) + deepsSection(facts) + couplingSection()
  }

  /// How the network is drawn.
  private enum Drawing: Sendable {
    /// Every team, at the layout's positions.
    case teams(TeamNetworkLayout, NetworkPicture)
    /// The groups of teams.
    case groups(TeamGroupsDrawing)
  }

  // MARK: Names

  /// "Name (ID, Role)" as HTML, the staff type in place of an empty role (a pseudonymised
  /// roster has none), so two people of one name are told apart.
  private func person(_ id: String, _ facts: PageFacts, showingID: Bool = true) -> String {
    let e = HTMLEscaping.text
    guard let member = facts.staff(id) else { return "<bdi>\(e(id))</bdi>" }
    let role = member.role.isEmpty ? member.staffType.rawValue : member.role
    let details = member.name == id || !showingID ? role : "\(id), \(role)"
    return "<bdi>\(e(member.name))</bdi> <span class=\"who\">(<bdi>\(e(details))</bdi>)</span>"
  }

  /// At most ``maximumNamedTeams`` team names of a list of `total` teams whose first ids are
  /// `ids`: "a, b and c", "a, b, …, h and 25 more".
  private func teamNames(_ ids: [String], total: Int, _ facts: PageFacts) -> String {
    let shown = ids.prefix(Self.maximumNamedTeams).map {
      "<bdi>\(HTMLEscaping.text(facts.name(ofTeam: $0)))</bdi>"
    }
    let hidden = total - shown.count
    if hidden > 0 {
      return shown.isEmpty
        ? plural(total, "team") : shown.joined(separator: ", ") + " and \(hidden) more"
    }
    guard let last = shown.last else { return "" }
    return shown.count == 1 ? last : shown.dropLast().joined(separator: ", ") + " and " + last
  }

  // MARK: Sections

  private func headline(_ facts: PageFacts) -> String {
    let s = analysis.summary
    var out = "<section class=\"headline\"><h2>Headline findings</h2>\n<div class=\"cards\">"
    let healthy = s.silos == 0 && s.islands == 0
    out += card(String(s.silos), s.silos == 1 ? "silo" : "silos", bad: s.silos > 0)
    out += card(String(s.islands), s.islands == 1 ? "island" : "islands", bad: s.islands > 0)
    out += card(String(s.keyPeople), s.keyPeople == 1 ? "key person" : "key people", bad: false)
    let complementarity = Verdict.complementarity(analysis.deeps.complementarity.map(asShown))
    out += card(
      formatScore(analysis.deeps.complementarity),
      "complementarity: \(complementarity.band)", bad: false)
    out += card(
      analysis.coupling.quadrant.map { $0.rawValue.replacingHyphens() } ?? "unknown",
      "coupling", bad: analysis.coupling.quadrant != .learningCommunity)
    out += "</div>\n<ul>\n"
    out +=
      healthy
      ? "<li>Every team is linked, directly or through others, to every other team.</li>\n"
      : "<li>Some teams work apart from the rest.</li>\n"
    if !analysis.silos.isEmpty {
      let names = teamNames(
        Array(analysis.silos.prefix(30)), total: analysis.silos.count, facts)
      out += "<li><strong>Silos</strong> (linked to no other team): \(names).</li>\n"
    }
    for island in analysis.islands.prefix(10) {
      out += "<li><strong>Island</strong> cut off from the main group: "
      out += "\(teamNames(island, total: island.count, facts)).</li>\n"
    }
    if analysis.islands.count > 10 {
      out += "<li>… and \(analysis.islands.count - 10) more islands.</li>\n"
    }
    if s.keyPeople > 0 {
      out += "<li>\(s.keyPeople == 1 ? "One person holds" : "\(s.keyPeople) people hold") "
      out += "groups of teams together: see <em>Key people</em> below.</li>\n"
    }
    let leaderOnly = max(analysis.summary.leaderOnlyLinks, analysis.leaderOnlyLinks.count)
    if leaderOnly > 0 {
      out +=
        "<li>\(plural(leaderOnly, "link")) \(leaderOnly == 1 ? "rests" : "rest") on team leaders alone.</li>\n"
    }
    if !analysis.uninvolved.isEmpty {
      out += "<li>\(plural(analysis.uninvolved.count, "member")) of staff on no team.</li>\n"
    }
    out += "<li>Complementarity \(formatScore(analysis.deeps.complementarity)), "
    out += "<strong>\(complementarity.band)</strong>: \(complementarity.reading).</li>\n"
    out += "</ul></section>\n"
    return out
  }

  /// "Without P, the 3 teams a, b and c (12 people) would lose their link to the other 7 teams
  /// (40 people)."; with more parts, "the teams would split into 4 parts: …; and …".
  private func keyPersonSentence(_ key: KeyPerson, _ facts: PageFacts) -> String {
    guard let largest = key.separates.last else { return "" }
    func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }
    func phrase(_ part: KeyPerson.Part) -> String {
      let teams =
        part.teamCount == 1 && !part.teams.isEmpty
        ? "team " + teamNames(part.teams, total: 1, facts)
        : part.teams.isEmpty
          ? plural(part.teamCount, "team")
          : "the \(plural(part.teamCount, "team")) "
            + teamNames(part.teams, total: part.teamCount, facts)
      return teams + " (\(people(part.peopleCount)))"
    }
    let rest = "the other \(plural(largest.teamCount, "team")) (\(people(largest.peopleCount)))"
    let smaller = key.separates.dropLast()
    var out = "Without \(person(key.staff, facts)), "
    if smaller.count == 1, let only = smaller.first {
      out += "\(phrase(only)) would lose \(only.teamCount == 1 ? "its" : "their") link to \(rest)."
    } else {
      var phrases = smaller.prefix(5).map(phrase)
      if smaller.count > 5 {
        let teams = smaller.dropFirst(5).reduce(0) { $0 + $1.teamCount }
        phrases.append("\(smaller.count - 5) more parts of \(plural(teams, "team")) in all")
      }
      out += "the teams would split into \(key.separates.count) parts: "
      out += phrases.joined(separator: "; ") + "; and \(rest)."
    }
    return out
  }

  private func card(_ value: String, _ label: String, bad: Bool) -> String {
    "<div class=\"card\(bad ? " bad" : "")\"><span class=\"value\">\(HTMLEscaping.text(value))</span>"
      + "<span class=\"label\">\(HTMLEscaping.text(label))</span></div>"
  }

  /// The teams, one row each (at most ``maximumListedTeams``): gateway and deep, leaders,
  /// members with their roles, links and the E-I index with its verdict.
  private func teamTable(_ facts: PageFacts) -> String {
    let e = HTMLEscaping.text
    // Only the rows shown are put in order, by position: no team is copied.
    let teams = analysis.teams
    let rows = facts.tableOrder(limit: Self.maximumListedTeams)
    var out = "<section class=\"team-section\"><h2>The teams</h2>\n"
    out += "<p class=\"note\">By deep, then id; each person with their role. "
    out += "<em>Links</em>: the teams it shares people with. "
    out += "<em>E-I</em> (−1 to +1) measures \(Verdict.eiIndex(nil).meaning): "
    out += "outward above 0.2, inward below −0.2, balanced between.</p>\n"
    out += "<table class=\"teams\"><thead><tr><th scope=\"col\">Team · gateway · deep</th>"
    out += "<th scope=\"col\">Leader</th>"
    out += "<th scope=\"col\">Members</th><th scope=\"col\">Links</th>"
    out += "<th scope=\"col\">E-I</th></tr></thead><tbody>\n"
    func people(_ ids: [String]) -> String {
      if ids.isEmpty { return "—" }
      var cell = ids.prefix(Self.maximumNamedMembers).map { person($0, facts, showingID: false) }
        .joined(separator: "; ")
      if ids.count > Self.maximumNamedMembers {
        cell += "; and \(ids.count - Self.maximumNamedMembers) more"
      }
      return cell
    }
    for row in rows {
      let team = teams[row]
      let leaders = Set(team.leaders)
      var classes = "team-row"
      if team.isSilo { classes += " silo" }
      if facts.islandTeams.contains(team.id) { classes += " island" }
      out += "<tr class=\"\(classes)\" data-team-row=\"\(e(team.id))\"><td><bdi>\(e(team.name))"
      out +=
        "</bdi>\(team.name == team.id ? "" : " <span class=\"who\">(<bdi>\(e(team.id))</bdi>)</span>")"
      out += "<br><span class=\"who\">\(e(team.gateway?.id ?? "no gateway")) · "
      out += "\(e(team.deep?.displayName ?? "no deep"))</span></td>"
      out += "<td>\(people(team.leaders))</td>"
      out += "<td>\(people(team.members.filter { !leaders.contains($0) }))</td><td>"
      if team.linkCount == 0 {
        out += "none: <strong>silo</strong>"
      } else {
        out += "\(team.linkCount)"
        if facts.islandTeams.contains(team.id) { out += " (<strong>island</strong>)" }
      }
      let verdict = Verdict.eiIndex(team.eiIndex.map(asShown))
      out += "</td><td>\(formatScore(team.eiIndex)) \(verdict.band)</td></tr>\n"
    }
    out += "</tbody></table>\n"
    if teams.count > Self.maximumListedTeams {
      out += "<p class=\"note\">… and \(teams.count - Self.maximumListedTeams) more teams "
      out += "(<code>gateways export --format csv</code> lists them all).</p>\n"
    }
    return out + "</section>\n"
  }

  /// Key people, each as a sentence, and the leader-only links, each with who makes it.
  private func peopleSection(_ facts: PageFacts) -> String {
    let e = HTMLEscaping.text
    var out = "<section class=\"people\"><h2>Key people and leader-only links</h2>\n"
    let ranked = analysis.keyPeople.sorted {
      $0.teamsCutOff != $1.teamsCutOff
        ? $0.teamsCutOff > $1.teamsCutOff : $0.staff.precedesInBytes($1.staff)
    }
    out += "<h3>Key people (\(analysis.summary.keyPeople))</h3>\n"
    if ranked.isEmpty {
      out += "<p>None: no single person's departure would split the teams.</p>\n"
    } else {
      out += "<ul class=\"key-people\">\n"
      for key in ranked.prefix(Self.maximumListedKeyPeople) {
        out += "<li class=\"key-person\">\(keyPersonSentence(key, facts))</li>\n"
      }
      out += "</ul>\n"
      if analysis.summary.keyPeople > Self.maximumListedKeyPeople {
        out += "<p class=\"note\">… and \(analysis.summary.keyPeople - Self.maximumListedKeyPeople)"
        out += " more key people (<code>gateways analyse</code> lists them).</p>\n"
      }
    }
    let total = max(analysis.summary.leaderOnlyLinks, analysis.leaderOnlyLinks.count)
    out += "<h3>Leader-only links (\(total))</h3>\n"
    if total == 0 {
      out += "<p>None: every link between teams has a member who leads neither.</p>\n"
    } else {
      out += "<p class=\"note\">Teams joined only through someone who leads one of them; "
      out += "Vacher (2007) advises links through members who are not the leader.</p>\n"
      out += "<ul class=\"leader-only\">\n"
      for link in analysis.leaderOnlyLinks.prefix(Self.maximumListedKeyPeople) {
        let teams = link.teams.map { "<bdi>\(e(facts.name(ofTeam: $0)))</bdi>" }
        let via = link.via.prefix(5).map { person($0, facts) }.joined(separator: "; ")
        out += "<li class=\"leader-only-link\">\(teams.joined(separator: " – ")), via \(via)"
        if link.via.count > 5 { out += " and \(link.via.count - 5) more" }
        out += "</li>\n"
      }
      out += "</ul>\n"
      let listed = min(analysis.leaderOnlyLinks.count, Self.maximumListedKeyPeople)
      if total > listed {
        out += "<p class=\"note\">… and \(total - listed) more (<code>gateways analyse "
        out += "--format json</code> lists them).</p>\n"
      }
    }
    return out + "</section>\n"
  }

  /// The staff on no team, by type, each by name (at most ``maximumListedUninvolved`` in all).
  private func uninvolvedSection(_ facts: PageFacts) -> String {
    var out = "<section class=\"uninvolved\"><h2>Staff on no team "
    out += "(\(analysis.uninvolved.count))</h2>\n"
    if analysis.uninvolved.isEmpty {
      return out + "<p>None: everyone takes part.</p></section>\n"
    }
    var room = Self.maximumListedUninvolved
    // One look-up per person: each goes to their type's list (those with no entry to none).
    var idsOfType = [[String]](repeating: [], count: StaffType.allCases.count)
    let staff = facts.roster.staff
    for (id, position) in zip(analysis.uninvolved, facts.staffPositions(of: analysis.uninvolved)) {
      guard let position, let index = StaffType.allCases.firstIndex(of: staff[position].staffType)
      else { continue }
      idsOfType[index].append(id)
    }
    for (type, ids) in zip(StaffType.allCases, idsOfType) {
      if ids.isEmpty { continue }
      out += "<p class=\"no-team-type\"><strong>\(type.rawValue) (\(ids.count))</strong>: "
      let shown = ids.prefix(room)
      room -= shown.count
      out += shown.map { "<span class=\"no-team-person\">\(person($0, facts))</span>" }
        .joined(separator: "; ")
      if ids.count > shown.count {
        out += "\(shown.isEmpty ? "" : "; and ")\(ids.count - shown.count) more"
      }
      out += ".</p>\n"
    }
    if analysis.uninvolved.count > Self.maximumListedUninvolved {
      out += "<p class=\"note\"><code>gateways check --format json</code> lists everyone.</p>\n"
    }
    return out + "</section>\n"
  }

  /// A table of scores, each with its value, its verdict and what it measures (said once for
  /// rows in a row that measure the same).
  private func verdictTable(_ rows: [(String, String, Verdict)]) -> String {
    let e = HTMLEscaping.text
    var out = "<table class=\"verdicts\"><thead><tr><th scope=\"col\">Score</th>"
    out += "<th scope=\"col\">Value</th><th scope=\"col\">Reading</th>"
    out += "<th scope=\"col\">What it measures</th></tr></thead><tbody>\n"
    var previous = ""
    for (name, value, verdict) in rows {
      out += "<tr><th scope=\"row\">\(e(name))</th><td class=\"value\">\(e(value))</td>"
      out += "<td><strong>\(e(verdict.band))</strong>: \(e(verdict.reading))</td>"
      let meaning = verdict.meaning == previous ? "" : e(verdict.meaning)
      out += "<td class=\"meaning\">\(meaning)</td></tr>\n"
      previous = verdict.meaning
    }
    return out + "</tbody></table>\n"
  }

  private func networkSection(_ facts: PageFacts, _ drawing: Drawing) -> String {
    var out = "<section class=\"network-section\"><h2>The team network</h2>\n"
    switch drawing {
    case .teams(let layout, let picture):
      let svg = SVGNetworkDrawing(picture: picture, layout: layout, title: "The team network")
      out += "<p class=\"note\">Each circle is a team, coloured by its deep and sized by its "
      out += "members (the number inside). A line joins two teams that share people; the number "
      out += "on it is how many.</p>\n"
      if !svg.drawsLabels {
        out += "<p class=\"note warn\">\(analysis.teams.count) teams: too many to label legibly, "
        out += "so this drawing shows the team level without names; see the tables and exports "
        out += "for them.</p>\n"
      }
      out += linksNote(picture)
      out += "<figure class=\"network\">" + svg.svg() + "</figure>\n" + legend(groups: false)
    case .groups(let groups):
      out += groupsNote(groups)
      out += "<figure class=\"network\">"
      out += groups.svg(title: "The groups of teams") + "</figure>\n" + legend(groups: true)
    }
    return out + "</section>\n"
  }

  /// Says how many links are left out of a drawing, if any.
  private func linksNote(_ picture: NetworkPicture) -> String {
    guard picture.links.count < picture.linkCount else { return "" }
    return "<p class=\"note warn\">\(picture.linkCount) links: the \(picture.links.count) "
      + "that share the most people are drawn, and \(picture.linkCount - picture.links.count) "
      + "more are in the exports.</p>\n"
  }

  private func groupsNote(_ groups: TeamGroupsDrawing) -> String {
    var out = "<p class=\"note\">\(analysis.teams.count) teams: too many to draw one by one "
    out += "(the report draws every team up to \(TeamNetworkLayout.maximumDrawnTeams)), so each "
    out += "circle is a group of linked teams, sized by its number of teams (the number inside): "
    out += "the main group, the \(TeamGroupsDrawing.maximumDrawnIslands) largest islands, the "
    out += "other islands together and the silos together. Every team is in the exports "
    out += "(<code>gateways export</code>).</p>\n"
    return out
  }

  private func legend(groups: Bool, after: Bool = false) -> String {
    var out = "<ul class=\"legend\">"
    func swatch(_ body: String, wide: Bool = false) -> String {
      "<li><svg viewBox=\"0 0 \(wide ? 24 : 14) 14\" class=\"swatch\(wide ? " wide" : "")\">"
        + body + "</svg>"
    }
    if groups {
      out += swatch("<circle cx=\"7\" cy=\"7\" r=\"6\" class=\"group-fill\"/>")
      out += "group of teams (the number: its teams)</li>"
      out += swatch("<circle cx=\"7\" cy=\"7\" r=\"6\" class=\"group-fill other\"/>")
      out += "islands or silos (paler)</li>"
    }
    for deep in groups ? [] : [Deep?](Deep.allCases) + [nil] {
      var body = "<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"\(deepColor(deep))\"/>"
      if let pattern = deepPattern(deep) {
        body += "<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"url(#\(pattern))\"/>"
      }
      out += swatch(body) + "\(deep?.displayName ?? "no deep")</li>"
    }
    if !groups {
      out += swatch(
        "<circle cx=\"7\" cy=\"7\" r=\"6.5\" fill=\"#777\"/><text x=\"7\" y=\"10\" "
          + "class=\"swatch-number\">5</text>")
      out += "team (the number: its members)</li>"
    }
    out += swatch("<circle cx=\"7\" cy=\"7\" r=\"5.5\" class=\"silo-ring\"/>") + "silo</li>"
    out += swatch("<circle cx=\"7\" cy=\"7\" r=\"5.5\" class=\"island-ring\"/>") + "island</li>"
    if !groups {
      out += swatch(
        "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link\" stroke-width=\"2.4\"/>",
        wide: true)
      out += "link: shared people (the number: how many)</li>"
      out += swatch(
        "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link key\" stroke-width=\"3\"/>",
        wide: true)
      out += "link through a key person (dark red)</li>"
    }
    if after {
      out += swatch(
        "<line x1=\"1\" y1=\"7\" x2=\"23\" y2=\"7\" class=\"link new\" stroke-width=\"3\"/>",
        wide: true)
      out += groups ? "additions joining two groups</li>" : "new link (dashed)</li>"
      if !groups {
        out += swatch("<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#bbb\" class=\"changed-ring\"/>")
        out += "team that gains members (thick dark ring)</li>"
      }
    }
    out += "</ul>\n"
    return out
  }

  /// Tiles laid over the deep colours so the deeps stay apart in greyscale print: learning
  /// plain, experience stripes, support dots, leadership a grid, no deep rings.
  static let patternDefinitions = """
    <svg class="defs" aria-hidden="true" width="0" height="0"><defs>\
    <pattern id="deep-experience" width="6" height="6" patternUnits="userSpaceOnUse">\
    <path d="M-1 1L1 -1M0 6L6 0M5 7L7 5" stroke="#fff" stroke-width="1.5" stroke-opacity=".75"/>\
    </pattern>\
    <pattern id="deep-support" width="5" height="5" patternUnits="userSpaceOnUse">\
    <circle cx="2.5" cy="2.5" r="1.2" fill="#fff" fill-opacity=".8"/></pattern>\
    <pattern id="deep-leadership" width="6" height="6" patternUnits="userSpaceOnUse">\
    <path d="M0 3H6M3 0V6" stroke="#fff" stroke-width="1.2" stroke-opacity=".75"/></pattern>\
    <pattern id="deep-none" width="6" height="6" patternUnits="userSpaceOnUse">\
    <circle cx="3" cy="3" r="1.8" fill="none" stroke="#fff" stroke-width="1" stroke-opacity=".8"/>\
    </pattern></defs></svg>

    """

  private func deepsSection(_ facts: PageFacts) -> String {
    let peopleOfDeep = Self.peopleCount(byDeep: facts)
    var values: [[Int]] = []
    for (row, a) in Deep.allCases.enumerated() {
      values.append(
        Deep.allCases.map { b in
          a == b ? peopleOfDeep[row] : analysis.deeps.deepLinks[DeepPair(a, b)] ?? 0
        })
    }
    let largest = max(1, values.joined().max() ?? 1)
    var out = "<section class=\"deeps\"><h2>The four deeps</h2>\n"
    out += "<p class=\"note\">People shared between the teams of two deeps; on the diagonal, the "
    out += "people on teams of that deep. Darker is more.</p>\n"
    out += "<div class=\"pair\"><table class=\"heat\"><thead><tr><th></th>"
    for deep in Deep.allCases { out += "<th scope=\"col\">\(deep.displayName)</th>" }
    out += "</tr></thead><tbody>\n"
    for (row, a) in Deep.allCases.enumerated() {
      out += "<tr><th scope=\"row\">\(a.displayName)</th>"
      for column in Deep.allCases.indices {
        let value = values[row][column]
        let alpha = Double(value) / Double(largest)
        let ink = alpha > 0.55 ? "#fff" : "#222"
        out += "<td class=\"\(row == column ? "diagonal" : "")\" style=\"background:"
        out += "rgba(78,121,167,\(formatDecimal(0.08 + 0.92 * alpha)));color:\(ink)\">"
        out += "\(value)</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody></table>\n"
    let deeps = analysis.deeps
    let present = Int((deeps.coverage * 9).rounded())
    var rows: [(String, String, Verdict)] = [
      (
        "Coverage", "\(formatScore(deeps.coverage)) (\(present) of 9)",
        Verdict.coverage(gatewaysWithATeam: present)
      )
    ]
    for deep in Deep.allCases {
      let cohesion =
        deeps.perDeep[deep] ?? DeepCohesion(gatewaysPresent: [], linkedPairs: 0, possiblePairs: 0)
      rows.append(
        (
          "Cohesion: \(deep.displayName)",
          "\(formatScore(cohesion.cohesion)) (\(cohesion.linkedPairs) of \(cohesion.possiblePairs))",
          Verdict.cohesion(
            linkedPairs: cohesion.linkedPairs, possiblePairs: cohesion.possiblePairs)
        ))
    }
    rows.append(
      ("Inter-deep", formatScore(deeps.interDeep), .interDeep(deeps.interDeep.map(asShown))))
    rows.append(
      (
        "Complementarity", formatScore(deeps.complementarity),
        .complementarity(deeps.complementarity.map(asShown))
      ))
    out += verdictTable(rows) + "</div></section>\n"
    return out
  }

  /// The distinct people on teams of each deep, in the order of `Deep.allCases`: by staff
  /// position (one bit per deep and person) when the analysis's teams are the roster's, by id
  /// otherwise.
  /// - Complexity: O(S + M) by position; O(M) set insertions by id.
  private static func peopleCount(byDeep facts: PageFacts) -> [Int] {
    let deeps = Deep.allCases
    let teams = facts.analysis.teams
    guard facts.teamsMatchRoster else {
      var people = [Set<String>](repeating: [], count: deeps.count)
      for team in teams {
        if let deep = team.deep, let d = deeps.firstIndex(of: deep) {
          people[d].formUnion(team.members)
        }
      }
      return people.map(\.count)
    }
    var seen = [UInt8](repeating: 0, count: facts.roster.staff.count)
    var counts = [Int](repeating: 0, count: deeps.count)
    for (position, positions) in facts.roster.memberPositions.enumerated() {
      guard let deep = teams[position].deep, let d = deeps.firstIndex(of: deep) else { continue }
      let bit = UInt8(1) << d
      for person in positions where seen[Int(person)] & bit == 0 {
        seen[Int(person)] |= bit
        counts[d] += 1
      }
    }
    return counts
  }

  private func couplingSection() -> String {
    let coupling = analysis.coupling
    let size = 300.0
    let pad = 44.0
    let c = formatCoordinate
    func px(_ professional: Double) -> Double { pad + professional * size }
    func py(_ institutional: Double) -> Double { pad + (1 - institutional) * size }
    var out = "<section class=\"coupling\"><h2>Coupling</h2>\n"
    out += "<p class=\"note\">Professional coupling (how much staff work together across teams) "
    out += "against institutional coupling (how much teams follow departments and year groups). "
    out += "The aim is the target: tight professional, loose institutional.</p>\n"
    out +=
      "<div class=\"pair\"><div><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"quadrant\" viewBox=\"0 0 "
    out +=
      "\(c(size + 2 * pad)) \(c(size + 2 * pad))\" role=\"img\"><title>Coupling quadrant</title>"
    let half = size / 2
    let quadrants: [(CouplingQuadrant, Double, Double)] = [
      (.traditional, 0, 0), (.tightlyCoupled, half, 0), (.fragmented, 0, half),
      (.learningCommunity, half, half),
    ]
    for (quadrant, qx, qy) in quadrants {
      let current = coupling.quadrant == quadrant
      out +=
        "<rect class=\"q\(current ? " current" : "")\" x=\"\(c(pad + qx))\" y=\"\(c(pad + qy))\""
      out += " width=\"\(c(half))\" height=\"\(c(half))\"/>"
      out += "<text class=\"qlabel\" x=\"\(c(pad + qx + half / 2))\" y=\"\(c(pad + qy + 18))\">"
      out += "\(quadrant.rawValue.replacingHyphens())</text>"
    }
    out += "<text class=\"axis\" x=\"\(c(pad + half))\" y=\"\(c(size + pad + 30))\">"
    out += "professional coupling →</text>"
    out +=
      "<text class=\"axis\" transform=\"translate(\(c(pad - 26)) \(c(pad + half))) rotate(-90)\">"
    out += "institutional coupling →</text>"
    for (value, label) in [(0.0, "0"), (1.0, "1")] {
      out +=
        "<text class=\"tick\" x=\"\(c(px(value)))\" y=\"\(c(size + pad + 14))\">\(label)</text>"
      out += "<text class=\"tick\" x=\"\(c(pad - 8))\" y=\"\(c(py(value) + 4))\">\(label)</text>"
    }
    let tx = px(coupling.target.professional)
    let ty = py(coupling.target.institutional)
    out +=
      "<g class=\"target\"><title>target</title><circle cx=\"\(c(tx))\" cy=\"\(c(ty))\" r=\"9\"/>"
    out += "<circle cx=\"\(c(tx))\" cy=\"\(c(ty))\" r=\"3\"/></g>"
    if let professional = coupling.professional, let institutional = coupling.institutional {
      let sx = px(professional)
      let sy = py(institutional)
      out +=
        "<line class=\"toward\" x1=\"\(c(sx))\" y1=\"\(c(sy))\" x2=\"\(c(tx))\" y2=\"\(c(ty))\"/>"
      out += "<g class=\"school\"><title>this school</title><circle cx=\"\(c(sx))\" cy=\"\(c(sy))\""
      out += " r=\"7\"/><text x=\"\(c(sx))\" y=\"\(c(sy - 12))\">this school</text></g>"
    }
    out += "</svg>\n<ul class=\"legend\"><li><svg viewBox=\"0 0 14 14\" class=\"swatch\">"
    out += "<g class=\"target\"><circle cx=\"7\" cy=\"7\" r=\"6\"/><circle cx=\"7\" cy=\"7\" "
    out += "r=\"2\"/></g></svg>the target</li><li><svg viewBox=\"0 0 14 14\" class=\"swatch\">"
    out += "<g class=\"school\"><circle cx=\"7\" cy=\"7\" r=\"5\"/></g></svg>this school</li>"
    out += "<li><svg viewBox=\"0 0 24 14\" class=\"swatch wide\"><line class=\"toward\" x1=\"1\" "
    out += "y1=\"7\" x2=\"23\" y2=\"7\"/></svg>the way to the target</li>"
    out += "<li><svg viewBox=\"0 0 14 14\" class=\"swatch\"><rect class=\"q current\" x=\"1\" "
    out += "y=\"1\" width=\"12\" height=\"12\"/></svg>the school's quadrant</li></ul></div>\n"
    var rows: [(String, String, Verdict)] = []
    if let professional = coupling.professional {
      rows.append(
        ("Professional coupling", formatScore(professional), .professional(asShown(professional))))
    }
    rows.append(
      (
        "Institutional coupling", formatScore(coupling.institutional),
        .institutional(coupling.institutional.map(asShown))
      ))
    if let balance = coupling.balance {
      rows.append(("Balance", formatScore(balance), .balance(asShown(balance))))
    }
    out += verdictTable(rows) + "</div>\n"
    if coupling.institutional == nil {
      out += "<p class=\"note warn\">Institutional coupling is unknown (the roster gives no "
      out += "departments or year groups), so the school is not placed on the plot.</p>\n"
    }
    out += "</section>\n"
    return out
  }

  private func suggestionsSection(_ facts: PageFacts, _ drawing: Drawing) -> String {
    guard let after else { return "" }
    let e = HTMLEscaping.text
    var out = "<section class=\"suggestions\"><h2>Suggested additions</h2>\n"
    if after.additions.isEmpty {
      out += "<p>No additions are suggested.</p>\n"
    } else {
      out += "<table class=\"additions\"><thead><tr><th scope=\"col\">Person</th>"
      out += "<th scope=\"col\">Id</th><th scope=\"col\">Role</th>"
      out += "<th scope=\"col\">Joins team</th><th scope=\"col\">Why</th></tr></thead><tbody>\n"
      for addition in after.additions.prefix(Self.maximumListedAdditions) {
        let member = facts.staff(addition.staff)
        let role = member.map { $0.role.isEmpty ? $0.staffType.rawValue : $0.role } ?? ""
        out +=
          "<tr class=\"addition\"><td><bdi>\(e(facts.name(ofPerson: addition.staff)))</bdi></td>"
        out += "<td><bdi>\(e(addition.staff))</bdi></td><td><bdi>\(e(role))</bdi></td>"
        out += "<td><bdi>\(e(facts.name(ofTeam: addition.team)))</bdi></td>"
        out += "<td>\(e(addition.reason))</td></tr>\n"
      }
      out += "</tbody></table>\n"
      if after.additions.count > Self.maximumListedAdditions {
        out += "<p class=\"note\">… and \(after.additions.count - Self.maximumListedAdditions) "
        out += "more additions (<code>gateways suggest</code> lists them all).</p>\n"
      }
    }
    let s = analysis.summary
    out += "<p class=\"scores\">Silos \(s.silos) → \(after.silos), islands \(s.islands) → "
    out += "\(after.islands), key people \(s.keyPeople) → \(after.keyPeople), complementarity "
    out += "\(formatScore(analysis.deeps.complementarity)) → "
    out += "\(formatScore(after.complementarity)).</p>\n"
    out += "<div class=\"side-by-side\"><figure><figcaption>Before</figcaption>"
    switch drawing {
    case .teams(let layout, let before):
      // One layout for both: every team keeps its place and only the new links appear.
      let afterPicture = after.picture(before: roster)
      out += SVGNetworkDrawing(
        picture: before, layout: layout, teamAttribute: "data-team-before",
        title: "The team network before the additions"
      ).svg()
      out += "</figure><figure><figcaption>After</figcaption>"
      out += SVGNetworkDrawing(
        picture: afterPicture, layout: layout, teamAttribute: "data-team-after",
        title: "The team network after the additions",
        highlightedTeams: Set(after.additions.map(\.team))
      ).svg()
      out += "</figure></div>\n" + legend(groups: false, after: true)
      let made = afterPicture.links.filter(\.isNew).count
      out += "<p class=\"note\">Both drawings have the same layout: teams keep their places, "
      out += "teams with a dark ring gain members, and the \(plural(made, "new link")) "
      out += "\(made == 1 ? "is" : "are") dashed.</p></section>\n"
    case .groups(let groups):
      let joins = groups.joins(additions: after.additions, facts: facts)
      out += groups.svg(
        title: "The groups of teams before the additions", attribute: "data-group-before")
      out += "</figure><figure><figcaption>After</figcaption>"
      out += groups.svg(
        title: "The groups of teams after the additions", attribute: "data-group-after",
        joins: joins)
      out += "</figure></div>\n" + legend(groups: true, after: true)
      out += "<p class=\"note\">The same groups in the same places; a dashed line joins two "
      out += "groups that the additions link, with how many additions do.</p></section>\n"
    }
    return out
  }

  private func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }

  // MARK: Style

  static let css =
    PageStyle.page
      + """
      h3 { font-size: 15px; margin: 12px 0 4px; }
      .source { color: #555; margin: 0; }
      .subtitle { font-size: 17px; color: #333; margin: 0 0 2px; }
      .defs { position: absolute; width: 0; height: 0; overflow: hidden; }
      .who { color: #555; font-size: 12px; }
      .note { color: #555; font-size: 13px; margin: 4px 0 8px; }
      .warn { color: #8a5a00; }
      .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 10px; }
      .card { border: 1px solid #ddd; border-radius: 8px; padding: 8px 14px; min-width: 118px;
        background: #f7f9fb; }
      .card.bad { border-color: #e3a5a5; background: #fdf3f3; }
      .card .value { display: block; font-size: 22px; font-weight: 600; }
      .card .label { color: #555; font-size: 12px; text-transform: uppercase;
        letter-spacing: .04em; }
      .headline ul { margin: 4px 0; padding-left: 20px; }
      .sep { color: #999; }
      bdi { unicode-bidi: isolate; }
      figure { margin: 0; }
      figure.network svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
      svg text { font-family: inherit; unicode-bidi: plaintext; }
      .link { stroke: #9aa3ab; stroke-opacity: .8; }
      .link.key { stroke: #8e0000; stroke-opacity: .95; }
      .count { font-size: 10px; text-anchor: middle; fill: #333; paint-order: stroke;
        stroke: #fff; stroke-width: 3px; font-weight: 600; }
      .count.key { fill: #8e0000; }
      .team .node { stroke: #fff; stroke-width: 1.5; }
      .team .size, .swatch-number { font-size: 10px; fill: #fff; text-anchor: middle;
        font-weight: 700; paint-order: stroke; stroke: rgba(0,0,0,.55); stroke-width: 2px; }
      .swatch-number { font-size: 9px; }

      """
    + PageStyle.teamLabel
      + """
      .silo-ring { fill: none; stroke: #c62828; stroke-width: 2; stroke-dasharray: 4 3; }
      .island-ring { fill: none; stroke: #e0a100; stroke-width: 3; }
      .team.changed .node, .changed-ring { stroke: #111; stroke-width: 3.5; }
      .link.new { stroke: #111; stroke-opacity: 1; stroke-dasharray: 5 3; }
      .count.new { fill: #111; }
      .group .node, .group-fill { fill: #4e79a7; stroke: #fff; stroke-width: 1.5; }
      .group.island .node, .group.silo .node, .group-fill.other { fill: #b4bec8; }

      """
    + PageStyle.groupText
      + """
      code { font-size: 12px; }

      """
    + PageStyle.legend
      + """
      table { border-collapse: collapse; }
      .heat th, .heat td { padding: 6px 10px; border: 1px solid #fff; text-align: center; }
      .heat td { min-width: 84px; font-weight: 600; }
      .heat td.diagonal { outline: 2px solid #fff; outline-offset: -4px; }
      .heat th { font-weight: 600; font-size: 12px; color: #444; }
      .scores { font-size: 13px; color: #333; }
      .quadrant { width: 360px; max-width: 100%; height: auto; }
      .quadrant .q { fill: #f4f6f8; stroke: #fff; stroke-width: 2; }
      .quadrant .q.current { fill: #e7eef6; }
      .quadrant .qlabel { font-size: 12px; text-anchor: middle; fill: #666; }
      .quadrant .axis { font-size: 12px; text-anchor: middle; fill: #444; }
      .quadrant .tick { font-size: 11px; text-anchor: middle; fill: #777; }
      .quadrant .target circle, .legend .target circle { fill: none; stroke: #2e7d32;
        stroke-width: 2; }
      .quadrant .school circle, .legend .school circle { fill: #c62828; }
      .legend .q.current { fill: #e7eef6; stroke: #9aa3ab; }
      .legend .toward { stroke: #c62828; stroke-dasharray: 4 3; stroke-width: 1.5; }
      .quadrant .school text { font-size: 12px; text-anchor: middle; fill: #c62828;
        font-weight: 600; }
      .quadrant .toward { stroke: #c62828; stroke-dasharray: 4 3; stroke-width: 1.5; }
      .additions th, .additions td, .teams th, .teams td, .verdicts th, .verdicts td {
        border-bottom: 1px solid #e4e4e4; padding: 3px 8px; text-align: left;
        vertical-align: top; }
      .teams { font-size: 12px; width: 100%; }
      .teams td:nth-child(1) { width: 19%; }
      .teams td:nth-child(2) { width: 17%; }
      .teams td:nth-child(4), .teams td:nth-child(5) { white-space: nowrap; }
      .teams tr.silo td:first-child { border-left: 3px dashed #c62828; }
      .teams tr.island td:first-child { border-left: 3px solid #e0a100; }
      .verdicts { font-size: 13px; margin: 8px 0; }
      .verdicts .value { white-space: nowrap; font-variant-numeric: tabular-nums; }
      .verdicts .meaning { color: #555; font-size: 12px; }
      .key-people, .leader-only { margin: 4px 0; padding-left: 20px; }
      .no-team-type { margin: 4px 0; }
      .pair { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: flex-start; }
      .pair .verdicts { flex: 1 1 380px; }
      .pair > div { flex: 0 1 360px; }
      .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
      .side-by-side svg { width: 100%; height: auto; display: block; }
      figcaption { font-weight: 600; margin: 6px 0; }

      """
    + PageStyle.footerAndPrint
      + """
        figure, .side-by-side, .heat, .verdicts, .quadrant, .legend { break-inside: avoid; }
        h2 { margin-top: 14px; }
        .side-by-side svg { max-height: 80mm; width: auto; margin: 0 auto; }
        .quadrant { width: 58mm; }
        .pair > div { flex: 0 0 60mm; }
        .pair .verdicts { flex: 1 1 90mm; }
        tr { break-inside: avoid; }
        .teams, .who, .additions { font-size: 7.2pt; }
        .teams td, .additions td, .verdicts td, .verdicts th { padding: 2px 5px; }
        .verdicts, .uninvolved, .people { font-size: 8.5pt; }
        .verdicts .meaning { font-size: 7.5pt; }
        .note { font-size: 8.5pt; }
        .heat th, .heat td { padding: 2px 6px; font-size: 8.5pt; }
        .heat td { min-width: 60px; }
        figure.network svg { max-height: 100mm; width: auto; }
        .cards { gap: 6px; }
        .card { background: #fff; min-width: 0; padding: 5px 10px; }
        .card .value { font-size: 16pt; }
      }

      """
}

extension String {
  /// The string with hyphens replaced by spaces (`learning-community` → `learning community`).
  fileprivate func replacingHyphens() -> String {
    String(map { $0 == "-" ? " " : $0 })
  }
}

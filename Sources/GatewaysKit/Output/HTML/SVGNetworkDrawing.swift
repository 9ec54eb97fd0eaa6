import MembershipGraph

/// An SVG drawing of the team network, for the HTML report.
///
/// Teams are circles filled with their deep's colour and sized by members; silos have a dashed
/// red ring and a red label, teams of an island an amber ring. Links are lines labelled with
/// the number of shared people; links through a key person are red and thicker, links that
/// suggested additions make are dark and dashed. Every team is a
/// `<g class="team" data-team="ID">` element (the attribute name can be changed so a second
/// drawing on the same page is told apart), with a `<title>` tooltip naming its gateway, deep
/// and members. All text is escaped with `HTMLEscaping.text(_:)`. Above
/// ``TeamNetworkLayout/maximumLabelledTeams`` teams, labels are left out; at most
/// ``maximumDrawnLinksPerTeam`` links per team and ``maximumDrawnLinks`` in all are drawn (new
/// ones first, then those sharing the most people), so the drawing grows with its teams.
///
/// ```swift
/// let layout = TeamNetworkLayout(analysis: analysis)
/// let svg = SVGNetworkDrawing(roster: roster, analysis: analysis, layout: layout).svg()
/// ```
public struct SVGNetworkDrawing: Sendable {
  /// What is drawn.
  let picture: NetworkPicture
  /// Where each team goes.
  public var layout: TeamNetworkLayout
  /// The attribute naming each team node, `data-team` by default.
  public var teamAttribute: String
  /// The accessible title of the drawing.
  public var title: String
  /// Teams to mark as changed (a thicker dark ring), e.g. teams that gain members.
  public var highlightedTeams: Set<String>

  /// Creates a drawing of an analysed roster.
  ///
  /// ```swift
  /// let analysis = Analyser().analyse(roster)
  /// let drawing = SVGNetworkDrawing(
  ///   roster: roster, analysis: analysis, layout: TeamNetworkLayout(analysis: analysis))
  /// ```
  ///
  /// - Complexity: O(T + L + S) for T teams, L links and S staff.
  public init(
    roster: Roster, analysis: SchoolAnalysis, layout: TeamNetworkLayout,
    teamAttribute: String = "data-team", title: String = "The team network",
    highlightedTeams: Set<String> = []
  ) {
    self.init(
      picture: NetworkPicture(
        roster: roster, facts: PageFacts(roster: roster, analysis: analysis)),
      layout: layout, teamAttribute: teamAttribute, title: title,
      highlightedTeams: highlightedTeams)
  }

  /// Creates a drawing of a picture already made.
  init(
    picture: NetworkPicture, layout: TeamNetworkLayout, teamAttribute: String = "data-team",
    title: String, highlightedTeams: Set<String> = []
  ) {
    self.picture = picture
    self.layout = layout
    self.teamAttribute = teamAttribute
    self.title = title
    self.highlightedTeams = highlightedTeams
  }

  /// The longest label drawn, in characters; longer names are cut with `…`.
  public static let labelLimit = 22

  /// How much larger than its units the drawing is shown when the page has room.
  public static let zoom = 1.35

  /// The most links drawn, whatever the teams; above, the strongest are drawn and the rest
  /// counted.
  public static let maximumDrawnLinks = 2000

  /// The most links drawn per team drawn: the drawing grows with its teams even when a few
  /// people on many teams link every pair of them.
  public static let maximumDrawnLinksPerTeam = 4

  /// The most links drawn for `teams` teams.
  ///
  /// ```swift
  /// SVGNetworkDrawing.drawnLinkLimit(teams: 10)   // 40
  /// ```
  ///
  /// - Complexity: O(1).
  public static func drawnLinkLimit(teams: Int) -> Int {
    min(maximumDrawnLinks, maximumDrawnLinksPerTeam * max(teams, 1))
  }

  /// The most people named in a link's tooltip; the rest are counted.
  public static let maximumNamesPerLink = 8

  /// Whether labels are drawn: up to ``TeamNetworkLayout/maximumLabelledTeams`` teams.
  public var drawsLabels: Bool { picture.teams.count <= TeamNetworkLayout.maximumLabelledTeams }

  /// The `<svg>` element.
  ///
  /// ```swift
  /// let svg = drawing.svg()   // "<svg ...>...</svg>"
  /// ```
  ///
  /// - Complexity: linear in teams and drawn links, times the teams when labels are drawn (a
  ///   link's count is placed clear of every circle).
  public func svg() -> String {
    var position: [String: TeamNetworkLayout.Node] = [:]
    position.reserveCapacity(layout.nodes.count)
    for node in layout.nodes { position[node.team] = node }
    let nodeOf = picture.teams.map { position[$0.id] }
    var out = NetworkSVG.opening(classes: "network", layout: layout, title: title)
    var labels = ""
    let names = nameOf
    let labelWidths =
      drawsLabels
      ? layout.nodes.map { TeamNetworkLayout.labelWidth(names[$0.team] ?? $0.team) } : []
    for link in picture.links {
      guard let a = nodeOf[link.first], let b = nodeOf[link.second] else { continue }
      var classes = link.throughKeyPerson ? " key" : ""
      if link.isNew { classes += " new" }
      var names = link.names.joined(separator: ", ")
      if link.shared > link.names.count { names += " and \(link.shared - link.names.count) more" }
      let first = picture.teams[link.first].name
      let second = picture.teams[link.second].name
      out += NetworkSVG.line(
        classes: classes, from: a, to: b,
        width: NetworkSVG.lineWidth(shared: link.shared) + (link.throughKeyPerson ? 1 : 0),
        title: "\(first) – \(second): \(names)")
      if drawsLabels {
        let (mx, my) = countPosition(a, b, labelWidths: labelWidths)
        labels += NetworkSVG.count(link.shared, classes: classes, x: mx, y: my)
      }
    }
    out += "</g>\n<g class=\"counts\">\n" + labels + "</g>\n<g class=\"teams\">\n"
    for (i, team) in picture.teams.enumerated() {
      guard let node = nodeOf[i] else { continue }
      var classes = "team"
      if team.isSilo { classes += " silo" }
      if team.isIsland { classes += " island" }
      if highlightedTeams.contains(team.id) { classes += " changed" }
      var tooltip = team.name
      if let gateway = team.gateway { tooltip += " — \(gateway.id)" }
      if let deep = team.deep { tooltip += " (\(deep.displayName))" }
      tooltip += " — \(team.members) member\(team.members == 1 ? "" : "s")"
      if team.isSilo { tooltip += " — silo" }
      if team.isIsland { tooltip += " — island" }
      out += NetworkSVG.node(
        classes: classes, attribute: teamAttribute, value: team.id, title: tooltip, at: node,
        ring: team.isSilo ? "silo-ring" : team.isIsland ? "island-ring" : nil,
        fill: deepColor(team.deep), hatch: deepPattern(team.deep), size: team.members,
        label: drawsLabels ? team.name : nil)
    }
    out += "</g>\n</svg>\n"
    return out
  }

  /// Team names by id, for the label widths.
  private var nameOf: [String: String] {
    Dictionary(picture.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
  }

  /// Where a link's count goes: the first point along the link, from the middle outwards, that
  /// is clear of every circle and label, or the middle when none is.
  private func countPosition(
    _ a: TeamNetworkLayout.Node, _ b: TeamNetworkLayout.Node, labelWidths: [Double]
  ) -> (Double, Double) {
    for t in [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73] {
      let x = a.x + (b.x - a.x) * t
      let y = a.y + (b.y - a.y) * t
      let clear = layout.nodes.indices.allSatisfy { n in
        let node = layout.nodes[n]
        let dx = x - node.x
        let dy = y - node.y
        if dx * dx + dy * dy < (node.radius + 7) * (node.radius + 7) { return false }
        let half = labelWidths[n] / 2 + 4
        let top = node.y + node.radius + 1
        return !(abs(dx) < half && y > top && y < top + TeamNetworkLayout.labelHeight)
      }
      if clear { return (x, y) }
    }
    return ((a.x + b.x) / 2, (a.y + b.y) / 2)
  }
}

/// What a drawing of the team network shows, however it was found: the teams in id order and
/// the links between them, at most ``SVGNetworkDrawing/drawnLinkLimit(teams:)`` of them.
struct NetworkPicture: Sendable {
  /// One team.
  struct Team: Sendable {
    var id: String
    var name: String
    var gateway: Gateway?
    var deep: Deep?
    var members: Int
    var isSilo: Bool
    var isIsland: Bool
  }

  /// One link, by positions in ``teams``.
  struct Link: Sendable {
    var first: Int
    var second: Int
    /// The number of people shared.
    var shared: Int
    /// The names of the first shared people, at most ``SVGNetworkDrawing/maximumNamesPerLink``.
    var names: [String]
    var throughKeyPerson: Bool
    /// Whether the link is new (made by suggested additions).
    var isNew: Bool
  }

  /// The teams, sorted by id.
  var teams: [Team]
  /// The links drawn, sorted by (first, second).
  var links: [Link]
  /// Every link, drawn or not.
  var linkCount: Int

  /// The picture of an analysed roster: teams marked as the analysis finds them, every link
  /// from the roster's group projection (whatever the analysis lists).
  /// - Complexity: the group projection, O(Σ k²) for people on k teams, plus O(S + T).
  init(roster: Roster, facts: PageFacts) {
    let keyPeople = Set(facts.analysis.keyPeople.map(\.staff))
    let siloTeams = Set(facts.analysis.silos)
    let isKeyPerson = roster.staff.map { keyPeople.contains($0.id) }
    let isSilo = roster.teams.map { siloTeams.contains($0.id) }
    let isIsland = roster.teams.map { facts.islandTeams.contains($0.id) }
    self.init(
      network: RosterGraph(roster), isSilo: isSilo, isIsland: isIsland,
      isKeyPerson: isKeyPerson, oldLinks: nil)
  }

  /// The picture of a roster's graph; with `oldLinks` (pairs of team positions `a * T + b`,
  /// `a < b`), a link not among them is new.
  /// - Complexity: the group projection, O(Σ k²) for people on k teams, plus O(L log L).
  init(
    network: RosterGraph, isSilo: [Bool], isIsland: [Bool], isKeyPerson: [Bool],
    oldLinks: Set<Int>?
  ) {
    let roster = network.roster
    let rosterTeams = roster.teams
    let deeps = roster.deeps
    let teams = rosterTeams.enumerated().map { position, team in
      Team(
        id: team.id, name: team.name, gateway: team.gateway,
        deep: team.gateway.flatMap { deeps.deep(of: $0) },
        members: team.members.count, isSilo: isSilo[position], isIsland: isIsland[position])
    }
    let projection = network.graph.groupProjection()
    var links: [Link] = []
    links.reserveCapacity(projection.linkCount)
    for link in 0..<projection.linkCount {
      let (first, second) = projection.groups(ofLinkAt: link)
      let shared = projection.sharedPeople(ofLinkAt: link)
      let a = min(first.position, second.position)
      let b = max(first.position, second.position)
      links.append(
        Link(
          first: a, second: b, shared: shared.count,
          names: shared.prefix(SVGNetworkDrawing.maximumNamesPerLink).map {
            roster.staff[$0.position].name
          },
          throughKeyPerson: shared.contains { isKeyPerson[$0.position] },
          isNew: oldLinks.map { !$0.contains(a * rosterTeams.count + b) } ?? false))
    }
    links.sort { ($0.first, $0.second) < ($1.first, $1.second) }
    self.init(teams: teams, links: links)
  }

  init(teams: [Team], links: [Link]) {
    self.teams = teams
    linkCount = links.count
    self.links = Self.bounded(links, limit: SVGNetworkDrawing.drawnLinkLimit(teams: teams.count))
  }

  /// The links kept when there are too many: new links first, then the most shared people, ties
  /// by team positions; returned sorted by team positions.
  static func bounded(_ links: [Link], limit: Int) -> [Link] {
    guard links.count > limit else { return links }
    let kept = links.sorted { a, b in
      if a.isNew != b.isNew { return a.isNew }
      if a.shared != b.shared { return a.shared > b.shared }
      return (a.first, a.second) < (b.first, b.second)
    }.prefix(limit)
    return kept.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }
}

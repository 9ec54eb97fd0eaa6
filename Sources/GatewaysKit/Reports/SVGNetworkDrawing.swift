/// An SVG drawing of the team network, for the HTML report.
///
/// Teams are circles filled with their deep's colour and sized by members; silos have a dashed
/// red ring and a red label, teams of an island an amber ring. Links are lines labelled with
/// the number of shared people; links through a key person are red and thicker. Every team is a
/// `<g class="team" data-team="ID">` element (the attribute name can be changed so a second
/// drawing on the same page is told apart), with a `<title>` tooltip naming its gateway, deep
/// and members. All text is escaped with ``HTMLEscaping/text(_:)``. Above
/// ``TeamNetworkLayout/maximumLabelledTeams`` teams, labels are left out.
///
/// ```swift
/// let layout = TeamNetworkLayout(analysis: analysis)
/// let svg = SVGNetworkDrawing(roster: roster, analysis: analysis, layout: layout).svg()
/// ```
public struct SVGNetworkDrawing: Sendable {
  /// The roster drawn.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis
  /// Where each team goes.
  public var layout: TeamNetworkLayout
  /// The attribute naming each team node, `data-team` by default.
  public var teamAttribute: String
  /// The accessible title of the drawing.
  public var title: String
  /// Teams to mark as changed (a thicker dark ring), e.g. teams that gain members.
  public var highlightedTeams: Set<String>

  /// Creates a drawing.
  public init(
    roster: Roster, analysis: SchoolAnalysis, layout: TeamNetworkLayout,
    teamAttribute: String = "data-team", title: String = "The team network",
    highlightedTeams: Set<String> = []
  ) {
    self.roster = roster
    self.analysis = analysis
    self.layout = layout
    self.teamAttribute = teamAttribute
    self.title = title
    self.highlightedTeams = highlightedTeams
  }

  /// The longest label drawn, in characters; longer names are cut with `…`.
  public static let labelLimit = 22

  /// How much larger than its units the drawing is shown when the page has room.
  public static let zoom = 1.35

  /// Whether labels are drawn: up to ``TeamNetworkLayout/maximumLabelledTeams`` teams.
  public var drawsLabels: Bool { analysis.teams.count <= TeamNetworkLayout.maximumLabelledTeams }

  /// The `<svg>` element.
  /// - Complexity: linear in teams and links.
  public func svg() -> String {
    let facts = ReportFacts(roster: roster, analysis: analysis)
    var position: [String: TeamNetworkLayout.Node] = [:]
    for node in layout.nodes { position[node.team] = node }
    let c = formatCoordinate
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\""
    // Drawn a third larger than its units, and never wider than the page (CSS max-width).
    out += " width=\"\(c(layout.width * Self.zoom))\" height=\"\(c(layout.height * Self.zoom))\""
    out += " viewBox=\"0 0 \(c(layout.width)) \(c(layout.height))\" role=\"img\">\n"
    out += "<title>\(HTMLEscaping.text(title))</title>\n"
    out += "<g class=\"links\">\n"
    var labels = ""
    for link in facts.links {
      guard let a = position[link.first], let b = position[link.second] else { continue }
      let widthOfLine = min(1.2 + Double(link.via.count - 1) * 1.2, 6)
      let keyClass = link.throughKeyPerson ? " key" : ""
      out += "<line class=\"link\(keyClass)\" x1=\"\(c(a.x))\" y1=\"\(c(a.y))\" x2=\"\(c(b.x))\""
      out +=
        " y2=\"\(c(b.y))\" stroke-width=\"\(c(widthOfLine + (link.throughKeyPerson ? 1 : 0)))\">"
      let names = link.via.map(facts.name(ofPerson:)).joined(separator: ", ")
      out +=
        "<title>\(HTMLEscaping.text("\(facts.name(ofTeam: link.first)) – \(facts.name(ofTeam: link.second)): \(names)"))</title></line>\n"
      if drawsLabels {
        let (mx, my) = countPosition(a, b, nodes: layout.nodes, names: facts)
        labels += "<text class=\"count\(keyClass)\" x=\"\(c(mx))\" y=\"\(c(my + 3.5))\">"
        labels += "\(link.via.count)</text>\n"
      }
    }
    out += "</g>\n<g class=\"counts\">\n" + labels + "</g>\n<g class=\"teams\">\n"
    for team in analysis.teams {
      guard let node = position[team.id] else { continue }
      var classes = "team"
      if team.isSilo { classes += " silo" }
      if facts.islandTeams.contains(team.id) { classes += " island" }
      if highlightedTeams.contains(team.id) { classes += " changed" }
      out += "<g class=\"\(classes)\" \(teamAttribute)=\"\(HTMLEscaping.text(team.id))\">"
      var tooltip = team.name
      if let gateway = team.gateway { tooltip += " — \(gateway.id)" }
      if let deep = team.deep { tooltip += " (\(deep.displayName))" }
      tooltip += " — \(team.members.count) member\(team.members.count == 1 ? "" : "s")"
      if team.isSilo { tooltip += " — silo" }
      if facts.islandTeams.contains(team.id) { tooltip += " — island" }
      out += "<title>\(HTMLEscaping.text(tooltip))</title>"
      if team.isSilo || facts.islandTeams.contains(team.id) {
        let ring = team.isSilo ? "silo-ring" : "island-ring"
        out += "<circle class=\"\(ring)\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\""
        out += " r=\"\(c(node.radius + 4))\"/>"
      }
      out +=
        "<circle class=\"node\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\" r=\"\(c(node.radius))\""
      out += " fill=\"\(deepColor(team.deep))\"/>"
      out +=
        "<text class=\"size\" x=\"\(c(node.x))\" y=\"\(c(node.y + 4))\">\(team.members.count)</text>"
      if drawsLabels {
        let label = HTMLEscaping.shortened(team.name, limit: Self.labelLimit)
        out += "<text class=\"label\" x=\"\(c(node.x))\" y=\"\(c(node.y + node.radius + 13))\">"
        out += HTMLEscaping.text(label) + "</text>"
      }
      out += "</g>\n"
    }
    out += "</g>\n</svg>\n"
    return out
  }
  /// Where a link's count goes: the first point along the link, from the middle outwards, that
  /// is clear of every circle and label, or the middle when none is.
  private func countPosition(
    _ a: TeamNetworkLayout.Node, _ b: TeamNetworkLayout.Node, nodes: [TeamNetworkLayout.Node],
    names: ReportFacts
  ) -> (Double, Double) {
    for t in [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73] {
      let x = a.x + (b.x - a.x) * t
      let y = a.y + (b.y - a.y) * t
      let clear = nodes.allSatisfy { node in
        let dx = x - node.x
        let dy = y - node.y
        if dx * dx + dy * dy < (node.radius + 7) * (node.radius + 7) { return false }
        let half = TeamNetworkLayout.labelWidth(names.name(ofTeam: node.team)) / 2 + 4
        let top = node.y + node.radius + 1
        return !(abs(dx) < half && y > top && y < top + TeamNetworkLayout.labelHeight)
      }
      if clear { return (x, y) }
    }
    return ((a.x + b.x) / 2, (a.y + b.y) / 2)
  }
}

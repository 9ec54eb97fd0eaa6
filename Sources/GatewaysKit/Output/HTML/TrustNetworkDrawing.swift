/// The network of schools drawn as SVG, for a trust's report: a circle per school sized by its
/// staff, a line between two schools that share people (people in both by `person_id`, or on
/// the other's team) labelled with how many, and a square per trust-wide team joined by dashed
/// lines to the schools of its members (at most ``maximumDrawnTrustTeams``, those joining the
/// most schools). Isolated schools have a dashed ring; lines through a key connector are dark
/// red, as is a trust-wide team that is one.
///
/// The positions come from ``TeamNetworkLayout`` (not sectored: schools have no deep), so each
/// group of linked schools is laid out on its own and the groups, then the isolated schools,
/// are packed in rows. Labels are drawn up to ``TeamNetworkLayout/maximumLabelledTeams``
/// circles and squares (every name is in a tooltip); at most
/// ``SVGNetworkDrawing/drawnLinkLimit(teams:)`` lines are drawn, those sharing the most people
/// first. Every school is a `<g class="school" data-school-node="NAME">`.
///
/// ```swift
/// let svg = TrustNetworkDrawing(trust: trust, network: analysis.network).svg()
/// ```
struct TrustNetworkDrawing: Sendable {
  /// A school or a trust-wide team.
  struct Node: Sendable {
    var name: String
    var isTrustTeam: Bool
    /// Staff of a school; schools joined for a trust-wide team.
    var size: Int
    var isIsolated: Bool
    var isKey: Bool
  }

  /// A line, by positions in ``nodes``.
  struct Link: Sendable {
    var first: Int
    var second: Int
    /// People shared (1 for a trust-wide team's line).
    var shared: Int
    var toTrustTeam: Bool
    var throughKeyConnector: Bool
  }

  /// The schools in the trust's order, then the trust-wide teams with members.
  private(set) var nodes: [Node] = []
  /// The lines drawn, sorted by (first, second).
  private(set) var links: [Link] = []
  /// Every line, drawn or not.
  private(set) var linkCount = 0
  /// Where each node goes.
  let layout: TeamNetworkLayout

  /// The lines drawn.
  var drawnLinkCount: Int { links.count }
  /// The most trust-wide teams drawn, those joining the most schools; the rest are counted.
  static let maximumDrawnTrustTeams = 100
  /// The trust-wide teams with members, drawn or not.
  private(set) var trustTeamCount = 0

  /// - Complexity: O(S + Σ k²) for S schools and connectors joining k schools each, plus the
  ///   layout's.
  init(trust: TrustRoster, network: TrustNetwork) {
    let schools = trust.schools
    let count = schools.count
    var position: [String: Int] = [:]
    position.reserveCapacity(count)
    for (index, school) in schools.enumerated() { position[school.name] = index }
    let isolated = Set(network.isolated)
    let keyPeople = Set(network.keyConnectors.filter { $0.kind == .person }.map(\.id))
    let keyTeams = Set(network.keyConnectors.filter { $0.kind == .trustTeam }.map(\.id))
    nodes = schools.map {
      Node(
        name: $0.name, isTrustTeam: false, size: $0.roster.staff.count,
        isIsolated: isolated.contains($0.name), isKey: false)
    }
    var shared: [Int: (count: Int, key: Bool)] = [:]
    var spokes: [Link] = []
    for connector in network.allConnectors {
      let joined = connector.schools.compactMap { position[$0] }.sorted()
      switch connector.kind {
      case .person:
        let key = keyPeople.contains(connector.id)
        for (i, a) in joined.enumerated() {
          for b in joined[(i + 1)...] {
            let old = shared[a * count + b] ?? (0, false)
            shared[a * count + b] = (old.count + 1, old.key || key)
          }
        }
      case .trustTeam:
        trustTeamCount += 1
        guard trustTeamCount <= Self.maximumDrawnTrustTeams else { continue }
        let node = nodes.count
        let key = keyTeams.contains(connector.id)
        nodes.append(
          Node(
            name: connector.id, isTrustTeam: true, size: joined.count, isIsolated: false,
            isKey: key))
        for school in joined {
          spokes.append(
            Link(
              first: school, second: node, shared: 1, toTrustTeam: true,
              throughKeyConnector: key))
        }
      }
    }
    var all = shared.keys.sorted().map { pair in
      let value = shared[pair] ?? (0, false)
      return Link(
        first: pair / count, second: pair % count, shared: value.count, toTrustTeam: false,
        throughKeyConnector: value.key)
    }
    all += spokes
    linkCount = all.count
    let limit = SVGNetworkDrawing.drawnLinkLimit(teams: nodes.count)
    if all.count > limit {
      all = Array(
        all.sorted { a, b in
          a.shared != b.shared ? a.shared > b.shared : (a.first, a.second) < (b.first, b.second)
        }.prefix(limit))
    }
    links = all.sorted { ($0.first, $0.second) < ($1.first, $1.second) }

    // The layout: every link (drawn or not) pulls, each group of schools on its own.
    var adjacency = [[(item: Int, weight: Int)]](repeating: [], count: nodes.count)
    for pair in shared.keys.sorted() {
      let (a, b) = (pair / count, pair % count)
      let weight = shared[pair]?.count ?? 1
      adjacency[a].append((b, weight))
      adjacency[b].append((a, weight))
    }
    for spoke in spokes {
      adjacency[spoke.first].append((spoke.second, 1))
      adjacency[spoke.second].append((spoke.first, 1))
    }
    let items = nodes.enumerated().map { index, node in
      TeamNetworkLayout.Item(
        id: String(index), name: node.name, deep: nil, size: node.size,
        links: adjacency[index])
    }
    var components = network.groups.map { $0.compactMap { position[$0] } }
    var componentOf = [Int](repeating: -1, count: count)
    for (component, members) in components.enumerated() {
      for school in members { componentOf[school] = component }
    }
    for school in 0..<count where componentOf[school] < 0 {
      componentOf[school] = components.count
      components.append([school])
    }
    for spoke in spokes where !components[componentOf[spoke.first]].contains(spoke.second) {
      components[componentOf[spoke.first]].append(spoke.second)
    }
    layout = TeamNetworkLayout(
      items: items, components: components.map { $0.sorted() }, sectored: false)
  }

  /// Whether names are drawn under the nodes.
  var drawsLabels: Bool { nodes.count <= TeamNetworkLayout.maximumLabelledTeams }

  /// The `<svg>` element.
  /// - Complexity: linear in the nodes and the lines drawn.
  func svg() -> String {
    let c = formatCoordinate
    let e = HTMLEscaping.text
    let placed = layout.nodes
    var out = NetworkSVG.opening(
      classes: "network schools-network", layout: layout, title: "The network of schools")
    var counts = ""
    for link in links {
      let (a, b) = (placed[link.first], placed[link.second])
      var classes = link.toTrustTeam ? " trust-link" : ""
      if link.throughKeyConnector { classes += " key" }
      let width = link.toTrustTeam ? 1.5 : NetworkSVG.lineWidth(shared: link.shared)
      let (first, second) = (nodes[link.first].name, nodes[link.second].name)
      let what =
        link.toTrustTeam
        ? "\(first): members of the trust-wide team \(second)"
        : "\(first) – \(second): \(plural(link.shared, "person", "people")) shared"
      out += NetworkSVG.line(
        classes: classes, from: a, to: b, width: width + (link.throughKeyConnector ? 1 : 0),
        title: what)
      if drawsLabels && !link.toTrustTeam {
        counts += NetworkSVG.count(
          link.shared, classes: link.throughKeyConnector ? " key" : "", x: (a.x + b.x) / 2,
          y: (a.y + b.y) / 2)
      }
    }
    out += "</g>\n<g class=\"counts\">\n" + counts + "</g>\n<g class=\"schools\">\n"
    for (index, node) in nodes.enumerated() {
      let at = placed[index]
      guard node.isTrustTeam else {
        out += NetworkSVG.node(
          classes: node.isIsolated ? "school isolated" : "school", attribute: "data-school-node",
          value: node.name,
          title: "\(node.name) — \(plural(node.size, "member")) of staff"
            + (node.isIsolated ? " — isolated" : ""),
          at: at, ring: node.isIsolated ? "silo-ring" : nil, size: node.size,
          label: drawsLabels ? node.name : nil)
        continue
      }
      let label =
        drawsLabels
        ? "<text class=\"label\" x=\"\(c(at.x))\" y=\"\(c(at.y + at.radius + 13))\">"
          + e(HTMLEscaping.shortened(node.name, limit: SVGNetworkDrawing.labelLimit))
          + "</text>" : ""
      let half = at.radius * 0.8
      out += "<g class=\"trust-team\(node.isKey ? " key" : "")\" data-trust-team=\""
      out += "\(e(node.name))\"><title>\(e("trust-wide team \(node.name) — "))"
      out += "\(plural(node.size, "school"))\(node.isKey ? " — key connector" : "")</title>"
      out += "<rect class=\"node\" x=\"\(c(at.x - half))\" y=\"\(c(at.y - half))\""
      out += " width=\"\(c(2 * half))\" height=\"\(c(2 * half))\"/>\(label)</g>\n"
    }
    out += "</g>\n</svg>\n"
    return out
  }
}

import MembershipGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Positions for drawing the team network: one circle per team, computed deterministically.
///
/// The layout is *deep-sectored, then force-directed*:
///
/// Each group of linked teams (a component: the main group, an island, a silo) is laid out on its
/// own, and the groups are then packed in rows, main group first, so islands and silos sit
/// together below it instead of drifting to the corners. Within a group:
///
/// 1. **Sectors.** The circle is cut into five sectors, one per deep in Hargreaves' order and one
///    for teams with no deep. Each team starts in its deep's sector, teams of a sector spread by
///    id, at a distance from the centre that alternates over three rings, plus a small jitter
///    from a `SeededGenerator` (MembershipGraph) with a fixed seed. With `startingFrom`, teams already placed in
///    an earlier layout start where they were, so a before and an after drawing look alike.
/// 2. **Forces.** A fixed number of Fruchterman and Reingold (1991) iterations: every pair of
///    teams closer than three ideal distances repels, linked teams attract (more strongly the
///    more people they share), a weak gravity holds the group together, and a weak pull towards
///    the deep's sector keeps each deep together. The step shrinks linearly to zero ("cooling").
/// 3. **No overlaps.** Each team has a box holding its circle and the label under it (its width
///    estimated from the name's length); overlapping boxes are pushed apart pair by pair, along
///    the axis where they overlap least, until none overlap. Labels then never cover a circle or
///    another label.
///
/// Nothing depends on the clock, hashing order or system randomness, so the same analysis gives
/// the same positions on every run. Nodes are sized by members (radius grows with the square
/// root). The layout is meant for 3 to ``maximumLabelledTeams`` teams; beyond that it is still
/// computed (with fewer iterations), and the drawing leaves labels out and says so.
///
/// ```swift
/// let layout = TeamNetworkLayout(analysis: Analyser().analyse(roster))
/// for node in layout.nodes { print(node.team, node.x, node.y, node.radius) }
/// ```
///
/// - Complexity: O(I·T² + L) for T teams, L links and I iterations (at most 300, fewer for large
///   T so the work stays below about 10⁷ pair steps).
public struct TeamNetworkLayout: Sendable, Hashable {
  /// One team's circle.
  public struct Node: Sendable, Hashable {
    /// The team's id.
    public var team: String
    /// The centre's x, in drawing units, from the left edge.
    public var x: Double
    /// The centre's y, in drawing units, from the top edge.
    public var y: Double
    /// The circle's radius.
    public var radius: Double
  }

  /// The teams up to which the drawing labels every node and link.
  public static let maximumLabelledTeams = 150

  /// One node per team, in the order of ``SchoolAnalysis/teams`` (by team id).
  public private(set) var nodes: [Node]
  /// The drawing's width; every circle, with room for its label, lies inside.
  public private(set) var width: Double
  /// The drawing's height.
  public private(set) var height: Double

  /// The space kept between two circles, for the label under a node.
  public static let gap = 28.0

  /// Computes the layout of an analysis.
  /// - Parameters:
  ///   - analysis: the analysed roster.
  ///   - previous: an earlier layout whose positions teams with the same id start from.
  ///   - seed: the seed of the jitter; the default is fixed.
  public init(
    analysis: SchoolAnalysis, startingFrom previous: TeamNetworkLayout? = nil, seed: UInt64 = 2004
  ) {
    let teams = analysis.teams
    let count = teams.count
    guard count > 0 else {
      nodes = []
      width = 320
      height = 160
      return
    }
    var index: [String: Int] = [:]
    for (i, team) in teams.enumerated() { index[team.id] = i }
    let base = count > 60 ? 9.0 : 12.0
    let radii = teams.map { min(base + 4 * Double($0.members.count).squareRoot(), 44) }
    var previousPosition: [String: (Double, Double)] = [:]
    for node in previous?.nodes ?? [] { previousPosition[node.team] = (node.x, node.y) }
    var rng = SeededGenerator(seed: seed)
    // Above the label limit the drawing has no labels, so boxes are just the circles.
    let labelled = count <= Self.maximumLabelledTeams

    // Lay out each group of linked teams on its own, then pack the groups in rows: the main
    // group first, then islands, then silos, as the analysis orders them.
    var boxes: [(members: [Int], x: [Double], y: [Double], width: Double, height: Double)] = []
    for component in analysis.components {
      let members = component.compactMap { index[$0] }.sorted()
      guard !members.isEmpty else { continue }
      var (x, y) = Self.forceLayout(
        labelled: labelled,
        members: members, teams: teams, index: index, radii: radii,
        previous: previousPosition, rng: &rng)
      var minX = Double.infinity
      var minY = Double.infinity
      var maxX = -Double.infinity
      var maxY = -Double.infinity
      for (local, i) in members.enumerated() {
        let half = labelled ? max(radii[i], Self.labelWidth(teams[i].name) / 2) : radii[i]
        minX = min(minX, x[local] - half)
        maxX = max(maxX, x[local] + half)
        minY = min(minY, y[local] - radii[i])
        maxY = max(maxY, y[local] + radii[i] + (labelled ? Self.labelHeight : 0))
      }
      for local in members.indices {
        x[local] += Self.labelMargin - minX
        y[local] += Self.topMargin - minY
      }
      boxes.append(
        (
          members, x, y, maxX - minX + 2 * Self.labelMargin,
          maxY - minY + Self.topMargin + Self.bottomMargin
        ))
    }
    let totalArea = boxes.reduce(0) { $0 + $1.width * $1.height }
    let rowWidth = max(boxes.map(\.width).max() ?? 0, 1.2 * totalArea.squareRoot(), 420)
    var placed = [Node?](repeating: nil, count: count)
    var cursorX = 0.0
    var cursorY = 0.0
    var rowHeight = 0.0
    var usedWidth = 0.0
    // Round to tenths: the drawing writes one decimal, and tests compare what is drawn.
    func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    for box in boxes {
      if cursorX > 0, cursorX + box.width > rowWidth {
        cursorX = 0
        cursorY += rowHeight
        rowHeight = 0
      }
      for (local, i) in box.members.enumerated() {
        placed[i] = Node(
          team: teams[i].id, x: tenth(cursorX + box.x[local]), y: tenth(cursorY + box.y[local]),
          radius: tenth(radii[i]))
      }
      cursorX += box.width
      usedWidth = max(usedWidth, cursorX)
      rowHeight = max(rowHeight, box.height)
    }
    nodes = placed.enumerated().map { i, node in
      node ?? Node(team: teams[i].id, x: 0, y: 0, radius: radii[i])
    }
    width = usedWidth.rounded(.up)
    height = (cursorY + rowHeight).rounded(.up)
  }

  /// Room left and right of a group (labels are already inside each team's box).
  static let labelMargin = 8.0
  /// The height of a label under its circle, with its spacing.
  static let labelHeight = 20.0

  /// An estimate of a label's width in drawing units: 6.3 per character of the shortened name
  /// at the drawing's 11-unit font.
  static func labelWidth(_ name: String) -> Double {
    Double(HTMLEscaping.shortened(name, limit: SVGNetworkDrawing.labelLimit).count) * 6.3
  }
  /// Room above a group.
  static let topMargin = 10.0
  /// Room below a group.
  static let bottomMargin = 10.0

  /// Sectors, forces and overlap removal for one group of linked teams; returns positions in
  /// the order of `members`, around the origin.
  private static func forceLayout(
    labelled: Bool,
    members: [Int], teams: [TeamFinding], index: [String: Int], radii: [Double],
    previous: [String: (Double, Double)], rng: inout SeededGenerator
  ) -> ([Double], [Double]) {
    let count = members.count
    guard count > 1 else { return ([0], [0]) }
    let side = 140 * Double(count).squareRoot()
    let centre = 0.0
    var localOf: [Int: Int] = [:]
    for (local, i) in members.enumerated() { localOf[i] = local }

    // 1. Sectors.
    let sectors = [Deep?](Deep.allCases) + [nil]
    let sectorOf = members.map { sectors.firstIndex(of: teams[$0].deep) ?? sectors.count - 1 }
    var sectorSize = [Int](repeating: 0, count: sectors.count)
    for s in sectorOf { sectorSize[s] += 1 }
    let sectorWidth = 2 * Double.pi / Double(sectors.count)
    let sectorCentre = (0..<sectors.count).map { s -> (Double, Double) in
      let angle = (Double(s) + 0.5) * sectorWidth - Double.pi / 2
      return (centre + side * 0.25 * cos(angle), centre + side * 0.25 * sin(angle))
    }
    var placedInSector = [Int](repeating: 0, count: sectors.count)
    var x = [Double](repeating: 0, count: count)
    var y = [Double](repeating: 0, count: count)
    let known = members.compactMap { previous[teams[$0].id] }
    let knownX = known.isEmpty ? 0 : known.map(\.0).reduce(0, +) / Double(known.count)
    let knownY = known.isEmpty ? 0 : known.map(\.1).reduce(0, +) / Double(known.count)
    for (local, i) in members.enumerated() {
      let s = sectorOf[local]
      let j = placedInSector[s]
      placedInSector[s] += 1
      let jitter = Double(rng.next() % 1000) / 1000 - 0.5
      if let (px, py) = previous[teams[i].id] {
        x[local] = px - knownX
        y[local] = py - knownY
        continue
      }
      let angle =
        Double(s) * sectorWidth + (Double(j) + 0.5 + jitter * 0.3) / Double(sectorSize[s])
        * sectorWidth - Double.pi / 2
      let ring = side * (0.14 + 0.09 * Double(j % 3))
      x[local] = centre + ring * cos(angle)
      y[local] = centre + ring * sin(angle)
    }

    // 2. Forces.
    var edges: [(Int, Int, Double)] = []
    for (a, i) in members.enumerated() {
      for link in teams[i].links {
        if let j = index[link.team], let b = localOf[j], a < b {
          edges.append((a, b, 1 + log2(Double(link.via.count))))
        }
      }
    }
    let k = 0.85 * (side * side / Double(count)).squareRoot()
    let cutoff = 3 * k
    let resumed = !known.isEmpty
    let iterations = max(30, min(300, 10_000_000 / (count * count))) / (resumed ? 2 : 1)
    let startTemperature = resumed ? side / 30 : side / 8
    var dx = [Double](repeating: 0, count: count)
    var dy = [Double](repeating: 0, count: count)
    for step in 0..<iterations {
      for i in 0..<count {
        dx[i] = 0
        dy[i] = 0
      }
      for i in 0..<count {
        for j in (i + 1)..<count {
          var ddx = x[i] - x[j]
          var ddy = y[i] - y[j]
          var distance = (ddx * ddx + ddy * ddy).squareRoot()
          if distance < 0.01 {
            // Coincident points: separate them in a direction fixed by their indices.
            let angle = Double((i * 7919 + j * 104_729) % 360) * Double.pi / 180
            ddx = cos(angle) * 0.01
            ddy = sin(angle) * 0.01
            distance = 0.01
          }
          // Repulsion is local (Fruchterman and Reingold's grid variant): a dense core does not
          // push chains of teams off the page.
          guard distance < cutoff else { continue }
          let force = k * k / distance
          dx[i] += ddx / distance * force
          dy[i] += ddy / distance * force
          dx[j] -= ddx / distance * force
          dy[j] -= ddy / distance * force
        }
      }
      for (i, j, weight) in edges {
        let ddx = x[i] - x[j]
        let ddy = y[i] - y[j]
        let distance = max((ddx * ddx + ddy * ddy).squareRoot(), 0.01)
        let force = distance * distance / k * weight
        dx[i] -= ddx / distance * force
        dy[i] -= ddy / distance * force
        dx[j] += ddx / distance * force
        dy[j] += ddy / distance * force
      }
      for i in 0..<count {
        dx[i] += (centre - x[i]) * 0.4 * k / side
        dy[i] += (centre - y[i]) * 0.4 * k / side
        let (sx, sy) = sectorCentre[sectorOf[i]]
        dx[i] += (sx - x[i]) * 0.2 * k / side
        dy[i] += (sy - y[i]) * 0.2 * k / side
      }
      let temperature = startTemperature * (1 - Double(step) / Double(iterations)) + 0.5
      for i in 0..<count {
        let length = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
        guard length > 0 else { continue }
        let move = min(length, temperature)
        x[i] += dx[i] / length * move
        y[i] += dy[i] / length * move
      }
    }

    // 3. No overlaps: each team's box holds its circle and its label below; boxes that overlap
    // are pushed apart along the axis where they overlap least.
    let halfWidth = members.map { i in
      labelled ? max(radii[i], labelWidth(teams[i].name) / 2) + 5 : radii[i] + 3
    }
    let above = members.map { radii[$0] + gap / 4 }
    let below = members.map { radii[$0] + (labelled ? labelHeight : 3) }
    for _ in 0..<3000 {
      var moved = false
      for a in 0..<count {
        for b in (a + 1)..<count {
          let overlapX = halfWidth[a] + halfWidth[b] - abs(x[b] - x[a])
          guard overlapX > 1e-6 else { continue }
          let (upper, lower) = y[a] <= y[b] ? (a, b) : (b, a)
          let overlapY = below[upper] + above[lower] - (y[lower] - y[upper])
          guard overlapY > 1e-6 else { continue }
          if overlapX < overlapY {
            var direction: Double = x[b] >= x[a] ? 1 : -1
            if x[b] == x[a] { direction = (a + b) % 2 == 0 ? 1 : -1 }
            x[a] -= direction * (overlapX / 2 + 0.05)
            x[b] += direction * (overlapX / 2 + 0.05)
          } else {
            y[upper] -= overlapY / 2 + 0.05
            y[lower] += overlapY / 2 + 0.05
          }
          moved = true
        }
      }
      if !moved { break }
    }
    return (x, y)
  }
}

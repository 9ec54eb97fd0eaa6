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
///    from a `SeededGenerator` (MembershipGraph) with a fixed seed.
/// 2. **Forces.** A fixed number of Fruchterman and Reingold (1991) iterations: every pair of
///    teams closer than three ideal distances repels, linked teams attract (more strongly the
///    more people they share), a weak gravity holds the group together, and a weak pull towards
///    the deep's sector keeps each deep together. The step shrinks linearly to zero ("cooling").
///    Repulsion is found through Fruchterman and Reingold's grid (`CellGrid`): teams are sorted
///    into square cells as wide as the cut-off, and each team meets only the teams of its own and
///    the eight neighbouring cells, found by binary search, so an iteration costs O(T log T)
///    instead of comparing every pair of teams.
/// 3. **No overlaps.** Each team has a box holding its circle and the label under it (its width
///    estimated from the name's length); overlapping boxes are pushed apart pair by pair, along
///    the axis where they overlap least, until none overlap. Candidate pairs come from a grid of
///    cells as large as the largest box, so a pass is O(T log T) too.
///
/// The report computes the layout once, from the school before any suggested additions, and
/// draws both "before" and "after" from it: additions change members and links, never the set of
/// teams, so every team keeps its place and only the new links appear.
///
/// Nothing depends on the clock, hashing order or system randomness, so the same analysis gives
/// the same positions on every run. Nodes are sized by members (radius grows with the square
/// root). The drawing labels up to ``maximumLabelledTeams`` teams and the report draws teams one
/// by one up to ``maximumDrawnTeams``; the layout itself is computed for any number.
///
/// ```swift
/// let layout = TeamNetworkLayout(analysis: Analyser().analyse(roster))
/// for node in layout.nodes { print(node.team, node.x, node.y, node.radius) }
/// ```
///
/// - Complexity: O(I·T log T + L + P·T log T) for T teams, L links, I force iterations (300, fewer
///   above 2,000 teams) and P overlap passes (at most 3,000, usually a few dozen), when the forces
///   leave a bounded number of teams per cell, as they do.
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

  /// The teams up to which the report draws every team; above, it draws the groups of teams.
  public static let maximumDrawnTeams = 500

  /// Computes the layout of an analysis.
  ///
  /// ```swift
  /// let layout = TeamNetworkLayout(analysis: Analyser().analyse(roster))
  /// layout.nodes.count   // one node per team
  /// ```
  ///
  /// - Parameters:
  ///   - analysis: the analysed roster.
  ///   - seed: the seed of the jitter; the default is fixed.
  /// - Complexity: see the type.
  public init(analysis: SchoolAnalysis, seed: UInt64 = 2004) {
    var index: [String: Int] = [:]
    index.reserveCapacity(analysis.teams.count)
    for (i, team) in analysis.teams.enumerated() { index[team.id] = i }
    let items = analysis.teams.map { team in
      Item(
        id: team.id, name: team.name, deep: team.deep, size: team.members.count,
        links: team.links.compactMap { link in
          index[link.team].map { ($0, max(link.via.count, 1)) }
        })
    }
    self.init(
      items: items, components: analysis.components.map { $0.compactMap { index[$0] }.sorted() },
      sectored: true, seed: seed)
  }

  /// One thing to place: a team, or (in a trust's report) a school or a trust-wide team.
  struct Item: Sendable {
    /// Its id, as ``Node/team`` gives it.
    var id: String
    /// The label drawn under it (for its width).
    var name: String
    /// Its deep's sector, when the layout is sectored.
    var deep: Deep?
    /// Its size: the circle's radius grows with the square root.
    var size: Int
    /// The items it is linked to (positions) with how strongly (people shared, at least 1).
    var links: [(item: Int, weight: Int)]
  }

  /// Lays out items in groups, as the type describes.
  /// - Parameters:
  ///   - items: what to place.
  ///   - components: the groups of linked items, by position, each sorted, in the order they
  ///     are packed (every item in one).
  ///   - sectored: whether items start in and are pulled towards their deep's sector; when
  ///     not, they start spread round the whole circle.
  ///   - seed: the seed of the jitter.
  /// - Complexity: see the type.
  init(items: [Item], components: [[Int]], sectored: Bool, seed: UInt64 = 2004) {
    let teams = items
    let count = teams.count
    guard count > 0 else {
      nodes = []
      width = 320
      height = 160
      return
    }
    // The local position of each team within its group, reused from group to group.
    var localOf = [Int](repeating: -1, count: count)
    let base = count > 60 ? 9.0 : 12.0
    let radii = teams.map { min(base + 4 * Double($0.size).squareRoot(), 44) }
    var rng = SeededGenerator(seed: seed)
    // Above the label limit the drawing has no labels, so boxes are just the circles.
    let labelled = count <= Self.maximumLabelledTeams

    // Lay out each group of linked teams on its own, then pack the groups in rows: the main
    // group first, then islands, then silos, as the analysis orders them.
    var boxes: [(members: [Int], x: [Double], y: [Double], width: Double, height: Double)] = []
    for members in components {
      guard !members.isEmpty else { continue }
      var (x, y) = Self.forceLayout(
        labelled: labelled, sectored: sectored,
        members: members, teams: teams, localOf: &localOf, radii: radii, rng: &rng)
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
    labelled: Bool, sectored: Bool,
    members: [Int], teams: [Item], localOf: inout [Int],
    radii: [Double], rng: inout SeededGenerator
  ) -> ([Double], [Double]) {
    let count = members.count
    guard count > 1 else { return ([0], [0]) }
    let side = 140 * Double(count).squareRoot()
    let centre = 0.0
    for (local, i) in members.enumerated() { localOf[i] = local }
    defer { for i in members { localOf[i] = -1 } }

    // 1. Sectors.
    let sectors = sectored ? [Deep?](Deep.allCases) + [nil] : [nil]
    let sectorOf = members.map { sectors.firstIndex(of: teams[$0].deep) ?? sectors.count - 1 }
    var sectorSize = [Int](repeating: 0, count: sectors.count)
    for s in sectorOf { sectorSize[s] += 1 }
    let sectorWidth = 2 * Double.pi / Double(sectors.count)
    let sectorCentre = (0..<sectors.count).map { s -> (Double, Double) in
      guard sectored else { return (centre, centre) }
      let angle = (Double(s) + 0.5) * sectorWidth - Double.pi / 2
      return (centre + side * 0.25 * cos(angle), centre + side * 0.25 * sin(angle))
    }
    var placedInSector = [Int](repeating: 0, count: sectors.count)
    var x = [Double](repeating: 0, count: count)
    var y = [Double](repeating: 0, count: count)
    for local in 0..<count {
      let s = sectorOf[local]
      let j = placedInSector[s]
      placedInSector[s] += 1
      let jitter = Double(rng.next() % 1000) / 1000 - 0.5
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
      for (j, weight) in teams[i].links where localOf[j] > a {
        edges.append((a, localOf[j], 1 + log2(Double(weight))))
      }
    }
    let k = 0.85 * (side * side / Double(count)).squareRoot()
    let cutoff = 3 * k
    let iterations = count <= 2000 ? 300 : max(30, 600_000 / count)
    let startTemperature = side / 8
    var dx = [Double](repeating: 0, count: count)
    var dy = [Double](repeating: 0, count: count)
    var grid = CellGrid()
    for step in 0..<iterations {
      repulsion(x: x, y: y, k: k, cutoff: cutoff, grid: &grid, dx: &dx, dy: &dy)
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
    removeOverlaps(
      x: &x, y: &y, halfWidth: halfWidth, above: above, below: below, grid: &grid)
    return (x, y)
  }

  /// The repulsive force k²/d on each point from every other point closer than `cutoff`, written
  /// into `dx` and `dy` (which are overwritten). Points closer than 0.01 are pushed apart in a
  /// direction fixed by their indices.
  ///
  /// The same forces as comparing every pair (up to the order of the additions): a pair closer
  /// than `cutoff` lies in the same or neighbouring cells of a grid `cutoff` wide.
  /// - Complexity: O(n log n + the pairs in neighbouring cells).
  static func repulsion(
    x: [Double], y: [Double], k: Double, cutoff: Double, grid: inout CellGrid,
    dx: inout [Double], dy: inout [Double]
  ) {
    let count = x.count
    grid.build(x: x, y: y, cellWidth: cutoff, cellHeight: cutoff)
    for i in 0..<count {
      var fx = 0.0
      var fy = 0.0
      grid.forEachNeighbour(of: i) { j in
        guard j != i else { return }
        var ddx = x[i] - x[j]
        var ddy = y[i] - y[j]
        var distance = (ddx * ddx + ddy * ddy).squareRoot()
        if distance < 0.01 {
          // Coincident points: separate them in a direction fixed by their indices.
          let (low, high) = i < j ? (i, j) : (j, i)
          let angle = Double((low * 7919 + high * 104_729) % 360) * Double.pi / 180
          let sign: Double = i < j ? 1 : -1
          ddx = sign * cos(angle) * 0.01
          ddy = sign * sin(angle) * 0.01
          distance = 0.01
        }
        // Repulsion is local (Fruchterman and Reingold's grid variant): a dense core does not
        // push chains of teams off the page.
        guard distance < cutoff else { return }
        let force = k * k / distance
        fx += ddx / distance * force
        fy += ddy / distance * force
      }
      dx[i] = fx
      dy[i] = fy
    }
  }

  /// Pushes overlapping boxes apart until none overlap (or 3,000 passes). A box reaches
  /// `halfWidth` left and right of its point, `above` over it and `below` under it.
  /// - Complexity: O(n log n + close pairs) per pass.
  static func removeOverlaps(
    x: inout [Double], y: inout [Double], halfWidth: [Double], above: [Double], below: [Double],
    grid: inout CellGrid
  ) {
    let count = x.count
    guard count > 1 else { return }
    // Two boxes that overlap are less than a cell apart on each axis.
    let cellWidth = 2 * (halfWidth.max() ?? 1) + 1
    let cellHeight = (above.max() ?? 1) + (below.max() ?? 1) + 1
    for _ in 0..<3000 {
      var moved = false
      // Cells are those at the start of the pass; a pass with no move saw every pair fresh.
      grid.build(x: x, y: y, cellWidth: cellWidth, cellHeight: cellHeight)
      for a in 0..<count {
        grid.forEachNeighbour(of: a) { b in
          guard b > a else { return }
          let overlapX = halfWidth[a] + halfWidth[b] - abs(x[b] - x[a])
          guard overlapX > 1e-6 else { return }
          let (upper, lower) = y[a] <= y[b] ? (a, b) : (b, a)
          let overlapY = below[upper] + above[lower] - (y[lower] - y[upper])
          guard overlapY > 1e-6 else { return }
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
  }
}

/// Points sorted into the cells of a grid, to find the points near a point without comparing it
/// with all of them (Fruchterman and Reingold 1991, section 5).
///
/// Each point's cell is numbered row by row; the points are sorted by (cell, index), and the
/// points of a cell are found by binary search, so no hashing is involved and the order of visits
/// is fixed. A point's cell is fixed when the grid is built: move the points, then build again.
struct CellGrid {
  /// Point indices sorted by cell, then by index.
  private(set) var order: [Int] = []
  /// The cell of each entry of `order`, ascending.
  private(set) var cellOfEntry: [Int] = []
  /// The column and row of each point.
  private var column: [Int] = []
  private var row: [Int] = []
  private var columns = 1
  private var rows = 1

  /// Sorts the points into cells of the given size.
  /// - Complexity: O(n log n).
  mutating func build(x: [Double], y: [Double], cellWidth: Double, cellHeight: Double) {
    let count = x.count
    let minX = x.min() ?? 0
    let minY = y.min() ?? 0
    // Clamp the grid's extent so that cell numbers stay small even for points far apart.
    let limit = 1 << 20
    column = x.map { Int(max(0, min(Double(limit - 1), (($0 - minX) / cellWidth).rounded(.down)))) }
    row = y.map { Int(max(0, min(Double(limit - 1), (($0 - minY) / cellHeight).rounded(.down)))) }
    columns = (column.max() ?? 0) + 1
    rows = (row.max() ?? 0) + 1
    let cell = (0..<count).map { row[$0] * columns + column[$0] }
    order = Array(0..<count)
    order.sort { cell[$0] != cell[$1] ? cell[$0] < cell[$1] : $0 < $1 }
    cellOfEntry = order.map { cell[$0] }
  }

  /// Calls `body` with every point in the cell of `point` and the eight cells around it
  /// (`point` itself included), cells row by row, points by index within a cell.
  func forEachNeighbour(of point: Int, _ body: (Int) -> Void) {
    let c = column[point]
    let r = row[point]
    for nr in max(0, r - 1)...min(rows - 1, r + 1) {
      let firstColumn = max(0, c - 1)
      let lastColumn = min(columns - 1, c + 1)
      // The cells of a row side by side are consecutive numbers: one search finds all three.
      var entry = lowerBound(nr * columns + firstColumn)
      let end = nr * columns + lastColumn
      while entry < cellOfEntry.count, cellOfEntry[entry] <= end {
        body(order[entry])
        entry += 1
      }
    }
  }

  /// The first entry whose cell is at least `cell`.
  private func lowerBound(_ cell: Int) -> Int {
    cellOfEntry.partitioningIndex { $0 >= cell }
  }
}

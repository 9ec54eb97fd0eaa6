import MembershipGraph

/// Positions for drawing the team network: one circle per team, computed deterministically.
///
/// The layout is *deep-sectored, then force-directed*:
///
/// 1. **Sectors.** The circle is cut into five sectors, one per deep in Hargreaves' order and one
///    for teams with no deep. Each team starts in its deep's sector, teams of a sector spread by
///    id, at a distance from the centre that alternates over three rings, plus a small jitter
///    from a ``SeededGenerator`` with a fixed seed. With `startingFrom`, teams already placed in
///    an earlier layout start where they were, so a before and an after drawing look alike.
/// 2. **Forces.** A fixed number of Fruchterman and Reingold (1991) iterations: every pair of
///    teams repels, linked teams attract (more strongly the more people they share), a weak
///    gravity holds silos and islands near the picture, and a weak pull towards the deep's sector
///    keeps each deep together. The step shrinks linearly to zero ("cooling").
/// 3. **No overlaps.** Overlapping circles (with room for a label) are pushed apart pair by pair
///    until none overlap.
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
  public static let gap = 22.0

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
    let side = max(440, 115 * Double(count).squareRoot())
    let centre = side / 2
    let base = count > 60 ? 9.0 : 12.0
    let radii = teams.map { min(base + 4 * Double($0.members.count).squareRoot(), 44) }

    // 1. Sectors.
    let sectors = [Deep?](Deep.allCases) + [nil]
    let sectorOf = teams.map { team in sectors.firstIndex(of: team.deep) ?? sectors.count - 1 }
    var sectorSize = [Int](repeating: 0, count: sectors.count)
    for s in sectorOf { sectorSize[s] += 1 }
    let sectorWidth = 2 * Double.pi / Double(sectors.count)
    let sectorCentre = (0..<sectors.count).map { s -> (Double, Double) in
      let angle = (Double(s) + 0.5) * sectorWidth - Double.pi / 2
      return (centre + side * 0.28 * cos(angle), centre + side * 0.28 * sin(angle))
    }
    var rng = SeededGenerator(seed: seed)
    var previousPosition: [String: (Double, Double)] = [:]
    if let previous {
      // Centre the earlier layout on this canvas.
      let dx = centre - previous.width / 2
      let dy = centre - previous.height / 2
      for node in previous.nodes { previousPosition[node.team] = (node.x + dx, node.y + dy) }
    }
    var placedInSector = [Int](repeating: 0, count: sectors.count)
    var x = [Double](repeating: 0, count: count)
    var y = [Double](repeating: 0, count: count)
    for i in 0..<count {
      let s = sectorOf[i]
      let j = placedInSector[s]
      placedInSector[s] += 1
      let jitter = Double(rng.next() % 1000) / 1000 - 0.5
      if let (px, py) = previousPosition[teams[i].id] {
        x[i] = px
        y[i] = py
        continue
      }
      let angle =
        Double(s) * sectorWidth + (Double(j) + 0.5 + jitter * 0.3) / Double(sectorSize[s])
        * sectorWidth - Double.pi / 2
      let ring = side * (0.16 + 0.1 * Double(j % 3))
      x[i] = centre + ring * cos(angle)
      y[i] = centre + ring * sin(angle)
    }

    // 2. Forces.
    var index: [String: Int] = [:]
    for (i, team) in teams.enumerated() { index[team.id] = i }
    var edges: [(Int, Int, Double)] = []
    for (i, team) in teams.enumerated() {
      for link in team.links {
        if let j = index[link.team], i < j {
          edges.append((i, j, 1 + log2(Double(link.via.count))))
        }
      }
    }
    let k = 0.75 * (side * side / Double(count)).squareRoot()
    let iterations =
      max(30, min(300, 10_000_000 / max(1, count * count))) / (previous == nil ? 1 : 2)
    let startTemperature = previous == nil ? side / 8 : side / 40
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
        dx[i] += (centre - x[i]) * 0.08 * k / side * 4
        dy[i] += (centre - y[i]) * 0.08 * k / side * 4
        let (sx, sy) = sectorCentre[sectorOf[i]]
        dx[i] += (sx - x[i]) * 0.05 * k / side * 4
        dy[i] += (sy - y[i]) * 0.05 * k / side * 4
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

    // 3. No overlaps.
    for _ in 0..<2000 {
      var moved = false
      for i in 0..<count {
        for j in (i + 1)..<count {
          let needed = radii[i] + radii[j] + Self.gap
          var ddx = x[j] - x[i]
          var ddy = y[j] - y[i]
          var distance = (ddx * ddx + ddy * ddy).squareRoot()
          guard distance < needed - 1e-6 else { continue }
          if distance < 0.01 {
            let angle = Double((i * 7919 + j * 104_729) % 360) * Double.pi / 180
            ddx = cos(angle)
            ddy = sin(angle)
            distance = 1
          }
          let push = (needed - distance) / 2 + 0.05
          x[i] -= ddx / distance * push
          y[i] -= ddy / distance * push
          x[j] += ddx / distance * push
          y[j] += ddy / distance * push
          moved = true
        }
      }
      if !moved { break }
    }

    // Fit the drawing to its contents, with room for labels (wider than tall).
    let marginX = 70.0
    let marginTop = 12.0
    let marginBottom = 30.0
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    for i in 0..<count {
      minX = min(minX, x[i] - radii[i])
      maxX = max(maxX, x[i] + radii[i])
      minY = min(minY, y[i] - radii[i])
      maxY = max(maxY, y[i] + radii[i])
    }
    // Round to tenths: the drawing writes one decimal, and tests compare what is drawn.
    func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    nodes = (0..<count).map { i in
      Node(
        team: teams[i].id, x: tenth(x[i] - minX + marginX), y: tenth(y[i] - minY + marginTop),
        radius: tenth(radii[i]))
    }
    width = (maxX - minX + 2 * marginX).rounded(.up)
    height = (maxY - minY + marginTop + marginBottom).rounded(.up)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// The groups of teams drawn instead of every team, for rosters above
/// ``TeamNetworkLayout/maximumDrawnTeams`` teams.
///
/// One circle for the main group and one for each of the ``maximumDrawnIslands`` largest islands,
/// each with an area in proportion to its teams (never smaller than a readable minimum); the
/// other islands share one circle and the silos another (no larger than the largest group),
/// labelled with how many there are. The
/// circles are packed in rows, largest first. In the "after" drawing the same circles stay where
/// they are and the suggested additions that join two groups are drawn as lines between them,
/// labelled with how many additions join that pair.
///
/// The drawing has a bounded number of elements whatever the roster, so the page stays small.
///
/// ```swift
/// let groups = TeamGroupsDrawing(analysis: analysis)
/// let svg = groups.svg(title: "The groups of teams")
/// ```
struct TeamGroupsDrawing: Sendable {
  /// What a circle stands for.
  enum Kind: Sendable {
    case main, island, otherIslands, silos
  }

  /// One circle.
  struct Group: Sendable {
    var kind: Kind
    /// Teams in the group.
    var teams: Int
    /// Components in the group (1 but for the shared circles).
    var components: Int
    var x = 0.0
    var y = 0.0
    var radius = 0.0
  }

  /// The most islands drawn as their own circle.
  static let maximumDrawnIslands = 24

  /// The circles, main group first.
  private(set) var groups: [Group] = []
  /// For each component rank of the analysis, the circle it is drawn in.
  private(set) var groupOfComponent: [Int] = []
  /// The drawing's size.
  private(set) var width = 320.0
  private(set) var height = 160.0

  /// What the circles are called: teams by default, schools in a trust's report.
  struct Words: Sendable {
    /// The thing grouped, singular and plural ("team", "teams").
    var unit: (String, String)
    /// The first circle ("main group").
    var main: String
    /// Each other circle of two or more ("island"), and the one sharing the rest ("islands").
    var group: (String, String)
    /// The circle of those alone ("silo", "silos").
    var single: (String, String)

    /// The words of the team network.
    static let teams = Words(
      unit: ("team", "teams"), main: "main group", group: ("island", "islands"),
      single: ("silo", "silos"))
  }

  /// The words of the labels and titles.
  private(set) var words = Words.teams

  /// - Complexity: O(C) for C components.
  init(analysis: SchoolAnalysis) {
    self.init(componentSizes: analysis.components.map(\.count), words: .teams)
  }

  /// The groups of components of the given sizes, largest (the main group) first, those of
  /// one (silos, isolated schools) in any place.
  /// - Complexity: O(C) for C components.
  init(componentSizes: [Int], words: Words) {
    self.words = words
    var other = Group(kind: .otherIslands, teams: 0, components: 0)
    var silos = Group(kind: .silos, teams: 0, components: 0)
    var otherMembers: [Int] = []
    var siloMembers: [Int] = []
    groupOfComponent = [Int](repeating: -1, count: componentSizes.count)
    var islands = 0
    for (rank, size) in componentSizes.enumerated() {
      if size < 2 {
        silos.teams += size
        silos.components += 1
        siloMembers.append(rank)
      } else if rank == 0 {
        groupOfComponent[rank] = groups.count
        groups.append(Group(kind: .main, teams: size, components: 1))
      } else if islands < Self.maximumDrawnIslands {
        islands += 1
        groupOfComponent[rank] = groups.count
        groups.append(Group(kind: .island, teams: size, components: 1))
      } else {
        other.teams += size
        other.components += 1
        otherMembers.append(rank)
      }
    }
    for (group, ranks) in [(other, otherMembers), (silos, siloMembers)] where group.teams > 0 {
      for rank in ranks { groupOfComponent[rank] = groups.count }
      groups.append(group)
    }
    layOut()
  }

  /// Radii by teams, packed in rows (shelves) left to right.
  private mutating func layOut() {
    guard !groups.isEmpty else { return }
    // Scaled by the largest single group; the shared circles are capped at its size (their
    // number says how many teams they hold).
    let single = groups.filter { $0.kind == .main || $0.kind == .island }.map(\.teams)
    let largest = Double(single.max() ?? groups.map(\.teams).max() ?? 1)
    let rowWidth = 880.0
    let labelRoom = 34.0
    var cursorX = 0.0
    var cursorY = 0.0
    var rowHeight = 0.0
    var usedWidth = 0.0
    for i in groups.indices {
      let radius = max(18, 110 * min(1, (Double(groups[i].teams) / largest).squareRoot()))
      // Room for the label under the circle: about 7 units a character at the 12-unit font.
      let cell = max(2 * radius + 24, Double(label(of: groups[i]).count) * 7 + 12)
      if cursorX > 0, cursorX + cell > rowWidth {
        cursorX = 0
        cursorY += rowHeight
        rowHeight = 0
      }
      groups[i].radius = (radius * 10).rounded() / 10
      groups[i].x = ((cursorX + cell / 2) * 10).rounded() / 10
      groups[i].y = ((cursorY + 12 + radius) * 10).rounded() / 10
      cursorX += cell
      usedWidth = max(usedWidth, cursorX)
      rowHeight = max(rowHeight, 2 * radius + 12 + labelRoom)
    }
    width = max(320, usedWidth.rounded(.up))
    height = (cursorY + rowHeight).rounded(.up)
  }

  /// The label under a circle.
  func label(of group: Group) -> String {
    switch group.kind {
    case .main: return words.main
    case .island: return words.group.0
    case .otherIslands: return "\(group.components) more \(words.group.1)"
    case .silos:
      return group.components == 1
        ? "1 \(words.single.0)" : "\(group.components) \(words.single.1)"
    }
  }

  /// The `<svg>` element; `joins` are lines between circles (by index) with a count each.
  /// - Complexity: O(groups + joins).
  func svg(title: String, attribute: String = "data-group", joins: [Join] = []) -> String {
    let c = formatCoordinate
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network groups\""
    out += " width=\"\(c(width))\" height=\"\(c(height))\""
    out += " viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\">\n"
    out += "<title>\(HTMLEscaping.text(title))</title>\n<g class=\"links\">\n"
    var counts = ""
    for join in joins {
      let a = groups[join.first]
      let b = groups[join.second]
      out += "<line class=\"link new\" x1=\"\(c(a.x))\" y1=\"\(c(a.y))\" x2=\"\(c(b.x))\""
      out += " y2=\"\(c(b.y))\" stroke-width=\"\(c(min(1.5 + Double(join.count), 6)))\">"
      out +=
        "<title>\(join.count) addition\(join.count == 1 ? "" : "s") join these</title></line>\n"
      counts +=
        "<text class=\"count new\" x=\"\(c((a.x + b.x) / 2))\" y=\"\(c((a.y + b.y) / 2 + 3.5))\">"
      counts += "\(join.count)</text>\n"
    }
    out += "</g>\n<g class=\"counts\">\n" + counts + "</g>\n<g class=\"teams\">\n"
    for (i, group) in groups.enumerated() {
      let kind: String
      switch group.kind {
      case .main: kind = "main"
      case .island: kind = "island"
      case .otherIslands: kind = "island other"
      case .silos: kind = "silo"
      }
      let teams = "\(group.teams) \(group.teams == 1 ? words.unit.0 : words.unit.1)"
      out += "<g class=\"group \(kind)\" \(attribute)=\"\(i)\"><title>\(label(of: group)): "
      out += "\(teams)</title>"
      if group.kind != .main {
        let ring = group.kind == .silos ? "silo-ring" : "island-ring"
        out += "<circle class=\"\(ring)\" cx=\"\(c(group.x))\" cy=\"\(c(group.y))\""
        out += " r=\"\(c(group.radius + 4))\"/>"
      }
      out += "<circle class=\"node\" cx=\"\(c(group.x))\" cy=\"\(c(group.y))\""
      out += " r=\"\(c(group.radius))\"/>"
      out +=
        "<text class=\"size\" x=\"\(c(group.x))\" y=\"\(c(group.y + 4))\">\(group.teams)</text>"
      out += "<text class=\"label\" x=\"\(c(group.x))\" y=\"\(c(group.y + group.radius + 15))\">"
      out += "\(HTMLEscaping.text(label(of: group)))</text></g>\n"
    }
    out += "</g>\n</svg>\n"
    return out
  }

  /// Suggested additions joining two circles.
  struct Join: Sendable, Hashable {
    var first: Int
    var second: Int
    var count: Int
  }

  /// The joins the additions make: for each addition, the circle of its team and the circles of
  /// the teams its person is already on, when they differ; counted per pair of circles, sorted.
  /// - Complexity: O(M) for M memberships of the roster before the additions (by staff
  ///   position), plus O(T) look-ups of the components' team ids.
  func joins(additions: [HTMLReport.Addition], facts: PageFacts) -> [Join] {
    guard !additions.isEmpty else { return [] }
    let roster = facts.roster
    // The people of the additions by staff position, and the teams each is on.
    var slot = [Int32](repeating: -1, count: roster.staff.count)
    var teamsOf: [[String]] = []
    var teamsOfAddition: [Int] = []
    for addition in additions {
      guard let position = facts.staffPosition(addition.staff) else {
        teamsOfAddition.append(-1)
        continue
      }
      if slot[position] < 0 {
        slot[position] = Int32(teamsOf.count)
        teamsOf.append([])
      }
      teamsOfAddition.append(Int(slot[position]))
    }
    for (team, positions) in zip(roster.teams, roster.memberPositions) {
      for person in positions where slot[Int(person)] >= 0 {
        teamsOf[Int(slot[Int(person)])].append(team.id)
      }
    }
    var wanted = Set(additions.map(\.team))
    for teams in teamsOf { wanted.formUnion(teams) }
    let componentOf = facts.componentRanks(of: wanted)
    func circle(_ team: String) -> Int? {
      guard let rank = componentOf[team], rank < groupOfComponent.count else { return nil }
      let group = groupOfComponent[rank]
      return group >= 0 ? group : nil
    }
    var counts: [Int: Int] = [:]
    for (addition, person) in zip(additions, teamsOfAddition) {
      guard let target = circle(addition.team) else { continue }
      var seen = Set<Int>()
      for team in person >= 0 ? teamsOf[person] : [] {
        guard let from = circle(team), from != target, seen.insert(from).inserted else { continue }
        counts[min(from, target) * groups.count + max(from, target), default: 0] += 1
      }
    }
    return counts.keys.sorted().map { key in
      Join(first: key / groups.count, second: key % groups.count, count: counts[key] ?? 0)
    }
  }
}

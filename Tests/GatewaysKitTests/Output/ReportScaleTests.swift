import MembershipGraph
import Testing

@testable import GatewaysKit

/// Rosters of a given shape and number of teams, for the size and layout tests.
enum ReportShapes {
  /// The shapes of the size tests.
  static let all = ["path", "star", "barbell", "chain of islands", "one network"]

  /// A roster of about `teams` teams of the named shape: every team has two members of its own,
  /// and shared people make the links.
  static func roster(_ shape: String, teams count: Int) -> Roster {
    var members = [[String]](repeating: [], count: count)
    var staff: [String] = []
    func person() -> String {
      let id = "p\(staff.count)"
      staff.append(id)
      return id
    }
    func share(_ teams: [Int]) {
      let id = person()
      for t in teams { members[t].append(id) }
    }
    switch shape {
    case "path":
      for t in 1..<count { share([t - 1, t]) }
    case "star":
      for t in 1..<count { share([0, t]) }
    case "barbell":
      // Two groups where one person is on every team, joined by a path of two teams.
      let half = (count - 2) / 2
      share(Array(0..<half))
      share(Array(half..<(2 * half)))
      share([half - 1, 2 * half])
      share([2 * half, 2 * half + 1])
      share([2 * half + 1, 2 * half - 1])
    case "schools":
      // Separate schools of twelve teams, each a ring of teams with one person on every team.
      for school in stride(from: 0, to: count - 11, by: 12) {
        share(Array(school..<(school + 12)))
        for t in 0..<12 { share([school + t, school + (t + 1) % 12]) }
      }
    case "chain of islands":
      // Groups of four teams in a path, none linked to another group.
      for t in 0..<count where t % 4 != 0 { share([t - 1, t]) }
    default:
      // One network: each team linked to an earlier one chosen at random, plus extra links.
      var rng = SeededGenerator(seed: UInt64(count))
      for t in 1..<count { share([Int.random(in: 0..<t, using: &rng), t]) }
      for _ in 0..<(count / 2) {
        let a = Int.random(in: 0..<count, using: &rng)
        let b = Int.random(in: 0..<count, using: &rng)
        if a != b { share([a, b]) }
      }
    }
    for t in 0..<count {
      members[t].append(person())
      members[t].append(person())
    }
    let gateways = Gateway.standard
    let teams = (0..<count).map { t in
      Team(
        id: "team-\(t)", name: "Team \(t)", gateway: gateways[t % gateways.count],
        members: members[t], leaders: [members[t][0]])
    }
    return Roster(
      staff: staff.map { StaffMember(id: $0, name: "Name \($0)", role: "Teacher") },
      teams: teams)
  }

  /// The full report of a roster, with suggested additions.
  static func report(_ roster: Roster) -> String {
    let plan = Suggester().plan(for: roster)
    let changed = plan.applied(to: roster)
    let after = HTMLReport.After(
      roster: changed,
      additions: plan.additions.map {
        HTMLReport.Addition(staff: $0.staff, team: $0.team, reason: $0.reason)
      })
    return HTMLReport(
      roster: roster, analysis: Analyser().analyse(roster), source: "shape.csv", after: after
    ).render()
  }
}

struct ReportScaleTests {
  /// At four times the teams the page is at most about four times larger, drawing every team.
  @Test(arguments: ReportShapes.all)
  func pageGrowsInProportionWhenEveryTeamIsDrawn(shape: String) {
    let small = ReportShapes.report(ReportShapes.roster(shape, teams: 30)).utf8.count
    let large = ReportShapes.report(ReportShapes.roster(shape, teams: 120)).utf8.count
    #expect(large <= 4 * small + small / 10, "\(shape): \(small) -> \(large) bytes")
    #expect(large < 5_000_000)
  }

  /// Above the drawing limit the groups are drawn: the page stays small and bounded.
  @Test(arguments: ["chain of islands", "schools"])
  func pageGrowsInProportionWhenGroupsAreDrawn(shape: String) {
    let small = ReportShapes.report(ReportShapes.roster(shape, teams: 600))
    let large = ReportShapes.report(ReportShapes.roster(shape, teams: 2400))
    #expect(large.utf8.count <= 4 * small.utf8.count, "\(small.utf8.count) -> \(large.utf8.count)")
    #expect(large.utf8.count < 1_000_000)
    for html in [small, large] {
      #expect(!html.contains("data-team=\""))
      #expect(html.contains("data-group=\"0\""))
      #expect(html.contains("too many to draw one by one"))
    }
    // Islands beyond the largest are drawn as one circle; silos are counted.
    if shape == "chain of islands" {
      #expect(
        HTMLReportTests.count("data-group=\"", in: large)
          == TeamGroupsDrawing.maximumDrawnIslands + 2)
      #expect(large.contains("more islands"))
    }
  }

  @Test func groupsAreSizedAndCountedFromTheComponents() {
    let roster = ReportShapes.roster("chain of islands", teams: 600)
    let analysis = Analyser().analyse(roster)
    let groups = TeamGroupsDrawing(analysis: analysis)
    #expect(groups.groups.map(\.teams).reduce(0, +) == 600)
    #expect(groups.groups.map(\.components).reduce(0, +) == analysis.components.count)
    #expect(groups.groups[0].kind == .main)
    #expect(groups.groups.last?.kind == .otherIslands)
    for (a, b) in zip(groups.groups, groups.groups.dropFirst()) where b.kind == .island {
      #expect(a.radius >= b.radius)
    }
  }

  /// The counts the page gives for the school after additions, computed without a whole
  /// analysis, are those of the analysis.
  @Test(arguments: 0..<40)
  func afterCountsMatchTheAnalysis(seed: Int) {
    let roster = ReportFixtures.random(teams: 5 + seed * 3, seed: UInt64(seed))
    let after = HTMLReport.After(roster: roster, additions: [])
    let analysis = Analyser().analyse(roster)
    #expect(after.silos == analysis.summary.silos)
    #expect(after.islands == analysis.summary.islands)
    #expect(after.keyPeople == analysis.summary.keyPeople)
    #expect(after.complementarity == analysis.deeps.complementarity)
    let facts = ReportFacts(roster: roster, analysis: analysis)
    let picture = after.picture(before: roster)
    let expected = NetworkPicture(
      roster: roster, facts: PageFacts(roster: roster, analysis: analysis))
    // The links are those the analysis lists.
    #expect(
      picture.links.map { [$0.first, $0.second, $0.shared] }
        == facts.links.map { link in
          [
            facts.teamPosition[link.first] ?? -1, facts.teamPosition[link.second] ?? -1,
            link.via.count,
          ]
        })
    #expect(picture.links.map(\.throughKeyPerson) == expected.links.map(\.throughKeyPerson))
    #expect(picture.links.filter(\.isNew).isEmpty)
    #expect(picture.teams.map(\.isSilo) == expected.teams.map(\.isSilo))
    #expect(picture.teams.map(\.isIsland) == expected.teams.map(\.isIsland))
  }

  /// Working out the school after beside the page gives the same bytes as working it out
  /// first, with every team drawn and with the groups drawn (above 500 teams).
  @Test(arguments: [40, 620])
  func afterWorkedOutBesideThePageGivesTheSameBytes(teams: Int) {
    let roster = ReportShapes.roster("chain of islands", teams: teams)
    let analysis = Analyser(brokerCount: 0).analyse(roster)
    let plan = Suggester().plan(for: roster)
    let additions = plan.additions.map {
      HTMLReport.Addition(staff: $0.staff, team: $0.team, reason: $0.reason)
    }
    let network = plan.appliedNetwork ?? RosterGraph(roster)
    #expect(!additions.isEmpty)
    let first = HTMLReport(
      roster: roster, analysis: analysis, source: "r.csv",
      after: HTMLReport.After(network: network, additions: additions)
    ).render()
    let beside = HTMLReport(roster: roster, analysis: analysis, source: "r.csv").render(
      computingAfter: { HTMLReport.After(network: network, additions: additions) })
    #expect(first == beside)
    #expect(first.contains("Suggested additions"))
  }

  /// The team table's rows, put in order by position, are the first teams by deep then id,
  /// whether the analysis lists its teams by id or not.
  @Test(arguments: 0..<12)
  func theTeamTableOrderIsByDeepThenID(seed: Int) {
    let roster = ReportFixtures.random(teams: 30 + seed * 25, seed: UInt64(seed))
    var analysis = Analyser(brokerCount: 0).analyse(roster)
    var rng = SeededGenerator(seed: UInt64(seed) &+ 9)
    if seed % 2 == 1 { analysis.teams.shuffle(using: &rng) }
    let order = Deep.allCases
    func rank(_ team: TeamFinding) -> Int {
      team.deep.flatMap { order.firstIndex(of: $0) } ?? order.count
    }
    let expected = analysis.teams.sorted {
      rank($0) != rank($1) ? rank($0) < rank($1) : $0.id.precedesInBytes($1.id)
    }.prefix(40).map(\.id)
    let facts = PageFacts(roster: roster, analysis: analysis)
    #expect(facts.tableOrder(limit: 40).map { analysis.teams[$0].id } == Array(expected))
    for team in roster.teams.prefix(20) {
      #expect(facts.name(ofTeam: team.id) == team.name)
      #expect(facts.teamPosition(team.id).map { analysis.teams[$0].id } == team.id)
    }
    #expect(facts.teamPosition("no-such-team") == nil)
    for member in roster.staff.prefix(20) { #expect(facts.staff(member.id)?.id == member.id) }
    #expect(facts.staff("no-such-person") == nil)
    // Sorted ids are found from one to the next, unsorted ones one by one: the same positions.
    let ids =
      ["a-nobody"]
      + roster.staff.map(\.id).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
      + ["s0015-nobody", "zzz-nobody"]
    let sortedIDs = ids.sortedByBytes()
    #expect(facts.staffPositions(of: sortedIDs) == sortedIDs.map { facts.staffPosition($0) })
    #expect(facts.staffPositions(of: ids.reversed()) == ids.reversed().map(facts.staffPosition))
    #expect(facts.staffPositions(of: sortedIDs).compactMap { $0 }.count == sortedIDs.count - 3)
  }

  /// "Before" and "after" are drawn from one layout: every team has the same centre in both.
  @Test func beforeAndAfterPlaceEveryTeamAlike() {
    let roster = ReportShapes.roster("chain of islands", teams: 40)
    let html = ReportShapes.report(roster)
    let before = Self.centres(html, attribute: "data-team-before")
    let after = Self.centres(html, attribute: "data-team-after")
    #expect(before.count == 40)
    #expect(before == after)
    #expect(html.contains("class=\"link new\""))
  }

  /// The centre of each team's node, by id, from the drawing that names teams by `attribute`.
  static func centres(_ html: String, attribute: String) -> [String: String] {
    var result: [String: String] = [:]
    for piece in html.components(separatedBy: "\(attribute)=\"").dropFirst() {
      let id = String(piece.prefix { $0 != "\"" })
      guard let node = piece.range(of: "<circle class=\"node\" ") else { continue }
      result[id] = String(piece[node.upperBound...].prefix { $0 != "r" })
    }
    return result
  }
}

struct ForceLayoutTests {
  /// The grid finds the same repulsion as comparing every pair.
  @Test(arguments: [2, 7, 40, 150, 400])
  func gridRepulsionMatchesEveryPair(count: Int) {
    var rng = SeededGenerator(seed: UInt64(count))
    let side = 140 * Double(count).squareRoot()
    var x = (0..<count).map { _ in Double.random(in: 0..<side, using: &rng) }
    let y = (0..<count).map { _ in Double.random(in: 0..<side, using: &rng) }
    if count > 2 { x[1] = x[0] }  // a coincident pair
    let k = 0.85 * (side * side / Double(count)).squareRoot()
    let cutoff = 3 * k
    var dx = [Double](repeating: .nan, count: count)
    var dy = dx
    var grid = CellGrid()
    TeamNetworkLayout.repulsion(
      x: x, y: y, k: k, cutoff: cutoff, grid: &grid, dx: &dx, dy: &dy)
    var exactX = [Double](repeating: 0, count: count)
    var exactY = exactX
    for i in 0..<count {
      for j in 0..<count where j != i {
        let ddx = x[i] - x[j]
        let ddy = y[i] - y[j]
        let distance = (ddx * ddx + ddy * ddy).squareRoot()
        guard distance >= 0.01, distance < cutoff else { continue }
        exactX[i] += ddx / distance * (k * k / distance)
        exactY[i] += ddy / distance * (k * k / distance)
      }
    }
    for i in 0..<count where !(count > 2 && i < 2) {
      let scale = max(1, abs(exactX[i]), abs(exactY[i]))
      #expect(abs(dx[i] - exactX[i]) <= 1e-9 * scale, "point \(i)")
      #expect(abs(dy[i] - exactY[i]) <= 1e-9 * scale, "point \(i)")
    }
  }

  /// Every pair of points in the same or adjacent cells is visited, and only those.
  @Test func gridVisitsExactlyTheNeighbouringPairs() {
    var rng = SeededGenerator(seed: 11)
    let x = (0..<300).map { _ in Double.random(in: -500..<500, using: &rng) }
    let y = (0..<300).map { _ in Double.random(in: 0..<200, using: &rng) }
    var grid = CellGrid()
    grid.build(x: x, y: y, cellWidth: 40, cellHeight: 25)
    let minX = x.min() ?? 0
    let minY = y.min() ?? 0
    for i in 0..<300 {
      var seen: [Int] = []
      grid.forEachNeighbour(of: i) { seen.append($0) }
      let expected = (0..<300).filter { j in
        abs(Int(((x[i] - minX) / 40).rounded(.down)) - Int(((x[j] - minX) / 40).rounded(.down)))
          <= 1
          && abs(
            Int(((y[i] - minY) / 25).rounded(.down)) - Int(((y[j] - minY) / 25).rounded(.down)))
            <= 1
      }
      #expect(seen.sorted() == expected)
      #expect(Set(seen).count == seen.count)
    }
  }

  @Test func overlapsAreRemovedOnLargeGroups() {
    var rng = SeededGenerator(seed: 5)
    var x = (0..<200).map { _ in Double.random(in: 0..<600, using: &rng) }
    var y = (0..<200).map { _ in Double.random(in: 0..<600, using: &rng) }
    let half = (0..<200).map { _ in Double.random(in: 5..<40, using: &rng) }
    let above = half.map { $0 * 0.8 }
    let below = half.map { $0 * 1.2 }
    var grid = CellGrid()
    TeamNetworkLayout.removeOverlaps(
      x: &x, y: &y, halfWidth: half, above: above, below: below, grid: &grid)
    for a in 0..<200 {
      for b in (a + 1)..<200 {
        let (upper, lower) = y[a] <= y[b] ? (a, b) : (b, a)
        let apartX = abs(x[a] - x[b]) >= half[a] + half[b] - 1e-6
        let apartY = y[lower] - y[upper] >= below[upper] + above[lower] - 1e-6
        #expect(apartX || apartY, "\(a) and \(b) overlap")
      }
    }
  }

  @Test func layoutOfEveryShapeIsDeterministicAndInside() {
    for shape in ReportShapes.all {
      let analysis = Analyser().analyse(ReportShapes.roster(shape, teams: 60))
      let layout = TeamNetworkLayout(analysis: analysis)
      #expect(layout == TeamNetworkLayout(analysis: analysis))
      for node in layout.nodes {
        #expect(node.x - node.radius >= 0 && node.x + node.radius <= layout.width)
        #expect(node.y - node.radius >= 0 && node.y + node.radius <= layout.height)
      }
    }
  }
}

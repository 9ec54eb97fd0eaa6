import MembershipGraph

/// What the HTML report looks up while it writes a page: people and teams by id, the teams in
/// an island, the teams in the order of the team table.
///
/// A page names at most a few hundred people and teams whatever the roster, so they are found
/// by binary search in the roster's staff and the analysis's teams (both sorted by id in byte
/// order) instead of tables of everyone, as the exports' `ReportFacts` builds; only the teams
/// in an island are gathered in a set.
struct PageFacts: Sendable {
  let roster: Roster
  let analysis: SchoolAnalysis
  /// The ids of teams in an island.
  let islandTeams: Set<String>
  /// Whether the analysis's teams are sorted by id in byte order (as ``Analyser`` lists them),
  /// so a team is found by binary search; otherwise ``teamByID`` holds them.
  private let teamsSorted: Bool
  /// Team findings' positions by id, only when ``teamsSorted`` is false.
  private let teamByID: [String: Int]
  /// Whether each analysis team at a position is the roster's team at that position, so the
  /// roster's member positions stand for the team's members.
  let teamsMatchRoster: Bool

  /// - Complexity: O(T + I) for T teams, I teams in islands.
  init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
    islandTeams = Set(analysis.islands.joined())
    let teams = analysis.teams
    teamsSorted = zip(teams, teams.dropFirst()).allSatisfy { $0.id.precedesInBytes($1.id) }
    teamByID =
      teamsSorted
      ? [:]
      : Dictionary(teams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    teamsMatchRoster =
      teams.count == roster.teams.count
      && zip(teams, roster.teams).allSatisfy { $0.id == $1.id && $0.members == $1.members }
  }

  /// The position in the roster's staff of the member of staff with this id.
  /// - Complexity: O(log S).
  func staffPosition(_ id: String) -> Int? {
    let staff = roster.staff
    let i = staff.partitioningIndex { !$0.id.precedesInBytes(id) }
    return i < staff.count && staff[i].id == id ? i : nil
  }

  /// The positions in the roster's staff of `ids` (`nil` for an id with no entry): when the
  /// ids are sorted, as an analysis lists people, each is searched for from the one before,
  /// in steps that double (Bentley and Yao 1976), so the whole list costs
  /// O(k log(S / k)) comparisons for k ids instead of O(k log S).
  /// - Complexity: O(k log(S / k)) for sorted ids; O(k log S) otherwise.
  func staffPositions(of ids: [String]) -> [Int?] {
    guard zip(ids, ids.dropFirst()).allSatisfy({ $0.precedesInBytes($1) }) else {
      return ids.map(staffPosition)
    }
    let staff = roster.staff
    var low = 0
    var positions: [Int?] = []
    positions.reserveCapacity(ids.count)
    for id in ids {
      // Gallop from the last position to a range that holds the id, then search it.
      var step = 1
      while low + step <= staff.count, staff[low + step - 1].id.precedesInBytes(id) {
        low += step
        step *= 2
      }
      let high = min(staff.count, low + step)
      let i = staff[low..<high].partitioningIndex { !$0.id.precedesInBytes(id) }
      positions.append(i < staff.count && staff[i].id == id ? i : nil)
      low = i
    }
    return positions
  }

  /// The member of staff with this id.
  /// - Complexity: O(log S).
  func staff(_ id: String) -> StaffMember? { staffPosition(id).map { roster.staff[$0] } }

  /// The position in the analysis's teams of the team with this id.
  /// - Complexity: O(log T).
  func teamPosition(_ id: String) -> Int? {
    guard teamsSorted else { return teamByID[id] }
    let teams = analysis.teams
    let i = teams.partitioningIndex { !$0.id.precedesInBytes(id) }
    return i < teams.count && teams[i].id == id ? i : nil
  }

  /// A person's display name, or the id.
  func name(ofPerson id: String) -> String { staff(id)?.name ?? id }

  /// A team's display name, or the id.
  func name(ofTeam id: String) -> String {
    teamPosition(id).map { analysis.teams[$0].name } ?? id
  }

  /// The first `limit` positions of the analysis's teams by deep (in Hargreaves' order, teams
  /// with no deep last), then id in byte order: the rows of the team table.
  /// - Complexity: O(T) when the teams are sorted by id, O(T log T) otherwise.
  func tableOrder(limit: Int) -> [Int] {
    let teams = analysis.teams
    let order = Deep.allCases
    func rank(_ team: TeamFinding) -> Int {
      team.deep.flatMap { order.firstIndex(of: $0) } ?? order.count
    }
    var positions: [Int]
    if teamsSorted {
      // Teams in id order: bucketed by deep they stay in id order.
      var buckets = [[Int]](repeating: [], count: order.count + 1)
      for (position, team) in teams.enumerated() {
        let r = rank(team)
        if buckets[r].count < limit { buckets[r].append(position) }
      }
      positions = Array(buckets.joined().prefix(limit))
    } else {
      positions = teams.indices.sorted { a, b in
        let (ra, rb) = (rank(teams[a]), rank(teams[b]))
        return ra != rb ? ra < rb : teams[a].id.precedesInBytes(teams[b].id)
      }
      positions = Array(positions.prefix(limit))
    }
    return positions
  }

  /// The rank in the analysis's components of each of `teams` that is in one.
  /// - Complexity: O(T) dictionary look-ups for T teams, O(n) insertions for n ids.
  func componentRanks(of teams: Set<String>) -> [String: Int] {
    var ranks: [String: Int] = [:]
    guard !teams.isEmpty else { return ranks }
    ranks.reserveCapacity(teams.count)
    for (rank, component) in analysis.components.enumerated() {
      for id in component where teams.contains(id) { ranks[id] = rank }
    }
    return ranks
  }
}

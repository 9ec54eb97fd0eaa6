/// One place per team for drawing every term of a comparison, so a team keeps its place from
/// term to term.
///
/// The layout is ``TeamNetworkLayout`` computed once on the union of the terms: every team of
/// any term, with every person it had in any term. A team linked in some term is drawn near the
/// teams it was linked with, so a new team sits near its links and a removed team stays where it
/// was; each term then draws its own teams and links at these places. Circles are as large as
/// the team ever was, so no term's circles overlap.
///
/// ```swift
/// let layout = ComparisonLayout(terms: comparison.terms)
/// let place = layout.positions["afl"]  // the same in every term
/// ```
///
/// - Complexity: O(R·(S + T + M)) to build the union, plus the layout's O(I·T²).
public struct ComparisonLayout: Sendable {
  /// Where each team of any term goes, by team id.
  public var positions: [String: TeamNetworkLayout.Node]
  /// The drawing's width.
  public var width: Double
  /// The drawing's height.
  public var height: Double
  /// The number of distinct teams over all terms.
  public var teamCount: Int

  /// Lays out the union of the terms' teams.
  ///
  /// ```swift
  /// let layout = ComparisonLayout(terms: comparison.terms)
  /// layout.teamCount   // teams over all terms, each drawn in one place
  /// ```
  ///
  /// - Complexity: O(R·(S + T + M)) for R terms: the union of the rosters is analysed and laid out once.
  public init(terms: [RosterComparison.Term]) {
    let union = Self.union(terms.map(\.roster))
    let layout = TeamNetworkLayout(analysis: RosterComparison.analyser().analyse(union))
    var positions: [String: TeamNetworkLayout.Node] = [:]
    for node in layout.nodes { positions[node.team] = node }
    self.positions = positions
    width = layout.width
    height = layout.height
    teamCount = union.teams.count
  }

  /// Every person and team of the rosters, each team with everyone it had in any of them; for
  /// a person or team in several, the details of the latest.
  /// - Complexity: O(R·(S + T + M)).
  static func union(_ rosters: [Roster]) -> Roster {
    var staff: [String: StaffMember] = [:]
    var teams: [String: (team: Team, members: Set<String>, leaders: Set<String>)] = [:]
    for roster in rosters {
      for member in roster.staff { staff[member.id] = member }
      for team in roster.teams {
        var entry = teams[team.id] ?? (team, [], [])
        entry.team = team
        entry.members.formUnion(team.members)
        entry.leaders.formUnion(team.leaders)
        teams[team.id] = entry
      }
    }
    let merged = teams.values.map { entry in
      Team(
        id: entry.team.id, name: entry.team.name, gateway: entry.team.gateway,
        members: Array(entry.members), leaders: Array(entry.leaders))
    }
    return Roster(
      staff: Array(staff.values), teams: merged, deeps: rosters.last?.deeps ?? .hargreaves)
  }
}

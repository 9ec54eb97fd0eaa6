import MembershipGraph

/// A roster seen as a bipartite graph of staff and teams.
///
/// Person positions in ``graph`` are positions in ``Roster/staff`` and group positions are
/// positions in ``Roster/teams``, so translating a result back to ids is an array lookup.
///
/// ```swift
/// let network = RosterGraph(roster)
/// network.graph.members(of: GroupIndex(0)).map { network.staffID(of: $0) }
/// ```
public struct RosterGraph: Sendable {
  /// The roster the graph was built from.
  public let roster: Roster
  /// Staff (people) and teams (groups), indexed as the roster orders them.
  public let graph: BipartiteGraph
  /// Every (person, team) pair where the person leads the team, packed as
  /// `person << 32 | team`.
  let leaderships: Set<Int64>

  /// Builds the graph of a roster.
  /// - Complexity: O(S + T + M log M) for S staff, T teams and M memberships (one dictionary
  ///   lookup per membership to turn ids into positions).
  public init(_ roster: Roster) {
    self.roster = roster
    var staffPosition: [String: Int] = [:]
    staffPosition.reserveCapacity(roster.staff.count)
    for (position, member) in roster.staff.enumerated() { staffPosition[member.id] = position }
    var pairs: [(PersonIndex, GroupIndex)] = []
    pairs.reserveCapacity(roster.membershipCount)
    for (teamPosition, team) in roster.teams.enumerated() {
      for id in team.members {
        // Roster's initialiser guarantees every member has a staff entry.
        if let position = staffPosition[id] {
          pairs.append((PersonIndex(position), GroupIndex(teamPosition)))
        }
      }
    }
    graph = BipartiteGraph(
      personCount: roster.staff.count, groupCount: roster.teams.count, memberships: pairs)
    var leaderships = Set<Int64>()
    for (teamPosition, team) in roster.teams.enumerated() {
      for id in team.leaders {
        if let position = staffPosition[id] {
          leaderships.insert(Self.key(PersonIndex(position), GroupIndex(teamPosition)))
        }
      }
    }
    self.leaderships = leaderships
  }

  private static func key(_ person: PersonIndex, _ group: GroupIndex) -> Int64 {
    Int64(person.rawValue) << 32 | Int64(group.rawValue)
  }

  /// The staff id of a person.
  public func staffID(of person: PersonIndex) -> String { roster.staff[person.position].id }

  /// The team id of a group.
  public func teamID(of group: GroupIndex) -> String { roster.teams[group.position].id }

  /// Whether a person leads a team.
  /// - Complexity: O(1) on average.
  public func isLeader(_ person: PersonIndex, of group: GroupIndex) -> Bool {
    leaderships.contains(Self.key(person, group))
  }
}

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

  /// Builds the graph of a roster.
  ///
  /// ```swift
  /// let network = RosterGraph(roster)
  /// network.graph.personCount == roster.staff.count   // true
  /// ```
  ///
  /// - Complexity: O(S + T + M) for S staff, T teams and M memberships: the roster already
  ///   knows each member's position (and each leader's).
  public init(_ roster: Roster) {
    self.roster = roster
    // The roster keeps each team's member positions ascending: the graph is laid out from them.
    graph = BipartiteGraph(personCount: roster.staff.count, groupMembers: roster.memberPositions)
  }

  /// The staff id of a person.
  ///
  /// ```swift
  /// network.staffID(of: PersonIndex(0))   // the first staff id in byte order
  /// ```
  ///
  /// - Complexity: O(1).
  public func staffID(of person: PersonIndex) -> String { roster.staff[person.position].id }

  /// The team id of a group.
  ///
  /// ```swift
  /// network.teamID(of: GroupIndex(0))   // the first team id in byte order
  /// ```
  ///
  /// - Complexity: O(1).
  public func teamID(of group: GroupIndex) -> String { roster.teams[group.position].id }

  /// Whether any team has a leader.
  public var hasLeaders: Bool { !roster.leaderPositions.isEmpty }

  /// Every membership's leader flag, for the scan of the teams' links (``Analyser``), or `nil`
  /// when no team has a leader.
  /// Each team's leaders are found among its member positions by binary search (the graph's
  /// members of a team are in the same, ascending, order).
  /// - Complexity: O(M + T + L log d) for M memberships, L leaderships and d the largest team.
  func leaderMarks() -> GroupMemberMarks? {
    guard hasLeaders else { return nil }
    let leaders = roster.leaderPositions
    let members = roster.memberPositions
    return GroupMemberMarks(graph: graph) { group, mark in
      let positions = leaders[group.position]
      guard !positions.isEmpty else { return }
      members[group.position].withUnsafeBufferPointer { members in
        for leader in positions {
          let index = members.partitioningIndex { $0 >= leader }
          if index < members.count, members[index] == leader { mark(index) }
        }
      }
    }
  }

  /// Whether a person leads a team.
  ///
  /// ```swift
  /// network.isLeader(PersonIndex(0), of: GroupIndex(2))
  /// ```
  ///
  /// - Complexity: O(log d) for d the team's leaders.
  public func isLeader(_ person: PersonIndex, of group: GroupIndex) -> Bool {
    let leaders = roster.leaderPositions[group.position]
    let index = leaders.partitioningIndex { Int($0) >= person.position }
    return index < leaders.endIndex && Int(leaders[index]) == person.position
  }
}

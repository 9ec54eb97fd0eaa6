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
  ///
  /// ```swift
  /// let network = RosterGraph(roster)
  /// network.graph.personCount == roster.staff.count   // true
  /// ```
  ///
  /// - Complexity: O(S + T + M) for S staff, T teams and M memberships: the roster already
  ///   knows each member's position.
  public init(_ roster: Roster) {
    self.roster = roster
    // The leaderships and the graph are independent: each is made on its own core.
    (leaderships, graph) = Parallel.both(
      work: roster.staff.count + roster.teams.count,
      { Self.leaderships(of: roster) },
      {
        // The roster keeps each team's member positions ascending: the graph is laid out
        // from them.
        BipartiteGraph(personCount: roster.staff.count, groupMembers: roster.memberPositions)
      })
  }

  /// Every (person, team) pair where the person leads the team, as ``leaderships`` keeps them.
  /// - Complexity: O(T + L log d) for T teams, L leaderships and d the largest team.
  private static func leaderships(of roster: Roster) -> Set<Int64> {
    var leaderships = Set<Int64>()
    // Room for every leader at once: growing the set would rehash it again and again.
    leaderships.reserveCapacity(roster.teams.reduce(0) { $0 + $1.leaders.count })
    roster.teams.withUnsafeBufferPointer { teams in
      for teamPosition in teams.indices where !teams[teamPosition].leaders.isEmpty {
        let positions = roster.memberPositions[teamPosition]
        // `members` and `positions` list the same people in the same order.
        for leader in teams[teamPosition].leaders {
          if let index = index(of: leader, inSorted: teams[teamPosition].members) {
            leaderships.insert(key(PersonIndex(Int(positions[index])), GroupIndex(teamPosition)))
          }
        }
      }
    }
    return leaderships
  }

  /// The index of `id` in ids sorted in byte order, by binary search.
  private static func index(of id: String, inSorted ids: [String]) -> Int? {
    let position = ids.partitioningIndex { !$0.precedesInBytes(id) }
    return position < ids.count && ids[position] == id ? position : nil
  }

  private static func key(_ person: PersonIndex, _ group: GroupIndex) -> Int64 {
    Int64(person.rawValue) << 32 | Int64(group.rawValue)
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
  public var hasLeaders: Bool { !leaderships.isEmpty }

  /// Every membership's leader flag, for the scan of the teams' links (``Analyser``), or `nil`
  /// when no team has a leader.
  /// Each team's leaders are found among its members by binary search, as the graph's
  /// leaderships were (the members and the graph's member positions are in the same order).
  /// - Complexity: O(M + T + L log d) for M memberships, L leaderships and d the largest team.
  func leaderMarks() -> GroupMemberMarks? {
    guard hasLeaders else { return nil }
    return roster.teams.withUnsafeBufferPointer { teams in
      GroupMemberMarks(graph: graph) { group, mark in
        // In place: a copy of the team would retain each of its strings and lists.
        let team = teams.baseAddress.unsafelyUnwrapped + group.position
        guard !team.pointee.leaders.isEmpty else { return }
        for leader in team.pointee.leaders {
          if let index = Self.index(of: leader, inSorted: team.pointee.members) { mark(index) }
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
  /// - Complexity: O(1) on average.
  public func isLeader(_ person: PersonIndex, of group: GroupIndex) -> Bool {
    leaderships.contains(Self.key(person, group))
  }
}

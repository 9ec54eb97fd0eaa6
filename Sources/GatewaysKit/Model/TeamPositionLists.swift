/// For each team of a roster (in ``Roster/teams`` order), a list of staff positions in
/// ``Roster/staff``, ascending, all kept in one array: a roster's leaders, found once where
/// the roster is made, so nothing after looks a leader's id up again.
package struct TeamPositionLists: Sendable {
  /// Where each team's positions start in ``items``; the last entry is `items.count`.
  private var offsets: [Int]
  /// Every team's positions, team by team.
  private(set) var items: [Int32]

  /// No team yet.
  /// - Complexity: O(1).
  package init() {
    offsets = [0]
    items = []
  }

  /// Room for `teams` lists of `items` positions in all.
  /// - Complexity: O(1) (amortised by the appends that follow).
  package mutating func reserveCapacity(teams: Int, items count: Int) {
    offsets.reserveCapacity(teams + 1)
    items.reserveCapacity(count)
  }

  /// Adds the next team's positions, which must be ascending.
  /// - Complexity: O(k) for k positions.
  package mutating func append(_ positions: some Sequence<Int32>) {
    items.append(contentsOf: positions)
    offsets.append(items.count)
  }

  /// The number of teams.
  package var count: Int { offsets.count - 1 }

  /// Whether no team has a position.
  package var isEmpty: Bool { items.isEmpty }

  /// The positions of the team at `team`, ascending.
  /// - Complexity: O(1).
  package subscript(team: Int) -> ArraySlice<Int32> { items[offsets[team]..<offsets[team + 1]] }

  /// The leaders of `teams`, each found among the team's members (by binary search in its
  /// member ids, which are sorted in byte order), as positions taken from `memberPositions`.
  /// - Complexity: O(T + L log d) for T teams, L leaders and d the largest team.
  package init(leadersOf teams: [Team], memberPositions: [[Int32]]) {
    self.init()
    var found: [Int32] = []
    for (team, positions) in zip(teams, memberPositions) {
      found.removeAll(keepingCapacity: true)
      for leader in team.leaders {
        let index = team.members.partitioningIndex { !$0.precedesInBytes(leader) }
        if index < team.members.count, team.members[index] == leader {
          found.append(positions[index])
        }
      }
      append(found)
    }
  }
}

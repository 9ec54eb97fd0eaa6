import MembershipGraph

/// The connected groups of teams of a roster, in the documented order.
struct TeamStructure {
  /// Team ids of each component: most teams first, then most distinct people, then the smallest
  /// team id in byte order. Ids within a component are sorted.
  let components: [[String]]
  /// For each team position, the rank of its component in ``components``.
  let componentRank: [Int]

  /// - Complexity: O(S + T + M + C log C) for C components.
  init(network: RosterGraph) {
    let graph = network.graph
    let connected = graph.connectedComponents()
    var teamsOf = [[Int]](repeating: [], count: connected.count)
    var peopleCount = [Int](repeating: 0, count: connected.count)
    for group in graph.groups { teamsOf[connected.component(of: group)].append(group.position) }
    for person in graph.people { peopleCount[connected.component(of: person)] += 1 }
    var entries: [(ids: [String], people: Int, positions: [Int])] = []
    for (component, positions) in teamsOf.enumerated() where !positions.isEmpty {
      // Roster keeps teams sorted by id, so ascending positions give sorted ids.
      let ids = positions.map { network.roster.teams[$0].id }
      entries.append((ids, peopleCount[component], positions))
    }
    entries.sort { a, b in
      if a.ids.count != b.ids.count { return a.ids.count > b.ids.count }
      if a.people != b.people { return a.people > b.people }
      // Teams are sorted by id, so the smallest position holds the smallest id.
      return a.positions[0] < b.positions[0]
    }
    var rank = [Int](repeating: 0, count: graph.groupCount)
    for (r, entry) in entries.enumerated() {
      for position in entry.positions { rank[position] = r }
    }
    components = entries.map(\.ids)
    componentRank = rank
  }
}

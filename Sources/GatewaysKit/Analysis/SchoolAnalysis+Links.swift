extension SchoolAnalysis {
  /// A link between two teams listed under either of them, counted once, by positions in
  /// ``SchoolAnalysis/teams``.
  package struct ListedLink: Sendable, Hashable {
    /// The position of the team whose id comes first in byte order.
    package var first: Int
    /// The position of the other team.
    package var second: Int
    /// The position of the team the link was first found under (in team order, then listing
    /// order), and its index in that team's ``TeamFinding/links``.
    package var team: Int
    package var link: Int
  }

  /// Every link listed under either of its teams, once, sorted by (first, second) in byte order
  /// of the teams' ids; each is the first listing found in team order, then listing order.
  /// Each team lists its links with the most shared people, so a link may be listed under one
  /// of its teams only: both sides are gathered. A listed team id the analysis does not have
  /// is left out.
  ///
  /// ```swift
  /// for link in analysis.listedLinks() {
  ///   print(analysis.teams[link.first].id, analysis.teams[link.second].id)
  /// }
  /// ```
  ///
  /// The positions the analysis found (``listedLinkTargets``) are used when they still name
  /// the listed ids, so no id is looked up; teams are ordered by their rank in byte order
  /// (their positions, as the analysis sorts them), and the links by two counting sorts.
  /// - Complexity: O(T + L) for T teams and L listed links when the analysis is as made (the
  ///   teams sorted by id); O(T log T + L) otherwise.
  package func listedLinks() -> [ListedLink] {
    let teams = self.teams
    let targets = linkTargetPositions()
    // A team's rank in byte order of ids: its position, as the analysis lists teams.
    var rank = Array(0..<teams.count)
    // By index: zipping the teams would copy each record, retaining all it holds.
    if !teams.indices.dropFirst().allSatisfy({ teams[$0 - 1].id.precedesInBytes(teams[$0].id) }) {
      for (k, position) in ByteOrder.sortedIndices(teams.map(\.id)).enumerated() {
        rank[position] = k
      }
    }
    var byRank = [Int](repeating: 0, count: teams.count)
    for (position, r) in rank.enumerated() { byRank[r] = position }
    // Every listing as (lower rank, higher rank, team, link), in team and listing order.
    var low: [Int32] = []
    var high: [Int32] = []
    var found: [(team: Int32, link: Int32)] = []
    low.reserveCapacity(targets.count)
    high.reserveCapacity(targets.count)
    found.reserveCapacity(targets.count)
    var next = 0
    // Teams are read by index, never copied out whole (each copy retains all it holds).
    for t in teams.indices {
      for l in teams[t].links.indices {
        let other = Int(targets[next])
        next += 1
        guard other >= 0 else { continue }
        let (x, y) = rank[t] < rank[other] ? (rank[t], rank[other]) : (rank[other], rank[t])
        low.append(Int32(truncatingIfNeeded: x))
        high.append(Int32(truncatingIfNeeded: y))
        found.append((Int32(truncatingIfNeeded: t), Int32(truncatingIfNeeded: l)))
      }
    }
    // Stable counting sorts, by the higher rank and then the lower: sorted by pair, each pair's
    // listings in the order found.
    var order = Array(0..<low.count)
    for keys in [high, low] {
      var start = [Int](repeating: 0, count: teams.count + 1)
      for key in keys { start[Int(key) + 1] += 1 }
      for r in 0..<teams.count { start[r + 1] += start[r] }
      var sorted = [Int](repeating: 0, count: order.count)
      for i in order {
        let key = Int(keys[i])
        sorted[start[key]] = i
        start[key] += 1
      }
      order = sorted
    }
    var links: [ListedLink] = []
    links.reserveCapacity(order.count / 2 + 1)
    var last: (Int32, Int32) = (-1, -1)
    for i in order where (low[i], high[i]) != last {
      last = (low[i], high[i])
      links.append(
        ListedLink(
          first: byRank[Int(low[i])], second: byRank[Int(high[i])], team: Int(found[i].team),
          link: Int(found[i].link)))
    }
    return links
  }

  /// For each link listed in ``teams``, team by team, the position of the team it names, or -1
  /// when no team has that id: ``listedLinkTargets`` when every one of them still names its
  /// link's team, else found by id (the first team with the id).
  /// - Complexity: O(L) comparisons of ids (equal ids share their bytes, so each is quick), or
  ///   O(T + L) lookups by id.
  private func linkTargetPositions() -> [Int32] {
    let teams = self.teams
    var listed = 0
    for t in teams.indices { listed += teams[t].links.count }
    if listedLinkTargets.count == listed {
      var next = 0
      var trusted = true
      checking: for t in teams.indices {
        for l in teams[t].links.indices {
          let target = Int(listedLinkTargets[next])
          next += 1
          guard teams.indices.contains(target), teams[target].id == teams[t].links[l].team else {
            trusted = false
            break checking
          }
        }
      }
      if trusted { return listedLinkTargets }
    }
    var position: [String: Int32] = [:]
    position.reserveCapacity(teams.count)
    for (p, team) in teams.enumerated() where position[team.id] == nil {
      position[team.id] = Int32(truncatingIfNeeded: p)
    }
    var targets: [Int32] = []
    targets.reserveCapacity(listed)
    for team in teams {
      for link in team.links { targets.append(position[link.team] ?? -1) }
    }
    return targets
  }
}

@_spi(Package) import MembershipGraph

extension SuggestionEngine {
  /// Gives each member of staff on no team the team they could best join: the smallest team
  /// (counting the additions already suggested, so the load spreads), then the least cohesive
  /// deep, then team id; within caps.
  ///
  /// - Complexity: O((U + T) log T) for U people to involve and T teams.
  mutating func involve() {
    let roster = network.roster
    let candidates = count.indices.filter { p in
      count[p] == 0 && !excluded[p]
        && (options.involveSupportStaff || roster.staff[p.position].staffType.isTeaching)
    }
    let support = count.indices.filter { p in
      count[p] == 0 && !excluded[p] && !options.involveSupportStaff
        && !roster.staff[p.position].staffType.isTeaching
    }
    if !support.isEmpty {
      notes.append(
        "--involve left out \(plural(support.count, "member")) of support staff on no team "
          + "(\(idList(support))); --involve-all includes them")
    }
    let out = count.indices.filter { count[$0] == 0 && excluded[$0] }
    if !out.isEmpty {
      notes.append(
        "--involve left out \(plural(out.count, "member")) of staff on no team who may not be "
          + "suggested (\(idList(out)))")
    }
    if candidates.isEmpty { return }
    let atZero = candidates.filter { cap[$0] == 0 }
    if !atZero.isEmpty {
      unmet.append(
        UnmetLink(
          kind: .involve, teams: [],
          blockedBy: Array(atZero.map { reportedStaffID($0) }.prefix(20)),
          reason: "\(plural(atZero.count, "member")) of staff on no team may join none (cap 0)"))
    }
    let people = candidates.filter { cap[$0] > 0 }
    if people.isEmpty { return }
    guard graph.groupCount > 0 else {
      unmet.append(
        UnmetLink(
          kind: .involve, teams: [],
          blockedBy: Array(people.map { reportedStaffID($0) }.prefix(20)),
          reason: "there is no team to join"))
      return
    }
    // Weakness of each team's deep: its cohesion now (0 when undefined), 2 for no deep.
    let weakness = PerTeam<Double>(
      graph.groups.map { t in
        let x = teamGateway[t]
        guard x >= 0 else { return 2 }
        let d = gatewayDeep[x]
        let possible = possiblePairsInDeep[d]
        return possible == 0 ? 0 : Double(linkedPairsInDeep[d]) / Double(possible)
      })
    var heap = TeamHeap(weakness: weakness)
    for t in graph.groups { heap.push(t, size: teamSize[t]) }
    for p in people {
      var skipped: [(GroupIndex, Int)] = []
      var found: (GroupIndex, Int)?
      while let top = heap.pop() {
        if fits(p, top.team) {
          found = top
          break
        }
        skipped.append(top)
      }
      for item in skipped { heap.push(item.0, size: item.1) }
      guard let (t, _) = found else {
        notes.append(
          "--involve found no team for \(reportedStaffID(p)): no team's gateway draws on "
            + FitTable.kind(of: roster.staff[p.position]).words + " (see --fit)")
        continue
      }
      let deepText: String
      if teamGateway[t] >= 0 {
        let deep = Deep.allCases[gatewayDeep[teamGateway[t]]]
        deepText =
          "its deep (\(deep.displayName)) has cohesion \(formatScore(weakness[t]))"
      } else {
        deepText = "the team belongs to no deep"
      }
      let what = "the team has \(plural(teamSize[t], "member")) and \(deepText)"
      record(
        Choice(person: p, team: t, gain: Gain()), kind: .involve, links: [], what: what)
      heap.push(t, size: teamSize[t])
    }
  }
}

extension SuggestionEngine {
  /// Staff ids for a note: up to five, then "and N more".
  func idList(_ people: [PersonIndex]) -> String {
    let ids = people.map { reportedStaffID($0) }.sortedByBytes()
    if ids.count <= 5 { return ids.joined(separator: ", ") }
    return ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
  }
}

/// A min-heap of teams by (size, weakness of their deep, position), on ``BinaryHeap``.
private struct TeamHeap {
  let weakness: PerTeam<Double>
  private var heap = BinaryHeap<Entry>()

  /// A team in the heap, ordered by size, then weakness, then position (a total order, so
  /// teams come out in one order whatever the heap's layout).
  private struct Entry: Comparable {
    var team: GroupIndex
    var size: Int
    var weakness: Double

    static func < (a: Entry, b: Entry) -> Bool {
      if a.size != b.size { return a.size < b.size }
      if a.weakness != b.weakness { return a.weakness < b.weakness }
      return a.team < b.team
    }
  }

  init(weakness: PerTeam<Double>) { self.weakness = weakness }

  mutating func push(_ team: GroupIndex, size: Int) {
    heap.insert(Entry(team: team, size: size, weakness: weakness[team]))
  }

  mutating func pop() -> (team: GroupIndex, size: Int)? {
    heap.popMin().map { ($0.team, $0.size) }
  }
}

import MembershipGraph

extension SuggestionEngine {
  /// Rosters up to this many teams get the exact search (`--robust`).
  static let exactTeamLimit = 60
  /// Rosters up to this many members of staff get the exact search.
  static let exactStaffLimit = 1_000

  /// What `--robust` found: the joint lower bound and whether the plan is proven optimal.
  struct RobustOutcome {
    var bound: Int
    var optimal: Bool
  }

  /// `--robust`: one plan from the roster as it is, connecting and strengthening together.
  ///
  /// First a heuristic: a ring through the groups of teams (each group entered at one leaf
  /// piece and left at another far from it in depth-first order, so the ring also gives those
  /// leaves their second path), then any group the ring could not reach, then strengthening
  /// rounds. On a school-sized roster an exact search then looks for a plan of fewer
  /// additions, from the joint lower bound up; when it finds none the heuristic plan is proven
  /// optimal.
  ///
  /// - Complexity: the heuristic is O((S + T + M) log S) plus its strengthening rounds, each
  ///   O(S + T + M); the exact search weighs at most ``SuggestionOptions/exactSearchLimit`` rosters, each
  ///   O(S + T + M).
  mutating func robust() -> RobustOutcome {
    let start = additions.isEmpty ? graph : currentGraph()
    let startForest = PieceForest(graph: start, cuts: additions.isEmpty ? self.start?.cuts : nil)
    let engine = self
    let bound = JointBound(graph: start, forest: startForest, spare: { engine.spare($0) })
    if bound.isDone { return RobustOutcome(bound: 0, optimal: true) }
    var heuristic = self
    // When the ring joined every group, nothing is left apart: no need to look again.
    if !heuristic.ring(forest: startForest) { heuristic.linkRemaining() }
    _ = heuristic.strengthen(from: heuristic.additions.isEmpty ? startForest : nil)
    let small =
      options.exactSearchLimit > 0 && graph.groupCount <= Self.exactTeamLimit
      && graph.personCount <= Self.exactStaffLimit
    guard small else {
      self = heuristic
      return RobustOutcome(
        bound: bound.value,
        optimal: heuristic.additions.count == bound.value && heuristic.unmet.isEmpty)
    }
    var search = ExactSearch(engine: self, nodeLimit: options.exactSearchLimit)
    let upper =
      heuristic.unmet.isEmpty ? heuristic.additions.count - 1 : search.totalSpare
    var budget = bound.value
    while budget <= upper {
      if search.search(budget: budget) {
        recordPlanned(search.added)
        return RobustOutcome(bound: bound.value, optimal: true)
      }
      if search.aborted { break }
      budget += 1
    }
    self = heuristic
    if !search.aborted && !heuristic.unmet.isEmpty {
      // Proven: no plan exists within the caps; the heuristic's partial plan stands.
      return RobustOutcome(bound: bound.value, optimal: false)
    }
    return RobustOutcome(bound: bound.value, optimal: !search.aborted)
  }

  /// Links the groups of teams in a ring: each group's exit piece to the next group's entry
  /// piece, the last back to the first. A group with key people is entered at one leaf piece
  /// and left at another half its leaf list away in depth-first order, so the ring also gives
  /// those two leaves their second path; a group without is entered and left at its only
  /// piece. A piece is *open* when someone in it has room for another team; a link needs an
  /// open end (that person joins a team at the other end), so exits are open leaves where
  /// there are any, closed leaves (which can only be joined) are taken as entries, and groups
  /// with no open end are placed between groups with one.
  ///
  /// - Returns: whether every group is joined to the others afterwards.
  /// - Complexity: O(S + T + M) plus one ``bestLink(peopleA:teamsA:peopleB:teamsB:)`` per group.
  @discardableResult
  mutating func ring(forest: PieceForest) -> Bool {
    let structure = start?.teams ?? TeamStructure(network: network)
    let k = structure.components.count
    guard k >= 2 else { return true }
    var leavesOf = [[Int]](repeating: [], count: k)
    for leaf in forest.leaves() {
      leavesOf[structure.componentRank[forest.teamsOfPiece[leaf][0].position]].append(leaf)
    }
    var teamsOf = [[GroupIndex]](repeating: [], count: k)
    for t in graph.groups { teamsOf[structure.componentRank[t.position]].append(t) }
    var peopleOf = [[PersonIndex]](repeating: [], count: k)
    for person in graph.people {
      if let first = graph.groups(of: person).first {
        peopleOf[structure.componentRank[first.position]].append(person)
      }
    }
    let engine = self
    func isOpen(_ piece: Int) -> Bool {
      forest.peopleOfPiece[piece].contains { engine.spare($0) > 0 }
    }
    let ends = (0..<k).map { c in
      leavesOf[c].isEmpty ? [forest.pieceOfTeam[teamsOf[c][0]]] : leavesOf[c]
    }
    let openEnds = ends.map { $0.map(isOpen) }
    let hasOpen = openEnds.map { $0.contains(true) }
    // Main group first; a group with no open end only after one with.
    var opens = (1..<k).filter { hasOpen[$0] }.reversed() as [Int]
    var closed = (1..<k).filter { !hasOpen[$0] }.reversed() as [Int]
    var order = [0]
    while !opens.isEmpty || !closed.isEmpty {
      let lastOpen = hasOpen[order[order.count - 1]]
      if lastOpen, let c = closed.popLast() {
        order.append(c)
      } else if let c = opens.popLast() {
        order.append(c)
      } else if let c = closed.popLast() {
        order.append(c)
      }
    }
    var entry = [Int](repeating: 0, count: k)
    var exit = [Int](repeating: 0, count: k)
    for (i, c) in order.enumerated() {
      let list = ends[c]
      let open = openEnds[c]
      let previousOpen = hasOpen[order[(i + k - 1) % k]]
      var e = 0
      if !previousOpen {
        e = open.firstIndex(of: true) ?? 0
      } else if let shut = open.firstIndex(of: false) {
        e = shut
      }
      var x = e
      if list.count >= 2 {
        let target = (e + list.count / 2) % list.count
        x = target
        // The open leaf nearest the target, other than the entry.
        for step in 0..<list.count {
          let candidates = [
            (target + step) % list.count, (target + list.count - step) % list.count,
          ]
          if let found = candidates.first(where: { $0 != e && open[$0] }) {
            x = found
            break
          }
        }
        if x == e { x = (e + 1) % list.count }
      }
      entry[c] = list[e]
      exit[c] = list[x]
    }
    var parent = Array(0..<k)
    func root(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    for (i, c) in order.enumerated() {
      let next = order[(i + 1) % k]
      let a = exit[c]
      let b = entry[next]
      var choice = bestLink(
        peopleA: forest.peopleOfPiece[a], teamsA: forest.teamsOfPiece[a],
        peopleB: forest.peopleOfPiece[b], teamsB: forest.teamsOfPiece[b])
      if choice == nil {
        choice = bestLink(
          peopleA: peopleOf[c], teamsA: teamsOf[c], peopleB: peopleOf[next],
          teamsB: teamsOf[next])
      }
      guard let choice else { continue }
      let (ra, rb) = (root(c), root(next))
      if ra != rb {
        parent[max(ra, rb)] = min(ra, rb)
        let what =
          "brings \(groupText(teamsOf[next == 0 ? c : next], main: false)) into a ring through every group of teams"
        let links = teams(of: choice.person).map { reportedTeamID($0) }.sortedByBytes()
        record(choice, kind: .connect, links: links, what: what)
      } else {
        let links = newLinks(choice.person, joining: choice.team)
        record(
          choice, kind: .strengthen, links: links,
          what: "closes the ring through every group of teams, so no single departure splits it")
      }
    }
    return (0..<k).allSatisfy { root($0) == 0 }
  }

  /// Links every group of teams still apart to the main group (after ``ring()``), one
  /// addition each where the caps allow, and records the rest in ``unmet``.
  mutating func linkRemaining() {
    let current = currentGraph()
    let connected = current.connectedComponents()
    var teamsOf = [[GroupIndex]](repeating: [], count: connected.count)
    for t in graph.groups { teamsOf[connected.component(of: t)].append(t) }
    var peopleOf = [[PersonIndex]](repeating: [], count: connected.count)
    for p in graph.people where count[p] > 0 {
      peopleOf[connected.component(of: p)].append(p)
    }
    var groups = teamsOf.indices.filter { !teamsOf[$0].isEmpty }
    guard groups.count >= 2 else { return }
    groups.sort {
      teamsOf[$0].count > teamsOf[$1].count
        || (teamsOf[$0].count == teamsOf[$1].count && teamsOf[$0][0] < teamsOf[$1][0])
    }
    var mainTeams = representatives(teamsOf[groups[0]])
    var mainPeople = peopleOf[groups[0]]
    // The best people of the main group with room, kept short so that many groups left
    // apart cost O(S log S) rather than O(S) each; refilled when it runs low.
    var sample: [PersonIndex] = []
    func refill(_ engine: Self) {
      // Each key once, then the sort (ties by id, so the order is the same).
      var keyed: [(key: Int, person: PersonIndex)] = []
      for p in mainPeople where engine.spare(p) > 0 { keyed.append((engine.key(p), p)) }
      keyed.sort { ($0.key, $0.person) < ($1.key, $1.person) }
      sample = keyed.prefix(8 * Self.tierLimit).map(\.person)
    }
    refill(self)
    for c in groups.dropFirst() {
      let engine = self
      sample.removeAll { engine.spare($0) == 0 }
      if sample.count < 2 * Self.tierLimit { refill(self) }
      guard
        let choice = bestLink(
          peopleA: sample, teamsA: mainTeams, peopleB: peopleOf[c], teamsB: teamsOf[c])
      else {
        let blocked = peopleOf[c].map { reportedStaffID($0) }.sortedByBytes()
        unmet.append(
          UnmetLink(
            kind: .connect, teams: teamsOf[c].map { reportedTeamID($0) }.sortedByBytes(),
            blockedBy: Array(blocked.prefix(20)),
            reason: peopleOf[c].isEmpty
              ? "nobody is on these teams, and nobody else has room for another team"
              : "nobody on them may join another team, and nobody else has room for another team"))
        continue
      }
      let links = teams(of: choice.person).map { reportedTeamID($0) }.sortedByBytes()
      record(
        choice, kind: .connect, links: links,
        what: "brings \(groupText(teamsOf[c], main: false)) into the main group")
      mainTeams = representatives(mainTeams + teamsOf[c])
      mainPeople += peopleOf[c]
    }
  }

  /// Words for a group of teams: "the silo t", "the island of 3 teams (a, b, c)".
  func groupText(_ teams: [GroupIndex], main: Bool) -> String {
    if main { return "the main group" }
    if teams.count == 1 { return "the silo \(teamList(teams))" }
    return "the island of \(plural(teams.count, "team")) (\(teamList(teams)))"
  }

  /// Records the additions the exact search found: those that join two groups of teams first
  /// (connect), then the rest (strengthen), each with its reason.
  mutating func recordPlanned(_ pairs: [(person: PersonIndex, team: GroupIndex)]) {
    let n = graph.personCount
    var parent = Array(0..<(n + graph.groupCount))
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    var teamsOfRoot: [Int: [GroupIndex]] = [:]
    for t in graph.groups { teamsOfRoot[n + t.position] = [t] }
    func union(_ a: Int, _ b: Int) {
      let (ra, rb) = (find(a), find(b))
      guard ra != rb else { return }
      let (keep, drop) = (min(ra, rb), max(ra, rb))
      parent[drop] = keep
      teamsOfRoot[keep, default: []] += teamsOfRoot.removeValue(forKey: drop) ?? []
    }
    for person in graph.people {
      for group in graph.groups(of: person) { union(person.position, n + group.position) }
    }
    let mainRoot = find(n + (TeamStructure(network: network).componentRank.firstIndex(of: 0) ?? 0))
    var connecting: [(PersonIndex, GroupIndex, String)] = []
    var strengthening: [(PersonIndex, GroupIndex)] = []
    var byNewcomer: [PersonIndex: [GroupIndex]] = [:]
    for (p, t) in pairs {
      if graph.degree(of: p) == 0 {
        byNewcomer[p, default: []].append(t)
        continue
      }
      let (rp, rt) = (find(p.position), find(n + t.position))
      if rp == rt {
        strengthening.append((p, t))
        continue
      }
      let mainSide = find(mainRoot)
      let other = rp == mainSide ? rt : rt == mainSide ? rp : rt
      let text =
        rp == mainSide || rt == mainSide
        ? "brings \(groupText(teamsOfRoot[other] ?? [], main: false)) into the main group"
        : "links \(groupText(teamsOfRoot[rp] ?? [], main: false)) with \(groupText(teamsOfRoot[rt] ?? [], main: false))"
      union(p.position, n + t.position)
      connecting.append((p, t, text))
    }
    for (p, teams) in byNewcomer.sorted(by: { $0.key < $1.key }) {
      let joins = Set(teams.map { find(n + $0.position) }).count > 1
      for t in teams {
        if joins {
          connecting.append(
            (
              p, t,
              "is on no team yet and, joining \(plural(teams.count, "team")), links groups of teams nobody else can"
            ))
        } else {
          strengthening.append((p, t))
        }
      }
      for t in teams { union(p.position, n + t.position) }
    }
    for (p, t, text) in connecting {
      let choice = Choice(person: p, team: t, gain: gain(p, joining: t))
      let links = teams(of: p).map { reportedTeamID($0) }.sortedByBytes()
      record(choice, kind: .connect, links: links, what: text)
    }
    let connected = currentGraph()
    let cuts = connected.cutStructure()
    var keys: [PersonIndex] = []
    for node in cuts.articulationPoints {
      if case .person(let k) = node { keys.append(k) }
    }
    for (p, t) in strengthening {
      let around = keys.filter { k in k != p && separates(k, p, t, in: connected) }
      let choice = Choice(person: p, team: t, gain: gain(p, joining: t))
      let what =
        around.isEmpty
        ? "with the other strengthening additions, adds a second path between the teams"
        : "adds a second path around " + around.map { displayName($0) }.joined(separator: ", ")
      record(choice, kind: .strengthen, links: newLinks(p, joining: t), what: what)
    }
  }

  /// Whether key person `k` stands between person `p`'s teams and team `t` in `graph`.
  /// - Complexity: O(S + T + M).
  private func separates(
    _ k: PersonIndex, _ p: PersonIndex, _ t: GroupIndex, in graph: BipartiteGraph
  ) -> Bool {
    let n = graph.personCount
    var seen = [Bool](repeating: false, count: n + graph.groupCount)
    var queue = [n + t.position]
    seen[n + t.position] = true
    seen[k.position] = true
    var head = 0
    while head < queue.count {
      let x = queue[head]
      head += 1
      if x < n {
        if x == p.position { return false }
        for group in graph.groups(of: PersonIndex(unchecked: x)) where !seen[n + group.position] {
          seen[n + group.position] = true
          queue.append(n + group.position)
        }
      } else {
        for person in graph.members(of: GroupIndex(unchecked: x - n))
        where !seen[person.position] {
          seen[person.position] = true
          queue.append(person.position)
        }
      }
    }
    return graph.degree(of: p) > 0
  }
}

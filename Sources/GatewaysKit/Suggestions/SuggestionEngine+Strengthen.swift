import MembershipGraph

extension SuggestionEngine {
  /// The graph with the additions so far.
  /// - Complexity: O(S + T + M).
  func currentGraph() -> BipartiteGraph {
    var people: [Int32] = []
    var groups: [Int32] = []
    people.reserveCapacity(graph.membershipCount + additions.count)
    groups.reserveCapacity(graph.membershipCount + additions.count)
    for person in graph.people {
      for group in graph.groups(of: person) {
        people.append(person.rawValue)
        groups.append(group.rawValue)
      }
    }
    for (p, teams) in addedTeams {
      for t in teams {
        people.append(p.rawValue)
        groups.append(t.rawValue)
      }
    }
    return BipartiteGraph(
      personCount: graph.personCount, groupCount: graph.groupCount, edgePeople: people,
      edgeGroups: groups)
  }

  /// The block structure of a graph seen through its key people: *pieces* (groups of teams and
  /// non-key people that no single person separates, the blocks joined through teams or
  /// non-key people) and the key people between them, which form a forest.
  struct PieceForest {
    /// Key people, in id order.
    var keyPeople: [PersonIndex] = []
    /// The number of parts each key person separates, parallel to ``keyPeople``.
    var partCounts: [Int] = []
    /// The cut structure the forest was built from.
    let cuts: CutStructure
    /// The piece of each team.
    var pieceOfTeam = PerTeam<Int>([])
    /// The piece of each person, or -1 for key people and people on no team.
    var pieceOfPerson = PerPerson<Int>([])
    /// The teams of each piece, ascending.
    var teamsOfPiece: [[GroupIndex]] = []
    /// The non-key people of each piece, ascending.
    var peopleOfPiece: [[PersonIndex]] = []
    /// The key people (indices into ``keyPeople``) each piece touches.
    var keysOfPiece: [[Int]] = []
    /// The pieces each key person touches.
    var piecesOfKey: [[Int]] = []

    /// Pieces touching exactly one key person, in depth-first order of the forest.
    func leaves() -> [Int] {
      var result: [Int] = []
      var seenPiece = [Bool](repeating: false, count: teamsOfPiece.count)
      var seenKey = [Bool](repeating: false, count: keyPeople.count)
      // Stack of (isKey, index).
      var stack: [(Bool, Int)] = []
      for start in teamsOfPiece.indices where !seenPiece[start] && !keysOfPiece[start].isEmpty {
        stack.append((false, start))
        seenPiece[start] = true
        while let (isKey, index) = stack.popLast() {
          if isKey {
            for piece in piecesOfKey[index].reversed() where !seenPiece[piece] {
              seenPiece[piece] = true
              stack.append((false, piece))
            }
          } else {
            if keysOfPiece[index].count == 1 { result.append(index) }
            for key in keysOfPiece[index].reversed() where !seenKey[key] {
              seenKey[key] = true
              stack.append((true, key))
            }
          }
        }
      }
      return result
    }

    /// The lower bound on additions that end every key person: the largest of max (parts - 1),
    /// ceil(L / 2) for L leaf pieces, and the number of leaf pieces where nobody may join
    /// another team (such a leaf can only be reached by someone joining one of its teams, and
    /// an addition joins one team).
    func lowerBound(canGive: (PersonIndex) -> Bool) -> Int {
      var leaves = 0
      var closed = 0
      for piece in keysOfPiece.indices where keysOfPiece[piece].count == 1 {
        leaves += 1
        if !peopleOfPiece[piece].contains(where: canGive) { closed += 1 }
      }
      let parts = partCounts.map { $0 - 1 }.max() ?? 0
      return max(parts, (leaves + 1) / 2, closed)
    }

    /// The forest of a graph; `cuts`, when given, is the graph's cut structure already.
    /// - Complexity: O(N + M) plus the sizes of the components of the key people, once each.
    init(graph: BipartiteGraph, cuts known: CutStructure? = nil) {
      let cuts = known ?? graph.cutStructure()
      self.cuts = cuts
      let n = graph.personCount
      var isKey = PerPerson(repeating: false, count: n)
      var labels: [[Int]] = []
      for node in cuts.articulationPoints {
        if case .person(let p) = node {
          isKey[p] = true
          keyPeople.append(p)
          let (partLabels, count) = cuts.partLabels(of: p, groups: Array(graph.groups(of: p)))
          labels.append(partLabels)
          partCounts.append(count)
        }
      }
      // Union-find over unified indices: people, then teams.
      var parent = (0..<(n + graph.groupCount)).map { Int32(truncatingIfNeeded: $0) }
      func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != Int32(truncatingIfNeeded: x) {
          parent[x] = parent[Int(parent[x])]
          x = Int(parent[x])
        }
        return x
      }
      func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = Int32(truncatingIfNeeded: min(ra, rb)) }
      }
      for person in graph.people where !isKey[person] {
        for group in graph.groups(of: person) { union(person.position, n + group.position) }
      }
      // A key person's teams in the same part lie in one block with them.
      for (i, k) in keyPeople.enumerated() {
        var firstOfPart = [Int](repeating: -1, count: partCounts[i] + 1)
        for (group, j) in zip(graph.groups(of: k), labels[i]) {
          if firstOfPart[j] < 0 {
            firstOfPart[j] = group.position
          } else {
            union(n + firstOfPart[j], n + group.position)
          }
        }
      }
      // Roots are people or teams, so an array indexed by root stands for a dictionary.
      var pieceOfRoot = [Int32](repeating: -1, count: n + graph.groupCount)
      pieceOfTeam = PerTeam(repeating: -1, count: graph.groupCount)
      for t in graph.groups {
        let root = find(n + t.position)
        let known = Int(pieceOfRoot[root])
        let piece = known >= 0 ? known : teamsOfPiece.count
        if piece == teamsOfPiece.count {
          pieceOfRoot[root] = Int32(truncatingIfNeeded: piece)
          teamsOfPiece.append([])
          peopleOfPiece.append([])
          keysOfPiece.append([])
        }
        pieceOfTeam[t] = piece
        teamsOfPiece[piece].append(t)
      }
      pieceOfPerson = PerPerson(repeating: -1, count: n)
      for person in graph.people where !isKey[person] {
        guard let first = graph.groups(of: person).first else { continue }
        let piece = pieceOfTeam[first]
        pieceOfPerson[person] = piece
        peopleOfPiece[piece].append(person)
      }
      piecesOfKey = [[Int]](repeating: [], count: keyPeople.count)
      for (i, k) in keyPeople.enumerated() {
        for group in graph.groups(of: k) {
          let piece = pieceOfTeam[group]
          if !piecesOfKey[i].contains(piece) {
            piecesOfKey[i].append(piece)
            keysOfPiece[piece].append(i)
          }
        }
      }
    }
  }

  /// The best addition joining two sets of teams: a person of one side (best preference tier
  /// over both sides among those who fit a team of the other, at most ``tierLimit`` per side)
  /// joins a team of the other.
  /// - Complexity: O(a + b + t) for a and b people and t teams, plus the tier times the
  ///   gateways.
  func bestLink(
    peopleA: [PersonIndex], teamsA: [GroupIndex], peopleB: [PersonIndex], teamsB: [GroupIndex]
  ) -> Choice? {
    let targetsA = representatives(teamsA)
    let targetsB = representatives(teamsB)
    let a = bestTier(of: peopleA, fitting: targetsB)
    let b = bestTier(of: peopleB, fitting: targetsA)
    let bestKey = min(a?.key ?? Self.full, b?.key ?? Self.full)
    var choice: Choice?
    if let a, a.key == bestKey { choice = best(people: a.people, teams: targetsB) }
    if let b, b.key == bestKey, let other = best(people: b.people, teams: targetsA) {
      if let current = choice {
        let better =
          other.gain.isBetter(than: current.gain)
          ?? ((other.person, other.team) < (current.person, current.team))
        if better { choice = other }
      } else {
        choice = other
      }
    }
    return choice
  }

  /// Adds links until no single person's departure splits the teams, pairing leaf pieces of
  /// the block structure far apart in depth-first order, round by round.
  ///
  /// - Parameter initial: the pieces of the roster with the additions so far, when the caller
  ///   has them already.
  /// - Returns: the lower bound on the strengthening additions (see ``Suggester``), computed
  ///   on the connected roster before strengthening.
  /// - Complexity: per round O(N + M) plus the components of the key people once each.
  mutating func strengthen(from initial: PieceForest? = nil) -> Int {
    var bound = 0
    for round in 0..<max(1, options.maxStrengthenRounds) {
      let forest =
        round == 0
        ? initial ?? PieceForest(graph: currentGraph()) : PieceForest(graph: currentGraph())
      let engine = self
      if round == 0 { bound = forest.lowerBound { engine.spare($0) > 0 } }
      if forest.keyPeople.isEmpty { return bound }
      let made = strengthenRound(forest)
      if made == 0 && !fallbackStrengthen(forest) { return bound }
    }
    let left = PieceForest(graph: currentGraph())
    if !left.keyPeople.isEmpty {
      unmet.append(
        UnmetLink(
          kind: .strengthen, teams: [],
          blockedBy: Array(
            left.keyPeople.map { reportedStaffID($0) }.sortedByBytes().prefix(20)),
          reason:
            "stopped after \(options.maxStrengthenRounds) rounds with \(plural(left.keyPeople.count, "key person", "key people")) left"
        ))
    }
    return bound
  }

  /// One round: pairs leaf pieces far apart in depth-first order; a pair of leaves where
  /// nobody may join another team is split and each joined by someone from elsewhere.
  /// - Returns: the number of additions made.
  private mutating func strengthenRound(_ forest: PieceForest) -> Int {
    let leaves = forest.leaves()
    let half = leaves.count / 2
    let engine = self
    let spareNow = PerPerson(graph.people.map { engine.spare($0) > 0 })
    let canGive = { (piece: Int) -> Bool in
      forest.peopleOfPiece[piece].contains { spareNow[$0] }
    }
    var pairs: [(Int, Int)] = []
    var closedPairs: [(Int, Int)] = []
    var openPairs: [(Int, Int)] = []
    for i in 0..<half {
      let pair = (leaves[i], leaves[i + half])
      switch (canGive(pair.0), canGive(pair.1)) {
      case (false, false): closedPairs.append(pair)
      case (true, true): openPairs.append(pair)
      default: pairs.append(pair)
      }
    }
    var solos: [Int] = []
    while let closed = closedPairs.popLast() {
      if let open = openPairs.popLast() {
        pairs.append((closed.0, open.0))
        pairs.append((closed.1, open.1))
      } else {
        solos += [closed.0, closed.1]
      }
    }
    pairs += openPairs
    var made = 0
    func around(_ pieces: [Int]) -> [String] {
      Set(pieces.flatMap { forest.keysOfPiece[$0] }).sorted().map {
        displayName(forest.keyPeople[$0])
      }
    }
    func link(_ a: Int, _ b: Int) -> Choice? {
      bestLink(
        peopleA: forest.peopleOfPiece[a], teamsA: forest.teamsOfPiece[a],
        peopleB: forest.peopleOfPiece[b], teamsB: forest.teamsOfPiece[b])
    }
    for (a, b) in pairs {
      guard let choice = link(a, b) else {
        solos += [a, b]
        continue
      }
      recordStrengthen(choice, around: around([a, b]))
      made += 1
    }
    guard !solos.isEmpty else { return made }
    // A leaf no partner could be found for: the leaves far from it in depth-first order first,
    // then the best people with room anywhere else.
    let position = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1, $0) })
    var anyone: [PersonIndex]?
    for leaf in solos {
      let i = position[leaf] ?? 0
      var choice: Choice?
      for step in 0..<min(8, leaves.count) where choice == nil {
        let other = leaves[(i + max(1, half) + step) % leaves.count]
        if other != leaf { choice = link(leaf, other) }
      }
      if choice == nil {
        if anyone == nil {
          let engine = self
          // Each key once, then the sort (ties by id, so the order is the same).
          var keyed: [(key: Int, person: PersonIndex)] = []
          for p in graph.people where engine.spare(p) > 0 && forest.pieceOfPerson[p] >= 0 {
            keyed.append((engine.key(p), p))
          }
          keyed.sort { ($0.key, $0.person) < ($1.key, $1.person) }
          anyone = keyed.map(\.person)
        }
        var sample: [PersonIndex] = []
        for p in anyone ?? [] where forest.pieceOfPerson[p] != leaf && spare(p) > 0 {
          sample.append(p)
          if sample.count >= 4 * Self.tierLimit { break }
        }
        choice = bestLink(
          peopleA: sample, teamsA: [], peopleB: [], teamsB: forest.teamsOfPiece[leaf])
      }
      guard let choice else { continue }
      recordStrengthen(choice, around: around([leaf]))
      made += 1
    }
    return made
  }

  private mutating func recordStrengthen(_ choice: Choice, around: [String]) {
    let links = newLinks(choice.person, joining: choice.team)
    let what = "adds a second path around \(around.joined(separator: ", "))"
    record(choice, kind: .strengthen, links: links, what: what)
  }

  /// When no pair of leaf pieces can be linked, links any two parts of any key person; when
  /// none can be, records every key person left as unmet.
  /// - Returns: whether an addition was made.
  private mutating func fallbackStrengthen(_ forest: PieceForest) -> Bool {
    for k in forest.keyPeople {
      let parts = forest.cuts.separatedGroups(by: k)
      let people = parts.map { part in
        Set(part.flatMap { members(of: $0) }).subtracting([k]).sorted()
      }
      for x in parts.indices {
        for y in parts.indices where y > x {
          if let choice = bestLink(
            peopleA: people[x], teamsA: parts[x], peopleB: people[y], teamsB: parts[y])
          {
            recordStrengthen(choice, around: [displayName(k)])
            return true
          }
        }
      }
    }
    for k in forest.keyPeople {
      let teams = forest.cuts.separatedGroups(by: k).flatMap { $0 }
      let blocked = Set(teams.flatMap { members(of: $0) })
        .subtracting([k]).map { reportedStaffID($0) }.sortedByBytes()
      let name = reportedStaffID(k)
      unmet.append(
        UnmetLink(
          kind: .strengthen,
          teams: teams.map { reportedTeamID($0) }.sortedByBytes(),
          blockedBy: Array(blocked.prefix(20)),
          reason: blocked.isEmpty
            ? "\(name) still holds these teams together: nobody else is on them"
            : "\(name) still holds these teams together: nobody else on them may join another team (all at their cap or excluded)"
        ))
    }
    return false
  }
}

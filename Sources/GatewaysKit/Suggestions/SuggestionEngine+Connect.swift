import MembershipGraph

extension SuggestionEngine {
  /// How many people of one tier are weighed for one merge, so huge groups stay fast.
  static let tierLimit = 64

  /// Links every group of teams to the main group with one addition each, within caps.
  ///
  /// Groups are taken in the analysis order (main group first): first every group with spare
  /// capacity (someone on it who may join another team), then those without (empty teams,
  /// teams whose members are all at their cap or excluded), each from the grown main group.
  /// Each merge uses one unit of capacity and the merged group keeps the rest, so the greedy
  /// never gets stuck while total spare capacity covers the merges left: it makes exactly
  /// `components - 1` additions whenever the caps allow, and otherwise as many as capacity
  /// allows, recording every group left apart in ``unmet``.
  ///
  /// - Returns: the number of connected groups of teams before.
  /// - Complexity: O((S + T + M) log S + C · (tier · G + K log K)) for C groups, G gateways with
  ///   a deep and K preference keys.
  mutating func connect() -> Int {
    let structure = start?.teams ?? TeamStructure(network: network)
    let k = structure.components.count
    guard k > 1 else { return k }
    var teamsOf = [[GroupIndex]](repeating: [], count: k)
    var peopleOf = [[PersonIndex]](repeating: [], count: k)
    for t in graph.groups { teamsOf[structure.componentRank[t.position]].append(t) }
    for person in graph.people {
      if let first = graph.groups(of: person).first {
        peopleOf[structure.componentRank[first.position]].append(person)
      }
    }
    let capacity = peopleOf.map { people in people.reduce(0) { $0 + spare($1) } }
    // A link through someone who is a key person already creates no new key person: prefer
    // them (every other linking person becomes one).
    alreadyKey = PerPerson(repeating: false, count: graph.personCount)
    for node in (start?.cuts ?? graph.cutStructure()).articulationPoints {
      if case .person(let p) = node { alreadyKey[p] = true }
    }
    defer { alreadyKey = PerPerson([]) }

    var pool = KindPools(kinds: fitTable.count, bound: graph.personCount)
    // The smallest team of each fit class (gateway) in the main group, as it grows.
    var mainTargets: [Int: GroupIndex] = [:]
    func absorb(
      _ c: Int, into pool: inout KindPools, _ targets: inout [Int: GroupIndex], _ engine: Self
    ) {
      for p in peopleOf[c] where engine.spare(p) > 0 {
        pool.insert(p, kind: engine.personFitClass[p], key: engine.key(p))
      }
      for t in teamsOf[c] {
        let slot = engine.teamFitClass[t]
        if let known = targets[slot], known <= t { continue }
        targets[slot] = t
      }
    }
    absorb(0, into: &pool, &mainTargets, self)

    let order = (1..<k).filter { capacity[$0] > 0 } + (1..<k).filter { capacity[$0] == 0 }
    for c in order {
      let targets = representatives(teamsOf[c])
      // A closure over `self` in a mutating method copies the engine on every call, and a copy
      // of the engine retains every list it holds: read the keys from a copy of just those.
      let keys = preferenceKeys
      let mainTier = pool.bestTier(
        accepted: fittingKinds(targets), limit: Self.tierLimit
      ) { keys.key($0) }
      let mainTeams = mainTargets.values.sorted()
      let otherTier = bestTier(of: peopleOf[c], fitting: mainTeams)
      var choice: Choice?
      let bestKey = min(mainTier?.key ?? Self.full, otherTier?.key ?? Self.full)
      if let mainTier, mainTier.key == bestKey {
        choice = best(people: mainTier.people, teams: targets)
      }
      if let otherTier, otherTier.key == bestKey,
        let other = best(people: otherTier.people, teams: mainTeams)
      {
        if let current = choice {
          let better =
            other.gain.isBetter(than: current.gain)
            ?? ((other.person, other.team) < (current.person, current.team))
          if better { choice = other }
        } else {
          choice = other
        }
      }
      guard let choice else {
        unmetConnect(teams: teamsOf[c], people: peopleOf[c])
        continue
      }
      let fromMain =
        graph.groups(of: choice.person).first.map {
          structure.componentRank[$0.position] != c
        } ?? true
      let what =
        teamsOf[c].count == 1
        ? "brings the silo \(teamList(teamsOf[c])) into the main group"
        : "brings the island of \(plural(teamsOf[c].count, "team")) (\(teamList(teamsOf[c]))) into the main group"
      let links = teams(of: choice.person).map { reportedTeamID($0) }
        .sortedByBytes()
      record(choice, kind: .connect, links: links, what: what)
      alreadyKey[choice.person] = true
      absorb(c, into: &pool, &mainTargets, self)
      if fromMain && spare(choice.person) > 0 {
        pool.insert(
          choice.person, kind: personFitClass[choice.person], key: key(choice.person))
      }
    }
    return k
  }

  /// Records a group of teams left apart, with the people whose caps stop the link.
  private mutating func unmetConnect(teams: [GroupIndex], people: [PersonIndex]) {
    let blocked = people.map { reportedStaffID($0) }.sortedByBytes()
    let ids = teams.map { reportedTeamID($0) }.sortedByBytes()
    var reason: String
    if people.isEmpty {
      reason = ids.count == 1 ? "the team has no members" : "these teams have no members"
    } else {
      let capped = people.filter { !excluded[$0] }.count
      let out = people.count - capped
      var why: [String] = []
      if capped > 0 { why.append("\(plural(capped, "member")) at their cap") }
      if out > 0 { why.append("\(plural(out, "member")) excluded") }
      reason =
        "nobody on \(ids.count == 1 ? "it" : "them") may join another team ("
        + why.joined(separator: ", ") + ")"
    }
    reason += ", and nobody in the main group has room for another team"
    unmet.append(
      UnmetLink(
        kind: .connect, teams: ids, blockedBy: Array(blocked.prefix(20)), reason: reason))
  }
}

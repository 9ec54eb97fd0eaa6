import MembershipGraph

/// The working state of one run of ``Suggester``: caps and team counts with the additions made
/// so far, and the deep links that complementarity is computed from, kept incrementally so
/// that the change an addition makes is exact and cheap to compute.
struct SuggestionEngine {
  let network: RosterGraph
  let graph: BipartiteGraph
  let options: SuggestionOptions
  /// Each person's cap.
  let cap: PerPerson<Int>
  /// Each person's number of teams, with the additions so far.
  var count: PerPerson<Int>
  /// Whether each person leads a team.
  let leads: PerPerson<Bool>
  /// Whether each person is kept out by `--exclude`.
  let excluded: PerPerson<Bool>
  /// The teams each person has been added to.
  var addedTeams: [PersonIndex: [GroupIndex]] = [:]
  /// The people added to each team.
  var newMembers: [GroupIndex: [PersonIndex]] = [:]
  /// Each team's size with the additions so far.
  var teamSize: PerTeam<Int>

  /// The person positions added to each team position, for ``SuggestionPlan/apply(added:to:)``.
  var addedMembers: [Int: [Int]] {
    var result: [Int: [Int]] = [:]
    for (t, people) in newMembers { result[t.position] = people.map(\.position) }
    return result
  }

  /// Each team's gateway numbered densely among the gateways present that have a deep, or -1.
  let teamGateway: PerTeam<Int>
  /// The deep (0 ..< 4, Hargreaves' order) of each numbered gateway.
  let gatewayDeep: [Int]
  /// Gateway ids by number.
  let gatewayIDs: [Gateway]
  /// Whether two numbered gateways share a person (row-major, symmetric).
  var linkedGateways: [Bool]
  /// Whether two deeps share a person (4 × 4, symmetric).
  var linkedDeeps: [Bool]
  /// Linked pairs per deep, kept for involve's "weakest deep".
  var linkedPairsInDeep: [Int]
  /// Pairs of present gateways per deep.
  let possiblePairsInDeep: [Int]
  /// The complementarity gained by linking one more pair of gateways in each deep.
  let pairWeight: [Double]
  /// The complementarity gained by linking one more pair of deeps.
  let deepPairWeight: Double

  /// Each person's fit category and each team's, and which categories fit (see ``FitTable``):
  /// a person may join a team only when `fitTable[personFitClass][teamFitClass]`.
  let personFitClass: PerPerson<Int>
  let teamFitClass: PerTeam<Int>
  let fitTable: [[Bool]]

  var additions: [Addition] = []
  var unmet: [UnmetLink] = []
  /// What the plan left out and why, in words (shown after the plan).
  var notes: [String] = []

  /// With the plain connect plan: whether each person is a key person already (in the roster,
  /// or made one by an earlier connecting addition), so a link through them creates no new
  /// key person; empty elsewhere (no preference).
  var alreadyKey = PerPerson<Bool>([])

  /// With `--robust`, once ``robust()`` has run: the joint bound and whether the plan is
  /// proven optimal.
  var outcome: RobustOutcome?

  /// The team and cut structures of ``network`` (the roster as given), when the caller has
  /// them already.
  var start: StartStructure?

  /// Sentinel key for a person who cannot take another team.
  static let full = Int.max
  /// The kinds of staff, numbered as ``personFitClass`` numbers them.
  static let kinds = FitTable.Kind.allCases

  init(network: RosterGraph, options: SuggestionOptions) {
    self.network = network
    self.options = options
    let roster = network.roster
    let graph = network.graph
    self.graph = graph
    // Fields are read by index, in place: mapping the staff would copy every record (retaining
    // each of its strings).
    let staff = roster.staff
    cap = PerPerson(staff.indices.map { max(0, staff[$0].maxTeams ?? options.defaultMaxTeams) })
    count = PerPerson(graph.people.map { graph.degree(of: $0) })
    // Ids are hashed only when someone is excluded.
    let excludedIDs = options.excluded
    excluded = PerPerson(
      excludedIDs.isEmpty
        ? staff.indices.map { !staff[$0].suggestable }
        : staff.indices.map { excludedIDs.contains(staff[$0].id) || !staff[$0].suggestable })
    var leads = PerPerson(repeating: false, count: roster.staff.count)
    // Every leadership is a membership: read the roster's leaders, not every membership.
    for person in roster.leaderPositions.items {
      leads[PersonIndex(unchecked: Int(person))] = true
    }
    self.leads = leads
    let kinds = FitTable.Kind.allCases
    // Support staff are classified by role words; many share a role, so each role is
    // classified once.
    var kindOfRole: [String: Int] = [:]
    // Other staff are classified by their type alone (as ``FitTable/kind(of:)`` does).
    let (senior, middle, teacher) = (
      kinds.firstIndex(of: .senior) ?? 0, kinds.firstIndex(of: .middle) ?? 0,
      kinds.firstIndex(of: .teacher) ?? 0
    )
    personFitClass = PerPerson(
      staff.indices.map { p in
        switch staff[p].staffType {
        case .senior: return senior
        case .middle: return middle
        case .teacher: return teacher
        case .support:
          if let known = kindOfRole[staff[p].role] { return known }
          let kind = kinds.firstIndex(of: FitTable.kind(of: staff[p])) ?? 0
          kindOfRole[staff[p].role] = kind
          return kind
        }
      })
    var slots: [Gateway?] = []
    var slotOf: [Gateway?: Int] = [:]
    // The teams' gateways by index, without copying each team.
    let teams = roster.teams
    let gateways = teams.indices.map { teams[$0].gateway }
    teamFitClass = PerTeam(
      gateways.map { gateway in
        if let slot = slotOf[gateway] { return slot }
        slotOf[gateway] = slots.count
        slots.append(gateway)
        return slots.count - 1
      })
    fitTable = kinds.map { kind in slots.map { options.fit.fits(kind, $0) } }
    teamSize = PerTeam(graph.groups.map { graph.degree(of: $0) })

    let deeps = Deep.allCases
    let present = Set(slots.compactMap { $0 }).sorted().filter {
      roster.deeps.deep(of: $0) != nil
    }
    var number: [Gateway: Int] = [:]
    for (i, gateway) in present.enumerated() { number[gateway] = i }
    gatewayIDs = present
    gatewayDeep = present.map { gateway in
      roster.deeps.deep(of: gateway).flatMap { deeps.firstIndex(of: $0) } ?? 0
    }
    // Teams of one fit class share a gateway: each class is numbered once.
    let numberOfSlot = slots.map { gateway in gateway.flatMap { number[$0] } ?? -1 }
    teamGateway = PerTeam(teamFitClass.elements.map { numberOfSlot[$0] })
    let g = present.count
    var linked = [Bool](repeating: false, count: g * g)
    var linkedDeeps = [Bool](repeating: false, count: 16)
    var mine: [Int] = []
    for person in graph.people where graph.degree(of: person) >= 2 {
      mine.removeAll(keepingCapacity: true)
      for group in graph.groups(of: person) where teamGateway[group] >= 0 {
        mine.append(teamGateway[group])
      }
      for a in mine {
        for b in mine where a != b {
          linked[a * g + b] = true
          let (da, db) = (gatewayDeep[a], gatewayDeep[b])
          if da != db { linkedDeeps[da * 4 + db] = true }
        }
      }
    }
    linkedGateways = linked
    self.linkedDeeps = linkedDeeps
    var possible = [Int](repeating: 0, count: 4)
    var pairs = [Int](repeating: 0, count: 4)
    var presentInDeep = [Int](repeating: 0, count: 4)
    for d in gatewayDeep { presentInDeep[d] += 1 }
    for d in 0..<4 { possible[d] = presentInDeep[d] * (presentInDeep[d] - 1) / 2 }
    for a in 0..<g {
      for b in (a + 1)..<max(a + 1, g) where linked[a * g + b] && gatewayDeep[a] == gatewayDeep[b] {
        pairs[gatewayDeep[a]] += 1
      }
    }
    linkedPairsInDeep = pairs
    possiblePairsInDeep = possible
    let cohesions = possible.filter { $0 > 0 }.count
    let presentDeeps = presentInDeep.filter { $0 > 0 }.count
    let parts = 1 + (cohesions > 0 ? 1 : 0) + (presentDeeps >= 2 ? 1 : 0)
    pairWeight = possible.map {
      $0 > 0 ? 1.0 / (Double($0) * Double(cohesions) * Double(parts)) : 0
    }
    let deepPairs = presentDeeps * (presentDeeps - 1) / 2
    deepPairWeight = deepPairs > 0 ? 1.0 / (Double(deepPairs) * Double(parts)) : 0
  }

  // MARK: People

  /// Whether a person's role and type fit a team's gateway (see ``FitTable``).
  func fits(_ p: PersonIndex, _ t: GroupIndex) -> Bool {
    fitTable[personFitClass[p]][teamFitClass[t]]
  }

  /// How many more teams a person may join.
  func spare(_ p: PersonIndex) -> Int { excluded[p] ? 0 : max(0, cap[p] - count[p]) }

  /// The preference key of a person: non-leaders first, then (with `--develop`) people who are
  /// not senior leaders, then fewest teams; ``full`` when they cannot take another team.
  func key(_ p: PersonIndex) -> Int {
    guard spare(p) > 0 else { return Self.full }
    let senior = options.develop && network.roster.staff[p.position].staffType == .senior
    return Self.key(
      newKey: !alreadyKey.isEmpty && !alreadyKey[p], leads: leads[p], senior: senior,
      count: count[p])
  }

  /// The preference key of a person with room for another team (see ``key(_:)``).
  static func key(newKey: Bool, leads: Bool, senior: Bool, count: Int) -> Int {
    (newKey ? 1 << 33 : 0) | (leads ? 1 << 32 : 0) | (senior ? 1 << 31 : 0) | count
  }

  /// What ``key(_:)`` reads, as it is now: cheaper to copy than the whole engine.
  struct PreferenceKeys {
    let cap: PerPerson<Int>
    let count: PerPerson<Int>
    let excluded: PerPerson<Bool>
    let leads: PerPerson<Bool>
    let alreadyKey: PerPerson<Bool>
    /// The staff, when `--develop` prefers people who are not senior leaders.
    let staff: [StaffMember]?

    /// The same as ``SuggestionEngine/key(_:)``.
    func key(_ p: PersonIndex) -> Int {
      guard !excluded[p] && cap[p] - count[p] > 0 else { return SuggestionEngine.full }
      return SuggestionEngine.key(
        newKey: !alreadyKey.isEmpty && !alreadyKey[p], leads: leads[p],
        senior: staff?[p.position].staffType == .senior, count: count[p])
    }
  }

  /// The preference keys as they are now.
  var preferenceKeys: PreferenceKeys {
    PreferenceKeys(
      cap: cap, count: count, excluded: excluded, leads: leads, alreadyKey: alreadyKey,
      staff: options.develop ? network.roster.staff : nil)
  }

  /// The teams a person is on, with the additions so far.
  func teams(of p: PersonIndex) -> [GroupIndex] {
    var result = Array(graph.groups(of: p))
    if let more = addedTeams[p] { result += more }
    return result
  }

  /// Whether a person is on a team, with the additions so far.
  func isOn(_ p: PersonIndex, _ t: GroupIndex) -> Bool {
    graph.contains(p, in: t) || (addedTeams[p]?.contains(t) ?? false)
  }

  /// The members of a team, with the additions so far.
  func members(of t: GroupIndex) -> [PersonIndex] {
    var result = Array(graph.members(of: t))
    if let more = newMembers[t] { result += more }
    return result
  }

  // MARK: Complementarity

  /// What a person joining a team adds to the deeps.
  struct Gain {
    /// The exact rise in complementarity.
    var value: Double = 0
    /// Pairs of gateways of the same deep newly linked.
    var sameDeep: [(Int, Int)] = []
    /// Pairs of deeps newly linked.
    var deepPairs: [(Int, Int)] = []

    /// Whether this gain is preferred to another, in the documented order: more gateway pairs
    /// of the same deep newly linked (student voice with assessment for learning), then more
    /// pairs of deeps newly linked, then the larger rise in complementarity; `nil` when they tie.
    func isBetter(than other: Gain) -> Bool? {
      if sameDeep.count != other.sameDeep.count { return sameDeep.count > other.sameDeep.count }
      if deepPairs.count != other.deepPairs.count {
        return deepPairs.count > other.deepPairs.count
      }
      if abs(value - other.value) > 1e-12 { return value > other.value }
      return nil
    }
  }

  /// The gain of person `p` joining team `t`.
  func gain(_ p: PersonIndex, joining t: GroupIndex) -> Gain {
    gain(joining: t, from: teams(of: p))
  }

  /// The gain of a person on the teams `mine` (as ``teams(of:)`` gives them) joining team `t`.
  func gain(joining t: GroupIndex, from mine: [GroupIndex]) -> Gain {
    var gain = Gain()
    let x = teamGateway[t]
    guard x >= 0 else { return gain }
    let g = gatewayIDs.count
    let d = gatewayDeep[x]
    for u in mine {
      let y = teamGateway[u]
      guard y >= 0, y != x else { continue }
      let e = gatewayDeep[y]
      if e == d {
        if !linkedGateways[x * g + y] && !gain.sameDeep.contains(where: { $0.1 == y }) {
          gain.sameDeep.append((x, y))
          gain.value += pairWeight[d]
        }
      } else if !linkedDeeps[d * 4 + e] && !gain.deepPairs.contains(where: { $0.1 == e }) {
        gain.deepPairs.append((d, e))
        gain.value += deepPairWeight
      }
    }
    return gain
  }

  /// Words for a gain, e.g. "links student-voice with assessment-for-learning (deep learning)".
  func describe(_ gain: Gain) -> String? {
    var parts: [String] = []
    for (x, y) in gain.sameDeep {
      parts.append(
        "links \(gatewayIDs[x].id) with \(gatewayIDs[y].id) (\(Deep.allCases[gatewayDeep[x]].displayName))"
      )
    }
    for (d, e) in gain.deepPairs {
      parts.append(
        "first link between \(Deep.allCases[d].displayName) and \(Deep.allCases[e].displayName)")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// A person as a reason names them: "Name (id)", or the id when the roster gives no name.
  func displayName(_ p: PersonIndex) -> String {
    let member = network.roster.staff[p.position]
    if options.reportedIDs != nil { return reportedStaffID(p) }
    return member.name == member.id ? member.id : "\(member.name) (\(member.id))"
  }

  /// Why this person, before why this team, e.g. "a teacher (curriculum draws on teachers),
  /// leads no team and is on 1 of at most 3 teams".
  func describePerson(_ p: PersonIndex, joining t: GroupIndex) -> String {
    let member = network.roster.staff[p.position]
    // The kind the engine classified the person as once (``FitTable/kind(of:)``).
    let kind = Self.kinds[personFitClass[p]]
    var who = kind.words
    if let gateway = network.roster.teams[t.position].gateway,
      options.fit.kindsOfGateway[gateway] != nil
    {
      who +=
        " (\(gateway.id) draws on \(kind == .senior || kind == .middle ? "leaders like them" : "them"))"
    }
    if let department = member.department, !department.isEmpty {
      who += " in \(department)"
    }
    let lead = leads[p] ? "leads a team" : "leads no team"
    var text = "\(who), \(lead) and is on \(count[p]) of at most \(plural(cap[p], "team"))"
    if options.develop && !leads[p] && member.staffType != .senior {
      text += ", so the plan widens who takes part"
    }
    return text
  }

  // MARK: Choosing and recording

  /// A chosen addition with its gain.
  struct Choice {
    var person: PersonIndex
    var team: GroupIndex
    var gain: Gain
  }

  /// The best addition of one of `people` (all of one preference tier) to one of `teams`,
  /// skipping teams a person is on: most gain, then person and team in id order.
  func best(people: [PersonIndex], teams: [GroupIndex]) -> Choice? {
    var best: Choice?
    for p in people {
      // The person's teams, once for all the teams weighed (as ``teams(of:)`` gives them).
      let added = addedTeams[p]
      var mine = Array(graph.groups(of: p))
      if let added { mine += added }
      for t in teams where fits(p, t) && !graph.contains(p, in: t) && !(added?.contains(t) ?? false)
      {
        let candidate = Choice(person: p, team: t, gain: gain(joining: t, from: mine))
        guard let current = best else {
          best = candidate
          continue
        }
        let better =
          candidate.gain.isBetter(than: current.gain)
          ?? ((p, t) < (current.person, current.team))
        if better { best = candidate }
      }
    }
    return best
  }

  /// Team ids of `p`'s teams that share nobody with `t` yet.
  func newLinks(_ p: PersonIndex, joining t: GroupIndex) -> [String] {
    let mine = teams(of: p)
    if mine.isEmpty { return [] }
    var onT = Set(members(of: t))
    onT.remove(p)
    var result: [String] = []
    for u in mine where !members(of: u).contains(where: { $0 != p && onT.contains($0) }) {
      result.append(reportedTeamID(u))
    }
    return result.sortedByBytes()
  }

  /// Records an addition and updates the state.
  mutating func record(
    _ choice: Choice, kind: Addition.Kind, links: [String], what: String
  ) {
    let p = choice.person
    let t = choice.team
    var reason = describePerson(p, joining: t)
    if !what.isEmpty { reason += "; " + what }
    if let deeps = describe(choice.gain) { reason += "; " + deeps }
    additions.append(
      Addition(
        staff: reportedStaffID(p), team: reportedTeamID(t),
        links: links, kind: kind, reason: reason))
    let x = teamGateway[t]
    if x >= 0 {
      let g = gatewayIDs.count
      let d = gatewayDeep[x]
      for u in teams(of: p) {
        let y = teamGateway[u]
        guard y >= 0, y != x else { continue }
        if !linkedGateways[x * g + y] && gatewayDeep[y] == d { linkedPairsInDeep[d] += 1 }
        linkedGateways[x * g + y] = true
        linkedGateways[y * g + x] = true
        let e = gatewayDeep[y]
        if e != d {
          linkedDeeps[d * 4 + e] = true
          linkedDeeps[e * 4 + d] = true
        }
      }
    }
    count[p] += 1
    addedTeams[p, default: []].append(t)
    newMembers[t, default: []].append(p)
    teamSize[t] += 1
  }

  /// Team ids for a message: all of them up to five, then "and N more".
  func teamList(_ teams: [GroupIndex]) -> String {
    let ids = teams.map { reportedTeamID($0) }.sortedByBytes()
    if ids.count <= 5 { return ids.joined(separator: ", ") }
    return ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more"
  }
}

extension SuggestionEngine {
  /// The people of `people` who fit at least one of `teams`, with the best (lowest) preference
  /// key, at most ``tierLimit`` of them in the order given, with that key; `nil` when everyone
  /// is full (at their cap or excluded) or fits none of the teams.
  /// - Complexity: O(n + K · t) for K kinds of staff and t teams.
  func bestTier(of people: [PersonIndex], fitting teams: [GroupIndex])
    -> (key: Int, people: [PersonIndex])?
  {
    let kindFits = fittingKinds(teams)
    var result: (key: Int, people: [PersonIndex])?
    for p in people where kindFits[personFitClass[p]] {
      let pk = key(p)
      if pk == Self.full { continue }
      if let current = result, pk > current.key { continue }
      if let current = result, pk == current.key {
        if current.people.count < Self.tierLimit { result?.people.append(p) }
      } else {
        result = (pk, [p])
      }
    }
    return result
  }
}

extension SuggestionEngine {
  /// For each kind of staff (fit class), whether it fits at least one of `teams`.
  /// - Complexity: O(K · t).
  func fittingKinds(_ teams: [GroupIndex]) -> [Bool] {
    fitTable.map { row in teams.contains { row[teamFitClass[$0]] } }
  }

  /// The smallest team of each fit class (each gateway) among `teams`, ascending: every team
  /// of one gateway fits the same people, so these stand for them all.
  /// - Complexity: O(t).
  func representatives(_ teams: [GroupIndex]) -> [GroupIndex] {
    var first: [Int: GroupIndex] = [:]
    for t in teams {
      let slot = teamFitClass[t]
      if let known = first[slot], known <= t { continue }
      first[slot] = t
    }
    return first.values.sorted()
  }
}

extension SuggestionEngine {
  /// The id a person is reported by: their pseudonym when ``SuggestionOptions/reportedIDs`` is
  /// set, else their staff id.
  func reportedStaffID(_ p: PersonIndex) -> String {
    let id = network.staffID(of: p)
    return options.reportedIDs?.staff[id] ?? id
  }

  /// The id a team is reported by.
  func reportedTeamID(_ t: GroupIndex) -> String {
    let id = network.teamID(of: t)
    return options.reportedIDs?.teams[id] ?? id
  }
}

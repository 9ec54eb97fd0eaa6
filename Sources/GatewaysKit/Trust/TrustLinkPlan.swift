import MembershipGraph

/// The plan of `gateways suggest --across-schools`: who joins which trust-wide team so that
/// every school of the trust is linked to the others, and, where it can be done, so that no
/// single connector holds the network together.
///
/// The plan may do one thing only: add a person of the trust (any school, within their cap,
/// fitting the team's gateway as in ``FitTable``, not excluded, suggestable) to a trust-wide
/// team as a member. It never adds anyone to a school's own team (the school plans do that,
/// within each school), never puts anyone into a school they do not work in, and never creates
/// a team: a trust with no trust-wide team gets no addition and a note saying to create one.
///
/// **Linking.** The network (``TrustNetwork``) falls into k groups of linked schools (an
/// isolated school is a group of one). One addition joins at most two groups, so any plan
/// needs at least k - 1 (k when every trust-wide team is empty); the plan uses exactly that:
/// a *hub* trust-wide team in the largest group (the one reaching most schools), and for every
/// other group one person of it joins the hub (or, when no one there can, a person of the
/// main group joins a trust-wide team of that group). People who already work in several
/// schools (a `person_id` in several) are preferred: their one place brings all their schools.
///
/// **Strengthening.** Then, for each key connector (``TrustNetwork/keyConnectors``) in turn, an
/// addition that links the smallest part it holds on to another part without it: a person of
/// one part joins a trust-wide team of another. A connector that no addition can relieve is
/// listed in ``keyConnectorsLeft``. Greedy, at most ``SuggestionOptions/maxStrengthenRounds``
/// additions; not proven to be the fewest.
///
/// ```swift
/// let plan = TrustLinkPlan(trust, options: SuggestionOptions())
/// let linked = TrustNetwork(plan.applied(to: trust))
/// print(linked.isolated, linked.groups.count)  // [] 1
/// ```
///
/// - Complexity: O(P + C + n) for P people, C connectors and n schools per addition, plus the
///   trust's rows once.
public struct TrustLinkPlan: Sendable {
  /// One addition: a person joins a trust-wide team as a member.
  public struct Addition: Sendable, Hashable {
    /// Why the addition is made.
    public enum Kind: String, Sendable, Hashable {
      /// It links a school or group of schools to the others.
      case connect
      /// It gives a part of the network a second link, so one connector no longer holds it.
      case strengthen
    }
    /// The school of the row that gains the membership (the person's first school by name).
    public var school: String
    /// The person's staff id in ``school``.
    public var staff: String
    /// The person's name.
    public var name: String
    /// The person's `person_id`, if they have one.
    public var personID: String?
    /// The schools the person works in, by name.
    public var schools: [String]
    /// The trust-wide team they join.
    public var team: String
    /// Why.
    public var kind: Kind
    /// The schools newly linked to the team's by this addition, by name.
    public var links: [String]
    /// Why this person and this team, in words a trust leader acts on.
    public var reason: String
  }

  /// The network's headline figures before or after the plan.
  public struct Figures: Sendable, Hashable {
    /// Groups of linked schools, an isolated school counted as a group of one.
    public var components: Int
    /// Schools linked to no other.
    public var isolated: Int
    /// Connectors whose departure would split a group of linked schools.
    public var keyConnectors: Int
  }

  /// What the plan may do, in words (shown with the plan).
  public static let scope =
    "It may add a person of the trust to a trust-wide team (within their cap and the team's "
    + "fit). It never adds anyone to a school's own team (the school plans do that, within each "
    + "school), never puts anyone into a school they do not work in, and never creates a team."

  /// The additions: linking ones first, then strengthening ones.
  public var additions: [Addition]
  /// Whether every school is linked to every other after the plan.
  public var feasible: Bool
  /// The fewest linking additions any plan needs: groups - 1 (groups when every trust-wide team
  /// is empty); the plan's linking additions meet it when feasible.
  public var lowerBound: Int
  /// The network before and after.
  public var before: Figures
  /// The network with the additions made.
  public var after: Figures
  /// Key connectors no addition could relieve, as ``TrustNetwork/Connector/id`` (at most the
  /// list limit).
  public var keyConnectorsLeft: [String]
  /// What could not be done and why, in words.
  public var notes: [String]
}

extension TrustLinkPlan {
  /// Plans the links across the schools of a trust.
  /// - Parameters:
  ///   - trust: the trust (with any school plans already applied).
  ///   - options: caps (``SuggestionOptions/defaultMaxTeams``), fit, exclusions,
  ///     ``SuggestionOptions/develop`` and the most strengthening rounds.
  ///   - excludedBySchool: more staff ids to keep out, by school name.
  /// - Complexity: see ``TrustLinkPlan``.
  public init(
    _ trust: TrustRoster, options: SuggestionOptions,
    excludedBySchool: [String: Set<String>] = [:]
  ) {
    var state = LinkState(trust, options: options, excludedBySchool: excludedBySchool)
    let names = trust.schools.map(\.name)
    var additions: [Addition] = []
    var notes: [String] = []
    let before = state.figures()

    // Linking: every group of schools onto the main group.
    var groups = state.components()
    let lowerBound =
      groups.count <= 1
      ? 0 : (state.teamMembers.contains { !$0.isEmpty } ? groups.count - 1 : groups.count)
    if groups.count > 1 && state.teamMembers.isEmpty {
      notes.append(
        "The trust has no trust-wide team, so no addition can link its schools: create one "
          + "(rows with team_school 'trust', e.g. a trust network of subject leads) and run "
          + "again.")
    } else if groups.count > 1 {
      // The hub: the trust-wide team reaching most schools of the largest group (an empty
      // team when none has members).
      let main = groups[0]
      let mainRoot = state.root(of: main[0])
      let hub =
        state.teamMembers.indices.filter { state.teamRoot($0) == mainRoot }
        .max { a, b in
          let (x, y) = (state.teamSchools(a).count, state.teamSchools(b).count)
          return x != y ? x < y : a > b
        } ?? state.teamMembers.indices.first { !state.teamMembers[$0].isEmpty } ?? 0
      if state.teamMembers[hub].isEmpty {
        // An empty hub first takes a person of the main group.
        if let person = state.bestPerson(in: main, for: hub) {
          additions.append(
            state.add(
              person, to: hub, kind: .connect, names: names,
              why: "brings the trust-wide team \(state.teamIDs[hub]) into the largest group of "
                + "schools, so the other schools can be linked through it"))
        }
      }
      for group in groups.dropFirst() {
        let mainNow = state.root(of: main[0])
        // A person of the group joins a team of the main group (the hub first), or a person of
        // the main group joins a team of the group.
        let mainTeams =
          [hub]
          + state.teamMembers.indices.filter {
            $0 != hub && state.teamRoot($0) == mainNow
          }
        var chosen: (person: Int, team: Int)?
        for team in mainTeams where state.teamRoot(team) == mainNow {
          if let person = state.bestPerson(in: group, for: team) {
            chosen = (person, team)
            break
          }
        }
        if chosen == nil {
          let groupRoot = state.root(of: group[0])
          let mainSchools = (0..<names.count).filter { state.root(of: $0) == mainNow }
          for team in state.teamMembers.indices where state.teamRoot(team) == groupRoot {
            if let person = state.bestPerson(in: mainSchools, for: team) {
              chosen = (person, team)
              break
            }
          }
        }
        guard let (person, team) = chosen else {
          notes.append(
            "No one can link \(Self.list(group.map { names[$0] })) to the other schools: no one "
              + "there (or in the main group) can join a trust-wide team within their cap and "
              + "the team's fit.")
          continue
        }
        let reached = state.teamSchools(team).count
        additions.append(
          state.add(
            person, to: team, kind: .connect, names: names,
            why: group.count == 1
              ? "\(names[group[0]]) is linked to no other school; the team reaches "
                + "\(plural(reached, "school")) of the trust's main group"
              : "the group of \(Self.list(group.map { names[$0] })) is linked to no other "
                + "school; the team reaches \(plural(reached, "school")) of the main group"))
      }
      groups = state.components()
    }

    // Strengthening: relieve each key connector in turn.
    var left: [String] = []
    var unrelievable = Set<Int>()
    var rounds = 0
    while rounds < options.maxStrengthenRounds,
      let (key, parts) = state.keyConnector(skipping: unrelievable)
    {
      rounds += 1
      guard let (person, team, part) = state.relief(for: key, parts: parts) else {
        unrelievable.insert(key.id)
        left.append(key.label)
        continue
      }
      additions.append(
        state.add(
          person, to: team, kind: .strengthen, names: names,
          why: "\(key.label) (\(key.isTeam ? "a trust-wide team" : "a person in several schools"))"
            + " is the only link between \(Self.list(part.map { names[$0] })) and the other "
            + "schools; this gives them a second"))
    }
    if rounds == options.maxStrengthenRounds, state.keyConnector(skipping: unrelievable) != nil {
      notes.append(
        "Stopped after \(plural(rounds, "strengthening addition")); some key connectors remain.")
    }
    if !left.isEmpty {
      notes.append(
        "No addition relieves \(Self.list(left)): no one of the parts they hold can join "
          + "another trust-wide team within their cap and its fit (a second trust-wide team, or "
          + "a second person in several schools, would).")
    }
    self.additions = additions
    feasible = groups.count <= 1
    self.lowerBound = lowerBound
    self.before = before
    after = state.figures()
    let limit = options.listLimit ?? Int.max
    keyConnectorsLeft = Array(left.sorted { $0.precedesInBytes($1) }.prefix(limit))
    self.notes = notes
  }

  /// The trust with the additions applied: each as a row of the person's first school putting
  /// them on the trust-wide team.
  /// - Complexity: O(n + a) for n schools and a additions.
  public func applied(to trust: TrustRoster) -> TrustRoster {
    var extra: [String: [TrustRoster.OutsideMembership]] = [:]
    for addition in additions {
      extra[addition.school, default: []].append(
        TrustRoster.OutsideMembership(staff: addition.staff, teamSchool: nil, team: addition.team))
    }
    return TrustRoster(
      schools: trust.schools.map { school in
        guard let more = extra[school.name] else { return school }
        return TrustRoster.School(
          name: school.name, file: school.file, roster: school.roster,
          personIDs: school.personIDs, outsideMemberships: school.outsideMemberships + more)
      }, trustTeams: trust.trustTeams, warnings: trust.warnings)
  }

  /// Up to eight names, then "and N more".
  static func list(_ names: [String]) -> String {
    let shown = names.prefix(8)
    let text =
      shown.count <= 2
      ? shown.joined(separator: " and ")
      : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
    return names.count > shown.count
      ? shown.joined(separator: ", ")
        + " and \(grouped(names.count - shown.count)) more" : text
  }
}

extension TrustLinkPlan {
  /// The plan as JSON members: `scope`, `suggestions` (each `school`, `staff`, `personId`,
  /// `schools`, `team`, `kind`, `links`, `reason`), `total`, `lowerBound`, `feasible`,
  /// `before` and `after` (`components`, `isolated`, `keyConnectors`), `keyConnectorsLeft`,
  /// `notes`.
  func jsonValue(limit: Int?) -> JSONValue {
    func figures(_ value: Figures) -> JSONValue {
      .object([
        ("components", .int(value.components)), ("isolated", .int(value.isolated)),
        ("keyConnectors", .int(value.keyConnectors)),
      ])
    }
    return .object([
      ("scope", .string(Self.scope)),
      (
        "suggestions",
        .array(
          additions.prefix(max(0, limit ?? additions.count)).map {
            .object([
              ("school", .string($0.school)), ("staff", .string($0.staff)),
              ("personId", $0.personID.map { .string($0) } ?? .null),
              ("schools", .strings($0.schools)), ("team", .string($0.team)),
              ("kind", .string($0.kind.rawValue)), ("links", .strings($0.links)),
              ("reason", .string($0.reason)),
            ])
          })
      ),
      ("total", .int(additions.count)),
      ("lowerBound", .int(lowerBound)),
      ("feasible", .bool(feasible)),
      ("before", figures(before)),
      ("after", figures(after)),
      ("keyConnectorsLeft", .strings(keyConnectorsLeft)),
      ("notes", .strings(notes)),
    ])
  }

  /// The plan as text: what it may do, the numbered additions, the network before and after.
  /// - Parameters:
  ///   - color: whether to use ANSI colour.
  ///   - limit: show at most `limit` additions.
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func text(color: Bool = false, limit: Int? = nil) -> String {
    let style = TextStyle(enabled: color)
    var out = style.bold("Across schools: linking the network of schools") + "\n"
    out += Self.scope + "\n"
    let connect = additions.count { $0.kind == .connect }
    if before.components <= 1 && before.keyConnectors == 0 {
      out += "Every school is already linked, with no key connector: nothing to add.\n"
    } else {
      let strengthen = additions.count - connect
      out +=
        "\(plural(connect, "addition")) \(connect == 1 ? "links" : "link") the schools (no plan "
        + "can use fewer than \(lowerBound)); \(grouped(strengthen)) more "
        + "\(strengthen == 1 ? "relieves" : "relieve") key connectors (greedy, not proven "
        + "fewest).\n"
    }
    for (number, addition) in additions.prefix(max(0, limit ?? additions.count)).enumerated() {
      var who = "\(addition.name) (\(addition.school), \(addition.staff)"
      if addition.schools.count > 1 {
        who += "; works in \(Self.list(addition.schools))"
      }
      who += ")"
      out +=
        "\(number + 1). Add \(who) to the trust-wide team \(addition.team)"
        + (addition.links.isEmpty ? "" : ": links \(Self.list(addition.links)) to it")
        + ". Why: \(addition.reason).\n"
    }
    if let limit, additions.count > limit {
      out += "  and \(grouped(additions.count - limit)) more (--format json lists them all)\n"
    }
    out +=
      "Network: \(before.components) -> \(after.components) groups of schools, "
      + "\(before.isolated) -> \(after.isolated) isolated, \(before.keyConnectors) -> "
      + "\(after.keyConnectors) key connectors.\n"
    for note in notes { out += "Note: \(note)\n" }
    return out
  }
}

/// The trust's people and trust-wide teams as the linking plan changes them.
private struct LinkState {
  /// A key connector of the network.
  struct Key {
    var id: Int  // a person's index, or people.count + team
    var label: String
    var isTeam: Bool
  }

  let schoolCount: Int
  /// Per trust person: home schools (by person_id), schools worked in (homes and other schools'
  /// teams), first row, name, label, team count, cap, whether they lead, may be suggested, kind.
  var homes: [[Int32]] = []
  var worksIn: [[Int32]] = []
  var firstRow: [(school: Int, staff: Int)] = []
  var labels: [String] = []
  var personIDs: [String?] = []
  var teamCount: [Int] = []
  var cap: [Int] = []
  var leads: [Bool] = []
  var available: [Bool] = []
  var kinds: [FitTable.Kind] = []
  var senior: [Bool] = []
  /// People by their first school.
  var peopleOfSchool: [[Int]]
  let teamIDs: [String]
  let teamGateways: [Gateway?]
  var teamMembers: [Set<Int>]
  let fit: FitTable
  let develop: Bool
  let trust: TrustRoster
  /// Union-find over schools, refreshed by ``components()``.
  private var parent: [Int]

  init(_ trust: TrustRoster, options: SuggestionOptions, excludedBySchool: [String: Set<String>]) {
    self.trust = trust
    schoolCount = trust.schools.count
    fit = options.fit
    develop = options.develop
    peopleOfSchool = [[Int]](repeating: [], count: trust.schools.count)
    teamIDs = trust.trustTeams.map(\.id)
    teamGateways = trust.trustTeams.map(\.gateway)
    teamMembers = [Set<Int>](repeating: [], count: trust.trustTeams.count)
    parent = Array(0..<trust.schools.count)
    var personOfID: [String: Int] = [:]
    var personOfStaff: [[Int]] = []
    for (s, school) in trust.schools.enumerated() {
      let excluded = options.excluded.union(excludedBySchool[school.name] ?? [])
      var teamsOf = [Int](repeating: 0, count: school.roster.staff.count)
      var leader = [Bool](repeating: false, count: school.roster.staff.count)
      for (t, positions) in school.roster.memberPositions.enumerated() {
        for p in positions { teamsOf[Int(p)] += 1 }
        for id in school.roster.teams[t].leaders {
          if let p = sortedPosition(of: id, in: school.roster.staff, by: \.id) { leader[p] = true }
        }
      }
      var row = [Int](repeating: 0, count: school.roster.staff.count)
      for (i, member) in school.roster.staff.enumerated() {
        let ok = member.suggestable && !excluded.contains(member.id)
        if let id = school.personIDs[member.id], let known = personOfID[id] {
          if homes[known].last != Int32(s) { homes[known].append(Int32(s)) }
          teamCount[known] += teamsOf[i]
          leads[known] = leads[known] || leader[i]
          available[known] = available[known] && ok
          row[i] = known
          continue
        }
        let person = labels.count
        if let id = school.personIDs[member.id] { personOfID[id] = person }
        row[i] = person
        homes.append([Int32(s)])
        firstRow.append((s, i))
        labels.append(school.personIDs[member.id] ?? "\(school.name)/\(member.id)")
        personIDs.append(school.personIDs[member.id])
        teamCount.append(teamsOf[i])
        cap.append(member.maxTeams ?? options.defaultMaxTeams)
        leads.append(leader[i])
        available.append(ok)
        kinds.append(FitTable.kind(of: member))
        senior.append(member.staffType == .senior)
        peopleOfSchool[s].append(person)
      }
      personOfStaff.append(row)
    }
    worksIn = homes
    let schoolIndex = Dictionary(
      trust.schools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    let teamIndex = Dictionary(
      teamIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for (s, school) in trust.schools.enumerated() {
      for membership in school.outsideMemberships {
        guard let i = sortedPosition(of: membership.staff, in: school.roster.staff, by: \.id)
        else { continue }
        let person = personOfStaff[s][i]
        teamCount[person] += 1
        if membership.isLeader { leads[person] = true }
        if let name = membership.teamSchool, let t = schoolIndex[name] {
          if !worksIn[person].contains(Int32(t)) { worksIn[person].append(Int32(t)) }
        } else if membership.teamSchool == nil, let team = teamIndex[membership.team] {
          teamMembers[team].insert(person)
        }
      }
    }
    for person in worksIn.indices { worksIn[person].sort() }
    _ = components()
  }

  /// The schools (sorted) of a trust-wide team: its members' homes.
  func teamSchools(_ team: Int) -> [Int32] {
    Array(Set(teamMembers[team].flatMap { homes[$0] })).sorted()
  }

  /// The union-find root of a school.
  mutating func root(of school: Int) -> Int {
    var node = school
    while parent[node] != node {
      parent[node] = parent[parent[node]]
      node = parent[node]
    }
    return node
  }

  private mutating func union(_ a: Int, _ b: Int) {
    let (x, y) = (root(of: a), root(of: b))
    if x != y { parent[max(x, y)] = min(x, y) }
  }

  /// The root of a trust-wide team's group of schools, or -1 for an empty team.
  mutating func teamRoot(_ team: Int) -> Int {
    guard let member = teamMembers[team].min(), let home = homes[member].first else { return -1 }
    return root(of: Int(home))
  }

  /// The groups of linked schools, the most schools first (ties by first school), each sorted.
  mutating func components(excluding key: Int? = nil) -> [[Int]] {
    parent = Array(0..<schoolCount)
    for person in worksIn.indices where person != key && worksIn[person].count >= 2 {
      for school in worksIn[person].dropFirst() {
        union(Int(worksIn[person][0]), Int(school))
      }
    }
    for team in teamMembers.indices where labels.count + team != key {
      let schools = teamSchools(team)
      for school in schools.dropFirst() { union(Int(schools[0]), Int(school)) }
    }
    var byRoot: [Int: [Int]] = [:]
    for school in 0..<schoolCount { byRoot[root(of: school), default: []].append(school) }
    return byRoot.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
  }

  /// The network's connectors and the bipartite graph of connectors and schools.
  func connectorGraph() -> (ids: [Int], graph: BipartiteGraph) {
    var ids: [Int] = []
    var edges: [(PersonIndex, GroupIndex)] = []
    for person in worksIn.indices where worksIn[person].count >= 2 {
      for school in worksIn[person] {
        edges.append((PersonIndex(ids.count), GroupIndex(Int(school))))
      }
      ids.append(person)
    }
    for team in teamMembers.indices where !teamMembers[team].isEmpty {
      for school in teamSchools(team) {
        edges.append((PersonIndex(ids.count), GroupIndex(Int(school))))
      }
      ids.append(labels.count + team)
    }
    return (
      ids, BipartiteGraph(personCount: ids.count, groupCount: schoolCount, memberships: edges)
    )
  }

  func key(_ id: Int) -> Key {
    id < labels.count
      ? Key(id: id, label: labels[id], isTeam: false)
      : Key(id: id, label: teamIDs[id - labels.count], isTeam: true)
  }

  /// Every key connector, people first, then by label.
  func allKeyConnectors() -> [Key] {
    let (ids, graph) = connectorGraph()
    var keys: [Key] = []
    for node in graph.cutStructure().articulationPoints {
      if case .person(let connector) = node { keys.append(key(ids[connector.position])) }
    }
    return keys.sorted { a, b in
      a.isTeam != b.isTeam ? !a.isTeam : a.label.precedesInBytes(b.label)
    }
  }

  /// The first key connector not skipped, with the roots of the parts it holds together (the
  /// union-find left without it).
  mutating func keyConnector(skipping skipped: Set<Int>) -> (Key, [Int: [Int]])? {
    guard let key = allKeyConnectors().first(where: { !skipped.contains($0.id) }) else {
      return nil
    }
    _ = components(excluding: key.id)
    let schools: [Int32] =
      key.isTeam ? teamSchools(key.id - labels.count) : worksIn[key.id]
    var parts: [Int: [Int]] = [:]
    let roots = Set(schools.map { root(of: Int($0)) })
    for school in 0..<schoolCount {
      let r = root(of: school)
      if roots.contains(r) { parts[r, default: []].append(school) }
    }
    return (key, parts)
  }

  /// An addition that links the smallest part a key connector holds to another part without
  /// it: a person of one part joins a trust-wide team (not the key) of another. The union-find
  /// is the one ``keyConnector(skipping:)`` left.
  mutating func relief(for key: Key, parts: [Int: [Int]]) -> (Int, Int, [Int])? {
    let ordered = parts.values.sorted {
      $0.count != $1.count ? $0.count < $1.count : $0[0] < $1[0]
    }
    guard let small = ordered.first else { return nil }
    let smallRoot = root(of: small[0])
    let others = ordered.dropFirst().flatMap { $0 }
    for team in teamMembers.indices where labels.count + team != key.id {
      let r = teamRoot(team)
      guard r >= 0, parts[r] != nil else { continue }
      if r != smallRoot {
        if let person = bestPerson(in: small, for: team, avoiding: key.id) {
          return (person, team, small)
        }
      } else if let person = bestPerson(in: others, for: team, avoiding: key.id) {
        return (person, team, small)
      }
    }
    return nil
  }

  /// The best person homed in the schools who can join a trust-wide team: not on it, within
  /// their cap, fitting its gateway, not excluded. Preferred: people in most schools, then
  /// (with develop) not senior leaders, then people who lead no team, then fewest teams, then
  /// school and staff id order.
  func bestPerson(in schools: [Int], for team: Int, avoiding avoided: Int = -1) -> Int? {
    var best: Int?
    func better(_ a: Int, _ b: Int) -> Bool {
      if worksIn[a].count != worksIn[b].count { return worksIn[a].count > worksIn[b].count }
      if develop && senior[a] != senior[b] { return !senior[a] }
      if leads[a] != leads[b] { return !leads[a] }
      if teamCount[a] != teamCount[b] { return teamCount[a] < teamCount[b] }
      return a < b
    }
    for school in schools {
      for person in peopleOfSchool[school] {
        guard person != avoided, available[person], teamCount[person] < cap[person],
          !teamMembers[team].contains(person), fit.fits(kinds[person], teamGateways[team])
        else { continue }
        if best.map({ better(person, $0) }) ?? true { best = person }
      }
    }
    return best
  }

  /// Makes an addition and describes it.
  mutating func add(
    _ person: Int, to team: Int, kind: TrustLinkPlan.Addition.Kind, names: [String],
    why: String
  ) -> TrustLinkPlan.Addition {
    let teamsBefore = Set(teamSchools(team))
    let onTeams = teamCount[person]
    // The person's schools join the team's group (the union-find kept up to date).
    if let anchor = teamsBefore.min() {
      for home in homes[person] { union(Int(anchor), Int(home)) }
    }
    teamMembers[team].insert(person)
    teamCount[person] += 1
    let links = homes[person].filter { !teamsBefore.contains($0) }.map { names[Int($0)] }
    let (s, i) = firstRow[person]
    let member = trust.schools[s].roster.staff[i]
    var reason = why + "; "
    if worksIn[person].count > 1 {
      reason += "works in \(plural(worksIn[person].count, "school")) already, so one place "
      reason += "brings them all; "
    }
    reason += leads[person] ? "leads a team" : "leads no team"
    reason += " and is on \(plural(onTeams, "team")) (cap \(cap[person]))"
    return TrustLinkPlan.Addition(
      school: names[s], staff: member.id, name: member.name, personID: personIDs[person],
      schools: worksIn[person].map { names[Int($0)] }, team: teamIDs[team], kind: kind,
      links: links, reason: reason)
  }

  /// The network's figures now.
  mutating func figures() -> TrustLinkPlan.Figures {
    let groups = components()
    return TrustLinkPlan.Figures(
      components: groups.count, isolated: groups.count { $0.count == 1 },
      keyConnectors: allKeyConnectors().count)
  }
}

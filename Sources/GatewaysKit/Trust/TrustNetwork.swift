import MembershipGraph

/// What joins the schools of a trust: the people who work in several schools, the trust-wide
/// teams, the schools linked to no other, the connectors that hold the network together, the
/// teams that reach across schools, and the deeps and coupling over the whole trust.
///
/// The network is a bipartite graph of schools and *connectors*. A connector is a person in
/// two or more schools (rows of several schools with one `person_id`, or a row of one school
/// putting the person on another school's team) joined to each of those schools, or a
/// trust-wide team joined to the schools of its members. Two schools are linked when a
/// connector joins both.
///
/// ```swift
/// let network = TrustNetwork(trust, listLimit: 20)
/// print(network.isolated)                 // ["Elm Primary"]
/// print(network.keyConnectors.map(\.id))  // ["T1234567"]
/// ```
public struct TrustNetwork: Sendable {
  /// A person in several schools, or a trust-wide team.
  public struct Connector: Sendable, Hashable {
    /// Whether it is a person or a trust-wide team.
    public enum Kind: String, Sendable, Hashable {
      case person
      case trustTeam
    }
    /// What it is.
    public let kind: Kind
    /// The person's `person_id`, or `school/staff_id` when they have none; the team's id.
    public let id: String
    /// The schools it joins, by name in byte order.
    public let schools: [String]
  }

  /// A connector whose departure would split a group of linked schools (an articulation point
  /// of the network; Hopcroft and Tarjan 1973).
  public struct KeyConnector: Sendable, Hashable {
    /// What it is.
    public let kind: Connector.Kind
    /// Its id, as in ``Connector/id``.
    public let id: String
    /// How many schools it joins.
    public let schoolCount: Int
    /// The parts its departure would leave apart: the number of schools in each, fewest first.
    public let parts: [Int]
  }

  /// A team with members whose schools are two or more (its own school counted).
  public struct CrossSchoolTeam: Sendable, Hashable {
    /// The team's school, or `nil` for a trust-wide team.
    public let school: String?
    /// The team's id.
    public let team: String
    /// The number of distinct schools of its members (and its own school).
    public let reach: Int
  }

  /// The number of schools.
  public let schoolCount: Int
  /// Distinct people in the trust (rows of several schools with one `person_id` are one).
  public let peopleCount: Int
  /// Teams: every school's and the trust-wide ones.
  public let teamCount: Int
  /// Memberships: every school's own, and those of other schools' teams and trust-wide teams.
  public let membershipCount: Int
  /// People in two or more schools.
  public let peopleInSeveralSchools: Int
  /// Memberships of another school's team.
  public let otherSchoolMemberships: Int
  /// Memberships of trust-wide teams.
  public let trustTeamMemberships: Int
  /// The trust-wide teams.
  public let trustTeamCount: Int
  /// Every connector counted; ``connectors`` lists at most the list limit.
  public let connectorCount: Int
  /// The connectors that join the most schools, most first (ties: people before teams, then
  /// by id in byte order), at most the list limit.
  public let connectors: [Connector]
  /// Every connector, in the order of ``connectors`` (for the report's drawing).
  let allConnectors: [Connector]
  /// The groups of two or more linked schools, most schools first (ties by first name), each
  /// by name in byte order.
  public let groups: [[String]]
  /// The schools linked to no other, by name.
  public let isolated: [String]
  /// The connectors that hold the network together, by kind (people first) and id.
  public let keyConnectors: [KeyConnector]
  /// Every team that reaches two or more schools counted; ``crossSchoolTeams`` lists the
  /// list limit of them with the widest reach (ties by school, then team id).
  public let crossSchoolTeamCount: Int
  /// The teams with the widest reach, at most the list limit.
  public let crossSchoolTeams: [CrossSchoolTeam]
  /// The four deeps over the whole trust: every school's teams and the trust-wide ones, with
  /// every membership.
  public let deeps: DeepFindings
  /// Coupling over the whole trust.
  public let coupling: CouplingFindings
}

extension TrustNetwork {
  /// Computes the network of a trust.
  ///
  /// ```swift
  /// let network = TrustNetwork(trust, listLimit: 10)
  /// ```
  ///
  /// The whole trust's graph (its people, every school's teams and the trust-wide ones) is
  /// built from the schools' rosters with integer ids, the schools split over the cores: no
  /// whole-trust roster of ids is made.
  ///
  /// - Parameters:
  ///   - trust: the trust's schools and trust-wide teams.
  ///   - listLimit: the most connectors and cross-school teams listed (`nil`: all).
  ///   - target: the coupling aimed for.
  /// - Complexity: O(S + T + M) for S staff, T teams and M memberships over the trust (a
  ///   hash of each `person_id`, a binary search per outside membership), plus sorting the
  ///   connectors and the cross-school teams, and the whole trust's deeps and coupling (as
  ///   ``Analyser`` computes them).
  public init(
    _ trust: TrustRoster, listLimit: Int? = SchoolAnalysis.defaultListLimit,
    target: CouplingTarget = .learningCommunity
  ) {
    let schools = trust.schools
    let schoolIndex = Dictionary(
      schools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    let pieces = min(schools.count, Parallel.width * 8)

    // Each member of staff's person_id and its hash, looked up and hashed on the cores (empty
    // for a school with none), so the one pass that numbers the people only probes a table.
    let personIDsOfStaff: [(ids: [String?], hashes: [UInt64])] = Parallel.map(pieces) { piece in
      Self.piece(piece, of: pieces, count: schools.count).map { s in
        let school = schools[s]
        if school.personIDs.isEmpty { return ([], []) }
        let ids = school.roster.staff.map { school.personIDs[$0.id] }
        return (ids, ids.map { $0.map(Self.hash) ?? 0 })
      }
    }.flatMap { $0 }

    // Trust people: one per person_id, else one per (school, staff), numbered in school order;
    // each person's schools (homes), ascending, as offsets into one array.
    var personID: [String?] = []
    var firstSchool: [Int32] = []
    var firstStaff: [Int32] = []
    var lastHome: [Int32] = []
    var extraHomes: [(person: Int32, school: Int32)] = []
    var personOfStaff: [[Int32]] = []
    personOfStaff.reserveCapacity(schools.count)
    let staffTotal = schools.reduce(0) { $0 + $1.roster.staff.count }
    personID.reserveCapacity(staffTotal)
    firstSchool.reserveCapacity(staffTotal)
    firstStaff.reserveCapacity(staffTotal)
    lastHome.reserveCapacity(staffTotal)
    // The people with a person_id, in the order first met: slot k is the kth of them.
    var idTable = OpenAddressingTable(expectedCount: staffTotal)
    var personOfSlot: [Int32] = []
    personOfSlot.reserveCapacity(staffTotal)
    for (s, school) in schools.enumerated() {
      let (ids, hashes) = personIDsOfStaff[s]
      let home = Int32(truncatingIfNeeded: s)
      var row = [Int32](repeating: 0, count: school.roster.staff.count)
      for i in row.indices {
        if !ids.isEmpty, let id = ids[i] {
          if let slot = idTable.slot(
            hash: hashes[i], where: { personID[Int(personOfSlot[$0])] == id })
          {
            let known = personOfSlot[slot]
            row[i] = known
            if lastHome[Int(known)] != home {
              lastHome[Int(known)] = home
              extraHomes.append((known, home))
            }
            continue
          }
          idTable.insert(hash: hashes[i])
          personOfSlot.append(Int32(truncatingIfNeeded: personID.count))
        }
        row[i] = Int32(truncatingIfNeeded: personID.count)
        personID.append(ids.isEmpty ? nil : ids[i])
        firstSchool.append(home)
        firstStaff.append(Int32(truncatingIfNeeded: i))
        lastHome.append(home)
      }
      personOfStaff.append(row)
    }
    let personCount = personID.count
    var homeOffsets = [Int32](repeating: 1, count: personCount + 1)
    homeOffsets[0] = 0
    for (person, _) in extraHomes { homeOffsets[Int(person) + 1] += 1 }
    for p in 0..<personCount { homeOffsets[p + 1] += homeOffsets[p] }
    var homeSchools = [Int32](repeating: 0, count: Int(homeOffsets[personCount]))
    var homeCursor = Array(homeOffsets.dropLast())
    for p in 0..<personCount {
      homeSchools[Int(homeCursor[p])] = firstSchool[p]
      homeCursor[p] += 1
    }
    for (person, school) in extraHomes {
      homeSchools[Int(homeCursor[Int(person)])] = school
      homeCursor[Int(person)] += 1
    }
    homeCursor = []
    let homes = Homes(offsets: homeOffsets, schools: homeSchools)
    func label(_ person: Int) -> String {
      personID[person]
        ?? "\(schools[Int(firstSchool[person])].name)/"
        + schools[Int(firstSchool[person])].roster.staff[Int(firstStaff[person])].id
    }

    // Every team of the trust as one group: the schools' teams in school order, then the
    // trust-wide ones.
    var teamBase = [Int](repeating: 0, count: schools.count + 1)
    for (s, school) in schools.enumerated() {
      teamBase[s + 1] = teamBase[s] + school.roster.teams.count
    }
    let schoolTeamCount = teamBase[schools.count]
    let groupCount = schoolTeamCount + trust.trustTeams.count

    // Outside memberships: the schools each person reaches beyond their homes, the members of
    // other schools' teams (by group) and of the trust-wide teams.
    let trustTeamIndex = Dictionary(
      trust.trustTeams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var reaches: [(person: Int32, school: Int32)] = []
    var trustMembers = [[Int32]](repeating: [], count: trust.trustTeams.count)
    var outsideMembers: [Int: [Int32]] = [:]  // group -> people
    var otherSchool = 0
    var trustMemberships = 0
    for (s, school) in schools.enumerated() where !school.outsideMemberships.isEmpty {
      let staff = school.roster.staff
      for membership in school.outsideMemberships {
        guard let i = Self.position(of: membership.staff, in: staff, id: \.id) else { continue }
        let person = personOfStaff[s][i]
        if let name = membership.teamSchool, let t = schoolIndex[name] {
          otherSchool += 1
          reaches.append((person, Int32(truncatingIfNeeded: t)))
          if let team = Self.position(of: membership.team, in: schools[t].roster.teams, id: \.id) {
            outsideMembers[teamBase[t] + team, default: []].append(person)
          }
        } else if let team = trustTeamIndex[membership.team] {
          trustMemberships += 1
          trustMembers[team].append(person)
        }
      }
    }
    for team in trustMembers.indices { trustMembers[team] = Self.distinct(trustMembers[team]) }
    reaches.sort { $0.person != $1.person ? $0.person < $1.person : $0.school < $1.school }

    // Connectors: people in two or more schools (their homes and the schools they reach), then
    // trust-wide teams with members.
    var connectorKinds: [Connector.Kind] = []
    var connectorPeople: [Int] = []  // the person of each person connector
    var connectorSchools: [[Int32]] = []
    var severalSchools = 0
    var next = 0  // the next of `reaches`
    for person in 0..<personCount {
      let own = homes[person]
      var reached: [Int32]?
      while next < reaches.count && Int(reaches[next].person) == person {
        if reached == nil { reached = Array(own) }
        reached?.append(reaches[next].school)
        next += 1
      }
      let works = reached.map { Self.distinct($0) } ?? Array(own)
      guard works.count >= 2 else { continue }
      severalSchools += 1
      connectorKinds.append(.person)
      connectorPeople.append(person)
      connectorSchools.append(works)
    }
    var connectorIDs = connectorPeople.map(label)
    for (team, members) in trustMembers.enumerated() where !members.isEmpty {
      connectorKinds.append(.trustTeam)
      connectorIDs.append(trust.trustTeams[team].id)
      connectorSchools.append(Self.distinct(members.flatMap { homes[Int($0)] }))
    }
    var edges: [(PersonIndex, GroupIndex)] = []
    for (connector, joined) in connectorSchools.enumerated() {
      for school in joined { edges.append((PersonIndex(connector), GroupIndex(Int(school)))) }
    }
    let graph = BipartiteGraph(
      personCount: connectorIDs.count, groupCount: schools.count, memberships: edges)

    // Groups of linked schools and isolated schools.
    let connected = graph.connectedComponents()
    var schoolsOf = [[Int]](repeating: [], count: connected.count)
    for group in graph.groups { schoolsOf[connected.component(of: group)].append(group.position) }
    var groups = schoolsOf.filter { $0.count >= 2 }
    groups.sort { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    let isolated = schoolsOf.filter { $0.count == 1 }.map { $0[0] }.sorted()

    // Key connectors: the connectors that are articulation points.
    let cuts = graph.cutStructure()
    let separations = cuts.separationIndex()
    var keys: [KeyConnector] = []
    for node in cuts.articulationPoints {
      guard case .person(let connector) = node else { continue }
      let parts = separations.parts(separatedBy: connector).map { $0.groupCount }.sorted()
      keys.append(
        KeyConnector(
          kind: connectorKinds[connector.position], id: connectorIDs[connector.position],
          schoolCount: connectorSchools[connector.position].count, parts: parts))
    }
    keys.sort { a, b in
      a.kind != b.kind ? a.kind == .person : a.id.precedesInBytes(b.id)
    }

    // Connectors joining the most schools first.
    let order = connectorIDs.indices.sorted { a, b in
      let (countA, countB) = (connectorSchools[a].count, connectorSchools[b].count)
      if countA != countB { return countA > countB }
      if connectorKinds[a] != connectorKinds[b] { return connectorKinds[a] == .person }
      return connectorIDs[a].precedesInBytes(connectorIDs[b])
    }
    let limit = listLimit ?? Int.max
    let names = schools.map(\.name)
    let all = order.map { index in
      Connector(
        kind: connectorKinds[index], id: connectorIDs[index],
        schools: connectorSchools[index].map { names[Int($0)] })
    }

    // Teams that reach across schools: their own school's members' homes and the outside
    // members' homes; and the whole trust's memberships as edges of its graph. Both by pieces
    // of consecutive schools, on the cores.
    let outside = outsideMembers
    let (bases, staffPeople) = (teamBase, personOfStaff)
    let pieceResults = Parallel.map(pieces) { piece in
      var cross: [CrossTeam] = []
      var edgePeople: [Int32] = []
      var edgeGroups: [Int32] = []
      var reachMark = [Int32](repeating: -1, count: schools.count)
      var mark: Int32 = 0
      for s in Self.piece(piece, of: pieces, count: schools.count) {
        let roster = schools[s].roster
        let people = staffPeople[s]
        for t in roster.teams.indices {
          let group = bases[s] + t
          let groupValue = Int32(truncatingIfNeeded: group)
          mark += 1
          var reach = 0
          func count(_ school: Int32) {
            if reachMark[Int(school)] != mark {
              reachMark[Int(school)] = mark
              reach += 1
            }
          }
          count(Int32(truncatingIfNeeded: s))
          for position in roster.memberPositions[t] {
            let person = people[Int(position)]
            for home in homes[Int(person)] { count(home) }
            edgePeople.append(person)
            edgeGroups.append(groupValue)
          }
          for person in outside[group] ?? [] {
            for home in homes[Int(person)] { count(home) }
            edgePeople.append(person)
            edgeGroups.append(groupValue)
          }
          if reach >= 2 {
            cross.append(
              CrossTeam(
                reach: Int32(truncatingIfNeeded: reach), school: Int32(truncatingIfNeeded: s),
                team: Int32(truncatingIfNeeded: t)))
          }
        }
      }
      return (cross, edgePeople, edgeGroups)
    }
    var crossTeams = pieceResults.flatMap { $0.0 }
    for (team, members) in trustMembers.enumerated() {
      let reach = Self.distinct(members.flatMap { homes[Int($0)] }).count
      if reach >= 2 {
        crossTeams.append(
          CrossTeam(
            reach: Int32(truncatingIfNeeded: reach), school: -1,
            team: Int32(truncatingIfNeeded: team)))
      }
    }
    // Schools are sorted by name and teams by id, in byte order: positions sort as names do,
    // and a trust-wide team (school -1) comes before every school's.
    crossTeams.sort { a, b in
      if a.reach != b.reach { return a.reach > b.reach }
      if a.school != b.school { return a.school < b.school }
      return a.team < b.team
    }

    // The whole trust's graph, for its deeps and coupling.
    var edgePeople: [Int32] = []
    var edgeGroups: [Int32] = []
    let edgeCount =
      pieceResults.reduce(0) { $0 + $1.1.count } + trustMembers.reduce(0) { $0 + $1.count }
    edgePeople.reserveCapacity(edgeCount)
    edgeGroups.reserveCapacity(edgeCount)
    for (_, people, teams) in pieceResults {
      edgePeople += people
      edgeGroups += teams
    }
    for (team, members) in trustMembers.enumerated() {
      edgePeople += members
      edgeGroups += repeatElement(
        Int32(truncatingIfNeeded: schoolTeamCount + team), count: members.count)
    }
    let whole = BipartiteGraph(
      personCount: personCount, groupCount: groupCount, edgePeople: edgePeople,
      edgeGroups: edgeGroups)
    edgePeople = []
    edgeGroups = []
    let gateways =
      schools.flatMap { $0.roster.teams.map(\.gateway) } + trust.trustTeams.map(\.gateway)
    let mapping = schools.first?.roster.deeps ?? .hargreaves
    var analyser = Analyser()
    analyser.target = target
    let (firstSchools, firstStaffs, couplingAnalyser) = (firstSchool, firstStaff, analyser)
    let (deeps, coupling) = Parallel.both(
      { DeepAnalysis(graph: whole, gateways: gateways, mapping: mapping).findings },
      {
        // Each person's details are their first school's.
        func firstMember(_ person: Int) -> StaffMember {
          schools[Int(firstSchools[person])].roster.staff[Int(firstStaffs[person])]
        }
        return couplingAnalyser.coupling(
          graph: whole, teamCount: groupCount,
          mainGroupTeams: Self.largestComponentTeams(whole),
          isTeaching: { firstMember($0).staffType.isTeaching },
          yearGroup: { firstMember($0).yearGroup }, department: { firstMember($0).department })
      })

    schoolCount = schools.count
    peopleCount = personCount
    teamCount = groupCount
    membershipCount = whole.membershipCount
    peopleInSeveralSchools = severalSchools
    otherSchoolMemberships = otherSchool
    trustTeamMemberships = trustMemberships
    trustTeamCount = trust.trustTeams.count
    connectorCount = connectorIDs.count
    connectors = Array(all.prefix(limit))
    allConnectors = all
    self.groups = groups.map { $0.map { names[$0] } }
    self.isolated = isolated.map { names[$0] }
    keyConnectors = keys
    crossSchoolTeamCount = crossTeams.count
    crossSchoolTeams = crossTeams.prefix(limit).map { team in
      team.school < 0
        ? CrossSchoolTeam(
          school: nil, team: trust.trustTeams[Int(team.team)].id, reach: Int(team.reach))
        : CrossSchoolTeam(
          school: names[Int(team.school)],
          team: schools[Int(team.school)].roster.teams[Int(team.team)].id, reach: Int(team.reach))
    }
    self.deeps = deeps
    self.coupling = coupling
  }

  /// A team reaching two or more schools, by position: its school (-1 for a trust-wide team)
  /// and its position among that school's (or the trust-wide) teams.
  private struct CrossTeam {
    let reach: Int32
    let school: Int32
    let team: Int32
  }

  /// Each trust person's schools, ascending, laid end to end.
  private struct Homes: Sendable {
    let offsets: [Int32]
    let schools: [Int32]

    subscript(person: Int) -> ArraySlice<Int32> {
      schools[Int(offsets[person])..<Int(offsets[person + 1])]
    }
  }

  /// The schools of the piece `piece` of `pieces` runs of consecutive schools.
  private static func piece(_ piece: Int, of pieces: Int, count: Int) -> Range<Int> {
    (count * piece / pieces)..<(count * (piece + 1) / pieces)
  }

  /// The position of `id` in a list sorted by id in byte order, by binary search.
  private static func position<Element>(
    of id: String, in sorted: [Element], id key: (Element) -> String
  ) -> Int? {
    let index = sorted.partitioningIndex { !key($0).precedesInBytes(id) }
    return index < sorted.count && key(sorted[index]) == id ? index : nil
  }

  /// The teams in the connected group with the most teams (the main group), or 0 with none.
  private static func largestComponentTeams(_ graph: BipartiteGraph) -> Int {
    let connected = graph.connectedComponents()
    var teams = [Int](repeating: 0, count: connected.count)
    for group in graph.groups { teams[connected.component(of: group)] += 1 }
    return teams.max() ?? 0
  }

  /// A hash of an id's UTF-8 bytes, the same in every run.
  private static func hash(_ id: String) -> UInt64 {
    var id = id
    return id.withUTF8 { ByteStringTable.hash(0..<$0.count, in: $0) }
  }

  /// The sorted distinct values.
  private static func distinct<C: Collection<Int32>>(_ values: C) -> [Int32] {
    guard values.count > 1 else { return Array(values) }
    var sorted = values.sorted()
    var write = 1
    for read in 1..<sorted.count where sorted[read] != sorted[write - 1] {
      sorted[write] = sorted[read]
      write += 1
    }
    sorted.removeSubrange(write...)
    return sorted
  }
}

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
  /// - Parameters:
  ///   - trust: the trust's schools and trust-wide teams.
  ///   - listLimit: the most connectors and cross-school teams listed (`nil`: all).
  ///   - target: the coupling aimed for.
  /// - Complexity: O(S + T + M) for S staff, T teams and M memberships over the trust, plus
  ///   sorting the lists and the whole trust's deeps and coupling (as ``Analyser`` computes them).
  public init(
    _ trust: TrustRoster, listLimit: Int? = SchoolAnalysis.defaultListLimit,
    target: CouplingTarget = .learningCommunity
  ) {
    let schools = trust.schools
    let schoolIndex = Dictionary(
      schools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    // Trust people: one per person_id, else one per (school, staff).
    var personOfID: [String: Int] = [:]
    var labels: [String] = []
    var homes: [[Int32]] = []
    var firstMember: [(school: Int, staff: Int)] = []
    var personOfStaff: [[Int32]] = []
    for (s, school) in schools.enumerated() {
      var row = [Int32](repeating: 0, count: school.roster.staff.count)
      for (i, member) in school.roster.staff.enumerated() {
        let person: Int
        if let id = school.personIDs[member.id] {
          if let known = personOfID[id] {
            person = known
            if homes[known].last != Int32(s) { homes[known].append(Int32(s)) }
          } else {
            person = labels.count
            personOfID[id] = person
            labels.append(id)
            homes.append([Int32(s)])
            firstMember.append((s, i))
          }
        } else {
          person = labels.count
          labels.append("\(school.name)/\(member.id)")
          homes.append([Int32(s)])
          firstMember.append((s, i))
        }
        row[i] = Int32(person)
      }
      personOfStaff.append(row)
    }
    let trustTeamIndex = Dictionary(
      trust.trustTeams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    // Outside memberships as (person, team school or -1, team id).
    var worksIn = homes
    var trustMembers = [[Int32]](repeating: [], count: trust.trustTeams.count)
    var outsideMembers: [Int: [String: [Int32]]] = [:]  // school -> team -> people
    var otherSchool = 0
    var trustMemberships = 0
    for (s, school) in schools.enumerated() {
      let staffIndex = Dictionary(
        school.roster.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
      for membership in school.outsideMemberships {
        guard let i = staffIndex[membership.staff] else { continue }
        let person = personOfStaff[s][i]
        if let name = membership.teamSchool, let t = schoolIndex[name] {
          otherSchool += 1
          worksIn[Int(person)].append(Int32(t))
          outsideMembers[t, default: [:]][membership.team, default: []].append(person)
        } else if let team = trustTeamIndex[membership.team] {
          trustMemberships += 1
          trustMembers[team].append(person)
        }
      }
    }
    for person in worksIn.indices { worksIn[person] = Self.distinct(worksIn[person]) }
    for team in trustMembers.indices { trustMembers[team] = Self.distinct(trustMembers[team]) }

    // Connectors: people in two or more schools, then trust-wide teams with members.
    var connectorKinds: [Connector.Kind] = []
    var connectorIDs: [String] = []
    var connectorSchools: [[Int32]] = []
    var severalSchools = 0
    for person in worksIn.indices where worksIn[person].count >= 2 {
      severalSchools += 1
      connectorKinds.append(.person)
      connectorIDs.append(labels[person])
      connectorSchools.append(worksIn[person])
    }
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
    // members' homes.
    var crossTeams: [CrossSchoolTeam] = []
    var reachMark = [Int32](repeating: -1, count: schools.count)
    var mark: Int32 = 0
    for (s, school) in schools.enumerated() {
      let outside = outsideMembers[s] ?? [:]
      for (t, team) in school.roster.teams.enumerated() {
        mark += 1
        var reach = 0
        func count(_ school: Int32) {
          if reachMark[Int(school)] != mark {
            reachMark[Int(school)] = mark
            reach += 1
          }
        }
        count(Int32(s))
        for position in school.roster.memberPositions[t] {
          for home in homes[Int(personOfStaff[s][Int(position)])] { count(home) }
        }
        for person in outside[team.id] ?? [] {
          for home in homes[Int(person)] { count(home) }
        }
        if reach >= 2 {
          crossTeams.append(CrossSchoolTeam(school: school.name, team: team.id, reach: reach))
        }
      }
    }
    for (team, members) in trustMembers.enumerated() {
      let reach = Self.distinct(members.flatMap { homes[Int($0)] }).count
      if reach >= 2 {
        crossTeams.append(
          CrossSchoolTeam(school: nil, team: trust.trustTeams[team].id, reach: reach))
      }
    }
    crossTeams.sort { a, b in
      if a.reach != b.reach { return a.reach > b.reach }
      if a.school != b.school {
        guard let first = a.school else { return true }
        guard let second = b.school else { return false }
        return first.precedesInBytes(second)
      }
      return a.team.precedesInBytes(b.team)
    }

    // The whole trust as one roster, for its deeps and coupling.
    let whole = Self.wholeRoster(
      trust, labels: labels, firstMember: firstMember, personOfStaff: personOfStaff,
      outsideMembers: outsideMembers, trustMembers: trustMembers)
    let network = RosterGraph(whole)
    let (deeps, structure) = Parallel.both(
      { DeepAnalysis(network: network).findings }, { TeamStructure(network: network) })
    var analyser = Analyser()
    analyser.target = target

    schoolCount = schools.count
    peopleCount = labels.count
    teamCount = whole.teams.count
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
    crossSchoolTeams = Array(crossTeams.prefix(limit))
    self.deeps = deeps
    coupling = analyser.coupling(network, mainGroupTeams: structure.components.first?.count ?? 0)
  }

  /// The sorted distinct values.
  private static func distinct(_ values: [Int32]) -> [Int32] {
    guard values.count > 1 else { return values }
    var sorted = values.sorted()
    var write = 1
    for read in 1..<sorted.count where sorted[read] != sorted[write - 1] {
      sorted[write] = sorted[read]
      write += 1
    }
    sorted.removeSubrange(write...)
    return sorted
  }

  /// Every school's teams (as `school/team`) and the trust-wide ones (`trust/team`), with every
  /// membership, each person once (by ``Connector/id``), their details from their first school.
  private static func wholeRoster(
    _ trust: TrustRoster, labels: [String], firstMember: [(school: Int, staff: Int)],
    personOfStaff: [[Int32]], outsideMembers: [Int: [String: [Int32]]], trustMembers: [[Int32]]
  ) -> Roster {
    var used = Set<String>()
    func unique(_ id: String) -> String {
      var candidate = id
      var suffix = 2
      while !used.insert(candidate).inserted {
        candidate = "\(id)#\(suffix)"
        suffix += 1
      }
      return candidate
    }
    let ids = labels.map(unique)
    let staff = firstMember.enumerated().map { person, first in
      var member = trust.schools[first.school].roster.staff[first.staff]
      member.id = ids[person]
      return member
    }
    var teams: [Team] = []
    used = []
    for (s, school) in trust.schools.enumerated() {
      let outside = outsideMembers[s] ?? [:]
      let positions = Dictionary(
        school.roster.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
      for (t, team) in school.roster.teams.enumerated() {
        let members =
          school.roster.memberPositions[t].map { ids[Int(personOfStaff[s][Int($0)])] }
          + (outside[team.id] ?? []).map { ids[Int($0)] }
        let leaders = team.leaders.compactMap { positions[$0] }.map {
          ids[Int(personOfStaff[s][$0])]
        }
        teams.append(
          Team(
            id: unique("\(school.name)/\(team.id)"), name: team.name, gateway: team.gateway,
            members: members, leaders: leaders))
      }
    }
    for (index, team) in trust.trustTeams.enumerated() {
      teams.append(
        Team(
          id: unique("\(TrustRoster.trustWord)/\(team.id)"), name: team.name,
          gateway: team.gateway, members: trustMembers[index].map { ids[Int($0)] }))
    }
    return Roster(
      staff: staff, teams: teams, deeps: trust.schools.first?.roster.deeps ?? .hargreaves)
  }
}

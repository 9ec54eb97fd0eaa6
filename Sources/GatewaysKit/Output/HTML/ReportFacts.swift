/// Lookups shared by the report and the exports, computed once from an analysis.
struct ReportFacts {
  let roster: Roster
  let analysis: SchoolAnalysis
  /// Staff by id.
  let staff: [String: StaffMember]
  /// Team findings by id.
  let teams: [String: TeamFinding]
  /// The position of each team in the analysis's teams, by id.
  let teamPosition: [String: Int]
  /// The ids of key people.
  let keyPeople: Set<String>
  /// Betweenness of each broker.
  let brokers: [String: Double]
  /// The ids of teams in an island.
  let islandTeams: Set<String>
  /// The ids of silo teams.
  let siloTeams: Set<String>
  /// The rank of each team's component (0 is the main group).
  let componentOf: [String: Int]
  /// Every link listed under either of its teams (all of them without a list limit), once,
  /// teams in byte order, sorted by (first, second).
  let links: [Link]
  /// The links between teams left out of ``links`` by the analysis's list limit.
  var omittedLinks: Int { max(0, analysis.summary.links - links.count) }

  /// A link between two teams, counted once.
  struct Link {
    /// The earlier team id in byte order.
    let first: String
    /// The later team id.
    let second: String
    /// The shared people, sorted.
    let via: [String]
    /// Whether a key person is among the shared people.
    let throughKeyPerson: Bool
    /// Whether every shared person leads one of the two teams.
    let leaderOnly: Bool
  }

  init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
    staff = Dictionary(roster.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    teams = Dictionary(analysis.teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    teamPosition = Dictionary(
      analysis.teams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let keyPeople = Set(analysis.keyPeople.map(\.staff))
    self.keyPeople = keyPeople
    brokers = Dictionary(
      analysis.brokers.map { ($0.staff, $0.betweenness) }, uniquingKeysWith: { a, _ in a })
    islandTeams = Set(analysis.islands.joined())
    siloTeams = Set(analysis.silos)
    var componentOf: [String: Int] = [:]
    for (rank, component) in analysis.components.enumerated() {
      for id in component { componentOf[id] = rank }
    }
    self.componentOf = componentOf
    links = Self.links(of: analysis, keyPeople: keyPeople, teamPosition: teamPosition)
  }

  /// Every link listed under either of its teams, once, sorted by (first, second) in byte
  /// order (``SchoolAnalysis/listedLinks()``), with its shared people and flags.
  /// - Complexity: O(T + L + V) for T teams, L listed links and V shared people listed.
  static func links(
    of analysis: SchoolAnalysis, keyPeople: Set<String>, teamPosition: [String: Int]
  ) -> [Link] {
    let teams = analysis.teams
    func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }
    var leaderOnly = Set<UInt64>()
    for link in analysis.leaderOnlyLinks where link.teams.count == 2 {
      guard let a = teamPosition[link.teams[0]], let b = teamPosition[link.teams[1]] else {
        continue
      }
      leaderOnly.insert(key(a, b))
    }
    return analysis.listedLinks().map { link in
      let via = teams[link.team].links[link.link].via
      return Link(
        first: teams[link.first].id, second: teams[link.second].id, via: via,
        throughKeyPerson: via.contains { keyPeople.contains($0) },
        leaderOnly: leaderOnly.contains(key(link.first, link.second)))
    }
  }

  /// The teams each person is on, by staff id, each list sorted.
  func teamsOfPerson() -> [String: [String]] {
    var result: [String: [String]] = [:]
    for team in analysis.teams {
      for member in team.members { result[member, default: []].append(team.id) }
    }
    return result
  }

  /// The teams each person leads, by staff id, each list sorted.
  func teamsLedByPerson() -> [String: [String]] {
    var result: [String: [String]] = [:]
    for team in analysis.teams {
      for leader in team.leaders { result[leader, default: []].append(team.id) }
    }
    return result
  }

  /// A person's display name, or the id.
  func name(ofPerson id: String) -> String { staff[id]?.name ?? id }

  /// A team's display name, or the id.
  func name(ofTeam id: String) -> String { teams[id]?.name ?? id }
}

/// The sentence exports write when the list limit left links out, or `nil` when none were.
func omittedLinksNote(_ facts: ReportFacts) -> String? {
  let omitted = facts.omittedLinks
  guard omitted > 0, let limit = facts.analysis.listLimit else { return nil }
  return omittedLinksSentence(omitted: omitted, links: facts.analysis.summary.links, limit: limit)
}

/// The sentence of ``omittedLinksNote(_:)``: `omitted` of `links` left out, `limit` kept.
func omittedLinksSentence(omitted: Int, links: Int, limit: Int) -> String {
  "\(grouped(omitted)) of \(grouped(links)) links between teams are left out: each team"
    + " keeps the \(limit) with the most shared people (--list-limit 0 keeps them all)"
}

/// A number with at most one decimal, without a trailing `.0`, for SVG and DOT coordinates.
func formatCoordinate(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  let tenths = Int((value * 10).rounded())
  let sign = tenths < 0 ? "-" : ""
  let magnitude = abs(tenths)
  return magnitude % 10 == 0
    ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
}

/// A number with up to four decimals, trailing zeros removed, for exported attributes.
func formatDecimal(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  let scaled = Int((value * 10_000).rounded())
  let sign = scaled < 0 ? "-" : ""
  let magnitude = abs(scaled)
  var fraction = String(magnitude % 10_000)
  fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
  while fraction.hasSuffix("0") { fraction.removeLast() }
  return fraction.isEmpty
    ? "\(sign)\(magnitude / 10_000)" : "\(sign)\(magnitude / 10_000).\(fraction)"
}

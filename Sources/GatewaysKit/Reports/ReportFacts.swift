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
  /// Every link once, teams in byte order, sorted by (first, second).
  let links: [Link]

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
    let leaderOnly = Set(analysis.leaderOnlyLinks.map { $0.teams.joined(separator: "\u{0}") })
    var links: [Link] = []
    for team in analysis.teams {
      for link in team.links where team.id.utf8.lexicographicallyPrecedes(link.team.utf8) {
        links.append(
          Link(
            first: team.id, second: link.team, via: link.via,
            throughKeyPerson: link.via.contains { keyPeople.contains($0) },
            leaderOnly: leaderOnly.contains(team.id + "\u{0}" + link.team)))
      }
    }
    // analysis.teams is sorted by id and links by other id, so links are already in order.
    self.links = links
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

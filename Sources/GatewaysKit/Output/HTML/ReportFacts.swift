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
    let leaderOnly = Set(analysis.leaderOnlyLinks.map { $0.teams.joined(separator: "\u{0}") })
    // Each team lists its links with the most shared people: a link may be listed under one
    // of its teams only, so both sides are gathered, sorted and made unique.
    var pairs: [(first: String, second: String, via: [String])] = []
    for team in analysis.teams {
      for link in team.links {
        if team.id.utf8.lexicographicallyPrecedes(link.team.utf8) {
          pairs.append((team.id, link.team, link.via))
        } else {
          pairs.append((link.team, team.id, link.via))
        }
      }
    }
    pairs.sort {
      $0.first != $1.first
        ? $0.first.precedesInBytes($1.first) : $0.second.precedesInBytes($1.second)
    }
    var links: [Link] = []
    links.reserveCapacity(pairs.count / 2)
    for pair in pairs {
      if let last = links.last, last.first == pair.first, last.second == pair.second { continue }
      links.append(
        Link(
          first: pair.first, second: pair.second, via: pair.via,
          throughKeyPerson: pair.via.contains { keyPeople.contains($0) },
          leaderOnly: leaderOnly.contains(pair.first + "\u{0}" + pair.second)))
    }
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

/// The sentence exports write when the list limit left links out, or `nil` when none were.
func omittedLinksNote(_ facts: ReportFacts) -> String? {
  let omitted = facts.omittedLinks
  guard omitted > 0, let limit = facts.analysis.listLimit else { return nil }
  return
    "\(grouped(omitted)) of \(grouped(facts.analysis.summary.links)) links between teams are left out: each team"
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

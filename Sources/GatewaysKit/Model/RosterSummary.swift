import MembershipGraph

/// The facts `gateways check` reports about a roster that reads: its size, the gateways present
/// and missing, the teams with no gateway or no leader, and the staff on no team.
///
/// ```swift
/// let summary = RosterSummary(roster)
/// print(summary.gatewaysMissing)      // ["learning-to-learn", ...]
/// print(summary.text(source: "staff.csv"))
/// ```
public struct RosterSummary: Sendable, Hashable {
  /// A custom gateway and the deep the roster's mapping places it in, if any.
  public struct CustomGateway: Sendable, Hashable {
    /// The gateway id.
    public var id: String
    /// Its deep, or `nil` when no deep holds it.
    public var deep: Deep?
  }

  /// Members of staff, including those on no team.
  public var staff: Int
  /// Teams, including teams with no members.
  public var teams: Int
  /// Distinct (person, team) memberships.
  public var memberships: Int
  /// The ids of the standard gateways with at least one team, in byte order.
  public var gatewaysPresent: [String]
  /// The ids of the standard gateways with no team, in byte order.
  public var gatewaysMissing: [String]
  /// Custom gateways with teams, in byte order of id.
  public var customGateways: [CustomGateway]
  /// The ids of teams with no gateway, sorted.
  public var teamsWithNoGateway: [String]
  /// The ids of teams with no leader, sorted.
  public var teamsWithNoLeader: [String]
  /// The ids of staff on no team, sorted.
  public var staffOnNoTeam: [String]
  /// How many warnings the roster carries.
  public var warnings: Int
  /// How a delimited-text roster was read (layout, separator, encoding), if it was one.
  public var reading: RosterReading?

  /// Summarises a roster.
  ///
  /// ```swift
  /// let summary = RosterSummary(roster)
  /// summary.staff   // the number of staff
  /// ```
  ///
  /// - Complexity: O(staff + memberships + teams log teams).
  public init(_ roster: Roster) {
    reading = roster.reading
    staff = roster.staff.count
    teams = roster.teams.count
    memberships = roster.membershipCount
    // The teams' pass beside the staff's, on two cores for a large roster. Staff and teams are
    // in id order, so the lists below are sorted.
    let (teamFacts, staffOnNoTeam) = Parallel.both(
      work: roster.membershipCount,
      {
        // Team by team in place (a filtered copy of the teams would retain all each holds);
        // a team's gateway is hashed only when it differs from the team before's.
        var present = Set<Gateway>()
        var noGateway: [String] = []
        var noLeader: [String] = []
        var last: Gateway?
        roster.teams.withUnsafeBufferPointer { teams in
          for index in teams.indices {
            if let gateway = teams[index].gateway {
              if gateway != last {
                present.insert(gateway)
                last = gateway
              }
            } else {
              noGateway.append(teams[index].id)
            }
            if teams[index].leaders.isEmpty { noLeader.append(teams[index].id) }
          }
        }
        return (present, noGateway, noLeader)
      },
      {
        // Who is on a team, by staff position (no set of a million ids to hash).
        var onTeam = [Bool](repeating: false, count: roster.staff.count)
        for positions in roster.memberPositions {
          for position in positions { onTeam[Int(position)] = true }
        }
        return roster.staff.indices.filter { !onTeam[$0] }.map { roster.staff[$0].id }
      })
    let (present, noGateway, noLeader) = teamFacts
    gatewaysPresent = Gateway.standard.filter(present.contains).map(\.id).sortedByBytes()
    gatewaysMissing = Gateway.standard.filter { !present.contains($0) }.map(\.id).sortedByBytes()
    customGateways = present.filter { !$0.isStandard }.map(\.id).sortedByBytes().map { id in
      CustomGateway(id: id, deep: roster.deeps.deep(of: Gateway(id: id)))
    }
    self.staffOnNoTeam = staffOnNoTeam
    teamsWithNoGateway = noGateway
    teamsWithNoLeader = noLeader
    warnings = roster.warnings.count
  }

  /// The most ids listed on one line of ``text(source:)`` before "and N more".
  public static let listLimit = 20

  /// The summary as `gateways check` prints it, one fact a line, each list of ids cut at
  /// ``listLimit`` ("and N more").
  ///
  /// ```swift
  /// print(RosterSummary(roster).text(source: "staff.csv"), terminator: "")
  /// ```
  ///
  /// - Complexity: O(the lines printed).
  public func text(source: String) -> String {
    var lines = ["\(source): the roster reads."]
    if let reading { lines.append("read as: \(reading.summary)") }
    lines.append("staff: \(staff)")
    lines.append("teams: \(teams)")
    lines.append("memberships: \(memberships)")
    lines.append(
      "gateways present: \(gatewaysPresent.count) of 9 (\(Self.list(gatewaysPresent)))")
    lines.append("gateways missing: \(Self.list(gatewaysMissing))")
    if !customGateways.isEmpty {
      let placed = customGateways.map { "\($0.id) (\($0.deep?.displayName ?? "no deep"))" }
      lines.append("custom gateways: \(placed.joined(separator: ", "))")
    }
    if !teamsWithNoGateway.isEmpty {
      lines.append("teams with no gateway: \(Self.list(teamsWithNoGateway))")
    }
    if !teamsWithNoLeader.isEmpty {
      lines.append("teams with no leader: \(Self.list(teamsWithNoLeader))")
    }
    let noTeamList = staffOnNoTeam.isEmpty ? "" : " (\(Self.list(staffOnNoTeam)))"
    lines.append("people on no team: \(staffOnNoTeam.count)\(noTeamList)")
    lines.append("warnings: \(warnings)")
    return lines.joined(separator: "\n") + "\n"
  }

  static func list(_ items: [String]) -> String {
    guard !items.isEmpty else { return "none" }
    let shown = items.prefix(listLimit).joined(separator: ", ")
    return items.count > listLimit ? "\(shown) and \(items.count - listLimit) more" : shown
  }
}

import GatewaysKit

extension CommandSpec {
  /// `gateways check ROSTER`: validates a roster and prints a short summary.
  static let check = CommandSpec(
    name: "check", aliases: ["validate"],
    abstract: "Check that a roster reads, and summarise it.",
    usage: "check [--input-format csv|json] [--deeps FILE] ROSTER",
    discussion: """
      Reads ROSTER (CSV or JSON; '-' for standard input) and prints the number of staff, teams
      and memberships, the gateways present and missing, and the people on no team. Warnings
      go to standard error. Every problem in the file is reported with FILE:LINE[:COLUMN];
      the exit code is 0 when the roster reads, 2 when it does not.
      The formats are described in Documentation/RosterFormat.md.
      """,
    options: rosterOptions, positionalCount: 1...1
  ) { parsed, io in
    let roster = try loadRoster(parsed, io: io)
    let source = parsed.positionals[0] == "-" ? "<stdin>" : parsed.positionals[0]
    io.print(CheckSummary(roster: roster, source: source).text)
    io.keepUntilExit(roster)
    return ExitCode.success
  }
}

/// The summary `gateways check` prints.
struct CheckSummary {
  let roster: Roster
  let source: String

  /// The most ids listed on one line before "and N more".
  static let listLimit = 20

  static func list(_ items: [String]) -> String {
    guard !items.isEmpty else { return "none" }
    let shown = items.prefix(listLimit).joined(separator: ", ")
    return items.count > listLimit ? "\(shown) and \(items.count - listLimit) more" : shown
  }

  var text: String {
    let present = Set(roster.teams.compactMap(\.gateway))
    let standardPresent = Gateway.standard.filter(present.contains).map(\.id).sortedByBytes()
    let missing = Gateway.standard.filter { !present.contains($0) }.map(\.id).sortedByBytes()
    let custom = present.filter { !$0.isStandard }.map(\.id).sortedByBytes()
    // Who is on a team, by staff position (no set of a million ids to hash).
    var onTeam = [Bool](repeating: false, count: roster.staff.count)
    for positions in roster.memberPositions {
      for position in positions { onTeam[Int(position)] = true }
    }
    let noTeam = roster.staff.indices.filter { !onTeam[$0] }.map { roster.staff[$0].id }
    let noGateway = roster.teams.filter { $0.gateway == nil }.map(\.id)
    let noLeader = roster.teams.filter { $0.leaders.isEmpty }.map(\.id)
    var lines = ["\(source): the roster reads."]
    lines.append("staff: \(roster.staff.count)")
    lines.append("teams: \(roster.teams.count)")
    lines.append("memberships: \(roster.membershipCount)")
    lines.append(
      "gateways present: \(standardPresent.count) of 9 (\(Self.list(standardPresent)))")
    lines.append("gateways missing: \(Self.list(missing))")
    if !custom.isEmpty {
      let placed = custom.map { id -> String in
        let deep = roster.deeps.deep(of: Gateway(id: id))
        return "\(id) (\(deep?.displayName ?? "no deep"))"
      }
      lines.append("custom gateways: \(placed.joined(separator: ", "))")
    }
    if !noGateway.isEmpty { lines.append("teams with no gateway: \(Self.list(noGateway))") }
    if !noLeader.isEmpty { lines.append("teams with no leader: \(Self.list(noLeader))") }
    let noTeamList = noTeam.isEmpty ? "" : " (\(Self.list(noTeam)))"
    lines.append("people on no team: \(noTeam.count)\(noTeamList)")
    lines.append("warnings: \(roster.warnings.count)")
    return lines.joined(separator: "\n") + "\n"
  }
}

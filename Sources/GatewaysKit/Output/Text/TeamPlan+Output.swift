extension TeamPlan {
  /// The version of the JSON schema written by ``json()``; bumped only when a key changes
  /// meaning or disappears.
  public static let schemaVersion = 1

  /// The plan as JSON, schema version 1: `schemaVersion`, `team` (`id`, `name`, `gateway`,
  /// `deep`, `leader`), `requestedSize`, `members` (each `staff`, `role` leader, shared or
  /// member, `sharedWith`, `reason`), `notes`, `before` and `after` (as in `suggest`). Keys in
  /// a fixed order, so the same roster gives the same bytes.
  ///
  /// ```swift
  /// print(TeamPlanner().plan(for: roster, gateway: .studentVoice).json())
  /// ```
  ///
  /// - Complexity: O(n) in the size of the team.
  public func json() -> String {
    JSONValue.object([
      ("schemaVersion", .int(Self.schemaVersion)),
      (
        "team",
        .object([
          ("id", .string(team.id)), ("name", .string(team.name)),
          ("gateway", team.gateway.map { .string($0.id) } ?? .null),
          ("deep", deep.map { .string($0.rawValue) } ?? .null),
          ("leader", leader.map { .string($0.staff) } ?? .null),
        ])
      ),
      ("requestedSize", .int(requestedSize)),
      (
        "members",
        .array(
          members.map {
            .object([
              ("staff", .string($0.staff)), ("role", .string($0.role.rawValue)),
              ("sharedWith", .strings($0.sharedWith)), ("reason", .string($0.reason)),
            ])
          })
      ),
      ("notes", .strings(notes)),
      ("before", before.jsonValue()),
      ("after", after.jsonValue()),
    ]).serialized()
  }

  /// The plan in words: the team, each member and why, what could not be done, and the
  /// figures before and after.
  ///
  /// ```swift
  /// print(plan.text(roster: roster, source: "staff.csv"))
  /// ```
  ///
  /// - Complexity: O(S + T + M).
  public func text(roster: Roster, source: String, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    let people = Dictionary(roster.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let names = Dictionary(roster.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    var teamsOf: [String: [String]] = [:]
    for other in roster.teams {
      for id in other.members { teamsOf[id, default: []].append(other.name) }
    }
    var out = style.bold("gateways team plan for \(source)") + "\n"
    out += "A new team, \(team.name) (\(team.id)), for \(team.gateway?.id ?? "no gateway")"
    if let deep { out += " (\(deep.displayName))" }
    out += ": \(plural(members.count, "member")).\n"
    let headings: [(Member.Role, String)] = [
      (.leader, "Leader"),
      (.shared, "Shared with teams of the same deep (cross-membership built in)"),
      (.member, "Members across departments and year groups"),
    ]
    out += PlanRows.sections(members, kind: \.role, headings: headings, style: style) { item in
      PlanRows.Row(
        action: PlanRows.person(item.staff, people[item.staff], teams: teamsOf[item.staff] ?? []),
        links: item.sharedWith.map { names[$0] ?? $0 }, reason: item.reason)
    }
    if !notes.isEmpty {
      out += "\n" + style.yellow("Could not be done") + "\n"
      for note in notes { out += "  - \(note).\n" }
    }
    out += "\n" + style.bold("Before -> after") + "\n"
    out += PlanSnapshot.changeRows(before, after, teams: true)
    return out
  }
}

extension TeamPlan {
  /// Writes every staff and team id of the plan as `staff` and `teams` give it (pseudonyms,
  /// say); ids not listed stay as they are.
  ///
  /// ```swift
  /// plan.rename(staff: names.staff, teams: names.teams)
  /// ```
  ///
  /// - Complexity: O(n) in the size of the plan.
  public mutating func rename(staff: [String: String], teams: [String: String]) {
    for i in members.indices {
      members[i].staff = staff[members[i].staff] ?? members[i].staff
      members[i].sharedWith = members[i].sharedWith.map { teams[$0] ?? $0 }.sortedByBytes()
    }
    team = Team(
      id: team.id, name: team.name, gateway: team.gateway,
      members: team.members.map { staff[$0] ?? $0 }, leaders: team.leaders.map { staff[$0] ?? $0 })
  }
}

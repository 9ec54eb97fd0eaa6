/// Writes a trust's roster as one CSV file with a `school` column, so it can be edited and read
/// back as the same trust: each school's rows as ``RosterCSVWriter`` writes them, with its
/// `school`, each person's `person_id`, and the rows of other schools' teams and trust-wide
/// teams (`team_school`).
///
/// ```swift
/// let text = TrustRosterCSVWriter.csv(for: trust)
/// ```
public enum TrustRosterCSVWriter {
  /// The trust as CSV text, lines ending in LF: schools by name, each school's own rows, then
  /// its rows on other schools' teams and trust-wide teams (in their order), then a row
  /// declaring each trust-wide team no one is on.
  /// - Complexity: O(m log m) for m memberships.
  public static func csv(for trust: TrustRoster) -> String {
    let suggestable = trust.schools.contains { $0.roster.staff.contains { !$0.suggestable } }
    let columns = RosterCSVWriter.columns + (suggestable ? [.suggestable] : [])
    var lines = [
      (["school"] + columns.map(\.rawValue) + ["person_id", "team_school"]).joined(separator: ",")
    ]
    let trustTeams = Dictionary(
      trust.trustTeams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var trustTeamsUsed = Set<String>()
    for school in trust.schools {
      let name = RosterCSVWriter.quoted(school.name)
      func line(_ person: StaffMember?, _ team: Team?, teamSchool: String = "") -> String {
        let personID = person.flatMap { school.personIDs[$0.id] } ?? ""
        return name + "," + RosterCSVWriter.row(person: person, team: team, columns: columns)
          + "," + RosterCSVWriter.quoted(personID) + "," + RosterCSVWriter.quoted(teamSchool)
      }
      let roster = school.roster
      var teamsOf = [[Int]](repeating: [], count: roster.staff.count)
      for (t, positions) in roster.memberPositions.enumerated() {
        for p in positions { teamsOf[Int(p)].append(t) }
      }
      for (p, person) in roster.staff.enumerated() {
        if teamsOf[p].isEmpty { lines.append(line(person, nil)) }
        for t in teamsOf[p] { lines.append(line(person, roster.teams[t])) }
      }
      for team in roster.teams where team.members.isEmpty { lines.append(line(nil, team)) }
      for membership in school.outsideMemberships {
        guard let p = sortedPosition(of: membership.staff, in: roster.staff, by: \.id) else {
          continue
        }
        let person = roster.staff[p]
        let known = membership.teamSchool == nil ? trustTeams[membership.team] : nil
        if membership.teamSchool == nil { trustTeamsUsed.insert(membership.team) }
        let team = Team(
          id: membership.team, name: known?.name, gateway: known?.gateway,
          members: [person.id], leaders: membership.isLeader ? [person.id] : [])
        lines.append(
          line(person, team, teamSchool: membership.teamSchool ?? TrustRoster.trustWord))
      }
    }
    if let first = trust.schools.first {
      for team in trust.trustTeams where !trustTeamsUsed.contains(team.id) {
        lines.append(
          RosterCSVWriter.quoted(first.name) + ","
            + RosterCSVWriter.row(person: nil, team: team, columns: columns) + ",,"
            + TrustRoster.trustWord)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

import Foundation

/// Writes a roster in the CSV roster format, so it can be edited in a spreadsheet and read back.
///
/// Every column is written, header first, with RFC 4180 quoting (a cell with a comma, a quote,
/// a line break or space at either end is quoted, and its quotes doubled). One row per
/// membership, sorted by staff id and then team id (byte order); a member of staff on no team
/// has a row with an empty team, a team with no members a row with an empty staff_id, after the
/// others. Person and team details are repeated on each of their rows. The deep mapping is not
/// part of the CSV format (use a `--deeps` file).
///
/// ```swift
/// let text = RosterCSVWriter.csv(for: roster)
/// let again = try RosterReader().read(Data(text.utf8), fileName: "copy.csv", format: .csv)
/// ```
/// - Complexity: O(m log m) for m memberships.
public enum RosterCSVWriter {
  /// The columns written, in order.
  static let columns: [CSVRosterReader.Column] = [
    .staffID, .name, .role, .staffType, .department, .yearGroup, .maxTeams, .team, .teamName,
    .gateway, .teamRole,
  ]

  /// The roster as CSV text, lines ending in LF.
  ///
  /// ```swift
  /// let text = RosterCSVWriter.csv(for: roster)   // staff_id,name,role,... one row per membership
  /// ```
  ///
  /// - Complexity: O(S + M) for S staff and M memberships.
  public static func csv(for roster: Roster) -> String {
    // The suggestable column only when someone is kept out of plans.
    let columns = columns + (roster.staff.contains { !$0.suggestable } ? [.suggestable] : [])
    var lines = [columns.map(\.rawValue).joined(separator: ",")]
    var teamsOf: [String: [Team]] = [:]
    for team in roster.teams {
      for member in team.members { teamsOf[member, default: []].append(team) }
    }
    for person in roster.staff {
      let teams = teamsOf[person.id] ?? []
      if teams.isEmpty {
        lines.append(row(person: person, team: nil, columns: columns))
      }
      for team in teams { lines.append(row(person: person, team: team, columns: columns)) }
    }
    for team in roster.teams where team.members.isEmpty {
      lines.append(row(person: nil, team: team, columns: columns))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func row(
    person: StaffMember?, team: Team?, columns: [CSVRosterReader.Column]
  ) -> String {
    columns.map { column -> String in
      let value: String
      switch column {
      case .staffID: value = person?.id ?? ""
      case .name: value = person?.name ?? ""
      case .forename, .surname: value = ""  // the whole name is written
      case .school, .personID, .teamSchool: value = ""  // one school's roster
      case .role: value = person?.role ?? ""
      case .staffType: value = person?.staffType.rawValue ?? ""
      case .department: value = person?.department ?? ""
      case .yearGroup: value = person?.yearGroup ?? ""
      case .maxTeams: value = person?.maxTeams.map(String.init) ?? ""
      case .suggestable: value = person.map { $0.suggestable ? "" : "no" } ?? ""
      case .team: value = team?.id ?? ""
      case .teamName: value = team?.name ?? ""
      case .gateway: value = team?.gateway?.id ?? ""
      case .teamRole:
        if let person, let team {
          value = team.isLeader(person.id) ? "leader" : "member"
        } else {
          value = ""
        }
      }
      return quoted(value)
    }.joined(separator: ",")
  }

  /// A cell with RFC 4180 quoting where needed.
  static func quoted(_ value: String) -> String {
    // Check scalars, not characters: a quote followed by a combining mark is one Character.
    let needsQuotes =
      value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || value.unicodeScalars.first?.properties.isWhitespace == true
      || value.unicodeScalars.last?.properties.isWhitespace == true
    guard needsQuotes else { return value }
    var scalars = String.UnicodeScalarView()
    scalars.append("\"")
    for scalar in value.unicodeScalars {
      scalars.append(scalar)
      if scalar == "\"" { scalars.append(scalar) }
    }
    scalars.append("\"")
    return String(scalars)
  }
}

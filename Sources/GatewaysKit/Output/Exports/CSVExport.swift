/// Two CSV tables for spreadsheets: the team links, and one row per person.
///
/// Both follow RFC 4180 (comma-separated, CRLF line ends, a header row, fields with a comma,
/// quote or line break double-quoted with quotes doubled) and are Excel-safe: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised by a leading `'`, so a
/// name such as `=cmd|' /C calc'!A0` is shown, not run.
///
/// - `links`: `team_a,team_b,team_a_name,team_b_name,shared,via,via_names,key_person_link,
///   leader_only`, one row per link the analysis lists (each team's
///   ``SchoolAnalysis/listLimit`` with the most shared people, so a person on n teams adds at
///   most n × limit rows, not n²), team pairs in byte order. Lists are joined with `; `.
/// - `people`: `staff_id,name,role,staff_type,department,year_group,team_count,teams,leads,
///   key_person,broker,betweenness`, one row per member of staff, sorted by id.
///
/// ```swift
/// let csv = CSVExport(roster: roster, analysis: analysis)
/// print(csv.links())
/// print(csv.people())
/// ```
public struct CSVExport: Sendable {
  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis

  /// Creates an export.
  ///
  /// ```swift
  /// let export = CSVExport(roster: roster, analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
  }

  /// The team-links table.
  ///
  /// ```swift
  /// let table = export.links()   // team_a,team_b,...\r\n one row per link
  /// ```
  ///
  /// - Complexity: linear in links and the people on them.
  public func links() -> String {
    let facts = ReportFacts(roster: roster, analysis: analysis)
    var rows = [
      [
        "team_a", "team_b", "team_a_name", "team_b_name", "shared", "via", "via_names",
        "key_person_link", "leader_only",
      ]
    ]
    for link in facts.links {
      rows.append([
        link.first, link.second, facts.name(ofTeam: link.first), facts.name(ofTeam: link.second),
        String(link.via.count), link.via.joined(separator: "; "),
        link.via.map(facts.name(ofPerson:)).joined(separator: "; "),
        link.throughKeyPerson ? "yes" : "no", link.leaderOnly ? "yes" : "no",
      ])
    }
    return Self.table(rows)
  }

  /// The people table: one row per member of staff with their teams and flags.
  ///
  /// ```swift
  /// let table = export.people()   // one row per member of staff
  /// ```
  ///
  /// - Complexity: linear in staff and memberships.
  public func people() -> String {
    let facts = ReportFacts(roster: roster, analysis: analysis)
    let teamsOf = facts.teamsOfPerson()
    let leads = facts.teamsLedByPerson()
    var rows = [
      [
        "staff_id", "name", "role", "staff_type", "department", "year_group", "team_count",
        "teams", "leads", "key_person", "broker", "betweenness",
      ]
    ]
    for member in roster.staff {
      let teams = teamsOf[member.id] ?? []
      let betweenness = facts.brokers[member.id]
      rows.append([
        member.id, member.name, member.role, member.staffType.rawValue,
        member.department ?? "", member.yearGroup ?? "", String(teams.count),
        teams.joined(separator: "; "), (leads[member.id] ?? []).joined(separator: "; "),
        facts.keyPeople.contains(member.id) ? "yes" : "no", betweenness == nil ? "no" : "yes",
        betweenness.map(formatDecimal) ?? "",
      ])
    }
    return Self.table(rows)
  }

  /// Both tables in one stream: the links table, an empty line, then the people table. This is
  /// what `gateways export --format csv` writes to standard output; with `-o FILE.csv` the
  /// tables go to `FILE.csv` and `FILE-people.csv` instead.
  ///
  /// ```swift
  /// let text = export.combined()   // links, an empty line, people
  /// ```
  ///
  /// - Complexity: linear in staff, memberships and links.
  public func combined() -> String { links() + "\r\n" + people() }

  /// One CSV field: neutralised against formula injection, then quoted when needed.
  ///
  /// ```swift
  /// CSVExport.field("=1+1")          // "'=1+1"
  /// CSVExport.field("a, \"b\"")      // "\"a, \"\"b\"\"\""
  /// ```
  /// - Complexity: O(n) in the length of the text.
  public static func field(_ raw: String) -> String {
    var value = raw
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    let needsQuotes = value.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return value }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }

  static func table(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }
}

extension String {
  /// The string with every occurrence of one character replaced by a string, without Foundation.
  fileprivate func replacingAll(_ character: Character, with replacement: String) -> String {
    var out = ""
    for c in self { if c == character { out += replacement } else { out.append(c) } }
    return out
  }
}

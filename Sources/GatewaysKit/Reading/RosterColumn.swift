import Foundation

/// The columns a roster may have: the one table of them, with the header names each goes by.
///
/// Every reader finds its columns here: a CSV or text file's header row, a workbook sheet's
/// first row, and the keys of a JSON roster's entries (``jsonKey(in:)``). Headers are compared by
/// ``key(_:)``, which ignores case, spaces and punctuation, so `Staff Code`, `staff-code` and
/// `STAFFCODE` are one header. Adding a column means adding a case here, its row in
/// ``synonyms`` (and its key in ``jsonKey(in:)``), its test in `RosterColumnTests`, and its
/// line in `Documentation/RosterFormat.md`, then reading its cell in the assembler: every
/// source (text, a sheet, JSON) reaches the assembler through this table, so nothing else
/// changes (`Documentation/RosterFormat.md` walks through it).
///
/// ```swift
/// RosterColumn.matching(header: "Payroll Number")  // .staffID
/// RosterColumn.matching(header: "Job Title")       // .role
/// ```
enum RosterColumn: String, CaseIterable, Sendable {
  case staffID = "staff_id"
  case team
  case name
  case forename
  case surname
  case role
  case staffType = "staff_type"
  case gateway
  case teamRole = "team_role"
  case department
  case yearGroup = "year_group"
  case maxTeams = "max_teams"
  case teamName = "team_name"
  case school
  case personID = "person_id"
  case teamSchool = "team_school"
  case suggestable

  /// The header names that mean this column, best first: when a file has several (`Preferred
  /// Forename` and `Forename`), the first in this list is read and the others are ignored.
  /// The column's own name (`staff_id`) always works too.
  var synonyms: [String] {
    switch self {
    case .staffID:
      [
        "Staff ID", "Staff Code", "Employee ID", "Staff Number", "Payroll Number",
        "Employee Number",
        "Person ID", "Staff Ref", "Staff Reference", "ID",
      ]
    case .team:
      [
        "Team", "Team ID", "Teams", "Group", "Groups", "Working Group", "Working Groups",
        "Committee", "Committees", "Gateway Team", "Memberships",
      ]
    case .name: ["Name", "Full Name", "Staff Name", "Display Name"]
    case .forename:
      ["Preferred Forename", "Preferred First Name", "Forename", "First Name", "Given Name"]
    case .surname:
      ["Preferred Surname", "Preferred Last Name", "Surname", "Last Name", "Family Name"]
    case .role: ["Role", "Post", "Job Title", "Position", "Job Role", "Designation"]
    case .staffType: ["Staff Type", "Staff Category", "Category", "Employment Category"]
    case .gateway: ["Gateway", "Gateway Area", "Strand"]
    case .teamRole: ["Team Role", "Role in Team", "Member Role", "Membership Role"]
    case .department: ["Department", "Faculty", "Subject Area", "Dept", "Curriculum Area"]
    case .yearGroup: ["Year Group", "Year", "Year Team"]
    case .maxTeams: ["Max Teams", "Maximum Teams", "Team Cap", "Team Limit"]
    case .teamName: ["Team Name", "Group Name", "Committee Name"]
    case .school:
      [
        "School", "School Name", "Academy", "Academy Name", "Site", "Establishment",
        "Establishment Name", "Campus",
      ]
    case .personID:
      [
        "Trust ID", "Trust Person ID", "Trust Staff ID", "Teacher Reference Number", "TRN",
        "HR Number", "Trust HR Number", "Global ID",
      ]
    case .teamSchool: ["Team School", "Team's School", "Team Academy", "Team Site"]
    case .suggestable: ["Suggestable", "May Be Suggested"]
    }
  }

  /// What the column holds, in a few words, for messages.
  var meaning: String {
    switch self {
    case .staffID: "a person's id"
    case .team: "the team's id"
    case .name: "the person's name"
    case .forename: "the first name, joined with the surname"
    case .surname: "the surname, joined after the first name"
    case .role: "the job title"
    case .staffType: "senior, middle, teacher or support"
    case .gateway: "the team's gateway"
    case .teamRole: "leader or member"
    case .department: "the person's department"
    case .yearGroup: "the person's year group"
    case .maxTeams: "the most teams the person should sit on"
    case .teamName: "the team's display name"
    case .school: "the school the row's person (and team) belongs to"
    case .personID: "a trust-wide id that is one person in every school"
    case .teamSchool: "the school whose team it is, or 'trust' for a trust-wide team"
    case .suggestable: "no keeps the person out of every plan"
    }
  }

  /// The entries of a JSON roster a column can be read from: a `staff` entry (a person), a
  /// `teams` entry (a team), and an element of a team's `leaders` or `members` written as an
  /// object (`{"id": "S01", "school": "Oak"}`, a person of another school).
  enum JSONEntry: Sendable {
    case staff
    case team
    case member
  }

  /// The key of a JSON entry that holds this column (`nil`: not read from that entry). The JSON
  /// reader reads every key this names, as a cell of the column, so a column with a key here
  /// is read from JSON with no other change. `team_role` and `team_school` have no key: a
  /// team's `leaders` and `members` lists and its `school` say them.
  func jsonKey(in entry: JSONEntry) -> String? {
    switch (self, entry) {
    case (.staffID, .staff), (.staffID, .member), (.team, .team): "id"
    case (.name, .staff), (.teamName, .team): "name"
    case (.role, .staff): "role"
    case (.staffType, .staff): "staffType"
    case (.department, .staff): "department"
    case (.yearGroup, .staff): "yearGroup"
    case (.maxTeams, .staff): "maxTeams"
    case (.suggestable, .staff): "suggestable"
    case (.personID, .staff): "personId"
    case (.gateway, .team): "gateway"
    case (.school, _): "school"
    default: nil
    }
  }

  /// The column a key of a JSON entry holds, or `nil` for an unknown key.
  static func column(jsonKey key: String, in entry: JSONEntry) -> RosterColumn? {
    allCases.first { $0.jsonKey(in: entry) == key }
  }

  /// The keys a JSON entry may have, in the order of the table.
  static func jsonKeys(in entry: JSONEntry) -> [String] {
    var keys: [String] = []
    for column in allCases {
      if let key = column.jsonKey(in: entry), !keys.contains(key) { keys.append(key) }
    }
    return keys
  }

  /// The column's position in `allCases`, for array-indexed rows (a switch: rows ask for it
  /// once per cell, and hashing the column's name would cost more than reading the cell).
  var ordinal: Int {
    switch self {
    case .staffID: 0
    case .team: 1
    case .name: 2
    case .forename: 3
    case .surname: 4
    case .role: 5
    case .staffType: 6
    case .gateway: 7
    case .teamRole: 8
    case .department: 9
    case .yearGroup: 10
    case .maxTeams: 11
    case .teamName: 12
    case .school: 13
    case .personID: 14
    case .teamSchool: 15
    case .suggestable: 16
    }
  }

  /// A `suggestable` cell read as a flag: yes, y, true, 1 (or blank) or no, n, false, 0, in
  /// any case; `nil` for anything else.
  /// - Complexity: O(n) in the length of the cell.
  static func suggestableValue(_ text: String) -> Bool? {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "", "yes", "y", "true", "1": true
    case "no", "n", "false", "0": false
    default: nil
    }
  }

  /// The column every roster must have (`team` too, except in the grid layout).
  static let required: [RosterColumn] = [.staffID, .team]

  /// The columns that describe a person.
  static let personColumns: [RosterColumn] = [
    .name, .forename, .surname, .role, .staffType, .department, .yearGroup, .maxTeams,
    .suggestable,
  ]

  /// The columns that describe a team.
  static let teamColumns: [RosterColumn] = [.gateway, .teamName]

  /// The columns that say which school a row belongs to, read by the trust reader
  /// (``TrustRoster``), not by the assembler of one school's rows.
  static let trustColumns: [RosterColumn] = [.school, .personID, .teamSchool]

  /// A header reduced for comparison: letters and digits only, in lower case (`Staff ID`,
  /// `staff_id` and `STAFF-ID` are all `staffid`).
  /// - Complexity: O(n) in the header's length.
  static func key(_ header: String) -> String {
    String(
      String.UnicodeScalarView(
        header.lowercased().unicodeScalars.filter {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
  }

  /// Per key: the column and the synonym's rank (0 for the best).
  private static let byKey: [String: (column: RosterColumn, rank: Int)] = {
    var table: [String: (column: RosterColumn, rank: Int)] = [:]
    for column in allCases {
      // The column's own name ranks first unless it is one of the synonyms (`forename`).
      for (rank, name) in column.synonyms.enumerated() {
        let key = key(name)
        precondition(table[key] == nil, "header '\(name)' names two columns")
        table[key] = (column, rank)
      }
      let own = key(column.rawValue)
      if let known = table[own] {
        // `person_id` is also the staff id's synonym `Person ID`: such a header is the staff
        // id, unless a better-named staff id column is there too (see `columnMap`).
        precondition(
          known.column == column || (column == .personID && known.column == .staffID),
          "header '\(column.rawValue)' names two columns")
      } else {
        table[own] = (column, 0)
      }
    }
    return table
  }()

  /// The column a header names, and how preferred that name is (0 best), or `nil`.
  static func matching(header: String) -> (column: RosterColumn, rank: Int)? {
    byKey[key(header)]
  }

  /// The column a name given by the user names: its own name (`staff_id`) or any synonym.
  static func named(_ name: String) -> RosterColumn? {
    allCases.first { $0.rawValue == name } ?? matching(header: name)?.column
  }

  /// The known header names closest to `header` (within a few letters), best first, as
  /// `(column, synonym)`; used for "did you mean" hints.
  static func nearest(to header: String, among columns: [RosterColumn] = allCases, limit: Int = 3)
    -> [(column: RosterColumn, name: String)]
  {
    let target = Array(key(header))
    guard !target.isEmpty else { return [] }
    var scored: [(distance: Int, order: Int, column: RosterColumn, name: String)] = []
    var order = 0
    for column in columns {
      for name in [column.rawValue] + column.synonyms {
        let candidate = Array(key(name))
        let distance = GatewayCatalog.editDistance(target, candidate)
        if distance <= max(1, min(target.count, candidate.count) / 3) {
          scored.append((distance, order, column, name))
        }
        order += 1
      }
    }
    scored.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
    var seen: Set<RosterColumn> = []
    return scored.filter { seen.insert($0.column).inserted }.prefix(limit).map {
      ($0.column, $0.name)
    }
  }
}

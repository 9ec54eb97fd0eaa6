import Foundation

/// Reads the CSV roster format: one row per membership, a header row naming the columns.
///
/// See `Documentation/RosterFormat.md` for the columns. Rows about the same person or team must
/// agree; a blank cell never conflicts with a value given on another row.
enum CSVRosterReader {
  /// The columns the reader knows, by canonical header name.
  enum Column: String, CaseIterable, Sendable {
    case staffID = "staff_id"
    case team
    case name
    case role
    case staffType = "staff_type"
    case gateway
    case teamRole = "team_role"
    case department
    case yearGroup = "year_group"
    case maxTeams = "max_teams"
    case teamName = "team_name"

    /// The column's position in `allCases`, for array-indexed rows.
    var ordinal: Int {
      switch self {
      case .staffID: 0
      case .team: 1
      case .name: 2
      case .role: 3
      case .staffType: 4
      case .gateway: 5
      case .teamRole: 6
      case .department: 7
      case .yearGroup: 8
      case .maxTeams: 9
      case .teamName: 10
      }
    }

    /// The columns every roster must have.
    static let required: [Column] = [.staffID, .team]

    /// The columns that describe a person.
    static let personColumns: [Column] = [
      .name, .role, .staffType, .department, .yearGroup, .maxTeams,
    ]
  }

  /// A header cell reduced for comparison: lower case, with space, `-` and `_` alike.
  static func headerKey(_ text: String) -> String {
    var key = ""
    for character in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
      if character == " " || character == "-" || character == "_" {
        if !key.isEmpty, key.last != "_" { key.append("_") }
      } else {
        key.append(character)
      }
    }
    while key.last == "_" { key.removeLast() }
    return key
  }

  /// The column a header cell names, if any (`Staff ID`, `staff-id`, `StaffID` all name
  /// `staff_id`).
  static func column(forHeader text: String) -> Column? {
    let key = headerKey(text)
    if let column = Column(rawValue: key) { return column }
    let squashed = key.replacingOccurrences(of: "_", with: "")
    return Column.allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == squashed }
  }

  /// A value with the cell it came from.
  struct Sourced<Value: Equatable & Sendable>: Sendable {
    var value: Value
    var line: Int
    var column: Int
  }

  /// What the rows say about one person so far.
  struct PersonDraft: Sendable {
    var id: String
    /// The line of the person's first row.
    var line = 0
    var name: Sourced<String>?
    var role: Sourced<String>?
    var staffType: Sourced<StaffType>?
    var department: Sourced<String>?
    var yearGroup: Sourced<String>?
    var maxTeams: Sourced<Int>?
  }

  /// What the rows say about one team so far.
  struct TeamDraft: Sendable {
    var id: String
    var line: Int
    var column: Int
    var name: Sourced<String>?
    var gateway: Sourced<Gateway>?
    /// The members' person slots, in the order first seen.
    var members: [Int32] = []
  }

  /// The words accepted in a `team_role` cell meaning "leader".
  static let leaderWords: Set<String> = [
    "leader", "lead", "co-leader", "co-lead", "coleader", "colead", "chair", "team-leader",
    "team-lead",
  ]
  /// The words accepted in a `team_role` cell meaning "member".
  static let memberWords: Set<String> = ["member", "team-member"]

  /// Reads a CSV roster; `deeps` is the mapping it will use (a custom gateway it places draws no
  /// warning).
  static func read(
    _ bytes: [UInt8], fileName: String, deeps: DeepMapping = .hargreaves,
    limits: RosterLimits = RosterLimits()
  ) throws(RosterError) -> Roster {
    var log = DiagnosticLog(file: fileName)
    if let (line, length) = firstLongLine(in: bytes, limit: limits.maximumLineBytes) {
      log.error(
        "this line is \(length) bytes long, more than the limit of \(limits.maximumLineBytes); "
          + "a roster line is never this long, so check that this is the right file "
          + "(or raise --max-line-length)",
        line: line)
      throw log.rosterError
    }
    var parser = CSVParser(
      bytes: bytes, maximumFieldBytes: limits.maximumLineBytes,
      maximumFields: limits.maximumFields)
    if parser.isBlankInput {
      log.error(
        "the file is empty; a roster needs a header row (at least staff_id,team) and one row "
          + "per team membership",
        line: 1)
      throw log.rosterError
    }

    // The header: the first non-blank record.
    var header: CSVRecord?
    while let record = parser.next() {
      if !record.isBlank {
        header = record
        break
      }
    }
    guard let header else {
      log.error("the file has no header row; start it with staff_id,team", line: 1)
      throw log.rosterError
    }
    if header.fields.count > limits.maximumFields {
      addProblems(of: parser, to: &log)
      throw log.rosterError
    }
    var columns: [Column?] = []
    var seen: [Column: CSVField] = [:]
    for field in header.fields {
      let column = column(forHeader: field.value)
      columns.append(column)
      if let column {
        if let first = seen[column] {
          log.error(
            "column \(column.rawValue) appears twice (also column \(first.column)); "
              + "delete one of them",
            line: field.line, column: field.column)
        } else {
          seen[column] = field
        }
      } else if field.value.trimmingCharacters(in: .whitespaces).isEmpty {
        log.warning(
          "a column has no name and is ignored; name it or delete it", line: field.line,
          column: field.column)
      } else {
        log.warning(
          "unknown column '\(field.value)' is ignored\(suggestColumn(field.value)); "
            + "known columns: \(Column.allCases.map(\.rawValue).joined(separator: ", "))",
          line: field.line, column: field.column)
      }
    }
    let missing = Column.required.filter { seen[$0] == nil }
    if !missing.isEmpty {
      // The first row is probably not a header (it may be data, or binary): report the missing
      // columns, or the tokenizer's problems in that row, but never repeat its cells.
      var headless = DiagnosticLog(file: fileName)
      if header.isDamaged {
        addProblems(of: parser, to: &headless)
      } else if header.fields.count == 1,
        let separator = foreignSeparator(in: header.fields[0].value)
      {
        // A spreadsheet saved with another separator (Excel in many European locales uses ';').
        headless.error(
          "the columns are separated by \(separator), not commas; save the file again as "
            + "comma-separated CSV (\"CSV UTF-8 (Comma delimited)\" in Excel)",
          line: header.line)
      } else {
        for column in missing {
          headless.error(
            "missing required column '\(column.rawValue)'; the first row has "
              + "\(header.fields.count) column\(header.fields.count == 1 ? "" : "s") and none "
              + "is \(column.rawValue). Add a \(column.rawValue) column (the header must be the "
              + "first row, with commas between the columns)",
            line: header.line)
        }
      }
      throw headless.rosterError
    }

    // Drafts live in arrays, found by id through one dictionary lookup per row.
    var personSlot: [String: Int] = [:]
    var people: [PersonDraft] = []
    var teamSlot: [String: Int] = [:]
    var teams: [TeamDraft] = []
    var cells = [CSVField?](repeating: nil, count: Column.allCases.count)
    // Per membership (team slot << 32 | person slot): the line of its first row, and whether
    // the person leads the team, as first stated. Integer keys hash far faster than ids.
    var membershipLines: [Int64: Int] = [:]
    var leaderFlags: [Int64: Sourced<Bool>] = [:]
    // Room for a row every ~24 bytes up front, so the tables do not rehash as they grow.
    let expectedRows = min(bytes.count / 16, 1 << 22)
    personSlot.reserveCapacity(expectedRows)
    people.reserveCapacity(expectedRows)
    teamSlot.reserveCapacity(expectedRows / 8)
    membershipLines.reserveCapacity(expectedRows)
    var warnedGateways: Set<String> = []
    var lastStaff: (id: String, slot: Int)?
    var lastTeam: (id: String, slot: Int)?
    var rowCount = 0

    while let record = parser.next() {
      if record.isBlank { continue }
      rowCount += 1
      // The tokenizer reported this row's problem (a missing quote, invalid UTF-8, too many
      // fields); its fields cannot be trusted.
      if record.isDamaged { continue }
      guard record.fields.count == header.fields.count else {
        let count = record.fields.count
        let extra = count > header.fields.count ? record.fields[header.fields.count] : nil
        log.error(
          "this row has \(count) field\(count == 1 ? "" : "s") but the header has "
            + "\(header.fields.count); "
            + (count > header.fields.count
              ? "there is an extra comma: put cells that contain commas in double quotes"
              : "a cell is missing: add the missing commas so every row has every column"),
          line: record.line, column: extra?.column)
        continue
      }
      for index in cells.indices { cells[index] = nil }
      var hasControl = false
      for (field, column) in zip(record.fields, columns) {
        guard let column else { continue }
        var trimmed = field
        trimmed.value = trimmedCell(field.value)
        if !field.isPlainASCII, let scalar = IdentifierCheck.controlCharacter(in: trimmed.value) {
          log.error(
            IdentifierCheck.controlMessage(column.rawValue, scalar), line: field.line,
            column: field.column)
          hasControl = true
        }
        cells[column.ordinal] = trimmed
      }
      if hasControl { continue }
      func value(_ column: Column) -> CSVField? {
        guard let cell = cells[column.ordinal], !cell.value.isEmpty else { return nil }
        return cell
      }

      let staffID = value(.staffID)?.value
      let teamID = value(.team)?.value
      if staffID == nil, teamID == nil {
        log.error(
          "this row has neither a staff_id nor a team; fill in at least one, or delete the row",
          line: record.line)
        continue
      }
      // Each id is looked up once; the slot found serves the checks and the row below.
      // Rows of one person (or one team) are often adjacent: reuse the last slot found.
      let existingPerson = staffID.flatMap {
        $0 == lastStaff?.id ? lastStaff?.slot : personSlot[$0]
      }
      let existingTeam = teamID.flatMap { $0 == lastTeam?.id ? lastTeam?.slot : teamSlot[$0] }
      var badID = false
      func check(_ column: Column, _ id: String?, earlier: (id: String, line: Int)?) {
        guard let id, let cell = value(column) else { return }
        if !cell.isPlainASCII, let scalar = IdentifierCheck.invisibleCharacter(in: id) {
          log.error(
            IdentifierCheck.invisibleMessage(column.rawValue, scalar), line: cell.line,
            column: cell.column)
          badID = true
        }
        if let (spelling, line) = earlier, IdentifierCheck.differInBytes(spelling, id) {
          log.error(
            IdentifierCheck.spellingMessage(column.rawValue, firstLine: line), line: cell.line,
            column: cell.column)
          badID = true
        }
      }
      check(.staffID, staffID, earlier: existingPerson.map { (people[$0].id, people[$0].line) })
      check(.team, teamID, earlier: existingTeam.map { (teams[$0].id, teams[$0].line) })
      if badID { continue }

      var personSlotOfRow: Int?
      if let staffID {
        let slot: Int
        if let existing = existingPerson {
          slot = existing
        } else {
          slot = people.count
          personSlot[staffID] = slot
          people.append(PersonDraft(id: staffID, line: record.line))
        }
        // Mutated in place through the array (no copy of the draft per row).
        let owner = { "staff_id" }
        if let cell = value(.name) {
          agree(&people[slot].name, sourced(cell.value, cell), "name", owner, nil, &log)
        }
        if let cell = value(.role) {
          agree(&people[slot].role, sourced(cell.value, cell), "role", owner, nil, &log)
        }
        if let cell = value(.department) {
          agree(&people[slot].department, sourced(cell.value, cell), "department", owner, nil, &log)
        }
        if let cell = value(.yearGroup) {
          agree(&people[slot].yearGroup, sourced(cell.value, cell), "year_group", owner, nil, &log)
        }
        if let cell = value(.staffType) {
          if let type = StaffTypeClassifier.staffType(named: cell.value) {
            agree(
              &people[slot].staffType, sourced(type, cell), "staff_type", owner, \.rawValue, &log)
          } else {
            log.error(
              "unknown staff_type '\(cell.value)'; use senior, middle, teacher or support "
                + "(or leave it blank to derive it from the role)",
              line: cell.line, column: cell.column)
          }
        }
        if let cell = value(.maxTeams) {
          if let cap = Int(cell.value), cap >= 1 {
            agree(&people[slot].maxTeams, sourced(cap, cell), "max_teams", owner, { "\($0)" }, &log)
          } else {
            log.error(
              "max_teams must be a whole number of at least 1 (the most teams this person "
                + "should sit on); got '\(cell.value)'. Leave it blank for no cap",
              line: cell.line, column: cell.column)
          }
        }
        personSlotOfRow = slot
        lastStaff = (staffID, slot)
      } else {
        let stray = Column.personColumns.compactMap { value($0) }
        if let first = stray.first {
          log.warning(
            "this row has no staff_id, so it only declares its team; its person details are "
              + "ignored. Fill in staff_id if this row is about someone",
            line: first.line, column: first.column)
        }
      }

      var isLeader: Bool?
      if let cell = value(.teamRole) {
        let word = GatewayCatalog.normalize(cell.value)
        if leaderWords.contains(word) {
          isLeader = true
        } else if memberWords.contains(word) {
          isLeader = false
        } else {
          log.error(
            "team_role must be 'leader' or 'member' (or blank for member); got '\(cell.value)'",
            line: cell.line, column: cell.column)
        }
        if teamID == nil || staffID == nil {
          log.warning(
            "team_role is ignored on a row without both a staff_id and a team", line: cell.line,
            column: cell.column)
        }
      }

      guard let teamID else {
        for column in [Column.gateway, .teamName] {
          if let cell = value(column) {
            log.warning(
              "\(column.rawValue) is ignored on a row with no team; fill in the team",
              line: cell.line, column: cell.column)
          }
        }
        continue
      }
      let teamIndex: Int
      if let existing = existingTeam {
        teamIndex = existing
      } else {
        teamIndex = teams.count
        teamSlot[teamID] = teamIndex
        teams.append(TeamDraft(id: teamID, line: record.line, column: value(.team)?.column ?? 1))
      }
      lastTeam = (teamID, teamIndex)
      let owner = { "team" }
      if let cell = value(.teamName) {
        agree(&teams[teamIndex].name, sourced(cell.value, cell), "team_name", owner, { $0 }, &log)
      }
      if let cell = value(.gateway) {
        if let gateway = gateway(named: cell, deeps: deeps, warned: &warnedGateways, log: &log) {
          agree(&teams[teamIndex].gateway, sourced(gateway, cell), "gateway", owner, \.id, &log)
        }
      }
      if let slot = personSlotOfRow {
        let key = Int64(teamIndex) << 32 | Int64(slot)
        if let firstLine = membershipLines[key] {
          log.warning(
            "repeated membership: line \(firstLine) already puts this staff_id on this team; "
              + "counted once. Delete one of the rows",
            line: record.line)
        } else {
          membershipLines[key] = record.line
          teams[teamIndex].members.append(Int32(truncatingIfNeeded: slot))
        }
        if let isLeader, let cell = value(.teamRole) {
          agree(
            &leaderFlags[key], sourced(isLeader, cell), "team_role",
            { "staff_id on this team" }, { $0 ? "leader" : "member" }, &log)
        }
      }
    }

    if rowCount == 0, !log.hasErrors {
      log.error(
        "the roster has a header row but no data rows; add one row per team membership",
        line: header.line)
    }
    addProblems(of: parser, to: &log)
    if log.hasErrors { throw log.rosterError }

    // Job titles repeat ("Teacher of Maths"): classify each distinct one once.
    var typeOfRole: [String: StaffType] = [:]
    let staff = people.map { person in
      let role = person.role?.value ?? ""
      var type = person.staffType?.value
      if type == nil {
        if let known = typeOfRole[role] {
          type = known
        } else {
          let derived = StaffTypeClassifier.staffType(forRole: role) ?? .teacher
          typeOfRole[role] = derived
          type = derived
        }
      }
      return StaffMember(
        id: person.id, name: person.name?.value, role: role,
        staffType: type ?? .teacher,
        department: person.department?.value, yearGroup: person.yearGroup?.value,
        maxTeams: person.maxTeams?.value)
    }
    // Without a team_role column no team has a leader: say so once, not once per team.
    let hasTeamRoleColumn = seen[.teamRole] != nil
    if !hasTeamRoleColumn, teams.contains(where: { !$0.members.isEmpty }) {
      log.warning(
        "the roster has no team_role column, so no team has a leader; add a team_role column "
          + "and put 'leader' on each leader's row (Vacher: the leader should not be the link)",
        line: header.line)
    }
    var built: [Team] = []
    built.reserveCapacity(teams.count)
    for (teamIndex, draft) in teams.enumerated() {
      let id = draft.id
      var leaders: [String] = []
      if !leaderFlags.isEmpty {
        for slot in draft.members
        where leaderFlags[Int64(teamIndex) << 32 | Int64(slot)]?.value == true {
          leaders.append(people[Int(slot)].id)
        }
      }
      if leaders.isEmpty, !draft.members.isEmpty, hasTeamRoleColumn {
        log.warning(
          "this team has no leader; put 'leader' in the team_role column of its leader's row",
          line: draft.line, column: draft.column)
      }
      built.append(
        Team(
          id: id, name: draft.name?.value, gateway: draft.gateway?.value,
          members: draft.members.map { people[Int($0)].id }, leaders: leaders))
    }
    return Roster(
      trustedStaff: staff, teams: built, memberSlots: teams.map(\.members), deeps: deeps,
      warnings: log.finalWarnings)
  }

  /// `';'` or `a tab` when a header cell is really several columns joined by that separator.
  static func foreignSeparator(in cell: String) -> String? {
    if cell.contains(";") { return "';'" }
    if cell.contains("\t") { return "tabs" }
    return nil
  }

  /// A cell without the white space around it. Most cells have none, and are returned as they
  /// are without a trip through Foundation.
  static func trimmedCell(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte > 0x20 }
    if plain(first) && plain(last) { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func sourced<Value>(_ value: Value, _ cell: CSVField) -> Sourced<Value> {
    Sourced(value: value, line: cell.line, column: cell.column)
  }

  /// Records a value, or reports a conflict with the value given on an earlier row.
  ///
  /// `shown` words the values in the message; it is `nil` for personal data (a name, a role, a
  /// department, a year group), which a message never repeats. `owner` says what the rows
  /// share ("staff_id", "team"), never the id itself.
  private static func agree<Value>(
    _ existing: inout Sourced<Value>?, _ new: Sourced<Value>, _ what: String,
    _ owner: () -> String,
    _ shown: ((Value) -> String)?, _ log: inout DiagnosticLog
  ) {
    guard let old = existing else {
      existing = new
      return
    }
    guard old.value != new.value else { return }
    let values = shown.map { " ('\($0(new.value))' here, '\($0(old.value))' there)" } ?? ""
    log.error(
      "conflicting \(what): line \(old.line) gives the same \(owner()) another \(what)\(values); "
        + "make the rows agree (or leave the cell blank on one of them)",
      line: new.line, column: new.column)
  }

  /// The gateway a cell names; an unknown name becomes a custom gateway, with a warning.
  private static func gateway(
    named cell: CSVField, deeps: DeepMapping, warned: inout Set<String>,
    log: inout DiagnosticLog
  ) -> Gateway? {
    if let gateway = GatewayCatalog.resolve(cell.value) { return gateway }
    let id = GatewayCatalog.normalize(cell.value)
    guard !id.isEmpty else {
      log.error(
        "gateway '\(cell.value)' has no letters or digits; name one of the nine gateways",
        line: cell.line, column: cell.column)
      return nil
    }
    if deeps.deep(of: Gateway(id: id)) == nil, warned.insert(id).inserted {
      log.warning(
        GatewayCatalog.unknownGatewayMessage(cell.value, id: id), line: cell.line,
        column: cell.column)
    }
    return Gateway(id: id)
  }

  /// ", did you mean staff_id?" when a header is close to a known column.
  private static func suggestColumn(_ header: String) -> String {
    let key = Array(headerKey(header))
    let scored = Column.allCases.map { ($0, GatewayCatalog.editDistance(key, Array($0.rawValue))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else {
      return ""
    }
    return " (did you mean \(best.0.rawValue)?)"
  }

  /// The first line (1-based, LF, CRLF or CR ends) longer than `limit` bytes and its length,
  /// or `nil` when every line fits.
  /// - Complexity: O(n) in the number of bytes.
  static func firstLongLine(in bytes: [UInt8], limit: Int) -> (line: Int, length: Int)? {
    guard bytes.count > limit else { return nil }
    var line = 1
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        if index - start > limit { return (line, index - start) }
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        line += 1
        start = index + 1
      }
      index += 1
    }
    return bytes.count - start > limit ? (line, bytes.count - start) : nil
  }

  /// Turns the tokenizer's problems into errors.
  private static func addProblems(of parser: CSVParser, to log: inout DiagnosticLog) {
    for problem in parser.problems {
      log.error(problem.message, line: problem.line, column: problem.column)
    }
    if parser.furtherInvalidUTF8Count > 0 {
      log.error(
        "invalid UTF-8 also in \(parser.furtherInvalidUTF8Count) more "
          + "cell\(parser.furtherInvalidUTF8Count == 1 ? "" : "s")")
    }
  }
}

extension GatewayCatalog {
  /// The warning for a gateway name the catalog does not know.
  static func unknownGatewayMessage(_ name: String, id: String) -> String {
    let hint = nearest(to: name).map { "did you mean \($0.id)? " } ?? ""
    return
      "unknown gateway '\(name)'; \(hint)It is kept as a custom gateway '\(id)', which belongs "
      + "to no deep unless a deeps mapping places it. The nine gateways: "
      + Gateway.standard.map(\.id).joined(separator: ", ")
  }
}

import Foundation

/// Reads the JSON roster format.
///
/// ```json
/// {"staff": [{"id": "s1", "name": "Ada Teacher", "role": "Head of Maths"}],
///  "teams": [{"id": "voice", "gateway": "student voice", "leaders": ["s1"], "members": []}],
///  "deeps": {"wellbeing": "support"}}
/// ```
///
/// The JSON is checked as JSON here (objects, lists, keys, an id on every entry, each staff or
/// team listed once, every leader and member in the staff list); then each entry becomes a row
/// of cells (``JSONRows``: a staff entry a person's row, a team entry a row declaring the team,
/// each leader and member a membership row), its keys the columns of the one table of them
/// (``RosterColumn/jsonKey(in:)``), and the rows go to the assembler every source shares. So
/// every check of a value (a staff type, `maxTeams`, a gateway, ids in two cases, a repeated
/// membership, a team with no leader) is the one a CSV roster gets.
///
/// Diagnostics name the JSON path (`teams[3].members[1]`, indices from 0) and the line.
/// `members` may list the leaders again or not. With `school` on staff and teams, the file is a
/// trust's, read as the rows of a CSV roster with `school`, `person_id` and `team_school`
/// columns are.
enum JSONRosterReader {
  /// The keys a staff entry may have: the JSON keys of the one table of columns.
  static let staffKeys = RosterColumn.jsonKeys(in: .staff)
  /// The keys a team entry may have.
  static let teamKeys = RosterColumn.jsonKeys(in: .team) + ["leaders", "members"]
  /// The keys a leader or member written as an object may have.
  static let memberKeys = RosterColumn.jsonKeys(in: .member)

  /// Reads a JSON roster; `deepsOverride` replaces its `deeps` (a custom gateway placed by the
  /// mapping in use draws no warning).
  /// - Throws: ``RosterError`` with every problem, placed by line and JSON path.
  /// - Complexity: O(n log n) in the size of the file.
  static func read(
    _ bytes: [UInt8], fileName: String, deepsOverride: DeepMapping? = nil,
    limits: RosterLimits = RosterLimits(), options: RosterReadOptions = RosterReadOptions()
  ) throws(RosterError) -> Roster {
    let source = try rows(bytes, fileName: fileName, deepsOverride: deepsOverride, options: options)
    let roster: Roster
    do throws(RosterError) {
      roster = try CSVRosterReader.assemble(
        source.prepared, deeps: source.deeps, limits: limits, options: source.options,
        halvesThreshold: .max)
    } catch {
      throw source.failure(error.diagnostics)
    }
    if source.log.hasErrors { throw source.failure(roster.warnings) }
    var placed = roster
    placed.warnings = source.warnings(roster.warnings)
    return placed
  }

  /// Reads a JSON roster as the schools it holds: with `school` keys, each school's entries are
  /// that school's rows, as a CSV roster's rows with a `school` column are.
  /// - Complexity: O(n log n) in the size of the file.
  static func readSchools(
    _ bytes: [UInt8], fileName: String, deepsOverride: DeepMapping?, limits: RosterLimits,
    options: RosterReadOptions, defaultSchool: String?
  ) throws(RosterError) -> CSVRosterReader.FileSchools {
    let source = try rows(bytes, fileName: fileName, deepsOverride: deepsOverride, options: options)
    let read: CSVRosterReader.FileSchools
    do throws(RosterError) {
      read = try CSVRosterReader.readSchools(
        source.prepared, deeps: source.deeps, limits: limits, options: source.options,
        halvesThreshold: .max, defaultSchool: defaultSchool)
    } catch {
      throw source.failure(error.diagnostics)
    }
    switch read {
    case .school(let roster):
      if source.log.hasErrors { throw source.failure(roster.warnings) }
      var placed = roster
      placed.warnings = source.warnings(roster.warnings)
      return .school(placed)
    case .schools(let schools, let trustTeams):
      if source.log.hasErrors { throw source.failure(schools.flatMap(\.roster.warnings)) }
      // The JSON's own warnings go with the first school, the assembler's with their own.
      var bare = source
      bare.log = DiagnosticLog(file: fileName)
      return .schools(
        schools.enumerated().map { index, school in
          var school = school
          school.roster.warnings = (index == 0 ? source : bare).warnings(school.roster.warnings)
          school.outside = school.outside.map { outside in
            var outside = outside
            outside.line = source.rows.line(ofRow: outside.line)
            return outside
          }
          return school
        }, trustTeams: trustTeams)
    }
  }

  /// A JSON roster made rows: the rows and their column map, ready for the assembler, the
  /// JSON's own diagnostics, and what places the assembler's diagnostics in the JSON.
  struct Source {
    var prepared: CSVRosterReader.Prepared<JSONRows>
    var rows: JSONRows { prepared.parser }
    var deeps: DeepMapping
    var options: RosterReadOptions
    /// The diagnostics about the JSON itself, on its lines.
    var log: DiagnosticLog

    /// The assembler's diagnostics placed in the JSON, with the JSON's own, in file order.
    private func combined(_ diagnostics: [Diagnostic]) -> DiagnosticLog {
      var combined = log
      var seen: Set<Diagnostic> = []
      for diagnostic in diagnostics {
        // A team's id is a cell of each of its membership rows: its problem is said once.
        let placed = rows.place(diagnostic)
        if seen.insert(placed).inserted { combined.add(placed) }
      }
      return combined
    }

    /// The error for the assembler's diagnostics and the JSON's own.
    func failure(_ diagnostics: [Diagnostic]) -> RosterError { combined(diagnostics).rosterError }

    /// A roster's warnings placed in the JSON, with the JSON's own warnings.
    func warnings(_ warnings: [Diagnostic]) -> [Diagnostic] { combined(warnings).finalWarnings }
  }

  /// Checks the JSON and makes its entries rows.
  /// - Throws: ``RosterError`` when the file is not a JSON roster at all (empty, not JSON, not
  ///   an object); other problems are in the source's log.
  static func rows(
    _ bytes: [UInt8], fileName: String, deepsOverride: DeepMapping?, options: RosterReadOptions
  ) throws(RosterError) -> Source {
    var log = DiagnosticLog(file: fileName)
    let blank = bytes.allSatisfy { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    if blank {
      log.error(
        "the file is empty; a JSON roster is an object {\"staff\": [...], \"teams\": [...]}",
        line: 1)
      throw log.rosterError
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      log.error("invalid JSON: \(error.message)", line: error.line, column: error.column)
      throw log.rosterError
    }
    guard let top = object(root, "the roster", &log) else {
      throw log.rosterError
    }
    for (key, node) in top where !["staff", "teams", "deeps"].contains(key) {
      log.warning(
        "unknown key \"\(key)\" is ignored; expected staff, teams or deeps", line: node.line)
    }
    var deeps = deepsOverride ?? .hargreaves
    if deepsOverride == nil, let node = member(top, "deeps"), !isNull(node) {
      deeps = DeepMappingFile.mapping(fromJSON: node, path: "deeps", log: &log)
    }
    var staff: [JSONNode] = []
    if let node = member(top, "staff") {
      staff = array(node, "staff", &log) ?? []
    } else {
      log.error(
        "the roster has no \"staff\" list; add \"staff\": [{\"id\": ...}, ...]", line: root.line)
    }
    var teams: [JSONNode] = []
    if let node = member(top, "teams") {
      teams = array(node, "teams", &log) ?? []
    } else {
      log.error(
        "the roster has no \"teams\" list; add \"teams\": [{\"id\": ..., \"members\": [...]}]",
        line: root.line)
    }
    var builder = RowBuilder(
      staff: staff, teams: teams, exactIDs: options.exactIDs, log: log)
    builder.addStaff()
    builder.addTeams()

    var jsonOptions = options
    jsonOptions.layout = .long
    var map = CSVRosterReader.ColumnMap(
      columns: builder.columns, forcedLayout: .long, isGrid: false)
    map.leaderHint = "list its leader in \"leaders\""
    let header = CSVRecord(
      line: 0,
      fields: builder.columns.enumerated().map { position, column in
        CSVField(value: column.rawValue, line: 0, column: position + 1, isPlainASCII: true)
      })
    let rows = builder.rows
    let prepared = CSVRosterReader.Prepared(
      bytes: RosterBytes(rows.text), header: header, map: map, parser: rows,
      log: DiagnosticLog(file: fileName), delimiter: .comma, encoding: .utf8,
      describesReading: false, noRowsMessage: nil, expectedRows: rows.rowCount)
    return Source(
      prepared: prepared, deeps: deeps, options: jsonOptions, log: builder.log)
  }

  /// Turns the checked entries into rows.
  private struct RowBuilder {
    let staff: [JSONNode]
    let teams: [JSONNode]
    let exactIDs: Bool
    var log: DiagnosticLog
    /// The columns of the rows: every column a JSON key reads, `team_role`, and, in a trust's
    /// roster, `team_school`.
    let columns: [RosterColumn]
    /// Whether some entry has a `school`: the roster is a trust's.
    let hasSchools: Bool
    private(set) var rows: JSONRows
    /// Each school's staff: its id as the mapper compares it (lower case unless `--exact-ids`),
    /// the id as listed, and its entry's line.
    private var staffOfSchool: [String: [String: (id: String, line: Int)]] = [:]
    /// The schools whose staff have an id (compared as above), for a trust-wide team's members.
    private var schoolsOfStaff: [String: [String]] = [:]
    private var firstSchool: String?

    init(staff: [JSONNode], teams: [JSONNode], exactIDs: Bool, log: DiagnosticLog) {
      self.staff = staff
      self.teams = teams
      self.exactIDs = exactIDs
      self.log = log
      let hasSchools = (staff + teams).contains { entry in
        guard case .object(let fields) = entry.value,
          let school = JSONRosterReader.member(fields, "school")
        else { return false }
        return !JSONRosterReader.isNull(school)
      }
      self.hasSchools = hasSchools
      var columns = RosterColumn.allCases.filter { column in
        [.staff, .team, .member].contains { column.jsonKey(in: $0) != nil }
          || column == .teamRole || column == .teamSchool
      }
      if !hasSchools { columns.removeAll { $0 == .school || $0 == .teamSchool } }
      self.columns = columns
      rows = JSONRows(columns: columns)
    }

    private func key(_ id: String) -> String { exactIDs ? id : id.lowercased() }

    /// The staff entries, each a person's row.
    mutating func addStaff() {
      var spellings: [String: String] = [:]
      for (index, entry) in staff.enumerated() {
        let path = "staff[\(index)]"
        guard let fields = object(entry, path, &log) else { continue }
        warnUnknownKeys(fields, staffKeys, path, &log)
        guard let id = requiredID(fields, path, entry.line, &log) else { continue }
        guard
          let school = school(
            of: fields, path, line: entry.line, otherwise: "none of them")
        else { continue }
        if firstSchool == nil { firstSchool = school }
        // Looked up and set in place: a copy of the school's table per entry would make
        // reading quadratic in the staff.
        if let first = staffOfSchool[school]?[key(id)] {
          if first.id == id, let spelling = spellings[school + "\u{0}" + id],
            IdentifierCheck.differInBytes(spelling, id)
          {
            log.error(
              "\(path).id: "
                + IdentifierCheck.spellingMessage("this staff id", firstLine: first.line),
              line: entry.line)
          } else if first.id == id {
            log.error(
              "\(path).id: this staff id is listed twice (also on line \(first.line)); give each "
                + "person one entry",
              line: entry.line)
          } else {
            log.error(
              "\(path).id: this staff id differs only in case from the one on line "
                + "\(first.line), so it is the same person listed twice; give each person one "
                + "entry (or give --exact-ids to keep such ids apart)",
              line: entry.line)
          }
          continue
        }
        spellings[school + "\u{0}" + id] = id
        staffOfSchool[school, default: [:]][key(id)] = (id, entry.line)
        schoolsOfStaff[key(id), default: []].append(school)
        rows.beginRow(JSONRows.RowPlace(kind: .staff, entry: index, line: entry.line))
        for (key, node) in fields {
          guard let column = RosterColumn.column(jsonKey: key, in: .staff),
            let text = cellText(node, column, "\(path).\(key)", &log)
          else { continue }
          rows.add(column, text, line: node.line)
        }
      }
    }

    /// The team entries, each a row declaring the team, and a membership row for each of its
    /// leaders and members.
    /// An entry's school: its `school` text when the roster names schools, `""` when it names
    /// none; `nil` (with the error logged, its hint ending in `otherwise`) when it names schools
    /// but this entry has none.
    /// - Complexity: O(k) for k keys of the entry.
    private mutating func school(
      of fields: [(key: String, node: JSONNode)], _ path: String, line: Int, otherwise: String
    ) -> String? {
      guard hasSchools else { return "" }
      if let named = optionalText(fields, "school", path, &log) { return named }
      log.error(
        "\(path): this entry has no \"school\"; give every staff and team entry its school "
          + "(or \(otherwise))",
        line: line)
      return nil
    }

    mutating func addTeams() {
      var known: [String: [String: (id: String, line: Int)]] = [:]
      for (index, entry) in teams.enumerated() {
        let path = "teams[\(index)]"
        guard let fields = object(entry, path, &log) else { continue }
        warnUnknownKeys(fields, teamKeys, path, &log)
        guard let id = requiredID(fields, path, entry.line, &log) else { continue }
        guard
          let school = school(
            of: fields, path, line: entry.line,
            otherwise: "\"\(TrustRoster.trustWord)\" for a trust-wide team")
        else { continue }
        let isTrust = hasSchools && school.lowercased() == TrustRoster.trustWord
        if let first = known[school]?[key(id)] {
          log.error(
            first.id == id
              ? "\(path).id: this team id is listed twice (also on line \(first.line)); give "
                + "each team one entry"
              : "\(path).id: this team id differs only in case from the one on line "
                + "\(first.line), so it is the same team listed twice; give each team one entry "
                + "(or give --exact-ids to keep such ids apart)",
            line: entry.line)
          continue
        }
        known[school, default: [:]][key(id)] = (id, entry.line)
        // The row declaring the team: a trust-wide team's is a row of some school naming the
        // trust as the team's school, as in CSV.
        let rowSchool = isTrust ? (firstSchool ?? school) : school
        rows.beginRow(JSONRows.RowPlace(kind: .team, entry: index, line: entry.line))
        var teamCell = -1
        for (key, node) in fields where key != "school" {
          guard let column = RosterColumn.column(jsonKey: key, in: .team),
            let text = cellText(node, column, "\(path).\(key)", &log)
          else { continue }
          let cell = rows.add(column, text, line: node.line)
          if column == .team { teamCell = cell }
        }
        if hasSchools {
          rows.add(.school, rowSchool, line: entry.line)
          if isTrust { rows.add(.teamSchool, TrustRoster.trustWord, line: entry.line) }
        }
        guard teamCell >= 0 else { continue }
        let leaders = elements(fields, "leaders", path)
        let leaderKeys = Set(
          leaders.map { key($0.id) + "\u{0}" + ($0.school ?? (isTrust ? "" : school)) })
        for (kind, list) in [
          (JSONRows.RowKind.leader, leaders), (.member, elements(fields, "members", path)),
        ] {
          for element in list {
            let listPath = "\(path).\(kind == .leader ? "leaders" : "members")[\(element.index)]"
            guard
              let personSchool = personSchool(
                element, team: isTrust ? nil : school, path: listPath)
            else { continue }
            if kind == .member,
              leaderKeys.contains(
                key(element.id) + "\u{0}" + (element.school ?? (isTrust ? "" : school)))
            {
              continue  // a leader listed among the members too
            }
            rows.beginRow(
              JSONRows.RowPlace(
                kind: kind, entry: index, element: element.index,
                isObject: element.isObject, line: element.line))
            rows.add(.staffID, element.idText, line: element.line, isObjectKey: element.isObject)
            rows.addTeam(cell: teamCell)
            rows.add(
              .teamRole, kind == .leader ? "leader" : "member", line: element.line)
            if hasSchools {
              rows.add(
                .school, personSchool, line: element.line,
                isObjectKey: element.isObject && element.school != nil)
              if isTrust {
                rows.add(.teamSchool, TrustRoster.trustWord, line: element.line)
              } else if personSchool != school {
                rows.add(.teamSchool, school, line: element.line)
              }
            }
          }
        }
      }
    }

    /// One id of a `leaders` or `members` list: a staff id, or an object with the id and the
    /// person's school.
    struct Element {
      var index: Int
      var id: String
      /// The id as the file writes it (trimmed by the assembler, as a cell is).
      var idText: String
      var school: String?
      var isObject: Bool
      var line: Int
    }

    /// The ids a `leaders` or `members` list holds.
    private mutating func elements(
      _ fields: [(key: String, node: JSONNode)], _ key: String, _ path: String
    ) -> [Element] {
      guard let node = member(fields, key), !isNull(node),
        let list = array(node, "\(path).\(key)", &log)
      else { return [] }
      var found: [Element] = []
      for (index, element) in list.enumerated() {
        let elementPath = "\(path).\(key)[\(index)]"
        if case .object = element.value {
          guard let entry = object(element, elementPath, &log) else { continue }
          warnUnknownKeys(entry, memberKeys, elementPath, &log)
          guard let id = requiredID(entry, elementPath, element.line, &log) else { continue }
          found.append(
            Element(
              index: index, id: id, idText: id,
              school: optionalText(entry, "school", elementPath, &log), isObject: true,
              line: element.line))
          continue
        }
        guard let id = JSONRosterReader.text(element, elementPath, &log), !id.isEmpty else {
          if isNull(element) {
            log.error("\(elementPath): expected a staff id", line: element.line)
          }
          continue
        }
        found.append(
          Element(
            index: index, id: id, idText: id, school: nil, isObject: false, line: element.line))
      }
      return found
    }

    /// The school of a listed person, checked against the staff: the school the element names,
    /// else the team's (`team`, `nil` for a trust-wide team: the one school with such a staff
    /// id). `nil`, with an error, when no such person is in the staff list.
    private mutating func personSchool(_ element: Element, team: String?, path: String)
      -> String?
    {
      let id = key(element.id)
      var school = element.school ?? team
      if school == nil {
        let schools = schoolsOfStaff[id] ?? []
        if schools.count > 1 {
          log.error(
            "\(path): several schools have staff id '\(CSVRosterReader.shown(element.id))'; "
              + "write {\"id\": ..., \"school\": ...} to say whose",
            line: element.line)
          return nil
        }
        school = schools.first
      }
      guard let school, staffOfSchool[school]?[id] != nil else {
        log.error(
          "\(path): this id is not in the staff list"
            + (hasSchools && element.school != nil ? " of school '\(element.school ?? "")'" : "")
            + "; add them to \"staff\" or correct the id",
          line: element.line)
        return nil
      }
      return school
    }
  }

  // MARK: Typed access with diagnostics

  /// The last value of a key in an object (a repeated key is reported by ``object``).
  static func member(_ fields: [(key: String, node: JSONNode)], _ key: String) -> JSONNode? {
    fields.last { $0.key == key }?.node
  }

  static func isNull(_ node: JSONNode) -> Bool {
    if case .null = node.value { return true }
    return false
  }

  /// The members of an object, or an error naming the path.
  static func object(_ node: JSONNode, _ path: String, _ log: inout DiagnosticLog)
    -> [(key: String, node: JSONNode)]?
  {
    guard case .object(let fields) = node.value else {
      log.error("\(path): expected an object {...} but found \(node.kindName)", line: node.line)
      return nil
    }
    var seen: Set<String> = []
    for (key, value) in fields where !seen.insert(key).inserted {
      log.error(
        "\(path == "the roster" ? "" : path + ".")\(key): this key appears twice; keep one",
        line: value.line)
    }
    return fields
  }

  /// The elements of an array, or an error naming the path.
  static func array(_ node: JSONNode, _ path: String, _ log: inout DiagnosticLog) -> [JSONNode]? {
    guard case .array(let elements) = node.value else {
      log.error("\(path): expected a list [...] but found \(node.kindName)", line: node.line)
      return nil
    }
    return elements
  }

  /// A string (or an integer, read as text), trimmed; `nil` with an error otherwise, or for
  /// null. For ids and schools, which the reader compares before the assembler checks them.
  static func text(_ node: JSONNode, _ path: String, _ log: inout DiagnosticLog) -> String? {
    switch node.value {
    case .string(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
    case .number(let text) where Int(text) != nil: return text
    case .null: return nil
    default:
      log.error("\(path): expected a string but found \(node.kindName)", line: node.line)
      return nil
    }
  }

  /// The text of a key's value as a cell of `column`, as the file writes it: a string, a number
  /// as written, `true` or `false` for a flag (`suggestable`); `nil` for null, and with an error
  /// for any other value. The assembler checks the text as it checks a CSV cell.
  static func cellText(
    _ node: JSONNode, _ column: RosterColumn, _ path: String, _ log: inout DiagnosticLog
  ) -> String? {
    switch node.value {
    case .string(let text): return text
    case .number(let text): return text
    case .bool(let flag) where column == .suggestable: return flag ? "true" : "false"
    case .null: return nil
    default:
      log.error(
        "\(path): expected \(column == .suggestable ? "true or false" : "a string") but found "
          + node.kindName,
        line: node.line)
      return nil
    }
  }

  /// An optional text field; blank counts as absent.
  static func optionalText(
    _ fields: [(key: String, node: JSONNode)], _ key: String, _ path: String,
    _ log: inout DiagnosticLog
  ) -> String? {
    guard let node = member(fields, key), let value = text(node, "\(path).\(key)", &log),
      !value.isEmpty
    else { return nil }
    return value
  }

  /// The required, non-empty `id` of an entry.
  static func requiredID(
    _ fields: [(key: String, node: JSONNode)], _ path: String, _ line: Int,
    _ log: inout DiagnosticLog
  ) -> String? {
    guard let node = member(fields, "id") else {
      log.error("\(path): this entry has no \"id\"; every entry needs one", line: line)
      return nil
    }
    guard let id = text(node, "\(path).id", &log) else {
      if isNull(node) { log.error("\(path).id: the id is null; give a non-empty id", line: line) }
      return nil
    }
    guard !id.isEmpty else {
      log.error("\(path).id: the id is empty; give a non-empty id", line: node.line)
      return nil
    }
    return id
  }

  static func warnUnknownKeys(
    _ fields: [(key: String, node: JSONNode)], _ known: [String], _ path: String,
    _ log: inout DiagnosticLog
  ) {
    for (key, node) in fields where !known.contains(key) {
      log.warning(
        "\(path).\(key): unknown key is ignored; known keys: \(known.joined(separator: ", "))",
        line: node.line)
    }
  }
}

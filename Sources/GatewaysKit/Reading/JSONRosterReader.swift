import Foundation

/// Reads the JSON roster format.
///
/// ```json
/// {"staff": [{"id": "s1", "name": "Ada Teacher", "role": "Head of Maths"}],
///  "teams": [{"id": "voice", "gateway": "student voice", "leaders": ["s1"], "members": []}],
///  "deeps": {"wellbeing": "support"}}
/// ```
///
/// Diagnostics name the JSON path (`teams[3].members[1]`, indices from 0) and the line. Every
/// team member and leader must be listed in `staff`; `members` may list the leaders again or not.
enum JSONRosterReader {
  /// The keys a staff entry may have: the JSON keys of the person's columns in the one table of
  /// columns (``RosterColumn/jsonKey``).
  static let staffKeys = ["id"] + RosterColumn.personColumns.compactMap(\.jsonKey)
  /// The keys a team entry may have.
  static let teamKeys =
    ["id"] + [RosterColumn.teamName, .gateway].compactMap(\.jsonKey) + ["leaders", "members"]

  /// Reads a JSON roster; `deepsOverride` replaces its `deeps` (a custom gateway placed by the
  /// mapping in use draws no warning).
  static func read(
    _ bytes: [UInt8], fileName: String, deepsOverride: DeepMapping? = nil, exactIDs: Bool = false
  ) throws(RosterError) -> Roster {
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

    var staff: [StaffMember] = []
    var staffLines: [String: Int] = [:]
    var staffSpellings: [String: String] = [:]
    // Unless ids are exact, a staff id in lower case finds its spelling (case differs only).
    var lowercased: [String: (id: String, line: Int)] = [:]
    var teamsLowercased: [String: Int] = [:]
    var warnedCase: Set<String> = []
    if let node = member(top, "staff") {
      for (index, entry) in (array(node, "staff", &log) ?? []).enumerated() {
        let path = "staff[\(index)]"
        guard let fields = object(entry, path, &log) else { continue }
        warnUnknownKeys(fields, staffKeys, path, &log)
        guard let id = requiredID(fields, path, entry.line, &log) else { continue }
        if let first = staffLines[id], let spelling = staffSpellings[id],
          IdentifierCheck.differInBytes(spelling, id)
        {
          log.error(
            "\(path).id: " + IdentifierCheck.spellingMessage("this staff id", firstLine: first),
            line: entry.line)
          continue
        }
        staffSpellings[id] = staffSpellings[id] ?? id
        if !exactIDs, staffLines[id] == nil, let first = lowercased[id.lowercased()] {
          log.error(
            "\(path).id: this staff id differs only in case from the one on line \(first.line), "
              + "so it is the same person listed twice; give each person one entry (or give "
              + "--exact-ids to keep such ids apart)",
            line: entry.line)
          continue
        }
        if let first = staffLines[id] {
          log.error(
            "\(path).id: this staff id is listed twice (also on line \(first)); give each "
              + "person one entry",
            line: entry.line)
          continue
        }
        staffLines[id] = entry.line
        if !exactIDs { lowercased[id.lowercased()] = (id, entry.line) }
        let role = optionalText(fields, "role", path, &log) ?? ""
        var type: StaffType?
        if let node = member(fields, "staffType"), let text = text(node, "\(path).staffType", &log)
        {
          type = StaffTypeClassifier.staffType(named: text)
          if type == nil {
            log.error(
              "\(path).staffType: unknown staff type '\(text)'; use senior, middle, teacher or "
                + "support (or leave it out to derive it from the role)",
              line: node.line)
          }
        }
        var maxTeams: Int?
        if let node = member(fields, "maxTeams"), !isNull(node) {
          if case .number(let text) = node.value, let cap = Int(text), cap >= 1 {
            maxTeams = cap
          } else {
            log.error(
              "\(path).maxTeams: must be a whole number of at least 1 (the most teams this "
                + "person should sit on); leave it out for no cap",
              line: node.line)
          }
        }
        var suggestable = true
        if let node = member(fields, "suggestable"), !isNull(node) {
          if case .bool(let flag) = node.value {
            suggestable = flag
          } else {
            log.error(
              "\(path).suggestable: must be true or false (false keeps this person out of "
                + "every plan)",
              line: node.line)
          }
        }
        var entry = StaffMember(
          id: id, name: optionalText(fields, "name", path, &log), role: role,
          staffType: type ?? StaffTypeClassifier.staffType(forRole: role) ?? .teacher,
          department: optionalText(fields, "department", path, &log),
          yearGroup: optionalText(fields, "yearGroup", path, &log), maxTeams: maxTeams)
        entry.suggestable = suggestable
        staff.append(entry)
      }
    } else {
      log.error(
        "the roster has no \"staff\" list; add \"staff\": [{\"id\": ...}, ...]", line: root.line)
    }

    var teams: [Team] = []
    var teamLines: [String: Int] = [:]
    var warnedGateways: Set<String> = []
    if let node = member(top, "teams") {
      for (index, entry) in (array(node, "teams", &log) ?? []).enumerated() {
        let path = "teams[\(index)]"
        guard let fields = object(entry, path, &log) else { continue }
        warnUnknownKeys(fields, teamKeys, path, &log)
        guard let id = requiredID(fields, path, entry.line, &log) else { continue }
        if let first = teamLines[id] {
          log.error(
            "\(path).id: this team id is listed twice (also on line \(first)); give each team "
              + "one entry",
            line: entry.line)
          continue
        }
        if !exactIDs, let first = teamsLowercased[id.lowercased()] {
          log.error(
            "\(path).id: this team id differs only in case from the one on line \(first), so it "
              + "is the same team listed twice; give each team one entry (or give --exact-ids to "
              + "keep such ids apart)",
            line: entry.line)
          continue
        }
        teamLines[id] = entry.line
        if !exactIDs { teamsLowercased[id.lowercased()] = entry.line }
        var gateway: Gateway?
        if let node = member(fields, "gateway"), let name = text(node, "\(path).gateway", &log) {
          gateway = GatewayCatalog.resolve(name)
          let custom = GatewayCatalog.normalize(name)
          if gateway == nil, custom.isEmpty {
            log.error(
              "\(path).gateway: '\(name)' has no letters or digits; name one of the nine "
                + "gateways",
              line: node.line)
          } else if gateway == nil {
            gateway = Gateway(id: custom)
            if deeps.deep(of: Gateway(id: custom)) == nil, warnedGateways.insert(custom).inserted {
              log.warning(
                "\(path).gateway: " + GatewayCatalog.unknownGatewayMessage(name, id: custom),
                line: node.line)
            }
          }
        }
        let byCase = exactIDs ? nil : lowercased
        let leaders = idList(fields, "leaders", path, staffSpellings, byCase, &warnedCase, &log)
        let members = idList(fields, "members", path, staffSpellings, byCase, &warnedCase, &log)
        if leaders.isEmpty, !members.isEmpty {
          log.warning(
            "\(path): this team has no leader; list its leader in \"leaders\"", line: entry.line)
        }
        teams.append(
          Team(
            id: id, name: optionalText(fields, "name", path, &log), gateway: gateway,
            members: members, leaders: leaders))
      }
    } else {
      log.error(
        "the roster has no \"teams\" list; add \"teams\": [{\"id\": ..., \"members\": [...]}]",
        line: root.line)
    }

    if log.hasErrors { throw log.rosterError }
    return Roster(staff: staff, teams: teams, deeps: deeps, warnings: log.finalWarnings)
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

  /// A string (or an integer, read as text), trimmed; `nil` with an error otherwise, or for null.
  static func text(_ node: JSONNode, _ path: String, _ log: inout DiagnosticLog) -> String? {
    switch node.value {
    case .string(let text):
      if let scalar = IdentifierCheck.controlCharacter(in: text) {
        log.error(IdentifierCheck.controlMessage(path, scalar), line: node.line)
        return nil
      }
      return text.trimmingCharacters(in: .whitespacesAndNewlines)
    case .number(let text) where Int(text) != nil: return text
    case .null: return nil
    default:
      log.error("\(path): expected a string but found \(node.kindName)", line: node.line)
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
    if let scalar = IdentifierCheck.invisibleCharacter(in: id) {
      log.error(
        "\(path).id: " + IdentifierCheck.invisibleMessage("the id", scalar), line: node.line)
      return nil
    }
    return id
  }

  /// A list of staff ids, each checked against the staff list (`staff` maps each id to its
  /// spelling there, which the list takes).
  static func idList(
    _ fields: [(key: String, node: JSONNode)], _ key: String, _ path: String,
    _ staff: [String: String], _ byCase: [String: (id: String, line: Int)]?,
    _ warnedCase: inout Set<String>, _ log: inout DiagnosticLog
  ) -> [String] {
    guard let node = member(fields, key), !isNull(node),
      let elements = array(node, "\(path).\(key)", &log)
    else { return [] }
    var ids: [String] = []
    var seen: Set<String> = []
    for (index, element) in elements.enumerated() {
      let elementPath = "\(path).\(key)[\(index)]"
      guard let id = text(element, elementPath, &log), !id.isEmpty else {
        if isNull(element) { log.error("\(elementPath): expected a staff id", line: element.line) }
        continue
      }
      if staff[id] == nil, let known = byCase?[id.lowercased()] {
        if warnedCase.insert(id).inserted {
          log.warning(
            "\(elementPath): this id differs only in case from the staff id on line "
              + "\(known.line); read as the same person (give --exact-ids to keep such ids apart)",
            line: element.line)
        }
        if !seen.insert(known.id).inserted {
          log.warning(
            "\(elementPath): this id is listed twice in \(key); counted once", line: element.line)
        }
        ids.append(known.id)
        continue
      }
      guard let spelling = staff[id] else {
        log.error(
          "\(elementPath): this id is not in the staff list; add them to \"staff\" or correct "
            + "the id",
          line: element.line)
        continue
      }
      if !seen.insert(spelling).inserted {
        log.warning(
          "\(elementPath): this id is listed twice in \(key); counted once", line: element.line)
      }
      ids.append(spelling)
    }
    return ids
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

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
    limits: RosterLimits = RosterLimits(), halvesThreshold: Int = halvesThreshold
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

    var assembler: Assembler
    if bytes.count >= halvesThreshold,
      let merged = readInHalves(
        bytes, after: parser, columns: columns, deeps: deeps, log: log, limits: limits)
    {
      assembler = merged
    } else {
      // Room for a row every ~16 bytes up front, so the tables do not rehash as they grow.
      assembler = Assembler(
        columns: columns, deeps: deeps, log: log, expectedRows: min(bytes.count / 16, 1 << 22))
      bytes.withUnsafeBufferPointer { assembler.addRows(from: &parser, in: $0) }
    }
    assembler.headerLine = header.line
    assembler.finishMemberships()
    if assembler.rowCount == 0, !assembler.log.hasErrors {
      assembler.log.error(
        "the roster has a header row but no data rows; add one row per team membership",
        line: header.line)
    }
    addProblems(of: parser, to: &assembler.log)
    if assembler.log.hasErrors { throw assembler.log.rosterError }
    return assembler.roster()
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

  /// The gateway a cell names; an unknown name becomes a custom gateway, with a warning.
  static func gateway(
    named name: String, cell: CSVCell, deeps: DeepMapping, warned: inout Set<String>,
    log: inout DiagnosticLog
  ) -> Gateway? {
    if let gateway = GatewayCatalog.resolve(name) { return gateway }
    let id = GatewayCatalog.normalize(name)
    guard !id.isEmpty else {
      log.error(
        "gateway '\(name)' has no letters or digits; name one of the nine gateways",
        line: cell.line, column: cell.column)
      return nil
    }
    if deeps.deep(of: Gateway(id: id)) == nil, warned.insert(id).inserted {
      log.warning(
        GatewayCatalog.unknownGatewayMessage(name, id: id), line: cell.line,
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
    // Line feeds are found fast (memchr); when none is more than `limit` bytes from the last,
    // no line is longer (a carriage return only cuts lines shorter).
    let gapsFit = bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var start = 0
      while start < buffer.count {
        guard let found = memchr(base + start, 0x0A, buffer.count - start) else {
          return buffer.count - start <= limit
        }
        let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        if position - start > limit { return false }
        start = position + 1
      }
      return true
    }
    if gapsFit { return nil }
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

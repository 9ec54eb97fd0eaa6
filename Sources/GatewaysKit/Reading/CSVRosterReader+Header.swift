import Foundation

extension CSVRosterReader {
  /// What a header row says: the column of each cell, the layout of the rows, and, in a grid,
  /// which cells name teams.
  struct ColumnMap: Sendable {
    /// The known column of each header cell, by position (`nil`: ignored, or a grid's team).
    var columns: [Column?]
    /// The layout given by `--layout`, or `nil` when the rows tell (long or list).
    var forcedLayout: RosterLayout?
    /// Whether the rows are a grid (one column per team).
    var isGrid: Bool
    /// In a grid, the positions of the team columns, and their header cells (the team ids).
    var teamPositions: [Int] = []
    var teamHeaders: [CSVCell] = []
    /// The texts the team headers that are not ranges of the bytes point into.
    var teamHeaderTexts: [String] = []
    /// For the forename and surname: the position of the next-best header, read when the best
    /// one's cell is blank (`Forename` when `Preferred Forename` is empty), by column.
    var fallbacks: [Column: Int] = [:]
    /// Whether each team of a list cell is placed at its own column (text), or at the cell's.
    var placesListParts = true
    /// What the warning about a team with no leader tells the user to do, when the source has
    /// its own words for it (JSON: list the leader in `leaders`).
    var leaderHint: String?

    /// A map of the columns of a long-layout roster (for tests and the fuzzers).
    init(columns: [Column?]) {
      self.columns = columns
      forcedLayout = nil
      isGrid = false
    }

    init(columns: [Column?], forcedLayout: RosterLayout?, isGrid: Bool) {
      self.columns = columns
      self.forcedLayout = forcedLayout
      self.isGrid = isGrid
    }
  }

  /// What a cell of a grid says about a person and the team of its column.
  enum GridMark: Equatable {
    case none
    case member
    case leader

    /// The mark a cell holds, or `nil` when the text is not a mark. Blank, `N`, `No`, `0`, `-`
    /// and `false` are not on the team; `Y`, `Yes`, `X`, `1`, `M`, `member`, `true`, `✓` a
    /// member; `L`, `leader` (or a word `team_role` accepts for a leader) the leader.
    init?(_ text: String) {
      let word = text.trimmingCharacters(in: .whitespaces).lowercased()
      switch word {
      case "", "n", "no", "0", "-", "false": self = .none
      case "y", "yes", "x", "1", "m", "member", "true", "\u{2713}", "\u{2714}": self = .member
      case "l": self = .leader
      default:
        if CSVRosterReader.leaderWords.contains(GatewayCatalog.normalize(word)) {
          self = .leader
        } else {
          return nil
        }
      }
    }
  }

  /// The mark of a cell over `buffer` (`texts`, its row's texts); one-letter cells (most marks)
  /// are read from their byte.
  static func gridMark(
    _ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
  ) -> GridMark? {
    if !cell.hasText, cell.end - cell.start <= 1 {
      guard cell.end > cell.start else { return GridMark.none }
      switch buffer[cell.start] | 0x20 {
      case UInt8(ascii: "y"), UInt8(ascii: "x"), UInt8(ascii: "1") | 0x20, UInt8(ascii: "m"):
        return .member
      case UInt8(ascii: "l"): return .leader
      case UInt8(ascii: "n"), UInt8(ascii: "0") | 0x20, UInt8(ascii: "-") | 0x20:
        return GridMark.none
      default: return nil
      }
    }
    return GridMark(text(of: cell, in: buffer, texts: texts))
  }

  /// Whether a row names the staff_id column (by a synonym, or by `--columns`): the header.
  static func namesStaffID(_ fields: [CSVField], options: RosterReadOptions) -> Bool {
    if let given = options.columnHeaders[.staffID] {
      let key = RosterColumn.key(given)
      return fields.contains { RosterColumn.key($0.value) == key }
    }
    return fields.contains { RosterColumn.matching(header: $0.value)?.column == .staffID }
  }

  /// Maps the header's cells to columns, decides the layout, and warns about cells it ignores;
  /// `nil` when the header has errors (then in `log`). `rows` stands at the first data row: a
  /// grid is told by its cells (every cell of a team column is a mark).
  static func columnMap<Rows: RosterRowSource>(
    header: CSVRecord, cells: [CSVCell], texts: [String], bytes: RosterBytes, rows: Rows,
    options: RosterReadOptions, log: inout DiagnosticLog
  ) -> ColumnMap? {
    let fields = header.fields
    let given = options.columnHeaders
    var choice: [(column: Column, rank: Int)?] = []
    for field in fields {
      let key = RosterColumn.key(field.value)
      if let column = given.first(where: { RosterColumn.key($0.value) == key })?.key {
        choice.append((column, -1))
      } else if let match = RosterColumn.matching(header: field.value) {
        // A column given by --columns is read from its header alone.
        choice.append(given[match.column] == nil ? match : nil)
      } else {
        choice.append(nil)
      }
    }
    for (column, name) in given.sorted(by: { $0.key.ordinal < $1.key.ordinal })
    where !choice.contains(where: { $0?.column == column }) {
      log.error(
        "--columns names '\(name)' for \(column.rawValue), but the header row has no such "
          + "column; it has \(headersSeen(fields))",
        line: header.line)
    }
    // Each column is read from its best-named cell; two cells named alike are an error.
    var columns = [Column?](repeating: nil, count: fields.count)
    var fallbacks: [Column: Int] = [:]
    for column in Column.allCases {
      let positions = choice.indices.filter { choice[$0]?.column == column }
      guard let best = positions.map({ choice[$0]?.rank ?? 0 }).min() else { continue }
      let chosen = positions.filter { choice[$0]?.rank == best }
      columns[chosen[0]] = column
      for position in chosen.dropFirst() {
        log.error(
          "column \(column.rawValue) appears twice (also column \(fields[chosen[0]].column)); "
            + "delete one of them",
          line: fields[position].line, column: fields[position].column)
      }
      if column == .forename || column == .surname,
        let next = positions.filter({ choice[$0]?.rank != best })
          .min(by: { (choice[$0]?.rank ?? 0) < (choice[$1]?.rank ?? 0) })
      {
        fallbacks[column] = next
        log.warning(
          "column '\(fields[next].value)' is read only where '\(fields[chosen[0]].value)' "
            + "(column \(fields[chosen[0]].column)) is blank",
          line: fields[next].line, column: fields[next].column)
      }
      // A `Person ID` beside a better-named staff id is the trust-wide person_id.
      if column == .staffID, !choice.contains(where: { $0?.column == .personID }),
        let person = positions.first(where: {
          choice[$0]?.rank != best && RosterColumn.key(fields[$0].value) == "personid"
        })
      {
        columns[person] = .personID
      }
      for position in positions
      where choice[position]?.rank != best && fallbacks[column] != position
        && columns[position] == nil
      {
        log.warning(
          "column '\(fields[position].value)' is not read: '\(fields[chosen[0]].value)' "
            + "(column \(fields[chosen[0]].column)) gives the \(column.rawValue) and is preferred",
          line: fields[position].line, column: fields[position].column)
      }
    }
    if log.hasErrors { return nil }

    // The layout.
    let teamPosition = columns.firstIndex(of: .team)
    let unnamed = fields.indices.filter {
      columns[$0] == nil && choice[$0] == nil && !trimmedCell(fields[$0].value).isEmpty
    }
    var teamPositions: [Int] = []
    switch (options.layout, teamPosition) {
    case (.grid?, let position?):
      log.error(
        "--layout grid, but the header has a team column ('\(fields[position].value)'); a grid "
          + "has a column per team instead. Leave out --layout, or rename that column",
        line: header.line, column: fields[position].column)
      return nil
    case (.grid?, nil):
      teamPositions = unnamed
    case (nil, nil):
      teamPositions = gridTeamPositions(unnamed, rows: rows, bytes: bytes)
    default:
      break
    }
    let isGrid = teamPosition == nil && !teamPositions.isEmpty
    if teamPosition == nil, !isGrid {
      log.error(missingColumnMessage(.team, header: header, options: options), line: header.line)
      return nil
    }
    if isGrid {
      for (position, column) in columns.enumerated() {
        guard let column, [.teamRole, .gateway, .teamName].contains(column) else { continue }
        log.warning(
          "\(column.rawValue) is not read in a grid (a column per team); give it in a long "
            + "roster, one row per membership",
          line: fields[position].line, column: fields[position].column)
        columns[position] = nil
      }
    }
    // Warnings for the cells no column reads.
    let teamSet = Set(teamPositions)
    for position in fields.indices where columns[position] == nil && choice[position] == nil {
      let field = fields[position]
      if teamSet.contains(position) { continue }
      if trimmedCell(field.value).isEmpty {
        log.warning(
          "a column has no name and is ignored; name it or delete it", line: field.line,
          column: field.column)
        continue
      }
      let hint = RosterColumn.nearest(to: field.value).first.map {
        " (did you mean \($0.name), the \($0.column.rawValue) column?)"
      }
      log.warning(
        "unknown column '\(shown(field.value))' is ignored"
          + (hint
            ?? "; if it holds one of the roster's columns, name it with --columns "
            + "(see Documentation/RosterFormat.md)"),
        line: field.line, column: field.column)
    }
    var map = ColumnMap(columns: columns, forcedLayout: options.layout, isGrid: isGrid)
    map.fallbacks = fallbacks
    map.placesListParts = Rows.placesListParts
    if isGrid {
      map.teamPositions = teamPositions
      var headerTexts: [String] = []
      map.teamHeaders = teamPositions.map { position in
        var cell = cells[position]
        if cell.hasText {
          cell.setText(trimmedCell(texts[cell.textIndex]), in: &headerTexts)
        } else if !cell.isPlainASCII {
          // Other white space than spaces may surround it.
          let text = trimmedCell(
            String(decoding: bytes[cell.start..<cell.end], as: UTF8.self))
          if text.utf8.count != cell.end - cell.start {
            cell.setText(text, in: &headerTexts)
            cell.start = cell.end
          }
        } else {
          while cell.start < cell.end, bytes[cell.start] == 0x20 { cell.start += 1 }
          while cell.end > cell.start, bytes[cell.end - 1] == 0x20 { cell.end -= 1 }
        }
        return cell
      }
      map.teamHeaderTexts = headerTexts
    }
    return map
  }

  /// The positions among `candidates` whose cells below the header are grid marks: at least one
  /// marks someone, and no more hold other text than mark someone (that text is then an error
  /// where it is, rather than the column being ignored).
  private static func gridTeamPositions<Rows: RosterRowSource>(
    _ candidates: [Int], rows: Rows, bytes: RosterBytes
  ) -> [Int] {
    guard !candidates.isEmpty else { return [] }
    var parser = rows
    var cells: [CSVCell] = []
    var texts: [String] = []
    var others = [Int](repeating: 0, count: candidates.count)
    var marked = [Int](repeating: 0, count: candidates.count)
    bytes.withUnsafeBufferPointer { buffer in
      while parser.nextRecord(into: &cells, texts: &texts) != nil {
        for (index, position) in candidates.enumerated() {
          guard position < cells.count else { continue }
          switch gridMark(cells[position], in: buffer, texts: texts) {
          case nil: others[index] += 1
          case .none?: break
          case .member?, .leader?: marked[index] += 1
          }
        }
      }
    }
    return candidates.indices.filter { marked[$0] > 0 && marked[$0] >= others[$0] }.map {
      candidates[$0]
    }
  }

  /// The error for a header without `column`: what the column holds and its synonyms, the
  /// headers the row has, and the nearest of them.
  static func missingColumnMessage(
    _ column: Column, header: CSVRecord, options: RosterReadOptions
  ) -> String {
    let fields = header.fields
    let synonyms = column.synonyms.prefix(6).joined(separator: ", ")
    var message =
      "missing required column '\(column.rawValue)' (\(column.meaning); also read from "
      + "\(synonyms), ...); the first row has \(headersSeen(fields))"
    var near: [String] = []
    for field in fields {
      if let match = RosterColumn.nearest(to: field.value, among: [column], limit: 1).first {
        near.append("'\(shown(field.value))' is close to \(match.name)")
      }
    }
    if !near.isEmpty { message += ". Nearest: " + near.prefix(3).joined(separator: "; ") }
    message += ". Name a column \(column.rawValue), or map one with --columns "
    message += "\(column.rawValue)=HEADER"
    if column == .team {
      message += " (or, for a grid, give one column per team with Y or L marks)"
    }
    return message
  }

  /// The header cells as a message lists them: `3 columns: 'a', 'b', 'c'` (at most 12).
  static func headersSeen(_ fields: [CSVField]) -> String {
    let count = "\(fields.count) column\(fields.count == 1 ? "" : "s")"
    let names = fields.prefix(12).map { "'\(shown($0.value))'" }.joined(separator: ", ")
    return count + ": " + names + (fields.count > 12 ? ", ..." : "")
  }

  /// A header cell as a message shows it: at most 40 characters, and nothing that could
  /// disturb a terminal (control and invisible characters become `?`).
  static func shown(_ text: String) -> String {
    var out = ""
    for scalar in trimmedCell(text).unicodeScalars.prefix(40) {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate,
        .privateUse:
        out.unicodeScalars.append("?")
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

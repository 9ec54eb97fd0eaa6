import Foundation

/// A JSON roster's entries as rows of cells (``RosterRowSource``), for the assembler every
/// source shares: a staff entry is a person's row, a team entry a row declaring the team, each
/// leader and member a membership row (`staff_id`, `team`, `team_role`, and in a trust's roster
/// the person's `school` and the team's `team_school`).
///
/// Every cell's text is in one byte buffer. A row's line is its place among the rows (1, 2, ...)
/// and a cell's column its place among the cells, so that ``place(_:)`` can turn any of the
/// assembler's diagnostics into the JSON's line and path (`teams[3].members[1]`).
///
/// ```swift
/// var rows = JSONRows(columns: [.staffID, .team, .teamRole])
/// rows.beginRow(JSONRows.RowPlace(kind: .staff, entry: 0, line: 3))
/// rows.add(.staffID, "S01", line: 3)
/// ```
struct JSONRows: RosterRowSource {
  /// What a row is.
  enum RowKind: UInt8, Sendable {
    case staff
    case team
    case leader
    case member
  }

  /// Where a row comes from in the JSON.
  struct RowPlace: Sendable {
    var kind: RowKind
    /// The index of the staff or team entry.
    var entry: Int
    /// For a leader or member: its index in the list, and whether it is written as an object.
    var element = 0
    var isObject = false
    /// The line of the entry (or the list's element).
    var line: Int
  }

  /// One cell: its bytes in ``text``, its column's position in the row, and its JSON line.
  private struct StoredCell: Sendable {
    var start: Int32
    var end: Int32
    var position: Int16
    var isPlainASCII: Bool
    /// For a membership row: the cell is a key of an element written as an object.
    var isObjectKey: Bool
    /// For a membership row: the cell is the team's id (the team entry's `id`).
    var isTeamID: Bool
    var line: Int32
  }

  /// The columns of every row, in order.
  let columns: [RosterColumn]
  /// The position of each column (by ``RosterColumn/ordinal``), or -1.
  private let positionOfColumn: [Int]
  /// Every cell's text, one after another (UTF-8).
  private(set) var text: [UInt8] = []
  private var cells: [StoredCell] = []
  /// The index of each row's first cell in ``cells``.
  private var rowStarts: [Int] = []
  private var places: [RowPlace] = []
  /// The next row to read.
  private var index = 0

  init(columns: [RosterColumn]) {
    self.columns = columns
    var positions = [Int](repeating: -1, count: RosterColumn.allCases.count)
    for (position, column) in columns.enumerated() { positions[column.ordinal] = position }
    positionOfColumn = positions
  }

  /// How many rows there are.
  var rowCount: Int { places.count }

  /// Starts a row.
  mutating func beginRow(_ place: RowPlace) {
    rowStarts.append(cells.count)
    places.append(place)
  }

  /// Adds a cell to the row begun last; returns its index, or -1 when the rows have no such
  /// column.
  @discardableResult
  mutating func add(_ column: RosterColumn, _ value: String, line: Int, isObjectKey: Bool = false)
    -> Int
  {
    let position = positionOfColumn[column.ordinal]
    guard position >= 0 else { return -1 }
    let start = text.count
    var plain = true
    for byte in value.utf8 {
      if byte < 0x20 || byte > 0x7E { plain = false }
      text.append(byte)
    }
    cells.append(
      StoredCell(
        start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: text.count),
        position: Int16(truncatingIfNeeded: position), isPlainASCII: plain,
        isObjectKey: isObjectKey, isTeamID: false, line: Int32(truncatingIfNeeded: line)))
    return cells.count - 1
  }

  /// Adds to the row begun last the team id cell `cell` (of the team's own row), its bytes
  /// shared.
  mutating func addTeam(cell: Int) {
    var copy = cells[cell]
    copy.isTeamID = true
    cells.append(copy)
  }

  /// The JSON line of the row at `line` (a row's line among the rows, 1-based).
  func line(ofRow line: Int) -> Int {
    line >= 1 && line <= places.count ? places[line - 1].line : line
  }

  var problems: [CSVProblem] { [] }
  var furtherInvalidUTF8Count: Int { 0 }

  mutating func nextRecord(into row: inout [CSVCell], texts: inout [String]) -> (
    line: Int, isDamaged: Bool
  )? {
    row.removeAll(keepingCapacity: true)
    if !texts.isEmpty { texts.removeAll(keepingCapacity: true) }
    guard index < places.count else { return nil }
    let line = index + 1
    for _ in columns {
      row.append(CSVCell(start: 0, end: 0, line: line, column: 0, isPlainASCII: true))
    }
    let end = index + 1 < rowStarts.count ? rowStarts[index + 1] : cells.count
    for cellIndex in rowStarts[index]..<end {
      let cell = cells[cellIndex]
      let (start, stop) = (Int(cell.start), Int(cell.end))
      // The text is valid UTF-8 (the JSON parser's strings): every cell is a range of it.
      row[Int(cell.position)] = CSVCell(
        start: start, end: stop, line: line, column: cellIndex + 1,
        isPlainASCII: cell.isPlainASCII)
    }
    index += 1
    return (line, false)
  }

  mutating func next() -> CSVRecord? {
    var row: [CSVCell] = []
    var texts: [String] = []
    guard let (line, _) = nextRecord(into: &row, texts: &texts) else { return nil }
    let fields = row.map { cell in
      CSVField(
        value: cell.hasText
          ? texts[cell.textIndex] : String(decoding: text[cell.start..<cell.end], as: UTF8.self),
        line: cell.line, column: cell.column, isPlainASCII: cell.isPlainASCII)
    }
    return CSVRecord(line: line, fields: fields)
  }

  /// The JSON path of a row: `staff[2]`, `teams[0]`, `teams[0].members[3]`.
  private func path(of place: RowPlace) -> String {
    switch place.kind {
    case .staff: "staff[\(place.entry)]"
    case .team: "teams[\(place.entry)]"
    case .leader: "teams[\(place.entry)].leaders[\(place.element)]"
    case .member: "teams[\(place.entry)].members[\(place.element)]"
    }
  }

  /// The JSON path of a cell: its entry's key (`staff[2].maxTeams`), or a membership row's
  /// list element (`teams[0].members[3]`, `.id` or `.school` when it is an object).
  private func path(ofCell cellIndex: Int) -> String {
    var low = 0
    var high = rowStarts.count
    while low < high {
      let middle = (low + high) / 2
      if rowStarts[middle] <= cellIndex { low = middle + 1 } else { high = middle }
    }
    let place = places[max(0, low - 1)]
    let cell = cells[cellIndex]
    let column = columns[Int(cell.position)]
    switch place.kind {
    case .staff:
      return path(of: place) + "." + (column.jsonKey(in: .staff) ?? column.rawValue)
    case .team:
      return path(of: place) + "." + (column.jsonKey(in: .team) ?? "school")
    case .leader, .member:
      if cell.isTeamID { return "teams[\(place.entry)].id" }
      return cell.isObjectKey
        ? path(of: place) + "." + (column.jsonKey(in: .member) ?? column.rawValue)
        : path(of: place)
    }
  }

  /// A diagnostic of the assembler's (placed on these rows' lines and cells) placed in the
  /// JSON: its line, and its path before the message; a `line N` the message names becomes the
  /// JSON line of that row.
  func place(_ diagnostic: Diagnostic) -> Diagnostic {
    var placed = diagnostic
    var path: String?
    if let column = diagnostic.column, column >= 1, column <= cells.count {
      // A warning about the team as a whole is placed at its id's cell: it names the entry.
      path =
        diagnostic.message.hasPrefix("this team has no leader")
        ? self.path(ofCell: column - 1).replacingOccurrences(of: ".id", with: "")
        : self.path(ofCell: column - 1)
      placed.line = Int(cells[column - 1].line)
    } else if let line = diagnostic.line, line >= 1, line <= places.count {
      path = self.path(of: places[line - 1])
      placed.line = places[line - 1].line
    } else if diagnostic.line == 0 {
      placed.line = nil
    }
    placed.column = nil
    let rows = places
    placed.message = MessageLines.rewrite(
      diagnostic.message,
      line: { number in number >= 1 && number <= rows.count ? "line \(rows[number - 1].line)" : nil
      })
    if let path { placed.message = path + ": " + placed.message }
    return placed
  }
}

/// Where a roster's rows come from: each source (delimited text, a workbook sheet, a JSON
/// roster) hands the reader its rows as cells over one byte buffer, and from there every source
/// takes the same path: the header is found and mapped to columns through the one table of
/// them (``RosterColumn``, by `CSVRosterReader.columnMap`), and the rows go into the one
/// `CSVRosterReader.Assembler`.
///
/// A cell (``CSVCell``) is a range of the buffer when its text is exactly those bytes (UTF-8),
/// or points to its text among the row's texts otherwise; its `line` and `column` are where
/// diagnostics place it (a text file's line and column, a sheet's row and column, a JSON
/// roster's row and cell, which its reader then names by their JSON path).
///
/// ```swift
/// var rows: some RosterRowSource = CSVParser(bytes: Array("staff_id,team\nT01,afl\n".utf8))
/// var cells: [CSVCell] = []
/// var texts: [String] = []
/// while let (line, _) = rows.nextRecord(into: &cells, texts: &texts) { print(line, cells.count) }
/// ```
protocol RosterRowSource: Sendable {
  /// Reads the next row into `cells` (emptied first, its storage kept), and into `texts` (also
  /// emptied first) the texts of its cells that are not ranges of the buffer; returns the row's
  /// line and whether the source found a problem inside it, or `nil` after the last row.
  mutating func nextRecord(into cells: inout [CSVCell], texts: inout [String]) -> (
    line: Int, isDamaged: Bool
  )?

  /// The next row with its cells' text, for finding and reading the header.
  mutating func next() -> CSVRecord?

  /// The problems found in the rows read so far (the tokenizer's: an unterminated quote, ...).
  var problems: [CSVProblem] { get }

  /// How many more cells held invalid UTF-8 than ``problems`` lists.
  var furtherInvalidUTF8Count: Int { get }

  /// How far the header search has come at `record`, the `rowsWithText`-th row that is not
  /// blank, to compare with the last line the header may start on: a text file counts its
  /// lines (a blank line too), a sheet its rows with text.
  func headerSearchLine(of record: CSVRecord, rowsWithText: Int) -> Int

  /// Whether a list cell's teams are placed at their own column (text: the character where
  /// each team starts), rather than at the cell's (a sheet's cell is its column).
  static var placesListParts: Bool { get }
}

extension RosterRowSource {
  func headerSearchLine(of record: CSVRecord, rowsWithText: Int) -> Int { record.line }
  static var placesListParts: Bool { true }
}

extension CSVParser: RosterRowSource {}

/// Rewrites the line numbers a reader's message names (`line 4` in `conflicting name: line 4
/// gives ...`), for sources whose rows are not lines of text (a sheet's rows, a JSON roster's
/// entries).
enum MessageLines {
  /// `message` with each `line N` it names (after `: `, `on ` or `row is `) replaced by
  /// `words(N)`, and each `also column N` by `also column ` and `column(N)`; a number the
  /// closures return `nil` for is kept as it is. Cell text quoted in a message is never
  /// rewritten, as no message quotes a cell right after those words.
  /// - Complexity: O(n) in the message's length.
  static func rewrite(
    _ message: String, line words: (Int) -> String?, column: (Int) -> String? = { _ in nil }
  ) -> String {
    let leads: [(lead: String, isLine: Bool)] = [
      (": line ", true), ("on line ", true), ("row is line ", true), ("also column ", false),
    ]
    var out = ""
    var rest = Substring(message)
    while !rest.isEmpty {
      guard let (lead, isLine) = leads.first(where: { rest.hasPrefix($0.lead) }) else {
        out.append(rest.removeFirst())
        continue
      }
      let digits = rest.dropFirst(lead.count).prefix { $0.isASCII && $0.isNumber }
      guard let number = Int(digits) else {
        out.append(rest.removeFirst())
        continue
      }
      let word = isLine ? "line " : "column "
      if let replaced = isLine ? words(number) : column(number) {
        out += lead.dropLast(word.count) + replaced
      } else {
        out += lead + digits
      }
      rest = rest.dropFirst(lead.count + digits.count)
    }
    return out
  }
}

/// The cells of one sheet of a workbook, as text: every row with at least one cell that is not
/// empty, in row order, each with its row number and its cells' column numbers.
///
/// ```swift
/// for row in worksheet.rows {
///   for cell in row.cells { print("\(cell.reference): \(cell.text)") }  // "C14: Maths"
/// }
/// ```
///
/// The text is what the cell holds, made plain: shared and inline strings (rich text runs
/// joined), numbers without a trailing `.0`, `TRUE`/`FALSE`, dates as ISO 8601 text, the saved
/// value of a formula. Stored compactly (one byte buffer for every cell's text), so a sheet of
/// a million cells costs a few bytes a cell beyond its text.
package struct Worksheet: Sendable {
  /// One cell: its 1-based column and its text (never empty).
  package struct Cell: Sendable, Hashable {
    /// The 1-based column (1 is `A`).
    package var column: Int
    /// The 1-based row.
    package var row: Int
    /// The cell's text.
    package var text: String
    /// The cell's reference without the sheet (`C14`).
    package var reference: String { ExcelReference.letters(forColumn: column) + "\(row)" }
  }

  /// One row: its 1-based number and its cells in column order.
  package struct Row: Sendable, Hashable {
    /// The row's number as Excel shows it.
    package var number: Int
    /// The row's cells that are not empty, by column.
    package var cells: [Cell]
  }

  /// The sheet's name, as on its tab.
  package let name: String
  /// Things worth knowing that do not stop the read: formulas with no saved value, cells
  /// showing an error such as `#N/A`.
  package internal(set) var warnings: [WorkbookError] = []
  /// Every cell's text, one after another (UTF-8).
  private(set) var text: [UInt8] = []
  /// For each cell, in order: its column, and where its text ends in ``text``.
  private(set) var cellColumns: [Int32] = []
  private(set) var cellEnds: [Int] = []
  /// For each row: its number, and the index of its first cell in ``cellColumns``.
  private(set) var rowNumbers: [Int32] = []
  private(set) var rowFirstCells: [Int] = []

  /// An empty sheet.
  init(name: String) { self.name = name }

  /// How many rows have a cell that is not empty.
  package var rowCount: Int { rowNumbers.count }

  /// The largest column of any cell (0 for an empty sheet).
  package private(set) var width = 0

  /// The rows, materialised.
  /// - Complexity: O(cells).
  package var rows: [Row] { (0..<rowCount).map(row(at:)) }

  /// The row at a position (0 ..< ``rowCount``).
  /// - Complexity: O(cells in the row).
  package func row(at index: Int) -> Row {
    let number = Int(rowNumbers[index])
    let cells = cellRange(ofRow: index).map { cell in
      Cell(
        column: Int(cellColumns[cell]), row: number,
        text: String(decoding: textBytes(ofCell: cell), as: UTF8.self))
    }
    return Row(number: number, cells: cells)
  }

  /// The row number at a position.
  func rowNumber(at index: Int) -> Int { Int(rowNumbers[index]) }

  /// The positions of the row's cells.
  func cellRange(ofRow index: Int) -> Range<Int> {
    rowFirstCells[
      index]..<(index + 1 < rowFirstCells.count ? rowFirstCells[index + 1] : cellEnds.count)
  }

  /// The column of the cell at a position.
  func column(ofCell cell: Int) -> Int { Int(cellColumns[cell]) }

  /// The UTF-8 text of the cell at a position.
  func textBytes(ofCell cell: Int) -> ArraySlice<UInt8> {
    text[(cell == 0 ? 0 : cellEnds[cell - 1])..<cellEnds[cell]]
  }

  /// The bytes of text of every cell together.
  var textByteCount: Int { text.count }

  /// Starts a row; rows must come in increasing order (``sortRows()`` fixes them otherwise).
  mutating func beginRow(_ number: Int) {
    rowNumbers.append(Int32(number))
    rowFirstCells.append(cellColumns.count)
  }

  /// Adds a cell's text to the row begun last.
  mutating func addCell(column: Int, text cellText: some Collection<UInt8>) {
    cellColumns.append(Int32(column))
    text.append(contentsOf: cellText)
    cellEnds.append(text.count)
    width = max(width, column)
  }

  /// Ends the row begun last; drops it when it got no cell.
  mutating func endRow() {
    if let first = rowFirstCells.last, first == cellColumns.count {
      rowNumbers.removeLast()
      rowFirstCells.removeLast()
    }
  }

  /// Puts the rows in row number order (stable), for a sheet written out of order.
  /// - Complexity: O(r log r + cells).
  mutating func sortRows() {
    guard zip(rowNumbers, rowNumbers.dropFirst()).contains(where: { $0 > $1 }) else { return }
    let order = (0..<rowCount).sorted { (rowNumbers[$0], $0) < (rowNumbers[$1], $1) }
    var sorted = Worksheet(name: name)
    sorted.warnings = warnings
    for index in order {
      sorted.beginRow(rowNumber(at: index))
      for cell in cellRange(ofRow: index) {
        sorted.addCell(column: column(ofCell: cell), text: textBytes(ofCell: cell))
      }
    }
    self = sorted
  }
}

import Foundation

/// Reads a roster from a sheet of an `.xlsx` workbook: the sheet's rows, as the sheet parser
/// leaves them (``Worksheet``: every cell's text in one byte buffer), are the rows of cells the
/// reader's one path takes (``RosterRowSource``): the same header search and column map, the
/// same assembler as delimited text, with no CSV text in between. A cell's line and column are
/// its sheet row and column, so a diagnostic names the cell as Excel does
/// (`staff.xlsx: Staff!C14: ...`).
///
/// ```swift
/// let roster = try WorkbookRosterReader.read(
///   bytes, fileName: "staff.xlsx", sheet: nil, deeps: .hargreaves, limits: RosterLimits())
/// ```
enum WorkbookRosterReader {
  /// Reads the named sheet (`nil`: the first visible worksheet) as a roster.
  /// - Throws: ``RosterError`` with the workbook's problem, or the roster's, placed in the sheet.
  /// - Complexity: O(n) in the size of the workbook's parts read, plus the assembler's cost.
  static func read(
    _ bytes: [UInt8], fileName: String, sheet: String?, deeps: DeepMapping,
    limits: RosterLimits, options: RosterReadOptions = RosterReadOptions(),
    halvesThreshold: Int = CSVRosterReader.halvesThreshold
  ) throws(RosterError) -> Roster {
    let opened = try open(bytes, fileName: fileName, sheet: sheet, limits: limits)
    do throws(RosterError) {
      let sheetOptions = opened.options(options)
      let prepared = try prepare(
        opened, fileName: fileName, limits: limits, options: sheetOptions)
      var roster = try CSVRosterReader.assemble(
        prepared, deeps: deeps, limits: limits, options: sheetOptions,
        halvesThreshold: halvesThreshold)
      roster.warnings = opened.warnings + roster.warnings.map(opened.place)
      return roster
    } catch {
      throw opened.placed(error)
    }
  }

  /// Reads the sheet as the rows of the schools it holds, as
  /// `CSVRosterReader.readSchools(_:deeps:limits:options:halvesThreshold:defaultSchool:)`
  /// reads a text file's: a sheet with a `school` column is a trust's rows.
  /// - Complexity: O(n) in the size of the workbook's parts read, plus each school's assembly.
  static func readSchools(
    _ bytes: [UInt8], fileName: String, sheet: String?, deeps: DeepMapping,
    limits: RosterLimits, options: RosterReadOptions, halvesThreshold: Int,
    defaultSchool: String?
  ) throws(RosterError) -> CSVRosterReader.FileSchools {
    let opened = try open(bytes, fileName: fileName, sheet: sheet, limits: limits)
    do throws(RosterError) {
      let sheetOptions = opened.options(options)
      let prepared = try prepare(
        opened, fileName: fileName, limits: limits, options: sheetOptions)
      let read = try CSVRosterReader.readSchools(
        prepared, deeps: deeps, limits: limits, options: sheetOptions,
        halvesThreshold: halvesThreshold, defaultSchool: defaultSchool)
      func placed(_ roster: Roster) -> Roster {
        var roster = roster
        roster.warnings = opened.warnings + roster.warnings.map(opened.place)
        return roster
      }
      switch read {
      case .school(let roster): return .school(placed(roster))
      case .schools(let schools, let trustTeams):
        return .schools(
          schools.map { school in
            var school = school
            school.roster = placed(school.roster)
            school.outside = school.outside.map { outside in
              var outside = outside
              outside.place = opened.place(row: outside.line)
              return outside
            }
            return school
          }, trustTeams: trustTeams)
      }
    } catch {
      throw opened.placed(error)
    }
  }

  /// A workbook's sheet, opened: its cells, and what places diagnostics in it.
  struct OpenedSheet {
    var worksheet: Worksheet
    /// The sheet's own warnings (formulas with no saved value, error cells).
    var warnings: [Diagnostic]
    /// How many sheets the workbook has.
    var sheetCount: Int

    /// The options the sheet is read with: the user's columns, layout and ids; a sheet has no
    /// separator and no encoding (its messages speak of cells).
    func options(_ options: RosterReadOptions) -> RosterReadOptions {
      var sheetOptions = options
      sheetOptions.delimiter = nil
      sheetOptions.encoding = .utf8
      sheetOptions.sheet = worksheet.name
      return sheetOptions
    }

    /// A reader's diagnostic placed in the sheet: `Staff!C14` for a cell, `Staff!14:14` for a
    /// row, the sheet for the rest; "line N" in its words becomes "row N" and "column N" the
    /// column's letters.
    func place(_ diagnostic: Diagnostic) -> Diagnostic {
      var placed = diagnostic
      placed.message = MessageLines.rewrite(
        diagnostic.message, line: { "row \($0)" },
        column: { "column \(ExcelReference.letters(forColumn: $0))" })
      let sheet = worksheet.name
      switch (diagnostic.line, diagnostic.column) {
      case (let row?, let column?):
        placed.place = ExcelReference.cell(sheet: sheet, column: column, row: row)
      case (let row?, nil):
        placed.place = ExcelReference.row(sheet: sheet, row: row)
      default:
        placed.place = ExcelReference.sheetPrefix(sheet)
      }
      return placed
    }

    /// The place of a sheet row (`Staff!14:14`).
    func place(row: Int) -> String { ExcelReference.row(sheet: worksheet.name, row: row) }

    /// A reader's error with every diagnostic placed in the sheet, then the sheet's warnings.
    func placed(_ error: RosterError) -> RosterError {
      RosterError(diagnostics: error.diagnostics.map(place) + warnings)
    }
  }

  /// Opens the workbook and parses the sheet.
  private static func open(
    _ bytes: [UInt8], fileName: String, sheet: String?, limits: RosterLimits
  ) throws(RosterError) -> OpenedSheet {
    func failure(_ error: WorkbookError) -> RosterError {
      RosterError(diagnostics: [
        Diagnostic(.error, file: fileName, place: error.place, message: error.message)
      ])
    }
    do throws(WorkbookError) {
      let workbook = try Workbook(
        bytes, limits: WorkbookLimits.forRoster(maximumFileBytes: limits.maximumFileBytes))
      let worksheet = try workbook.worksheet(
        named: sheet,
        limits: WorksheetParser.Limits(
          maximumColumns: limits.maximumFields, maximumTextBytes: limits.maximumFileBytes))
      let warnings = worksheet.warnings.map {
        Diagnostic(.warning, file: fileName, place: $0.place, message: $0.message)
      }
      return OpenedSheet(
        worksheet: worksheet, warnings: warnings, sheetCount: workbook.sheets.count)
    } catch {
      throw failure(error)
    }
  }

  /// The sheet's header found and its columns mapped, as a text file's are.
  private static func prepare(
    _ opened: OpenedSheet, fileName: String, limits: RosterLimits, options: RosterReadOptions
  ) throws(RosterError) -> CSVRosterReader.Prepared<SheetRows> {
    let worksheet = opened.worksheet
    let rows = SheetRows(worksheet)
    if !rows.hasText {
      var log = DiagnosticLog(file: fileName)
      log.error(
        "the sheet is empty; a roster needs a header row (at least staff_id,team) and one "
          + "row per team membership"
          + (opened.sheetCount > 1 ? " (to read another sheet, give its name with --sheet)" : ""))
      throw log.rosterError
    }
    var prepared = try CSVRosterReader.prepare(
      rows: rows, bytes: RosterBytes(worksheet.text), log: DiagnosticLog(file: fileName),
      limits: limits,
      options: options, delimiter: .comma, encoding: .utf8)
    prepared.expectedRows = worksheet.rowCount
    return prepared
  }

  /// The rows of a sheet as cells over its text (``Worksheet``'s one buffer): every row with a
  /// cell that is not empty, each padded to the sheet's width, so every row has as many cells
  /// as the header. A cell's line is its row, its column the sheet's column.
  struct SheetRows: RosterRowSource {
    let worksheet: Worksheet
    private var index = 0
    private let width: Int

    init(_ worksheet: Worksheet) {
      self.worksheet = worksheet
      width = max(1, worksheet.width)
    }

    /// Whether some cell holds more than spaces and tabs.
    var hasText: Bool {
      worksheet.text.contains { $0 != 0x20 && $0 != 0x09 }
    }

    var problems: [CSVProblem] { [] }
    var furtherInvalidUTF8Count: Int { 0 }
    static var placesListParts: Bool { false }

    /// A sheet counts its rows with text, not its row numbers, while it looks for the header
    /// (a title ten rows above the header, with blank rows between, is still found).
    func headerSearchLine(of record: CSVRecord, rowsWithText: Int) -> Int { rowsWithText }

    mutating func nextRecord(into cells: inout [CSVCell], texts: inout [String]) -> (
      line: Int, isDamaged: Bool
    )? {
      cells.removeAll(keepingCapacity: true)
      if !texts.isEmpty { texts.removeAll(keepingCapacity: true) }
      guard index < worksheet.rowCount else { return nil }
      let row = worksheet.rowNumber(at: index)
      let range = worksheet.cellRange(ofRow: index)
      index += 1
      for column in 1...width {
        cells.append(CSVCell(start: 0, end: 0, line: row, column: column, isPlainASCII: true))
      }
      for cell in range {
        let bytes = worksheet.textBytes(ofCell: cell)
        let plain = !bytes.contains { $0 < 0x20 || $0 > 0x7E }
        let column = worksheet.column(ofCell: cell)
        var made = CSVCell(
          start: bytes.startIndex, end: bytes.endIndex, line: row, column: column,
          isPlainASCII: plain)
        // A line break in a cell reads as a line feed, as in a CSV field.
        if !plain, bytes.contains(0x0D) {
          made.setText(
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
              .replacingOccurrences(of: "\r", with: "\n"), in: &texts)
          made.start = made.end
        }
        cells[column - 1] = made
      }
      return (row, false)
    }

    mutating func next() -> CSVRecord? {
      var cells: [CSVCell] = []
      var texts: [String] = []
      guard let (line, _) = nextRecord(into: &cells, texts: &texts) else { return nil }
      let text = worksheet.text
      let fields = cells.map { cell in
        CSVField(
          value: cell.hasText
            ? texts[cell.textIndex] : String(decoding: text[cell.start..<cell.end], as: UTF8.self),
          line: cell.line, column: cell.column, isPlainASCII: cell.isPlainASCII)
      }
      return CSVRecord(line: line, fields: fields)
    }
  }
}

/// Reads a roster from a sheet of an `.xlsx` workbook, through the CSV reader: the sheet's rows
/// are written as RFC 4180 CSV in memory, read as any CSV roster is, and every diagnostic is
/// taken back from the CSV's lines and columns to the sheet's rows and cells
/// (`staff.xlsx: Staff!C14: ...`).
///
/// The bridge keeps the workbook reader and the CSV reader apart: all either knows of the other
/// is in this file, so a reader that takes rows of cells directly can replace it.
///
/// ```swift
/// let roster = try WorkbookRosterReader.read(
///   bytes, fileName: "staff.xlsx", sheet: nil, deeps: .hargreaves, limits: RosterLimits())
/// ```
enum WorkbookRosterReader {
  /// Reads the named sheet (`nil`: the first visible worksheet) as a roster.
  /// - Throws: ``RosterError`` with the workbook's problem, or the roster's, placed in the sheet.
  /// - Complexity: O(n) in the size of the workbook's parts read, plus the CSV reader's cost.
  static func read(
    _ bytes: [UInt8], fileName: String, sheet: String?, deeps: DeepMapping,
    limits: RosterLimits, options: RosterReadOptions = RosterReadOptions(),
    halvesThreshold: Int = CSVRosterReader.halvesThreshold
  ) throws(RosterError) -> Roster {
    func failure(_ error: WorkbookError) -> RosterError {
      RosterError(diagnostics: [
        Diagnostic(.error, file: fileName, place: error.place, message: error.message)
      ])
    }
    let worksheet: Worksheet
    let sheetCount: Int
    do throws(WorkbookError) {
      let workbook = try Workbook(
        bytes, limits: WorkbookLimits.forRoster(maximumFileBytes: limits.maximumFileBytes))
      sheetCount = workbook.sheets.count
      worksheet = try workbook.worksheet(
        named: sheet,
        limits: WorksheetParser.Limits(
          maximumColumns: limits.maximumFields, maximumTextBytes: limits.maximumFileBytes))
    } catch {
      throw failure(error)
    }
    let sheetPlace = ExcelReference.sheetPrefix(worksheet.name)
    let csv = SheetCSV(worksheet, limit: limits.maximumFileBytes)
    if csv.records.isEmpty {
      throw failure(
        WorkbookError(
          "the sheet is empty; a roster needs a header row (at least staff_id,team) and one "
            + "row per team membership"
            + (sheetCount > 1 ? " (to read another sheet, give its name with --sheet)" : ""),
          place: sheetPlace))
    }
    if csv.bytes.count > limits.maximumFileBytes {
      throw failure(
        WorkbookError(
          "the sheet's \(worksheet.rowCount) rows of \(worksheet.width) columns come to more "
            + "than the limit of \(limits.maximumFileBytes) bytes as text; check that this is "
            + "the right sheet (or raise --max-file-size)", place: sheetPlace))
    }
    let sheetWarnings = worksheet.warnings.map {
      Diagnostic(.warning, file: fileName, place: $0.place, message: $0.message)
    }
    do throws(RosterError) {
      // The sheet's columns, layout and ids follow the options; its text is the bridge's own
      // comma-separated UTF-8.
      var sheetOptions = options
      sheetOptions.delimiter = .comma
      sheetOptions.encoding = .utf8
      sheetOptions.sheet = worksheet.name
      var roster = try CSVRosterReader.read(
        csv.bytes, fileName: fileName, deeps: deeps, limits: limits, options: sheetOptions,
        halvesThreshold: halvesThreshold)
      roster.warnings = sheetWarnings + roster.warnings.map(csv.translate)
      if var reading = roster.reading {
        reading.sheet = worksheet.name
        reading.headerLine = csv.row(ofLine: reading.headerLine) ?? reading.headerLine
        roster.reading = reading
      }
      return roster
    } catch {
      throw RosterError(diagnostics: error.diagnostics.map(csv.translate) + sheetWarnings)
    }
  }

  /// A sheet written as CSV, with what it takes to map a CSV line and column back to the
  /// sheet's row and column.
  struct SheetCSV {
    /// One CSV record (a sheet row): its first line, the sheet row, where its bytes start.
    struct Record {
      var firstLine: Int
      var row: Int
      var start: Int
    }

    let sheet: String
    private(set) var bytes: [UInt8] = []
    /// The records in line order.
    private(set) var records: [Record] = []

    /// Writes every row with a cell that is not blank, each padded to the sheet's width, so
    /// every record has as many fields as the header.
    /// - Complexity: O(rows × width + text).
    /// Stops once the text passes `limit` bytes (the caller then refuses the sheet), so a small
    /// workbook whose sheet is wide and long cannot make it hold more than that.
    init(_ worksheet: Worksheet, limit: Int = .max) {
      sheet = worksheet.name
      let width = worksheet.width
      let estimate = worksheet.textByteCount.addingReportingOverflow(
        worksheet.rowCount.multipliedReportingOverflow(by: width + 1).partialValue)
      bytes.reserveCapacity(min(estimate.overflow ? .max : estimate.partialValue, limit))
      var slots = [Int](repeating: -1, count: width + 1)
      var line = 1
      for index in 0..<worksheet.rowCount {
        let cells = worksheet.cellRange(ofRow: index)
        let blank = cells.allSatisfy { cell in
          worksheet.textBytes(ofCell: cell).allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        if blank { continue }
        for cell in cells { slots[worksheet.column(ofCell: cell)] = cell }
        records.append(
          Record(firstLine: line, row: worksheet.rowNumber(at: index), start: bytes.count))
        for column in 1...max(1, width) {
          if column > 1 { bytes.append(0x2C) }
          guard column <= width, slots[column] >= 0 else { continue }
          line += append(worksheet.textBytes(ofCell: slots[column]))
        }
        bytes.append(0x0A)
        line += 1
        for cell in cells { slots[worksheet.column(ofCell: cell)] = -1 }
        if bytes.count > limit { break }
      }
    }

    /// Appends a field, in double quotes when it holds a comma, a quote or a line break (line
    /// breaks become LF); returns the line breaks written.
    private mutating func append(_ text: ArraySlice<UInt8>) -> Int {
      let needsQuotes = text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      guard needsQuotes else {
        bytes.append(contentsOf: text)
        return 0
      }
      var breaks = 0
      bytes.append(0x22)
      var previous: UInt8 = 0
      for byte in text {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x22, 0x22])
        case 0x0D:
          bytes.append(0x0A)
          breaks += 1
        case 0x0A where previous == 0x0D: break
        case 0x0A:
          bytes.append(0x0A)
          breaks += 1
        default: bytes.append(byte)
        }
        previous = byte
      }
      bytes.append(0x22)
      return breaks
    }

    /// The record a CSV line belongs to.
    private func record(containingLine line: Int) -> Record? {
      var low = 0
      var high = records.count
      while low < high {
        let middle = (low + high) / 2
        if records[middle].firstLine <= line { low = middle + 1 } else { high = middle }
      }
      return low > 0 ? records[low - 1] : nil
    }

    /// The sheet row of the record a CSV line belongs to.
    func row(ofLine line: Int) -> Int? { record(containingLine: line)?.row }

    /// The 1-based sheet column of the field at a CSV line and column (in Unicode scalars,
    /// as the CSV reader counts them).
    private func sheetColumn(line: Int, column: Int, in record: Record) -> Int {
      var field = 1
      var found = 1
      var currentLine = record.firstLine
      var currentColumn = 1
      var quoted = false
      var index = record.start
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x22 {
          quoted.toggle()
        } else if byte == 0x2C && !quoted {
          field += 1
          if (currentLine, currentColumn + 1) <= (line, column) { found = field }
        } else if byte == 0x0A {
          if !quoted { break }
          currentLine += 1
          currentColumn = 0
        }
        if byte & 0xC0 != 0x80 { currentColumn += 1 }
        index += 1
      }
      return found
    }

    /// A CSV reader's diagnostic, placed in the sheet: `Staff!C14` for a cell, `Staff!14:14`
    /// for a row, the sheet for the rest; "line N" in its words becomes "row R".
    func translate(_ diagnostic: Diagnostic) -> Diagnostic {
      var placed = diagnostic
      placed.message = rewrite(diagnostic.message, line: diagnostic.line)
      guard let line = diagnostic.line, let record = record(containingLine: line) else {
        placed.line = nil
        placed.column = nil
        placed.place = ExcelReference.sheetPrefix(sheet)
        return placed
      }
      placed.line = record.row
      if let column = diagnostic.column {
        let sheetColumn = sheetColumn(line: line, column: column, in: record)
        placed.column = sheetColumn
        placed.place = ExcelReference.cell(sheet: sheet, column: sheetColumn, row: record.row)
      } else {
        placed.column = nil
        placed.place = ExcelReference.row(sheet: sheet, row: record.row)
      }
      return placed
    }

    /// The message with `line N` turned into `row R` and `column N` (a CSV column on the
    /// diagnostic's line) into the column's letters.
    private func rewrite(_ message: String, line: Int?) -> String {
      // Only where the CSV reader's messages name a line or column, not in quoted cell text.
      let words: [(lead: String, isLine: Bool)] = [
        (": line ", true), ("on line ", true), ("row is line ", true), ("also column ", false),
      ]
      var out = ""
      var rest = Substring(message)
      while !rest.isEmpty {
        guard let (lead, isLine) = words.first(where: { rest.hasPrefix($0.lead) }) else {
          out.append(rest.removeFirst())
          continue
        }
        let digits = rest.dropFirst(lead.count).prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else {
          out.append(rest.removeFirst())
          continue
        }
        let word = isLine ? "line " : "column "
        out += lead.dropLast(word.count)
        if isLine, let record = record(containingLine: number) {
          out += "row \(record.row)"
        } else if !isLine, let line, let record = record(containingLine: line) {
          let column = sheetColumn(line: line, column: number, in: record)
          out += "column \(ExcelReference.letters(forColumn: column))"
        } else {
          out += word + digits
        }
        rest = rest.dropFirst(lead.count + digits.count)
      }
      return out
    }
  }
}

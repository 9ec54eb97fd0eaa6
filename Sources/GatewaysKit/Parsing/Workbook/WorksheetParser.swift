/// Reads a sheet's XML (`xl/worksheets/sheetN.xml`, `<sheetData>`) into a ``Worksheet``.
///
/// ```swift
/// let sheet = try WorksheetParser.read(
///   xml: bytes, name: "Staff", part: "xl/worksheets/sheet1.xml", strings: strings,
///   styles: styles, date1904: false, limits: WorksheetParser.Limits())
/// ```
///
/// Cells without an `r` reference follow the previous cell, rows without one the previous
/// row, as the format allows. Formatting, merged cells, comments and everything after
/// `</sheetData>` are ignored.
package enum WorksheetParser {
  /// The largest sheet read.
  package struct Limits: Sendable {
    /// The last column that may hold a value (`--max-fields`).
    package var maximumColumns: Int
    /// The most bytes of cell text (`--max-file-size`: the sheet as CSV could be no larger).
    package var maximumTextBytes: Int

    /// Creates limits.
    package init(maximumColumns: Int = 1_000, maximumTextBytes: Int = 64 << 20) {
      self.maximumColumns = maximumColumns
      self.maximumTextBytes = maximumTextBytes
    }
  }

  /// What a `<c>` element's `t` attribute says its value is.
  private enum CellType {
    case number, sharedString, inlineString, formulaString, boolean, error, isoDate
  }

  /// The elements of a sheet the parser acts on.
  private enum Element {
    case sheetData, row, cell, value, formula, inlineString, text, phonetic, other
  }

  /// The cell being read.
  private struct CellState {
    var column = 0
    var type = CellType.number
    var style = 0
    var hasFormula = false
    var hasValue = false
  }

  /// The parse's state: where it is, the cell's value so far, what to warn about.
  private struct State {
    var inData = false
    var inRow = false
    var rowNumber = 0
    var lastColumn = 0
    var cell: CellState?
    var inValue = false
    var inInline = false
    var inInlineText = false
    var phonetic = 0
    var value: [UInt8] = []
    var formulasWithoutValue: (first: String, count: Int)?
    var errorCells: (first: String, text: String, count: Int)?
  }

  /// Reads the sheet.
  /// - Throws: ``WorkbookError`` naming the cell for a value that cannot be read (a shared
  ///   string that does not exist, a cell outside the sheet or past `limits`), or for XML
  ///   that is malformed.
  /// - Complexity: O(n) in the size of the XML.
  static func read(
    xml: [UInt8], name: String, part: String, strings: SharedStrings, styles: WorkbookStyles,
    date1904: Bool, limits: Limits
  ) throws(WorkbookError) -> Worksheet {
    var sheet = Worksheet(name: name)
    try xml.withUnsafeBufferPointer { buffer throws(WorkbookError) in
      var reader = Reader(
        scanner: XMLScanner(bytes: buffer, part: part), strings: strings, styles: styles,
        date1904: date1904, limits: limits, sheet: sheet)
      try reader.run()
      sheet = reader.sheet
    }
    sheet.sortRows()
    return sheet
  }

  /// One sheet's parse.
  private struct Reader {
    var scanner: XMLScanner
    let strings: SharedStrings
    let styles: WorkbookStyles
    let date1904: Bool
    let limits: Limits
    var sheet: Worksheet
    var state = State()

    init(
      scanner: XMLScanner, strings: SharedStrings, styles: WorkbookStyles, date1904: Bool,
      limits: Limits, sheet: Worksheet
    ) {
      self.scanner = scanner
      self.strings = strings
      self.styles = styles
      self.date1904 = date1904
      self.limits = limits
      self.sheet = sheet
    }

    /// Which element a local name is.
    func element(_ name: Range<Int>) -> Element {
      let bytes = scanner.bytes
      let first = bytes[name.lowerBound]
      switch name.count {
      case 1:
        switch first {
        case 0x63: return .cell  // c
        case 0x76: return .value  // v
        case 0x66: return .formula  // f
        case 0x74: return .text  // t
        default: return .other
        }
      case 2: return scanner.is(name, "is") ? .inlineString : .other
      case 3:
        if scanner.is(name, "row") { return .row }
        return scanner.is(name, "rPh") ? .phonetic : .other
      case 9: return scanner.is(name, "sheetData") ? .sheetData : .other
      default: return .other
      }
    }

    func place(_ column: Int) -> String {
      ExcelReference.cell(sheet: sheet.name, column: column, row: state.rowNumber)
    }

    mutating func run() throws(WorkbookError) {
      scan: while let token = try scanner.next() {
        switch token {
        case .start(let name, let attributes, let selfClosing):
          let element = element(name)
          if !state.inData {
            if element == .sheetData {
              if selfClosing { break scan }
              state.inData = true
            }
            continue
          }
          try start(element, attributes: attributes, selfClosing: selfClosing)
        case .end(let name):
          guard state.inData else { continue }
          let element = element(name)
          if element == .sheetData { break scan }
          try end(element)
        case .text(let range):
          if state.inValue || (state.inInlineText && state.phonetic == 0) {
            scanner.decode(range, into: &state.value)
          }
        case .cdata(let range):
          if state.inValue || (state.inInlineText && state.phonetic == 0) {
            state.value.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[range]))
          }
        }
      }
      if state.inRow { sheet.endRow() }
      if let (first, count) = state.formulasWithoutValue {
        sheet.warnings.append(
          WorkbookError(
            "this cell's formula has no saved value"
              + (count > 1 ? " (nor have \(count - 1) more cells)" : "")
              + ", so it reads as empty; open the workbook in Excel or LibreOffice and save it "
              + "again to store the values", place: first))
      }
      if let (first, text, count) = state.errorCells {
        sheet.warnings.append(
          WorkbookError(
            "this cell shows the error \(text)"
              + (count > 1 ? " (and \(count - 1) more cells show errors)" : "")
              + ", read as that text; correct the formula or type the value", place: first))
      }
    }

    mutating func start(_ element: Element, attributes: Range<Int>, selfClosing: Bool)
      throws(WorkbookError)
    {
      if state.cell != nil {
        switch element {
        case .value:
          if !selfClosing {
            state.inValue = true
            state.cell?.hasValue = true
          }
        case .formula: state.cell?.hasFormula = true
        case .inlineString: if !selfClosing { state.inInline = true }
        case .text: if state.inInline, !selfClosing { state.inInlineText = true }
        case .phonetic: if state.inInline, !selfClosing { state.phonetic += 1 }
        default: break
        }
        return
      }
      switch element {
      case .row:
        if state.inRow { sheet.endRow() }
        var number = state.rowNumber + 1
        if let given = scanner.attribute("r", in: attributes) {
          guard let parsed = scanner.integer(given),
            (1...ExcelReference.maximumRow).contains(parsed)
          else {
            throw .damaged(
              "sheet \(sheet.name) has a row numbered '\(scanner.text(given))', outside a sheet")
          }
          number = parsed
        }
        guard number <= ExcelReference.maximumRow else {
          throw .damaged("sheet \(sheet.name) has more rows than a sheet can")
        }
        state.rowNumber = number
        state.lastColumn = 0
        sheet.beginRow(number)
        state.inRow = !selfClosing
        if selfClosing { sheet.endRow() }
      case .cell:
        if !state.inRow {
          // A cell outside a row: a row of its own, after the last.
          try start(
            .row, attributes: attributes.lowerBound..<attributes.lowerBound, selfClosing: false)
        }
        var cell = CellState()
        cell.column = state.lastColumn + 1
        var failure: WorkbookError?
        scanner.forEachAttribute(in: attributes) { name, value in
          guard name.count == 1 else { return }
          switch scanner.bytes[name.lowerBound] {
          case 0x72:  // r
            guard let (column, row) = ExcelReference.cell(scanner.bytes[value]) else {
              failure = .damaged(
                "sheet \(sheet.name) has a cell '\(scanner.text(value))' outside a sheet")
              return
            }
            if row != state.rowNumber {
              failure = .damaged(
                "sheet \(sheet.name) has the cell \(scanner.text(value)) in row \(state.rowNumber)")
            }
            cell.column = column
          case 0x74:  // t
            cell.type = cellType(value)
          case 0x73:  // s
            cell.style = scanner.integer(value) ?? 0
          default: break
          }
        }
        if let failure { throw failure }
        guard cell.column <= ExcelReference.maximumColumn else {
          throw .damaged("sheet \(sheet.name) has a cell past column XFD in row \(state.rowNumber)")
        }
        state.lastColumn = cell.column
        state.value.removeAll(keepingCapacity: true)
        state.cell = selfClosing ? nil : cell
      default: break
      }
    }

    func cellType(_ value: Range<Int>) -> CellType {
      let bytes = scanner.bytes
      switch value.count {
      case 1:
        switch bytes[value.lowerBound] {
        case 0x73: return .sharedString  // s
        case 0x62: return .boolean  // b
        case 0x65: return .error  // e
        case 0x64: return .isoDate  // d
        default: return .number
        }
      case 3: return scanner.is(value, "str") ? .formulaString : .number
      case 9: return scanner.is(value, "inlineStr") ? .inlineString : .number
      default: return .number
      }
    }

    mutating func end(_ element: Element) throws(WorkbookError) {
      if let cell = state.cell {
        switch element {
        case .cell:
          try finish(cell)
          state.cell = nil
          state.inValue = false
          state.inInline = false
          state.inInlineText = false
          state.phonetic = 0
        case .value: state.inValue = false
        case .inlineString: state.inInline = false
        case .text: state.inInlineText = false
        case .phonetic: state.phonetic = max(0, state.phonetic - 1)
        default: break
        }
      } else if element == .row {
        if state.inRow { sheet.endRow() }
        state.inRow = false
      }
    }

    /// Turns the cell's value into text and adds it.
    mutating func finish(_ cell: CellState) throws(WorkbookError) {
      let value = state.value
      if value.isEmpty {
        if cell.hasFormula && !cell.hasValue {
          if let known = state.formulasWithoutValue {
            state.formulasWithoutValue = (known.first, known.count + 1)
          } else {
            state.formulasWithoutValue = (place(cell.column), 1)
          }
        }
        return
      }
      switch cell.type {
      case .sharedString:
        guard let index = value.withUnsafeBufferPointer({ XMLScanner.integer(in: $0) }),
          let string = strings.bytes(at: index)
        else {
          throw WorkbookError(
            "the cell refers to shared string \(String(decoding: value, as: UTF8.self)), which "
              + "the workbook does not have (it has \(strings.count)); the workbook is damaged: "
              + WorkbookError.saveAgain,
            place: place(cell.column))
        }
        try add(string, cell)
      case .inlineString, .formulaString:
        if SharedStrings.mayHaveEscape(value[...]) {
          try add(CellText.unescaped(String(decoding: value, as: UTF8.self)).utf8, cell)
        } else {
          try add(value, cell)
        }
      case .boolean:
        switch value.withUnsafeBufferPointer({ XMLScanner.integer(in: $0) }) {
        case 1: try add("TRUE".utf8, cell)
        case 0: try add("FALSE".utf8, cell)
        default: try add(value, cell)
        }
      case .error:
        if let known = state.errorCells {
          state.errorCells = (known.first, known.text, known.count + 1)
        } else {
          state.errorCells = (place(cell.column), String(decoding: value, as: UTF8.self), 1)
        }
        try add(value, cell)
      case .isoDate:
        try add(CellText.isoDate(String(decoding: value, as: UTF8.self)).utf8, cell)
      case .number:
        let kind = styles.kind(ofStyle: cell.style)
        if kind == .number, CellText.isPlainInteger(value) {
          try add(value, cell)
          return
        }
        let raw = String(decoding: value, as: UTF8.self)
        if kind != .number, let serial = Double(raw),
          let date = CellText.date(serial: serial, kind: kind, date1904: date1904)
        {
          try add(date.utf8, cell)
        } else {
          try add(CellText.number(raw).utf8, cell)
        }
      }
    }

    /// Adds a cell's text, within the limits.
    mutating func add(_ text: some Collection<UInt8>, _ cell: CellState) throws(WorkbookError) {
      guard !text.isEmpty else { return }
      if cell.column > limits.maximumColumns {
        throw WorkbookError(
          "this cell is in column \(cell.column) "
            + "(\(ExcelReference.letters(forColumn: cell.column))), past the limit of "
            + "\(limits.maximumColumns) columns; a roster never has this many, so delete the "
            + "columns on the right (or raise --max-fields)",
          place: place(cell.column))
      }
      sheet.addCell(column: cell.column, text: text)
      if sheet.textByteCount > limits.maximumTextBytes {
        throw WorkbookError(
          "the sheet holds more than \(limits.maximumTextBytes) bytes of text by this cell, "
            + "more than the limit for a roster (--max-file-size); check that this is the "
            + "right sheet",
          place: place(cell.column))
      }
    }
  }
}

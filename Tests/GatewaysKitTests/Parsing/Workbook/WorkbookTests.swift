import Foundation
import Testing

@testable import GatewaysKit

struct WorkbookTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Workbooks")
  static let hostile = packageRoot.appendingPathComponent("Tests/Hostile/files")

  static func workbook(_ file: String, in folder: URL = folder) throws -> Workbook {
    try Workbook([UInt8](Data(contentsOf: folder.appendingPathComponent(file))))
  }

  /// The sheet's cells by reference (`C14`).
  static func cells(_ sheet: Worksheet) -> [String: String] {
    var cells: [String: String] = [:]
    for row in sheet.rows {
      for cell in row.cells { cells[cell.reference] = cell.text }
    }
    return cells
  }

  @Test func openpyxlSharedStringsNumbersDatesAndRichText() throws {
    let workbook = try Self.workbook("openpyxl-shared-strings.xlsx")
    #expect(workbook.sheets.map(\.name) == ["Staff", "Notes"])
    let staff = try workbook.worksheet(named: nil)
    #expect(staff.name == "Staff")
    let cells = Self.cells(staff)
    #expect(cells["A2"] == "007")  // a text id keeps its leading zeros
    #expect(cells["A4"] == "1001")  // an id stored as a number, without ".0"
    #expect(cells["A6"] == "0042")
    #expect(cells["B2"] == "Ada Voice")  // rich text runs, an inline string
    #expect(cells["B9"] == "Eve Marker, Jr")
    #expect(cells["H2"] == "3")
    #expect(cells["I2"] == "2019-09-01")  // a date, as ISO text
    #expect(cells["I9"] == "2018-09-03")
    #expect(staff.rowCount == 10)
    #expect(staff.width == 9)
    let notes = Self.cells(try workbook.worksheet(named: "notes"))  // case ignored
    #expect(notes["B2"] == "TRUE")
    #expect(notes["B3"] == "FALSE")
    #expect(notes["B4"] == "12.5")
  }

  @Test func xlsxWriterInlineStringsAndFormulasWithValues() throws {
    let workbook = try Self.workbook("xlsxwriter-inline-strings.xlsx")
    #expect(workbook.sheets.map(\.name) == ["Cover", "Roster"])
    #expect(try workbook.worksheet(named: nil).name == "Cover")
    let cells = Self.cells(try workbook.worksheet(named: "Roster"))
    #expect(cells["A2"] == "007")
    #expect(cells["A4"] == "1001")
    #expect(cells["H2"] == "3")  // =3*1, its saved value
    #expect(cells["E3"] == "curriculum")  // =LOWER("CURRICULUM"), a string result
    #expect(cells["I2"] == "2019-09-01")  // dd/mm/yyyy shows as ISO
    #expect(cells["B9"] == "Eve Marker, Jr")
  }

  @Test func libreOfficeFormulasBooleansAndErrors() throws {
    let workbook = try Self.workbook("libreoffice-formulas.xlsx")
    let staff = try workbook.worksheet(named: nil)
    let cells = Self.cells(staff)
    #expect(cells["B6"] == "Cleo Inkpot")
    #expect(cells["E5"] == "afl")
    #expect(cells["H2"] == "3")
    #expect(cells["I4"] == "2021-01-04")
    #expect(staff.warnings.isEmpty)
    let notes = try workbook.worksheet(named: "Notes")
    let noteCells = Self.cells(notes)
    #expect(noteCells["B5"] == "TRUE")
    #expect(noteCells["B6"] == "#N/A")
    #expect(
      notes.warnings == [
        WorkbookError(
          "this cell shows the error #N/A, read as that text; correct the formula or type the "
            + "value", place: "Notes!B6")
      ])
  }

  @Test func formulasWithoutSavedValuesAreWarnedAbout() throws {
    let staff = try Self.workbook("libreoffice-source.xlsx").worksheet(named: nil)
    #expect(Self.cells(staff)["H2"] == nil)
    #expect(
      staff.warnings.map(\.description) == [
        "Staff!H2: this cell's formula has no saved value (nor have 5 more cells), so it reads "
          + "as empty; open the workbook in Excel or LibreOffice and save it again to store the "
          + "values"
      ])
  }

  @Test func the1904DateSystem() throws {
    let workbook = try Self.workbook("openpyxl-1904-dates.xlsx")
    #expect(workbook.uses1904Dates)
    let cells = Self.cells(try workbook.worksheet(named: nil))
    #expect(cells["A2"] == "2024-09-01")
    #expect(cells["B2"] == "2024-09-01T08:30:00")
    #expect(cells["A3"] == "1904-01-02")
    #expect(cells["B3"] == "13:45:30")
  }

  @Test func oldEncryptedDamagedAndForeignFilesAreRefusedWithAdvice() throws {
    func message(_ file: String) -> String {
      do {
        _ = try Self.workbook(file, in: Self.hostile)
        return "read"
      } catch let error as WorkbookError {
        return error.message
      } catch {
        return "\(error)"
      }
    }
    #expect(message("old-format.xls").hasPrefix("this is an Excel 97-2003 workbook (.xls)"))
    #expect(message("encrypted.xlsx").hasPrefix("the workbook is encrypted (password-protected)"))
    #expect(message("truncated.xlsx").hasPrefix("the workbook is damaged (the file is cut short"))
    #expect(message("truncated.xlsx").hasSuffix("save it as .xlsx (Excel Workbook) or CSV UTF-8"))
    let ods = TestWorkbook.zip([
      ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
    ])
    #expect(throws: WorkbookError.self) { try Workbook(ods) }
    do { _ = try Workbook(ods) } catch {
      #expect(error.message.hasPrefix("this is an OpenDocument spreadsheet (.ods)"))
    }
  }

  @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
    let workbook = try Self.workbook("zip-bomb.xlsx", in: Self.hostile)
    do {
      _ = try workbook.worksheet(named: nil)
      Issue.record("the bomb should be refused")
    } catch {
      #expect(error.message.hasPrefix("the part 'xl/worksheets/sheet1.xml' would inflate"))
      #expect(error.message.contains("refused as a possible zip bomb"))
    }
  }

  @Test func sheetsAreChosenByNameOrTheFirstVisible() throws {
    let bytes = TestWorkbook.make(
      sheets: [
        ("Hidden", TestWorkbook.rows([["h"]])), ("Staff list", TestWorkbook.rows([["s"]])),
        ("R&D", TestWorkbook.rows([["r"]])),
      ], hidden: ["Hidden"])
    let workbook = try Workbook(bytes)
    #expect(try workbook.worksheet(named: nil).name == "Staff list")
    #expect(try workbook.worksheet(named: "Hidden").name == "Hidden")
    #expect(try workbook.worksheet(named: "r&d").name == "R&D")
    #expect(throws: WorkbookError.self) { try workbook.worksheet(named: "Teams") }
    do { _ = try workbook.worksheet(named: "Teams") } catch {
      #expect(
        error.message
          == "there is no sheet named 'Teams'; the workbook's sheets are 'Hidden', 'Staff list', "
          + "'R&D' (give one of them with --sheet)")
    }
  }

  @Test func cellsWithoutReferencesFollowOnAndRowsComeInOrder() throws {
    let data = """
      <row r="3"><c t="inlineStr"><is><t>c1</t></is></c><c r="C3"><v>5</v></c><c><v>6</v></c></row>\
      <row r="1"><c r="B1" t="inlineStr"><is><t>a2</t></is></c></row>\
      <row><c r="A2" t="inlineStr"><is><t> </t></is></c></row>\
      <row r="5" spans="1:3"/><row r="6"><c r="A6" s="0"/><c r="B6"><f>A1</f><v></v></c></row>
      """
    let sheet = try Workbook(TestWorkbook.make(sheets: [("S", data)])).worksheet(named: nil)
    #expect(sheet.rows.map(\.number) == [1, 2, 3])
    #expect(Self.cells(sheet) == ["B1": "a2", "A2": " ", "A3": "c1", "C3": "5", "D3": "6"])
  }

  @Test func sharedStringsRichTextPhoneticsEscapesAndEntities() throws {
    let strings = """
      <sst><si><t>plain</t></si><si><r><rPr><b/></rPr><t>Bo</t></r><r><t xml:space="preserve">ld &amp; more</t></r></si>\
      <si><t>\u{6F22}\u{5B57}</t><rPh sb="0" eb="2"><t>\u{304B}\u{3093}\u{3058}</t></rPh></si>\
      <si><t>line_x000D_break &#169; &#x1F600; &lt;tag&gt;</t></si><si/><si><t><![CDATA[a<b]]></t></si></sst>
      """
    var parts: [(String, [UInt8])] = []
    let base = TestWorkbook.make(
      sheets: [
        (
          "S",
          (0..<6).map { "<row r=\"\($0 + 1)\"><c r=\"A\($0 + 1)\" t=\"s\"><v>\($0)</v></c></row>" }
            .joined()
        )
      ], sharedStrings: [])
    // Swap in the hand-written table.
    let archive = try ZipArchive(base, limits: WorkbookLimits())
    var budget = Int.max
    for entry in archive.entries {
      let data = try archive.contents(of: entry, budget: &budget)
      parts.append((entry.name, entry.name == "xl/sharedStrings.xml" ? Array(strings.utf8) : data))
    }
    let sheet = try Workbook(TestWorkbook.zip(parts)).worksheet(named: nil)
    #expect(
      Self.cells(sheet) == [
        "A1": "plain", "A2": "Bold & more", "A3": "\u{6F22}\u{5B57}",
        "A4": "line\rbreak \u{A9} \u{1F600} <tag>", "A6": "a<b",
      ])
  }

  @Test func aSharedStringThatDoesNotExistNamesTheCell() throws {
    let bytes = TestWorkbook.make(
      sheets: [("Staff", "<row r=\"14\"><c r=\"C14\" t=\"s\"><v>7</v></c></row>")],
      sharedStrings: ["only"])
    #expect(throws: WorkbookError.self) { try Workbook(bytes).worksheet(named: nil) }
    do { _ = try Workbook(bytes).worksheet(named: nil) } catch {
      #expect(error.place == "Staff!C14")
      #expect(error.message.hasPrefix("the cell refers to shared string 7, which the workbook"))
    }
  }

  @Test func cellsPastTheColumnLimitNameTheCell() throws {
    let row = "<row r=\"1\"><c r=\"ALM1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    let workbook = try Workbook(TestWorkbook.make(sheets: [("Big", row)]))
    #expect(throws: WorkbookError.self) { try workbook.worksheet(named: nil) }
    do { _ = try workbook.worksheet(named: nil) } catch {
      #expect(error.place == "Big!ALM1")
      #expect(error.message.hasPrefix("this cell is in column 1001 (ALM), past the limit of 1000"))
    }
    let wide = try workbook.worksheet(
      named: nil, limits: WorksheetParser.Limits(maximumColumns: 1001))
    #expect(wide.width == 1001)
  }

  @Test func datesFollowTheirStyles() throws {
    let styles = """
      <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>\
      <numFmt numFmtId="165" formatCode="&quot;Week&quot; 0"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>\
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="164"/>\
      <xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>
      """
    let data = (0..<6).map {
      "<c r=\"\(ExcelReference.letters(forColumn: $0 + 1))1\" s=\"\($0)\"><v>45536.75</v></c>"
    }.joined()
    let sheet = try Workbook(
      TestWorkbook.make(sheets: [("S", "<row r=\"1\">\(data)</row>")], styles: styles)
    ).worksheet(named: nil)
    #expect(
      Self.cells(sheet) == [
        "A1": "45536.75", "B1": "2024-09-01", "C1": "2024-09-01", "D1": "45536.75",
        "E1": "2024-09-01T18:00:00", "F1": "18:00:00",
      ])
  }

  @Test func aDoctypeIsRefused() throws {
    let bytes = TestWorkbook.make(sheets: [("S", "")])
    var parts: [(String, [UInt8])] = []
    let archive = try ZipArchive(bytes, limits: WorkbookLimits())
    var budget = Int.max
    for entry in archive.entries {
      var data = try archive.contents(of: entry, budget: &budget)
      if entry.name == "xl/worksheets/sheet1.xml" {
        data = Array("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData/></worksheet>".utf8)
      }
      parts.append((entry.name, data))
    }
    do {
      _ = try Workbook(TestWorkbook.zip(parts)).worksheet(named: nil)
      Issue.record("a DOCTYPE should be refused")
    } catch {
      #expect(error.message.contains("has a DOCTYPE declaration"))
    }
  }
}

struct CellTextTests {
  @Test func numbersShowAsExcelsGeneralFormat() {
    #expect(CellText.number("42") == "42")
    #expect(CellText.number("42.0") == "42")
    #expect(CellText.number("-7") == "-7")
    #expect(CellText.number("-0") == "0")
    #expect(CellText.number("1.5") == "1.5")
    #expect(CellText.number("0.30000000000000004") == "0.3")
    #expect(CellText.number("1E-3") == "0.001")
    #expect(CellText.number("7712345678") == "7712345678")
    #expect(CellText.number("1.5E+20") == "1.5E+20")
    #expect(CellText.number("n/a") == "n/a")
  }

  @Test func serialsBecomeISODates() {
    #expect(CellText.date(serial: 1, kind: .date, date1904: false) == "1900-01-01")
    #expect(CellText.date(serial: 59, kind: .date, date1904: false) == "1900-02-28")
    #expect(CellText.date(serial: 60, kind: .date, date1904: false) == "1900-02-29")
    #expect(CellText.date(serial: 61, kind: .date, date1904: false) == "1900-03-01")
    #expect(CellText.date(serial: 45536, kind: .date, date1904: false) == "2024-09-01")
    #expect(CellText.date(serial: 2_958_465, kind: .date, date1904: false) == "9999-12-31")
    #expect(CellText.date(serial: 2_958_466, kind: .date, date1904: false) == nil)
    #expect(CellText.date(serial: -1, kind: .date, date1904: false) == nil)
    #expect(CellText.date(serial: 0, kind: .date, date1904: true) == "1904-01-01")
    #expect(CellText.date(serial: 0.5, kind: .time, date1904: false) == "12:00:00")
    #expect(CellText.date(serial: 45536.999999, kind: .dateTime, date1904: false) == "2024-09-02")
    #expect(
      CellText.date(serial: 45536.25, kind: .dateTime, date1904: false) == "2024-09-01T06:00:00")
    #expect(CellText.isoDate("2024-09-01T00:00:00Z") == "2024-09-01")
  }

  @Test func formatCodesAreClassified() {
    #expect(CellText.kind(ofFormatCode: "General") == .number)
    #expect(CellText.kind(ofFormatCode: "0.00E+00") == .number)
    #expect(CellText.kind(ofFormatCode: "#,##0.00;[Red]-#,##0.00") == .number)
    #expect(CellText.kind(ofFormatCode: "yyyy\\-mm\\-dd") == .date)
    #expect(CellText.kind(ofFormatCode: "[$-809]dd mmmm yyyy;@") == .date)
    #expect(CellText.kind(ofFormatCode: "mmm") == .date)
    #expect(CellText.kind(ofFormatCode: "h:mm AM/PM") == .time)
    #expect(CellText.kind(ofFormatCode: "[h]:mm:ss") == .time)
    #expect(CellText.kind(ofFormatCode: "m/d/yy h:mm") == .dateTime)
    #expect(CellText.kind(ofFormatCode: "\"day\" 0") == .number)
    #expect(CellText.kind(ofBuiltInFormat: 14) == .date)
    #expect(CellText.kind(ofBuiltInFormat: 21) == .time)
    #expect(CellText.kind(ofBuiltInFormat: 22) == .dateTime)
    #expect(CellText.kind(ofBuiltInFormat: 49) == .number)
  }

  @Test func escapesAreDecoded() {
    #expect(CellText.unescaped("a_x000D__x000A_b") == "a\r\nb")
    #expect(CellText.unescaped("_x005F_x0041_") == "_x0041_")
    #expect(CellText.unescaped("no_xZZZZ_") == "no_xZZZZ_")
  }
}

struct ExcelReferenceTests {
  @Test func columnsAndCells() {
    #expect(ExcelReference.letters(forColumn: 1) == "A")
    #expect(ExcelReference.letters(forColumn: 26) == "Z")
    #expect(ExcelReference.letters(forColumn: 27) == "AA")
    #expect(ExcelReference.letters(forColumn: 16_384) == "XFD")
    for column in [1, 26, 27, 52, 53, 702, 703, 16_384] {
      let reference = Array((ExcelReference.letters(forColumn: column) + "7").utf8)
      #expect(ExcelReference.cell(reference).map { [$0.column, $0.row] } == [column, 7])
    }
    #expect(ExcelReference.cell(Array("c14".utf8)).map { [$0.column, $0.row] } == [3, 14])
    #expect(ExcelReference.cell(Array("$B$2".utf8)).map { [$0.column, $0.row] } == [2, 2])
    #expect(ExcelReference.cell(Array("XFE1".utf8)) == nil)
    #expect(ExcelReference.cell(Array("A0".utf8)) == nil)
    #expect(ExcelReference.cell(Array("A1048577".utf8)) == nil)
    #expect(ExcelReference.cell(Array("1A".utf8)) == nil)
  }

  @Test func sheetNamesAreQuotedAsExcelQuotesThem() {
    #expect(ExcelReference.cell(sheet: "Sheet1", column: 3, row: 14) == "Sheet1!C14")
    #expect(ExcelReference.cell(sheet: "Staff list", column: 1, row: 2) == "'Staff list'!A2")
    #expect(ExcelReference.cell(sheet: "Mrs O'Neil", column: 1, row: 2) == "'Mrs O''Neil'!A2")
    #expect(ExcelReference.cell(sheet: "2026", column: 1, row: 2) == "'2026'!A2")
    #expect(ExcelReference.cell(sheet: "A1", column: 1, row: 2) == "'A1'!A2")
    #expect(ExcelReference.row(sheet: "Staff", row: 14) == "Staff!14:14")
  }
}

struct XMLScannerTests {
  static func tokens(_ xml: String) throws -> [String] {
    let bytes = Array(xml.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      var scanner = XMLScanner(bytes: buffer, part: "test.xml")
      var found: [String] = []
      while let token = try scanner.next() {
        switch token {
        case .start(let name, let attributes, let selfClosing):
          let text = String(decoding: buffer[name], as: UTF8.self)
          let value = scanner.attribute("v", in: attributes).map(scanner.text) ?? ""
          found.append("<\(text)\(value.isEmpty ? "" : " v=\(value)")\(selfClosing ? "/" : "")>")
        case .end(let name): found.append("</\(String(decoding: buffer[name], as: UTF8.self))>")
        case .text(let range): found.append(scanner.text(range))
        case .cdata(let range): found.append("[\(String(decoding: buffer[range], as: UTF8.self))]")
        }
      }
      return found
    }
  }

  @Test func tokensPrefixesAttributesAndEntities() throws {
    #expect(
      try Self.tokens(
        "\u{FEFF}<?xml version=\"1.0\"?><!-- a > b --><x:a v='1&gt;2' w=\"/>\"><b v=\"&amp;&#65;\"/>t&lt;u<![CDATA[<&>]]></x:a>"
      ) == ["<a v=1>2>", "<b v=&A/>", "t<u", "[<&>]", "</a>"])
  }

  @Test func unclosedMarkupIsAnErrorNotAHang() {
    for xml in ["<a", "<a b=\"", "<!-- x", "<![CDATA[ x", "<?pi", "<", "</a"] {
      #expect(throws: WorkbookError.self, "\(xml)") { try Self.tokens(xml) }
    }
  }

  @Test func utf16PartsAreConverted() {
    let text = "<a>\u{E9}</a>"
    let little: [UInt8] =
      [0xFF, 0xFE]
      + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let big: [UInt8] =
      [0xFE, 0xFF]
      + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    #expect(XMLScanner.utf8(little) == Array(text.utf8))
    #expect(XMLScanner.utf8(big) == Array(text.utf8))
  }
}

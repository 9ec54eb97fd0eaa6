import Foundation
import Testing

@testable import GatewaysKit

/// Workbooks read as rosters: each fixture made by a real tool reads to the same roster, and
/// the same analysis, as its clean CSV twin; diagnostics name the sheet's cells.
struct WorkbookRosterReaderTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Workbooks")

  static func read(_ file: String, sheet: String? = nil) throws -> Roster {
    var reader = RosterReader()
    reader.sheetName = sheet
    return try reader.read(
      contentsOf: folder.appendingPathComponent(file), displayName: file, format: nil)
  }

  static func diagnostics(_ bytes: [UInt8], sheet: String? = nil) -> [String] {
    var reader = RosterReader()
    reader.sheetName = sheet
    do {
      let roster = try reader.read(Data(bytes), fileName: "staff.xlsx", format: .xlsx)
      return roster.warnings.map(\.description)
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test(
    arguments: [
      ("openpyxl-shared-strings.xlsx", nil), ("xlsxwriter-inline-strings.xlsx", "Roster"),
      ("libreoffice-formulas.xlsx", nil),
    ] as [(String, String?)])
  func aWorkbookReadsAsItsCSVTwin(_ file: String, _ sheet: String?) throws {
    let twin = try Self.read("roster.csv")
    let roster = try Self.read(file, sheet: sheet)
    #expect(roster.staff == twin.staff)
    #expect(roster.teams == twin.teams)
    // The analyses, without the warnings (which name their file), are the same to the byte.
    var bare = roster
    bare.warnings = []
    var bareTwin = twin
    bareTwin.warnings = []
    #expect(Analyser().analyse(bare).json() == Analyser().analyse(bareTwin).json())
    // The same warnings, placed in the sheet: roster.csv's line L, column C is the sheet's
    // row L, column C (the sheet has no blank rows).
    #expect(roster.warnings.map(\.message) == twin.warnings.map(\.message))
    #expect(roster.warnings.map(\.line) == twin.warnings.map(\.line))
    let sheetName = sheet ?? "Staff"
    #expect(
      roster.warnings.first?.description
        == "warning: \(file): \(sheetName)!I1: unknown column 'start_date' is ignored; if it "
        + "holds one of the roster's columns, name it with --columns (see "
        + "Documentation/RosterFormat.md)")
  }

  @Test func theFirstSheetIsReadUnlessAnotherIsNamed() throws {
    do {
      _ = try Self.read("xlsxwriter-inline-strings.xlsx")
      Issue.record("the cover sheet is not a roster")
    } catch let error as RosterError {
      #expect(error.diagnostics.first?.place == "Cover!1:1")
      #expect(error.diagnostics.first?.message.hasPrefix("missing required column") == true)
    }
  }

  @Test func errorsNameTheSheetRowAndColumn() {
    // Row 3 is blank, so CSV line 4 is sheet row 5; every message says "row".
    let rows: [[String?]] = [
      ["staff_id", "name", "team", "team_role"],
      ["T01", "Ada Voice", "afl", "leader"],
      [],
      [nil, nil, nil, nil],
      ["T01", "Ada Quill", "coaching", "leader"],
      ["T02", "Ben, \"Chalk\"\nwell", "afl", "chief"],
    ]
    let data = TestWorkbook.rows(rows.filter { !$0.isEmpty }, rowNumbers: [1, 2, 4, 5, 6])
    let found = Self.diagnostics(TestWorkbook.make(sheets: [("Staff list", data)]))
    #expect(
      found == [
        "error: staff.xlsx: 'Staff list'!B5: conflicting name: row 2 gives the same staff_id "
          + "another name; make the rows agree (or leave the cell blank on one of them)",
        "error: staff.xlsx: 'Staff list'!D6: team_role must be 'leader' or 'member' (or blank "
          + "for member); got 'chief'",
      ])
  }

  @Test func aSheetIsDescribedAsASheetNotAsSeparatedText() throws {
    // `check` says which sheet was read and the header's row, not "separated by commas".
    let data = TestWorkbook.rows(
      [["Staff roster"], [], ["staff_id", "team", "team_role"], ["T01", "afl", "leader"]],
      rowNumbers: [1, 2, 3, 4])
    var reader = RosterReader()
    reader.sheetName = nil
    let roster = try reader.read(
      Data(TestWorkbook.make(sheets: [("Staff", data)])), fileName: "staff.xlsx", format: .xlsx)
    #expect(
      roster.reading?.summary
        == "long (one row per membership), from sheet 'Staff' of the workbook, header on row 3")
    #expect(
      roster.warnings.map(\.description).contains(
        "warning: staff.xlsx: Staff!3:3: the header row is row 3; the rows above it (a title?) "
          + "are skipped"))
    // A header pasted as one cell of text is about cells, not about --delimiter.
    let pasted = TestWorkbook.rows([["staff_id;team"], ["T01;afl"]])
    #expect(
      Self.diagnostics(TestWorkbook.make(sheets: [("Staff", pasted)]))
        == [
          "error: staff.xlsx: Staff!1:1: the header is one cell holding several columns "
            + "separated by semicolons; put each column in a cell of its own (in Excel: Data, "
            + "Text to Columns), or save the sheet as CSV"
        ])
  }

  @Test func aRepeatedHeaderNamesBothColumnsByLetter() {
    let data = TestWorkbook.rows([["staff_id", "team", "name", "team"], ["T01", "afl", "A", "b"]])
    let found = Self.diagnostics(TestWorkbook.make(sheets: [("S", data)]))
    #expect(
      found.first
        == "error: staff.xlsx: S!D1: column team appears twice (also column B); delete one of them")
  }

  @Test func anEmptySheetSaysSoAndPointsAtTheOthers() {
    let bytes = TestWorkbook.make(sheets: [
      ("Cover", ""), ("Staff", TestWorkbook.rows([["staff_id", "team"]])),
    ])
    #expect(
      Self.diagnostics(bytes) == [
        "error: staff.xlsx: Cover: the sheet is empty; a roster needs a header row (at least "
          + "staff_id,team) and one row per team membership (to read another sheet, give its "
          + "name with --sheet)"
      ])
    #expect(
      Self.diagnostics(bytes, sheet: "Staff") == [
        "error: staff.xlsx: Staff!1:1: the roster has a header row but no data rows; add one "
          + "row per team membership"
      ])
  }

  @Test func numbersAndFormattingDoNotChangeIds() throws {
    // 7 stored as a number and "007" stored as text are different people.
    let data = """
      <row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c><c r="B1" t="inlineStr"><is><t>team</t></is></c></row>\
      <row r="2"><c r="A2" s="0"><v>7</v></c><c r="B2" t="inlineStr"><is><t>afl</t></is></c></row>\
      <row r="3"><c r="A3" t="inlineStr"><is><t>007</t></is></c><c r="B3" t="inlineStr"><is><t>afl</t></is></c></row>\
      <row r="4"><c r="A4"><v>1001.0</v></c><c r="B4" t="inlineStr"><is><t>afl</t></is></c></row>
      """
    let roster = try RosterReader().read(
      Data(TestWorkbook.make(sheets: [("S", data)])), fileName: "s.xlsx", format: .xlsx)
    #expect(roster.staff.map(\.id) == ["007", "1001", "7"])
  }

  @Test func aWorkbookNamedCSVIsReadAsAWorkbook() throws {
    let bytes = try Data(
      contentsOf: Self.folder.appendingPathComponent("openpyxl-shared-strings.xlsx"))
    let roster = try RosterReader().read(bytes, fileName: "export.csv", format: .csv)
    #expect(roster.staff.count == 6)
  }

  @Test func theSheetsCellsAreTheRowsWithNoTextInBetween() throws {
    // Each row is the sheet's cells, padded to its width, placed at their rows and columns;
    // a comma or a quote is just text, and a line break in a cell reads as a line feed.
    let data = TestWorkbook.rows(
      [["a", "b,c", "d\"e"], ["f\r\ng", nil, "h"], [" ", "\t"]], rowNumbers: [2, 5, 6])
    let sheet = try Workbook(TestWorkbook.make(sheets: [("S", data)])).worksheet(named: nil)
    var rows = WorkbookRosterReader.SheetRows(sheet)
    var records: [CSVRecord] = []
    while let record = rows.next() { records.append(record) }
    #expect(
      records.map { $0.fields.map(\.value) } == [
        ["a", "b,c", "d\"e"], ["f\ng", "", "h"], [" ", "\t", ""],
      ])
    #expect(records.map(\.line) == [2, 5, 6])
    #expect(records[1].fields.map(\.column) == [1, 2, 3])
    #expect(records[0].fields.map(\.isPlainASCII) == [true, true, true])
    #expect(records[1].fields[0].isPlainASCII == false)
  }
}

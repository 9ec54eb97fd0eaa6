/// An Office Open XML workbook (`.xlsx`, as Excel, LibreOffice, Google Sheets and openpyxl
/// save them, ECMA-376): its sheets by name, and any worksheet's cells as text.
///
/// ```swift
/// let workbook = try Workbook(bytes)
/// print(workbook.sheets.map(\.name))          // ["Staff", "Teams"]
/// let sheet = try workbook.worksheet(named: nil)  // the first visible worksheet
/// ```
///
/// The package's parts are found as OPC says: `_rels/.rels` names the workbook part, the
/// workbook's relationships name its sheets, shared strings and styles. Only the parts needed
/// are inflated. An old `.xls` file, an encrypted workbook (Excel writes those as an OLE2
/// compound file holding an `EncryptionInfo` stream), an OpenDocument spreadsheet and a
/// damaged archive are each refused with words saying what to do.
package struct Workbook: Sendable {
  /// A sheet the workbook lists.
  package struct Sheet: Sendable, Hashable {
    /// The name on the sheet's tab.
    package var name: String
    /// The part holding the sheet (`xl/worksheets/sheet1.xml`), or `nil` when the
    /// relationship is missing.
    package var part: String?
    /// Whether the sheet is hidden (`state="hidden"` or `"veryHidden"`).
    package var isHidden: Bool
    /// Whether it is a sheet of cells (not a chart sheet, dialog or macro sheet).
    package var isWorksheet: Bool
  }

  /// The sheets in tab order.
  package let sheets: [Sheet]
  /// Whether dates count from 1904 (old Mac workbooks) rather than 1900.
  package let uses1904Dates: Bool
  private let archive: ZipArchive
  private let sharedStringsPart: String?
  private let stylesPart: String?
  /// How many more bytes may be inflated.
  private let budget: Int

  /// The first eight bytes of an OLE2 compound file (an `.xls`, or an encrypted `.xlsx`).
  package static let compoundFileSignature: [UInt8] = [
    0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1,
  ]

  /// Whether `bytes` start like a workbook gateways recognises: a ZIP archive or an OLE2
  /// compound file (which it refuses with a clear error).
  package static func looksLikeWorkbook(_ bytes: some Collection<UInt8>) -> Bool {
    ZipArchive.looksLikeZip(bytes) || Array(bytes.prefix(8)) == compoundFileSignature
  }

  /// Opens a workbook: the archive's directory, the workbook part and its relationships.
  /// - Throws: ``WorkbookError`` for a file that is not an `.xlsx` workbook, or is damaged,
  ///   encrypted or larger than `limits`.
  /// - Complexity: O(n) in the size of the archive's directory and the workbook part.
  package init(_ bytes: [UInt8], limits: WorkbookLimits = WorkbookLimits()) throws(WorkbookError) {
    if Array(bytes.prefix(8)) == Self.compoundFileSignature {
      throw Self.compoundFileError(bytes)
    }
    let archive = try ZipArchive(bytes, limits: limits)
    var budget = limits.maximumUncompressedBytes
    func read(_ part: String) throws(WorkbookError) -> [UInt8]? {
      try Self.part(part, of: archive, budget: &budget)
    }
    let packageRelationships = try read("_rels/.rels").map { xml throws(WorkbookError) in
      try Self.relationships(xml, part: "_rels/.rels", base: "")
    }
    let workbookPart =
      packageRelationships?.first { $0.type.hasSuffix("/officeDocument") }?.target
      ?? "xl/workbook.xml"
    guard let workbookXML = try read(workbookPart) else {
      if let mimetype = archive.entry(named: "mimetype"),
        let text = try? archive.contents(of: mimetype, budget: &budget),
        String(decoding: text, as: UTF8.self).contains("opendocument.spreadsheet")
      {
        throw WorkbookError(
          "this is an OpenDocument spreadsheet (.ods), which gateways does not read; open it "
            + "in LibreOffice and save it as .xlsx (Excel 2007-365) or CSV")
      }
      throw WorkbookError(
        "this ZIP archive holds no workbook (no \(workbookPart)); if it is a spreadsheet, "
          + WorkbookError.saveAgain)
    }
    let relationshipsPart = Self.relationshipsPart(of: workbookPart)
    let relationships =
      try read(relationshipsPart).map { xml throws(WorkbookError) in
        try Self.relationships(xml, part: relationshipsPart, base: Self.folder(of: workbookPart))
      } ?? []
    let (listed, date1904) = try Self.sheets(workbookXML, part: workbookPart)
    // Each sheet names its part by a relationship id: one dictionary, not a search per sheet
    // (the first relationship of an id wins, as the search found it).
    let relationshipOfID = Dictionary(relationships.map { ($0.id, $0) }) { first, _ in first }
    var sheets: [Sheet] = []
    for (name, id, hidden) in listed {
      let relationship = relationshipOfID[id]
      let type = relationship?.type ?? "/worksheet"
      sheets.append(
        Sheet(
          name: name, part: relationship?.target, isHidden: hidden,
          isWorksheet: type.hasSuffix("/worksheet")))
    }
    self.sheets = sheets
    self.uses1904Dates = date1904
    self.archive = archive
    self.sharedStringsPart =
      relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
      ?? (archive.entry(named: "xl/sharedStrings.xml") != nil ? "xl/sharedStrings.xml" : nil)
    self.stylesPart =
      relationships.first { $0.type.hasSuffix("/styles") }?.target
      ?? (archive.entry(named: "xl/styles.xml") != nil ? "xl/styles.xml" : nil)
    self.budget = budget
  }

  /// The sheet of that name (exactly, else ignoring case), or with `nil` the first visible
  /// worksheet (the first worksheet when all are hidden).
  /// - Throws: ``WorkbookError`` when there is no such sheet (listing those there are).
  /// - Complexity: O(s) in the number of sheets.
  package func sheet(named name: String?) throws(WorkbookError) -> Sheet {
    let worksheets = sheets.filter(\.isWorksheet)
    guard let name else {
      guard let first = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
        throw WorkbookError("the workbook has no sheet of cells (only charts); \(Self.saveSheet)")
      }
      return first
    }
    guard
      let found = sheets.first(where: { $0.name == name })
        ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() })
    else {
      let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
      throw WorkbookError(
        "there is no sheet named '\(name)'; the workbook's sheets are \(names) "
          + "(give one of them with --sheet)")
    }
    guard found.isWorksheet else {
      throw WorkbookError(
        "the sheet '\(found.name)' is a chart or macro sheet, not a sheet of cells; give "
          + "another with --sheet")
    }
    return found
  }

  private static let saveSheet = "save the roster as .xlsx with a sheet of cells, or as CSV"

  /// The cells of a worksheet (see ``sheet(named:)`` for which).
  /// - Throws: ``WorkbookError`` when the sheet cannot be found or read.
  /// - Complexity: O(n) in the size of the sheet, its shared strings and styles.
  package func worksheet(
    named name: String?, limits: WorksheetParser.Limits = WorksheetParser.Limits()
  ) throws(WorkbookError) -> Worksheet {
    let sheet = try sheet(named: name)
    var budget = budget
    func read(_ part: String) throws(WorkbookError) -> [UInt8]? {
      try Self.part(part, of: archive, budget: &budget)
    }
    guard let part = sheet.part, let xml = try read(part) else {
      throw .damaged("the part holding sheet '\(sheet.name)' is missing")
    }
    let strings =
      try sharedStringsPart.flatMap { part throws(WorkbookError) in
        try read(part).map { xml throws(WorkbookError) in try SharedStrings(xml: xml, part: part) }
      } ?? SharedStrings()
    let styles =
      try stylesPart.flatMap { part throws(WorkbookError) in
        try read(part).map { xml throws(WorkbookError) in try WorkbookStyles(xml: xml, part: part) }
      } ?? WorkbookStyles()
    return try WorksheetParser.read(
      xml: xml, name: sheet.name, part: part, strings: strings, styles: styles,
      date1904: uses1904Dates, limits: limits)
  }

  /// The bytes of the part named `part`, as UTF-8 (``XMLScanner/utf8(_:)``), inflated within
  /// `budget`; `nil` when the archive has no such part.
  /// - Throws: ``WorkbookError`` when the part is damaged or larger than the budget.
  /// - Complexity: O(n) in the part's size.
  private static func part(_ part: String, of archive: ZipArchive, budget: inout Int)
    throws(WorkbookError) -> [UInt8]?
  {
    guard let entry = archive.entry(named: part) else { return nil }
    return XMLScanner.utf8(try archive.contents(of: entry, budget: &budget))
  }

  /// The error for an OLE2 compound file: encrypted when it has an `EncryptionInfo` or
  /// `EncryptedPackage` stream (MS-OFFCRYPTO), else an Excel 97-2003 workbook.
  private static func compoundFileError(_ bytes: [UInt8]) -> WorkbookError {
    // Directory entries are 128 bytes, aligned to 128 in the file: a UTF-16LE name, then at
    // offset 64 its length in bytes with the terminating zero.
    let names = ["EncryptionInfo", "EncryptedPackage"].map { name -> [UInt8] in
      name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
    var offset = 512
    while offset + 128 <= bytes.count {
      for name in names
      where bytes[offset] == name[0] && bytes[offset + 64] == UInt8(name.count + 2)
        && bytes[offset + 65] == 0 && Array(bytes[offset..<(offset + name.count)]) == name
      {
        return WorkbookError(
          "the workbook is encrypted (password-protected), so gateways cannot read it; remove "
            + "the password (in Excel: File, Info, Protect Workbook, Encrypt with Password, "
            + "and clear it) and save it as .xlsx, or save the sheet as CSV UTF-8")
      }
      offset += 128
    }
    return WorkbookError(
      "this is an Excel 97-2003 workbook (.xls), which gateways does not read; open it in "
        + "Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8")
  }

  /// A relationship of a part (OPC): its id, its type URI and its target part's name.
  private struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// Reads a relationships part; internal targets are resolved against `base` (the folder
  /// of the part they belong to).
  private static func relationships(_ xml: [UInt8], part: String, base: String)
    throws(WorkbookError) -> [Relationship]
  {
    var found: [Relationship] = []
    try xml.withUnsafeBufferPointer { buffer throws(WorkbookError) in
      var scanner = XMLScanner(bytes: buffer, part: part)
      while let token = try scanner.next() {
        guard case .start(let name, let attributes, _) = token,
          scanner.is(name, "Relationship"),
          scanner.attribute("TargetMode", in: attributes).map(scanner.text) != "External",
          let id = scanner.attribute("Id", in: attributes).map(scanner.text),
          let target = scanner.attribute("Target", in: attributes).map(scanner.text)
        else { continue }
        let type = scanner.attribute("Type", in: attributes).map(scanner.text) ?? ""
        found.append(Relationship(id: id, type: type, target: resolve(target, base: base)))
      }
    }
    return found
  }

  /// The sheets a workbook part lists, with their relationship ids, and its date system.
  private static func sheets(_ xml: [UInt8], part: String) throws(WorkbookError) -> (
    [(name: String, id: String, hidden: Bool)], Bool
  ) {
    var sheets: [(name: String, id: String, hidden: Bool)] = []
    var date1904 = false
    try xml.withUnsafeBufferPointer { buffer throws(WorkbookError) in
      var scanner = XMLScanner(bytes: buffer, part: part)
      while let token = try scanner.next() {
        guard case .start(let name, let attributes, _) = token else { continue }
        if scanner.is(name, "workbookPr") {
          let value = scanner.attribute("date1904", in: attributes).map(scanner.text)
          date1904 = value == "1" || value == "true"
        } else if scanner.is(name, "sheet") {
          let state = scanner.attribute("state", in: attributes).map(scanner.text) ?? "visible"
          sheets.append(
            (
              name: scanner.attribute("name", in: attributes).map(scanner.text) ?? "",
              id: scanner.attribute("id", in: attributes).map(scanner.text) ?? "",
              hidden: state != "visible"
            ))
        }
      }
    }
    return (sheets, date1904)
  }

  /// The folder of a part (`xl/workbook.xml` → `xl`).
  private static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  /// The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
  private static func relationshipsPart(of part: String) -> String {
    let folder = folder(of: part)
    let file = part.split(separator: "/").last.map(String.init) ?? part
    return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
  }

  /// A relationship target as a part name: absolute (`/xl/…`) or relative to `base`, with
  /// `.` and `..` segments resolved.
  private static func resolve(_ target: String, base: String) -> String {
    var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for segment in target.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }
}

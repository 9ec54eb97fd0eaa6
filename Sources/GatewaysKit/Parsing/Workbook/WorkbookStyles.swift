/// What each cell style of a workbook shows its numbers as (from `xl/styles.xml`): the one
/// thing gateways needs from styles, to tell a date from a number.
///
/// ```swift
/// let styles = try WorkbookStyles(xml: bytes)
/// styles.kind(ofStyle: 3)  // .date when style 3 has a date format
/// ```
struct WorkbookStyles: Sendable {
  /// The number kind of each cell format (`<cellXfs>`), by index (a cell's `s` attribute).
  private(set) var kinds: [CellText.NumberKind] = []

  /// No styles: every number is a number.
  init() {}

  /// Reads `styles.xml`: the custom number formats (`<numFmts>`) and the cell formats
  /// (`<cellXfs>`) that use them or a built-in one.
  /// - Throws: ``WorkbookError`` when the XML is malformed.
  /// - Complexity: O(n) in the size of the part.
  init(xml: [UInt8], part: String) throws(WorkbookError) {
    var custom: [Int: CellText.NumberKind] = [:]
    var kinds: [CellText.NumberKind] = []
    var inFormats = false
    var inCellFormats = false
    var depth = 0
    try xml.withUnsafeBufferPointer { buffer throws(WorkbookError) in
      var scanner = XMLScanner(bytes: buffer, part: part)
      while let token = try scanner.next() {
        switch token {
        case .start(let name, let attributes, let selfClosing):
          if scanner.is(name, "numFmts") {
            inFormats = !selfClosing
          } else if scanner.is(name, "cellXfs") {
            inCellFormats = !selfClosing
            depth = 0
          } else if inFormats, scanner.is(name, "numFmt"),
            let id = scanner.attribute("numFmtId", in: attributes).flatMap({
              Int(scanner.text($0))
            })
          {
            let code = scanner.attribute("formatCode", in: attributes).map(scanner.text) ?? ""
            custom[id] = CellText.kind(ofFormatCode: code)
          } else if inCellFormats {
            if depth == 0, scanner.is(name, "xf") {
              let id =
                scanner.attribute("numFmtId", in: attributes).flatMap { Int(scanner.text($0)) }
                ?? 0
              kinds.append(custom[id] ?? CellText.kind(ofBuiltInFormat: id))
            }
            if !selfClosing { depth += 1 }
          }
        case .end(let name):
          if scanner.is(name, "numFmts") {
            inFormats = false
          } else if scanner.is(name, "cellXfs") {
            inCellFormats = false
          } else if inCellFormats {
            depth -= 1
          }
        case .text, .cdata: break
        }
      }
    }
    self.kinds = kinds
  }

  /// What the style at `index` shows numbers as (a number when there is no such style).
  /// - Complexity: O(1).
  func kind(ofStyle index: Int) -> CellText.NumberKind {
    index >= 0 && index < kinds.count ? kinds[index] : .number
  }
}

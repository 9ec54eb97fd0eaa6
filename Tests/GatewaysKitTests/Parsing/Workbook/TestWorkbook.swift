import Foundation

@testable import GatewaysKit

/// Builds small `.xlsx` files in memory for tests: a ZIP of stored (uncompressed) parts, with
/// the package and workbook relationships a real workbook has.
enum TestWorkbook {
  /// A ZIP archive of `parts` (name, bytes), stored, in order.
  static func zip(_ parts: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func le16(_ value: Int, into bytes: inout [UInt8]) {
      bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
    }
    func le32(_ value: Int, into bytes: inout [UInt8]) {
      le16(value & 0xFFFF, into: &bytes)
      le16(value >> 16 & 0xFFFF, into: &bytes)
    }
    for (name, data) in parts {
      let offset = out.count
      let crc = Int(CRC32.checksum(data))
      let nameBytes = Array(name.utf8)
      le32(0x0403_4B50, into: &out)
      for value in [20, 0, 0, 0, 0] { le16(value, into: &out) }
      le32(crc, into: &out)
      le32(data.count, into: &out)
      le32(data.count, into: &out)
      le16(nameBytes.count, into: &out)
      le16(0, into: &out)
      out += nameBytes + data
      le32(0x0201_4B50, into: &central)
      for value in [20, 20, 0, 0, 0, 0] { le16(value, into: &central) }
      le32(crc, into: &central)
      le32(data.count, into: &central)
      le32(data.count, into: &central)
      le16(nameBytes.count, into: &central)
      for value in [0, 0, 0, 0] { le16(value, into: &central) }
      le32(0, into: &central)
      le32(offset, into: &central)
      central += nameBytes
    }
    let directoryOffset = out.count
    out += central
    le32(0x0605_4B50, into: &out)
    for value in [0, 0, parts.count, parts.count] { le16(value, into: &out) }
    le32(central.count, into: &out)
    le32(directoryOffset, into: &out)
    le16(0, into: &out)
    return out
  }

  /// A workbook of sheets given as their `<sheetData>` content, with optional shared strings
  /// and `styles.xml`, and the workbook's `<workbookPr>` attributes.
  static func make(
    sheets: [(name: String, data: String)], sharedStrings: [String]? = nil,
    styles: String? = nil, workbookProperties: String = "", hidden: Set<String> = []
  ) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var parts: [(String, [UInt8])] = []
    parts.append(
      (
        "_rels/.rels",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
          """.utf8)
      ))
    var sheetList = ""
    var links = ""
    for (index, sheet) in sheets.enumerated() {
      let state = hidden.contains(sheet.name) ? " state=\"hidden\"" : ""
      sheetList +=
        "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
      links +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    if sharedStrings != nil {
      links +=
        "<Relationship Id=\"rIdS\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    }
    if styles != nil {
      links +=
        "<Relationship Id=\"rIdT\" Type=\"\(relationships)/styles\" Target=\"/xl/styles.xml\"/>"
    }
    parts.append(
      (
        "xl/workbook.xml",
        Array(
          "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><workbookPr \(workbookProperties)/><sheets>\(sheetList)</sheets></workbook>"
            .utf8)
      ))
    parts.append(
      (
        "xl/_rels/workbook.xml.rels",
        Array(
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>"
            .utf8)
      ))
    for (index, sheet) in sheets.enumerated() {
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          Array(
            "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.data)</sheetData></worksheet>".utf8)
        ))
    }
    if let sharedStrings {
      let items = sharedStrings.map { "<si><t>\(escape($0))</t></si>" }.joined()
      parts.append(("xl/sharedStrings.xml", Array("<sst xmlns=\"\(main)\">\(items)</sst>".utf8)))
    }
    if let styles {
      parts.append(
        ("xl/styles.xml", Array("<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>".utf8)))
    }
    return zip(parts)
  }

  /// `<sheetData>` content for rows of inline strings (`nil`: no cell), rows numbered from 1
  /// unless `rowNumbers` says otherwise.
  static func rows(_ rows: [[String?]], rowNumbers: [Int]? = nil) -> String {
    var xml = ""
    for (index, cells) in rows.enumerated() {
      let number = rowNumbers?[index] ?? index + 1
      xml += "<row r=\"\(number)\">"
      for (column, text) in cells.enumerated() {
        guard let text else { continue }
        let reference = ExcelReference.letters(forColumn: column + 1) + "\(number)"
        xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
      }
      xml += "</row>"
    }
    return xml
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
  }
}

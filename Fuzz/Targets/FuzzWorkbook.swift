// libFuzzer target: the workbook reader. Built by Scripts/fuzz.sh, not by `swift build`.
//
// An input that starts like a ZIP archive or an OLE2 file is read as a whole `.xlsx` roster
// (the ZIP reader, the inflater, every part). Any other input is the XML of a sheet and, after
// its first zero byte, of the shared string table: it is packed into a stored workbook with
// the right CRCs (so mutations reach the XML scanner, not just the CRC check) and read as a
// roster, through the sheet-to-CSV bridge into the roster reader.
import Foundation
import GatewaysKit

/// A ZIP archive of stored parts (see Tests/GatewaysKitTests/Parsing/Workbook/TestWorkbook.swift).
func storedZip(_ parts: [(String, [UInt8])]) -> [UInt8] {
  var out: [UInt8] = []
  var central: [UInt8] = []
  func le(_ value: Int, _ bytes: Int, into data: inout [UInt8]) {
    for index in 0..<bytes { data.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
  }
  for (name, data) in parts {
    let offset = out.count
    let crc = Int(CRC32.checksum(data))
    let nameBytes = Array(name.utf8)
    le(0x0403_4B50, 4, into: &out)
    for value in [20, 0, 0, 0, 0] { le(value, 2, into: &out) }
    for value in [crc, data.count, data.count] { le(value, 4, into: &out) }
    le(nameBytes.count, 2, into: &out)
    le(0, 2, into: &out)
    out += nameBytes + data
    le(0x0201_4B50, 4, into: &central)
    for value in [20, 20, 0, 0, 0, 0] { le(value, 2, into: &central) }
    for value in [crc, data.count, data.count] { le(value, 4, into: &central) }
    for value in [nameBytes.count, 0, 0, 0, 0] { le(value, 2, into: &central) }
    le(0, 4, into: &central)
    le(offset, 4, into: &central)
    central += nameBytes
  }
  let directory = out.count
  out += central
  le(0x0605_4B50, 4, into: &out)
  for value in [0, 0, parts.count, parts.count] { le(value, 2, into: &out) }
  le(central.count, 4, into: &out)
  le(directory, 4, into: &out)
  le(0, 2, into: &out)
  return out
}

/// A one-sheet workbook around the sheet XML and shared strings XML.
func workbook(sheet: [UInt8], sharedStrings: [UInt8]?) -> [UInt8] {
  let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  var links =
    "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  var parts: [(String, [UInt8])] = [
    (
      "xl/workbook.xml",
      Array(
        "<workbook xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Fuzz\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
          .utf8)
    ),
    ("xl/worksheets/sheet1.xml", sheet),
  ]
  if let sharedStrings {
    links +=
      "<Relationship Id=\"rId2\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    parts.append(("xl/sharedStrings.xml", sharedStrings))
  }
  parts.append(
    ("xl/_rels/workbook.xml.rels", Array("<Relationships>\(links)</Relationships>".utf8)))
  return storedZip(parts)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  let archive: [UInt8]
  if Workbook.looksLikeWorkbook(bytes) {
    archive = bytes
  } else if let zero = bytes.firstIndex(of: 0) {
    archive = workbook(sheet: Array(bytes[..<zero]), sharedStrings: Array(bytes[(zero + 1)...]))
  } else {
    archive = workbook(sheet: bytes, sharedStrings: nil)
  }
  _ = try? RosterReader().read(Data(archive), fileName: "fuzz.xlsx", format: .xlsx)
  if let book = try? Workbook(archive) {
    for sheet in book.sheets { _ = try? book.worksheet(named: sheet.name) }
  }
  return 0
}

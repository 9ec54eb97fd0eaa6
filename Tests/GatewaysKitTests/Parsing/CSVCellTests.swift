import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// A CSV cell is a range of the file's bytes unless its text is not (a doubled quote): these
/// tests pin down the ranges, the texts, the eight-bytes-at-a-time scan and the columns.
struct CSVCellTests {
  /// The cells and texts of every record of `text`, as the reader's assembler gets them.
  func cells(_ text: String) -> (bytes: [UInt8], records: [([CSVCell], [String])]) {
    let bytes = Array(text.utf8)
    var parser = CSVParser(bytes: bytes)
    parser.bytesAreValidUTF8 = true
    var records: [([CSVCell], [String])] = []
    var cells: [CSVCell] = []
    var texts: [String] = []
    while parser.nextRecord(into: &cells, texts: &texts) != nil { records.append((cells, texts)) }
    return (bytes, records)
  }

  @Test func onlyADoubledQuoteGivesACellATextOfItsOwn() {
    let (bytes, records) = cells("a,\"b\"\"c\",\u{E9}\u{540D},\"x\ny\",\"q,r\"\n")
    let (row, texts) = records[0]
    #expect(row.count == 5)
    func bytesOf(_ cell: CSVCell) -> String {
      String(decoding: bytes[cell.start..<cell.end], as: UTF8.self)
    }
    #expect(!row[0].hasText && row[0].isPlainASCII && bytesOf(row[0]) == "a")
    #expect(row[1].hasText && texts[row[1].textIndex] == "b\"c" && !row[1].isPlainASCII)
    #expect(!row[2].hasText && !row[2].isPlainASCII && bytesOf(row[2]) == "\u{E9}\u{540D}")
    #expect(!row[3].hasText && !row[3].isPlainASCII && bytesOf(row[3]) == "x\ny")
    #expect(!row[4].hasText && row[4].isPlainASCII && bytesOf(row[4]) == "q,r")
    #expect(texts.count == 1)
  }

  @Test func eachRecordStartsWithNoTexts() {
    let (_, records) = cells("\"a\"\"b\",c\nd,e\n")
    #expect(records[0].1 == ["a\"b"])
    #expect(records[1].1.isEmpty)
    #expect(records[1].0.allSatisfy { !$0.hasText })
  }

  @Test func anEmptyUnterminatedFieldIsAnEmptyCell() {
    let (_, records) = cells("a,\"")
    #expect(records[0].0.count == 2)
    #expect(records[0].0[1].isEmpty)
  }

  @Test func columnsAndLinesFollowMultiByteTextAndQuotedLineBreaks() {
    var parser = CSVParser(
      bytes: Array("\"\u{E9}\"\"x\",\u{540D}\u{524D},z\n\"a\nb\u{E9}\",c\n".utf8))
    let first = parser.next()
    let second = parser.next()
    #expect(first?.fields.map(\.column) == [1, 8, 11])
    #expect(first?.fields.map(\.line) == [1, 1, 1])
    #expect(second?.fields.map(\.value) == ["a\nb\u{E9}", "c"])
    #expect(second?.fields.map(\.line) == [2, 3])
    #expect(second?.fields.map(\.column) == [1, 5])
  }

  @Test func theEightByteScanStopsWhereTheByteByByteScanStops() {
    // Bytes from a small alphabet of every kind the scan tells apart, at every alignment.
    let alphabet: [UInt8] = [
      0x61, 0x20, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF, 0x00, 0x1F, 0x22,
    ]
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<2000 {
      let count = Int(generator.next() % 40)
      let bytes = (0..<count).map { _ in
        // Mostly plain letters, so runs longer than a word are common.
        generator.next() % 3 == 0 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : 0x61
      }
      let separator: UInt8 = generator.next() % 2 == 0 ? 0x2C : 0x3B
      let start = count == 0 ? 0 : Int(generator.next() % UInt64(count))
      let limit = start + Int(generator.next() % UInt64(count - start + 1))
      let expected =
        (start..<limit).first { bytes[$0] < 0x20 || bytes[$0] >= 0x7F || bytes[$0] == separator }
        ?? limit
      let found = bytes.withUnsafeBufferPointer {
        CSVParser.firstSpecialByte(from: start, before: limit, separator: separator, in: $0)
      }
      #expect(found == expected, "\(bytes) from \(start) to \(limit)")
    }
  }
}

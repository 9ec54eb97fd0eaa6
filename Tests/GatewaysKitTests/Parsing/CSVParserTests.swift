import MembershipGraph
import Testing

@testable import GatewaysKit

struct CSVParserTests {
  func records(_ text: String) -> ([CSVRecord], [CSVProblem]) {
    var parser = CSVParser(bytes: Array(text.utf8))
    var records: [CSVRecord] = []
    while let record = parser.next() { records.append(record) }
    return (records, parser.problems)
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
    let (records, problems) = records("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,y\n")
    #expect(problems.isEmpty)
    #expect(
      records.map { $0.fields.map(\.value) } == [
        ["a", "b,c", "say \"hi\""], ["two\nlines", "x", "y"],
      ])
    #expect(records.map(\.line) == [1, 2])
    #expect(records[1].fields[1].line == 3)
    #expect(records[1].fields[1].column == 8)
  }

  @Test func crlfAndByteOrderMarkAreAccepted() {
    let (records, problems) = records("\u{FEFF}staff_id,team\r\ns1,t1\r\n")
    #expect(problems.isEmpty)
    #expect(records.map { $0.fields.map(\.value) } == [["staff_id", "team"], ["s1", "t1"]])
    #expect(records[1].line == 2)
  }

  @Test func columnsCountUnicodeScalars() {
    let (records, _) = records("é名,x\n")
    #expect(records[0].fields[1].column == 4)
  }

  @Test func aLastLineWithoutANewlineIsARecord() {
    let (records, _) = records("a,b\nc,d")
    #expect(records.count == 2)
    #expect(records[1].fields.map(\.value) == ["c", "d"])
  }

  @Test func textAfterAClosingQuoteIsAProblem() {
    let (records, problems) = records("\"ab\"c,d\n")
    #expect(records[0].fields.map(\.value) == ["abc", "d"])
    #expect(problems.map(\.line) == [1])
    #expect(problems[0].column == 5)
    #expect(problems[0].message.hasPrefix("unexpected text after a closing quote"))
  }

  @Test func anUnterminatedQuoteIsReportedWhereItStarts() {
    let (_, problems) = records("a,b\nc,\"d\ne,f\n")
    #expect(problems.count == 1)
    #expect(problems[0].line == 2)
    #expect(problems[0].column == 3)
    #expect(problems[0].message.hasPrefix("unterminated quote"))
  }

  @Test func anOverlongFieldIsReportedAndTheNextLineStillReads() {
    var parser = CSVParser(
      bytes: Array("a,\(String(repeating: "x", count: 100))\nb,c\n".utf8), maximumFieldBytes: 10)
    var records: [CSVRecord] = []
    while let record = parser.next() { records.append(record) }
    #expect(parser.problems.count == 1)
    #expect(parser.problems[0].line == 1)
    #expect(parser.problems[0].column == 3)
    #expect(records.last?.fields.map(\.value) == ["b", "c"])
  }

  @Test func invalidUTF8IsReportedOnceWithItsPosition() {
    var bytes = Array("ab,c".utf8)
    bytes.append(0xE9)
    bytes += Array("\nx\u{FF}\n".utf8)
    bytes.append(0xFF)
    var parser = CSVParser(bytes: bytes)
    while parser.next() != nil {}
    #expect(parser.problems.count == 1)
    #expect(parser.problems[0].line == 1)
    #expect(parser.problems[0].column == 5)
    #expect(parser.problems[0].message.contains("0xE9"))
    #expect(parser.furtherInvalidUTF8Count == 1)
  }
}

extension CSVParserTests {
  @Test func anOverlongQuotedFieldResumesOnTheNextLine() {
    let text = "a,\"b\nc,d\ne,f\n" + String(repeating: "x", count: 50) + "\n"
    var parser = CSVParser(bytes: Array(text.utf8), maximumFieldBytes: 8)
    var records: [CSVRecord] = []
    while let record = parser.next() { records.append(record) }
    #expect(parser.problems.map(\.line) == [1, 4])
    #expect(
      parser.problems.first?.message.hasPrefix("a quoted field starting here is longer") == true)
    #expect(records.map(\.line) == [1, 2, 3, 4])
    #expect(records[1].fields.map(\.value) == ["c", "d"])
  }
}

/// The tokenizer against a plain RFC 4180 reference on seeded well-formed input: every field
/// value and every record boundary, and each field's line and column.
struct CSVParserReferenceTests {
  /// A field as written (quoted when needed or by chance) and its value.
  static func field(_ rng: inout SeededGenerator) -> (written: String, value: String) {
    let pieces = ["a", "Zq", "0", " ", ",", "\"", "\n", "\r\n", "é", "名", "🙂", "x y", "'"]
    var value = ""
    for _ in 0..<Int.random(in: 0...4, using: &rng) {
      value += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
    }
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" }
    if needsQuotes || Bool.random(using: &rng) {
      return ("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"", value)
    }
    return (value, value)
  }

  @Test(arguments: 0..<300)
  func fieldsRecordsLinesAndColumnsMatchTheReference(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    var text = ""
    var expected: [[(value: String, line: Int, column: Int)]] = []
    var line = 1
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      var record: [(String, Int, Int)] = []
      var column = 1
      for index in 0..<Int.random(in: 1...4, using: &rng) {
        if index > 0 {
          text += ","
          column += 1
        }
        let (written, value) = Self.field(&rng)
        record.append((value, line, column))
        text += written
        // Advance the position over the written field as the tokenizer counts it.
        for scalar in written.unicodeScalars {
          if scalar == "\n" {
            line += 1
            column = 1
          } else if scalar != "\r" {
            column += 1
          }
        }
      }
      // A record of one empty field would be a blank line; give it a value instead.
      if record.count == 1, record[0].0.isEmpty, !text.hasSuffix("\"") {
        text += "v"
        record[0].0 = "v"
      }
      expected.append(record)
      text += "\n"
      line += 1
    }
    var parser = CSVParser(bytes: Array(text.utf8))
    var records: [CSVRecord] = []
    while let record = parser.next() { records.append(record) }
    #expect(parser.problems.isEmpty)
    #expect(records.map { $0.fields.map(\.value) } == expected.map { $0.map(\.value) })
    #expect(records.map { $0.fields.map(\.line) } == expected.map { $0.map(\.line) })
    #expect(records.map { $0.fields.map(\.column) } == expected.map { $0.map(\.column) })
  }
}

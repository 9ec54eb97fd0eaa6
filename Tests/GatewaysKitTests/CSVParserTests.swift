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

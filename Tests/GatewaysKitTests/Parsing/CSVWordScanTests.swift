import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// The reader's word-at-a-time scans (a field's text, a key's hash and equality, a dense
/// column) against the simple byte-by-byte forms they replace, on seeded inputs.
struct CSVWordScanTests {
  /// Bytes from a small alphabet of every kind the scans tell apart, mostly plain letters so
  /// that runs longer than a word are common.
  static func bytes(_ rng: inout SeededGenerator, count: Int) -> [UInt8] {
    let alphabet: [UInt8] = [
      0x61, 0x41, 0x5A, 0x7A, 0x20, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x7E, 0x7F, 0x80, 0xA9, 0xC3,
      0xE5, 0xFF, 0x00, 0x1F, 0x22,
    ]
    return (0..<count).map { _ in
      rng.next() % 3 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : 0x61
    }
  }

  @Test func theTextScanStopsAndCountsAsTheByteByByteScan() {
    var rng = SeededGenerator(seed: 29)
    for _ in 0..<3000 {
      let count = Int(rng.next() % 48)
      let bytes = Self.bytes(&rng, count: count)
      let stop: UInt8 = [0x22, 0x2C, 0x3B, 0x09][Int(rng.next() % 4)]
      let start = count == 0 ? 0 : Int(rng.next() % UInt64(count))
      let limit = start + Int(rng.next() % UInt64(count - start + 1))
      var end = start
      var scalars = 0
      var plain = true
      while end < limit, bytes[end] != stop, bytes[end] != 0x0A, bytes[end] != 0x0D {
        if bytes[end] < 0x20 || bytes[end] >= 0x7F { plain = false }
        if bytes[end] & 0xC0 != 0x80 { scalars += 1 }
        end += 1
      }
      let found = bytes.withUnsafeBufferPointer {
        CSVParser.scanText(from: start, before: limit, stop: stop, in: $0)
      }
      #expect(found.end == end, "\(bytes) from \(start) to \(limit)")
      #expect(found.scalars == scalars, "\(bytes) from \(start) to \(limit)")
      #expect(found.plain == plain, "\(bytes) from \(start) to \(limit)")
    }
  }

  /// The hash as it was computed before its last bytes were read as one word.
  static func referenceHash(
    _ range: Range<Int>, in bytes: [UInt8], foldsCase: Bool
  ) -> UInt64 {
    func lower(_ byte: UInt8) -> UInt8 {
      foldsCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(range.count)
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      var word: UInt64 = 0
      for offset in 0..<8 { word |= UInt64(lower(bytes[index + offset])) << UInt64(8 * offset) }
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < range.upperBound {
      tail |= UInt64(lower(bytes[index])) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 29)
  }

  @Test func keysHashAndCompareAsByteByByte() {
    var rng = SeededGenerator(seed: 31)
    for _ in 0..<2000 {
      let count = Int(rng.next() % 40) + 1
      // Two copies of a text, the second with some letters in the other case or changed.
      let first = Self.bytes(&rng, count: count)
      var second = first
      for index in second.indices where rng.next() % 5 == 0 {
        let byte = second[index]
        second[index] =
          byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : rng.next() % 4 == 0 ? 0x62 : byte
      }
      let padding = Int(rng.next() % 3)
      let bytes = first + second + [UInt8](repeating: 0x78, count: padding)
      let a = 0..<count
      let b = count..<(2 * count)
      for foldsCase in [false, true] {
        func lower(_ byte: UInt8) -> UInt8 {
          foldsCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        let same = zip(first, second).allSatisfy { lower($0) == lower($1) }
        bytes.withUnsafeBufferPointer { buffer in
          for range in [a, b] {
            #expect(
              ByteStringTable.hash(range, in: buffer, foldsCase: foldsCase)
                == Self.referenceHash(range, in: bytes, foldsCase: foldsCase))
          }
          #expect(ByteStringTable.equal(a, b, in: buffer, foldsCase: foldsCase) == same)
        }
      }
    }
  }

  @Test func aDenseColumnAnswersAsAnyOther() {
    var rng = SeededGenerator(seed: 37)
    for _ in 0..<300 {
      var column = CSVRosterReader.SparseColumn<Int>()
      var model: [Int: Int] = [:]
      let owners = Int(rng.next() % 60) + 1
      // Mostly in order (the column stays dense a while), then now and then out of order.
      var next = 0
      for step in 0..<(owners * 2) {
        let owner =
          rng.next() % 6 == 0 || next >= owners ? Int(rng.next() % UInt64(owners)) : next
        if model[owner] == nil {
          column.set(CSVRosterReader.Sourced(value: step, line: step, column: 1), for: owner)
          model[owner] = step
        }
        if owner == next { next += 1 }
      }
      for owner in 0..<(owners + 2) {
        #expect(column[owner]?.value == model[owner])
        #expect(column.value(of: owner, satisfies: { $0 == model[owner] }) == (model[owner] != nil))
      }
      for (index, value) in column.values.enumerated() {
        #expect(model[column.owner(ofValue: index)] == value.value)
      }
      // Absorbing a part whose owners come after this column's.
      var later = CSVRosterReader.SparseColumn<Int>()
      for owner in 0..<5 where rng.next() % 2 == 0 {
        later.set(CSVRosterReader.Sourced(value: 1000 + owner, line: 1, column: 1), for: owner)
      }
      let mapping = (0..<5).map { Int32(owners + $0) }
      let agrees = column.absorb(later, mapping: mapping)
      #expect(agrees)
      for owner in 0..<5 {
        #expect(column[owners + owner]?.value == later[owner]?.value)
      }
      // Appending a part shifted past every owner so far, dense or not, with or without a gap.
      var shifted = CSVRosterReader.SparseColumn<Int>()
      let shiftedOwners = Int(rng.next() % 8)
      for owner in 0..<shiftedOwners where rng.next() % 4 != 0 {
        shifted.set(CSVRosterReader.Sourced(value: 2000 + owner, line: 1, column: 1), for: owner)
      }
      let offset = owners + 5 + Int(rng.next() % 2)
      var appended = column
      appended.append(shifted, shiftedBy: offset)
      for owner in 0..<(offset + shiftedOwners + 2) {
        let expected = owner < offset ? column[owner]?.value : shifted[owner - offset]?.value
        #expect(appended[owner]?.value == expected)
      }
      for (index, value) in appended.values.enumerated() {
        #expect(appended[appended.owner(ofValue: index)]?.value == value.value)
      }
    }
  }

  /// Reading runs of plain fields in one pass changes nothing: every cell (its bytes, line,
  /// column and kind), every text and every problem is what reading field by field gives, on
  /// rows that mix plain, quoted, non-ASCII, control and invalid bytes, every line end, limits
  /// on fields and field length that rows reach, and inputs that end without a line end; read
  /// from a file checked to be UTF-8 whole or cell by cell.
  @Test(arguments: 0..<300)
  func plainRunsReadAsFieldByField(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(5000 + seed))
    let pieces: [[UInt8]] = [
      Array("ab".utf8), Array("Teacher of Maths".utf8), Array(" ".utf8), Array("\"q\"".utf8),
      Array("\"a,\"\"b\"".utf8), Array("é".utf8), Array("\t".utf8), [0xFF], Array("x\"y".utf8),
      Array("Ulley Mílin".utf8), Array("日本".utf8), [0xC3], [0x7F], Array("\u{85}".utf8),
      Array("12345678901234567".utf8), [],
    ]
    let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      for field in 0..<Int.random(in: 1...7, using: &rng) {
        if field > 0 { bytes.append(0x2C) }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
          bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
        }
      }
      if Int.random(in: 0..<5, using: &rng) > 0 {
        bytes += ends[Int.random(in: 0..<ends.count, using: &rng)]
      }
    }
    let maximumFields = Int.random(in: 2...8, using: &rng)
    let maximumFieldBytes = Int.random(in: 4...40, using: &rng)
    // Read as a file checked to be UTF-8 up front, and as one whose cells are checked as read.
    let checkedWhole = Bool.random(using: &rng)
    func read(_ plainRuns: Bool) -> ([[CSVCell]], [[String]], [Int], [CSVProblem], [Bool], Int) {
      var parser = CSVParser(
        bytes: bytes, maximumFieldBytes: maximumFieldBytes, maximumFields: maximumFields)
      parser.readsPlainRuns = plainRuns
      parser.bytesAreValidUTF8 = checkedWhole && TextEncoding.isValidUTF8(bytes)
      var cells: [CSVCell] = []
      var texts: [String] = []
      var rows: ([[CSVCell]], [[String]], [Int], [CSVProblem], [Bool], Int) = (
        [], [], [], [], [], 0
      )
      while let (line, isDamaged) = parser.nextRecord(into: &cells, texts: &texts) {
        rows.0.append(cells)
        rows.1.append(texts)
        rows.2.append(line)
        rows.4.append(isDamaged)
      }
      rows.3 = parser.problems
      rows.5 = parser.furtherInvalidUTF8Count
      return rows
    }
    let inOnePass = read(true)
    let oneByOne = read(false)
    #expect(inOnePass.0 == oneByOne.0)
    #expect(inOnePass.1 == oneByOne.1)
    #expect(inOnePass.2 == oneByOne.2)
    #expect(inOnePass.3 == oneByOne.3)
    #expect(inOnePass.4 == oneByOne.4)
    #expect(inOnePass.5 == oneByOne.5)
  }

  @Test func aQuotedFieldAtTheLimitReadsAndOneByteMoreIsAnError() {
    for text in ["abcdéfghijklmnopqrstuvwxyz0123456789", "ab\"\"cdé fgh ijk lmnopq rstuvwxyz 0123"]
    {
      let unquoted = text.replacingOccurrences(of: "\"\"", with: "\"")
      let length = unquoted.utf8.count
      for limit in [length - 1, length, length + 1] {
        var parser = CSVParser(
          bytes: Array("x,\"\(text)\",y\nz\n".utf8), maximumFieldBytes: limit)
        var records: [CSVRecord] = []
        while let record = parser.next() { records.append(record) }
        if limit >= length {
          #expect(parser.problems.isEmpty)
          #expect(records.first?.fields.map(\.value) == ["x", unquoted, "y"])
          #expect(records.first?.fields.map(\.column) == [1, 3, text.unicodeScalars.count + 6])
        } else {
          #expect(parser.problems.count == 1)
          #expect(records.last?.fields.map(\.value) == ["z"])
        }
      }
    }
  }

  @Test(arguments: 0..<100)
  func longFieldsMatchTheReference(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(1000 + seed))
    let pieces = ["abcdefgh", "Zq", " ", ",", "\"", "\n", "\r\n", "é", "名", "🙂", "x y z w", "'"]
    var text = ""
    var expected: [[String]] = []
    for _ in 0..<Int.random(in: 1...5, using: &rng) {
      var record: [String] = []
      for index in 0..<Int.random(in: 1...4, using: &rng) {
        if index > 0 { text += "," }
        var value = "v"
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
          value += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" }
        text +=
          needsQuotes || Bool.random(using: &rng)
          ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        record.append(value)
      }
      expected.append(record)
      text += "\n"
    }
    var parser = CSVParser(bytes: Array(text.utf8))
    var records: [CSVRecord] = []
    while let record = parser.next() { records.append(record) }
    #expect(parser.problems.isEmpty)
    #expect(records.map { $0.fields.map(\.value) } == expected)
  }

  @Test func lineBreaksAreCountedAsOneByOne() {
    var rng = SeededGenerator(seed: 41)
    for _ in 0..<500 {
      let count = Int(rng.next() % 300)
      let bytes: [UInt8] = (0..<count).map { _ in
        switch rng.next() % 10 {
        case 0: return 0x0A
        case 1: return 0x0D
        default: return 0x61
        }
      }
      let start = count == 0 ? 0 : Int(rng.next() % UInt64(count))
      let end = start + Int(rng.next() % UInt64(count - start + 1))
      var expected = 0
      for index in start..<end {
        if bytes[index] == 0x0A
          || (bytes[index] == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A))
        {
          expected += 1
        }
      }
      let found = bytes.withUnsafeBufferPointer {
        CSVRosterReader.lineBreaks(in: start..<end, of: $0)
      }
      #expect(found == expected, "\(bytes) from \(start) to \(end)")
    }
  }

  @Test func theFirstLongLineIsFoundAsLineByLine() {
    var rng = SeededGenerator(seed: 43)
    for _ in 0..<500 {
      let count = Int(rng.next() % 400)
      let bytes: [UInt8] = (0..<count).map { _ in
        switch rng.next() % 40 {
        case 0: return 0x0A
        case 1: return 0x0D
        default: return 0x61
        }
      }
      let limit = Int(rng.next() % 60) + 1
      // Line by line: LF, CRLF or CR ends.
      var expected: (line: Int, length: Int)?
      var line = 1
      var start = 0
      var index = 0
      while index < count, expected == nil {
        if bytes[index] == 0x0A || bytes[index] == 0x0D {
          if index - start > limit { expected = (line, index - start) }
          if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
          line += 1
          start = index + 1
        }
        index += 1
      }
      if expected == nil, count - start > limit { expected = (line, count - start) }
      let found = CSVRosterReader.firstLongLine(in: bytes, limit: limit)
      #expect(found?.line == expected?.line, "\(bytes) limit \(limit)")
      #expect(found?.length == expected?.length, "\(bytes) limit \(limit)")
    }
  }

  /// Roles, departments and year groups spelled with other bytes but equal (`é` precomposed
  /// or not) agree, each person keeps the bytes first given, and another text conflicts: read
  /// row by row and in halves alike.
  @Test(arguments: 0..<40)
  func repeatedTextsKeepTheirFirstBytesInHalvesAndRowByRow(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(500 + seed))
    let spellings = ["Caf\u{E9}", "Cafe\u{301}", "Head", "Year 7"]
    var text = "staff_id,team,role,department,year_group\n"
    var first: [String: [String]] = [:]
    let conflicting = seed % 5 == 0
    for row in 0..<Int.random(in: 1...200, using: &rng) {
      let person = "s\(Int.random(in: 0..<30, using: &rng))"
      // Each person's texts: one of the two spellings of the same word, or their own word.
      let kind = person.utf8.reduce(0) { $0 &+ Int($1) } % 3
      func spelling() -> String {
        kind == 0 ? spellings[Int.random(in: 0...1, using: &rng)] : spellings[kind + 1]
      }
      var cells = [spelling(), spelling(), spelling()]
      if conflicting, row == 7 { cells[1] = "Other" }
      if first[person] == nil { first[person] = cells }
      text += "\(person),t\(row % 5),\(cells.joined(separator: ","))\n"
    }
    let rowByRow = CSVHalvesTests.outcome(text, halvesThreshold: .max)
    #expect(CSVHalvesTests.outcome(text, halvesThreshold: 0) == rowByRow)
    guard let roster = try? CSVRosterReader.read(Array(text.utf8), fileName: "r.csv") else {
      #expect(rowByRow.hasPrefix("errors"))
      return
    }
    for member in roster.staff {
      let expected = first[member.id] ?? []
      let found = [member.role, member.department ?? "", member.yearGroup ?? ""]
      #expect(found.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
    }
  }
}

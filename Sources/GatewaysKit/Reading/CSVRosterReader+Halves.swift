import Foundation
import MembershipGraph

extension CSVRosterReader {
  /// Files of at least this many bytes are read in two halves at once when they allow it.
  static let halvesThreshold = 1 << 20

  /// A buffer shared, read-only, by the threads reading the parts of a file.
  struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
  }

  /// A value handed to another thread whole: that thread takes it out, leaving nothing behind,
  /// so it holds the only reference and changes the value in place (a copy captured by a
  /// closure would be copied again on its first change).
  final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    /// The value, which is no longer here.
    func take() -> Value {
      guard let taken = value else { preconditionFailure("a handoff's value is taken once") }
      value = nil
      return taken
    }
  }

  /// The value of `place`, leaving `empty` there (so the value returned is not shared with it).
  static func swapOut<Value>(_ place: inout Value, _ empty: Value) -> Value {
    var value = empty
    swap(&value, &place)
    return value
  }

  /// Reads the rows that follow the header (where `parser` stands) in two halves, one per core,
  /// and merges them; the result is the assembler reading row by row would have.
  ///
  /// Returns `nil`, and the caller reads row by row, when the file does not allow a split (no
  /// line break near the middle, or the one there is inside a quoted field), or when a half
  /// found an error, an id that is not printable ASCII or one written in two cases, or the
  /// halves disagree about someone:
  /// those diagnostics then come from the one reader that words and places them exactly.
  static func readInHalves(
    _ bytes: [UInt8], after parser: CSVParser, map: ColumnMap, deeps: DeepMapping,
    log: DiagnosticLog, limits: RosterLimits, exactIDs: Bool = false, expectedRows: Int = 1024
  ) -> Assembler? {
    readInHalves(
      RosterBytes(bytes), after: parser, map: map, deeps: deeps, log: log, limits: limits,
      exactIDs: exactIDs, expectedRows: expectedRows)
  }

  /// Reads the rows that follow the header in two halves, as
  /// ``readInHalves(_:after:map:deeps:log:limits:exactIDs:expectedRows:)-([UInt8],_,_,_,_,_,_,_)``
  /// does, from the bytes of a file (mapped or read).
  static func readInHalves(
    _ bytes: RosterBytes, after parser: CSVParser, map: ColumnMap, deeps: DeepMapping,
    log: DiagnosticLog, limits: RosterLimits, exactIDs: Bool = false, expectedRows: Int = 1024
  ) -> Assembler? {
    let start = parser.position
    return bytes.withUnsafeBufferPointer { buffer -> Assembler? in
      // The split is just after a line feed near the middle. If that line feed is inside a
      // quoted field, the first half ends inside the quotes, its tokenizer reports an
      // unterminated quote, and the file is read row by row; otherwise the line feed ended a
      // record, so the split is where a row starts when the file is read row by row too.
      guard start < buffer.count,
        let split = recordBoundary(after: (start + buffer.count) / 2, in: buffer)
      else { return nil }
      var beforeSplit = parser
      beforeSplit.stop(at: split)
      let first = beforeSplit
      let shared = SharedBytes(buffer: buffer)
      // The second half's parser is made on its own core: the line it starts on is counted
      // there, while the first half is read.
      @Sendable func second() -> CSVParser {
        var second = CSVParser(
          bytes: bytes, range: split..<shared.buffer.count,
          line: lineNumber(at: split, in: shared.buffer), separator: parser.separator,
          maximumFieldBytes: limits.maximumLineBytes, maximumFields: limits.maximumFields)
        second.bytesAreValidUTF8 = parser.bytesAreValidUTF8
        return second
      }
      let halfRows = expectedRows / 2 + 16
      let file = log.file
      // The first half's people table gets room for about half the file's people, and its
      // people's and rows' columns room for as many people and rows as the whole file has
      // rows (address space only): the second half's people and rows join them when the halves
      // merge, with no column copied to a larger one. (Larger hash tables up front would not
      // need rebuilding, but the halves' lookups in them miss the cache more often: slower.)
      @Sendable func half(
        _ parser: CSVParser, expectedPeople: Int, reservedPeople: Int, reservedRows: Int,
        expectedTeams: Int
      ) -> (Assembler, Bool) {
        var parser = parser
        var assembler = Assembler(
          map: map, deeps: deeps, log: DiagnosticLog(file: file), exactIDs: exactIDs,
          expectedRows: halfRows, expectedPeople: expectedPeople, reservedPeople: reservedPeople,
          reservedRows: reservedRows, expectedTeams: expectedTeams)
        assembler.addRows(from: &parser, in: shared.buffer)
        return (assembler, parser.problems.isEmpty && parser.furtherInvalidUTF8Count == 0)
      }
      var ((earlier, earlierTokenized), (later, laterTokenized)) = Parallel.both(
        {
          half(
            first, expectedPeople: halfRows, reservedPeople: expectedRows,
            reservedRows: expectedRows, expectedTeams: halfRows / 8)
        },
        {
          half(
            second(), expectedPeople: halfRows / 2, reservedPeople: halfRows,
            reservedRows: halfRows, expectedTeams: halfRows / 8)
        })
      guard earlierTokenized, laterTokenized, earlier.canMerge, later.canMerge,
        earlier.absorb(later, in: buffer)
      else { return nil }
      // The header's diagnostics come first.
      var combined = log
      combined.append(earlier.log)
      earlier.log = combined
      return earlier
    }
  }

  /// Just past the first line feed at or after `offset`: the start of a record unless the line
  /// feed is inside a quoted field.
  static func recordBoundary(after offset: Int, in buffer: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    guard let base = buffer.baseAddress, offset < buffer.count,
      let found = memchr(base + offset, 0x0A, buffer.count - offset)
    else { return nil }
    let boundary = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
    return boundary < buffer.count ? boundary : nil
  }

  /// The 1-based line number at `offset`, counting LF, CRLF and lone CR line ends before it.
  static func lineNumber(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
    1 + lineBreaks(in: 0..<offset, of: buffer)
  }

  /// The line ends (LF, CRLF or a lone CR) that start in `range`: line feeds and carriage
  /// returns are found with `memchr`, so a part of a large file is counted at memory speed.
  /// - Complexity: O(n) in the length of `range`.
  static func lineBreaks(in range: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = buffer.baseAddress, !range.isEmpty else { return 0 }
    var count = 0
    for byte: Int32 in [0x0A, 0x0D] {
      var index = range.lowerBound
      while index < range.upperBound,
        let found = memchr(base + index, byte, range.upperBound - index)
      {
        let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        // A carriage return followed by a line feed is one line end, counted at the line feed.
        if byte == 0x0A || position + 1 >= buffer.count || buffer[position + 1] != 0x0A {
          count += 1
        }
        index = position + 1
      }
    }
    return count
  }
}

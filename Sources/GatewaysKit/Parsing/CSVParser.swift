/// One field of a CSV record, with where it starts in the file.
struct CSVField: Sendable, Equatable {
  /// The field's text, unquoted and decoded from UTF-8.
  var value: String
  /// The 1-based line on which the field starts.
  var line: Int
  /// The 1-based column (in Unicode scalars) at which the field starts.
  var column: Int
  /// Whether every byte of the value is printable ASCII (space to `~`): such a value holds no
  /// control, invisible or non-ASCII character, so the reader's character checks can skip it.
  var isPlainASCII: Bool = false
}

/// One field of a CSV record as the tokenizer leaves it, without making a string of it: a plain
/// unquoted field is a range of the input's bytes, any other field carries its decoded text.
struct CSVCell: Sendable, Equatable {
  /// Where the field's bytes are in the input; for a quoted field, the range is empty.
  var start: Int
  /// The end (exclusive) of the field's bytes in the input.
  var end: Int
  /// The field's decoded text, for a quoted field or one that is not printable ASCII; `nil` when
  /// the text is exactly the bytes `start..<end`.
  var text: String?
  /// The 1-based line on which the field starts.
  var line: Int
  /// The 1-based column (in Unicode scalars) at which the field starts.
  var column: Int
  /// Whether every byte of the value is printable ASCII (space to `~`).
  var isPlainASCII: Bool

  /// Whether the field holds no text.
  var isEmpty: Bool { text?.isEmpty ?? (start == end) }
}

/// One CSV record (a row), with the line it starts on.
struct CSVRecord: Sendable, Equatable {
  /// The 1-based line on which the record starts.
  var line: Int
  /// The record's fields, in order.
  var fields: [CSVField]

  /// Whether the tokenizer reported a problem inside this record (its fields may be cut short
  /// or merged, so the reader skips it rather than report a misleading field count).
  var isDamaged = false

  /// Whether the record is a blank line (one empty field).
  var isBlank: Bool { fields.count == 1 && fields[0].value.isEmpty }
}

/// A problem the tokenizer found, without a file name (the caller adds it).
struct CSVProblem: Sendable, Equatable {
  /// The 1-based line.
  var line: Int
  /// The 1-based column.
  var column: Int
  /// What is wrong and what to do.
  var message: String
}

/// A streaming RFC 4180 tokenizer over UTF-8 bytes that tracks line and column.
///
/// It accepts a leading byte-order mark, LF, CRLF or lone CR line ends, quoted fields with commas,
/// doubled quotes and line breaks, and a quote inside an unquoted field (kept as text). Problems
/// (an unterminated quote, text after a closing quote, invalid UTF-8, a field longer than
/// ``maximumFieldBytes``) are collected in ``problems`` and the tokenizer carries on, so one run
/// reports them all.
///
/// ```swift
/// var parser = CSVParser(bytes: Array("a,\"b,c\"\n".utf8))
/// while let record = parser.next() { print(record.fields.map(\.value)) }  // ["a", "b,c"]
/// ```
/// - Complexity: O(n) in the number of bytes.
struct CSVParser: IteratorProtocol, Sendable {
  /// The longest field accepted, in bytes; a longer one is an error and the rest of its line is
  /// skipped (a roster cell is never this long: it is usually a missing closing quote).
  static let defaultMaximumFieldBytes = 65_536

  private let bytes: [UInt8]
  private var index: Int
  /// Where the tokenizer stops: the end of the input, or of the part it was limited to.
  private var endIndex: Int
  private var line = 1
  private var column = 1
  /// The longest field accepted, in bytes.
  let maximumFieldBytes: Int
  /// The most fields accepted in one record; the rest of a longer record is skipped, and the
  /// record returned has `maximumFields + 1` fields, so the caller can tell.
  let maximumFields: Int
  /// Problems found so far, in file order.
  private(set) var problems: [CSVProblem] = []
  /// How many fields held invalid UTF-8 after the first one reported.
  private(set) var furtherInvalidUTF8Count = 0
  private var reportedInvalidUTF8 = false
  /// The storage a quoted field's text is built in (see ``readField()``).
  private var scratch: [UInt8] = []

  /// The byte between fields: a comma, or a semicolon or a tab.
  let separator: UInt8

  /// Whether the input is known to be valid UTF-8 (the reader checked the whole file, or made
  /// it from another encoding): then fields are not validated again one by one.
  var bytesAreValidUTF8 = false

  /// Creates a tokenizer over the bytes of a file; a UTF-8 byte-order mark is skipped.
  init(
    bytes: [UInt8], separator: UInt8 = 0x2C,
    maximumFieldBytes: Int = CSVParser.defaultMaximumFieldBytes,
    maximumFields: Int = RosterLimits.defaultMaximumFields
  ) {
    self.bytes = bytes
    self.separator = separator
    self.maximumFieldBytes = maximumFieldBytes
    self.maximumFields = maximumFields
    index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    endIndex = bytes.count
  }

  /// A tokenizer over `bytes[range]`, a part of an input that starts a record on line `line`.
  init(
    bytes: [UInt8], range: Range<Int>, line: Int, separator: UInt8 = 0x2C,
    maximumFieldBytes: Int = CSVParser.defaultMaximumFieldBytes,
    maximumFields: Int = RosterLimits.defaultMaximumFields
  ) {
    self.init(
      bytes: bytes, separator: separator, maximumFieldBytes: maximumFieldBytes,
      maximumFields: maximumFields)
    index = max(index, range.lowerBound)
    endIndex = range.upperBound
    self.line = line
  }

  /// Where the next record starts.
  var position: Int { index }

  /// Makes the tokenizer stop at `end` (a record boundary) rather than at the end of the input.
  mutating func stop(at end: Int) { endIndex = min(endIndex, end) }

  /// Whether the input holds nothing but an optional byte-order mark and white space.
  var isBlankInput: Bool {
    bytes[index..<endIndex].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
  }

  private static let quote: UInt8 = 0x22
  private static let newline: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D

  /// Advances past one byte, keeping the column in Unicode scalars.
  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte & 0xC0 != 0x80 { column += 1 }
  }

  /// Consumes a line end at the current index (LF, CRLF or CR), if there is one.
  private mutating func consumeLineEnd() -> Bool {
    guard index < endIndex else { return false }
    if bytes[index] == Self.newline {
      index += 1
    } else if bytes[index] == Self.carriageReturn {
      index += 1
      if index < endIndex, bytes[index] == Self.newline { index += 1 }
    } else {
      return false
    }
    line += 1
    column = 1
    return true
  }

  /// Skips to just after the end of the current line.
  private mutating func skipRestOfLine() {
    while index < endIndex, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn {
      advance()
    }
  }

  /// The next record, or `nil` at the end of the input.
  mutating func next() -> CSVRecord? {
    var cells: [CSVCell] = []
    guard let (line, isDamaged) = nextRecord(into: &cells) else { return nil }
    let fields = cells.map { cell in
      CSVField(
        value: cell.text ?? String(decoding: bytes[cell.start..<cell.end], as: UTF8.self),
        line: cell.line, column: cell.column, isPlainASCII: cell.isPlainASCII)
    }
    return CSVRecord(line: line, fields: fields, isDamaged: isDamaged)
  }

  /// Reads the next record into `cells` (emptied first, its storage kept), without making
  /// strings of plain fields; returns the record's line and whether the tokenizer reported a
  /// problem inside it, or `nil` at the end of the input.
  mutating func nextRecord(into cells: inout [CSVCell]) -> (line: Int, isDamaged: Bool)? {
    cells.removeAll(keepingCapacity: true)
    guard index < endIndex else { return nil }
    let recordLine = line
    let problemsBefore = problems.count + furtherInvalidUTF8Count
    while true {
      let (cell, endOfRecord) = readField()
      cells.append(cell)
      if endOfRecord { break }
      if cells.count == maximumFields {
        // One more field to show the record overflowed; the rest of the line is skipped.
        cells.append(
          CSVCell(
            start: index, end: index, text: nil, line: line, column: column, isPlainASCII: true))
        problems.append(
          CSVProblem(
            line: line, column: column,
            message:
              "this row has more than \(maximumFields) fields; a roster row never has this many, "
              + "so check that this is the right file (or raise --max-fields)"))
        skipRestOfLine()
        _ = consumeLineEnd()
        break
      }
    }
    return (recordLine, problems.count + furtherInvalidUTF8Count > problemsBefore)
  }

  /// Reads one field; returns it and whether it ended the record.
  private mutating func readField() -> (CSVCell, Bool) {
    let startLine = line
    let startColumn = column
    var buffer: [UInt8] = []
    let empty = CSVCell(
      start: index, end: index, text: nil, line: startLine, column: startColumn,
      isPlainASCII: true)

    func finish(_ parser: inout CSVParser, _ buffer: [UInt8]) -> CSVCell {
      CSVCell(
        start: parser.index, end: parser.index,
        text: parser.decode(buffer, line: startLine, column: startColumn),
        line: startLine, column: startColumn, isPlainASCII: false)
    }

    if index < endIndex, bytes[index] == Self.quote {
      // The text of a quoted field that is not a plain range is built in one buffer kept from
      // field to field, not in a new array each time.
      buffer = scratch
      scratch = []
      buffer.removeAll(keepingCapacity: true)
      defer { scratch = buffer }
      let quoteIndex = index
      advance()
      var closed = false
      // Whether the text is exactly the printable ASCII bytes between the quotes (no doubled
      // quote, no line break): then it can stay a range of the input, as an unquoted field.
      var plain = true
      // Most quoted cells are plain: their bytes are scanned without being copied, and `buffer`
      // stays empty (`copied` false) unless something else follows.
      let contentStart = index
      let scanLimit = min(endIndex, contentStart + maximumFieldBytes)
      let prefixEnd = bytes.withUnsafeBufferPointer { buffer in
        var end = contentStart
        while end < scanLimit {
          let byte = buffer[end]
          if byte < 0x20 || byte >= 0x7F || byte == Self.quote { break }
          end += 1
        }
        return end
      }
      index = prefixEnd
      column += prefixEnd - contentStart
      var copied = false
      if prefixEnd < endIndex, bytes[prefixEnd] == Self.quote,
        prefixEnd + 1 >= endIndex || bytes[prefixEnd + 1] != Self.quote
      {
        advance()
        closed = true
      } else {
        buffer.append(contentsOf: bytes[contentStart..<prefixEnd])
        copied = true
      }
      while !closed, index < endIndex {
        let byte = bytes[index]
        if byte < 0x20 || byte >= 0x7F { plain = false }
        if byte == Self.quote {
          if index + 1 < endIndex, bytes[index + 1] == Self.quote {
            plain = false
            buffer.append(Self.quote)
            advance()
            advance()
            continue
          }
          advance()
          closed = true
          break
        }
        if byte == Self.newline || byte == Self.carriageReturn {
          // Keep the line break as written: LF, CRLF or CR.
          let start = index
          _ = consumeLineEnd()
          buffer.append(contentsOf: bytes[start..<index])
        } else {
          buffer.append(byte)
          advance()
        }
        if buffer.count > maximumFieldBytes {
          problems.append(
            CSVProblem(
              line: startLine, column: startColumn,
              message:
                "a quoted field starting here is longer than \(maximumFieldBytes) bytes; "
                + "a quote is probably missing its closing pair: check this cell"))
          // Carry on from the line after the opening quote, as if the quote were not there.
          index = quoteIndex + 1
          line = startLine
          column = startColumn + 1
          skipRestOfLine()
          _ = consumeLineEnd()
          return (empty, true)
        }
      }
      if !closed {
        problems.append(
          CSVProblem(
            line: startLine, column: startColumn,
            message:
              "unterminated quote: the quoted field starting here never ends; "
              + "add the closing \" (write a quote inside a quoted field as \"\")"))
        return (finish(&self, buffer), true)
      }
      // After the closing quote: a comma, a line end or the end of the input.
      let contentCount = copied ? buffer.count : prefixEnd - contentStart
      func done(_ parser: inout CSVParser) -> CSVCell {
        guard plain else { return finish(&parser, buffer) }
        return CSVCell(
          start: contentStart, end: contentStart + contentCount, text: nil, line: startLine,
          column: startColumn, isPlainASCII: true)
      }
      if index >= endIndex { return (done(&self), true) }
      if bytes[index] == separator {
        advance()
        return (done(&self), false)
      }
      if consumeLineEnd() { return (done(&self), true) }
      problems.append(
        CSVProblem(
          line: line, column: column,
          message:
            "unexpected text after a closing quote; quote the whole cell and write a quote "
            + "inside it as \"\""))
      if !copied { buffer.append(contentsOf: bytes[contentStart..<prefixEnd]) }
      // Keep the stray text as part of the field and carry on to the next comma.
      while index < endIndex, bytes[index] != separator, bytes[index] != Self.newline,
        bytes[index] != Self.carriageReturn
      {
        buffer.append(bytes[index])
        advance()
      }
      if index < endIndex, bytes[index] == separator {
        advance()
        return (finish(&self, buffer), false)
      }
      _ = consumeLineEnd()
      return (finish(&self, buffer), true)
    }

    // An unquoted field: find its end, then decode the bytes in place (no copy).
    let start = index
    let limit = min(endIndex, start + maximumFieldBytes + 1)
    let separator = self.separator
    let (end, scalars, plain) = bytes.withUnsafeBufferPointer { buffer in
      var end = start
      var scalars = 0
      var plain = true
      while end < limit {
        let byte = buffer[end]
        if byte == separator || byte == Self.newline || byte == Self.carriageReturn { break }
        if byte & 0xC0 != 0x80 { scalars += 1 }
        if byte < 0x20 || byte >= 0x7F { plain = false }
        end += 1
      }
      return (end, scalars, plain)
    }
    index = end
    column += scalars
    if end - start > maximumFieldBytes {
      problems.append(
        CSVProblem(
          line: startLine, column: startColumn,
          message:
            "this line is too long: a field starting here is longer than "
            + "\(maximumFieldBytes) bytes; a roster cell is never this long, so check "
            + "that this is the right file"))
      skipRestOfLine()
      _ = consumeLineEnd()
      return (empty, true)
    }
    // Printable ASCII is valid UTF-8 by construction: it stays a range of bytes.
    let field = CSVCell(
      start: start, end: end,
      text: plain ? nil : decode(bytes[start..<end], line: startLine, column: startColumn),
      line: startLine, column: startColumn, isPlainASCII: plain)
    if index < endIndex, bytes[index] == separator {
      advance()
      return (field, false)
    }
    _ = consumeLineEnd()
    return (field, true)
  }

  /// Decodes a field's bytes; invalid UTF-8 is reported (once in full) and replaced.
  private mutating func decode(_ buffer: ArraySlice<UInt8>, line: Int, column: Int) -> String {
    let text = buffer.withUnsafeBufferPointer { bytes in
      bytesAreValidUTF8
        ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
    if let text { return text }
    return decodeInvalid(Array(buffer), line: line, column: column)
  }

  /// Decodes a field's bytes; invalid UTF-8 is reported (once in full) and replaced.
  private mutating func decode(_ buffer: [UInt8], line: Int, column: Int) -> String {
    let text = buffer.withUnsafeBufferPointer { bytes in
      bytesAreValidUTF8
        ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
    if let text { return text }
    return decodeInvalid(buffer, line: line, column: column)
  }

  /// Reports invalid UTF-8 in a field (the first in full, then a count) and decodes it with
  /// replacement characters.
  private mutating func decodeInvalid(_ buffer: [UInt8], line: Int, column: Int) -> String {
    if reportedInvalidUTF8 {
      furtherInvalidUTF8Count += 1
    } else {
      reportedInvalidUTF8 = true
      let (offsetLine, offsetColumn, byte) = Self.firstInvalidByte(in: buffer)
      let badLine = line + offsetLine
      let badColumn = offsetLine == 0 ? column + offsetColumn : offsetColumn + 1
      let hex = String(byte, radix: 16, uppercase: true)
      problems.append(
        CSVProblem(
          line: badLine, column: badColumn,
          message:
            "the file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) here); "
            + "save it again as \"CSV UTF-8\" from your spreadsheet"))
    }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Where the first invalid UTF-8 sequence starts in `buffer`: lines after the first, the
  /// column (in scalars, 0-based) within that line, and the offending byte.
  static func firstInvalidByte(in buffer: [UInt8]) -> (Int, Int, UInt8) {
    var lines = 0
    var column = 0
    var position = 0
    while position < buffer.count {
      let byte = buffer[position]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (lines, column, byte)
      }
      let end = position + length
      if end > buffer.count { return (lines, column, byte) }
      if String(validating: buffer[position..<end], as: UTF8.self) == nil {
        return (lines, column, byte)
      }
      if byte == newline {
        lines += 1
        column = 0
      } else {
        column += 1
      }
      position = end
    }
    return (lines, column, buffer.last ?? 0)
  }
}

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

/// One field of a CSV record as the tokenizer leaves it, without making a string of it: a range
/// of the input's bytes, or, for the few fields whose text is not a range of them (a quoted
/// field with a doubled quote, text repaired from invalid UTF-8), the index of its text among
/// the record's texts (see ``CSVParser/nextRecord(into:texts:)``).
///
/// The type holds no reference, so a row's cells are copied and handed around with no
/// reference counting. A cell that is not printable ASCII is still a range of the bytes when
/// they are valid UTF-8 (the input was checked as a whole, or the cell on its own); `isPlainASCII`
/// says which cells need the reader's character checks.
struct CSVCell: Sendable, Equatable {
  /// Where the field's bytes are in the input (empty for a field with a text of its own).
  var start: Int
  /// The end (exclusive) of the field's bytes in the input.
  var end: Int
  /// The index of the field's text among its record's texts, or -1 when the text is exactly
  /// the bytes `start..<end`. A cell's text is never empty (an empty field is an empty range).
  var textIndex: Int = -1
  /// The 1-based line on which the field starts.
  var line: Int
  /// The 1-based column (in Unicode scalars) at which the field starts.
  var column: Int
  /// Whether every byte of the value is printable ASCII (space to `~`).
  var isPlainASCII: Bool

  /// A cell over the bytes `start..<end`.
  init(start: Int, end: Int, line: Int, column: Int, isPlainASCII: Bool) {
    self.start = start
    self.end = end
    self.line = line
    self.column = column
    self.isPlainASCII = isPlainASCII
  }

  /// Whether the field's text is one of its record's texts rather than a range of the bytes.
  var hasText: Bool { textIndex >= 0 }

  /// Whether the field holds no text.
  var isEmpty: Bool { textIndex < 0 && start == end }

  /// Makes `text` the cell's text, kept in `texts` (an empty text makes the cell empty).
  mutating func setText(_ text: String, in texts: inout [String]) {
    if text.isEmpty {
      textIndex = -1
      end = start
      return
    }
    textIndex = texts.count
    texts.append(text)
  }
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

  private let bytes: RosterBytes
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
  /// it from another encoding): then fields are not validated one by one. Otherwise every
  /// field that is not printable ASCII is checked, and an invalid one is reported and repaired.
  var bytesAreValidUTF8 = false

  /// Whether runs of unquoted printable ASCII fields are read in one pass
  /// (``readPlainFields(into:)``); off, every field is read alone, as tests compare.
  var readsPlainRuns = true

  /// Creates a tokenizer over bytes; a UTF-8 byte-order mark is skipped.
  init(
    bytes: [UInt8], separator: UInt8 = 0x2C,
    maximumFieldBytes: Int = CSVParser.defaultMaximumFieldBytes,
    maximumFields: Int = RosterLimits.defaultMaximumFields
  ) {
    self.init(
      bytes: RosterBytes(bytes), separator: separator, maximumFieldBytes: maximumFieldBytes,
      maximumFields: maximumFields)
  }

  /// Creates a tokenizer over the bytes of a file (mapped or read); a UTF-8 byte-order mark is
  /// skipped.
  init(
    bytes: RosterBytes, separator: UInt8 = 0x2C,
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
    bytes: RosterBytes, range: Range<Int>, line: Int, separator: UInt8 = 0x2C,
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
  @inline(__always)
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
    var texts: [String] = []
    guard let (line, isDamaged) = nextRecord(into: &cells, texts: &texts) else { return nil }
    let fields = cells.map { cell in
      CSVField(
        value: cell.hasText
          ? texts[cell.textIndex] : String(decoding: bytes[cell.start..<cell.end], as: UTF8.self),
        line: cell.line, column: cell.column, isPlainASCII: cell.isPlainASCII)
    }
    return CSVRecord(line: line, fields: fields, isDamaged: isDamaged)
  }

  /// Reads the next record into `cells` (emptied first, its storage kept), without making
  /// strings of fields that are ranges of the bytes: the text of a field that is not (a quoted
  /// field with a doubled quote) goes into `texts` (emptied first too), which the cell points
  /// into. Returns the record's line and whether the tokenizer reported a problem inside it, or
  /// `nil` at the end of the input.
  mutating func nextRecord(into cells: inout [CSVCell], texts: inout [String]) -> (
    line: Int, isDamaged: Bool
  )? {
    cells.removeAll(keepingCapacity: true)
    if !texts.isEmpty { texts.removeAll(keepingCapacity: true) }
    guard index < endIndex else { return nil }
    let recordLine = line
    let problemsBefore = problems.count + furtherInvalidUTF8Count
    while true {
      // The plain fields in one pass; the first other field (quoted, say) as below.
      if readsPlainRuns, readPlainFields(into: &cells) { break }
      let (cell, endOfRecord) = readField(texts: &texts)
      cells.append(cell)
      if endOfRecord { break }
      if cells.count == maximumFields {
        // One more field to show the record overflowed; the rest of the line is skipped.
        cells.append(
          CSVCell(start: index, end: index, line: line, column: column, isPlainASCII: true))
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

  /// The first byte at or after `start` and before `limit` that is `separator`, a control byte
  /// (line ends among them) or not printable ASCII (`0x7F` and above), or `limit`: eight bytes
  /// at a time, each word tested for all three at once.
  ///
  /// For bytes below `0x80`: adding `0x60` sets the top bit of those at least `0x20`; adding
  /// `0x01` sets it for `0x7F`; a byte equal to the separator is the zero of `word ^ separator`.
  /// No sum carries into the next byte, so every flag is exact.
  @inline(__always)
  static func firstSpecialByte(
    from start: Int, before limit: Int, separator: UInt8, in buffer: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let separators = UInt64(separator) &* ones
    let raw = UnsafeRawBufferPointer(buffer)
    var index = start
    while index + 8 <= limit {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let seven = word & low
      let nonASCII = word | (seven &+ ones)
      let control = ~(seven &+ 0x60 &* ones)
      let same = word ^ separators
      let isSeparator = ~(((same & low) &+ low) | same)
      let flags = (nonASCII | control | isSeparator) & high
      if flags != 0 { return index + flags.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < limit {
      let byte = buffer[index]
      if byte < 0x20 || byte >= 0x7F || byte == separator { return index }
      index += 1
    }
    return limit
  }

  /// From `start`, the first byte before `limit` that is `stop`, a line feed or a carriage
  /// return (or `limit`), the Unicode scalars before it (the bytes that are not UTF-8
  /// continuation bytes), and whether every byte before it is printable ASCII: eight bytes at a
  /// time, each word tested for the three bytes at once (the zero bytes of `word ^ byte`).
  /// - Complexity: O(n) in the bytes scanned.
  @inline(__always)
  static func scanText(
    from start: Int, before limit: Int, stop: UInt8, in buffer: UnsafeBufferPointer<UInt8>
  ) -> (end: Int, scalars: Int, plain: Bool) {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 {
      ~(((word & low) &+ low) | word) & high
    }
    let stops = UInt64(stop) &* ones
    let lineFeeds = UInt64(newline) &* ones
    let returns = UInt64(carriageReturn) &* ones
    let raw = UnsafeRawBufferPointer(buffer)
    var index = start
    var scalars = 0
    var special: UInt64 = 0
    while index + 8 <= limit {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if zeroBytes(word ^ stops) | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ returns) != 0 {
        break
      }
      let seven = word & low
      special |= (word | (seven &+ ones) | ~(seven &+ 0x60 &* ones)) & high
      // A continuation byte is 10xxxxxx: its top bit set and the one below it clear.
      scalars &+= 8 &- (word & ~(word << 1) & high).nonzeroBitCount
      index += 8
    }
    var plain = special == 0
    while index < limit {
      let byte = buffer[index]
      if byte == stop || byte == newline || byte == carriageReturn { break }
      if byte < 0x20 || byte >= 0x7F { plain = false }
      if byte & 0xC0 != 0x80 { scalars += 1 }
      index += 1
    }
    return (index, scalars, plain)
  }

  /// Reads one field; returns it and whether it ended the record.
  private mutating func readField(texts: inout [String]) -> (CSVCell, Bool) {
    let startLine = line
    let startColumn = column
    var buffer: [UInt8] = []
    let empty = CSVCell(
      start: index, end: index, line: startLine, column: startColumn, isPlainASCII: true)

    func finish(_ parser: inout CSVParser, _ buffer: [UInt8], _ texts: inout [String]) -> CSVCell {
      var cell = CSVCell(
        start: parser.index, end: parser.index, line: startLine, column: startColumn,
        isPlainASCII: false)
      cell.setText(parser.decode(buffer, line: startLine, column: startColumn), in: &texts)
      return cell
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
      // Whether the text is exactly the printable ASCII bytes between the quotes.
      var plain = true
      // Whether the text is exactly the bytes between the quotes (no doubled quote): then it
      // stays a range of the input, and nothing is copied (`copied` stays false) unless a
      // doubled quote or stray text follows.
      let contentStart = index
      let scanLimit = min(endIndex, contentStart + maximumFieldBytes)
      let prefixEnd = bytes.withUnsafeBufferPointer { buffer in
        Self.firstSpecialByte(
          from: contentStart, before: scanLimit, separator: Self.quote, in: buffer)
      }
      index = prefixEnd
      column += prefixEnd - contentStart
      var copied = false
      if prefixEnd < endIndex, bytes[prefixEnd] == Self.quote,
        prefixEnd + 1 >= endIndex || bytes[prefixEnd + 1] != Self.quote
      {
        advance()
        closed = true
      }
      while !closed, index < endIndex {
        // A run of text that holds no quote nor line break is taken whole, as far as the field
        // stays within the limit (past it, byte by byte as below, which reports it).
        let room =
          copied ? maximumFieldBytes - buffer.count : contentStart + maximumFieldBytes - index
        if room > 0 {
          let runStart = index
          let (runEnd, scalars, runPlain) = bytes.withUnsafeBufferPointer { whole in
            Self.scanText(
              from: runStart, before: min(endIndex, runStart + room), stop: Self.quote, in: whole)
          }
          if runEnd > runStart {
            if copied { buffer.append(contentsOf: bytes[runStart..<runEnd]) }
            if !runPlain { plain = false }
            index = runEnd
            column += scalars
            continue
          }
        }
        let byte = bytes[index]
        if byte < 0x20 || byte >= 0x7F { plain = false }
        if byte == Self.quote {
          if index + 1 < endIndex, bytes[index + 1] == Self.quote {
            if !copied {
              buffer.append(contentsOf: bytes[contentStart..<index])
              copied = true
            }
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
          if copied { buffer.append(contentsOf: bytes[start..<index]) }
        } else {
          if copied { buffer.append(byte) }
          advance()
        }
        // The field's length so far once unquoted: the bytes scanned, until some are copied.
        if (copied ? buffer.count : index - contentStart) > maximumFieldBytes {
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
        if !copied { buffer.append(contentsOf: bytes[contentStart..<index]) }
        return (finish(&self, buffer, &texts), true)
      }
      // After the closing quote: a comma, a line end or the end of the input.
      let contentEnd = index - 1
      func done(_ parser: inout CSVParser, _ texts: inout [String]) -> CSVCell {
        if copied { return finish(&parser, buffer, &texts) }
        if !plain, !parser.bytesAreValidUTF8,
          !parser.isValidUTF8(contentStart..<contentEnd)
        {
          return finish(&parser, Array(parser.bytes[contentStart..<contentEnd]), &texts)
        }
        return CSVCell(
          start: contentStart, end: contentEnd, line: startLine, column: startColumn,
          isPlainASCII: plain)
      }
      if index >= endIndex { return (done(&self, &texts), true) }
      if bytes[index] == separator {
        advance()
        return (done(&self, &texts), false)
      }
      if consumeLineEnd() { return (done(&self, &texts), true) }
      problems.append(
        CSVProblem(
          line: line, column: column,
          message:
            "unexpected text after a closing quote; quote the whole cell and write a quote "
            + "inside it as \"\""))
      if !copied { buffer.append(contentsOf: bytes[contentStart..<contentEnd]) }
      // Keep the stray text as part of the field and carry on to the next comma.
      while index < endIndex, bytes[index] != separator, bytes[index] != Self.newline,
        bytes[index] != Self.carriageReturn
      {
        buffer.append(bytes[index])
        advance()
      }
      if index < endIndex, bytes[index] == separator {
        advance()
        return (finish(&self, buffer, &texts), false)
      }
      _ = consumeLineEnd()
      return (finish(&self, buffer, &texts), true)
    }

    return readUnquotedField(texts: &texts)
  }

  /// Reads the record's next fields while each is unquoted printable ASCII, all in one pass
  /// over the bytes (most of an export's fields); returns whether that read the rest of the
  /// record, line end included. At the first field it does not take (a quote, a byte that is
  /// not printable ASCII, the end of the input, a field over the limit, the last field the
  /// limit allows), it stops where that field starts, with `cells` holding the fields before
  /// it, for ``readField(texts:)`` to read that one exactly as if it had read them all.
  /// - Complexity: O(n) in the bytes of the fields read, eight at a time.
  private mutating func readPlainFields(into cells: inout [CSVCell]) -> Bool {
    let separator = self.separator
    let line = self.line
    let endIndex = self.endIndex
    let maximumFieldBytes = self.maximumFieldBytes
    let maximumFields = self.maximumFields
    var start = index
    var column = self.column
    let (stop, ended) = bytes.withUnsafeBufferPointer { buffer -> (Int, Bool) in
      while start < endIndex, buffer[start] != Self.quote, cells.count + 1 < maximumFields {
        let limit = min(endIndex, start + maximumFieldBytes + 1)
        let end = Self.firstSpecialByte(
          from: start, before: limit, separator: separator, in: buffer)
        guard end < limit else { break }
        let byte = buffer[end]
        let isLineEnd = byte == Self.newline || byte == Self.carriageReturn
        guard byte == separator || isLineEnd else { break }
        cells.append(
          CSVCell(start: start, end: end, line: line, column: column, isPlainASCII: true))
        if isLineEnd { return (end, true) }
        column += end - start + 1
        start = end + 1
      }
      return (start, false)
    }
    index = stop
    if ended {
      _ = consumeLineEnd()
      return true
    }
    self.column = column
    return false
  }

  /// Reads one field that does not start with a quote; returns it and whether it ended the
  /// record. (Its own function, apart from the quoted fields' longer one, so the common case
  /// pays for none of that one's set-up.)
  private mutating func readUnquotedField(texts: inout [String]) -> (CSVCell, Bool) {
    let startLine = line
    let startColumn = column
    // An unquoted field: find its end (printable ASCII eight bytes at a time), then leave it a
    // range of the bytes.
    let start = index
    let limit = min(endIndex, start + maximumFieldBytes + 1)
    let separator = self.separator
    let (end, scalars, plain) = bytes.withUnsafeBufferPointer { buffer in
      let end = Self.firstSpecialByte(
        from: start, before: limit, separator: separator, in: buffer)
      if end == limit || buffer[end] == separator || buffer[end] == Self.newline
        || buffer[end] == Self.carriageReturn
      {
        return (end, end - start, true)
      }
      // Something else than printable ASCII: the rest counting scalars.
      let rest = Self.scanText(from: end, before: limit, stop: separator, in: buffer)
      return (rest.end, end - start + rest.scalars, false)
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
      return (
        CSVCell(
          start: start, end: start, line: startLine, column: startColumn, isPlainASCII: true),
        true
      )
    }
    // The bytes stay a range of the input; unless the input was checked to be UTF-8 as a
    // whole, a field that is not printable ASCII is checked (and, invalid, repaired) here.
    var field = CSVCell(
      start: start, end: end, line: startLine, column: startColumn, isPlainASCII: plain)
    if !plain, !bytesAreValidUTF8, !isValidUTF8(start..<end) {
      field.setText(
        decode(bytes[start..<end], line: startLine, column: startColumn), in: &texts)
      field.start = end
    }
    if index < endIndex, bytes[index] == separator {
      advance()
      return (field, false)
    }
    _ = consumeLineEnd()
    return (field, true)
  }

  /// Whether `bytes[range]` is valid UTF-8, checked where it lies (no `String` is made).
  private func isValidUTF8(_ range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      TextEncoding.isValidUTF8(UnsafeBufferPointer(rebasing: buffer[range]))
    }
  }

  /// Decodes a field's bytes; invalid UTF-8 is reported (once in full) and replaced.
  private mutating func decode(
    _ buffer: Slice<UnsafeBufferPointer<UInt8>>, line: Int, column: Int
  ) -> String {
    let bytes = UnsafeBufferPointer(rebasing: buffer)
    let text =
      bytesAreValidUTF8
      ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
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
  static func firstInvalidByte<Bytes: RandomAccessCollection<UInt8>>(in buffer: Bytes) -> (
    Int, Int, UInt8
  ) where Bytes.Index == Int {
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

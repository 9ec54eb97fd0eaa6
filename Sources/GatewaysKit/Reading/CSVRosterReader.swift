import Foundation

/// Reads delimited-text rosters (CSV, semicolon- or tab-separated text, in UTF-8, UTF-16 or
/// Windows-1252) in the long, list or grid layout, a header row naming the columns.
///
/// Every source takes one path: its text is made UTF-8 (``TextEncoding``), its header row is
/// mapped to columns through the one table of them (``RosterColumn``, by ``columnMap``), and
/// its rows go, as cells, into one ``Assembler``. See `Documentation/RosterFormat.md`. Rows about
/// the same person or team must agree; a blank cell never conflicts with a value given on
/// another row.
enum CSVRosterReader {
  typealias Column = RosterColumn

  /// A header cell reduced for comparison: lower case, with space, `-` and `_` alike.
  static func headerKey(_ text: String) -> String {
    var key = ""
    for character in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
      if character == " " || character == "-" || character == "_" {
        if !key.isEmpty, key.last != "_" { key.append("_") }
      } else {
        key.append(character)
      }
    }
    while key.last == "_" { key.removeLast() }
    return key
  }

  /// A value with the cell it came from.
  ///
  /// The reader keeps one per value a row gives (millions in a large roster), so the line and
  /// column are stored in 32 bits each: a 4-byte saving per number on every one of them. A line
  /// or column past 2^32 - 1 (a file of more than 4 GiB) is kept as that largest number.
  struct Sourced<Value: Equatable & Sendable>: Sendable {
    var value: Value
    private var storedLine: UInt32
    private var storedColumn: UInt32

    init(value: Value, line: Int, column: Int) {
      self.value = value
      storedLine = UInt32(clamping: line)
      storedColumn = UInt32(clamping: column)
    }

    /// The 1-based line of the cell.
    var line: Int { Int(storedLine) }
    /// The 1-based column of the cell.
    var column: Int { Int(storedColumn) }
  }

  /// The words accepted in a `team_role` cell meaning "leader".
  static let leaderWords: Set<String> = [
    "leader", "lead", "co-leader", "co-lead", "coleader", "colead", "chair", "team-leader",
    "team-lead",
  ]
  /// The words accepted in a `team_role` cell meaning "member".
  static let memberWords: Set<String> = ["member", "team-member"]

  /// Reads a delimited-text roster; `deeps` is the mapping it will use (a custom gateway it
  /// places draws no warning), `options` what the user chose (columns, layout, separator,
  /// encoding, exact ids).
  static func read(
    _ raw: [UInt8], fileName: String, deeps: DeepMapping = .hargreaves,
    limits: RosterLimits = RosterLimits(), options: RosterReadOptions = RosterReadOptions(),
    halvesThreshold: Int = halvesThreshold
  ) throws(RosterError) -> Roster {
    try read(
      RosterBytes(raw), fileName: fileName, deeps: deeps, limits: limits, options: options,
      halvesThreshold: halvesThreshold)
  }

  /// Reads a delimited-text roster from the bytes of a file (mapped or read), as
  /// ``read(_:fileName:deeps:limits:options:halvesThreshold:)-([UInt8],_,_,_,_,_)`` does.
  static func read(
    _ raw: RosterBytes, fileName: String, deeps: DeepMapping = .hargreaves,
    limits: RosterLimits = RosterLimits(), options: RosterReadOptions = RosterReadOptions(),
    halvesThreshold: Int = halvesThreshold
  ) throws(RosterError) -> Roster {
    try assemble(
      prepare(raw, fileName: fileName, limits: limits, options: options, checksWhole: false),
      deeps: deeps, limits: limits, options: options, halvesThreshold: halvesThreshold)
  }

  /// Reads the rows of a prepared source, all of them one school's, into a roster: the one
  /// path every source's rows take (delimited text, a workbook sheet, a JSON roster).
  ///
  /// The source is let go (with the file's bytes, when the caller handed them over too) once
  /// its rows are read, before the roster is built; the tables the rows were read into are let
  /// go on another thread once it is.
  static func assemble<Rows: RosterRowSource>(
    _ prepared: consuming Prepared<Rows>, deeps: DeepMapping, limits: RosterLimits,
    options: RosterReadOptions, halvesThreshold: Int
  ) throws(RosterError) -> Roster {
    var assembler = assembleRows(
      prepared, deeps: deeps, limits: limits, options: options, halvesThreshold: halvesThreshold)
    if assembler.log.hasErrors, prepared.isUTF8Unchecked {
      // The rows have a problem, and the file was taken for UTF-8 unchecked: it may be in
      // another encoding, so it is read again the way that decides it (once: that read is
      // checked), and its diagnostics are the ones reported.
      let (bytes, fileName) = (prepared.bytes, prepared.log.file)
      _ = consume prepared
      discardInBackground(assembler)
      return try assemble(
        prepare(bytes, fileName: fileName, limits: limits, options: options), deeps: deeps,
        limits: limits, options: options, halvesThreshold: halvesThreshold)
    }
    let reading = prepared.reading(layout: assembler.layout)
    _ = consume prepared
    if assembler.log.hasErrors { throw assembler.log.rosterError }
    var roster = assembler.roster()
    roster.reading = reading
    discardInBackground(assembler)
    return roster
  }

  /// The assembler of a prepared source's rows, its memberships found and every problem of the
  /// rows logged (see ``assemble(_:deeps:limits:options:halvesThreshold:)``).
  private static func assembleRows<Rows: RosterRowSource>(
    _ prepared: borrowing Prepared<Rows>, deeps: DeepMapping, limits: RosterLimits,
    options: RosterReadOptions, halvesThreshold: Int
  ) -> Assembler {
    let (bytes, map, header) = (prepared.bytes, prepared.map, prepared.header)
    var parser = prepared.parser
    let log = prepared.log
    var assembler: Assembler
    let expectedRows = prepared.expectedRows ?? 1024
    if bytes.count >= halvesThreshold, let text = parser as? CSVParser,
      let merged = readInHalves(
        bytes, after: text, map: map, deeps: deeps, log: log, limits: limits,
        exactIDs: options.exactIDs, expectedRows: expectedRows)
    {
      assembler = merged
    } else {
      // Room for the rows the file seems to hold, so the tables seldom grow as they fill.
      assembler = Assembler(
        map: map, deeps: deeps, log: log, exactIDs: options.exactIDs,
        expectedRows: expectedRows)
      bytes.withUnsafeBufferPointer { assembler.addRows(from: &parser, in: $0) }
    }
    assembler.headerLine = header.line
    assembler.finishMembershipsSortingIDs()
    if assembler.rowCount == 0, !assembler.log.hasErrors, let message = prepared.noRowsMessage {
      assembler.log.error(message, line: header.line)
    }
    addProblems(of: parser, to: &assembler.log)
    return assembler
  }

  /// Lets a large assembler's tables go on another thread (its millions of values take a while
  /// to free), so the caller carries on with the roster at once; a small one is let go here.
  static func discardInBackground(_ assembler: consuming Assembler) {
    guard assembler.rowCount >= Assembler.parallelBuildThreshold else { return }
    let doomed = Handoff(assembler)
    DispatchQueue.global(qos: .utility).async { _ = doomed.take() }
  }

  /// A source read up to its first data row: the bytes its cells lie in, the header row and
  /// the map of its columns, the source standing after the header, and the diagnostics so far.
  struct Prepared<Rows: RosterRowSource> {
    var bytes: RosterBytes
    var header: CSVRecord
    var map: ColumnMap
    var parser: Rows
    var log: DiagnosticLog
    var delimiter: RosterDelimiter
    var encoding: TextEncoding
    /// The workbook sheet the rows are, or `nil` for delimited text.
    var sheet: String?
    /// Whether ``reading(layout:)`` describes the source (not for JSON, which has no layout).
    var describesReading = true
    /// The error for a header with no rows under it, or `nil` when that is no error.
    var noRowsMessage: String? =
      "the roster has a header row but no data rows; add one row per team membership"
    /// How many rows the source holds, when it knows (the tables are sized from it).
    var expectedRows: Int?
    /// Whether the file was taken for UTF-8 without the pass that checks it whole (its cells
    /// are checked one by one instead): a read that meets any error reads the file again
    /// with the pass, which tells whether it is UTF-8 at all, so every diagnostic is the one a
    /// checked read gives. A file without errors is valid UTF-8 (every byte outside a checked
    /// cell is a separator, a quote or a line end), so an unchecked read that succeeds gives
    /// exactly the roster a checked one would.
    var isUTF8Unchecked = false

    /// How the source was read, once its rows tell the layout.
    func reading(layout: RosterLayout) -> RosterReading? {
      guard describesReading else { return nil }
      return RosterReading(
        layout: layout, delimiter: delimiter, encoding: encoding, headerLine: header.line,
        sheet: sheet)
    }
  }

  /// Decodes the file, finds its header row and maps its columns (everything before the rows).
  static func prepare(
    _ raw: [UInt8], fileName: String, limits: RosterLimits, options: RosterReadOptions
  ) throws(RosterError) -> Prepared<CSVParser> {
    try prepare(RosterBytes(raw), fileName: fileName, limits: limits, options: options)
  }

  /// Decodes the file's bytes (mapped or read), finds its header row and maps its columns.
  ///
  /// With `checksWhole` false, bytes that may be UTF-8 are not checked as a whole first (a pass
  /// over the whole file): their cells are checked as they are read, and any error before the
  /// rows, or in them (``assemble(_:deeps:limits:options:halvesThreshold:)``), reads the file
  /// again with the pass (see ``Prepared/isUTF8Unchecked``).
  static func prepare(
    _ raw: RosterBytes, fileName: String, limits: RosterLimits, options: RosterReadOptions,
    checksWhole: Bool = true
  ) throws(RosterError) -> Prepared<CSVParser> {
    let decoded = TextEncoding.utf8(
      from: raw, forced: options.encoding, checksWhole: checksWhole)
    guard decoded.isUnchecked else {
      return try prepare(decoded, raw: raw, fileName: fileName, limits: limits, options: options)
    }
    do {
      var prepared = try prepare(
        decoded, raw: raw, fileName: fileName, limits: limits, options: options)
      prepared.isUTF8Unchecked = true
      return prepared
    } catch {
      return try prepare(raw, fileName: fileName, limits: limits, options: options)
    }
  }

  /// Finds the header row of decoded bytes and maps its columns, as
  /// ``prepare(_:fileName:limits:options:checksWhole:)-(RosterBytes,_,_,_,_)`` does.
  private static func prepare(
    _ decoded: TextEncoding.Decoded, raw: RosterBytes, fileName: String, limits: RosterLimits,
    options: RosterReadOptions
  ) throws(RosterError) -> Prepared<CSVParser> {
    var log = DiagnosticLog(file: fileName)
    if let error = decoded.error {
      log.error(error.message, line: error.line)
      throw log.rosterError
    }
    let bytes = decoded.bytes
    if let warning = decoded.warning {
      let (lines, _, _) = CSVParser.firstInvalidByte(in: raw)
      log.warning(warning + " (the first byte that is not UTF-8 is on this line)", line: lines + 1)
    }
    if let (line, length) = firstLongLine(in: bytes, limit: limits.maximumLineBytes) {
      log.error(
        "this line is \(length) bytes long, more than the limit of \(limits.maximumLineBytes); "
          + "a roster line is never this long, so check that this is the right file "
          + "(or raise --max-line-length)",
        line: line)
      throw log.rosterError
    }
    let delimiter = options.delimiter ?? RosterDelimiter.detect(in: bytes)
    var parser = CSVParser(
      bytes: bytes, separator: delimiter.byte, maximumFieldBytes: limits.maximumLineBytes,
      maximumFields: limits.maximumFields)
    // Unless --encoding utf-8 forced them as they are, or they were taken for UTF-8 unchecked,
    // the bytes were checked (or made) whole.
    parser.bytesAreValidUTF8 = options.encoding != .utf8 && !decoded.isUnchecked
    if parser.isBlankInput {
      log.error(
        "the file is empty; a roster needs a header row (at least staff_id,team) and one row "
          + "per team membership",
        line: 1)
      throw log.rosterError
    }

    var prepared = try prepare(
      rows: parser, bytes: bytes, log: log, limits: limits, options: options,
      delimiter: delimiter, encoding: decoded.encoding)
    prepared.expectedRows = expectedRowCount(in: bytes, from: prepared.parser.position)
    return prepared
  }

  /// Finds the header row of a source's rows and maps its columns: the step every source with
  /// a header (delimited text, a workbook sheet) takes before its rows.
  /// - Throws: ``RosterError`` when no header is found or it has errors.
  static func prepare<Rows: RosterRowSource>(
    rows: Rows, bytes: RosterBytes, log: DiagnosticLog, limits: RosterLimits,
    options: RosterReadOptions, delimiter: RosterDelimiter, encoding: TextEncoding
  ) throws(RosterError) -> Prepared<Rows> {
    var parser = rows
    var log = log
    // The header: the first row, within the first ten lines, with a cell naming staff_id;
    // rows that are blank or all empty cells are skipped, and so are a title and such above it.
    var first: (record: CSVRecord, before: Rows)?
    var found: (record: CSVRecord, before: Rows)?
    var rowsWithText = 0
    while true {
      let before = parser
      guard let record = parser.next() else { break }
      if record.fields.allSatisfy({ trimmedCell($0.value).isEmpty }) { continue }
      rowsWithText += 1
      if first == nil { first = (record, before) }
      if record.isDamaged || record.fields.count > limits.maximumFields
        || (found == nil
          && parser.headerSearchLine(of: record, rowsWithText: rowsWithText) > maximumHeaderLine)
      {
        break
      }
      if namesStaffID(record.fields, options: options) {
        found = (record, before)
        break
      }
    }
    guard let first else {
      log.error("the file has no header row; start it with staff_id,team", line: 1)
      throw log.rosterError
    }
    guard let (header, beforeHeader) = found else {
      // No row names staff_id: report the first row's problems, or the missing column, with the
      // headers it has and the nearest candidates.
      var headless = log
      var again = first.before
      _ = again.next()
      if first.record.isDamaged || first.record.fields.count > limits.maximumFields {
        addProblems(of: again, to: &headless)
      } else if first.record.fields.count == 1, options.sheet != nil,
        let separator = foreignSeparator(in: first.record.fields[0].value, not: .tab)
          ?? foreignSeparator(in: first.record.fields[0].value, not: .comma)
      {
        headless.error(
          "the header is one cell holding several columns separated by \(separator); put each "
            + "column in a cell of its own (in Excel: Data, Text to Columns), or save the sheet "
            + "as CSV",
          line: first.record.line)
      } else if first.record.fields.count == 1, options.delimiter != nil,
        let separator = foreignSeparator(in: first.record.fields[0].value, not: delimiter)
      {
        headless.error(
          "the columns are separated by \(separator), not \(delimiter.words); leave out "
            + "--delimiter to detect the separator",
          line: first.record.line)
      } else if let given = options.columnHeaders[.staffID] {
        headless.error(
          "--columns names '\(given)' for staff_id, but no row of the first ten lines has such "
            + "a column; the first row has \(headersSeen(first.record.fields))",
          line: first.record.line)
      } else {
        headless.error(
          missingColumnMessage(.staffID, header: first.record, options: options),
          line: first.record.line)
      }
      throw headless.rosterError
    }
    if header.line != first.record.line {
      log.warning(
        "the header row is line \(header.line); the \(options.sheet == nil ? "lines" : "rows") "
          + "above it (a title?) are skipped",
        line: header.line)
    }
    // The header again, as cells over the bytes: a grid's team ids are its cells.
    var headerParser = beforeHeader
    var headerCells: [CSVCell] = []
    var headerTexts: [String] = []
    _ = headerParser.nextRecord(into: &headerCells, texts: &headerTexts)
    guard
      let map = columnMap(
        header: header, cells: headerCells, texts: headerTexts, bytes: bytes, rows: parser,
        options: options,
        log: &log)
    else {
      throw log.rosterError
    }

    return Prepared(
      bytes: bytes, header: header, map: map, parser: parser, log: log, delimiter: delimiter,
      encoding: encoding, sheet: options.sheet)
  }

  /// About how many rows follow `start`: the bytes left over the mean length of the lines in
  /// the first 64 KiB of them (tables sized from it rarely grow, and take no more room than
  /// the rows need).
  /// - Complexity: O(1): at most 64 KiB are looked at.
  static func expectedRowCount(in bytes: RosterBytes, from start: Int) -> Int {
    let remaining = bytes.count - start
    guard remaining > 0 else { return 0 }
    let sampled = min(remaining, 1 << 16)
    var lines = 0
    for index in start..<(start + sampled) where bytes[index] == 0x0A { lines += 1 }
    let meanLength = max(2, sampled / max(lines, 1))
    return remaining / meanLength + 16
  }

  /// The last line the header row may start on (a title and blank lines may come before it).
  static let maximumHeaderLine = 10

  /// A separator other than `not` that a header cell holds, in words, when the cell is
  /// really several columns joined by it.
  static func foreignSeparator(in cell: String, not delimiter: RosterDelimiter) -> String? {
    for candidate in RosterDelimiter.allCases where candidate != delimiter {
      if cell.utf8.contains(candidate.byte) { return candidate.words }
    }
    return nil
  }

  /// A cell without the white space around it. Most cells have none, and are returned as they
  /// are without a trip through Foundation.
  static func trimmedCell(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return text
    }
    if !isWhiteSpace(first) && !isWhiteSpace(last) { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether Foundation's `whitespacesAndNewlines` holds `scalar`: printable ASCII and the
  /// letters from U+00A1 to U+167F (most cells start and end with one) are answered without a
  /// trip through Foundation; any other scalar is looked up there (its set also holds, for
  /// one, U+200B ZERO WIDTH SPACE, which the reader trims).
  @inline(__always)
  static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x7E, 0xA1...0x167F: return false
    default: return whiteSpace.contains(scalar)
    }
  }

  /// Foundation's white space and line ends, looked up once.
  private static let whiteSpace = CharacterSet.whitespacesAndNewlines

  /// The gateway a cell names; an unknown name becomes a custom gateway, with a warning.
  static func gateway(
    named name: String, cell: CSVCell, deeps: DeepMapping, warned: inout Set<String>,
    log: inout DiagnosticLog
  ) -> Gateway? {
    if let gateway = GatewayCatalog.resolve(name) { return gateway }
    let id = GatewayCatalog.normalize(name)
    guard !id.isEmpty else {
      log.error(
        "gateway '\(name)' has no letters or digits; name one of the nine gateways",
        line: cell.line, column: cell.column)
      return nil
    }
    if deeps.deep(of: Gateway(id: id)) == nil, warned.insert(id).inserted {
      log.warning(
        GatewayCatalog.unknownGatewayMessage(name, id: id), line: cell.line,
        column: cell.column)
    }
    return Gateway(id: id)
  }

  /// The first line (1-based, LF, CRLF or CR ends) longer than `limit` bytes and its length,
  /// or `nil` when every line fits.
  /// - Complexity: O(n) in the number of bytes.
  static func firstLongLine(in bytes: [UInt8], limit: Int) -> (line: Int, length: Int)? {
    firstLongLine(in: RosterBytes(bytes), limit: limit)
  }

  /// The first line longer than `limit` bytes, as ``firstLongLine(in:limit:)-([UInt8],_)``
  /// finds it, in the bytes of a file (mapped or read).
  /// - Complexity: O(n) in the number of bytes.
  static func firstLongLine(in bytes: RosterBytes, limit: Int) -> (line: Int, length: Int)? {
    guard bytes.count > limit else { return nil }
    // When every window of `limit` + 1 bytes that starts a line holds a line feed, no line is
    // longer (a carriage return only cuts lines shorter): each window is searched from its end
    // for its last line feed, where the next window starts, so each byte is looked at about
    // once and a file of short lines costs a few bytes per window.
    let gapsFit = bytes.withUnsafeBufferPointer { buffer -> Bool in
      var start = 0
      while buffer.count - start > limit {
        var index = start + limit
        while index >= start, buffer[index] != 0x0A { index -= 1 }
        if index < start { return false }
        start = index + 1
      }
      return true
    }
    if gapsFit { return nil }
    var line = 1
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        if index - start > limit { return (line, index - start) }
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        line += 1
        start = index + 1
      }
      index += 1
    }
    return bytes.count - start > limit ? (line, bytes.count - start) : nil
  }

  /// Turns the tokenizer's problems into errors.
  static func addProblems(of parser: some RosterRowSource, to log: inout DiagnosticLog) {
    for problem in parser.problems {
      log.error(problem.message, line: problem.line, column: problem.column)
    }
    if parser.furtherInvalidUTF8Count > 0 {
      log.error(
        "invalid UTF-8 also in \(parser.furtherInvalidUTF8Count) more "
          + "cell\(parser.furtherInvalidUTF8Count == 1 ? "" : "s")")
    }
  }
}

extension GatewayCatalog {
  /// The warning for a gateway name the catalog does not know.
  static func unknownGatewayMessage(_ name: String, id: String) -> String {
    let hint = nearest(to: name).map { "did you mean \($0.id)? " } ?? ""
    return
      "unknown gateway '\(name)'; \(hint)It is kept as a custom gateway '\(id)', which belongs "
      + "to no deep unless a deeps mapping places it. The nine gateways: "
      + Gateway.standard.map(\.id).joined(separator: ", ")
  }
}

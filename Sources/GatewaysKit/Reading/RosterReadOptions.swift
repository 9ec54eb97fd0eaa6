import Foundation

/// How a roster's rows hold its memberships (see `Documentation/RosterFormat.md`).
public enum RosterLayout: String, Sendable, CaseIterable {
  /// One row per membership: a `team` column, one team per cell.
  case long
  /// One row per person: a `team` column whose cells list several teams, separated by `;` or
  /// `|`, a leader's team marked `(leader)` or `*`.
  case list
  /// One row per person and one column per team, a mark in each cell (`Y`, `X`, `1`, `member`;
  /// `L`, `leader`; blank for not on the team).
  case grid

  /// The words `check` uses for the layout.
  public var summary: String {
    switch self {
    case .long: "long (one row per membership)"
    case .list: "list (one row per person, teams listed in a cell)"
    case .grid: "grid (one column per team, a mark per person)"
    }
  }
}

/// The character between the columns of a delimited-text roster.
public enum RosterDelimiter: String, Sendable, CaseIterable {
  case comma = ","
  case semicolon = ";"
  case tab = "\t"

  /// The byte.
  var byte: UInt8 {
    switch self {
    case .comma: 0x2C
    case .semicolon: 0x3B
    case .tab: 0x09
    }
  }

  /// The separator a name given on the command line means: `,` `;` or a tab character, or
  /// `comma`, `semicolon`, `tab` (`\t` too).
  ///
  /// ```swift
  /// RosterDelimiter(name: "semicolon")   // .semicolon
  /// ```
  ///
  /// - Complexity: O(n) in the length of the name.
  public init?(name: String) {
    switch name.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "\t", "\\t", "tab": self = .tab
    default: return nil
    }
  }

  /// The separator in words, for messages.
  public var words: String {
    switch self {
    case .comma: "commas"
    case .semicolon: "semicolons"
    case .tab: "tabs"
    }
  }

  /// The separator of a file's first lines: among comma, semicolon and tab (outside quotes),
  /// the one whose count is the same on the most of its first ten non-blank lines, then the
  /// one seen more often, then comma before semicolon before tab; comma when none is seen.
  /// - Complexity: O(n) in the bytes of those lines (at most 64 KiB are looked at).
  package static func detect(in bytes: [UInt8]) -> RosterDelimiter {
    detect(in: RosterBytes(bytes))
  }

  /// The separator the first lines of a file's bytes (mapped or read) use, as
  /// ``detect(in:)-([UInt8])`` finds it.
  /// - Complexity: O(1): at most the first 64 KiB are looked at.
  package static func detect(in bytes: RosterBytes) -> RosterDelimiter {
    let candidates = allCases
    var counts: [[Int]] = Array(repeating: [], count: candidates.count)
    var current = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    var lineHasText = false
    var lines = 0
    let limit = min(bytes.count, 1 << 16)
    var index = 0
    func endLine() {
      if lineHasText {
        for slot in candidates.indices { counts[slot].append(current[slot]) }
        lines += 1
      }
      current = [Int](repeating: 0, count: candidates.count)
      lineHasText = false
    }
    while index < limit, lines < 10 {
      let byte = bytes[index]
      index += 1
      if byte == 0x22 {
        inQuotes.toggle()
        lineHasText = true
        continue
      }
      if inQuotes { continue }
      if byte == 0x0A || byte == 0x0D {
        endLine()
        continue
      }
      if byte != 0x20 { lineHasText = true }
      for (slot, candidate) in candidates.enumerated() where candidate.byte == byte {
        current[slot] += 1
      }
    }
    if lines < 10 { endLine() }
    var best: (candidate: RosterDelimiter, agreeing: Int, total: Int)?
    for (slot, candidate) in candidates.enumerated() {
      var frequency: [Int: Int] = [:]
      for count in counts[slot] where count > 0 { frequency[count, default: 0] += 1 }
      let agreeing = frequency.values.max() ?? 0
      let total = counts[slot].reduce(0, +)
      guard total > 0 else { continue }
      if let known = best, (known.agreeing, known.total) >= (agreeing, total) { continue }
      best = (candidate, agreeing, total)
    }
    return best?.candidate ?? .comma
  }
}

/// How a roster was read: what `gateways check` states.
public struct RosterReading: Sendable, Hashable {
  /// The layout of the rows.
  public var layout: RosterLayout
  /// The separator between columns.
  public var delimiter: RosterDelimiter
  /// The character encoding.
  public var encoding: TextEncoding
  /// The header's line (for a workbook's sheet, its row).
  public var headerLine: Int
  /// The workbook sheet the roster was read from, or `nil` for delimited text.
  public var sheet: String?

  /// One line, e.g. `list (one row per person, ...), separated by semicolons, windows-1252`,
  /// or for a workbook `long (one row per membership), from sheet 'Staff' of the workbook,
  /// header on row 1`.
  public var summary: String {
    if let sheet {
      return "\(layout.summary), from sheet '\(sheet)' of the workbook, header on row \(headerLine)"
    }
    return "\(layout.summary), separated by \(delimiter.words), \(encoding.rawValue), header on "
      + "line \(headerLine)"
  }
}

/// The choices a user can make about reading a delimited-text roster (`--columns`,
/// `--layout`, `--delimiter`, `--encoding`, `--exact-ids`); by default everything is detected.
///
/// ```swift
/// var options = RosterReadOptions()
/// try options.addColumns("staff_id=Staff Code,role=Post")
/// options.layout = .grid
/// let reader = RosterReader(options: options)
/// ```
public struct RosterReadOptions: Sendable {
  /// Headers given for columns, by the column's name (`staff_id`): the header that holds it.
  public private(set) var columns: [String: String] = [:]
  /// The layout, or `nil` to detect it.
  public var layout: RosterLayout?
  /// The separator, or `nil` to detect it.
  public var delimiter: RosterDelimiter?
  /// The encoding, or `nil` to detect it.
  public var encoding: TextEncoding?
  /// Whether ids that differ only in case are different people or teams (by default they are
  /// one, with a warning).
  public var exactIDs = false
  /// The workbook sheet the rows come from, when they do (the reader's messages then speak of
  /// a sheet's cells, not of separators and encodings).
  var sheet: String?

  /// Creates options that detect everything.
  ///
  /// ```swift
  /// var options = RosterReadOptions()
  /// ```
  ///
  /// - Complexity: O(1).
  public init() {}

  /// The columns given, resolved.
  var columnHeaders: [RosterColumn: String] {
    var table: [RosterColumn: String] = [:]
    for (name, header) in columns {
      if let column = RosterColumn.named(name) { table[column] = header }
    }
    return table
  }

  /// Adds the mapping `text` gives: `column=Header` pairs separated by commas or line breaks
  /// (the `--columns` and `--columns-file` format); a line starting with `#` is a comment.
  /// The column is named by its own name or any of its synonyms.
  ///
  /// ```swift
  /// var options = RosterReadOptions()
  /// try options.addColumns("staff_id=Payroll number, team=Group")
  /// ```
  ///
  /// - Throws: a ``RosterError`` naming `source` and the line of a bad pair.
  /// - Complexity: O(n) in the length of `text`.
  public mutating func addColumns(_ text: String, source: String = "--columns")
    throws(RosterError)
  {
    var log = DiagnosticLog(file: source)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (number, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      for pair in trimmed.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        let lineNumber = source == "--columns" ? nil : number + 1
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          log.error(
            "'\(pair.trimmingCharacters(in: .whitespaces))' is not column=Header (for example "
              + "staff_id=Staff Code)",
            line: lineNumber)
          continue
        }
        guard let column = RosterColumn.named(parts[0]) else {
          let known = RosterColumn.allCases.map(\.rawValue).joined(separator: ", ")
          log.error(
            "unknown column '\(parts[0])'; the columns are \(known)", line: lineNumber)
          continue
        }
        columns[column.rawValue] = parts[1]
      }
    }
    if log.hasErrors { throw log.rosterError }
  }
}

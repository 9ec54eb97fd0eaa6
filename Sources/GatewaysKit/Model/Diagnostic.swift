/// A problem found in an input file, with where it is and what to do about it.
///
/// Printed by the CLI as `gateways: error: FILE:LINE[:COLUMN]: MESSAGE` (or `warning:`); for a
/// workbook, as `gateways: error: FILE: Sheet1!C14: MESSAGE` (see ``place``).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable {
    /// The file cannot be used as it is.
    case error
    /// The file can be used, but something looks wrong.
    case warning
  }

  /// Whether this stops the run.
  public var severity: Severity
  /// The file's name as the user gave it (`-` or `<stdin>` for standard input).
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?
  /// The 1-based column, when known.
  public var column: Int?
  /// What is wrong and what to do, in words a school office can act on.
  public var message: String
  /// Where in a workbook, as Excel writes it: a cell (`Sheet1!C14`), a row (`Sheet1!14:14`)
  /// or a sheet (`Sheet1`). When set, it is shown instead of the line and column, which then
  /// hold the sheet's row and column numbers.
  public var place: String?

  /// Creates a diagnostic.
  ///
  /// ```swift
  /// let warning = Diagnostic(.warning, file: "staff.csv", line: 4, message: "no teams")
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, place: String? = nil,
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.place = place
    self.message = message
  }

  /// The position prefix: `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`, or `FILE: PLACE` in a
  /// workbook.
  public var location: String {
    if let place { return "\(file): \(place)" }
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }

  /// `error: FILE:LINE[:COLUMN]: MESSAGE`, or `warning: ...`.
  public var description: String { "\(severity.rawValue): \(location): \(message)" }
}

/// A problem found in an input file, with where it is and what to do about it.
///
/// Printed by the CLI as `gateways: error: FILE:LINE[:COLUMN]: MESSAGE` (or `warning:`).
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

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// The position prefix: `FILE`, `FILE:LINE` or `FILE:LINE:COLUMN`.
  public var location: String {
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

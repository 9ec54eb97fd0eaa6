/// Why a roster (or a deeps file) could not be read: every problem found, errors first.
///
/// Each ``Diagnostic`` names the file, the line (and column where known) and says what is wrong
/// and what to do. At most ``RosterError/maximumErrors`` errors are listed; a last diagnostic
/// says how many more were found. Warnings found in the same file may follow the errors.
///
/// ```swift
/// do {
///   let roster = try RosterReader().read(data, fileName: "staff.csv", format: .csv)
/// } catch {
///   for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public struct RosterError: Error, Sendable, CustomStringConvertible {
  /// The problems, errors first, each group in file order.
  public let diagnostics: [Diagnostic]

  /// The most errors (and, separately, warnings) listed before a "N more not shown" line.
  public static let maximumErrors = 50

  /// Creates an error from its diagnostics.
  ///
  /// ```swift
  /// let error = RosterError(diagnostics: [Diagnostic(.error, file: "f.csv", message: "empty")])
  /// ```
  ///
  /// - Complexity: O(1).
  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Every diagnostic, one a line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects the diagnostics of one file and orders and caps them.
struct DiagnosticLog: Sendable {
  /// The file's name as the user gave it.
  let file: String
  private(set) var errors: [Diagnostic] = []
  private(set) var warnings: [Diagnostic] = []

  init(file: String) { self.file = file }

  /// Whether any error was recorded.
  var hasErrors: Bool { !errors.isEmpty }

  mutating func error(_ message: String, line: Int? = nil, column: Int? = nil) {
    errors.append(Diagnostic(.error, file: file, line: line, column: column, message: message))
  }

  mutating func warning(_ message: String, line: Int? = nil, column: Int? = nil) {
    warnings.append(Diagnostic(.warning, file: file, line: line, column: column, message: message))
  }

  /// Adds a diagnostic made elsewhere, as an error or a warning by its severity.
  mutating func add(_ diagnostic: Diagnostic) {
    switch diagnostic.severity {
    case .error: errors.append(diagnostic)
    case .warning: warnings.append(diagnostic)
    }
  }

  /// Adds every error and warning of `other`.
  mutating func append(_ other: DiagnosticLog) {
    errors.append(contentsOf: other.errors)
    warnings.append(contentsOf: other.warnings)
  }

  /// Orders diagnostics by position (those without a line last), keeping insertion order on ties.
  private static func ordered(_ list: [Diagnostic]) -> [Diagnostic] {
    list.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.line ?? Int.max, lhs.element.column ?? 0, lhs.offset)
      let right = (rhs.element.line ?? Int.max, rhs.element.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }

  private func capped(_ list: [Diagnostic], _ noun: String) -> [Diagnostic] {
    let limit = RosterError.maximumErrors
    guard list.count > limit else { return list }
    let severity = list[0].severity
    let hidden = list.count - limit
    return Array(list.prefix(limit)) + [
      Diagnostic(
        severity, file: file,
        message: "\(hidden) more \(noun)\(hidden == 1 ? "" : "s") not shown; fix these first")
    ]
  }

  /// The warnings in file order, all of them (a roster that reads keeps every warning; the CLI
  /// caps what it prints).
  var finalWarnings: [Diagnostic] { Self.ordered(warnings) }

  /// The error to throw: errors ordered and capped, then warnings, capped too.
  var rosterError: RosterError {
    RosterError(
      diagnostics: capped(Self.ordered(errors), "error")
        + capped(Self.ordered(warnings), "warning"))
  }
}

import Foundation

/// The file formats a roster may be written in.
public enum RosterFormat: String, Sendable, CaseIterable {
  /// One row per membership (see `Documentation/RosterFormat.md`).
  case csv
  /// `{"staff": [...], "teams": [...], "deeps": {...}}`.
  case json

  /// The format a file extension names (`csv` or `json`, ignoring case); `nil` for any other.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "csv": self = .csv
    case "json": self = .json
    default: return nil
    }
  }
}

/// Reads rosters from CSV or JSON, reporting every problem with its file, line and column.
///
/// ```swift
/// let reader = RosterReader()
/// let roster = try reader.read(contentsOf: url, displayName: "staff.csv", format: nil)
/// for warning in roster.warnings { print(warning) }
/// ```
///
/// A roster that reads may still carry warnings (``Roster/warnings``): an unknown column, an
/// unknown gateway (kept as a custom one), a repeated membership, a team with no leader. Any
/// error makes the read throw a ``RosterError`` listing every problem found.
public struct RosterReader: Sendable {
  /// The deep mapping that replaces the roster's own (from a `--deeps` file), if any.
  public let deepsOverride: DeepMapping?

  /// Creates a reader; `deepsOverride`, when given, replaces any mapping in the roster.
  public init(deepsOverride: DeepMapping? = nil) { self.deepsOverride = deepsOverride }

  /// Reads a roster from the bytes of a file.
  /// - Parameters:
  ///   - data: the file's contents.
  ///   - fileName: the name diagnostics show (`-` for standard input).
  ///   - format: CSV or JSON.
  /// - Returns: the roster, its warnings in ``Roster/warnings``.
  /// - Throws: ``RosterError`` with every problem, when the roster has errors.
  /// - Complexity: O(n log n) in the size of the file.
  public func read(_ data: Data, fileName: String, format: RosterFormat) throws(RosterError)
    -> Roster
  {
    switch format {
    case .csv:
      return try CSVRosterReader.read(
        Array(data), fileName: fileName, deeps: deepsOverride ?? .hargreaves)
    case .json:
      return try JSONRosterReader.read(
        Array(data), fileName: fileName, deepsOverride: deepsOverride)
    }
  }

  /// Reads a roster file.
  /// - Parameters:
  ///   - url: where the file is.
  ///   - displayName: the name diagnostics show, usually the path as the user typed it.
  ///   - format: CSV or JSON; `nil` to decide from the file's extension.
  /// - Throws: ``RosterError`` when the file cannot be read, its format cannot be told, or the
  ///   roster has errors.
  public func read(contentsOf url: URL, displayName: String, format: RosterFormat?)
    throws(RosterError) -> Roster
  {
    guard let format = format ?? RosterFormat(fileExtension: url.pathExtension) else {
      let shown = url.pathExtension.isEmpty ? "no extension" : "extension '.\(url.pathExtension)'"
      throw RosterError(diagnostics: [
        Diagnostic(
          .error, file: displayName,
          message:
            "cannot tell the roster's format from \(shown); name the file .csv or .json, "
            + "or give the format (--input-format csv or json)")
      ])
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw RosterError(diagnostics: [
        Diagnostic(.error, file: displayName, message: Self.readFailure(url: url, error: error))
      ])
    }
    return try read(data, fileName: displayName, format: format)
  }

  /// Words for a file that cannot be read.
  static func readFailure(url: URL, error: any Error) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      return "no such file; check the path and the spelling of the file name"
    }
    if isDirectory.boolValue { return "this is a folder, not a roster file" }
    return "cannot read the file (\(error.localizedDescription)); check its permissions"
  }
}

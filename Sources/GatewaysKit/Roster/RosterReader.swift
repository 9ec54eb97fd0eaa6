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
  /// The largest file, line and row the reader accepts.
  public let limits: RosterLimits
  /// CSV files of at least this many bytes are read in two halves at once when they allow it
  /// (tests and the differential fuzzer set it to 0 or `Int.max` to force one way).
  package var halvesThreshold = CSVRosterReader.halvesThreshold

  /// Creates a reader; `deepsOverride`, when given, replaces any mapping in the roster.
  public init(deepsOverride: DeepMapping? = nil, limits: RosterLimits = RosterLimits()) {
    self.deepsOverride = deepsOverride
    self.limits = limits
  }

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
    if data.count > limits.maximumFileBytes {
      throw Self.tooLarge(fileName, limit: limits.maximumFileBytes)
    }
    switch format {
    case .csv:
      return try CSVRosterReader.read(
        Array(data), fileName: fileName, deeps: deepsOverride ?? .hargreaves, limits: limits,
        halvesThreshold: halvesThreshold)
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
    let data = try Self.contents(of: url, displayName: displayName, limit: limits.maximumFileBytes)
    return try read(data, fileName: displayName, format: format)
  }

  /// The error for an input larger than `limit` bytes (`--max-file-size`).
  public static func tooLarge(_ fileName: String, limit: Int) -> RosterError {
    RosterError(diagnostics: [
      Diagnostic(
        .error, file: fileName,
        message:
          "the file is larger than the limit of \(limit) bytes; a roster is never this large, "
          + "so check that this is the right file (or raise --max-file-size)")
    ])
  }

  /// Reads a file of at most `limit` bytes, in chunks, so a larger file (or an endless device
  /// such as `/dev/zero`) is refused without reading more than `limit` + 1 bytes of it.
  /// - Throws: ``RosterError`` when the file cannot be opened or is larger than `limit`.
  public static func contents(of url: URL, displayName: String, limit: Int) throws(RosterError)
    -> Data
  {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw RosterError(diagnostics: [
        Diagnostic(.error, file: displayName, message: "this is a folder, not a roster file")
      ])
    }
    if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
      size > limit
    {
      throw tooLarge(displayName, limit: limit)
    }
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw RosterError(diagnostics: [
        Diagnostic(.error, file: displayName, message: readFailure(url: url, error: error))
      ])
    }
    defer { try? handle.close() }
    guard let data = readAll(handle, limit: limit) else {
      throw tooLarge(displayName, limit: limit)
    }
    return data
  }

  /// Reads a handle to its end in chunks of at most 1 MiB; `nil` as soon as more than `limit`
  /// bytes have been read.
  public static func readAll(_ handle: FileHandle, limit: Int) -> Data? {
    var data = Data()
    while true {
      let want = min(1 << 20, limit + 1 - data.count)
      guard let chunk = try? handle.read(upToCount: max(1, want)), !chunk.isEmpty else {
        return data
      }
      data.append(chunk)
      if data.count > limit { return nil }
    }
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

import Foundation
import MembershipGraph

/// The file formats a roster may be written in.
public enum RosterFormat: String, Sendable, CaseIterable {
  /// Delimited text (CSV, or semicolon- or tab-separated; see `Documentation/RosterFormat.md`).
  case csv
  /// `{"staff": [...], "teams": [...], "deeps": {...}}`.
  case json
  /// An Excel workbook (Office Open XML): one sheet, laid out as the CSV roster.
  case xlsx

  /// The format a file extension names (`csv`, `txt` and `tsv` are delimited text; `json`;
  /// `xlsx` and `xlsm`, and an old `.xls` too, so that it is refused with advice; ignoring
  /// case); `nil` for any other.
  ///
  /// ```swift
  /// RosterFormat(fileExtension: "TSV")   // .csv
  /// ```
  ///
  /// - Complexity: O(n) in the length of the extension.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "csv", "txt", "tsv", "tab": self = .csv
    case "json": self = .json
    case "xlsx", "xlsm", "xls": self = .xlsx
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
  /// What the user chose about columns, layout, separator, encoding and ids.
  public var options: RosterReadOptions
  /// CSV files of at least this many bytes are read in two halves at once when they allow it
  /// (tests and the differential fuzzer set it to 0 or `Int.max` to force one way).
  package var halvesThreshold = CSVRosterReader.halvesThreshold
  /// The sheet of a workbook to read (`--sheet`); `nil` for the first visible one. Ignored for
  /// CSV and JSON.
  public var sheetName: String?

  /// Creates a reader; `deepsOverride`, when given, replaces any mapping in the roster.
  ///
  /// ```swift
  /// let reader = RosterReader(deepsOverride: .hargreaves, limits: RosterLimits())
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    deepsOverride: DeepMapping? = nil, limits: RosterLimits = RosterLimits(),
    options: RosterReadOptions = RosterReadOptions()
  ) {
    self.deepsOverride = deepsOverride
    self.limits = limits
    self.options = options
  }

  /// Reads a roster from the bytes of a file.
  ///
  /// ```swift
  /// let roster = try RosterReader().read(Data("staff_id,team\ns1,voice\n".utf8),
  ///                                      fileName: "staff.csv", format: .csv)
  /// ```
  ///
  /// - Parameters:
  ///   - data: the file's contents.
  ///   - fileName: the name diagnostics show (`-` for standard input).
  ///   - format: CSV, JSON or a workbook. Bytes given as CSV that start like a workbook (a ZIP
  ///     archive or an OLE2 file) are read as one.
  /// - Returns: the roster, its warnings in ``Roster/warnings``.
  /// - Throws: ``RosterError`` with every problem, when the roster has errors.
  /// - Complexity: O(n log n) in the size of the file.
  public func read(_ data: Data, fileName: String, format: RosterFormat) throws(RosterError)
    -> Roster
  {
    if data.count > limits.maximumFileBytes {
      throw Self.tooLarge(fileName, limit: limits.maximumFileBytes)
    }
    return try read(bytes: RosterBytes(data), fileName: fileName, format: format)
  }

  /// Reads a roster from the bytes of a file, as ``read(_:fileName:format:)`` does.
  /// - Complexity: O(n log n) in the size of the file.
  func read(bytes: RosterBytes, fileName: String, format: RosterFormat) throws(RosterError)
    -> Roster
  {
    if bytes.count > limits.maximumFileBytes {
      throw Self.tooLarge(fileName, limit: limits.maximumFileBytes)
    }
    let format = format == .csv && Workbook.looksLikeWorkbook(bytes) ? .xlsx : format
    switch format {
    case .xlsx:
      return try WorkbookRosterReader.read(
        bytes.array, fileName: fileName, sheet: sheetName, deeps: deepsOverride ?? .hargreaves,
        limits: limits, options: options, halvesThreshold: halvesThreshold)
    case .csv:
      return try CSVRosterReader.read(
        bytes, fileName: fileName, deeps: deepsOverride ?? .hargreaves, limits: limits,
        options: options, halvesThreshold: halvesThreshold)
    case .json:
      return try JSONRosterReader.read(
        bytes.array, fileName: fileName, deepsOverride: deepsOverride, limits: limits,
        options: options)
    }
  }

  /// Reads one file as the schools it holds (``readSchools(_:namedByFile:)``): every format
  /// through the same rows, so a `school` column (or JSON's `school` keys) makes a trust alike.
  /// - Complexity: O(n log n) in the size of the file.
  /// The bytes are handed over (a delimited-text file's are let go once its rows are read).
  func fileSchools(
    _ bytes: consuming RosterBytes, fileName: String, format: RosterFormat, defaultSchool: String?
  ) throws(RosterError) -> CSVRosterReader.FileSchools {
    let deeps = deepsOverride ?? .hargreaves
    switch format {
    case .csv:
      return try CSVRosterReader.readSchools(
        consume bytes, fileName: fileName, deeps: deeps, limits: limits, options: options,
        halvesThreshold: halvesThreshold, defaultSchool: defaultSchool)
    case .xlsx:
      return try WorkbookRosterReader.readSchools(
        bytes.array, fileName: fileName, sheet: sheetName, deeps: deeps, limits: limits,
        options: options, halvesThreshold: halvesThreshold, defaultSchool: defaultSchool)
    case .json:
      return try JSONRosterReader.readSchools(
        bytes.array, fileName: fileName, deepsOverride: deepsOverride, limits: limits,
        options: options, defaultSchool: defaultSchool)
    }
  }

  /// Reads a roster file.
  ///
  /// ```swift
  /// let roster = try RosterReader().read(
  ///   contentsOf: URL(fileURLWithPath: "staff.csv"), displayName: "staff.csv", format: nil)
  /// ```
  ///
  /// - Parameters:
  ///   - url: where the file is.
  ///   - displayName: the name diagnostics show, usually the path as the user typed it.
  ///   - format: CSV or JSON; `nil` to decide from the file's extension.
  /// - Returns: the roster, its warnings in ``Roster/warnings``.
  /// - Throws: ``RosterError`` when the file cannot be read, its format cannot be told, or the
  ///   roster has errors.
  /// - Complexity: O(n log n) in the size of the file.
  public func read(contentsOf url: URL, displayName: String, format: RosterFormat?)
    throws(RosterError) -> Roster
  {
    guard let format = format ?? RosterFormat(fileExtension: url.pathExtension) else {
      let shown = url.pathExtension.isEmpty ? "no extension" : "extension '.\(url.pathExtension)'"
      throw RosterError(diagnostics: [
        Diagnostic(
          .error, file: displayName,
          message:
            "cannot tell the roster's format from \(shown); name the file .csv (or .txt, .tsv), "
            + ".json or .xlsx, or give the format (--input-format csv, json or xlsx)")
      ])
    }
    // A large file is mapped, a small one read into the array the reader walks: no copy.
    let bytes = try Self.bytes(of: url, displayName: displayName, limit: limits.maximumFileBytes)
    return try read(bytes: bytes, fileName: displayName, format: format)
  }

  /// The error for an input larger than `limit` bytes (`--max-file-size`).
  ///
  /// ```swift
  /// throw RosterReader.tooLarge("staff.csv", limit: RosterLimits.defaultMaximumFileBytes)
  /// ```
  ///
  /// - Complexity: O(1).
  public static func tooLarge(_ fileName: String, limit: Int) -> RosterError {
    RosterError(diagnostics: [
      Diagnostic(
        .error, file: fileName,
        message:
          "the file is larger than the limit of \(limit) bytes; a roster is never this large, "
          + "so check that this is the right file (or raise --max-file-size)")
    ])
  }

  /// Reads a file of at most `limit` bytes, so a larger file (or an endless device such as
  /// `/dev/zero`) is refused without reading more than `limit` + 1 bytes of it.
  ///
  /// Every failed read is an error: a read error is never taken for the end of the file. A
  /// regular file that changes size while it is read (something is writing to it) is refused.
  ///
  /// ```swift
  /// let data = try RosterReader.contents(of: url, displayName: "plan.json", limit: 1 << 20)
  /// ```
  ///
  /// - Throws: ``RosterError`` when the file cannot be opened or read, is a folder, is larger
  ///   than `limit`, or changed size while it was read.
  /// - Complexity: O(n) in the size of the file.
  public static func contents(of url: URL, displayName: String, limit: Int) throws(RosterError)
    -> Data
  {
    Data(try bytes(of: url, displayName: displayName, limit: limit, mappingThreshold: .max))
  }

  /// Regular files of at least this many bytes are mapped into memory rather than read.
  package static let mappingThreshold = 1 << 20

  /// The bytes of a file, read as ``contents(of:displayName:limit:)`` reads them, except that a
  /// regular file of at least `mappingThreshold` bytes is mapped into memory (read-only) rather
  /// than copied, unless it looks like a workbook or a JSON file (whose readers want an array)
  /// or the system does not map it; see ``RosterBytes`` for what a file cut short while it is
  /// mapped does.
  /// - Complexity: O(n) in the size of the file (O(1) to map it; its pages are read as the
  ///   reader first touches them).
  package static func bytes(
    of url: URL, displayName: String, limit: Int, mappingThreshold: Int = mappingThreshold
  ) throws(RosterError) -> RosterBytes {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw fileError(displayName, openFailure(errno))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw fileError(displayName, "cannot read the file (\(String(cString: strerror(errno))))")
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw fileError(displayName, "this is a folder, not a roster file") }
    let regular = type == S_IFREG
    if regular && Int(info.st_size) > limit { throw tooLarge(displayName, limit: limit) }
    if regular, Int(info.st_size) >= mappingThreshold,
      let mapped = mapped(descriptor, size: Int(info.st_size))
    {
      return mapped
    }
    guard
      let bytes = try readBytes(
        descriptor: descriptor, displayName: displayName, limit: limit,
        sizeWhenOpened: regular ? Int(info.st_size) : nil)
    else {
      throw tooLarge(displayName, limit: limit)
    }
    return RosterBytes(bytes)
  }

  /// A regular file of `size` bytes mapped into memory, when the system maps it, the file is
  /// still that size with nothing past its end, and it looks like delimited text (not a
  /// workbook, not JSON); `nil` otherwise, and the caller reads it (and words what is wrong).
  /// - Complexity: O(1).
  static func mapped(_ descriptor: Int32, size: Int) -> RosterBytes? {
    guard let bytes = RosterBytes.mapping(descriptor: descriptor, size: size) else { return nil }
    var extra: UInt8 = 0
    var info = stat()
    guard pread(descriptor, &extra, 1, off_t(size)) == 0, fstat(descriptor, &info) == 0,
      Int(info.st_size) == size, !Workbook.looksLikeWorkbook(bytes),
      bytes.prefix(4096).first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })
        != UInt8(ascii: "{")
    else { return nil }
    return bytes
  }

  /// Reads a handle (standard input) to its end; `nil` as soon as more than `limit` bytes have
  /// been read.
  ///
  /// ```swift
  /// let data = try RosterReader.readAll(.standardInput, limit: 1 << 20)   // nil when larger
  /// ```
  ///
  /// - Throws: ``RosterError`` naming `displayName` when a read fails.
  /// - Complexity: O(n) in the bytes read.
  public static func readAll(_ handle: FileHandle, displayName: String = "<stdin>", limit: Int)
    throws(RosterError) -> Data?
  {
    try read(
      descriptor: handle.fileDescriptor, displayName: displayName, limit: limit,
      sizeWhenOpened: nil)
  }

  /// Reads a file descriptor to its end, retrying reads a signal interrupted; `nil` as soon as
  /// more than `limit` bytes have been read.
  /// - Parameters:
  ///   - descriptor: the open file descriptor to read.
  ///   - displayName: the name diagnostics show.
  ///   - limit: the most bytes accepted.
  ///   - sizeWhenOpened: the size of a regular file when it was opened, to check that it did
  ///     not change while it was read; `nil` for a pipe, a device or standard input.
  /// - Returns: the bytes read, or `nil` when there were more than `limit`.
  /// - Throws: ``RosterError`` when a read fails or the file changed size.
  /// - Complexity: O(n) in the bytes read (the buffer grows by doubling).
  package static func read(
    descriptor: Int32, displayName: String, limit: Int, sizeWhenOpened: Int?
  ) throws(RosterError) -> Data? {
    try readBytes(
      descriptor: descriptor, displayName: displayName, limit: limit,
      sizeWhenOpened: sizeWhenOpened
    ).map { Data($0) }
  }

  /// Reads a file descriptor to its end into an array, as ``read(descriptor:displayName:limit:sizeWhenOpened:)``
  /// does.
  /// - Complexity: O(n) in the bytes read (the buffer grows by doubling).
  static func readBytes(
    descriptor: Int32, displayName: String, limit: Int, sizeWhenOpened: Int?
  ) throws(RosterError) -> [UInt8]? {
    if let size = sizeWhenOpened, let bytes = readInHalves(descriptor, size: size, limit: limit) {
      return bytes
    }
    let most = limit < Int.max ? limit + 1 : Int.max
    // A regular file's size is known: one buffer, one byte larger to see it grow.
    var buffer = [UInt8](repeating: 0, count: min(most, (sizeWhenOpened ?? (1 << 16)) + 1))
    var total = 0
    while true {
      if total == buffer.count {
        if total > limit { return nil }
        buffer.append(contentsOf: repeatElement(0, count: min(most, buffer.count * 2) - total))
      }
      let (count, code) = buffer.withUnsafeMutableBytes { raw -> (Int, Int32) in
        guard let base = raw.baseAddress else { return (0, 0) }
        let count = Foundation.read(descriptor, base + total, raw.count - total)
        return (count, count < 0 ? errno : 0)
      }
      if count < 0 {
        if code == EINTR { continue }
        throw fileError(
          displayName,
          "cannot read the file after \(total) bytes (\(String(cString: strerror(code)))); "
            + "the roster was not read")
      }
      if count == 0 { break }
      total += count
      if total > limit { return nil }
    }
    buffer.removeLast(buffer.count - total)
    if let before = sizeWhenOpened {
      var info = stat()
      let after = fstat(descriptor, &info) == 0 ? Int(info.st_size) : before
      // A file the system makes as it is read (/proc) says 0 bytes and has more.
      if after != before || (before > 0 && total != before) {
        throw fileError(
          displayName,
          "the file changed size while it was read (\(before) bytes when opened, \(total) read, "
            + "\(after) now); something is writing to it, so read it again when that is done")
      }
    }
    return buffer
  }

  /// Regular files of at least this many bytes are read in two halves at once.
  static let parallelReadThreshold = 1 << 22

  /// A large regular file of `size` bytes read in two halves at once, each by its own core
  /// (`pread`, into memory that is not zeroed first); `nil` when the file is small, larger than
  /// `limit`, or anything is not as expected (a read fails or comes up short, the file grew or
  /// changed size): the caller then reads it from the start, one read after another, and words
  /// what went wrong. The descriptor's offset is left where it was.
  /// - Complexity: O(n) in the size of the file.
  static func readInHalves(_ descriptor: Int32, size: Int, limit: Int) -> [UInt8]? {
    guard size >= parallelReadThreshold, size <= limit else { return nil }
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      let target = SharedTarget(base: base)
      let middle = size / 2
      @Sendable func fill(_ range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
          let read = pread(
            descriptor, target.base + offset, range.upperBound - offset, off_t(offset))
          if read < 0, errno == EINTR { continue }
          guard read > 0 else { return false }
          offset += read
        }
        return true
      }
      let (first, second) = Parallel.both({ fill(0..<middle) }, { fill(middle..<size) })
      guard first, second else { return }
      // Nothing past the end, and the same size as when opened.
      var extra: UInt8 = 0
      var info = stat()
      guard pread(descriptor, &extra, 1, off_t(size)) == 0, fstat(descriptor, &info) == 0,
        Int(info.st_size) == size
      else { return }
      count = size
      complete = true
    }
    return complete ? bytes : nil
  }

  /// Where the two halves of a file are read to, by two threads.
  private struct SharedTarget: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
  }

  /// An error about the file as a whole.
  private static func fileError(_ fileName: String, _ message: String) -> RosterError {
    RosterError(diagnostics: [Diagnostic(.error, file: fileName, message: message)])
  }

  /// Words for a file that cannot be opened.
  static func openFailure(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file; check the path and the spelling of the file name"
    case ENOTDIR: "no such file (a folder on its path is a file); check the path"
    case EACCES, EPERM: "cannot read the file (permission denied); check its permissions"
    default: "cannot read the file (\(String(cString: strerror(code))))"
    }
  }
}

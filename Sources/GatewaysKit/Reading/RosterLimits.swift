/// The largest inputs a ``RosterReader`` accepts, so a hostile or mistaken file is refused with
/// a clear error instead of exhausting memory or time.
///
/// ```swift
/// var limits = RosterLimits()
/// limits.maximumFileBytes = 8 << 20  // 8 MiB
/// let reader = RosterReader(limits: limits)
/// ```
///
/// The command line sets them with `--max-file-size`, `--max-line-length` and `--max-fields`.
public struct RosterLimits: Sendable, Hashable {
  /// The largest file read, in bytes (default 1 GiB; a school's roster is a few kilobytes, a
  /// trust's a few megabytes, a national workforce of about 3 million memberships with every
  /// column filled about 360 MB). Checked before the file is read, so a larger file costs
  /// nothing.
  public var maximumFileBytes: Int
  /// The longest CSV line, and the longest CSV field (a quoted field may span lines), in bytes
  /// (default 64 KiB).
  public var maximumLineBytes: Int
  /// The most fields in one CSV row (default 1,000).
  public var maximumFields: Int

  /// The default file size limit: 1 GiB.
  public static let defaultMaximumFileBytes = 1 << 30
  /// The default line length limit: 64 KiB.
  public static let defaultMaximumLineBytes = 64 << 10
  /// The default field count limit: 1,000.
  public static let defaultMaximumFields = 1_000

  /// Creates limits; every value is at least 1.
  ///
  /// ```swift
  /// let limits = RosterLimits(maximumFileBytes: 10 << 20)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    maximumFileBytes: Int = RosterLimits.defaultMaximumFileBytes,
    maximumLineBytes: Int = RosterLimits.defaultMaximumLineBytes,
    maximumFields: Int = RosterLimits.defaultMaximumFields
  ) {
    self.maximumFileBytes = max(1, maximumFileBytes)
    self.maximumLineBytes = max(1, maximumLineBytes)
    self.maximumFields = max(1, maximumFields)
  }
}

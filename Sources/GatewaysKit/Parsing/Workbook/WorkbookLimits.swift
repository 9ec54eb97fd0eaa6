/// The largest workbook the ZIP reader unpacks, so a zip bomb (a small file that inflates to
/// gigabytes, or holds millions of entries) is refused before it can exhaust memory.
///
/// ```swift
/// let limits = WorkbookLimits(maximumUncompressedBytes: 64 << 20)
/// ```
package struct WorkbookLimits: Sendable, Hashable {
  /// The most entries (parts) in the archive. An `.xlsx` holds ten to a few hundred.
  package var maximumEntries: Int
  /// The most bytes the parts read (the sheet, its strings, styles and the workbook) may
  /// inflate to, together.
  package var maximumUncompressedBytes: Int
  /// The highest ratio of uncompressed to compressed size for a part larger than
  /// ``ratioFloor`` bytes. Sheets written by Excel, LibreOffice and openpyxl compress 5 to 20
  /// times; DEFLATE's own ceiling is about 1,032.
  package var maximumRatio: Int
  /// Parts up to this size are not held to ``maximumRatio`` (tiny parts compress very well).
  package var ratioFloor: Int

  /// The default entry limit: 10,000.
  package static let defaultMaximumEntries = 10_000
  /// The default ratio limit: 200.
  package static let defaultMaximumRatio = 200
  /// The most bytes the parts of any workbook may inflate to, whatever `--max-file-size`
  /// allows: 2 GiB (the sheet's XML is held whole while it is read).
  package static let uncompressedCeiling = 2 << 30

  /// The limits for a roster read under `maximumFileBytes` (`--max-file-size`): the parts may
  /// inflate to eight times that (a sheet's XML is several times its text), at most
  /// ``uncompressedCeiling``.
  package static func forRoster(maximumFileBytes: Int) -> WorkbookLimits {
    let (multiplied, overflow) = maximumFileBytes.multipliedReportingOverflow(by: 8)
    return WorkbookLimits(
      maximumUncompressedBytes: overflow
        ? uncompressedCeiling : min(multiplied, uncompressedCeiling))
  }

  /// Creates limits.
  package init(
    maximumEntries: Int = WorkbookLimits.defaultMaximumEntries,
    maximumUncompressedBytes: Int = 512 << 20,
    maximumRatio: Int = WorkbookLimits.defaultMaximumRatio,
    ratioFloor: Int = 1 << 20
  ) {
    self.maximumEntries = max(1, maximumEntries)
    self.maximumUncompressedBytes = max(1, maximumUncompressedBytes)
    self.maximumRatio = max(1, maximumRatio)
    self.ratioFloor = max(0, ratioFloor)
  }
}

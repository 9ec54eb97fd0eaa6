/// The rows of a small settings file in CSV whose header row names its columns, such as the
/// `--fit` table (`gateway,staff`) and the `--deeps` mapping (`gateway,deep`): the header
/// search, the column lookup, the field-count check and the tokenizer's problems, written once.
///
/// ```swift
/// var log = DiagnosticLog(file: "deeps.csv")
/// SettingsCSV.forEachRow(
///   in: Array("gateway,deep\ncurriculum,learning\n".utf8), columns: [["gateway"], ["deep"]],
///   missingHeader: "the deeps file needs a header row with the columns gateway and deep",
///   log: &log
/// ) { record, cells, log in
///   print(cells[0].value, cells[1].value)   // curriculum learning
/// }
/// ```
enum SettingsCSV {
  /// Calls `row` with each non-blank record under the header and its cells in the order of
  /// `columns`. The header is the first non-blank record; each column is found by its header
  /// key, any of the keys listed for it (compared as `CSVRosterReader.headerKey(_:)` folds
  /// them). A record whose field count differs from the header's is logged as an error and
  /// skipped, and the tokenizer's problems are logged after the last row.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes.
  ///   - columns: per column wanted, the header keys that name it.
  ///   - missingHeader: the error logged, at line 1, when no header names every column.
  ///   - log: where errors go.
  ///   - row: called per row with the record, its cells for `columns`, and the log.
  /// - Returns: whether the header named every column; when not, no row is read.
  /// - Complexity: O(n) in the size of the file, plus the calls of `row`.
  @discardableResult
  static func forEachRow(
    in bytes: [UInt8], columns: [[String]], missingHeader: String, log: inout DiagnosticLog,
    _ row: (CSVRecord, [CSVField], inout DiagnosticLog) -> Void
  ) -> Bool {
    var parser = CSVParser(bytes: bytes)
    var header: CSVRecord?
    while header == nil, let record = parser.next() {
      if !record.isBlank { header = record }
    }
    let keys = header?.fields.map { CSVRosterReader.headerKey($0.value) } ?? []
    let positions = columns.compactMap { names in keys.firstIndex { names.contains($0) } }
    guard let header, positions.count == columns.count else {
      log.error(missingHeader, line: 1)
      return false
    }
    while let record = parser.next() {
      if record.isBlank { continue }
      guard record.fields.count == header.fields.count else {
        log.error(
          "this row has \(record.fields.count) fields but the header has "
            + "\(header.fields.count); quote cells that contain commas",
          line: record.line)
        continue
      }
      row(record, positions.map { record.fields[$0] }, &log)
    }
    for problem in parser.problems {
      log.error(problem.message, line: problem.line, column: problem.column)
    }
    return true
  }
}

/// Why a workbook (an `.xlsx` file) or one of its sheets could not be read, in words a school
/// office can act on, with the place in the workbook when there is one.
///
/// ```swift
/// WorkbookError("the sheet is empty", place: "Staff")
/// ```
package struct WorkbookError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong and what to do.
  package var message: String
  /// Where: a sheet (`Staff`), a row (`Staff!14:14`) or a cell (`Staff!C14`), as Excel writes
  /// them; `nil` for the file as a whole.
  package var place: String?

  /// Creates an error.
  package init(_ message: String, place: String? = nil) {
    self.message = message
    self.place = place
  }

  /// `place: message`, or the message alone.
  package var description: String { place.map { "\($0): \(message)" } ?? message }

  /// What to do with a workbook gateways cannot read.
  package static let saveAgain =
    "open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8"

  /// A damaged or truncated archive.
  package static func damaged(_ detail: String) -> WorkbookError {
    WorkbookError("the workbook is damaged (\(detail)); \(saveAgain)")
  }
}

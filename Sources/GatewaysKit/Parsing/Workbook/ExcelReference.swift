/// Cell and row references as Excel writes them: column letters (`A` … `XFD`), cells (`C14`),
/// and sheet-qualified places (`Staff!C14`, `'Staff list'!C14`, whole rows `Staff!14:14`).
///
/// ```swift
/// ExcelReference.letters(forColumn: 28)                 // "AB"
/// ExcelReference.cell(sheet: "Staff", column: 3, row: 14)  // "Staff!C14"
/// ```
///
/// A place can be typed into Excel's Name Box (left of the formula bar) to go to it.
package enum ExcelReference {
  /// The last column of a sheet (`XFD`).
  package static let maximumColumn = 16_384
  /// The last row of a sheet.
  package static let maximumRow = 1_048_576

  /// The letters of a 1-based column: 1 → `A`, 26 → `Z`, 27 → `AA`.
  /// - Complexity: O(log column).
  package static func letters(forColumn column: Int) -> String {
    precondition(column >= 1, "columns are numbered from 1")
    var scalars: [UInt8] = []
    var rest = column
    while rest > 0 {
      let digit = (rest - 1) % 26
      scalars.append(UInt8(0x41 + digit))
      rest = (rest - 1) / 26
    }
    return String(decoding: scalars.reversed(), as: UTF8.self)
  }

  /// The 1-based column and row of a cell reference such as `C14` (letters in either case,
  /// `$` allowed), or `nil` when the bytes are not one or name a cell outside a sheet.
  /// - Complexity: O(k) in the length of the reference.
  package static func cell(_ bytes: some Collection<UInt8>) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case 0x24 where digits == 0: continue  // '$'
      case 0x41...0x5A where digits == 0, 0x61...0x7A where digits == 0:
        column = column * 26 + Int(byte & 0xDF) - 0x40
        letters += 1
        if letters > 3 { return nil }
      case 0x30...0x39 where letters > 0:
        row = row * 10 + Int(byte - 0x30)
        digits += 1
        if digits > 7 { return nil }
      default: return nil
      }
    }
    guard letters > 0, digits > 0, (1...maximumColumn).contains(column),
      (1...maximumRow).contains(row)
    else { return nil }
    return (column, row)
  }

  /// The sheet's name as it starts a reference: quoted (`'Staff list'`, with `'` doubled)
  /// unless it is letters, digits, `_` and `.` not starting with a digit.
  package static func sheetPrefix(_ name: String) -> String {
    let plain =
      !name.isEmpty && name.first.map { !$0.isNumber && $0 != "." } == true
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
      && cell(Array(name.utf8)) == nil
    return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// `Sheet!C14`.
  package static func cell(sheet: String, column: Int, row: Int) -> String {
    "\(sheetPrefix(sheet))!\(letters(forColumn: column))\(row)"
  }

  /// `Sheet!14:14`: a whole row, as Excel writes it.
  package static func row(sheet: String, row: Int) -> String {
    "\(sheetPrefix(sheet))!\(row):\(row)"
  }
}

import Foundation

/// How a sheet's stored values become text: numbers as Excel's General format shows them,
/// dates and times as ISO 8601, and the `_xHHHH_` escapes of OOXML strings.
///
/// ```swift
/// CellText.number("42")                                     // "42"
/// CellText.number("0.30000000000000004")                    // "0.3"
/// CellText.date(serial: 45536, kind: .date, date1904: false)  // "2024-09-01"
/// ```
package enum CellText {
  /// What a number format shows.
  package enum NumberKind: Sendable, Hashable {
    /// A plain number.
    case number
    /// A date (`yyyy-mm-dd`).
    case date
    /// A time of day (`hh:mm:ss`).
    case time
    /// A date and a time (`yyyy-mm-ddThh:mm:ss`, or the date alone at midnight).
    case dateTime
  }

  /// A stored number as text: a whole number without a fraction or exponent (`42`, not
  /// `42.0`), anything else with at most 15 significant digits as Excel shows it. Text that
  /// is not a number is returned as it is.
  /// - Complexity: O(k) in the length of the text.
  package static func number(_ raw: String) -> String {
    if isPlainInteger(Array(raw.utf8)) { return raw }
    guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else {
      return raw
    }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    var text = String(format: "%.15g", value)
    if text.contains("e") {
      // 1.5e+20 → 1.5E+20, as Excel shows it.
      text = text.uppercased()
    }
    return text
  }

  /// Whether stored number text is a plain whole number that shows as it is: ASCII digits,
  /// an optional leading `-`, at most 15 digits and no leading zero.
  /// - Complexity: O(k).
  package static func isPlainInteger(_ bytes: [UInt8]) -> Bool {
    let digits = bytes.first == 0x2D ? bytes.dropFirst() : bytes[...]
    guard let first = digits.first, digits.count <= 15, first != 0x30 || digits.count == 1
    else { return false }
    return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && bytes != [0x2D, 0x30]
  }

  /// A date serial number as ISO 8601 text, or `nil` when it is outside 0001-01-01 …
  /// 9999-12-31 or negative.
  ///
  /// In the 1900 date system, serial 1 is 1900-01-01 and serial 60 is Excel's fictitious
  /// 1900-02-29 (kept so later dates come out right); in the 1904 system, 0 is 1904-01-01.
  /// - Complexity: O(1).
  package static func date(serial: Double, kind: NumberKind, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    let time =
      "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    if kind == .time { return time }
    let day: String
    if !date1904 && days == 60 {
      day = "1900-02-29"
    } else {
      let unixDays = date1904 ? days - 24_107 : (days < 60 ? days - 25_568 : days - 25_569)
      day = civil(unixDays)
    }
    if kind == .dateTime && seconds != 0 { return "\(day)T\(time)" }
    return day
  }

  /// `yyyy-mm-dd` for days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
  private static func civil(_ daysSinceEpoch: Int) -> String {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let yearText = String(year)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-"
      + pad(month) + "-" + pad(day)
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  /// An ISO 8601 date stored as text (`t="d"`), without a midnight time.
  package static func isoDate(_ raw: String) -> String {
    for suffix in ["T00:00:00.000Z", "T00:00:00Z", "T00:00:00.000", "T00:00:00"]
    where raw.hasSuffix(suffix) {
      return String(raw.dropLast(suffix.count))
    }
    return raw
  }

  /// What a number format code shows: a date when it has year or day letters (or month
  /// letters without hours or seconds), a time when it has hours or seconds. Quoted text,
  /// `\`-escaped characters, `_x` and `*x` and bracketed colours or conditions are skipped;
  /// `[h]`, `[m]`, `[s]` (elapsed time) count as time.
  /// - Complexity: O(k) in the length of the code.
  package static func kind(ofFormatCode code: String) -> NumberKind {
    var date = false
    var time = false
    var month = false
    var characters = code.makeIterator()
    // Only the first section (positive numbers) decides.
    while let character = characters.next() {
      switch character {
      case ";": break
      case "\"":
        while let next = characters.next(), next != "\"" {}
        continue
      case "\\", "_", "*":
        _ = characters.next()
        continue
      case "[":
        var inside = ""
        while let next = characters.next(), next != "]" { inside.append(next) }
        let lowered = inside.lowercased()
        if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) { time = true }
        continue
      default:
        switch character.lowercased() {
        case "y", "d": date = true
        case "h", "s": time = true
        case "m": month = true
        default: break
        }
        continue
      }
      break
    }
    if month && !time { date = true }
    switch (date, time) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    case (false, false): return .number
    }
  }

  /// The built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30).
  package static func kind(ofBuiltInFormat id: Int) -> NumberKind {
    switch id {
    case 14...17, 27...31, 36, 50...54, 57, 58: .date
    case 18...21, 32...35, 45...47, 55, 56: .time
    case 22: .dateTime
    default: .number
    }
  }

  /// A string with its `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19: how control characters
  /// are written) decoded; `_x005F_` is a literal `_`.
  /// - Complexity: O(k).
  package static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
        scalars[index + 6] == "_",
        let value = UInt32(
          String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        out.append(scalar)
        index += 7
      } else {
        out.append(scalars[index])
        index += 1
      }
    }
    return String(out)
  }
}

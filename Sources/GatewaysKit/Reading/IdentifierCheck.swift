/// Checks on the ids a roster gives (staff ids and team ids), shared by the CSV and JSON readers.
///
/// Ids are compared byte for byte in every output, but Swift compares strings by canonical
/// equivalence, so two spellings of one id (`é` precomposed and `e` + combining acute) would be
/// one key in a dictionary and two in the output. The readers refuse such pairs, and ids with
/// invisible characters (zero-width spaces, control characters, byte-order marks), which are
/// always a copy-and-paste accident and make two ids look the same.
enum IdentifierCheck {
  /// The first invisible character in `id` (a control, format or line/paragraph separator
  /// scalar other than a tab or a line break, which a quoted CSV cell may hold), if any.
  static func invisibleCharacter(in id: String) -> Unicode.Scalar? {
    if isPrintableASCII(id) { return nil }
    return id.unicodeScalars.first { scalar in
      if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate:
        return true
      default:
        return false
      }
    }
  }

  /// Words for an id holding an invisible character: the field and the code point, never the id.
  static func invisibleMessage(_ field: String, _ scalar: Unicode.Scalar) -> String {
    "\(field) contains an invisible character (\(codePoint(scalar))); delete it, ids must be "
      + "visible text"
  }

  /// Whether two ids Swift finds equal are spelled with different bytes.
  static func differInBytes(_ first: String, _ second: String) -> Bool {
    var a = first
    var b = second
    return a.withUTF8 { x in
      b.withUTF8 { y in
        guard x.count == y.count else { return true }
        for i in 0..<x.count where x[i] != y[i] { return true }
        return false
      }
    }
  }

  /// Whether two ids are different strings that are the same once in lower case (`Coaching`
  /// and `coaching`); ids Swift finds equal (`K` and the Kelvin sign) differ in encoding, not
  /// case.
  static func differOnlyInCase(_ first: String, _ second: String) -> Bool {
    first != second && first.lowercased() == second.lowercased()
  }

  /// Words for an id that matches an earlier one only after Unicode normalisation.
  static func spellingMessage(_ field: String, firstLine: Int) -> String {
    "\(field) matches the one on line \(firstLine) only after Unicode normalisation (the same "
      + "letters, encoded differently); write it the same way on every row"
  }

  /// The first control character in a text value (C0 or C1, other than a tab or a line
  /// break), if any: such characters (NUL, escape sequences) can rewrite a terminal's screen
  /// when the value is printed, and never belong in a roster.
  static func controlCharacter(in text: String) -> Unicode.Scalar? {
    let scanned = text.utf8.withContiguousStorageIfAvailable { controlCharacter(inUTF8: $0) }
    if let scanned { return scanned }
    if isPrintableASCII(text) { return nil }
    // The control characters (general category Cc) are exactly U+0000–U+001F and
    // U+007F–U+009F, so no Unicode property table is needed (a lookup per scalar was a tenth of
    // the time of reading a roster of non-ASCII names).
    return text.unicodeScalars.first { scalar in
      scalar != "\t" && scalar != "\n" && scalar != "\r"
        && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
  }

  /// The first control character in UTF-8 `bytes`, as ``controlCharacter(in:)`` finds it in a
  /// string: byte by byte, as U+0000–U+001F and U+007F are single bytes, U+0080–U+009F are 0xC2
  /// then 0x80–0x9F (the second byte is the code point), and no other character holds those
  /// bytes.
  static func controlCharacter(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
        return Unicode.Scalar(byte)
      }
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
        return Unicode.Scalar(bytes[index + 1])
      }
      index += 1
    }
    return nil
  }

  /// Words for a value holding a control character: the field and the code point only.
  static func controlMessage(_ field: String, _ scalar: Unicode.Scalar) -> String {
    "\(field) contains a control character (\(codePoint(scalar))); delete it"
  }

  /// Whether every byte is printable ASCII (space to `~`): most cells, which need no Unicode
  /// property lookups.
  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// `U+XXXX`, at least four hexadecimal digits.
  static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

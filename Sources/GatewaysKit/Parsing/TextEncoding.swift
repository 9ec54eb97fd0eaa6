import MembershipGraph

/// The character encodings a delimited-text roster may be saved in.
///
/// The reader turns every file into UTF-8 first (`utf8(from:forced:)`), then reads that:
/// Excel's "CSV UTF-8" (with a byte-order mark), plain UTF-8, Excel's "Unicode Text" (UTF-16
/// with a byte-order mark, little-endian on Windows), and Excel's "CSV (Comma delimited)" on
/// Windows, which is Windows-1252, read as such when the bytes are not valid UTF-8.
public enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-16 with a byte-order mark (without one: little-endian unless the text says otherwise).
  case utf16 = "utf-16"
  /// Windows code page 1252 (Western European; "ANSI" in Windows' words).
  case windows1252 = "windows-1252"

  /// The encoding a name given on the command line means (`utf8`, `UTF-16`, `cp1252`, `latin1`
  /// and `ansi` work too), or `nil`.
  ///
  /// ```swift
  /// TextEncoding(name: "cp1252")   // .windows1252
  /// ```
  ///
  /// - Complexity: O(n) in the length of the name.
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16", "utf16le", "utf16be", "unicode": self = .utf16
    case "windows1252", "cp1252", "latin1", "iso88591", "ansi": self = .windows1252
    default: return nil
    }
  }

  /// The bytes of `bytes` as UTF-8, the encoding they were read in, and, when that was a guess
  /// or the text had to be repaired, a warning or an error in words.
  ///
  /// Without `forced`: a UTF-16 byte-order mark means UTF-16, valid UTF-8 (with or without its
  /// mark) is UTF-8, and anything else is read as Windows-1252 with a warning. With `forced`
  /// UTF-8, the bytes are returned as they are and invalid sequences are reported where they are.
  ///
  /// With `checksWhole` false and neither `forced` nor a UTF-16 mark, the bytes are taken for
  /// UTF-8 without the pass over them (``Decoded/isUnchecked`` is set): the reader then checks
  /// the cells that are not printable ASCII one by one, and reads the file again with the pass
  /// if it meets a problem (see `CSVRosterReader.Prepared.isUTF8Unchecked`).
  /// - Complexity: O(n) in the number of bytes; plain ASCII is checked eight bytes at a time.
  package static func utf8(
    from bytes: RosterBytes, forced: TextEncoding?, checksWhole: Bool = true
  ) -> Decoded {
    let littleBOM = bytes.starts(with: [0xFF, 0xFE])
    let bigBOM = bytes.starts(with: [0xFE, 0xFF])
    if !checksWhole, forced == nil, !littleBOM, !bigBOM {
      var decoded = Decoded(bytes: bytes, encoding: .utf8)
      decoded.isUnchecked = true
      return decoded
    }
    switch forced {
    case .utf8?:
      return Decoded(bytes: bytes, encoding: .utf8)
    case .windows1252?:
      return Decoded(bytes: RosterBytes(fromWindows1252(bytes)), encoding: .windows1252)
    case .utf16?:
      let big = bigBOM || (!littleBOM && bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0)
      return fromUTF16(bytes, bigEndian: big)
    case nil:
      if littleBOM || bigBOM { return fromUTF16(bytes, bigEndian: bigBOM) }
      if isValidUTF8(bytes) { return Decoded(bytes: bytes, encoding: .utf8) }
      if looksBinary(bytes) {
        var decoded = Decoded(bytes: bytes, encoding: .utf8)
        decoded.error = (
          1,
          "this is not a text file (it is not UTF-8, and a twentieth or more of its first bytes "
            + "are control codes); check that this is the right file, saved as CSV or text"
        )
        return decoded
      }
      var decoded = Decoded(bytes: RosterBytes(fromWindows1252(bytes)), encoding: .windows1252)
      decoded.warning =
        "the file is not UTF-8, so it is read as Windows-1252 (what Excel's \"CSV (Comma "
        + "delimited)\" writes on Windows); check that accented letters look right, or give "
        + "--encoding utf-8, utf-16 or windows-1252"
      return decoded
    }
  }

  /// Whether at least one in twenty of the first 4 KiB are control bytes other than tab, line
  /// feed and carriage return (random or binary data; a text file has next to none).
  static func looksBinary(_ bytes: RosterBytes) -> Bool {
    let head = bytes.prefix(4096)
    let controls = head.lazy.filter {
      ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F
    }
    .count
    return controls * 20 >= head.count && controls > 0
  }

  /// Text turned into UTF-8, with what the conversion found.
  package struct Decoded: Sendable {
    package var bytes: RosterBytes
    package var encoding: TextEncoding
    /// A warning for the whole file (the encoding was guessed).
    package var warning: String?
    /// The first invalid sequence: its line, and what is wrong.
    package var error: (line: Int, message: String)?
    /// Whether the bytes were taken for UTF-8 without being checked as a whole.
    package var isUnchecked = false
  }

  /// Whether `bytes` are valid UTF-8 (RFC 3629: no overlong form, no surrogate, nothing past
  /// U+10FFFF); ASCII is skipped eight bytes at a time, so a file of mostly ASCII text with a
  /// letter that is not here and there costs about one step per eight bytes.
  /// - Complexity: O(n) in the number of bytes.
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    isValidUTF8(RosterBytes(bytes))
  }

  /// Whether the bytes of a file (mapped or read) are valid UTF-8, as
  /// ``isValidUTF8(_:)-([UInt8])`` tells, a large file on two cores.
  /// - Complexity: O(n) in the number of bytes.
  static func isValidUTF8(_ bytes: RosterBytes) -> Bool {
    bytes.withUnsafeBufferPointer { buffer -> Bool in
      // A large file is checked in two halves at once, split before an ASCII byte (which no
      // sequence of several bytes holds, so the halves are valid exactly when the whole is).
      guard buffer.count >= parallelThreshold,
        let split = buffer[(buffer.count / 2)...].firstIndex(where: { $0 < 0x80 }), split > 0
      else { return isValidUTF8(buffer) }
      let halves = SharedHalves(
        first: UnsafeBufferPointer(rebasing: buffer[..<split]),
        second: UnsafeBufferPointer(rebasing: buffer[split...]))
      let (first, second) = Parallel.both(
        { isValidUTF8(halves.first) }, { isValidUTF8(halves.second) })
      return first && second
    }
  }

  /// Inputs of at least this many bytes are checked on two cores.
  static let parallelThreshold = 1 << 20

  /// The two halves of a buffer, read by two threads.
  private struct SharedHalves: @unchecked Sendable {
    let first: UnsafeBufferPointer<UInt8>
    let second: UnsafeBufferPointer<UInt8>
  }

  /// Whether the bytes of `buffer` are valid UTF-8, as the array's are told.
  /// - Complexity: O(n) in the number of bytes.
  static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    do {
      let raw = UnsafeRawBufferPointer(buffer)
      let count = buffer.count
      var index = 0
      while index < count {
        if index + 8 <= count,
          raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
          continue
        }
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        // The number of continuation bytes, and the range the first of them must be in.
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0: (continuations, lower) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE, 0xEF: continuations = 2
        case 0xED: (continuations, upper) = (2, 0x9F)
        case 0xF0: (continuations, lower) = (3, 0x90)
        case 0xF1...0xF3: continuations = 3
        case 0xF4: (continuations, upper) = (3, 0x8F)
        default: return false
        }
        guard index + continuations < count, buffer[index + 1] >= lower,
          buffer[index + 1] <= upper
        else { return false }
        var next = 2
        while next <= continuations {
          guard buffer[index + next] & 0xC0 == 0x80 else { return false }
          next += 1
        }
        index += continuations + 1
      }
      return true
    }
  }

  /// The characters Windows-1252 puts at 0x80–0x9F (the five bytes it leaves undefined keep
  /// their C1 control code points, which the reader then reports as control characters).
  private static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Windows-1252 bytes as UTF-8.
  static func fromWindows1252(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
      } else {
        let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
        appendUTF8(scalar, to: &out)
      }
    }
    return out
  }

  /// UTF-16 bytes (a byte-order mark first, or none) as UTF-8; a lone surrogate or an odd last
  /// byte is an error naming its line.
  static func fromUTF16(_ bytes: RosterBytes, bigEndian: Bool) -> Decoded {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 2 + 16)
    var index = 0
    if bytes.count >= 2,
      (bigEndian && bytes[0] == 0xFE && bytes[1] == 0xFF)
        || (!bigEndian && bytes[0] == 0xFF && bytes[1] == 0xFE)
    {
      index = 2
    }
    var line = 1
    var error: (line: Int, message: String)?
    func unit(_ at: Int) -> UInt32 {
      bigEndian
        ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
    }
    while index + 1 < bytes.count {
      let first = unit(index)
      index += 2
      var scalar = first
      if first >= 0xD800, first < 0xDC00, index + 1 < bytes.count, case let second = unit(index),
        second >= 0xDC00, second < 0xE000
      {
        scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        index += 2
      } else if first >= 0xD800, first < 0xE000 {
        if error == nil {
          error = (
            line,
            "the file is not valid UTF-16 (a lone surrogate, 0x\(String(first, radix: 16, uppercase: true)), on this line); save it again as UTF-8 (\"CSV UTF-8\" in Excel)"
          )
        }
        scalar = 0xFFFD
      }
      if scalar == 0x0A { line += 1 }
      appendUTF8(scalar, to: &out)
    }
    if index < bytes.count, error == nil {
      error = (
        line,
        "the file ends in the middle of a UTF-16 character (an odd number of bytes); it may be "
          + "cut short: save it again"
      )
    }
    var decoded = Decoded(bytes: RosterBytes(out), encoding: .utf16)
    decoded.error = error
    return decoded
  }

  /// Appends a Unicode scalar value's UTF-8 bytes.
  private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}

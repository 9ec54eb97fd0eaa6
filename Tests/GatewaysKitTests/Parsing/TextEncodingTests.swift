import Foundation
import Testing

@testable import GatewaysKit

/// Text as it comes: UTF-8 with or without its mark, UTF-16 with a mark, Windows-1252 when the
/// bytes are not UTF-8, and the separator.
struct TextEncodingTests {
  static let text = "staff_id,name,team\nS1,Zo\u{E9} D\u{2019}Arcy \u{A3}\u{20AC},t\n"

  @Test func utf16WithAMarkIsReadInEitherByteOrder() throws {
    for bigEndian in [false, true] {
      var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      for unit in Self.text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        bytes += bigEndian ? [high, low] : [low, high]
      }
      let roster = try readCSV(Data(bytes))
      #expect(roster.staff.map(\.name) == ["Zo\u{E9} D\u{2019}Arcy \u{A3}\u{20AC}"])
      #expect(roster.reading?.encoding == .utf16)
    }
  }

  @Test func windows1252IsReadWhenTheBytesAreNotUTF8() throws {
    // é, ’, £ and € as Windows-1252 writes them.
    var bytes = Array("staff_id,name,team\nS1,Zo".utf8)
    bytes += [0xE9, 0x20, 0x44, 0x92, 0x41, 0x72, 0x63, 0x79, 0x20, 0xA3, 0x80]
    bytes += Array(",t\n".utf8)
    let roster = try readCSV(Data(bytes))
    #expect(roster.staff.map(\.name) == ["Zo\u{E9} D\u{2019}Arcy \u{A3}\u{20AC}"])
    #expect(roster.reading?.encoding == .windows1252)
    #expect(roster.warnings.count == 2)  // the encoding, and no team_role column
    #expect(roster.warnings.filter { $0.message.contains("Windows-1252") }.count == 1)
  }

  @Test func aUTF8MarkIsSkippedAndValidUTF8IsNotGuessedAt() throws {
    let roster = try readCSV(Data([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)))
    #expect(roster.reading?.encoding == .utf8)
    #expect(roster.staff.map(\.id) == ["S1"])
  }

  @Test func everyWindows1252ByteMapsToOneScalar() {
    let decoded = TextEncoding.fromWindows1252((0...255).map { UInt8($0) })
    let scalars = Array(String(decoding: decoded, as: UTF8.self).unicodeScalars)
    #expect(scalars.count == 256)
    #expect(scalars[0x80] == "\u{20AC}")
    #expect(scalars[0x92] == "\u{2019}")
    #expect(scalars[0xA3] == "\u{A3}")
    #expect(scalars[0x81] == "\u{81}")  // undefined in Windows-1252: kept as a C1 control
  }

  @Test func aBinaryFileIsNotGuessedToBeText() {
    var generator = SplitMix(seed: 3)
    let bytes = (0..<2000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let found = diagnostics(csv: Data(bytes))
    #expect(found.first?.message.hasPrefix("this is not a text file") == true)
  }

  @Test func theSeparatorIsTheOneThatSplitsTheLinesAlike() {
    func detect(_ text: String) -> RosterDelimiter { RosterDelimiter.detect(in: Array(text.utf8)) }
    #expect(detect("a;b;c\n1;2;3\n") == .semicolon)
    #expect(detect("a\tb\tc\n1\t2,5\t3\n") == .tab)
    #expect(detect("a,b\n\"x;y;z\",2\n") == .comma)
    #expect(detect("Title\n\na;b\n1;2\n") == .semicolon)
    #expect(detect("") == .comma)
  }

  @Test func theUTF8CheckAgreesWithSwiftsOnEveryKindOfSequence() {
    // Seeded random bytes biased towards sequences that are nearly valid: lead bytes of each
    // length, continuation bytes, overlong forms, surrogates and code points past U+10FFFF.
    var generator = SplitMix(seed: 11)
    let interesting: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0,
    ]
    var invalid = 0
    var disagreements: [[UInt8]] = []
    for trial in 0..<5_000 {
      let count = Int(generator.next() % 12)
      var bytes = (0..<count).map { _ in
        interesting[Int(generator.next() % UInt64(interesting.count))]
      }
      // Some long ASCII runs, so the eight-bytes-at-a-time path meets each sequence too.
      if trial % 3 == 0 {
        bytes = Array(repeating: 0x61, count: Int(generator.next() % 17)) + bytes
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      if TextEncoding.isValidUTF8(bytes) != expected { disagreements.append(bytes) }
      if !expected { invalid += 1 }
    }
    #expect(disagreements.isEmpty)
    #expect(invalid > 250 && invalid < 4_750)
    // Every scalar's own encoding is valid.
    let refused = stride(from: 0, through: 0x10FFFF, by: 97).filter { value in
      guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
      return !TextEncoding.isValidUTF8(Array(String(Character(scalar)).utf8))
    }
    #expect(refused.isEmpty)
  }

  @Test func aLargeInputIsCheckedInHalvesExactlyAsAWhole() {
    // Two-byte and three-byte letters with an ASCII byte now and then, so the split (before
    // the first ASCII byte past the middle) falls just after a sequence; one bad byte, placed
    // at the split, around it, or far from it, is found wherever it is.
    var text: [UInt8] = []
    while text.count < TextEncoding.parallelThreshold + 4096 {
      text += Array("ÅéØ€ß".utf8) + [0x61]
    }
    #expect(TextEncoding.isValidUTF8(text))
    let middle = text.count / 2
    let split = text[middle...].firstIndex { $0 < 0x80 } ?? middle
    for offset in [0, 1, split - 2, split - 1, split, split + 1, middle, text.count - 1] {
      for bad: UInt8 in [0xFF, 0x80, 0xC3] {
        var damaged = text
        damaged[offset] = bad
        let expected = String(validating: damaged, as: UTF8.self) != nil
        #expect(TextEncoding.isValidUTF8(damaged) == expected, "byte \(bad) at \(offset)")
      }
    }
    // A lead byte cut off by the split: its continuation is the ASCII byte after it.
    var cut = text
    cut[split - 1] = 0xC3
    #expect(!TextEncoding.isValidUTF8(cut))
  }

  @Test func cellsAreTrimmedOfExactlyFoundationsWhiteSpace() {
    let white = CharacterSet.whitespacesAndNewlines
    // Every scalar up to U+0200 (ASCII, Latin-1), every 13th up to U+3100, and those near the
    // ends of the ranges answered without Foundation.
    let values =
      Array(0...0x200) + Array(stride(from: 0x201, through: 0x3100, by: 13))
      + [0x167F, 0x1680, 0x180E, 0x2000, 0x200A, 0x200B, 0x2028, 0x202F, 0x205F, 0x3000, 0xFEFF]
    let wrong = values.filter { value in
      guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
      return CSVRosterReader.isWhiteSpace(scalar) != white.contains(scalar)
    }
    #expect(wrong.isEmpty)
    #expect(CSVRosterReader.trimmedCell("\u{A0}Zo\u{E9}\u{3000}") == "Zo\u{E9}")
    #expect(CSVRosterReader.trimmedCell("s1\u{200B}") == "s1")
    #expect(CSVRosterReader.trimmedCell("\u{C9}mile D\u{2019}Arcy") == "\u{C9}mile D\u{2019}Arcy")
  }

  @Test func controlCharactersAreFoundByteByByteAsScalarByScalar() {
    for value in [0x00, 0x08, 0x0B, 0x1F, 0x7F, 0x80, 0x85, 0x9F] {
      let scalar = Unicode.Scalar(UInt8(value))
      let text = "Zo\u{E9}\u{20AC}" + String(Character(scalar)) + "\u{1}x"
      #expect(IdentifierCheck.controlCharacter(in: text) == scalar)
    }
    for text in ["plain", "tab\there", "Zo\u{E9} \u{A0}\u{C2}\u{100}\u{2028}", ""] {
      #expect(IdentifierCheck.controlCharacter(in: text) == nil)
    }
  }

  @Test func utf16ThatIsCutShortIsAnError() {
    let found = diagnostics(csv: Data([0xFF, 0xFE, 0x61, 0x00, 0x62]))
    #expect(found.first?.message.hasPrefix("the file ends in the middle of a UTF-16") == true)
  }
}

/// A small seeded generator for test data.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

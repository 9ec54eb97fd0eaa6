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

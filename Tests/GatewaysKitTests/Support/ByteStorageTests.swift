import Testing

@testable import GatewaysKit

/// The storage's fused writes (one reservation for several pieces) give exactly the bytes of
/// the pieces appended one by one, short and long, from a storage that must grow.
@Suite struct ByteStorageTests {
  static func text(_ storage: ByteStorage) -> String {
    storage.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  @Test(arguments: [0, 1, 2, 23, 24, 25, 64, 200])
  func aLineBreakIsALineFeedAndTheIndent(indent: Int) {
    let storage = ByteStorage(capacity: 1)
    storage.append(0x41)
    storage.appendLineBreak(indent: indent)
    storage.append(0x42)
    #expect(Self.text(storage) == "A\n" + String(repeating: " ", count: indent) + "B")
  }

  @Test(arguments: [0, 2, 24, 30])
  func aMemberStartIsTheCommaTheIndentAndTheKey(indent: Int) {
    for key: StaticString in ["id", "x", "aKeyLongerThanTwentyFourBytesAtLeast", ""] {
      for comma in [false, true] {
        let storage = ByteStorage(capacity: 1)
        storage.append(0x7B)
        storage.appendMemberStart(comma: comma, indent: indent, key: key)
        let expected =
          "{" + (comma ? "," : "") + "\n" + String(repeating: " ", count: indent) + "\""
          + key.description + "\": "
        #expect(Self.text(storage) == expected, "\(key) \(comma) \(indent)")
      }
    }
  }

  @Test func quotedBytesAreTheBytesInQuotes() {
    for word in ["", "s000078", String(repeating: "t", count: 100), "é日本"] {
      let storage = ByteStorage(capacity: 1)
      storage.append(0x5B)
      Array(word.utf8).withUnsafeBufferPointer { storage.appendQuoted($0) }
      storage.append(0x5D)
      #expect(Self.text(storage) == "[\"" + word + "\"]")
    }
  }
}

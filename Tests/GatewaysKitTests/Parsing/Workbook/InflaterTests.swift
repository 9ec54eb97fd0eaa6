import Foundation
import Testing

@testable import GatewaysKit

/// Writes DEFLATE bits as RFC 1951 packs them: values first bit lowest, Huffman codes first
/// bit highest.
struct DeflateBitWriter {
  private(set) var bytes: [UInt8] = []
  private var bitCount = 0

  /// Appends the `count` low bits of `value`, lowest first.
  mutating func bits(_ value: Int, _ count: Int) {
    for bit in 0..<count {
      if bitCount % 8 == 0 { bytes.append(0) }
      if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
      bitCount += 1
    }
  }

  /// Appends a Huffman code of `length` bits, highest first.
  mutating func code(_ code: Int, _ length: Int) {
    for bit in stride(from: length - 1, through: 0, by: -1) { bits(code >> bit & 1, 1) }
  }

  /// A final block header of `type`.
  mutating func header(type: Int, final: Bool = true) {
    bits(final ? 1 : 0, 1)
    bits(type, 2)
  }

  /// A dynamic block's counts and code-length code lengths (in the RFC's order).
  mutating func dynamic(literals: Int, distances: Int, codeLengths: [Int]) {
    header(type: 2)
    bits(literals - 257, 5)
    bits(distances - 1, 5)
    bits(codeLengths.count - 4, 4)
    for length in codeLengths { bits(length, 3) }
  }
}

struct InflaterTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Deflate")

  /// One line of `Tests/Fixtures/Deflate/manifest.tsv`.
  struct Stream: Sendable, CustomTestStringConvertible {
    var file: String
    var level: Int
    var strategy: String
    var firstBlockType: Int
    var testDescription: String { file }
  }

  static let streams: [Stream] = {
    let url = folder.appendingPathComponent("manifest.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      if line.hasPrefix("#") { return nil }
      let columns = line.split(separator: "\t").map(String.init)
      guard columns.count == 4, let level = Int(columns[1]), let type = Int(columns[3]) else {
        return nil
      }
      return Stream(file: columns[0], level: level, strategy: columns[2], firstBlockType: type)
    }
  }()

  static func bytes(_ file: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
  }

  static let input: [UInt8] = (try? bytes("input.bin")) ?? []

  @Test func theManifestCoversEveryLevelStrategyAndBlockType() {
    #expect(Self.streams.count == 50)
    #expect(Set(Self.streams.map(\.level)) == Set(0...9))
    #expect(
      Set(Self.streams.map(\.strategy)) == ["default", "filtered", "huffman-only", "rle", "fixed"])
    #expect(Set(Self.streams.map(\.firstBlockType)) == [0, 1, 2])
    #expect(Self.input.count > 10_000)
  }

  @Test(arguments: streams)
  func aZlibStreamInflatesToItsInput(_ stream: Stream) throws {
    let compressed = try Self.bytes(stream.file)
    #expect(Int(compressed[0] >> 1 & 3) == stream.firstBlockType)
    #expect(try Inflater.inflate(compressed, limit: Self.input.count) == Self.input)
  }

  @Test func aStreamLargerThanTheLimitIsRefused() throws {
    let compressed = try Self.bytes("level6-default.deflate")
    #expect(throws: InflateError.outputTooLarge(limit: Self.input.count - 1)) {
      try Inflater.inflate(compressed, limit: Self.input.count - 1)
    }
    let stored = try Self.bytes("level0-default.deflate")
    #expect(throws: InflateError.outputTooLarge(limit: 100)) {
      try Inflater.inflate(stored, limit: 100)
    }
  }

  @Test(arguments: ["level6-default.deflate", "level0-default.deflate", "level1-fixed.deflate"])
  func everyCutOfAStreamIsTruncated(_ file: String) throws {
    let compressed = try Self.bytes(file)
    // Every prefix near the start and the end, and every 11th in between.
    let cuts = Set(
      Array(0..<200) + Array(stride(from: 200, to: compressed.count, by: 11))
        + Array(max(0, compressed.count - 50)..<compressed.count))
    for cut in cuts.sorted() {
      #expect(throws: InflateError.truncated, "cut at \(cut)") {
        try Inflater.inflate(Array(compressed[..<cut]), limit: Self.input.count)
      }
    }
  }

  @Test func storedBlocksAreCheckedAndCopied() throws {
    #expect(
      try Inflater.inflate([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63], limit: 3)
        == Array("abc".utf8))
    #expect(try Inflater.inflate([0x01, 0x00, 0x00, 0xFF, 0xFF], limit: 0) == [])
    #expect(throws: InflateError.storedLengthMismatch) {
      try Inflater.inflate([0x01, 0x05, 0x00, 0x00, 0x00], limit: 10)
    }
    #expect(throws: InflateError.truncated) {
      try Inflater.inflate([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61, 0x62], limit: 10)
    }
    #expect(throws: InflateError.truncated) { try Inflater.inflate([0x01, 0x05], limit: 10) }
    #expect(throws: InflateError.truncated) { try Inflater.inflate([], limit: 10) }
  }

  @Test func theReservedBlockTypeIsRefused() {
    #expect(throws: InflateError.invalidBlockType) { try Inflater.inflate([0x07], limit: 10) }
  }

  @Test func fixedBlocksDecodeLiteralsAndOverlappingMatches() throws {
    var writer = DeflateBitWriter()
    writer.header(type: 1)
    writer.code(0x30 + 0x61, 8)  // 'a': literals 0-143 are 0x30 + value, 8 bits
    writer.code(0b000_0011, 7)  // length symbol 259: length 5
    writer.code(0, 5)  // distance symbol 0: distance 1
    writer.code(0, 7)  // end of block
    #expect(try Inflater.inflate(writer.bytes, limit: 6) == Array("aaaaaa".utf8))
  }

  @Test func aMatchBeforeTheStartIsRefused() {
    var writer = DeflateBitWriter()
    writer.header(type: 1)
    writer.code(0x30 + 0x61, 8)
    writer.code(0b000_0001, 7)  // length 3
    writer.code(1, 5)  // distance 2, but one byte written
    writer.code(0, 7)
    #expect(throws: InflateError.distanceTooFar) { try Inflater.inflate(writer.bytes, limit: 10) }
  }

  @Test func lengthAndDistanceSymbolsThatAreNeverValidAreRefused() {
    var length = DeflateBitWriter()
    length.header(type: 1)
    length.code(0b1100_0110, 8)  // length symbol 286
    length.code(0, 7)
    #expect(throws: InflateError.invalidCode) { try Inflater.inflate(length.bytes, limit: 10) }
    var distance = DeflateBitWriter()
    distance.header(type: 1)
    distance.code(0x30 + 0x61, 8)
    distance.code(0b000_0001, 7)
    distance.code(30, 5)  // distance symbol 30
    distance.code(0, 7)
    #expect(throws: InflateError.invalidCode) { try Inflater.inflate(distance.bytes, limit: 10) }
  }

  @Test func dynamicHeadersWithTooManyCodesAreRefused() {
    var literals = DeflateBitWriter()
    literals.header(type: 2)
    literals.bits(30, 5)  // 287 literal/length codes
    literals.bits(0, 5)
    literals.bits(0, 4)
    literals.bits(0, 16)
    #expect(throws: InflateError.tooManyCodes) { try Inflater.inflate(literals.bytes, limit: 10) }
    var distances = DeflateBitWriter()
    distances.header(type: 2)
    distances.bits(0, 5)
    distances.bits(30, 5)  // 31 distance codes
    distances.bits(0, 4)
    distances.bits(0, 16)
    #expect(throws: InflateError.tooManyCodes) { try Inflater.inflate(distances.bytes, limit: 10) }
  }

  @Test func codeLengthCodesMustBeCompleteAndNotOverSubscribed() {
    var over = DeflateBitWriter()
    over.dynamic(literals: 257, distances: 1, codeLengths: Array(repeating: 1, count: 19))
    #expect(throws: InflateError.oversubscribedCode) { try Inflater.inflate(over.bytes, limit: 10) }
    var incomplete = DeflateBitWriter()
    // Order 16, 17, 18, 0: one code, for 0. A single code is incomplete, and for the
    // code-length code that is never allowed.
    incomplete.dynamic(literals: 257, distances: 1, codeLengths: [0, 0, 0, 1])
    #expect(throws: InflateError.incompleteCode) {
      try Inflater.inflate(incomplete.bytes + [0, 0, 0, 0], limit: 10)
    }
  }

  @Test func repeatsOfCodeLengthsAreChecked() {
    // The code-length code: 0 → code 0, 16 (or 18) → code 1.
    var first = DeflateBitWriter()
    first.dynamic(literals: 257, distances: 1, codeLengths: [1, 0, 0, 1])
    first.code(1, 1)  // 16: repeat the previous length, but there is none
    first.bits(0, 2)
    #expect(throws: InflateError.repeatWithoutLength) {
      try Inflater.inflate(first.bytes, limit: 10)
    }
    var past = DeflateBitWriter()
    past.dynamic(literals: 257, distances: 1, codeLengths: [0, 0, 1, 1])
    past.code(1, 1)  // 18: 138 zeros
    past.bits(127, 7)
    past.code(1, 1)  // 18: 138 more, past the 258 lengths
    past.bits(127, 7)
    #expect(throws: InflateError.repeatPastEnd) { try Inflater.inflate(past.bytes, limit: 10) }
    var noEnd = DeflateBitWriter()
    noEnd.dynamic(literals: 257, distances: 1, codeLengths: [0, 0, 1, 1])
    noEnd.code(1, 1)  // 138 zeros
    noEnd.bits(127, 7)
    noEnd.code(1, 1)  // 120 zeros: every length is 0, the end-of-block code too
    noEnd.bits(109, 7)
    noEnd.bits(0, 8)
    #expect(throws: InflateError.missingEndOfBlock) { try Inflater.inflate(noEnd.bytes, limit: 10) }
  }

  /// A dynamic block whose literal/length code gives `lengthTwo` symbols (among 0, 1, 256 and
  /// 257...) length 2 and the rest none.
  static func literalCode(lengthTwo symbols: [Int]) -> [UInt8] {
    // Code-length code, order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2: 18 → 1 bit (code 0),
    // 0 → 2 bits (10), 2 → 2 bits (11).
    var writer = DeflateBitWriter()
    writer.dynamic(
      literals: 258, distances: 1, codeLengths: [0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
    var lengths = [Int](repeating: 0, count: 259)
    for symbol in symbols { lengths[symbol] = 2 }
    var index = 0
    while index < lengths.count {
      if lengths[index] == 2 {
        writer.code(0b11, 2)
        index += 1
        continue
      }
      var zeros = 0
      while index + zeros < lengths.count, lengths[index + zeros] == 0, zeros < 138 { zeros += 1 }
      if zeros >= 11 {
        writer.code(0, 1)
        writer.bits(zeros - 11, 7)
        index += zeros
      } else {
        writer.code(0b10, 2)
        index += 1
      }
    }
    writer.bits(0, 16)
    return writer.bytes
  }

  @Test func literalCodesMustBeCompleteAndNotOverSubscribed() {
    #expect(throws: InflateError.incompleteCode) {
      try Inflater.inflate(Self.literalCode(lengthTwo: [0, 1, 256]), limit: 10)
    }
    #expect(throws: InflateError.oversubscribedCode) {
      try Inflater.inflate(Self.literalCode(lengthTwo: [0, 1, 2, 256, 257]), limit: 10)
    }
  }

  /// 'a', then a match of 3 at distance 1, with a distance code of one code of one bit (an
  /// incomplete code DEFLATE allows); `distanceBit` is the bit sent for the distance.
  static func singleDistanceCode(distanceBit: Int) -> [UInt8] {
    // Code-length code: 0, 1, 2 and 18 all 2 bits (codes 00, 01, 10, 11 in symbol order).
    var writer = DeflateBitWriter()
    writer.dynamic(
      literals: 258, distances: 1,
      codeLengths: [0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2])
    writer.code(0b11, 2)  // 18: 97 zeros (0 ... 96)
    writer.bits(97 - 11, 7)
    writer.code(0b01, 2)  // 'a' (97): length 1
    writer.code(0b11, 2)  // 98 ... 235: 138 zeros
    writer.bits(127, 7)
    writer.code(0b11, 2)  // 236 ... 255: 20 zeros
    writer.bits(9, 7)
    writer.code(0b10, 2)  // 256: length 2
    writer.code(0b10, 2)  // 257: length 2
    writer.code(0b01, 2)  // distance 0: length 1
    // Literal/length codes: 'a' → 0, 256 → 10, 257 → 11.
    writer.code(0, 1)
    writer.code(0b11, 2)
    writer.code(distanceBit, 1)
    writer.code(0b10, 2)
    return writer.bytes
  }

  @Test func aSingleDistanceCodeOfOneBitIsAllowed() throws {
    #expect(
      try Inflater.inflate(Self.singleDistanceCode(distanceBit: 0), limit: 4) == Array("aaaa".utf8))
    #expect(throws: InflateError.invalidCode) {
      try Inflater.inflate(Self.singleDistanceCode(distanceBit: 1), limit: 4)
    }
  }

  @Test func bytesAfterTheFinalBlockAreIgnored() throws {
    let compressed = try Self.bytes("level9-default.deflate")
    #expect(
      try Inflater.inflate(compressed + [0xFF, 0x00, 0x13], limit: Self.input.count) == Self.input)
  }

  @Test func theCRC32MatchesTheCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
    // Slicing by eight and byte by byte agree at every length and alignment.
    let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    for length in 0...bytes.count {
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in bytes[..<length] {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      #expect(CRC32.checksum(Array(bytes[..<length])) == ~crc)
    }
  }
}

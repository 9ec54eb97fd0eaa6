/// A canonical Huffman code of DEFLATE (RFC 1951, section 3.2.2), as a decoding table.
///
/// Codes of up to ``fastBits`` bits are found with one lookup of the next ``fastBits`` input
/// bits; longer codes (rare: they belong to the least frequent symbols) are decoded bit by bit
/// from the count of codes of each length, as in Mark Adler's `puff.c`.
///
/// ```swift
/// let lengths: [UInt8] = [2, 1, 3, 3]  // symbols 0...3
/// let table = try HuffmanTable.validated(lengths: lengths[...], allowsSingleCode: true)
/// ```
struct HuffmanTable: Sendable {
  /// The bits looked up at once.
  static let fastBits = 10
  /// The longest code DEFLATE allows.
  static let maximumLength = 15

  /// For each pattern of the next ``fastBits`` bits (first bit lowest): `symbol << 4 | length`
  /// when a code of at most ``fastBits`` bits starts the pattern, else 0.
  private(set) var fast: [UInt16]
  /// How many codes have each length, 0...15 (`counts[0]` is unused).
  private(set) var counts: [Int]
  /// The symbols in code order: by length, then by symbol.
  private(set) var symbols: [UInt16]

  /// Builds the table of a set of code lengths (0 = the symbol has no code), which must be
  /// neither over-subscribed nor, unless `allowsSingleCode` and there is exactly one code of
  /// one bit, incomplete. An empty set (no codes) is allowed; decoding from it fails.
  /// - Throws: ``InflateError/oversubscribedCode`` or ``InflateError/incompleteCode``.
  /// - Complexity: O(n + 2^fastBits) for n lengths.
  static func validated(lengths: ArraySlice<UInt8>, allowsSingleCode: Bool) throws(InflateError)
    -> HuffmanTable
  {
    var counts = [Int](repeating: 0, count: maximumLength + 1)
    for length in lengths { counts[Int(length)] += 1 }
    counts[0] = 0
    var left = 1
    for length in 1...maximumLength {
      left = left << 1 - counts[length]
      if left < 0 { throw .oversubscribedCode }
    }
    let codes = counts.reduce(0, +)
    if left > 0, codes > 0, !(allowsSingleCode && codes == 1 && counts[1] == 1) {
      throw .incompleteCode
    }
    return HuffmanTable(lengths: lengths)
  }

  /// Builds the table of a set of code lengths known to be valid (the fixed codes).
  /// - Complexity: O(n + 2^fastBits) for n lengths.
  init(lengths: ArraySlice<UInt8>) {
    var counts = [Int](repeating: 0, count: Self.maximumLength + 1)
    for length in lengths { counts[Int(length)] += 1 }
    counts[0] = 0
    var offsets = [Int](repeating: 0, count: Self.maximumLength + 2)
    for length in 1...Self.maximumLength { offsets[length + 1] = offsets[length] + counts[length] }
    var symbols = [UInt16](repeating: 0, count: offsets[Self.maximumLength + 1])
    var fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
    // The first code of each length (RFC 1951, 3.2.2, step 2).
    var nextCode = [Int](repeating: 0, count: Self.maximumLength + 1)
    var code = 0
    for length in 1...Self.maximumLength {
      code = (code + counts[length - 1]) << 1
      nextCode[length] = code
    }
    for (symbol, lengthByte) in zip(0..., lengths) where lengthByte != 0 {
      let length = Int(lengthByte)
      symbols[offsets[length]] = UInt16(symbol)
      offsets[length] += 1
      let assigned = nextCode[length]
      nextCode[length] += 1
      guard length <= Self.fastBits else { continue }
      // Codes are sent first bit first: the lookup index is the code reversed.
      var reversed = 0
      for bit in 0..<length where assigned & (1 << (length - 1 - bit)) != 0 {
        reversed |= 1 << bit
      }
      let entry = UInt16(symbol << 4 | length)
      var index = reversed
      while index < fast.count {
        fast[index] = entry
        index += 1 << length
      }
    }
    self.fast = fast
    self.counts = counts
    self.symbols = symbols
  }

  /// The symbol whose code starts `bits` (first bit lowest) and the code's length, or `nil`
  /// when no code does. `bits` must hold at least 15 bits.
  /// - Complexity: O(1) for codes of up to ``fastBits`` bits, else O(15).
  @inline(__always)
  func decode(_ bits: UInt64) -> (symbol: Int, length: Int)? {
    let entry = Int(fast[Int(bits & UInt64((1 << Self.fastBits) - 1))])
    if entry != 0 { return (entry >> 4, entry & 15) }
    return decodeSlowly(bits)
  }

  /// Canonical decoding one bit at a time (`puff.c`'s `decode`).
  private func decodeSlowly(_ bits: UInt64) -> (symbol: Int, length: Int)? {
    var code = 0
    var first = 0
    var index = 0
    for length in 1...Self.maximumLength {
      code |= Int((bits >> UInt64(length - 1)) & 1)
      let count = counts[length]
      if code - first < count { return (Int(symbols[index + code - first]), length) }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    return nil
  }
}

/// A DEFLATE decoder, written after RFC 1951 (Deutsch 1996): stored, fixed-Huffman and
/// dynamic-Huffman blocks, the raw format ZIP archives hold (no zlib or gzip wrapper).
///
/// ```swift
/// let text = try Inflater.inflate(compressed, limit: expectedSize)
/// ```
///
/// It is iterative (no recursion) and its memory is bounded by `limit`: the output is
/// allocated once at that size and never grows. Every malformed stream, including a truncated
/// one, throws an ``InflateError``; nothing is read past the input. Bits are taken from a
/// 64-bit buffer refilled eight bytes at a time, and codes of up to ten bits are decoded with
/// one table lookup (see ``HuffmanTable``).
package enum Inflater {
  /// Inflates a raw DEFLATE stream of at most `limit` bytes of output.
  ///
  /// Bytes after the final block are ignored.
  /// - Parameters:
  ///   - input: the compressed bytes.
  ///   - limit: the most bytes the stream may inflate to; the output is allocated at this size,
  ///     so give the expected size when it is known (a ZIP entry's declared size).
  /// - Returns: the inflated bytes.
  /// - Throws: ``InflateError``, ``InflateError/outputTooLarge(limit:)`` as soon as the output
  ///   would pass `limit`.
  /// - Complexity: O(n + m) for n input and m output bytes; O(limit) memory.
  package static func inflate(_ input: UnsafeBufferPointer<UInt8>, limit: Int) throws(InflateError)
    -> [UInt8]
  {
    precondition(limit >= 0, "the output limit must not be negative")
    var failure: InflateError?
    let output = [UInt8](unsafeUninitializedCapacity: limit) { buffer, initialized in
      var decoder = Decoder(input: input, output: buffer)
      do throws(InflateError) {
        try decoder.run()
      } catch {
        failure = error
      }
      initialized = decoder.count
    }
    if let failure { throw failure }
    return output
  }

  /// Inflates a raw DEFLATE stream held in an array (see ``inflate(_:limit:)-(UnsafeBufferPointer<UInt8>,_)``).
  /// - Complexity: O(n + m) for n input and m output bytes; O(limit) memory.
  package static func inflate(_ input: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
    var result: Result<[UInt8], InflateError> = .success([])
    input.withUnsafeBufferPointer { buffer in
      do throws(InflateError) {
        result = .success(try inflate(buffer, limit: limit))
      } catch {
        result = .failure(error)
      }
    }
    return try result.get()
  }

  /// The base lengths of length symbols 257...285 and their extra bits (RFC 1951, 3.2.5).
  private static let lengthBase: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtra: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// The base distances of distance symbols 0...29 and their extra bits.
  private static let distanceBase: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
    13, 13,
  ]
  /// The order in which a dynamic block gives the code-length code's lengths.
  private static let codeLengthOrder: [Int] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// The fixed literal/length code (RFC 1951, 3.2.6), all 288 symbols so the code is complete.
  private static let fixedLiterals: HuffmanTable = {
    var lengths = [UInt8](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    return HuffmanTable(lengths: lengths[...])
  }()
  /// The fixed distance code: 32 five-bit codes (30 and 31 never valid).
  private static let fixedDistances = HuffmanTable(
    lengths: [UInt8](repeating: 5, count: 32)[...])

  /// The state of one decoding: the input position, the bit buffer and the output.
  private struct Decoder {
    let input: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutableBufferPointer<UInt8>
    /// The next input byte not yet in the bit buffer.
    var position = 0
    /// Input bits not yet consumed, first bit lowest.
    var bits: UInt64 = 0
    /// How many of `bits` are valid.
    var bitCount = 0
    /// Zero bits added past the end of the input; consuming any of them means truncation.
    var padding = 0
    /// Bytes written to `output`.
    var count = 0

    init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
      self.input = input
      self.output = output
    }

    /// Tops the bit buffer up to at least 56 bits, with zero bits past the end of the input.
    @inline(__always)
    mutating func refill() {
      if position + 8 <= input.count, let base = input.baseAddress {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        bits |= word << UInt64(bitCount)
        position += (63 - bitCount) >> 3
        bitCount |= 56
        return
      }
      while bitCount <= 56 {
        if position < input.count {
          bits |= UInt64(input[position]) << UInt64(bitCount)
          position += 1
        } else {
          padding += 8
        }
        bitCount += 8
      }
    }

    /// Whether bits past the end of the input have been consumed.
    @inline(__always)
    var overran: Bool { bitCount < padding }

    /// The error to report: truncation when the input ran out, else `error`.
    func failure(_ error: InflateError) -> InflateError { overran ? .truncated : error }

    /// Consumes `n` bits (n ≤ bitCount) and returns them.
    @inline(__always)
    mutating func take(_ n: Int) -> Int {
      let value = Int(bits & ((1 << UInt64(n)) - 1))
      bits >>= UInt64(n)
      bitCount -= n
      return value
    }

    /// Decodes one symbol of `table` (the buffer must hold at least 15 bits).
    @inline(__always)
    mutating func decode(_ table: HuffmanTable) throws(InflateError) -> Int {
      guard let (symbol, length) = table.decode(bits) else { throw failure(.invalidCode) }
      bits >>= UInt64(length)
      bitCount -= length
      return symbol
    }

    /// Decodes blocks until the final one.
    mutating func run() throws(InflateError) {
      var final = false
      while !final {
        refill()
        final = take(1) == 1
        switch take(2) {
        case 0: try stored()
        case 1: try codes(literals: Inflater.fixedLiterals, distances: Inflater.fixedDistances)
        case 2:
          let (literals, distances) = try dynamicTables()
          try codes(literals: literals, distances: distances)
        default: throw failure(.invalidBlockType)
        }
        if overran { throw .truncated }
      }
    }

    /// A stored block: skip to a byte boundary, LEN, NLEN, then LEN bytes as they are.
    mutating func stored() throws(InflateError) {
      _ = take(bitCount & 7)
      if bitCount < 32 { refill() }
      let length = take(16)
      let check = take(16)
      if overran { throw .truncated }
      guard length == ~check & 0xFFFF else { throw .storedLengthMismatch }
      // Give back the whole bytes still in the buffer and copy straight from the input.
      let start = position - (bitCount - padding) / 8
      position = start
      bits = 0
      bitCount = 0
      padding = 0
      guard length <= input.count - start else { throw .truncated }
      guard length <= output.count - count else { throw .outputTooLarge(limit: output.count) }
      if length > 0, let from = input.baseAddress, let to = output.baseAddress {
        (to + count).update(from: from + start, count: length)
      }
      position += length
      count += length
    }

    /// Reads a dynamic block's header: the code-length code, then the literal/length and
    /// distance codes' lengths (RFC 1951, 3.2.7).
    mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
      refill()
      let literalCount = take(5) + 257
      let distanceCount = take(5) + 1
      let lengthCodeCount = take(4) + 4
      guard literalCount <= 286, distanceCount <= 30 else { throw failure(.tooManyCodes) }
      var codeLengths = [UInt8](repeating: 0, count: 19)
      for index in 0..<lengthCodeCount {
        if bitCount < 3 { refill() }
        codeLengths[Inflater.codeLengthOrder[index]] = UInt8(take(3))
      }
      if overran { throw .truncated }
      let lengthCode = try HuffmanTable.validated(
        lengths: codeLengths[...], allowsSingleCode: false)
      let total = literalCount + distanceCount
      var lengths = [UInt8](repeating: 0, count: total)
      var index = 0
      while index < total {
        if bitCount < 32 { refill() }
        let symbol = try decode(lengthCode)
        if symbol < 16 {
          lengths[index] = UInt8(symbol)
          index += 1
          continue
        }
        var value: UInt8 = 0
        let repeats: Int
        switch symbol {
        case 16:
          guard index > 0 else { throw failure(.repeatWithoutLength) }
          value = lengths[index - 1]
          repeats = 3 + take(2)
        case 17: repeats = 3 + take(3)
        default: repeats = 11 + take(7)
        }
        if overran { throw .truncated }
        guard repeats <= total - index else { throw .repeatPastEnd }
        for offset in index..<(index + repeats) { lengths[offset] = value }
        index += repeats
      }
      if overran { throw .truncated }
      guard lengths[256] != 0 else { throw .missingEndOfBlock }
      let literals = try HuffmanTable.validated(
        lengths: lengths[0..<literalCount], allowsSingleCode: true)
      let distances = try HuffmanTable.validated(
        lengths: lengths[literalCount...], allowsSingleCode: true)
      return (literals, distances)
    }

    /// The compressed data of a block: literals and matches until the end-of-block code.
    mutating func codes(literals: HuffmanTable, distances: HuffmanTable) throws(InflateError) {
      guard let out = output.baseAddress else {
        // A zero limit: the block may still be just an end-of-block code.
        refill()
        guard try decode(literals) == 256 else { throw failure(.outputTooLarge(limit: 0)) }
        return
      }
      let limit = output.count
      let lengthBase = Inflater.lengthBase
      let lengthExtra = Inflater.lengthExtra
      let distanceBase = Inflater.distanceBase
      let distanceExtra = Inflater.distanceExtra
      while true {
        // 48 bits cover the longest length-distance pair: 15 + 5 + 15 + 13.
        if bitCount < 48 { refill() }
        let symbol = try decode(literals)
        if symbol < 256 {
          guard count < limit else { throw failure(.outputTooLarge(limit: limit)) }
          out[count] = UInt8(truncatingIfNeeded: symbol)
          count += 1
          if overran { throw .truncated }
          continue
        }
        if symbol == 256 { break }
        let lengthSymbol = symbol - 257
        guard lengthSymbol < 29 else { throw failure(.invalidCode) }
        let length = lengthBase[lengthSymbol] + take(lengthExtra[lengthSymbol])
        let distanceSymbol = try decode(distances)
        guard distanceSymbol < 30 else { throw failure(.invalidCode) }
        let distance = distanceBase[distanceSymbol] + take(distanceExtra[distanceSymbol])
        if overran { throw .truncated }
        guard distance <= count else { throw .distanceTooFar }
        guard length <= limit - count else { throw .outputTooLarge(limit: limit) }
        let from = out + (count - distance)
        let to = out + count
        if distance >= length {
          to.update(from: from, count: length)
        } else {
          // An overlapping match repeats the last `distance` bytes: copy forwards, byte by byte.
          for offset in 0..<length { to[offset] = from[offset] }
        }
        count += length
      }
      if overran { throw .truncated }
    }
  }
}

/// Sorting strings in byte (UTF-8) order fast: by a 64-bit key made of each string's first
/// eight bytes, falling back to a full comparison only when two keys tie.
enum ByteOrder {
  /// The positions of `strings` in byte order (a stable order for equal strings).
  ///
  /// ```swift
  /// ByteOrder.sortedIndices(["b", "a", "ab"])  // [1, 2, 0]
  /// ```
  /// - Complexity: O(n log n) integer comparisons; full string comparisons only between strings
  ///   that share their first eight bytes.
  static func sortedIndices(_ strings: [String]) -> [Int] {
    var keyed: [(key: UInt64, index: Int)] = []
    keyed.reserveCapacity(strings.count)
    for (index, string) in strings.enumerated() {
      keyed.append((prefixKey(string), index))
    }
    keyed.sort { a, b in
      if a.key != b.key { return a.key < b.key }
      if strings[a.index] == strings[b.index] { return a.index < b.index }
      return strings[a.index].precedesInBytes(strings[b.index])
    }
    return keyed.map(\.index)
  }

  /// The first eight UTF-8 bytes, big-endian, zero-padded: comparing keys compares prefixes.
  static func prefixKey(_ string: String) -> UInt64 {
    var key: UInt64 = 0
    var count = 0
    for byte in string.utf8 {
      key = key << 8 | UInt64(byte)
      count += 1
      if count == 8 { break }
    }
    return count == 8 ? key : key << (8 * UInt64(8 - count))
  }
}

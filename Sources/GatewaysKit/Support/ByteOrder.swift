/// Sorting strings in byte (UTF-8) order fast: by a 64-bit key made of each string's first
/// eight bytes, falling back to a full comparison only when two keys tie.
enum ByteOrder {
  /// The positions of `strings` in byte order (a stable order for equal strings).
  ///
  /// ```swift
  /// ByteOrder.sortedIndices(["b", "a", "ab"])  // [1, 2, 0]
  /// ```
  /// - Complexity: O(n) radix passes over the 64-bit prefix keys (passes where every key has
  ///   the same byte are skipped), then full string comparisons only within runs of strings
  ///   that share their first eight bytes.
  static func sortedIndices(_ strings: [String]) -> [Int] {
    let count = strings.count
    let keys = strings.map(prefixKey)
    if count < 256 {
      return Array(0..<count).sorted { a, b in
        if keys[a] != keys[b] { return keys[a] < keys[b] }
        return precedes(a, b, in: strings)
      }
    }
    // By key, and by position among equal keys. Ids are often first seen in order (a roster
    // exported sorted by staff_id): when the keys never decrease, the stable radix passes
    // would leave every position where it is, so they are skipped (one pass over the keys
    // instead of up to eight scattering ones). Runs of equal keys are sorted below either way.
    var order = keysAreInOrder(keys) ? Array(0..<count) : radixOrder(keys)
    // Strings that share their first eight bytes: sort each such run by the whole string.
    var start = 0
    while start < count {
      var end = start + 1
      while end < count, keys[order[end]] == keys[order[start]] { end += 1 }
      if end - start > 1 {
        order[start..<end].sort { precedes($0, $1, in: strings) }
      }
      start = end
    }
    return order
  }

  /// Whether no key is smaller than the one before it.
  /// - Complexity: O(n), stopping at the first key out of order.
  private static func keysAreInOrder(_ keys: [UInt64]) -> Bool {
    keys.withUnsafeBufferPointer { keys in
      var index = 1
      while index < keys.count {
        if keys[index] < keys[index - 1] { return false }
        index += 1
      }
      return true
    }
  }

  /// The positions of `keys` sorted by key, and by position among equal keys: stable counting
  /// sorts, least significant byte first, so after the last pass the order is by key, and by
  /// position among equal keys (a byte every key shares is skipped).
  /// - Complexity: O(n) per byte that differs among the keys, at most eight.
  private static func radixOrder(_ keys: [UInt64]) -> [Int] {
    let count = keys.count
    var order = Array(0..<count)
    var scratch = [Int](repeating: 0, count: count)
    var counts = [Int](repeating: 0, count: 257)
    for shift in stride(from: UInt64(0), to: 64, by: 8) {
      for index in counts.indices { counts[index] = 0 }
      for key in keys { counts[Int((key >> shift) & 0xFF) + 1] += 1 }
      if counts.contains(count) { continue }  // every key has the same byte here
      for digit in 0..<256 { counts[digit + 1] += counts[digit] }
      for position in order {
        let digit = Int((keys[position] >> shift) & 0xFF)
        scratch[counts[digit]] = position
        counts[digit] += 1
      }
      swap(&order, &scratch)
    }
    return order
  }

  /// Whether `strings[a]` comes before `strings[b]`: byte order, then position for equal ones.
  private static func precedes(_ a: Int, _ b: Int, in strings: [String]) -> Bool {
    if strings[a] == strings[b] { return a < b }
    return strings[a].precedesInBytes(strings[b])
  }

  /// The first eight UTF-8 bytes, big-endian, zero-padded: comparing keys compares prefixes.
  static func prefixKey(_ string: String) -> UInt64 {
    var text = string
    return text.withUTF8 { bytes in
      var key: UInt64 = 0
      let length = Swift.min(bytes.count, 8)
      for index in 0..<length { key = key << 8 | UInt64(bytes[index]) }
      return length == 8 ? key : key << (8 * UInt64(8 - length))
    }
  }
}

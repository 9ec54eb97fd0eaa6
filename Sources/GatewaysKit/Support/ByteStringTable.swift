import MembershipGraph

/// A hash table from byte strings, given as ranges of one buffer, to dense slots `0, 1, 2, ...`
/// in the order they were first inserted: an `OpenAddressingTable` whose keys are ranges of a
/// byte buffer.
///
/// The reader interns staff and team ids with it straight from the file's bytes, so a row costs
/// one hash of a few bytes and no `String`. The keys are ranges of the caller's buffer, which
/// must outlive the table and be passed, unchanged, to every call. Equal keys are equal bytes,
/// or, when the table ``foldsCase``, bytes equal once ASCII letters are in lower case; the
/// reader only uses it for printable ASCII, where that is also Swift's string equality (of the
/// ids, or of their lower-case forms).
///
/// ```swift
/// let bytes = Array("s1,s2,s1".utf8)
/// var table = ByteStringTable(expectedCount: 2)
/// bytes.withUnsafeBufferPointer { buffer in
///   table.slot(of: 0..<2, in: buffer)  // nil
///   table.insert(0..<2, in: buffer)    // 0
///   table.slot(of: 6..<8, in: buffer)  // 0
/// }
/// ```
/// - Complexity: expected O(k) per lookup or insertion for a key of k bytes.
struct ByteStringTable: Sendable {
  /// The buckets and each slot's hash; the keys' ranges are kept below.
  private var table: OpenAddressingTable
  /// Per slot: where its key starts and ends in the buffer.
  private var starts: [Int] = []
  private var ends: [Int] = []
  /// Whether keys that differ only in the case of ASCII letters are one key.
  let foldsCase: Bool

  /// Creates an empty table with room for about `expectedCount` keys before it grows; with
  /// `foldsCase`, `Coaching` and `coaching` are one key.
  init(expectedCount: Int, foldsCase: Bool = false) {
    self.foldsCase = foldsCase
    table = OpenAddressingTable(expectedCount: expectedCount)
    starts.reserveCapacity(expectedCount)
    ends.reserveCapacity(expectedCount)
  }

  /// The number of keys.
  var count: Int { starts.count }

  /// Makes room for `total` keys in all, so inserting up to there never rehashes.
  mutating func reserve(_ total: Int) {
    table.reserve(total)
    starts.reserveCapacity(total)
    ends.reserveCapacity(total)
  }

  /// Where the key of `slot` is in the buffer.
  func range(ofSlot slot: Int) -> Range<Int> { starts[slot]..<ends[slot] }

  /// The hash of the key of `slot`.
  func hash(ofSlot slot: Int) -> UInt64 { table.hash(ofSlot: slot) }

  /// A 64-bit hash of `buffer[range]`, eight bytes at a time; with `foldsCase`, of the bytes
  /// with ASCII letters in lower case (so keys equal but for case hash alike).
  static func hash(
    _ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>, foldsCase: Bool = false
  ) -> UInt64 {
    let raw = UnsafeRawBufferPointer(buffer)
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(range.count)
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      var word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if foldsCase { word = lowercasedASCII(word) }
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
      index += 8
    }
    // The last bytes (fewer than eight), little-endian, as one word: loaded whole and masked
    // when the buffer has eight bytes from there (or from eight before the end), else one by one.
    let remaining = range.upperBound - index
    var tail: UInt64 = 0
    if remaining > 0 {
      if index + 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        tail = word & (~UInt64(0) >> UInt64(64 - 8 * remaining))
      } else if range.upperBound >= 8 {
        let word = raw.loadUnaligned(fromByteOffset: range.upperBound - 8, as: UInt64.self)
        tail = word >> UInt64(64 - 8 * remaining)
      } else {
        var shift: UInt64 = 0
        while index < range.upperBound {
          tail |= UInt64(buffer[index]) << shift
          shift += 8
          index += 1
        }
      }
      if foldsCase { tail = lowercasedASCII(tail) }
    }
    hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 29)
  }

  /// The hash of `buffer[range]` as this table hashes its keys.
  func hash(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
    Self.hash(range, in: buffer, foldsCase: foldsCase)
  }

  /// An ASCII byte with an upper-case letter made lower case.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// Eight ASCII bytes (each below 0x80) with their upper-case letters made lower case, all at
  /// once: a byte's top bit is set by adding 0x3F when it is at least `A`, and by adding 0x25
  /// when it is above `Z`; the bytes with the first and not the second get 0x20.
  @inline(__always)
  static func lowercasedASCII(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let seven = word & (0x7F &* ones)
    let atLeastA = (seven &+ 0x3F &* ones) & (0x80 &* ones)
    let aboveZ = (seven &+ 0x25 &* ones) & (0x80 &* ones)
    let upper = atLeastA & ~aboveZ & ~word
    return word | (upper >> 2)
  }

  /// The slot of the key `buffer[range]`, or `nil` when it was never inserted.
  func slot(of range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    slot(of: range, hash: hash(range, in: buffer), in: buffer)
  }

  /// The slot of the key `buffer[range]` whose hash is `hash`, or `nil`.
  func slot(of range: Range<Int>, hash: UInt64, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    table.slot(hash: hash) { slot in
      Self.equal(starts[slot]..<ends[slot], range, in: buffer, foldsCase: foldsCase)
    }
  }

  /// Adds the key `buffer[range]`, which must not be in the table yet; returns its slot.
  @discardableResult
  mutating func insert(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
    insert(range, hash: hash(range, in: buffer))
  }

  /// Adds a key whose hash is `hash`, which must not be in the table yet; returns its slot.
  @discardableResult
  mutating func insert(_ range: Range<Int>, hash: UInt64) -> Int {
    starts.append(range.lowerBound)
    ends.append(range.upperBound)
    return table.insert(hash: hash)
  }

  /// Whether `buffer[a]` and `buffer[b]` hold the same bytes (with `foldsCase`, once their
  /// ASCII letters are in lower case).
  static func equal(
    _ a: Range<Int>, _ b: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>,
    foldsCase: Bool = false
  ) -> Bool {
    guard a.count == b.count else { return false }
    var i = a.lowerBound
    var j = b.lowerBound
    // Eight bytes at a time; the last few as the word that ends the range (overlapping the
    // previous one), or one by one when the key is shorter than a word.
    let raw = UnsafeRawBufferPointer(buffer)
    @inline(__always) func sameWords(_ x: Int, _ y: Int) -> Bool {
      let first = raw.loadUnaligned(fromByteOffset: x, as: UInt64.self)
      let second = raw.loadUnaligned(fromByteOffset: y, as: UInt64.self)
      return first == second
        || (foldsCase && lowercasedASCII(first) == lowercasedASCII(second))
    }
    if a.count >= 8 {
      while i + 8 <= a.upperBound {
        if !sameWords(i, j) { return false }
        i += 8
        j += 8
      }
      return i == a.upperBound || sameWords(a.upperBound - 8, b.upperBound - 8)
    }
    while i < a.upperBound {
      let x = buffer[i]
      let y = buffer[j]
      if x != y, !foldsCase || lowercased(x) != lowercased(y) { return false }
      i += 1
      j += 1
    }
    return true
  }
}

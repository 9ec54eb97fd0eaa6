/// Maps ids given as byte slices to dense indices `0, 1, 2, ...` in order of first sight, with
/// an open-addressing hash table over a byte arena: no `String` is made per row.
struct IDInterner {
  /// All distinct ids, back to back.
  private(set) var arena: [UInt8] = []
  /// `starts[i] ..< starts[i + 1]` is id `i` in the arena.
  private(set) var starts: [Int] = [0]
  /// Slots hold `index + 1`, or 0 when empty. The count is a power of two.
  private var slots: [Int32]
  private var mask: Int

  /// The number of distinct ids.
  var count: Int { starts.count - 1 }

  /// Creates an interner sized for about `expected` ids.
  init(expected: Int) {
    var capacity = 16
    while capacity < 2 * expected { capacity *= 2 }
    slots = [Int32](repeating: 0, count: capacity)
    mask = capacity - 1
  }

  /// The index of an id, adding it when new.
  /// - Complexity: amortised O(length of the id).
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { break }
      let index = entry - 1
      if arena[starts[index]..<starts[index + 1]].elementsEqual(bytes) {
        return Int32(truncatingIfNeeded: index)
      }
      slot = (slot + 1) & mask
    }
    let index = count
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    slots[slot] = Int32(truncatingIfNeeded: index + 1)
    if 2 * count > slots.count { grow() }
    return Int32(truncatingIfNeeded: index)
  }

  /// The id at an index, as a string.
  func id(at index: Int) -> String {
    String(decoding: arena[starts[index]..<starts[index + 1]], as: UTF8.self)
  }

  /// Doubles the table and reinserts every id.
  private mutating func grow() {
    let capacity = slots.count * 2
    slots = [Int32](repeating: 0, count: capacity)
    mask = capacity - 1
    for index in 0..<count {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in arena[starts[index]..<starts[index + 1]] {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
      var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: index + 1)
    }
  }
}

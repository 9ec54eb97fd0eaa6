/// The one open-addressing hash table of the package: it hands out dense slots `0, 1, 2, ...`
/// in the order keys are inserted, and finds a key's slot again from its hash.
///
/// The table stores no keys. Its users keep each slot's key in their own flat arrays (a range
/// of a buffer, say) and pass the hash and an equality test for the slots it proposes, so a key
/// can be a slice of a large buffer with no copy and no `Dictionary` (which hashes with
/// SipHash). Buckets are probed linearly and kept at most half full; each holds a slot and the
/// high 32 bits of its key's hash, so most mismatches cost no access to the keys.
///
/// ```swift
/// let words = ["red", "green", "red"]
/// var table = OpenAddressingTable(expectedCount: 2)
/// var keys: [String] = []
/// for word in words {
///   let hash = UInt64(truncatingIfNeeded: word.hashValue)
///   if table.slot(hash: hash, where: { keys[$0] == word }) == nil {
///     table.insert(hash: hash)   // 0 for "red", 1 for "green"
///     keys.append(word)
///   }
/// }
/// ```
///
/// - Complexity: expected O(1) probes per lookup or insertion for well-mixed hashes.
package struct OpenAddressingTable: Sendable {
  /// Per bucket: the slot stored there plus one in the high 32 bits, the high 32 bits of its
  /// key's hash in the low ones, or 0 for an empty bucket.
  @usableFromInline
  internal var buckets: [UInt64]
  /// Per slot: its key's hash.
  @usableFromInline
  internal var hashes: [UInt64] = []
  /// `buckets.count - 1`; the bucket count is a power of two.
  @usableFromInline
  internal var mask: Int

  /// An empty table with room for about `expectedCount` keys before it grows.
  ///
  /// ```swift
  /// var table = OpenAddressingTable(expectedCount: 1_000)
  /// ```
  ///
  /// - Parameter expectedCount: the number of keys to make room for.
  /// - Complexity: O(expectedCount).
  @inlinable
  package init(expectedCount: Int) {
    var capacity = 16
    while capacity < 2 * expectedCount { capacity <<= 1 }
    buckets = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
    hashes.reserveCapacity(expectedCount)
  }

  /// The number of keys.
  @inlinable
  package var count: Int { hashes.count }

  /// The hash of the key of `slot`, as it was inserted.
  ///
  /// - Parameter slot: a slot the table handed out.
  /// - Returns: the hash given to ``insert(hash:)`` for that slot.
  /// - Complexity: O(1).
  @inlinable
  package func hash(ofSlot slot: Int) -> UInt64 { hashes[slot] }

  /// The slot of the key whose hash is `hash`, where `matches(slot)` tells whether the key of
  /// a slot with the same hash bits is that key; `nil` when it was never inserted.
  ///
  /// ```swift
  /// table.slot(hash: hash, where: { keys[$0] == word })
  /// ```
  ///
  /// - Parameters:
  ///   - hash: the key's hash, as given to ``insert(hash:)``.
  ///   - matches: whether the key of a slot is the one looked for.
  /// - Returns: the key's slot, or `nil`.
  /// - Complexity: expected O(1) probes, each calling `matches` at most once.
  @inlinable
  package func slot(hash: UInt64, where matches: (Int) -> Bool) -> Int? {
    var bucket = Int(truncatingIfNeeded: hash) & mask
    let tag = hash >> 32
    while true {
      let stored = buckets[bucket]
      if stored == 0 { return nil }
      if stored & 0xFFFF_FFFF == tag {
        let slot = Int(stored >> 32) - 1
        if matches(slot) { return slot }
      }
      bucket = (bucket + 1) & mask
    }
  }

  /// Adds a key whose hash is `hash`, which must not be in the table yet; returns its slot,
  /// the number of keys before the call.
  ///
  /// ```swift
  /// let slot = table.insert(hash: hash)   // keys.count, before keys.append(key)
  /// ```
  ///
  /// - Parameter hash: the key's hash.
  /// - Returns: the new key's slot.
  /// - Complexity: expected O(1), amortized over the table's growth.
  @inlinable
  @discardableResult
  package mutating func insert(hash: UInt64) -> Int {
    if 2 * (count + 1) > buckets.count { rebuild(capacity: buckets.count * 2) }
    let slot = count
    hashes.append(hash)
    place(slot: slot, hash: hash)
    return slot
  }

  /// Makes room for `total` keys in all, so inserting up to there never rehashes.
  ///
  /// ```swift
  /// table.reserve(10_000)
  /// ```
  ///
  /// - Parameter total: the number of keys, in all, to make room for.
  /// - Complexity: O(total) when the table grows, else O(1).
  @inlinable
  package mutating func reserve(_ total: Int) {
    guard 2 * total > buckets.count else { return }
    var capacity = buckets.count
    while capacity < 2 * total { capacity <<= 1 }
    rebuild(capacity: capacity)
    hashes.reserveCapacity(total)
  }

  @inlinable
  internal mutating func place(slot: Int, hash: UInt64) {
    var bucket = Int(truncatingIfNeeded: hash) & mask
    while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
    buckets[bucket] = UInt64(slot + 1) << 32 | hash >> 32
  }

  @inlinable
  internal mutating func rebuild(capacity: Int) {
    buckets = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
    for slot in hashes.indices { place(slot: slot, hash: hashes[slot]) }
  }
}

@_spi(Package) import MembershipGraph

/// A set of person positions below a fixed bound, as a bitmap with a summary bitmap of its
/// non-empty words, so that the smallest positions are walked in order without visiting the
/// empty stretches between them.
struct PositionSet {
  /// Bit `p % 64` of word `p / 64` is set when position `p` is in the set.
  private var words: [UInt64]
  /// Bit `w % 64` of summary word `w / 64` is set when word `w` is not zero.
  private var summary: [UInt64]
  /// How many positions the set holds.
  private(set) var count = 0

  /// An empty set of positions below `bound`.
  /// - Complexity: O(bound / 64).
  init(bound: Int) {
    let wordCount = (max(0, bound) + 63) / 64
    words = [UInt64](repeating: 0, count: wordCount)
    summary = [UInt64](repeating: 0, count: (wordCount + 63) / 64)
  }

  /// Adds a position (nothing when it is in the set already).
  /// - Complexity: O(1).
  mutating func insert(_ position: Int) {
    let (w, bit) = (position >> 6, UInt64(1) << UInt64(position & 63))
    if words[w] & bit != 0 { return }
    if words[w] == 0 { summary[w >> 6] |= UInt64(1) << UInt64(w & 63) }
    words[w] |= bit
    count += 1
  }

  /// Walks the positions in ascending order, calling `visit` on each: `visit` returns whether
  /// to keep the position (`false` removes it) and whether to go on.
  /// - Complexity: O(v + s) for v positions visited and s summary words before the last.
  mutating func walk(_ visit: (Int) -> (keep: Bool, goOn: Bool)) {
    for s in summary.indices where summary[s] != 0 {
      var nonEmpty = summary[s]
      while nonEmpty != 0 {
        let w = s << 6 | nonEmpty.trailingZeroBitCount
        nonEmpty &= nonEmpty - 1
        var bits = words[w]
        while bits != 0 {
          let bit = bits & (0 &- bits)
          bits &= bits - 1
          let (keep, goOn) = visit(w << 6 | bit.trailingZeroBitCount)
          if !keep {
            words[w] &= ~bit
            count -= 1
            if words[w] == 0 { summary[s] &= ~(UInt64(1) << UInt64(w & 63)) }
          }
          if !goOn { return }
        }
      }
    }
  }
}

/// People with room for another team, bucketed by preference key, each bucket a
/// ``PositionSet`` of positions (positions follow id order, so the smallest position is the
/// smallest id).
///
/// Entries go stale when a person's key changes; they are dropped when found, so a person is
/// simply inserted again under their new key.
struct PersonPool {
  /// Positions are below this.
  private let bound: Int
  /// The keys held, ascending, and the set of each (parallel arrays: a pool holds a few keys,
  /// so a set is found by a short search, never by hashing).
  private var keys: [Int] = []
  private var sets: [PositionSet] = []

  /// An empty pool of people at positions below `bound`.
  /// - Complexity: O(1).
  init(bound: Int) { self.bound = bound }

  /// Adds a person under a key.
  /// - Complexity: O(log K) for K keys, plus O(bound / 64 + K) for a key not held yet.
  mutating func insert(_ person: PersonIndex, key: Int) {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    if low == keys.count || keys[low] != key {
      keys.insert(key, at: low)
      sets.insert(PositionSet(bound: bound), at: low)
    }
    sets[low].insert(person.position)
  }

  /// Up to `limit` people (smallest positions) of the best key that still holds a current
  /// entry, where `currentKey(person)` is the person's key now. Stale entries walked past are
  /// dropped.
  /// - Complexity: O(limit + s) for s stale entries dropped, plus the summary words walked.
  mutating func bestTier(limit: Int, currentKey: (PersonIndex) -> Int)
    -> (key: Int, people: [PersonIndex])?
  {
    var i = 0
    while i < keys.count {
      let key = keys[i]
      var found: [PersonIndex] = []
      if limit > 0 {
        sets[i].walk { position in
          let person = PersonIndex(unchecked: position)
          guard currentKey(person) == key else { return (false, true) }
          found.append(person)
          return (true, found.count < limit)
        }
      }
      if sets[i].count > 0 {
        i += 1
      } else {
        keys.remove(at: i)
        sets.remove(at: i)
      }
      if !found.isEmpty { return (key, found) }
    }
    return nil
  }
}

/// One ``PersonPool`` per kind of staff (fit class), so the best people who fit a team are
/// found without walking everyone of a kind that does not fit it.
struct KindPools {
  private var pools: [PersonPool]

  /// Pools for `kinds` kinds of staff at positions below `bound`.
  /// - Complexity: O(kinds).
  init(kinds: Int, bound: Int) {
    pools = [PersonPool](repeating: PersonPool(bound: bound), count: kinds)
  }

  /// Adds a person of a kind under a key.
  /// - Complexity: O(1), plus O(bound / 64) for a key the kind does not hold yet.
  mutating func insert(_ person: PersonIndex, kind: Int, key: Int) {
    pools[kind].insert(person, key: key)
  }

  /// Up to `limit` people (smallest positions) of the best current key among the kinds where
  /// `accepted[kind]`, with that key.
  /// - Complexity: O(kinds) times ``PersonPool/bestTier(limit:currentKey:)``.
  mutating func bestTier(accepted: [Bool], limit: Int, currentKey: (PersonIndex) -> Int)
    -> (key: Int, people: [PersonIndex])?
  {
    var best: (key: Int, people: [PersonIndex])?
    for kind in pools.indices where accepted[kind] {
      guard let tier = pools[kind].bestTier(limit: limit, currentKey: currentKey) else {
        continue
      }
      if let current = best, current.key < tier.key { continue }
      if let current = best, current.key == tier.key {
        best?.people = Self.merged(current.people, tier.people, limit: limit)
      } else {
        best = tier
      }
    }
    return best
  }

  /// The first `limit` people of two ascending lists with no one in both, ascending: what
  /// sorting the two together gives, in one pass.
  /// - Complexity: O(limit).
  static func merged(_ a: [PersonIndex], _ b: [PersonIndex], limit: Int) -> [PersonIndex] {
    var result: [PersonIndex] = []
    result.reserveCapacity(min(limit, a.count + b.count))
    var (i, j) = (0, 0)
    while result.count < limit && (i < a.count || j < b.count) {
      if j == b.count || (i < a.count && a[i] < b[j]) {
        result.append(a[i])
        i += 1
      } else {
        result.append(b[j])
        j += 1
      }
    }
    return result
  }
}

@_spi(Package) import MembershipGraph

/// People with room for another team, bucketed by preference key, each bucket a binary min-heap
/// of positions (positions follow id order, so the heap's top is the smallest id).
///
/// Entries go stale when a person's key changes; they are skipped when found, so a person is
/// simply inserted again under their new key.
struct PersonPool {
  private var heaps: [Int: BinaryHeap<Int32>] = [:]

  /// Adds a person under a key.
  /// - Complexity: O(log n).
  mutating func insert(_ person: PersonIndex, key: Int) {
    heaps[key, default: BinaryHeap()].insert(person.rawValue)
  }

  /// Up to `limit` people (smallest positions) of the best key that still holds a current
  /// entry, where `currentKey(person)` is the person's key now.
  /// - Complexity: O((limit + s) log n) for s stale entries dropped, plus O(K log K) for K keys.
  mutating func bestTier(limit: Int, currentKey: (PersonIndex) -> Int)
    -> (key: Int, people: [PersonIndex])?
  {
    for key in heaps.keys.sorted() {
      guard var heap = heaps.removeValue(forKey: key) else { continue }
      var found: [Int32] = []
      while found.count < limit, let top = heap.popMin() {
        if currentKey(PersonIndex(raw: top)) == key && found.last != top { found.append(top) }
      }
      for person in found { heap.insert(person) }
      if !heap.isEmpty { heaps[key] = heap }
      if !found.isEmpty { return (key, found.map { PersonIndex(raw: $0) }) }
    }
    return nil
  }
}

/// One ``PersonPool`` per kind of staff (fit class), so the best people who fit a team are
/// found without popping everyone of a kind that does not fit it.
struct KindPools {
  private var pools: [PersonPool]

  /// Pools for `kinds` kinds of staff.
  /// - Complexity: O(kinds).
  init(kinds: Int) { pools = [PersonPool](repeating: PersonPool(), count: kinds) }

  /// Adds a person of a kind under a key.
  /// - Complexity: O(log n).
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
        best?.people = Array((current.people + tier.people).sorted().prefix(limit))
      } else {
        best = tier
      }
    }
    return best
  }
}

import Testing

@testable import MembershipGraph

struct OpenAddressingTableTests {
  /// A table of strings over the shared core, as its users build one.
  struct Interner {
    var table: OpenAddressingTable
    var keys: [String] = []
    let hash: (String) -> UInt64

    init(expectedCount: Int, hash: @escaping (String) -> UInt64) {
      table = OpenAddressingTable(expectedCount: expectedCount)
      self.hash = hash
    }

    func slot(of key: String) -> Int? {
      table.slot(hash: hash(key)) { keys[$0] == key }
    }

    mutating func intern(_ key: String) -> Int {
      if let known = slot(of: key) { return known }
      keys.append(key)
      return table.insert(hash: hash(key))
    }
  }

  /// A well-mixed hash (SplitMix64's finalizer over the UTF-8 bytes).
  static func mixed(_ key: String) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    for byte in key.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    return hash
  }

  @Test func anEmptyTableFindsNothing() {
    let table = OpenAddressingTable(expectedCount: 0)
    #expect(table.count == 0)
    #expect(table.slot(hash: 42, where: { _ in true }) == nil)
  }

  @Test func slotsAreDenseInInsertionOrderAndFoundAgain() {
    var interner = Interner(expectedCount: 2, hash: Self.mixed)
    #expect(interner.intern("red") == 0)
    #expect(interner.intern("green") == 1)
    #expect(interner.intern("red") == 0)
    #expect(interner.intern("blue") == 2)
    #expect(interner.table.count == 3)
    #expect(interner.slot(of: "green") == 1)
    #expect(interner.slot(of: "grey") == nil)
    #expect(interner.table.hash(ofSlot: 2) == Self.mixed("blue"))
  }

  @Test(arguments: [(UInt64(1), 0), (2, 1), (3, 1_000), (4, 20_000)])
  func seededKeysMatchADictionaryThroughGrowth(seed: UInt64, expectedCount: Int) {
    // Few distinct keys against many draws, so most calls find a key already there; the
    // table starts small and grows many times.
    var rng = SeededGenerator(seed: seed)
    var interner = Interner(expectedCount: expectedCount, hash: Self.mixed)
    var model: [String: Int] = [:]
    for _ in 0..<6_000 {
      let key = "k\(Int.random(in: 0..<3_000, using: &rng))"
      let expected = model[key] ?? model.count
      model[key] = expected
      #expect(interner.intern(key) == expected)
    }
    #expect(interner.table.count == model.count)
    for (key, slot) in model { #expect(interner.slot(of: key) == slot) }
    #expect(interner.slot(of: "absent") == nil)
  }

  @Test func keysWhoseHashesCollideAreToldApartByTheEqualityTest() {
    // Every key has the same hash: all land in one probe run and only `where` separates them.
    var interner = Interner(expectedCount: 0, hash: { _ in 0xDEAD_BEEF_0000_0007 })
    let keys = (0..<100).map { "c\($0)" }
    for (i, key) in keys.enumerated() { #expect(interner.intern(key) == i) }
    for (i, key) in keys.enumerated() { #expect(interner.slot(of: key) == i) }
    #expect(interner.slot(of: "c100") == nil)
  }

  @Test func keysWithTheSameBucketButDifferentTagsNeverReachTheEqualityTest() {
    var table = OpenAddressingTable(expectedCount: 4)
    table.insert(hash: 0x0000_0001_0000_0005)
    var asked = 0
    let found = table.slot(hash: 0x0000_0002_0000_0005) { _ in
      asked += 1
      return true
    }
    #expect(found == nil)
    #expect(asked == 0)
  }

  @Test func reserveKeepsEverySlotAndItsHash() {
    var interner = Interner(expectedCount: 0, hash: Self.mixed)
    for i in 0..<50 { _ = interner.intern("r\(i)") }
    interner.table.reserve(10_000)
    interner.table.reserve(10)  // smaller than held: no change
    #expect(interner.table.count == 50)
    for i in 0..<50 {
      #expect(interner.slot(of: "r\(i)") == i)
      #expect(interner.table.hash(ofSlot: i) == Self.mixed("r\(i)"))
    }
    #expect(interner.intern("r50") == 50)
  }
}

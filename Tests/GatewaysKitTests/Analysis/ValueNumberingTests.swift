import MembershipGraph
import Testing

@testable import GatewaysKit

struct ValueNumberingTests {
  /// Numbers agree with a dictionary numbering values in the order first seen: short and long
  /// strings, equal strings held in different storage, canonically equal spellings ("é" as one
  /// scalar or two), and more values than the cache has entries.
  @Test(arguments: 0..<40)
  func numbersMatchADictionaryInFirstSeenOrder(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 5)
    let distinct = [8, 40, 1000][seed % 3]
    var pool: [String] = []
    for i in 0..<distinct {
      switch i % 4 {
      case 0: pool.append("Year \(i)")
      case 1: pool.append("A rather long department name, number \(i)")
      case 2: pool.append(i % 8 == 2 ? "Caf\u{E9} \(i)" : "Cafe\u{301} \(i)")
      default: pool.append(String(repeating: "x", count: i % 30))
      }
    }
    var numbering = ValueNumbering()
    var expected: [String: Int] = [:]
    for _ in 0..<5000 {
      let base = pool[Int.random(in: 0..<pool.count, using: &rng)]
      // Sometimes the same text in fresh storage.
      let value =
        Bool.random(using: &rng) ? base : String(decoding: Array(base.utf8), as: UTF8.self)
      let want: Int
      if let known = expected[value] {
        want = known
      } else {
        want = expected.count
        expected[value] = want
      }
      #expect(numbering.number(of: value) == want)
    }
    #expect(numbering.count == expected.count)
  }
}

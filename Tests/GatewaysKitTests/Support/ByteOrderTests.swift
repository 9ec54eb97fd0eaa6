import MembershipGraph
import Testing

@testable import GatewaysKit

struct ByteOrderTests {
  /// Strings with long shared prefixes, repeats, empty strings and non-ASCII bytes.
  static func strings(count: Int, seed: UInt64) -> [String] {
    var rng = SeededGenerator(seed: seed)
    let prefixes = ["", "s", "staff-00", "staff-000", "t\u{E9}", "\u{1F642}", "Z"]
    return (0..<count).map { _ in
      let prefix = prefixes[Int.random(in: 0..<prefixes.count, using: &rng)]
      let digits = Int.random(in: 0..<(count / 2 + 1), using: &rng)
      return Bool.random(using: &rng) ? prefix + String(digits) : prefix
    }
  }

  @Test(arguments: [0, 1, 2, 255, 256, 257, 5000])
  func sortedIndicesAreByteOrderThenPosition(count: Int) {
    let strings = Self.strings(count: count, seed: UInt64(count))
    let expected = Array(strings.indices).sorted { a, b in
      let (x, y) = (Array(strings[a].utf8), Array(strings[b].utf8))
      return x == y ? a < b : x.lexicographicallyPrecedes(y)
    }
    #expect(ByteOrder.sortedIndices(strings) == expected)
  }
}

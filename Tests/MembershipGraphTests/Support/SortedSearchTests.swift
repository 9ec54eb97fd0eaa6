import Testing

@testable import MembershipGraph

struct SortedSearchTests {
  /// The first index whose element satisfies `predicate`, by walking: the oracle.
  static func firstIndex(_ array: [Int], _ predicate: (Int) -> Bool) -> Int {
    array.firstIndex(where: predicate) ?? array.count
  }

  @Test func anEmptyCollectionPartitionsAtItsStart() {
    #expect([Int]().partitioningIndex { $0 >= 0 } == 0)
    #expect(sortedPosition(of: 3, in: [], range: 0..<0) == nil)
  }

  @Test func lowerAndUpperBoundsOfRepeatedValues() {
    let array = [1, 3, 3, 3, 7]
    #expect(array.partitioningIndex { $0 >= 3 } == 1)
    #expect(array.partitioningIndex { $0 > 3 } == 4)
    #expect(array.partitioningIndex { $0 >= 0 } == 0)
    #expect(array.partitioningIndex { $0 > 7 } == 5)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func seededSortedArraysMatchALinearScan(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    for count in [0, 1, 2, 3, 10, 100] {
      let array = (0..<count).map { _ in Int.random(in: 0..<20, using: &rng) }.sorted()
      for target in -1...21 {
        #expect(array.partitioningIndex { $0 >= target } == Self.firstIndex(array) { $0 >= target })
        #expect(array.partitioningIndex { $0 > target } == Self.firstIndex(array) { $0 > target })
      }
    }
  }

  @Test func aSliceReturnsIndicesOfTheWholeArray() {
    let array = [0, 5, 1, 2, 4, 9]
    #expect(array[2..<5].partitioningIndex { $0 >= 2 } == 3)
    #expect(array[2..<5].partitioningIndex { $0 >= 10 } == 5)
  }

  @Test func sortedPositionFindsOnlyInsideTheRange() {
    let array: [Int32] = [9, 1, 4, 6, 8, 2]
    #expect(sortedPosition(of: 4, in: array, range: 1..<5) == 2)
    #expect(sortedPosition(of: 8, in: array, range: 1..<5) == 4)
    #expect(sortedPosition(of: 9, in: array, range: 1..<5) == nil)
    #expect(sortedPosition(of: 5, in: array, range: 1..<5) == nil)
    #expect(sortedPosition(of: 2, in: array, range: 1..<5) == nil)
    #expect(sortedPosition(of: 1, in: array, range: 1..<1) == nil)
  }
}

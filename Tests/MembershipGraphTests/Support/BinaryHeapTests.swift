import Testing

@_spi(Package) @testable import MembershipGraph

struct BinaryHeapTests {
  /// An element ordered by `key` alone, so two with the same key are a tie for the heap.
  struct Keyed: Comparable {
    let key: Int
    let tag: Int
    static func < (a: Keyed, b: Keyed) -> Bool { a.key < b.key }
    static func == (a: Keyed, b: Keyed) -> Bool { a.key == b.key && a.tag == b.tag }
  }

  /// Seeded values with many repeats: `count` draws from `0..<range`.
  static func values(seed: UInt64, count: Int, range: Int) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Int.random(in: 0..<range, using: &rng) }
  }

  static func drain<E>(_ heap: inout BinaryHeap<E>) -> [E] {
    var out: [E] = []
    while let next = heap.popMin() { out.append(next) }
    return out
  }

  @Test func anEmptyHeapHasNoMinimumAndPopsNil() {
    var heap = BinaryHeap<Int>()
    #expect(heap.isEmpty)
    #expect(heap.count == 0)
    #expect(heap.min == nil)
    #expect(heap.popMin() == nil)
    #expect(heap.isEmpty)
  }

  @Test func aSingleElementIsTheMinimumUntilPopped() {
    var heap = BinaryHeap<Int>()
    heap.insert(4)
    #expect(heap.min == 4)
    #expect(heap.count == 1)
    #expect(heap.popMin() == 4)
    #expect(heap.popMin() == nil)
  }

  @Test(arguments: [(UInt64(1), 0, 10), (2, 1, 10), (3, 2, 2), (4, 100, 1_000), (5, 500, 7)])
  func insertsThenPopsComeOutSorted(seed: UInt64, count: Int, range: Int) {
    let input = Self.values(seed: seed, count: count, range: range)
    var heap = BinaryHeap<Int>()
    for value in input {
      heap.insert(value)
      #expect(heap.min == heap.unordered.min())
    }
    #expect(heap.isValid)
    #expect(heap.count == input.count)
    #expect(Self.drain(&heap) == input.sorted())
  }

  @Test(arguments: [(UInt64(11), 0), (12, 1), (13, 2), (14, 3), (15, 257), (16, 1_000)])
  func heapifyingASequenceGivesAValidHeapThatPopsSorted(seed: UInt64, count: Int) {
    let input = Self.values(seed: seed, count: count, range: 50)
    var heap = BinaryHeap(input)
    #expect(heap.isValid)
    #expect(heap.count == count)
    #expect(heap.min == input.min())
    #expect(Self.drain(&heap) == input.sorted())
  }

  @Test func heapifyingAlreadySortedOrReversedInputWorks() {
    var ascending = BinaryHeap(0..<64)
    var descending = BinaryHeap((0..<64).reversed())
    #expect(ascending.isValid && descending.isValid)
    #expect(Self.drain(&ascending) == Array(0..<64))
    #expect(Self.drain(&descending) == Array(0..<64))
  }

  @Test(arguments: [UInt64(21), 22, 23])
  func interleavedInsertsPopsAndReplacesMatchASortedModel(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var heap = BinaryHeap<Int>()
    var model: [Int] = []  // kept sorted
    for _ in 0..<2_000 {
      let value = Int.random(in: 0..<100, using: &rng)
      switch Int.random(in: 0..<3, using: &rng) {
      case 0:
        heap.insert(value)
        model.insert(value, at: model.firstIndex { $0 > value } ?? model.count)
      case 1:
        let popped = heap.popMin()
        #expect(popped == (model.isEmpty ? nil : model.removeFirst()))
      default:
        guard !model.isEmpty else { continue }
        let old = heap.replaceMin(with: value)
        #expect(old == model.removeFirst())
        model.insert(value, at: model.firstIndex { $0 > value } ?? model.count)
      }
      #expect(heap.min == model.first)
      #expect(heap.count == model.count)
    }
    #expect(heap.isValid)
    #expect(Self.drain(&heap) == model)
  }

  @Test func replaceMinReturnsTheOldMinimumAndKeepsTheOrder() {
    var heap = BinaryHeap([1, 5, 3])
    #expect(heap.replaceMin(with: 9) == 1)
    #expect(heap.min == 3)
    #expect(heap.replaceMin(with: 0) == 3)
    #expect(heap.min == 0)
    #expect(Self.drain(&heap) == [0, 5, 9])
  }

  @Test func withATieBreakInTheOrderPopsAreExactlyTheSortedOrder() {
    // (key, tag) tuples compared as a whole: a total order, so the output is fully fixed.
    struct Total: Comparable {
      let key: Int
      let tag: Int
      static func < (a: Total, b: Total) -> Bool { (a.key, a.tag) < (b.key, b.tag) }
    }
    let keys = Self.values(seed: 31, count: 300, range: 4)
    let input = keys.enumerated().map { Total(key: $0.element, tag: $0.offset) }
    var heap = BinaryHeap(input.reversed())
    #expect(Self.drain(&heap) == input.sorted())
  }

  @Test func tiesComeOutGroupedByKeyAndTheSameOnEveryRun() {
    let keys = Self.values(seed: 41, count: 400, range: 5)
    let input = keys.enumerated().map { Keyed(key: $0.element, tag: $0.offset) }
    func run() -> [Keyed] {
      var heap = BinaryHeap<Keyed>()
      for element in input { heap.insert(element) }
      return Self.drain(&heap)
    }
    let first = run()
    #expect(first.map(\.key) == keys.sorted())
    #expect(first.map(\.tag).sorted() == Array(0..<input.count))
    #expect(run() == first)
  }

  @Test func reserveCapacityKeepsTheContents() {
    var heap = BinaryHeap([2, 1])
    heap.reserveCapacity(100)
    #expect(heap.count == 2)
    #expect(Self.drain(&heap) == [1, 2])
  }
}

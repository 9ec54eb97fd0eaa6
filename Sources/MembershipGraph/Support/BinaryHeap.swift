/// A binary min-heap: the smallest element is at hand in O(1), and adding or taking one costs
/// O(log n). The one heap of the package; its users order their elements by wrapping them in a
/// small `Comparable` struct whose `<` is the order they need.
///
/// ```swift
/// var heap = BinaryHeap([5, 1, 4])
/// heap.insert(2)
/// heap.popMin()   // 1
/// heap.min        // 2
/// ```
///
/// Elements that are neither smaller nor larger than each other come out in an order that is
/// not specified but is the same on every run for the same calls; give `<` a final tie-break
/// (a position, an id) when the order of ties matters, and `popMin()` then returns exactly the
/// sorted order.
///
/// The array layout is the classic one (Williams 1964): the children of position `i` are at
/// `2i + 1` and `2i + 2`, and no child is smaller than its parent.
///
/// Shared by the package's modules but not part of its API: it is `public` only under the
/// `Package` SPI (`@_spi(Package) import MembershipGraph`), because the compiler specialises
/// `@inlinable` generic code across modules only when it is public. As a `package` type, every
/// call from another module went through witness tables (four times slower at 10^6 in
/// `suggest`).
@_spi(Package)
public struct BinaryHeap<Element: Comparable> {
  /// The elements in heap order: `storage[0]` is the smallest.
  @usableFromInline
  internal var storage: [Element]

  /// An empty heap.
  ///
  /// ```swift
  /// var heap = BinaryHeap<Int>()
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public init() { storage = [] }

  /// A heap of the given elements, arranged in place (Floyd 1964).
  ///
  /// ```swift
  /// let heap = BinaryHeap([3, 1, 2])   // heap.min == 1
  /// ```
  ///
  /// - Parameter elements: the elements, in any order.
  /// - Complexity: O(n) for n elements.
  @inlinable
  public init(_ elements: some Sequence<Element>) {
    storage = Array(elements)
    var parent = storage.count / 2
    while parent > 0 {
      parent -= 1
      siftDown(from: parent)
    }
  }

  /// The number of elements.
  @inlinable
  public var count: Int { storage.count }

  /// Whether the heap holds no element.
  @inlinable
  public var isEmpty: Bool { storage.isEmpty }

  /// The smallest element, or `nil` when the heap is empty; the heap is unchanged.
  ///
  /// - Complexity: O(1).
  @inlinable
  public var min: Element? { storage.first }

  /// The elements in heap order (the first is the smallest; the rest in no useful order).
  @inlinable
  public var unordered: [Element] { storage }

  /// Makes room for `capacity` elements without reallocating.
  ///
  /// ```swift
  /// heap.reserveCapacity(1_000)
  /// ```
  ///
  /// - Parameter capacity: the number of elements to make room for.
  /// - Complexity: O(n) for the n elements held, when the storage grows.
  @inlinable
  public mutating func reserveCapacity(_ capacity: Int) {
    storage.reserveCapacity(capacity)
  }

  /// Adds an element.
  ///
  /// ```swift
  /// heap.insert(7)
  /// ```
  ///
  /// - Parameter element: the element to add.
  /// - Complexity: O(log n), amortized over the storage's growth.
  @inlinable
  public mutating func insert(_ element: Element) {
    storage.append(element)
    siftUp(from: storage.count - 1)
  }

  /// Removes and returns the smallest element, or returns `nil` when the heap is empty.
  ///
  /// ```swift
  /// while let next = heap.popMin() { visit(next) }
  /// ```
  ///
  /// - Returns: the smallest element, or `nil` when there is none.
  /// - Complexity: O(log n).
  @inlinable
  public mutating func popMin() -> Element? {
    guard let last = storage.popLast() else { return nil }
    guard !storage.isEmpty else { return last }
    let top = storage[0]
    storage[0] = last
    siftDown(from: 0)
    return top
  }

  /// Replaces the smallest element with `replacement` and returns the element it replaced:
  /// one sift instead of a pop and an insert.
  ///
  /// ```swift
  /// var heap = BinaryHeap([1, 5])
  /// heap.replaceMin(with: 9)   // 1; the heap now holds 5 and 9
  /// ```
  ///
  /// - Precondition: the heap is not empty.
  /// - Parameter replacement: the element that takes the smallest one's place.
  /// - Returns: the smallest element before the call.
  /// - Complexity: O(log n).
  @inlinable
  @discardableResult
  public mutating func replaceMin(with replacement: Element) -> Element {
    precondition(!storage.isEmpty, "replaceMin(with:) on an empty heap")
    let top = storage[0]
    storage[0] = replacement
    siftDown(from: 0)
    return top
  }

  /// Moves the element at `index` up until its parent is not larger.
  @inlinable
  internal mutating func siftUp(from index: Int) {
    var child = index
    while child > 0 {
      let parent = (child - 1) / 2
      if !(storage[child] < storage[parent]) { return }
      storage.swapAt(parent, child)
      child = parent
    }
  }

  /// Moves the element at `index` down until no child is smaller.
  @inlinable
  internal mutating func siftDown(from index: Int) {
    var parent = index
    let count = storage.count
    while true {
      let left = 2 * parent + 1
      if left >= count { return }
      let right = left + 1
      let child = right < count && storage[right] < storage[left] ? right : left
      if !(storage[child] < storage[parent]) { return }
      storage.swapAt(parent, child)
      parent = child
    }
  }

  /// Whether no element is smaller than its parent: the invariant every operation keeps.
  /// - Complexity: O(n).
  internal var isValid: Bool {
    storage.indices.dropFirst().allSatisfy { !(storage[$0] < storage[($0 - 1) / 2]) }
  }
}

extension BinaryHeap: Sendable where Element: Sendable {}

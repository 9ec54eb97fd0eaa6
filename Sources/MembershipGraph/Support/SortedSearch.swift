/// The one binary search of the package, in two forms: the first position of a sorted
/// collection where a predicate starts to hold, and the position of a value in a sorted range.
extension RandomAccessCollection {
  /// The first index whose element satisfies `isAtOrAfter`, or `endIndex` when none does; the
  /// collection must be partitioned by it (every element that fails it comes before every
  /// element that satisfies it), as a collection sorted by the key the predicate tests is.
  ///
  /// ```swift
  /// [1, 3, 3, 7].partitioningIndex { $0 >= 3 }   // 1, the lower bound of 3
  /// [1, 3, 3, 7].partitioningIndex { $0 > 3 }    // 3, the upper bound of 3
  /// ```
  ///
  /// - Parameter isAtOrAfter: whether an element is in the second part.
  /// - Returns: the index where the second part starts.
  /// - Complexity: O(log n) calls of the predicate for n elements.
  @inlinable
  package func partitioningIndex(where isAtOrAfter: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if try isAtOrAfter(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}

/// The position of `target` in `array[range]`, which is sorted ascending, or `nil` when it is
/// not there. Shared by every lookup in the graph's sorted adjacency lists.
///
/// ```swift
/// sortedPosition(of: 7, in: [1, 3, 7, 9], range: 0..<4)   // 2
/// ```
///
/// - Complexity: O(log n) for a range of n elements.
@inlinable
package func sortedPosition(of target: Int32, in array: [Int32], range: Range<Int>) -> Int? {
  let position = array[range].partitioningIndex { $0 >= target }
  return position < range.upperBound && array[position] == target ? position : nil
}

/// The position of `target` in `array[range]`, which is sorted ascending, or `nil` when it is
/// not there. Shared by every lookup in the graph's sorted adjacency lists.
/// - Complexity: O(log n) for a range of n elements.
@inlinable
package func sortedPosition(of target: Int32, in array: [Int32], range: Range<Int>) -> Int? {
  var lo = range.lowerBound
  var hi = range.upperBound
  while lo < hi {
    let mid = (lo + hi) / 2
    let value = array[mid]
    if value == target { return mid }
    if value < target { lo = mid + 1 } else { hi = mid }
  }
  return nil
}

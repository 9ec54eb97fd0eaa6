/// One part of a connected component that removing a person leaves apart: how many groups and
/// people it holds, and its smallest group. ``SeparationIndex/firstGroups(of:limit:)`` lists its
/// groups.
///
/// The people of a part are the people, other than the one removed, who are on its groups:
/// every one of them is on groups of this part only (a person on groups of two parts would
/// join them).
///
/// ```swift
/// let part = separations.parts(separatedBy: p).first!
/// print(part.groupCount, part.personCount, part.smallestGroup)   // 2 3 g4
/// ```
public struct SeparatedPart: Sendable, Hashable {
  /// The number of groups in the part (at least one: a person's neighbours are groups).
  public let groupCount: Int
  /// The number of people in the part, the removed person not counted.
  public let personCount: Int
  /// The part's group with the smallest index.
  public let smallestGroup: GroupIndex
  /// The part's groups as runs of ``SeparationIndex``'s groups in depth-first preorder,
  /// ascending and disjoint.
  let runs: [Range<Int>]
}

/// Answers, for any person, how many groups and people are in each part its removal would
/// leave apart, and which groups come first in each part, without listing whole parts.
///
/// Listing every group of every part, as ``CutStructure/separatedGroups(by:)`` does, takes time
/// and space that grow with the square of a component on a path-like graph: the middle person
/// of a path of n groups separates two halves of n/2, its neighbour n/2 - 1 and n/2 + 1, and so
/// on. This index instead reads each part's counts from the depth-first tree of the
/// ``CutStructure``: every subtree is a run of the preorder, so prefix sums of the groups in
/// preorder give the groups and people of a subtree in O(1), and the part holding the
/// depth-first parent is the component minus the separated subtrees. The first groups of a
/// part, in ascending order, come from a merge-sort tree over the groups in preorder (sorted
/// runs of 1, 2, 4, ... groups): a run of the preorder is the union of O(log G) sorted runs,
/// merged with a small heap until enough groups are out.
///
/// ```swift
/// let separations = graph.cutStructure().separationIndex()
/// for part in separations.parts(separatedBy: p) {      // smallest first, largest last
///   print(part.groupCount, separations.firstGroups(of: part, limit: 3))
/// }
/// ```
public struct SeparationIndex: Sendable {
  /// The cut structure the index reads.
  let cuts: CutStructure
  /// `groupsBefore[i]` is the number of groups at preorder positions `< i` (`nodeCount + 1`
  /// entries), so the groups of the preorder run `a..<b` are `groupsBefore[a]..<groupsBefore[b]`
  /// in ``levels``' indexing.
  let groupsBefore: [Int32]
  /// The merge-sort tree: `levels[0]` is every group in preorder; in `levels[j]` each aligned
  /// block of `1 << j` entries is sorted ascending.
  let levels: [[Int32]]

  /// Builds the index.
  /// - Complexity: O(N + G log G) time and O(N + G log G) memory for N nodes and G groups.
  init(cuts: CutStructure) {
    self.cuts = cuts
    let n = cuts.order.count
    let shift = Int32(truncatingIfNeeded: cuts.personCount)
    var before = [Int32](repeating: 0, count: n + 1)
    var inPreorder: [Int32] = []
    inPreorder.reserveCapacity(max(0, n - cuts.personCount))
    for i in 0..<n {
      let node = cuts.order[i]
      if node >= shift { inPreorder.append(node - shift) }
      before[i + 1] = Int32(truncatingIfNeeded: inPreorder.count)
    }
    groupsBefore = before
    var levels = [inPreorder]
    let count = inPreorder.count
    var width = 1
    // Merge aligned pairs of sorted blocks of `width` into blocks of `2 * width`.
    while width * 2 <= count {
      let source = levels[levels.count - 1]
      var merged = [Int32](repeating: 0, count: count)
      var start = 0
      while start < count {
        let middle = min(start + width, count)
        let end = min(start + 2 * width, count)
        var i = start
        var j = middle
        var k = start
        while i < middle && j < end {
          if source[i] <= source[j] {
            merged[k] = source[i]
            i += 1
          } else {
            merged[k] = source[j]
            j += 1
          }
          k += 1
        }
        while i < middle {
          merged[k] = source[i]
          i += 1
          k += 1
        }
        while j < end {
          merged[k] = source[j]
          j += 1
          k += 1
        }
        start = end
      }
      levels.append(merged)
      width *= 2
    }
    self.levels = levels
  }

  /// The parts that removing a person leaves apart, ordered by group count, then person count,
  /// then smallest group, ascending: the largest part comes last.
  ///
  /// Empty when the person is not an articulation point; otherwise at least two parts.
  ///
  /// ```swift
  /// // p1 is the only link between {g0} and {g1, g2}:
  /// separations.parts(separatedBy: PersonIndex(1)).map(\.groupCount)   // [1, 2]
  /// ```
  ///
  /// - Precondition: the person belongs to the graph the index was built from.
  /// - Complexity: O(d log G + d log d) for a person with d depth-first children (at most its
  ///   degree): summed over every person, O(E log G).
  public func parts(separatedBy person: PersonIndex) -> [SeparatedPart] {
    let v = person.position
    precondition(v < cuts.personCount, "person index \(person) out of range")
    guard cuts.isCut[v] else { return [] }
    let start = Int(cuts.preorder[v])
    let end = start + Int(cuts.subtreeSize[v])
    let rootStart = Int(cuts.rootOfPreorder(start))
    let rootEnd = rootStart + Int(cuts.subtreeSize[Int(cuts.order[rootStart])])
    let hasParent = rootStart != start
    var parts: [SeparatedPart] = []
    // The parent's part: the component outside v's subtree, plus the subtrees of children
    // that reach above v by a back edge.
    var parentRuns: [Range<Int>] = []
    var parentGroups = 0
    var parentNodes = 0
    func addToParent(_ a: Int, _ b: Int) {
      guard a < b else { return }
      let run = Int(groupsBefore[a])..<Int(groupsBefore[b])
      parentGroups += run.count
      parentNodes += b - a
      if !run.isEmpty { parentRuns.append(run) }
    }
    if hasParent { addToParent(rootStart, start) }
    var i = start + 1
    while i < end {
      let child = Int(cuts.order[i])
      let childEnd = i + Int(cuts.subtreeSize[child])
      if !hasParent || Int(cuts.low[child]) >= start {
        let run = Int(groupsBefore[i])..<Int(groupsBefore[childEnd])
        parts.append(
          SeparatedPart(
            groupCount: run.count, personCount: (childEnd - i) - run.count,
            smallestGroup: smallest(in: [run]), runs: [run]))
      } else {
        addToParent(i, childEnd)
      }
      i = childEnd
    }
    if hasParent {
      addToParent(end, rootEnd)
      parts.append(
        SeparatedPart(
          groupCount: parentGroups, personCount: parentNodes - parentGroups,
          smallestGroup: smallest(in: parentRuns), runs: parentRuns))
    }
    parts.sort {
      ($0.groupCount, $0.personCount, $0.smallestGroup)
        < ($1.groupCount, $1.personCount, $1.smallestGroup)
    }
    return parts
  }

  /// The first groups of a part in ascending order: all of them when `limit` is `nil` or at
  /// least the part's ``SeparatedPart/groupCount``, else the `limit` smallest.
  ///
  /// ```swift
  /// separations.firstGroups(of: part, limit: 2)   // [g4, g7]
  /// ```
  ///
  /// - Precondition: the part came from this index; `limit` is not negative.
  /// - Complexity: O(r log G + k log(r log G)) for a part of r runs (one, except for the part
  ///   holding the depth-first parent) and k groups listed.
  public func firstGroups(of part: SeparatedPart, limit: Int?) -> [GroupIndex] {
    precondition((limit ?? 0) >= 0, "negative limit")
    let wanted = min(limit ?? part.groupCount, part.groupCount)
    if wanted == 0 { return [] }
    var blocks = sortedBlocks(of: part.runs)
    // The block heads, smallest first (the blocks hold distinct groups, so no two tie).
    var heap = BinaryHeap(
      blocks.indices.map { BlockHead(value: levels[blocks[$0].level][blocks[$0].next], block: $0) })
    var result: [GroupIndex] = []
    result.reserveCapacity(wanted)
    while result.count < wanted, let top = heap.min {
      result.append(GroupIndex(raw: top.value))
      blocks[top.block].next += 1
      let block = blocks[top.block]
      if block.next < block.end {
        heap.replaceMin(with: BlockHead(value: levels[block.level][block.next], block: top.block))
      } else {
        _ = heap.popMin()
      }
    }
    return result
  }

  /// The next group of a block, ordered by the group alone.
  private struct BlockHead: Comparable {
    let value: Int32
    let block: Int
    static func < (a: BlockHead, b: BlockHead) -> Bool { a.value < b.value }
    static func == (a: BlockHead, b: BlockHead) -> Bool { a.value == b.value }
  }

  /// One sorted block of the merge-sort tree, with a read cursor.
  private struct Block {
    let level: Int
    var next: Int
    let end: Int
  }

  /// The aligned sorted blocks whose union is the given runs: O(log G) per run.
  private func sortedBlocks(of runs: [Range<Int>]) -> [Block] {
    var blocks: [Block] = []
    for run in runs {
      var low = run.lowerBound
      var high = run.upperBound
      var level = 0
      // `low` and `high` stay multiples of `1 << level`; a block that does not pair up into
      // the next level is taken at this one.
      while low < high {
        let width = 1 << level
        if (low >> level) & 1 == 1 {
          blocks.append(Block(level: level, next: low, end: low + width))
          low += width
        }
        if low < high && (high >> level) & 1 == 1 {
          blocks.append(Block(level: level, next: high - width, end: high))
          high -= width
        }
        level += 1
      }
    }
    return blocks
  }

  /// The smallest group of a non-empty union of runs: the smallest block head.
  private func smallest(in runs: [Range<Int>]) -> GroupIndex {
    var best = Int32.max
    for block in sortedBlocks(of: runs) {
      let head = levels[block.level][block.next]
      if head < best { best = head }
    }
    return GroupIndex(raw: best)
  }

}

extension CutStructure {
  /// An index that counts and lists the parts a person's removal leaves apart.
  ///
  /// ```swift
  /// let separations = graph.cutStructure().separationIndex()
  /// ```
  ///
  /// - Complexity: O(N + G log G) time and memory for N nodes and G groups.
  public func separationIndex() -> SeparationIndex { SeparationIndex(cuts: self) }
}

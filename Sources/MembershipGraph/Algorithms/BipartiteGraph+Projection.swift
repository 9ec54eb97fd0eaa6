/// A link of a ``GroupProjection``: two groups that share at least one person.
///
/// The weights follow NetworkX's bipartite module: a plain count of shared people, Newman's
/// collaboration weight and the Jaccard overlap of the two member sets.
///
/// ```swift
/// let link = graph.groupProjection().link(at: 0)
/// print(link.first, link.second, link.sharedCount, link.overlap)
/// ```
public struct GroupLink: Sendable, Hashable {
  /// The smaller group of the pair (`first < second`).
  public let first: GroupIndex
  /// The larger group of the pair.
  public let second: GroupIndex
  /// The people on both groups, ascending.
  public let sharedPeople: [PersonIndex]
  /// The number of people on both groups.
  /// - Complexity: O(1).
  public var sharedCount: Int { sharedPeople.count }
  /// Newman's collaboration weight (Newman 2001, "Scientific collaboration networks. II"): the
  /// sum over shared people `p` of `1 / (degree(p) - 1)`, so a person on many groups adds less
  /// to each link.
  public let collaborationWeight: Double
  /// The Jaccard overlap: shared people divided by the size of the union of both member sets.
  public let overlap: Double
}

/// The one-mode projection of a ``BipartiteGraph`` onto its groups: two groups are linked when
/// they share at least one person.
///
/// Links are stored flat, in compressed arrays sorted by `(first, second)`, and each unordered
/// pair appears once. Neighbours of every group are kept in a CSR index too, so both
/// ``link(at:)`` and ``neighbors(of:)`` are O(1) to reach.
///
/// ```swift
/// let projection = graph.groupProjection()
/// for link in projection.links where link.sharedCount > 1 {
///   print(link.first, link.second, link.collaborationWeight)
/// }
/// projection.linkIndex(between: GroupIndex(2), and: GroupIndex(0))  // same as (0, 2)
/// ```
///
/// - Complexity: memory is O(G + L + S) where L is the number of links and S the total number
///   of shared memberships (the sum over people of `C(degree, 2)`).
public struct GroupProjection: Sendable {
  /// The number of groups of the projected graph (every group, linked or not).
  public let groupCount: Int
  /// `linkStart[g] ..< linkStart[g + 1]` are the links whose first group is `g`.
  @usableFromInline let linkStart: [Int32]
  /// The first group of every link.
  @usableFromInline let linkFirst: [Int32]
  /// The second group of every link (ascending within each first group).
  @usableFromInline let linkSecond: [Int32]
  /// `sharedOffsets[l] ..< sharedOffsets[l + 1]` is the slice of `sharedPeopleFlat` of link `l`.
  @usableFromInline let sharedOffsets: [Int]
  /// The shared people of every link, ascending within each link.
  @usableFromInline let sharedPeopleFlat: [Int32]
  /// Newman's collaboration weight of every link.
  @usableFromInline let weights: [Double]
  /// The Jaccard overlap of every link.
  @usableFromInline let overlaps: [Double]
  /// `neighborOffsets[g] ..< neighborOffsets[g + 1]` is the slice of `neighborTargets` of `g`.
  @usableFromInline let neighborOffsets: [Int]
  /// The linked groups of every group, ascending.
  @usableFromInline let neighborTargets: [Int32]
  /// The link of every entry of `neighborTargets`.
  @usableFromInline let neighborLinks: [Int32]

  /// The number of links (unordered pairs of groups sharing someone), each counted once.
  /// - Complexity: O(1).
  public var linkCount: Int { linkFirst.count }

  /// The link at a position of the sorted order `(first, second)`.
  ///
  /// The shared people are copied out of the flat storage into a fresh array.
  ///
  /// ```swift
  /// let link = projection.link(at: 0)
  /// (link.first, link.second, link.sharedPeople.count)
  /// ```
  ///
  /// - Precondition: `0 <= index < linkCount`.
  /// - Complexity: O(shared people of the link).
  public func link(at index: Int) -> GroupLink {
    precondition(index >= 0 && index < linkCount, "link index out of range")
    let shared = sharedPeopleFlat[sharedOffsets[index]..<sharedOffsets[index + 1]].map {
      PersonIndex(raw: $0)
    }
    return GroupLink(
      first: GroupIndex(raw: linkFirst[index]), second: GroupIndex(raw: linkSecond[index]),
      sharedPeople: shared, collaborationWeight: weights[index], overlap: overlaps[index])
  }

  /// Every link, sorted by `(first, second)`.
  ///
  /// ```swift
  /// let heavy = projection.links.filter { $0.sharedCount >= 3 }
  /// ```
  /// - Complexity: O(1) to get; each element access is O(shared people of the link).
  public var links: some RandomAccessCollection<GroupLink> {
    (0..<linkCount).lazy.map { link(at: $0) }
  }

  /// The people on both groups of a link, ascending, without copying them.
  ///
  /// ```swift
  /// Array(projection.sharedPeople(ofLinkAt: 0))   // [p1, p4]
  /// ```
  ///
  /// - Complexity: O(1) to get; the collection is a view on the projection's storage.
  public func sharedPeople(ofLinkAt index: Int) -> some RandomAccessCollection<PersonIndex> {
    sharedPeopleFlat[sharedOffsets[index]..<sharedOffsets[index + 1]].lazy.map {
      PersonIndex(raw: $0)
    }
  }

  /// The first (smaller) and second groups of a link, without building the link.
  ///
  /// ```swift
  /// let (first, second) = projection.groups(ofLinkAt: 0)
  /// ```
  ///
  /// - Complexity: O(1).
  public func groups(ofLinkAt index: Int) -> (first: GroupIndex, second: GroupIndex) {
    (GroupIndex(raw: linkFirst[index]), GroupIndex(raw: linkSecond[index]))
  }

  /// The number of shared people of a link, without building the link.
  ///
  /// ```swift
  /// projection.sharedCount(ofLinkAt: 0)   // 2
  /// ```
  ///
  /// - Complexity: O(1).
  public func sharedCount(ofLinkAt index: Int) -> Int {
    sharedOffsets[index + 1] - sharedOffsets[index]
  }

  /// The groups linked to a group, ascending.
  ///
  /// ```swift
  /// Array(projection.neighbors(of: GroupIndex(0)))   // [g1, g3]
  /// ```
  ///
  /// - Complexity: O(1) to get; the collection is a view on the projection's storage.
  public func neighbors(of group: GroupIndex) -> some RandomAccessCollection<GroupIndex> {
    let g = group.position
    return neighborTargets[neighborOffsets[g]..<neighborOffsets[g + 1]].lazy.map {
      GroupIndex(raw: $0)
    }
  }

  /// The position of the link between two groups, given in either order, or `nil` when they
  /// share no one (or are the same group).
  ///
  /// ```swift
  /// if let l = projection.linkIndex(between: a, and: b) { print(projection.link(at: l)) }
  /// ```
  /// - Complexity: O(log d), by binary search among the links of the smaller group.
  public func linkIndex(between a: GroupIndex, and b: GroupIndex) -> Int? {
    let (low, high) = a < b ? (a, b) : (b, a)
    if low == high { return nil }
    let range = Int(linkStart[low.position])..<Int(linkStart[low.position + 1])
    return sortedPosition(of: high.rawValue, in: linkSecond, range: range)
  }
}

extension BipartiteGraph {
  /// Projects the graph onto its groups: one link per pair of groups sharing a person, with
  /// the shared people, Newman's collaboration weight and the Jaccard overlap.
  ///
  /// The person-to-person projection is never built. For each group `a`, the groups of each
  /// member are walked with a marker array, counting the shared people of every later group
  /// `b > a`; a second walk writes the shared people straight into flat storage.
  ///
  /// ```swift
  /// let projection = graph.groupProjection()
  /// projection.neighbors(of: GroupIndex(0))   // groups sharing someone with g0
  /// ```
  ///
  /// - Complexity: O(G + E + Σ_p degree(p)²) time; O(G + L + S) memory for L links and
  ///   S shared memberships. No recursion.
  public func groupProjection() -> GroupProjection {
    let groupCount = self.groupCount
    var linkStart = [Int32](repeating: 0, count: groupCount + 1)
    var linkFirst: [Int32] = []
    var linkSecond: [Int32] = []
    var sharedOffsets: [Int] = [0]
    var sharedFlat: [Int32] = []
    var weights: [Double] = []
    var overlaps: [Double] = []
    // Per-group scratch, reset only where touched.
    var count = [Int32](repeating: 0, count: groupCount)
    var slot = [Int](repeating: 0, count: groupCount)
    var weight = [Double](repeating: 0, count: groupCount)
    var touched: [Int32] = []

    for a in 0..<groupCount {
      let memberRange = Int(groupOffsets[a])..<Int(groupOffsets[a + 1])
      let a32 = Int32(truncatingIfNeeded: a)
      touched.removeAll(keepingCapacity: true)
      // First walk: count shared people and collaboration weight for every later group.
      for e in memberRange {
        let p = Int(groupTargets[e])
        let groupRange = Int(personOffsets[p])..<Int(personOffsets[p + 1])
        let share = 1.0 / Double(groupRange.count - 1)
        for f in groupRange {
          let b = personTargets[f]
          if b <= a32 { continue }
          let bi = Int(b)
          if count[bi] == 0 { touched.append(b) }
          count[bi] += 1
          weight[bi] += share
        }
      }
      if touched.isEmpty {
        linkStart[a + 1] = Int32(truncatingIfNeeded: linkFirst.count)
        continue
      }
      touched.sort()
      // Reserve each link's slice of the flat shared-people array.
      var base = sharedFlat.count
      for b in touched {
        let bi = Int(b)
        slot[bi] = base
        base += Int(count[bi])
      }
      sharedFlat.append(contentsOf: repeatElement(0, count: base - sharedFlat.count))
      // Second walk: members come in ascending order, so every slice fills ascending.
      for e in memberRange {
        let p = groupTargets[e]
        let pi = Int(p)
        for f in Int(personOffsets[pi])..<Int(personOffsets[pi + 1]) {
          let bi = Int(personTargets[f])
          if bi <= a { continue }
          sharedFlat[slot[bi]] = p
          slot[bi] += 1
        }
      }
      let degreeA = memberRange.count
      for b in touched {
        let bi = Int(b)
        let shared = Int(count[bi])
        let union = degreeA + Int(groupOffsets[bi + 1] - groupOffsets[bi]) - shared
        linkFirst.append(a32)
        linkSecond.append(b)
        sharedOffsets.append(slot[bi])
        weights.append(weight[bi])
        overlaps.append(Double(shared) / Double(union))
        count[bi] = 0
        weight[bi] = 0
      }
      precondition(linkFirst.count < Int(Int32.max), "too many projection links")
      linkStart[a + 1] = Int32(truncatingIfNeeded: linkFirst.count)
    }

    // Neighbour index: links come sorted by (first, second), so appending both ends in link
    // order leaves every neighbour list ascending (smaller neighbours first, then larger).
    var neighborOffsets = [Int](repeating: 0, count: groupCount + 1)
    for l in linkFirst.indices {
      neighborOffsets[Int(linkFirst[l]) + 1] += 1
      neighborOffsets[Int(linkSecond[l]) + 1] += 1
    }
    for g in 0..<groupCount { neighborOffsets[g + 1] += neighborOffsets[g] }
    var cursor = neighborOffsets
    var neighborTargets = [Int32](repeating: 0, count: 2 * linkFirst.count)
    var neighborLinks = [Int32](repeating: 0, count: 2 * linkFirst.count)
    for l in linkFirst.indices {
      let a = Int(linkFirst[l])
      let b = Int(linkSecond[l])
      let link = Int32(truncatingIfNeeded: l)
      neighborTargets[cursor[a]] = linkSecond[l]
      neighborLinks[cursor[a]] = link
      cursor[a] += 1
      neighborTargets[cursor[b]] = linkFirst[l]
      neighborLinks[cursor[b]] = link
      cursor[b] += 1
    }
    return GroupProjection(
      groupCount: groupCount, linkStart: linkStart, linkFirst: linkFirst, linkSecond: linkSecond,
      sharedOffsets: sharedOffsets, sharedPeopleFlat: sharedFlat, weights: weights,
      overlaps: overlaps, neighborOffsets: neighborOffsets, neighborTargets: neighborTargets,
      neighborLinks: neighborLinks)
  }
}

/// The linked groups of one group and the people shared with each, read straight from a
/// ``GroupProjection``'s storage: valid only inside the call that hands it out.
package struct GroupNeighborhood {
  /// The group whose neighbours these are.
  package let group: GroupIndex
  fileprivate let targets: UnsafeBufferPointer<Int32>
  fileprivate let links: UnsafeBufferPointer<Int32>
  fileprivate let sharedOffsets: UnsafeBufferPointer<Int>
  fileprivate let sharedPeople: UnsafeBufferPointer<Int32>

  /// The number of linked groups.
  package var count: Int { targets.count }

  /// The `i`-th linked group, ascending.
  package func neighbor(_ i: Int) -> GroupIndex { GroupIndex(raw: targets[i]) }

  /// The number of people the group shares with its `i`-th linked group.
  /// - Complexity: O(1).
  package func sharedCount(_ i: Int) -> Int {
    let link = Int(links[i])
    return sharedOffsets[link + 1] - sharedOffsets[link]
  }

  /// The people the group shares with its `i`-th linked group, ascending, as positions.
  package func sharedPeople(_ i: Int) -> UnsafeBufferPointer<Int32> {
    let link = Int(links[i])
    return UnsafeBufferPointer(
      rebasing: sharedPeople[sharedOffsets[link]..<sharedOffsets[link + 1]])
  }
}

extension GroupProjection {
  /// Calls `body` with the neighbourhood of every group in `groups`, in order.
  ///
  /// The storage is reached once for the whole range, not once per group or link, so threads
  /// walking different ranges at once do not contend over reference counts.
  /// - Complexity: O(groups + their links + their shared people).
  package func forEachNeighborhood(
    in groups: Range<Int>, _ body: (GroupNeighborhood) -> Void
  ) {
    neighborOffsets.withUnsafeBufferPointer { offsets in
      neighborTargets.withUnsafeBufferPointer { targets in
        neighborLinks.withUnsafeBufferPointer { links in
          sharedOffsets.withUnsafeBufferPointer { sharedOffsets in
            sharedPeopleFlat.withUnsafeBufferPointer { shared in
              for g in groups {
                let range = offsets[g]..<offsets[g + 1]
                body(
                  GroupNeighborhood(
                    group: GroupIndex(g), targets: UnsafeBufferPointer(rebasing: targets[range]),
                    links: UnsafeBufferPointer(rebasing: links[range]),
                    sharedOffsets: sharedOffsets, sharedPeople: shared))
              }
            }
          }
        }
      }
    }
  }
}

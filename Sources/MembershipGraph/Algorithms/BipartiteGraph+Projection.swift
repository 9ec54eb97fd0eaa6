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

/// The links of one group, found by a scan of its members' groups (no ``GroupProjection`` is
/// built): every linked group counted, the `limit` sharing the most people listed with the
/// people shared. Valid only inside the call that hands it out.
package struct GroupLinks {
  /// The group whose links these are.
  package let group: GroupIndex
  /// The number of groups sharing at least one person with ``group``.
  package let linkCount: Int
  /// Among the links to groups after ``group`` (`b > group`), how many are *marked-only*:
  /// every shared person is marked on one of the two groups (0 without marks).
  package let markedOnlyLinksAfter: Int
  fileprivate let neighbors: UnsafeBufferPointer<Int32>
  fileprivate let sharedStart: UnsafeBufferPointer<Int32>
  fileprivate let sharedPeople: UnsafeBufferPointer<Int32>
  fileprivate let unmarked: UnsafeBufferPointer<Int32>

  /// The number of links listed: at most the limit, most shared people first, ties by the
  /// other group's position.
  package var count: Int { neighbors.count }

  /// The `i`-th listed linked group.
  package func neighbor(_ i: Int) -> GroupIndex { GroupIndex(raw: neighbors[i]) }

  /// The number of people shared with the `i`-th listed group.
  /// - Complexity: O(1).
  package func sharedCount(_ i: Int) -> Int { Int(sharedStart[i + 1] - sharedStart[i]) }

  /// The people shared with the `i`-th listed group, ascending, as positions.
  package func sharedPeople(_ i: Int) -> UnsafeBufferPointer<Int32> {
    UnsafeBufferPointer(rebasing: sharedPeople[Int(sharedStart[i])..<Int(sharedStart[i + 1])])
  }

  /// Whether every person shared with the `i`-th listed group is marked on one of the two
  /// groups (false without marks).
  package func isMarkedOnly(_ i: Int) -> Bool { !unmarked.isEmpty && unmarked[i] == 0 }
}

extension BipartiteGraph {
  /// Calls `body` with the links of every group in `groups`, in order, without building the
  /// group projection: for each group its members' groups are counted with a marker array,
  /// the `limit` links with the most shared people are kept (ties by the other group's
  /// position; `nil` keeps all), and a second walk collects their shared people.
  ///
  /// `marks`, when given, holds one flag per membership in group order (the `i`-th member of
  /// group `g` is entry `groupStart(g) + i`, members ascending); a link is *marked-only* when
  /// each person it shares is marked on one of its two groups (a team's leaders, say).
  ///
  /// Ranges can be scanned on several threads at once, each with its own markers, and the
  /// memory is that of the groups listed, not of every link: one person on 10^4 groups makes
  /// 5 × 10^7 links, which the projection stores and this only counts.
  ///
  /// ```swift
  /// graph.forEachGroupLinks(in: 0..<graph.groupCount, limit: 20) { links in
  ///   print(links.group, links.linkCount, links.count)
  /// }
  /// ```
  ///
  /// - Complexity: O(Σ_{g in groups} Σ_{p in g} degree(p)) time, plus sorting each group's
  ///   links; O(G + the listed links' shared people) memory.
  package func forEachGroupLinks(
    in groups: Range<Int>, limit: Int?, marks: GroupMemberMarks? = nil,
    _ body: (GroupLinks) -> Void
  ) {
    let groupCount = self.groupCount
    let count = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount)
    count.initialize(repeating: 0)
    // The listed position of each group, -1 if not listed; the unmarked shared count of each
    // linked group (with marks).
    let slot = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount)
    slot.initialize(repeating: -1)
    let unmarkedCount = UnsafeMutableBufferPointer<Int32>.allocate(
      capacity: marks == nil ? 0 : groupCount)
    // (Sized 0 without marks: never read then.)
    unmarkedCount.initialize(repeating: 0)
    // Lists of at most one entry per group (plus one), refilled for every group: plain buffers
    // with their own counts, as emptying an array for each group costs more than its use.
    let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount + 1)
    let chosen = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount + 1)
    let sharedStart = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount + 1)
    let cursor = UnsafeMutableBufferPointer<Int32>.allocate(capacity: groupCount + 1)
    let unmarkedListed = UnsafeMutableBufferPointer<Int32>.allocate(
      capacity: marks == nil ? 0 : groupCount + 1)
    defer {
      count.deallocate()
      slot.deallocate()
      unmarkedCount.deallocate()
      touched.deallocate()
      chosen.deallocate()
      sharedStart.deallocate()
      cursor.deallocate()
      unmarkedListed.deallocate()
    }
    var shared: [Int32] = []
    let hasMarks = marks != nil
    let groupSideMarks = marks?.groupSide ?? []
    let personSideMarks = marks?.personSide ?? []
    personOffsets.withUnsafeBufferPointer { personOffsets in
      personTargets.withUnsafeBufferPointer { personTargets in
        groupOffsets.withUnsafeBufferPointer { groupOffsets in
          groupTargets.withUnsafeBufferPointer { groupTargets in
            groupSideMarks.withUnsafeBufferPointer { groupSideMarks in
              personSideMarks.withUnsafeBufferPointer { personSideMarks in
                for a in groups {
                  let a32 = Int32(truncatingIfNeeded: a)
                  let memberRange = Int(groupOffsets[a])..<Int(groupOffsets[a + 1])
                  var touchedCount = 0
                  var markedOnlyAfter = 0
                  for e in memberRange {
                    let p = Int(groupTargets[e])
                    let groupRange = Int(personOffsets[p])..<Int(personOffsets[p + 1])
                    for f in groupRange {
                      let b = personTargets[f]
                      if b == a32 { continue }
                      let bi = Int(b)
                      if count[bi] == 0 {
                        touched[touchedCount] = b
                        touchedCount += 1
                      }
                      count[bi] += 1
                    }
                    // A shared person unmarked on both groups keeps the link from being marked-only.
                    if hasMarks && !groupSideMarks[e] {
                      for f in groupRange where !personSideMarks[f] && personTargets[f] != a32 {
                        unmarkedCount[Int(personTargets[f])] += 1
                      }
                    }
                  }
                  if hasMarks {
                    for b in touched[..<touchedCount] where b > a32 && unmarkedCount[Int(b)] == 0 {
                      markedOnlyAfter += 1
                    }
                  }
                  // Most shared first, ties by position. Under a limit only the best `limit` are
                  // kept, by insertion into a short sorted list: O(links · limit) at worst, about
                  // O(links) when few enter (a person on 10^4 teams gives each 10^4 links).
                  var chosenCount = 0
                  if let limit, limit < touchedCount {
                    if limit > 0 {
                      for b in touched[..<touchedCount] {
                        let c = count[Int(b)]
                        if chosenCount == limit {
                          let last = chosen[limit - 1]
                          let lastCount = count[Int(last)]
                          if c < lastCount || (c == lastCount && b > last) { continue }
                          chosenCount -= 1
                        }
                        var i = chosenCount
                        chosenCount += 1
                        while i > 0 {
                          let previous = chosen[i - 1]
                          let previousCount = count[Int(previous)]
                          if previousCount > c || (previousCount == c && previous < b) { break }
                          chosen[i] = previous
                          i -= 1
                        }
                        chosen[i] = b
                      }
                    }
                  } else {
                    for i in 0..<touchedCount { chosen[i] = touched[i] }
                    chosenCount = touchedCount
                    var listed = UnsafeMutableBufferPointer(rebasing: chosen[..<chosenCount])
                    listed.sort {
                      let (x, y) = (count[Int($0)], count[Int($1)])
                      return x != y ? x > y : $0 < $1
                    }
                  }
                  // Reserve each listed link's slice, then fill them in member order (ascending).
                  var total: Int32 = 0
                  for i in 0..<chosenCount {
                    let b = chosen[i]
                    slot[Int(b)] = Int32(truncatingIfNeeded: i)
                    sharedStart[i] = total
                    cursor[i] = total
                    total += count[Int(b)]
                    if hasMarks { unmarkedListed[i] = unmarkedCount[Int(b)] }
                  }
                  sharedStart[chosenCount] = total
                  // Every slot below `total` is written before it is read.
                  if shared.count < Int(total) {
                    shared.append(contentsOf: repeatElement(0, count: Int(total) - shared.count))
                  }
                  if chosenCount > 0 {
                    for e in memberRange {
                      let p = groupTargets[e]
                      let pi = Int(p)
                      for f in Int(personOffsets[pi])..<Int(personOffsets[pi + 1]) {
                        let s = Int(slot[Int(personTargets[f])])
                        if s < 0 || personTargets[f] == a32 { continue }
                        shared[Int(cursor[s])] = p
                        cursor[s] += 1
                      }
                    }
                  }
                  shared.withUnsafeBufferPointer { people in
                    body(
                      GroupLinks(
                        group: GroupIndex(raw: a32), linkCount: touchedCount,
                        markedOnlyLinksAfter: markedOnlyAfter,
                        neighbors: UnsafeBufferPointer(rebasing: chosen[..<chosenCount]),
                        sharedStart: UnsafeBufferPointer(rebasing: sharedStart[...chosenCount]),
                        sharedPeople: UnsafeBufferPointer(rebasing: people[..<Int(total)]),
                        unmarked: UnsafeBufferPointer(
                          rebasing: unmarkedListed[..<(hasMarks ? chosenCount : 0)])))
                  }
                  for b in touched[..<touchedCount] {
                    let bi = Int(b)
                    count[bi] = 0
                    slot[bi] = -1
                    if hasMarks { unmarkedCount[bi] = 0 }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// One flag per membership of a ``BipartiteGraph`` (a team's leaders, say), seen from both
/// sides, for ``BipartiteGraph/forEachGroupLinks(in:limit:marks:_:)``.
package struct GroupMemberMarks: Sendable {
  /// By group-side entry: the `i`-th member of group `g` is entry `groupStart(g) + i`.
  let groupSide: [Bool]
  /// The same flags by person-side entry.
  let personSide: [Bool]

  /// Marks the memberships for which `isMarked(group, memberIndex)` holds, `memberIndex`
  /// counting the group's members in ascending order.
  /// - Complexity: O(M log d) for M memberships and d the most groups of one person.
  package init(graph: BipartiteGraph, isMarked: (GroupIndex, Int) -> Bool) {
    self.init(graph: graph) { group, mark in
      let size = Int(graph.groupOffsets[group.position + 1] - graph.groupOffsets[group.position])
      for member in 0..<size where isMarked(group, member) { mark(member) }
    }
  }

  /// Marks the memberships `markMembers` names: called once per group with the group and a
  /// function taking a member index (counting the group's members in ascending order, below
  /// the group's size; others are ignored), it calls that function for each marked member, so
  /// a group with few marks costs no test of its other members.
  ///
  /// ```swift
  /// let marks = GroupMemberMarks(graph: graph) { group, mark in
  ///   if group == GroupIndex(0) { mark(2) }   // the third member of g0
  /// }
  /// ```
  ///
  /// - Complexity: O(G + K log d) for G groups, K marks and d the most groups of one person.
  package init(graph: BipartiteGraph, markMembers: (GroupIndex, (Int) -> Void) -> Void) {
    var groupSide = [Bool](repeating: false, count: graph.membershipCount)
    var personSide = [Bool](repeating: false, count: graph.membershipCount)
    for g in 0..<graph.groupCount {
      let start = Int(graph.groupOffsets[g])
      let size = Int(graph.groupOffsets[g + 1]) - start
      markMembers(GroupIndex(g)) { member in
        guard member >= 0 && member < size else { return }
        let e = start + member
        groupSide[e] = true
        let p = Int(graph.groupTargets[e])
        // A person's groups are ascending: find this one by binary search.
        var low = Int(graph.personOffsets[p])
        var high = Int(graph.personOffsets[p + 1])
        while low < high {
          let middle = (low + high) / 2
          if Int(graph.personTargets[middle]) < g { low = middle + 1 } else { high = middle }
        }
        personSide[low] = true
      }
    }
    self.groupSide = groupSide
    self.personSide = personSide
  }
}

/// An immutable two-sided membership graph: people on one side, groups on the other, and an
/// edge wherever a person belongs to a group.
///
/// Adjacency is stored twice in compressed sparse row (CSR) form, once from each side, so both
/// "the groups of a person" and "the members of a group" are contiguous slices. Neighbour lists
/// are sorted ascending and hold no duplicates. Build one with ``BipartiteGraphBuilder`` or
/// ``init(personCount:groupCount:memberships:)``.
///
/// ```swift
/// let graph = BipartiteGraph(
///   personCount: 3, groupCount: 2,
///   memberships: [(PersonIndex(0), GroupIndex(0)), (PersonIndex(1), GroupIndex(0)),
///                 (PersonIndex(1), GroupIndex(1))])
/// graph.groups(of: PersonIndex(1))   // [g0, g1]
/// graph.members(of: GroupIndex(0))   // [p0, p1]
/// graph.degree(of: PersonIndex(2))   // 0: kept as an isolated person
/// ```
///
/// - Complexity: memory is `O(P + G + E)` with 32-bit indices: about `8E + 4(P + G)` bytes.
public struct BipartiteGraph: Sendable {
  /// The number of people (nodes on the people side), including people in no group.
  public let personCount: Int
  /// The number of groups (nodes on the groups side), including groups with no members.
  public let groupCount: Int

  /// `personOffsets[p] ..< personOffsets[p + 1]` is the slice of `personTargets` holding the
  /// groups of person `p`.
  @usableFromInline let personOffsets: [Int32]
  /// Group positions, grouped by person, ascending within each person.
  @usableFromInline let personTargets: [Int32]
  /// `groupOffsets[g] ..< groupOffsets[g + 1]` is the slice of `groupTargets` holding the
  /// members of group `g`.
  @usableFromInline let groupOffsets: [Int32]
  /// Person positions, grouped by group, ascending within each group.
  @usableFromInline let groupTargets: [Int32]

  /// Builds a graph from membership pairs given as dense indices.
  ///
  /// Duplicate pairs are counted once. People and groups that appear in no pair are kept as
  /// isolated nodes.
  ///
  /// ```swift
  /// let graph = BipartiteGraph(
  ///   personCount: 2, groupCount: 2,
  ///   memberships: [(PersonIndex(0), GroupIndex(0)), (PersonIndex(1), GroupIndex(0)),
  ///                 (PersonIndex(1), GroupIndex(1))])
  /// graph.degree(of: PersonIndex(1))   // 2
  /// ```
  ///
  /// - Precondition: every index is below `personCount` or `groupCount`, and the number of
  ///   distinct memberships fits in `Int32`.
  /// - Complexity: `O(P + G + E)`, by two counting sorts.
  @inlinable
  public init<S: Sequence>(personCount: Int, groupCount: Int, memberships: S)
  where S.Element == (PersonIndex, GroupIndex) {
    var people: [Int32] = []
    var groups: [Int32] = []
    people.reserveCapacity(memberships.underestimatedCount)
    groups.reserveCapacity(memberships.underestimatedCount)
    for (p, g) in memberships {
      precondition(p.position < personCount, "person index \(p) out of range")
      precondition(g.position < groupCount, "group index \(g) out of range")
      people.append(p.rawValue)
      groups.append(g.rawValue)
    }
    self.init(
      personCount: personCount, groupCount: groupCount, edgePeople: people, edgeGroups: groups)
  }

  /// Builds the CSR arrays from parallel edge arrays of positions (may hold duplicates), for
  /// readers in this package that already hold dense indices.
  ///
  /// - Precondition: every value is below `personCount` or `groupCount` and not negative.
  /// - Complexity: O(P + G + E), by two counting sorts.
  @usableFromInline
  package init(personCount: Int, groupCount: Int, edgePeople: [Int32], edgeGroups: [Int32]) {
    precondition(personCount >= 0 && personCount < Int(Int32.max), "too many people")
    precondition(groupCount >= 0 && groupCount < Int(Int32.max), "too many groups")
    precondition(edgePeople.count == edgeGroups.count)
    precondition(edgePeople.count < Int(Int32.max), "too many memberships")
    self.personCount = personCount
    self.groupCount = groupCount

    // Counting sort by group, then a stable counting sort by person: every person's list comes
    // out sorted by group, so duplicates are adjacent and easy to drop.
    let byGroup = Self.countingSort(
      keys: edgeGroups, values: edgePeople, keyCount: groupCount)
    let byPerson = Self.countingSort(
      keys: byGroup.values, values: byGroup.keys, keyCount: personCount)
    // byPerson.keys are people (sorted), byPerson.values are groups (sorted within a person).
    var offsets = [Int32](repeating: 0, count: personCount + 1)
    var targets: [Int32] = []
    targets.reserveCapacity(byPerson.keys.count)
    var i = 0
    let n = byPerson.keys.count
    byPerson.keys.withUnsafeBufferPointer { ks in
      byPerson.values.withUnsafeBufferPointer { vs in
        var lastPerson: Int32 = -1
        var lastGroup: Int32 = -1
        while i < n {
          let p = ks[i]
          let g = vs[i]
          if p != lastPerson || g != lastGroup {
            targets.append(g)
            offsets[Int(p) + 1] += 1
            lastPerson = p
            lastGroup = g
          }
          i += 1
        }
      }
    }
    for p in 0..<personCount { offsets[p + 1] += offsets[p] }
    personOffsets = offsets
    personTargets = targets

    // The transpose: scanning people in ascending order fills each group's list in ascending order.
    var gOffsets = [Int32](repeating: 0, count: groupCount + 1)
    for g in targets { gOffsets[Int(g) + 1] += 1 }
    for g in 0..<groupCount { gOffsets[g + 1] += gOffsets[g] }
    var cursor = gOffsets
    var gTargets = [Int32](repeating: 0, count: targets.count)
    for p in 0..<personCount {
      for e in Int(offsets[p])..<Int(offsets[p + 1]) {
        let g = Int(targets[e])
        gTargets[Int(cursor[g])] = Int32(truncatingIfNeeded: p)
        cursor[g] += 1
      }
    }
    groupOffsets = gOffsets
    groupTargets = gTargets
  }

  /// Builds the graph from each group's members, given as person positions in ascending order
  /// (as a roster that keeps its teams' members sorted has them; a repeat counts once): the
  /// groups' side is those lists laid end to end, the people's side their transpose.
  ///
  /// - Precondition: every list is ascending, every position below `personCount`.
  /// - Complexity: O(P + G + E), with no sort.
  package init(personCount: Int, groupMembers: [[Int32]]) {
    let groupCount = groupMembers.count
    precondition(personCount >= 0 && personCount < Int(Int32.max), "too many people")
    precondition(groupCount < Int(Int32.max), "too many groups")
    self.personCount = personCount
    self.groupCount = groupCount
    var gOffsets = [Int32](repeating: 0, count: groupCount + 1)
    var gTargets: [Int32] = []
    gTargets.reserveCapacity(groupMembers.reduce(0) { $0 + $1.count })
    precondition(gTargets.capacity < Int(Int32.max), "too many memberships")
    var offsets = [Int32](repeating: 0, count: personCount + 1)
    for (g, members) in groupMembers.enumerated() {
      var previous: Int32 = -1
      for p in members where p != previous {
        precondition(p > previous && Int(p) < personCount, "members not ascending or out of range")
        previous = p
        offsets[Int(p) + 1] += 1
        gTargets.append(p)
      }
      gOffsets[g + 1] = Int32(truncatingIfNeeded: gTargets.count)
    }
    for p in 0..<personCount { offsets[p + 1] += offsets[p] }
    // Scanning groups in ascending order fills each person's list in ascending order.
    var cursor = offsets
    var targets = [Int32](repeating: 0, count: gTargets.count)
    for g in 0..<groupCount {
      for e in Int(gOffsets[g])..<Int(gOffsets[g + 1]) {
        let p = Int(gTargets[e])
        targets[Int(cursor[p])] = Int32(truncatingIfNeeded: g)
        cursor[p] += 1
      }
    }
    personOffsets = offsets
    personTargets = targets
    groupOffsets = gOffsets
    groupTargets = gTargets
  }

  /// A stable counting sort of parallel arrays by small integer keys.
  private static func countingSort(keys: [Int32], values: [Int32], keyCount: Int)
    -> (keys: [Int32], values: [Int32])
  {
    var start = [Int](repeating: 0, count: keyCount + 1)
    for k in keys { start[Int(k) + 1] += 1 }
    for k in 0..<keyCount { start[k + 1] += start[k] }
    var sortedKeys = [Int32](repeating: 0, count: keys.count)
    var sortedValues = [Int32](repeating: 0, count: keys.count)
    for i in keys.indices {
      let k = Int(keys[i])
      let slot = start[k]
      sortedKeys[slot] = keys[i]
      sortedValues[slot] = values[i]
      start[k] = slot + 1
    }
    return (sortedKeys, sortedValues)
  }

  /// The number of distinct memberships (edges).
  @inlinable
  public var membershipCount: Int { personTargets.count }

  /// The number of nodes on both sides: `personCount + groupCount`.
  @inlinable
  public var nodeCount: Int { personCount + groupCount }

  /// Every person index, in order.
  @inlinable
  public var people: some RandomAccessCollection<PersonIndex> {
    (0..<personCount).lazy.map { PersonIndex(raw: Int32(truncatingIfNeeded: $0)) }
  }

  /// Every group index, in order.
  @inlinable
  public var groups: some RandomAccessCollection<GroupIndex> {
    (0..<groupCount).lazy.map { GroupIndex(raw: Int32(truncatingIfNeeded: $0)) }
  }

  /// The groups of a person, ascending.
  ///
  /// ```swift
  /// for group in graph.groups(of: PersonIndex(0)) { print(group) }
  /// ```
  ///
  /// - Complexity: O(1) to get; the collection is a view on the graph's storage.
  @inlinable
  public func groups(of person: PersonIndex) -> some RandomAccessCollection<GroupIndex> {
    let p = person.position
    return personTargets[Int(personOffsets[p])..<Int(personOffsets[p + 1])].lazy.map {
      GroupIndex(raw: $0)
    }
  }

  /// The members of a group, ascending.
  ///
  /// ```swift
  /// Array(graph.members(of: GroupIndex(0)))   // [p0, p1]
  /// ```
  ///
  /// - Complexity: O(1) to get; the collection is a view on the graph's storage.
  @inlinable
  public func members(of group: GroupIndex) -> some RandomAccessCollection<PersonIndex> {
    let g = group.position
    return groupTargets[Int(groupOffsets[g])..<Int(groupOffsets[g + 1])].lazy.map {
      PersonIndex(raw: $0)
    }
  }

  /// The number of groups a person belongs to.
  ///
  /// ```swift
  /// graph.degree(of: PersonIndex(1))   // 2: on two groups
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public func degree(of person: PersonIndex) -> Int {
    Int(personOffsets[person.position + 1] - personOffsets[person.position])
  }

  /// The number of members of a group.
  ///
  /// ```swift
  /// graph.degree(of: GroupIndex(0))   // 2 members
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public func degree(of group: GroupIndex) -> Int {
    Int(groupOffsets[group.position + 1] - groupOffsets[group.position])
  }

  /// Whether a person belongs to a group.
  ///
  /// ```swift
  /// graph.contains(PersonIndex(0), in: GroupIndex(1))   // false
  /// ```
  ///
  /// - Complexity: O(log d), by binary search in the person's sorted group list.
  public func contains(_ person: PersonIndex, in group: GroupIndex) -> Bool {
    let range = Int(personOffsets[person.position])..<Int(personOffsets[person.position + 1])
    return sortedPosition(of: group.rawValue, in: personTargets, range: range) != nil
  }

  /// The node at a position of the unified numbering: people first, then groups.
  ///
  /// ```swift
  /// graph.node(at: graph.personCount)   // .group(GroupIndex(0))
  /// ```
  ///
  /// - Precondition: `index < nodeCount`.
  /// - Complexity: O(1).
  @inlinable
  public func node(at index: Int) -> Node {
    precondition(index >= 0 && index < nodeCount, "node index out of range")
    return index < personCount
      ? .person(PersonIndex(index)) : .group(GroupIndex(index - personCount))
  }

  /// The position of a node in the unified numbering: people first, then groups.
  ///
  /// ```swift
  /// graph.unifiedIndex(of: .group(GroupIndex(0)))   // graph.personCount
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public func unifiedIndex(of node: Node) -> Int {
    switch node {
    case .person(let p): return p.position
    case .group(let g): return personCount + g.position
    }
  }
}

extension BipartiteGraph {
  /// The graph as one undirected CSR over the unified numbering (people, then groups), for
  /// algorithms that treat both sides alike.
  ///
  /// - Complexity: O(P + G + E).
  package func unifiedAdjacency() -> (offsets: [Int32], targets: [Int32]) {
    let n = nodeCount
    var offsets = [Int32](repeating: 0, count: n + 1)
    for p in 0..<personCount {
      offsets[p + 1] = personOffsets[p + 1] - personOffsets[p]
    }
    for g in 0..<groupCount {
      offsets[personCount + g + 1] = groupOffsets[g + 1] - groupOffsets[g]
    }
    for i in 0..<n { offsets[i + 1] += offsets[i] }
    var targets = [Int32](repeating: 0, count: 2 * membershipCount)
    let shift = Int32(truncatingIfNeeded: personCount)
    var k = 0
    for g in personTargets {
      targets[k] = g + shift
      k += 1
    }
    for p in groupTargets {
      targets[k] = p
      k += 1
    }
    return (offsets, targets)
  }
}

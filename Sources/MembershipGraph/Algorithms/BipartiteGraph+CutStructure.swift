/// The articulation points and bridges of a ``BipartiteGraph``, with the depth-first search
/// tree kept so that the parts left apart by removing a person can be listed on demand.
///
/// An articulation point (cut vertex) is a node, person or group, whose removal splits its
/// connected component; a bridge is a membership whose removal does. Computed by the algorithm
/// of Hopcroft and Tarjan (1973, "Algorithm 447: efficient algorithms for graph
/// manipulation"), with an explicit stack.
///
/// ```swift
/// let cuts = graph.cutStructure()
/// for case .person(let p) in cuts.articulationPoints {
///   print(p, cuts.separatedGroups(by: p))   // e.g. p4 [[g0, g1], [g2]]
/// }
/// ```
public struct CutStructure: Sendable {
  /// Every articulation point, sorted by unified index (people first, then groups).
  public let articulationPoints: [Node]
  /// Every bridge as a `(person, group)` membership, sorted by person, then group.
  public let bridges: [(person: PersonIndex, group: GroupIndex)]

  /// The number of people; unified indices `>= personCount` are groups.
  let personCount: Int
  /// Whether each node (by unified index) is an articulation point.
  let isCut: [Bool]
  /// The preorder number of each node.
  let preorder: [Int32]
  /// The lowest preorder number reachable from each node's subtree by one back edge.
  let low: [Int32]
  /// The number of nodes in each node's depth-first subtree, itself included.
  let subtreeSize: [Int32]
  /// The node at each preorder position: every subtree is a contiguous run of it.
  let order: [Int32]
  /// The preorder number of every depth-first root, ascending (one per component).
  let rootPreorders: [Int32]

  /// Whether removing a node disconnects its component.
  ///
  /// ```swift
  /// let cuts = graph.cutStructure()
  /// cuts.isArticulationPoint(.person(PersonIndex(3)))   // true for a gateway person
  /// ```
  ///
  /// - Precondition: the node belongs to the graph this structure was computed from.
  /// - Complexity: O(1).
  public func isArticulationPoint(_ node: Node) -> Bool {
    switch node {
    case .person(let p):
      precondition(p.position < personCount, "person index \(p) out of range")
      return isCut[p.position]
    case .group(let g):
      precondition(personCount + g.position < isCut.count, "group index \(g) out of range")
      return isCut[personCount + g.position]
    }
  }

  /// The groups of each part that a person's removal leaves apart.
  ///
  /// Each part lists all its groups, ascending; parts are sorted by their smallest group. When
  /// the person is not an articulation point the result is empty; otherwise it has at least two
  /// parts. Every part holds a group, since a person's neighbours are groups.
  ///
  /// ```swift
  /// // p1 is the only link between {g0} and {g1, g2}:
  /// cuts.separatedGroups(by: PersonIndex(1))   // [[g0], [g1, g2]]
  /// ```
  ///
  /// - Precondition: the person belongs to the graph this structure was computed from.
  /// - Complexity: O(s log s) where s is the size of the person's component: each part is read
  ///   from a contiguous run of the depth-first preorder, then sorted. Over every person of a
  ///   path-like component this grows with the square of the component: to count the parts, or
  ///   list only their first groups, use ``separationIndex()``.
  public func separatedGroups(by person: PersonIndex) -> [[GroupIndex]] {
    let v = person.position
    precondition(v < personCount, "person index \(person) out of range")
    guard isCut[v] else { return [] }
    let start = Int(preorder[v])
    let end = start + Int(subtreeSize[v])
    let rootStart = Int(rootOfPreorder(start))
    let rootEnd = rootStart + Int(subtreeSize[Int(order[rootStart])])
    var parts: [[GroupIndex]] = []
    // The part holding the DFS parent: the component outside v's subtree, plus the subtrees of
    // children that reach above v by a back edge.
    var parentPart: [GroupIndex] = []
    let hasParent = rootStart != start
    if hasParent {
      appendGroups(in: rootStart..<start, to: &parentPart)
      appendGroups(in: end..<rootEnd, to: &parentPart)
    }
    var i = start + 1
    while i < end {
      let child = Int(order[i])
      let childEnd = i + Int(subtreeSize[child])
      if !hasParent || Int(low[child]) >= start {
        var part: [GroupIndex] = []
        appendGroups(in: i..<childEnd, to: &part)
        part.sort()
        parts.append(part)
      } else {
        appendGroups(in: i..<childEnd, to: &parentPart)
      }
      i = childEnd
    }
    if hasParent {
      parentPart.sort()
      parts.append(parentPart)
    }
    parts.sort { ($0.first?.rawValue ?? Int32.max) < ($1.first?.rawValue ?? Int32.max) }
    return parts
  }

  /// Appends the groups found at a run of preorder positions.
  /// Which part each of a person's own groups falls in if the person leaves, without listing
  /// the parts: two of `groups` get the same label exactly when ``separatedGroups(by:)`` puts
  /// them in the same part. Labels are small integers in no particular order.
  ///
  /// ```swift
  /// let (labels, parts) = cuts.partLabels(of: p, groups: Array(graph.groups(of: p)))
  /// ```
  ///
  /// - Parameters:
  ///   - person: the person who would leave.
  ///   - groups: the person's groups (any order, each once).
  /// - Returns: one label per group, and the number of parts (1 when the person is not an
  ///   articulation point, 0 for a person on no group).
  /// - Complexity: O(d log d) for d groups: only the person's depth-first children are read.
  package func partLabels(of person: PersonIndex, groups: [GroupIndex]) -> (
    labels: [Int], partCount: Int
  ) {
    if groups.isEmpty { return ([], 0) }
    let v = person.position
    guard isCut[v] else { return ([Int](repeating: 0, count: groups.count), 1) }
    let start = Int(preorder[v])
    let end = start + Int(subtreeSize[v])
    let hasParent = rootOfPreorder(start) != Int32(truncatingIfNeeded: start)
    // The children's preorder ranges, ascending; label 0 is the parent's part.
    var childStarts: [Int] = []
    var childLabels: [Int] = []
    var partCount = hasParent ? 1 : 0
    var i = start + 1
    while i < end {
      let child = Int(order[i])
      childStarts.append(i)
      if !hasParent || Int(low[child]) >= start {
        partCount += 1
        childLabels.append(partCount)
      } else {
        childLabels.append(0)
      }
      i += Int(subtreeSize[child])
    }
    let labels = groups.map { group -> Int in
      let position = Int(preorder[personCount + group.position])
      guard position > start && position < end else { return 0 }
      // The last child starting at or before the group's position.
      var lo = 0
      var hi = childStarts.count
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if childStarts[mid] <= position { lo = mid } else { hi = mid }
      }
      return childLabels[lo]
    }
    return (labels, partCount)
  }

  private func appendGroups(in range: Range<Int>, to part: inout [GroupIndex]) {
    let shift = Int32(truncatingIfNeeded: personCount)
    for k in range {
      let node = order[k]
      if node >= shift { part.append(GroupIndex(raw: node - shift)) }
    }
  }

  /// The preorder number of the root of the tree holding a preorder position.
  func rootOfPreorder(_ position: Int) -> Int32 {
    // The last root whose preorder number is <= position.
    var lo = 0
    var hi = rootPreorders.count
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if Int(rootPreorders[mid]) <= position { lo = mid } else { hi = mid }
    }
    return rootPreorders[lo]
  }
}

extension BipartiteGraph {
  /// Finds the articulation points and bridges of the whole graph, people and groups alike.
  ///
  /// One iterative depth-first search over the unified numbering computes preorder numbers,
  /// low points and subtree sizes (Hopcroft and Tarjan 1973). A non-root node `v` is a cut
  /// vertex when some child `c` has `low(c) >= pre(v)`; a root is one when it has two or more
  /// children; a tree edge `(v, c)` is a bridge when `low(c) > pre(v)`. A graph with a path of a
  /// million nodes is fine: there is no recursion.
  ///
  /// ```swift
  /// let cuts = graph.cutStructure()
  /// cuts.isArticulationPoint(.group(GroupIndex(3)))
  /// cuts.bridges.first   // (person: p0, group: g2)
  /// ```
  ///
  /// - Complexity: O(P + G + E) time and memory.
  public func cutStructure() -> CutStructure {
    let n = nodeCount
    let (offsets, targets) = unifiedAdjacency()
    var preorder = [Int32](repeating: -1, count: n)
    var low = [Int32](repeating: 0, count: n)
    var size = [Int32](repeating: 0, count: n)
    var parent = [Int32](repeating: -1, count: n)
    var order = [Int32](repeating: 0, count: n)
    var isCut = [Bool](repeating: false, count: n)
    var rootPreorders: [Int32] = []
    var cursor = offsets
    var stack = [Int32](repeating: 0, count: n)
    var bridgePeople: [Int32] = []
    var bridgeGroups: [Int32] = []
    let shift = Int32(truncatingIfNeeded: personCount)
    var counter: Int32 = 0

    for s in 0..<n where preorder[s] < 0 {
      let s32 = Int32(truncatingIfNeeded: s)
      rootPreorders.append(counter)
      preorder[s] = counter
      low[s] = counter
      order[Int(counter)] = s32
      counter += 1
      var top = 0
      stack[0] = s32
      var rootChildren = 0
      while top >= 0 {
        let v = Int(stack[top])
        let c = Int(cursor[v])
        if c < Int(offsets[v + 1]) {
          cursor[v] += 1
          let w = targets[c]
          let wi = Int(w)
          if preorder[wi] < 0 {
            parent[wi] = Int32(truncatingIfNeeded: v)
            preorder[wi] = counter
            low[wi] = counter
            order[Int(counter)] = w
            counter += 1
            top += 1
            stack[top] = w
            if v == s { rootChildren += 1 }
          } else if w != parent[v] {
            if preorder[wi] < low[v] { low[v] = preorder[wi] }
          }
        } else {
          top -= 1
          size[v] = counter - preorder[v]
          let p = parent[v]
          if p >= 0 {
            let pi = Int(p)
            if low[v] < low[pi] { low[pi] = low[v] }
            if low[v] >= preorder[pi] && pi != s { isCut[pi] = true }
            if low[v] > preorder[pi] {
              // A tree edge joins a person and a group; record it person first.
              if p < shift {
                bridgePeople.append(p)
                bridgeGroups.append(Int32(truncatingIfNeeded: v) - shift)
              } else {
                bridgePeople.append(Int32(truncatingIfNeeded: v))
                bridgeGroups.append(p - shift)
              }
            }
          }
        }
      }
      if rootChildren >= 2 { isCut[s] = true }
    }

    var points: [Node] = []
    for i in 0..<n where isCut[i] { points.append(node(at: i)) }
    let bridges = sortedBridges(people: bridgePeople, groups: bridgeGroups)
    return CutStructure(
      articulationPoints: points, bridges: bridges, personCount: personCount, isCut: isCut,
      preorder: preorder, low: low, subtreeSize: size, order: order,
      rootPreorders: rootPreorders)
  }

  /// The bridges by person, then group: a counting sort by group, then a stable one by person
  /// (each bridge is one membership, so no two are equal).
  /// - Complexity: O(P + G + B) for B bridges.
  private func sortedBridges(people: [Int32], groups: [Int32])
    -> [(person: PersonIndex, group: GroupIndex)]
  {
    let count = people.count
    guard count > 1 else {
      return zip(people, groups).map { (PersonIndex(raw: $0.0), GroupIndex(raw: $0.1)) }
    }
    var start = [Int](repeating: 0, count: groupCount + 1)
    for g in groups { start[Int(g) + 1] += 1 }
    for g in 0..<groupCount { start[g + 1] += start[g] }
    var byGroupPeople = [Int32](repeating: 0, count: count)
    var byGroupGroups = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      let g = Int(groups[i])
      byGroupPeople[start[g]] = people[i]
      byGroupGroups[start[g]] = groups[i]
      start[g] += 1
    }
    var first = [Int](repeating: 0, count: personCount + 1)
    for p in people { first[Int(p) + 1] += 1 }
    for p in 0..<personCount { first[p + 1] += first[p] }
    var result = [(person: PersonIndex, group: GroupIndex)](
      repeating: (PersonIndex(raw: 0), GroupIndex(raw: 0)), count: count)
    for i in 0..<count {
      let p = Int(byGroupPeople[i])
      result[first[p]] = (PersonIndex(raw: byGroupPeople[i]), GroupIndex(raw: byGroupGroups[i]))
      first[p] += 1
    }
    return result
  }
}

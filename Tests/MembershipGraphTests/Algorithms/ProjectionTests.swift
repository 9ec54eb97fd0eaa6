import Testing

@testable import MembershipGraph

struct ProjectionTests {
  /// Checks a projection against pairwise set intersections of member lists.
  private func checkAgainstOracle(_ graph: BipartiteGraph) {
    let projection = graph.groupProjection()
    #expect(projection.groupCount == graph.groupCount)
    let members = graph.groups.map { Set(graph.members(of: $0)) }
    var expected: [(Int, Int, [PersonIndex])] = []
    var neighbors = [[GroupIndex]](repeating: [], count: graph.groupCount)
    for a in 0..<graph.groupCount {
      for b in (a + 1)..<max(a + 1, graph.groupCount) {
        let shared = members[a].intersection(members[b]).sorted()
        if shared.isEmpty { continue }
        expected.append((a, b, shared))
        neighbors[a].append(GroupIndex(b))
        neighbors[b].append(GroupIndex(a))
      }
    }
    #expect(projection.linkCount == expected.count)
    #expect(projection.links.count == expected.count)
    for (l, (a, b, shared)) in expected.enumerated() where l < projection.linkCount {
      let link = projection.link(at: l)
      #expect(link.first == GroupIndex(a))
      #expect(link.second == GroupIndex(b))
      #expect(link.sharedPeople == shared)
      #expect(link.sharedCount == shared.count)
      let weight = shared.reduce(0.0) { $0 + 1.0 / Double(graph.degree(of: $1) - 1) }
      #expect(abs(link.collaborationWeight - weight) < 1e-12)
      let union = members[a].union(members[b]).count
      #expect(abs(link.overlap - Double(shared.count) / Double(union)) < 1e-12)
      #expect(projection.linkIndex(between: GroupIndex(a), and: GroupIndex(b)) == l)
      #expect(projection.linkIndex(between: GroupIndex(b), and: GroupIndex(a)) == l)
    }
    for g in graph.groups {
      #expect(Array(projection.neighbors(of: g)) == neighbors[g.position])
      #expect(projection.linkIndex(between: g, and: g) == nil)
      for h in graph.groups where h != g && !neighbors[g.position].contains(h) {
        #expect(projection.linkIndex(between: g, and: h) == nil)
      }
    }
  }

  @Test(arguments: 0..<300)
  func projectionMatchesPairwiseIntersectionsOnRandomGraphs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    checkAgainstOracle(randomGraph(using: &rng))
  }

  @Test(arguments: GraphCase.all)
  func projectionMatchesPairwiseIntersectionsOnHandMadeGraphs(testCase: GraphCase) {
    checkAgainstOracle(testCase.graph)
  }

  @Test func barbellProjectionHasTwoTrianglesAndOneBridgeLink() {
    let graph = GraphCase.all.first { $0.name.hasPrefix("barbell") }?.graph
    guard let graph else {
      Issue.record("missing barbell case")
      return
    }
    let projection = graph.groupProjection()
    #expect(projection.linkCount == 7)
    let bridge = projection.linkIndex(between: GroupIndex(3), and: GroupIndex(0))
    #expect(bridge.map { projection.link(at: $0).sharedPeople } == [PersonIndex(6)])
    // p6 is on two groups: weight 1/(2-1) = 1; overlap 1 / |{p0,p2,p6} ∪ {p3,p5,p6}| = 1/5.
    #expect(bridge.map { projection.link(at: $0).collaborationWeight } == 1)
    #expect(bridge.map { projection.link(at: $0).overlap } == 0.2)
  }

  @Test func personOnManyGroupsGivesSmallerCollaborationWeight() {
    // p0 is on three groups, so each of its three links weighs 1/2.
    let graph = BipartiteGraph(
      personCount: 1, groupCount: 3,
      memberships: [
        (PersonIndex(0), GroupIndex(0)), (PersonIndex(0), GroupIndex(1)),
        (PersonIndex(0), GroupIndex(2)),
      ])
    let projection = graph.groupProjection()
    #expect(projection.linkCount == 3)
    #expect(projection.links.map(\.collaborationWeight) == [0.5, 0.5, 0.5])
    #expect(projection.links.map(\.overlap) == [1, 1, 1])
  }
}

struct NeighborhoodTests {
  @Test(arguments: 0..<100)
  func neighborhoodsGiveTheLinksOfEveryGroup(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(7000 + seed))
    let graph = randomGraph(using: &rng)
    let projection = graph.groupProjection()
    var visited: [Int] = []
    projection.forEachNeighborhood(in: 0..<graph.groupCount) { neighborhood in
      let group = neighborhood.group
      visited.append(group.position)
      #expect(
        (0..<neighborhood.count).map(neighborhood.neighbor)
          == Array(projection.neighbors(of: group)))
      for i in 0..<neighborhood.count {
        let link = projection.linkIndex(between: group, and: neighborhood.neighbor(i))
        #expect(link != nil)
        if let link {
          #expect(
            Array(neighborhood.sharedPeople(i))
              == projection.link(at: link).sharedPeople.map(\.rawValue))
          #expect(
            Array(projection.sharedPeople(ofLinkAt: link)) == projection.link(at: link).sharedPeople
          )
          let (first, second) = projection.groups(ofLinkAt: link)
          #expect(
            first == projection.link(at: link).first && second == projection.link(at: link).second)
        }
      }
    }
    #expect(visited == Array(0..<graph.groupCount))
  }

  /// The links of every group scanned team by team against the stored projection: the same
  /// counts, the first `limit` links by shared people (ties by position) with their people,
  /// and the marked-only links against a brute-force check of the marks.
  @Test(arguments: 0..<200)
  func scannedGroupLinksMatchTheProjection(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 71)
    let graph = randomGraph(using: &rng, maxPeople: 18, maxGroups: 10, maxPairs: 40)
    let projection = graph.groupProjection()
    let limit: Int? = [nil, 0, 1, 2, 5][seed % 5]
    let members = graph.groups.map { Array(graph.members(of: $0)) }
    var marked = Set<[Int]>()
    let marks = GroupMemberMarks(graph: graph) { group, member in
      let isMarked = Bool.random(using: &rng)
      if isMarked { marked.insert([members[group.position][member].position, group.position]) }
      return isMarked
    }
    func isMarkedOnly(_ a: Int, _ b: Int) -> Bool {
      let shared = Set(members[a]).intersection(members[b])
      return shared.allSatisfy {
        marked.contains([$0.position, a]) || marked.contains([$0.position, b])
      }
    }
    var visited = 0
    var markedOnlyAfter = 0
    graph.forEachGroupLinks(in: 0..<graph.groupCount, limit: limit, marks: marks) { links in
      let a = links.group.position
      #expect(a == visited)
      visited += 1
      let all = projection.neighbors(of: links.group).map { b in
        (b, projection.sharedCount(ofLinkAt: projection.linkIndex(between: links.group, and: b)!))
      }
      #expect(links.linkCount == all.count)
      let expected = all.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        .prefix(limit ?? all.count)
      #expect(links.count == expected.count)
      for (i, (b, count)) in expected.enumerated() where i < links.count {
        #expect(links.neighbor(i) == b)
        #expect(links.sharedCount(i) == count)
        let link = projection.link(at: projection.linkIndex(between: links.group, and: b)!)
        #expect(Array(links.sharedPeople(i)) == link.sharedPeople.map(\.rawValue))
        #expect(links.isMarkedOnly(i) == isMarkedOnly(a, b.position))
      }
      markedOnlyAfter += links.markedOnlyLinksAfter
    }
    #expect(visited == graph.groupCount)
    let expectedMarkedOnly = (0..<projection.linkCount).filter {
      let (a, b) = projection.groups(ofLinkAt: $0)
      return isMarkedOnly(a.position, b.position)
    }.count
    #expect(markedOnlyAfter == expectedMarkedOnly)
  }

  /// Marks named member by member (by index, out-of-range ones ignored) are the marks tested
  /// member by member.
  @Test(arguments: 0..<100)
  func marksNamedByIndexMatchMarksTestedOneByOne(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 907)
    let graph = randomGraph(using: &rng, maxPeople: 18, maxGroups: 10, maxPairs: 40)
    let chosen: [Set<Int>] = graph.groups.map { group in
      Set((0..<graph.degree(of: group)).filter { _ in Bool.random(using: &rng) })
    }
    let tested = GroupMemberMarks(graph: graph) { group, member in
      chosen[group.position].contains(member)
    }
    let named = GroupMemberMarks(graph: graph) { group, mark in
      for member in chosen[group.position].sorted(by: >) { mark(member) }
      mark(-1)
      mark(graph.degree(of: group))
    }
    #expect(named.groupSide == tested.groupSide)
    #expect(named.personSide == tested.personSide)
    // And both against the choice itself, membership by membership on each side.
    for g in 0..<graph.groupCount {
      let start = Int(graph.groupOffsets[g])
      for e in start..<Int(graph.groupOffsets[g + 1]) {
        #expect(named.groupSide[e] == chosen[g].contains(e - start))
      }
    }
    for p in 0..<graph.personCount {
      for k in Int(graph.personOffsets[p])..<Int(graph.personOffsets[p + 1]) {
        let g = Int(graph.personTargets[k])
        let start = Int(graph.groupOffsets[g])
        let member = (start..<Int(graph.groupOffsets[g + 1]))
          .first { Int(graph.groupTargets[$0]) == p }
        #expect(named.personSide[k] == member.map { chosen[g].contains($0 - start) })
      }
    }
  }

  /// One person on 10^4 groups links every pair of them: 5 × 10^7 links, which the stored
  /// projection would hold (gigabytes) and the scan only counts, listing the limit for each.
  /// (The first and last hundred groups are scanned, to keep the debug test quick.)
  @Test func aPersonOnTenThousandGroupsIsCountedNotStored() {
    let groups = 10_000
    // Person 0 on every group; person g + 1 on group g only.
    var pairs: [(PersonIndex, GroupIndex)] = []
    for g in 0..<groups {
      pairs.append((PersonIndex(0), GroupIndex(g)))
      pairs.append((PersonIndex(g + 1), GroupIndex(g)))
    }
    let graph = BipartiteGraph(personCount: groups + 1, groupCount: groups, memberships: pairs)
    let marks = GroupMemberMarks(graph: graph) { _, member in member == 0 }
    var checked = 0
    for range in [0..<100, (groups - 100)..<groups] {
      graph.forEachGroupLinks(in: range, limit: 20, marks: marks) { links in
        let a = links.group.position
        #expect(links.linkCount == groups - 1)
        #expect(links.count == 20)
        // Every link shares person 0 only: the first 20 other groups are listed.
        let expected = (0..<21).filter { $0 != a }.prefix(20)
        #expect((0..<links.count).map { links.neighbor($0).position } == Array(expected))
        #expect((0..<links.count).allSatisfy { Array(links.sharedPeople($0)) == [0] })
        #expect((0..<links.count).allSatisfy { links.isMarkedOnly($0) })
        #expect(links.markedOnlyLinksAfter == groups - 1 - a)
        checked += 1
      }
    }
    #expect(checked == 200)
  }
}

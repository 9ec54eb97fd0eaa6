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
}

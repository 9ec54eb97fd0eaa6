import Testing

@testable import MembershipGraph

struct CutStructureTests {
  /// Checks articulation points, bridges and separated groups by removing each node and edge
  /// and counting components again.
  private func checkAgainstOracle(_ graph: BipartiteGraph) {
    let cuts = graph.cutStructure()
    let adjacency = naiveAdjacency(graph)
    let baseline = naiveComponentCount(adjacency)
    var expectedPoints: [Node] = []
    for v in 0..<graph.nodeCount where naiveComponentCount(adjacency, removing: v) > baseline {
      expectedPoints.append(graph.node(at: v))
    }
    #expect(cuts.articulationPoints == expectedPoints)
    for v in 0..<graph.nodeCount {
      let node = graph.node(at: v)
      #expect(cuts.isArticulationPoint(node) == expectedPoints.contains(node))
    }
    var expectedBridges: [(PersonIndex, GroupIndex)] = []
    for p in graph.people {
      for g in graph.groups(of: p) {
        let edge = (p.position, graph.personCount + g.position)
        if naiveComponentCount(adjacency, withoutEdge: edge) > baseline {
          expectedBridges.append((p, g))
        }
      }
    }
    #expect(cuts.bridges.map(\.person) == expectedBridges.map(\.0))
    #expect(cuts.bridges.map(\.group) == expectedBridges.map(\.1))
    for p in graph.people {
      #expect(cuts.separatedGroups(by: p) == naiveSeparatedGroups(graph, adjacency, p))
    }
  }

  /// Removes a person, then collects the groups reachable from each of its groups.
  private func naiveSeparatedGroups(
    _ graph: BipartiteGraph, _ adjacency: [Set<Int>], _ person: PersonIndex
  ) -> [[GroupIndex]] {
    let removed = person.position
    var partOf = [Int](repeating: -1, count: graph.nodeCount)
    var parts: [[GroupIndex]] = []
    for g in graph.groups(of: person) {
      let start = graph.personCount + g.position
      if partOf[start] >= 0 { continue }
      var part: [GroupIndex] = []
      partOf[start] = parts.count
      var stack = [start]
      while let v = stack.popLast() {
        if v >= graph.personCount { part.append(GroupIndex(v - graph.personCount)) }
        for w in adjacency[v] where w != removed && partOf[w] < 0 {
          partOf[w] = parts.count
          stack.append(w)
        }
      }
      parts.append(part.sorted())
    }
    if parts.count < 2 { return [] }
    return parts.sorted { $0[0] < $1[0] }
  }

  @Test(arguments: 0..<300)
  func cutStructureMatchesRemovalOracleOnRandomGraphs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(2000 + seed))
    checkAgainstOracle(randomGraph(using: &rng))
  }

  @Test(arguments: GraphCase.all)
  func cutStructureMatchesRemovalOracleOnHandMadeGraphs(testCase: GraphCase) {
    checkAgainstOracle(testCase.graph)
  }

  @Test func barbellIsHeldTogetherByOnePersonAndItsTwoBridges() {
    let graph = GraphCase.all.first { $0.name.hasPrefix("barbell") }?.graph
    guard let graph else {
      Issue.record("missing barbell case")
      return
    }
    let cuts = graph.cutStructure()
    #expect(
      cuts.articulationPoints == [
        .person(PersonIndex(6)), .group(GroupIndex(0)),
        .group(GroupIndex(3)),
      ])
    #expect(cuts.bridges.map(\.person) == [PersonIndex(6), PersonIndex(6)])
    #expect(cuts.bridges.map(\.group) == [GroupIndex(0), GroupIndex(3)])
    #expect(
      cuts.separatedGroups(by: PersonIndex(6)) == [
        [GroupIndex(0), GroupIndex(1), GroupIndex(2)],
        [GroupIndex(3), GroupIndex(4), GroupIndex(5)],
      ])
    #expect(cuts.separatedGroups(by: PersonIndex(0)).isEmpty)
  }

  @Test func deepPathDoesNotOverflowTheStack() {
    // 300,000 memberships in one path: 300,001 nodes, every inner node a cut vertex.
    let length = 300_000
    let graph = pathGraph(memberships: length)
    #expect(graph.nodeCount == length + 1)
    #expect(graph.connectedComponents().count == 1)
    let cuts = graph.cutStructure()
    #expect(cuts.articulationPoints.count == length - 1)
    #expect(cuts.bridges.count == length)
    // The middle person splits the path into the groups before it and the groups after it.
    let middle = PersonIndex(length / 4)
    let parts = cuts.separatedGroups(by: middle)
    #expect(parts.count == 2)
    #expect(parts.first?.count == length / 4)
    #expect(parts.last?.count == (length + 1) / 2 - length / 4)
    #expect(parts.last?.first == GroupIndex(length / 4))
  }
}

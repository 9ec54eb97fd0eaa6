import Testing

@testable import MembershipGraph

struct EIIndexTests {
  /// Checks E-I indices and projection degrees against naive set computations.
  private func checkAgainstOracle(_ graph: BipartiteGraph) {
    var coMembers = [Set<Int>](repeating: [], count: graph.personCount)
    for g in graph.groups {
      for p in graph.members(of: g) {
        for q in graph.members(of: g) where q != p { coMembers[p.position].insert(q.position) }
      }
    }
    #expect(graph.personProjectionDegrees() == coMembers.map(\.count))
    let projection = graph.groupProjection()
    #expect(graph.personProjectionDegrees(projection: projection) == coMembers.map(\.count))
    #expect(graph.eiIndices(projection: projection) == graph.eiIndices())
    let indices = graph.eiIndices()
    #expect(indices.count == graph.groupCount)
    for g in graph.groups where g.position < indices.count {
      let members = Set(graph.members(of: g).map(\.position))
      let m = members.count
      var external = 0
      for p in members {
        for q in 0..<graph.personCount where !members.contains(q) && coMembers[p].contains(q) {
          external += 1
        }
      }
      let ei = indices[g.position]
      #expect(ei.internalPairs == m * (m - 1) / 2)
      #expect(ei.externalPairs == external)
      let total = external + m * (m - 1) / 2
      let expected = total == 0 ? nil : Double(external - m * (m - 1) / 2) / Double(total)
      #expect(ei.value == expected)
    }
  }

  @Test(arguments: 0..<300)
  func eiIndicesMatchNaiveSetsOnRandomGraphs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(1000 + seed))
    checkAgainstOracle(randomGraph(using: &rng))
  }

  @Test(arguments: GraphCase.all)
  func eiIndicesMatchNaiveSetsOnHandMadeGraphs(testCase: GraphCase) {
    checkAgainstOracle(testCase.graph)
  }

  @Test func siloedGroupScoresMinusOneAndEmptyGroupHasNoValue() {
    // g0 = {p0, p1, p2} alone; g1 = {p3, p4} with p4 also on g2 = {p4, p5}; g3 is empty.
    let graph = BipartiteGraph(
      personCount: 6, groupCount: 4,
      memberships: [(0, 0), (1, 0), (2, 0), (3, 1), (4, 1), (4, 2), (5, 2)].map {
        (PersonIndex($0.0), GroupIndex($0.1))
      })
    let indices = graph.eiIndices()
    #expect(indices[0] == EIIndex(internalPairs: 3, externalPairs: 0))
    #expect(indices[0].value == -1)
    // g1: I = 1; p4 reaches p5 outside: E = 1; value 0.
    #expect(indices[1] == EIIndex(internalPairs: 1, externalPairs: 1))
    #expect(indices[1].value == 0)
    #expect(indices[3].value == nil)
    #expect(graph.personProjectionDegrees() == [2, 2, 2, 1, 2, 1])
  }
}

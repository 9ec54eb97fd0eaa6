import Testing

@testable import MembershipGraph

struct SeparationIndexTests {
  /// The parts a person's removal leaves apart, the slow way: remove the person, then flood
  /// from each of its groups; each part's groups (sorted) and people.
  private func naiveParts(_ graph: BipartiteGraph, _ person: PersonIndex) -> [(
    groups: [GroupIndex], people: Int
  )] {
    let adjacency = naiveAdjacency(graph)
    let removed = person.position
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    var parts: [(groups: [GroupIndex], people: Int)] = []
    for g in graph.groups(of: person) {
      let start = graph.personCount + g.position
      if seen[start] { continue }
      seen[start] = true
      var groups: [GroupIndex] = []
      var people = 0
      var stack = [start]
      while let v = stack.popLast() {
        if v >= graph.personCount {
          groups.append(GroupIndex(v - graph.personCount))
        } else {
          people += 1
        }
        for w in adjacency[v] where w != removed && !seen[w] {
          seen[w] = true
          stack.append(w)
        }
      }
      parts.append((groups.sorted(), people))
    }
    if parts.count < 2 { return [] }
    return parts.sorted {
      ($0.groups.count, $0.people, $0.groups[0]) < ($1.groups.count, $1.people, $1.groups[0])
    }
  }

  private func checkAgainstOracle(_ graph: BipartiteGraph, limits: [Int?] = [nil, 0, 1, 2, 3]) {
    let separations = graph.cutStructure().separationIndex()
    for p in graph.people {
      let parts = separations.parts(separatedBy: p)
      let expected = naiveParts(graph, p)
      #expect(parts.map(\.groupCount) == expected.map(\.groups.count))
      #expect(parts.map(\.personCount) == expected.map(\.people))
      #expect(parts.map(\.smallestGroup) == expected.map { $0.groups[0] })
      for (part, oracle) in zip(parts, expected) {
        for limit in limits {
          #expect(
            separations.firstGroups(of: part, limit: limit)
              == Array(oracle.groups.prefix(limit ?? Int.max)))
        }
      }
    }
  }

  @Test(arguments: 0..<300)
  func partsMatchTheRemovalOracleOnRandomGraphs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(7000 + seed))
    checkAgainstOracle(randomGraph(using: &rng, maxPeople: 30, maxGroups: 20, maxPairs: 50))
  }

  @Test(arguments: GraphCase.all)
  func partsMatchTheRemovalOracleOnHandMadeGraphs(testCase: GraphCase) {
    checkAgainstOracle(testCase.graph)
  }

  @Test func barbellSplitsIntoTwoTrianglesOfThreeGroupsAndThreePeople() throws {
    let graph = try #require(GraphCase.all.first { $0.name.hasPrefix("barbell") }).graph
    let separations = graph.cutStructure().separationIndex()
    let parts = separations.parts(separatedBy: PersonIndex(6))
    #expect(parts.map(\.groupCount) == [3, 3])
    #expect(parts.map(\.personCount) == [3, 3])
    #expect(parts.map(\.smallestGroup) == [GroupIndex(0), GroupIndex(3)])
    let first = try #require(parts.first)
    #expect(separations.firstGroups(of: first, limit: 2) == [GroupIndex(0), GroupIndex(1)])
    #expect(separations.parts(separatedBy: PersonIndex(0)).isEmpty)
  }

  /// On a long path every inner person separates two runs whose sizes add up to the path: the
  /// counts come from subtree sizes, never from listing the runs.
  @Test func countsOnALongPathAddUpWithoutListingTheParts() {
    let graph = pathGraph(memberships: 20_000)
    let separations = graph.cutStructure().separationIndex()
    var total = 0
    for p in graph.people {
      let parts = separations.parts(separatedBy: p)
      if parts.isEmpty { continue }
      #expect(parts.count == 2)
      #expect(parts[0].groupCount + parts[1].groupCount == graph.groupCount)
      #expect(parts[0].groupCount <= parts[1].groupCount)
      total += 1
      if let first = parts.first {
        let listed = separations.firstGroups(of: first, limit: 3)
        #expect(listed.count == min(3, first.groupCount))
        #expect(listed == listed.sorted())
      }
    }
    #expect(total == graph.personCount - 2)
  }
}

import Testing

@testable import MembershipGraph

/// A small named graph for `@Test(arguments:)`: sizes and `(person, group)` pairs as `Int`s.
struct GraphCase: Sendable, CustomTestStringConvertible {
  let name: String
  let people: Int
  let groups: Int
  let pairs: [[Int]]

  var testDescription: String { name }

  var graph: BipartiteGraph {
    BipartiteGraph(
      personCount: people, groupCount: groups,
      memberships: pairs.map { (PersonIndex($0[0]), GroupIndex($0[1])) })
  }

  /// Empty graph, single nodes, path, star, cycle, barbell, disconnected parts, duplicate pairs
  /// and isolated nodes on each side.
  static let all: [GraphCase] = [
    GraphCase(name: "empty", people: 0, groups: 0, pairs: []),
    GraphCase(name: "one person", people: 1, groups: 0, pairs: []),
    GraphCase(name: "one group", people: 0, groups: 1, pairs: []),
    GraphCase(name: "one membership", people: 1, groups: 1, pairs: [[0, 0]]),
    GraphCase(
      name: "path p0-g0-p1-g1-p2-g2-p3", people: 4, groups: 3,
      pairs: [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [3, 2]]),
    GraphCase(
      name: "star: one group of five", people: 5, groups: 1,
      pairs: [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]]),
    GraphCase(
      name: "star: one person on four groups", people: 1, groups: 4,
      pairs: [[0, 0], [0, 1], [0, 2], [0, 3]]),
    GraphCase(
      name: "cycle of eight", people: 4, groups: 4,
      pairs: [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [3, 2], [3, 3], [0, 3]]),
    GraphCase(
      name: "barbell: two triangles of groups joined by p6", people: 7, groups: 6,
      pairs: [
        [0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 0],
        [3, 3], [3, 4], [4, 4], [4, 5], [5, 5], [5, 3],
        [6, 0], [6, 3],
      ]),
    GraphCase(
      name: "disconnected parts", people: 5, groups: 3,
      pairs: [[0, 0], [1, 0], [2, 1], [3, 1], [3, 2], [4, 2]]),
    GraphCase(
      name: "duplicate pairs", people: 3, groups: 2,
      pairs: [[0, 0], [0, 0], [1, 0], [1, 1], [1, 1], [2, 1], [0, 0]]),
    GraphCase(
      name: "isolated nodes on each side", people: 4, groups: 4,
      pairs: [[0, 0], [1, 0], [1, 1], [2, 1]]),
  ]
}

/// A seeded random graph with small sizes, some isolated nodes and duplicate pairs.
func randomGraph(
  using rng: inout SeededGenerator, maxPeople: Int = 14, maxGroups: Int = 8, maxPairs: Int = 28
) -> BipartiteGraph {
  let people = Int.random(in: 0...maxPeople, using: &rng)
  let groups = Int.random(in: 0...maxGroups, using: &rng)
  var pairs: [(PersonIndex, GroupIndex)] = []
  if people > 0 && groups > 0 {
    for _ in 0..<Int.random(in: 0...maxPairs, using: &rng) {
      pairs.append(
        (
          PersonIndex(Int.random(in: 0..<people, using: &rng)),
          GroupIndex(Int.random(in: 0..<groups, using: &rng))
        ))
    }
  }
  return BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
}

/// The neighbour sets of every node in unified numbering, built the slow way for oracles.
func naiveAdjacency(_ graph: BipartiteGraph) -> [Set<Int>] {
  var adjacency = [Set<Int>](repeating: [], count: graph.nodeCount)
  for p in graph.people {
    for g in graph.groups(of: p) {
      adjacency[p.position].insert(graph.personCount + g.position)
      adjacency[graph.personCount + g.position].insert(p.position)
    }
  }
  return adjacency
}

/// Counts connected components with some nodes and one edge left out, for oracles.
func naiveComponentCount(
  _ adjacency: [Set<Int>], removing removed: Int? = nil, withoutEdge edge: (Int, Int)? = nil
) -> Int {
  var seen = [Bool](repeating: false, count: adjacency.count)
  var count = 0
  for start in adjacency.indices where !seen[start] && start != removed {
    count += 1
    seen[start] = true
    var stack = [start]
    while let v = stack.popLast() {
      for w in adjacency[v] where !seen[w] && w != removed {
        if let (a, b) = edge, (v == a && w == b) || (v == b && w == a) { continue }
        seen[w] = true
        stack.append(w)
      }
    }
  }
  return count
}

/// A path of `length` memberships: p0-g0-p1-g1-...; `length + 1` nodes in all.
func pathGraph(memberships length: Int) -> BipartiteGraph {
  let groups = (length + 1) / 2
  let people = length - groups + 1
  var pairs: [(PersonIndex, GroupIndex)] = []
  pairs.reserveCapacity(length)
  for i in 0..<length {
    // Edge i joins node i and node i + 1 of the path; even nodes are people, odd are groups.
    let person = i % 2 == 0 ? i / 2 : (i + 1) / 2
    pairs.append((PersonIndex(person), GroupIndex(i / 2)))
  }
  return BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
}

import Testing

@testable import MembershipGraph

struct BetweennessTests {
  /// Raw betweenness over ordered pairs `(s, t)` with `s` among `sources`, from all-pairs BFS
  /// distances and shortest-path counts: `σ(s,v)·σ(v,t)/σ(s,t)` when `v` lies on a shortest path.
  private func bruteForceSums(_ graph: BipartiteGraph, sources: [Int]) -> [Double] {
    let n = graph.nodeCount
    let adjacency = naiveAdjacency(graph)
    var distance = [[Int]](repeating: [Int](repeating: -1, count: n), count: n)
    var paths = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for s in 0..<n {
      distance[s][s] = 0
      paths[s][s] = 1
      var queue = [s]
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for w in adjacency[v].sorted() {
          if distance[s][w] < 0 {
            distance[s][w] = distance[s][v] + 1
            queue.append(w)
          }
          if distance[s][w] == distance[s][v] + 1 { paths[s][w] += paths[s][v] }
        }
      }
    }
    var sums = [Double](repeating: 0, count: n)
    for s in sources {
      for t in 0..<n where t != s && distance[s][t] > 0 {
        for v in 0..<n where v != s && v != t && distance[s][v] > 0 && distance[v][t] > 0 {
          if distance[s][v] + distance[v][t] == distance[s][t] {
            sums[v] += paths[s][v] * paths[v][t] / paths[s][t]
          }
        }
      }
    }
    return sums
  }

  private func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9) {
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) {
      #expect(abs(a - e) <= tolerance, "got \(a), expected \(e)")
    }
  }

  private func checkAgainstOracle(_ graph: BipartiteGraph) {
    let n = graph.nodeCount
    let sums = bruteForceSums(graph, sources: Array(0..<n))
    let normalizer = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
    let scale = n > 2 ? 0.5 : 1
    expectClose(graph.betweennessCentrality(), sums.map { $0 * normalizer })
    expectClose(graph.betweennessCentrality(normalized: false), sums.map { $0 * scale })
  }

  @Test(arguments: 0..<300)
  func betweennessMatchesAllPairsPathCountingOnRandomGraphs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(3000 + seed))
    checkAgainstOracle(randomGraph(using: &rng))
  }

  @Test(arguments: 0..<20)
  func betweennessMatchesOracleOnLargerGraphsSplitAcrossThreads(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(4000 + seed))
    let graph = randomGraph(using: &rng, maxPeople: 60, maxGroups: 30, maxPairs: 110)
    checkAgainstOracle(graph)
    #expect(graph.betweennessCentrality() == graph.betweennessCentrality())
  }

  @Test(arguments: GraphCase.all)
  func betweennessMatchesAllPairsPathCountingOnHandMadeGraphs(testCase: GraphCase) {
    checkAgainstOracle(testCase.graph)
  }

  @Test(arguments: 0..<100)
  func sampledBetweennessRescalesPivotSumsLikeNetworkX(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(5000 + seed))
    let graph = randomGraph(using: &rng, maxPeople: 20, maxGroups: 10, maxPairs: 40)
    let n = graph.nodeCount
    guard n >= 3 else { return }
    let k = Int.random(in: 1...n, using: &rng)
    let pivots = graph.betweennessPivots(count: k, seed: UInt64(seed))
    #expect(Set(pivots).count == k)
    let sums = bruteForceSums(graph, sources: pivots.map { Int($0) })
    let isPivot = Set(pivots.map { Int($0) })
    let sampled = graph.betweennessCentrality(pivots: k, seed: UInt64(seed))
    if k == n {
      expectClose(sampled, graph.betweennessCentrality())
      return
    }
    // NetworkX 3.6 `_rescale` with endpoints=False and k sampled sources.
    let expected = (0..<n).map { v -> Double in
      if isPivot.contains(v) {
        return k > 1 ? sums[v] / (Double(k - 1) * Double(n - 2)) : 0
      }
      return sums[v] / (Double(k) * Double(n - 2))
    }
    expectClose(sampled, expected)
    let raw = graph.betweennessCentrality(pivots: k, seed: UInt64(seed), normalized: false)
    expectClose(raw, expected.map { $0 * Double(n - 1) * Double(n - 2) / 2 })
    #expect(sampled == graph.betweennessCentrality(pivots: k, seed: UInt64(seed)))
  }

  @Test func pathBetweennessMatchesClosedForm() {
    // On a path of n nodes, the i-th node lies between i·(n-1-i) pairs.
    let graph = pathGraph(memberships: 400)
    let n = graph.nodeCount
    let values = graph.betweennessCentrality(normalized: false)
    for i in 0..<n {
      // Path node i is person i/2 when i is even, group (i-1)/2 when odd.
      let unified = i % 2 == 0 ? i / 2 : graph.personCount + (i - 1) / 2
      #expect(values[unified] == Double(i * (n - 1 - i)))
    }
  }

  /// A chain of `k` diamonds: person i and person i + 1 are both on teams 2i and 2i + 1, so
  /// there are 2^k shortest paths from the first person to the last.
  private func diamondChain(_ k: Int) -> BipartiteGraph {
    var pairs: [(PersonIndex, GroupIndex)] = []
    for i in 0..<k {
      for g in [2 * i, 2 * i + 1] {
        pairs.append((PersonIndex(i), GroupIndex(g)))
        pairs.append((PersonIndex(i + 1), GroupIndex(g)))
      }
    }
    return BipartiteGraph(personCount: k + 1, groupCount: 2 * k, memberships: pairs)
  }

  /// On a chain of k diamonds every path between the 3i nodes left of inner person i and the
  /// 3(k - i) right of it passes through i, and i is one of the two middles of each of its two
  /// diamonds' team pairs: 9i(k - i) + 1 pairs (1/2 at the ends). A team of diamond i carries
  /// half the paths between the 3i + 1 nodes up to person i and the 3(k - i) - 2 from person
  /// i + 1 on. Past about a thousand diamonds the path counts (2^k) pass Double's range: exact
  /// Brandes keeps an exponent beside them there, so the values stay exact.
  @Test(arguments: [1, 2, 9, 60, 1_100])
  func aLadderOfDiamondsMatchesItsClosedFormHoweverLong(k: Int) {
    let graph = diamondChain(k)
    let values = graph.betweennessCentrality(normalized: false)
    #expect(values.allSatisfy { $0.isFinite })
    for i in 0...k {
      let expected = i == 0 || i == k ? 0.5 : Double(9 * i * (k - i) + 1)
      #expect(abs(values[i] - expected) <= 1e-9 * max(1, expected), "person \(i)")
    }
    for i in 0..<k {
      let expected = Double((3 * i + 1) * (3 * (k - i) - 2)) / 2
      for g in [2 * i, 2 * i + 1] {
        let value = values[k + 1 + g]
        #expect(abs(value - expected) <= 1e-9 * max(1, expected), "team \(g)")
      }
    }
  }

  /// Expected values computed with python3 and NetworkX 3.6.1:
  /// `nx.betweenness_centrality(G, normalized=True)` on the same graphs, nodes numbered
  /// people first, then groups (`G.add_nodes_from(range(P + G))`, edges `(p, P + g)`).
  static let networkXCases: [(people: Int, groups: Int, pairs: [(Int, Int)], expected: [Double])] =
    [
      (
        5, 3, [(0, 0), (1, 0), (1, 1), (2, 1), (3, 1), (3, 2), (4, 2)],
        [
          0.0, 0.47619047619047616, 0.0, 0.47619047619047616, 0.0, 0.2857142857142857,
          0.7142857142857142, 0.2857142857142857,
        ]
      ),
      (
        6, 5, [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (0, 3), (4, 0)],
        [
          0.15555555555555556, 0.15555555555555556, 0.11111111111111112, 0.11111111111111112,
          0.0, 0.0, 0.2555555555555556, 0.13333333333333333, 0.1, 0.13333333333333333, 0.0,
        ]
      ),
      (
        7, 4,
        [
          (0, 0), (0, 1), (1, 0), (2, 1), (2, 2), (3, 2), (4, 2), (4, 3), (5, 3), (6, 0), (6, 3),
          (1, 1),
        ],
        [
          0.07037037037037036, 0.07037037037037036, 0.22222222222222224, 0.0,
          0.21481481481481476, 0.0, 0.22222222222222224, 0.23333333333333334,
          0.23333333333333334, 0.3333333333333333, 0.3333333333333333,
        ]
      ),
    ]

  @Test(arguments: 0..<3)
  func betweennessMatchesNetworkX(caseIndex: Int) {
    let testCase = Self.networkXCases[caseIndex]
    let graph = BipartiteGraph(
      personCount: testCase.people, groupCount: testCase.groups,
      memberships: testCase.pairs.map { (PersonIndex($0.0), GroupIndex($0.1)) })
    expectClose(graph.betweennessCentrality(), testCase.expected)
  }
}

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
